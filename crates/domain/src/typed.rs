//! Values as people type them: the one reader for every form, the CLI and office-file
//! imports. `2026/5/1`, `¥1,234.50`, `5万`, `月结30天`, `单店` are read; anything that
//! could mean two things (`01/05/2026`, `12,34`, `月结`) is refused naming why, never
//! guessed, and an amount is never rounded. The stored forms (`Money`'s `FromStr`,
//! `PaymentTerms`' codes, ISO dates) stay strict: they are what the books exchange.

use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use crate::customer::{CustomerKind, CustomerStatus, Importance};
use crate::error::DomainError;
use crate::ledger::PaymentMethod;
use crate::money::{parse_decimal, Money};
use crate::terms::{PaymentTerms, MAX_TERM_DAYS};

/// Full-width ASCII (typed with a Chinese IME in full-width mode) read as ASCII, the
/// ideographic space as a space; everything else kept.
pub fn normalize(text: &str) -> String {
    text.trim()
        .chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            '\u{2212}' => '-',
            _ => c,
        })
        .collect::<String>()
        .trim()
        .to_string()
}

/// A value as compared: full-width folded (`normalize`), every space aside.
pub(crate) fn compact(text: &str) -> String {
    normalize(text).chars().filter(|c| !c.is_whitespace()).collect()
}

/// A date as people type it: `2026-05-01`, `2026-5-1`, `2026/5/1`, `2026.5.1`,
/// `2026年5月1日`, `20260501`, and `12月1日` (this year, from `today`). A time after the
/// date (`2026/5/1 0:00`, as Excel writes into CSV) is ignored. Day-month orders
/// (`01/05/2026`, `12/1`) are refused as ambiguous.
pub fn parse_date_typed(text: &str, today: NaiveDate) -> Result<NaiveDate, DomainError> {
    parse_date_in(text, Some(today.year()))
}

/// As [`parse_date_typed`], but the year must be written: for files, where `12月1日`
/// could be any year of the books.
pub fn parse_date_with_year(text: &str) -> Result<NaiveDate, DomainError> {
    parse_date_in(text, None)
}

fn parse_date_in(text: &str, this_year: Option<i32>) -> Result<NaiveDate, DomainError> {
    let shown = text.trim().to_string();
    let t = compact(&without_time(&normalize(text)));
    let malformed = || DomainError::MalformedDate(shown.clone());
    if t.is_empty() {
        return Err(malformed());
    }
    let (year, month, day) = if t.contains('年') || t.contains('月') {
        chinese_date(&t, this_year).ok_or_else(malformed)?
    } else if t.len() == 8 && all_digits(&t) {
        (num(&t[0..4]), num(&t[4..6]), num(&t[6..8]))
    } else {
        separated_date(&t, &shown)?
    };
    NaiveDate::from_ymd_opt(year as i32, month, day)
        .filter(|d| d.year() >= 1900)
        .ok_or(DomainError::ImpossibleDate(shown))
}

/// Drops a trailing time of day: `2026/5/1 0:00`, `2026-05-01T08:30:00`.
fn without_time(text: &str) -> String {
    let cut = text.rfind([' ', 'T']).filter(|&i| {
        let time = &text[i + 1..];
        time.contains(':') && time.chars().all(|c| c.is_ascii_digit() || c == ':' || c == '.')
    });
    match cut {
        Some(i) => text[..i].to_string(),
        None => text.to_string(),
    }
}

fn chinese_date(t: &str, this_year: Option<i32>) -> Option<(u32, u32, u32)> {
    let (year, rest) = match t.split_once('年') {
        Some((y, rest)) if y.len() == 4 && all_digits(y) => (num(y), rest),
        Some(_) => return None,
        None => (u32::try_from(this_year?).ok()?, t),
    };
    let (month, day) = rest.split_once('月')?;
    let day = day.strip_suffix('日').or_else(|| day.strip_suffix('号')).unwrap_or(day);
    let small = |s: &str| (1..=2).contains(&s.len()) && all_digits(s);
    (small(month) && small(day)).then(|| (year, num(month), num(day)))
}

fn separated_date(t: &str, shown: &str) -> Result<(u32, u32, u32), DomainError> {
    let malformed = || DomainError::MalformedDate(shown.to_string());
    let sep = t.chars().find(|c| matches!(c, '-' | '/' | '.')).ok_or_else(malformed)?;
    let parts: Vec<&str> = t.split(sep).collect();
    if parts.iter().any(|p| p.is_empty() || !all_digits(p)) {
        return Err(malformed());
    }
    match parts.as_slice() {
        [y, m, d] if y.len() == 4 && m.len() <= 2 && d.len() <= 2 => Ok((num(y), num(m), num(d))),
        [a, _, c] if a.len() <= 2 && (c.len() == 4 || c.len() == 2) => {
            Err(DomainError::AmbiguousDate(shown.to_string()))
        }
        [a, b] if a.len() <= 2 && b.len() <= 2 => Err(DomainError::AmbiguousDate(shown.to_string())),
        _ => Err(malformed()),
    }
}

fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// Only called on 1 to 4 ASCII digits.
fn num(s: &str) -> u32 {
    s.parse().unwrap_or(0)
}

/// An amount as people type it: `1234.5`, `1,234.50`, `¥1,234.50`, `￥1234.5`,
/// `1234.50元`, `5万`, `1.5万元`, `-5`, `(100.00)`. Signed: a caller that takes no
/// negative refuses one as it does today. More than 2 decimals (after 万) is refused,
/// never rounded; commas must group thousands (`12,34` is refused).
pub fn parse_amount_typed(text: &str) -> Result<Money, DomainError> {
    let shown = text.trim().to_string();
    let malformed = || DomainError::MalformedAmount(shown.clone());
    let mut t = compact(text);
    let mut negative = false;
    if let Some(inner) = t.strip_prefix('(').and_then(|s| s.strip_suffix(')')) {
        negative = true;
        t = inner.to_string();
    }
    let mut rest = t.as_str();
    for _ in 0..2 {
        if let Some(r) = rest.strip_prefix('-').filter(|_| !negative) {
            negative = true;
            rest = r;
        }
        rest = strip_currency(rest);
    }
    let rest = rest.strip_suffix('元').unwrap_or(rest);
    let (digits, wan) = match rest.strip_suffix('万') {
        Some(d) => (d, true),
        None => (rest, false),
    };
    let plain = ungroup(digits).filter(|p| !p.starts_with('-')).ok_or_else(malformed)?;
    let value = parse_decimal(&plain, if wan { 6 } else { 2 }).map_err(|e| match e {
        DomainError::TooPrecise(..) => DomainError::TooManyDecimals(shown.clone()),
        DomainError::AmountOutOfRange(_) => DomainError::AmountOutOfRange(shown.clone()),
        _ => malformed(),
    })?;
    let value = if wan { value * Decimal::from(10_000) } else { value };
    let money = Money::from_decimal(value).map_err(|e| match e {
        DomainError::TooManyDecimals(_) => DomainError::TooManyDecimals(shown.clone()),
        _ => DomainError::AmountOutOfRange(shown.clone()),
    })?;
    Ok(if negative { -money } else { money })
}

/// A quantity or unit price as typed (`1,200`, `¥12.50`, `12.5元`, full-width digits) as
/// the plain decimal its own rules then check (their decimals, their sign); text that is
/// not such a number is given back trimmed, to be refused naming what was typed.
pub fn plain_number(text: &str) -> String {
    let t = compact(text);
    let t = strip_currency(&t);
    let t = t.strip_suffix('元').unwrap_or(t);
    ungroup(t).unwrap_or_else(|| text.trim().to_string())
}

fn strip_currency(text: &str) -> &str {
    for sign in ["¥", "￥", "RMB", "rmb", "CNY", "cny"] {
        if let Some(rest) = text.strip_prefix(sign) {
            return rest;
        }
    }
    text
}

/// `1,234,567.50` → `1234567.50`; `None` when commas do not group thousands.
fn ungroup(text: &str) -> Option<String> {
    if !text.contains(',') {
        return Some(text.to_string());
    }
    let (whole, fraction) = match text.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (text, None),
    };
    let groups: Vec<&str> = whole.split(',').collect();
    let first_ok = (1..=3).contains(&groups[0].len()) && all_digits(groups[0]);
    let rest_ok = groups[1..].iter().all(|g| g.len() == 3 && all_digits(g));
    if !first_ok || !rest_ok || fraction.is_some_and(|f| f.contains(',')) {
        return None;
    }
    let mut plain = groups.concat();
    if let Some(f) = fraction {
        plain.push('.');
        plain.push_str(f);
    }
    Some(plain)
}

/// Payment terms in words or codes: `货到付款`/`现结`/`现款`/`cod` → cod; `30`/`30天`/
/// `账期30天`/`net 30`/`net:30` → net:30; `月结30天`/`月结30`/`eom:30` → eom:30;
/// `月底结清` → eom:0; `票到30天`/`票到30天付款`/`inv:30` → inv:30. `月结` alone names no
/// number of days and is refused.
pub fn parse_terms_typed(text: &str) -> Result<PaymentTerms, DomainError> {
    let t = compact(text).to_lowercase();
    let bad = || DomainError::MalformedTerms(text.trim().to_string());
    if let Ok(terms) = PaymentTerms::from_str(&t) {
        return Ok(terms);
    }
    match t.as_str() {
        "货到付款" | "现结" | "现款" | "现款现结" | "cashondelivery" | "cash" => {
            return Ok(PaymentTerms::Cod)
        }
        "月底结清" | "当月结清" | "endofmonth" => return Ok(PaymentTerms::Eom(0)),
        _ => {}
    }
    let invoice = ["票到", "收票后", "开票后", "inv"].iter().find_map(|p| t.strip_prefix(p));
    if let Some(rest) = invoice {
        let rest = rest.strip_suffix("付款").unwrap_or(rest);
        return term_days(rest).map(PaymentTerms::Inv).ok_or_else(bad);
    }
    let eom = ["月结", "endofmonth+", "eom+", "eom"].iter().find_map(|p| t.strip_prefix(p));
    if let Some(rest) = eom {
        return term_days(rest).map(PaymentTerms::Eom).ok_or_else(bad);
    }
    let net = ["账期", "net"].iter().find_map(|p| t.strip_prefix(p)).unwrap_or(&t);
    term_days(net).map(PaymentTerms::Net).ok_or_else(bad)
}

/// `30`, `30天`, `30日`, `30days`, `30d` → 30, within the terms' bound.
fn term_days(text: &str) -> Option<u16> {
    let digits = ["天", "日", "days", "day", "d"].iter().find_map(|s| text.strip_suffix(s)).unwrap_or(text);
    if !all_digits(digits) || digits.len() > 4 {
        return None;
    }
    digits.parse().ok().filter(|d| *d <= MAX_TERM_DAYS)
}

/// A year as people type it where a year is asked: `2012`, `2012年`.
pub fn parse_year_typed(text: &str) -> Result<i32, DomainError> {
    let t = compact(text);
    let digits = t.strip_suffix('年').unwrap_or(&t);
    if digits.len() != 4 || !all_digits(digits) {
        return Err(DomainError::MalformedNumber(text.trim().to_string()));
    }
    Ok(num(digits) as i32)
}

/// A choice typed as its code or as a word for it (Chinese or English).
fn choice<T: FromStr<Err = DomainError> + Copy>(text: &str, words: &[(&str, T)]) -> Result<T, DomainError> {
    let t = normalize(text).to_lowercase().split_whitespace().collect::<Vec<_>>().join("_").replace('-', "_");
    match words.iter().find(|(w, _)| *w == t) {
        Some((_, value)) => Ok(*value),
        None => T::from_str(&t).map_err(|e| match e {
            DomainError::UnknownChoice { field, expected, .. } => {
                DomainError::UnknownChoice { field, value: text.trim().to_string(), expected }
            }
            other => other,
        }),
    }
}

pub fn parse_kind_typed(text: &str) -> Result<CustomerKind, DomainError> {
    use CustomerKind::*;
    choice(
        text,
        &[
            ("单店", Shop),
            ("门店", Shop),
            ("商店", Shop),
            ("店铺", Shop),
            ("store", Shop),
            ("连锁", Chain),
            ("连锁店", Chain),
            ("企业", Enterprise),
            ("公司", Enterprise),
            ("company", Enterprise),
            ("诊所", Clinic),
            ("个人", Individual),
            ("person", Individual),
            ("其他", Other),
            ("其它", Other),
        ],
    )
}

pub fn parse_method_typed(text: &str) -> Result<PaymentMethod, DomainError> {
    use PaymentMethod::*;
    choice(
        text,
        &[
            ("银行转账", Bank),
            ("转账", Bank),
            ("银行", Bank),
            ("bank_transfer", Bank),
            ("transfer", Bank),
            ("现金", Cash),
            ("微信", Wechat),
            ("微信支付", Wechat),
            ("wechat_pay", Wechat),
            ("支付宝", Alipay),
            ("支票", Cheque),
            ("check", Cheque),
            ("承兑汇票", AcceptanceBill),
            ("承兑", AcceptanceBill),
            ("银行承兑汇票", AcceptanceBill),
            ("商业承兑汇票", AcceptanceBill),
            ("acceptance", AcceptanceBill),
            ("其他", Other),
            ("其它", Other),
        ],
    )
}

pub fn parse_status_typed(text: &str) -> Result<CustomerStatus, DomainError> {
    use CustomerStatus::*;
    choice(
        text,
        &[
            ("正常", Active),
            ("活跃", Active),
            ("启用", Active),
            ("暂停", OnHold),
            ("暂停赊销", OnHold),
            ("hold", OnHold),
            ("停止往来", Blocked),
            ("停止赊销", Blocked),
            ("禁止赊销", Blocked),
            ("冻结", Blocked),
            ("拉黑", Blocked),
            ("关闭", Closed),
            ("已关闭", Closed),
            ("停用", Closed),
            ("注销", Closed),
        ],
    )
}

pub fn parse_importance_typed(text: &str) -> Result<Importance, DomainError> {
    use Importance::*;
    choice(
        text,
        &[
            ("重点客户", Key),
            ("重点", Key),
            ("重要", Key),
            ("关键", Key),
            ("important", Key),
            ("普通", Normal),
            ("普通客户", Normal),
            ("一般", Normal),
        ],
    )
}

#[cfg(test)]
#[path = "typed_tests.rs"]
mod tests;
