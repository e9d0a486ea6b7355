//! A statement cell's text as the statement means it: padding gone, placeholders read as
//! nothing, dates and amounts read as people and banks write them (never rounded), and why
//! not, in English and Chinese.

use chrono::NaiveDate;

use crate::error::DomainError;
use crate::money::Money;
use crate::typed::{compact, normalize, parse_amount_typed, parse_date_with_year};

/// Why a value is not read, in English and Chinese: said after the value it is about.
pub(super) type Why = (&'static str, &'static str);

/// A heading as compared: full-width brackets, slashes and colons as ASCII, no spaces.
pub(super) fn heading_key(cell: &str) -> String {
    compact(cell).trim_end_matches(':').to_string()
}

/// Runs of spaces, tabs and line breaks as one space, none at the ends.
pub(super) fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A cell's value: the fixed-width padding (spaces, tabs) gone, Excel's text guard `="…"`
/// taken off, and the "/" WeChat and Alipay write for "nothing" read as nothing.
pub(super) fn value(cell: &str) -> String {
    let trimmed = cell.trim();
    let unguarded = trimmed.strip_prefix("=\"").and_then(|s| s.strip_suffix('"')).unwrap_or(trimmed);
    let text = collapse(unguarded);
    if text == "/" {
        String::new()
    } else {
        text
    }
}

/// A transaction number: without the `'` or `` ` `` exports put first so Excel keeps every digit.
pub(super) fn code(text: &str) -> String {
    text.trim_start_matches(['\'', '`']).trim().to_string()
}

/// An account number as matched: digits only when written as digits with spaces or dashes
/// (`6222 0212 3456`); anything else (masked `6222****0123`, an Alipay e-mail) as written.
pub(super) fn account(text: &str) -> String {
    let text = normalize(&code(text));
    let plain = text.chars().all(|c| c.is_ascii_digit() || c == ' ' || c == '-');
    if plain {
        text.chars().filter(char::is_ascii_digit).collect()
    } else {
        text
    }
}

/// CMB's 对手信息: `王建国 6222021234567890123`, `6222 0212 3456 7890 123 王建国`, or a name
/// alone. The account is the longest run holding at least 8 digits (spaces, dashes and a
/// mask's `*` between them); the name is what is left.
pub(super) fn payer_and_account(cell: &str) -> (String, String) {
    let chars: Vec<char> = normalize(cell).chars().collect();
    let Some((start, end)) = longest_number(&chars) else {
        return (collapse(&chars.iter().collect::<String>()), String::new());
    };
    let account = chars[start..end].iter().filter(|c| !matches!(c, ' ' | '-')).collect();
    let rest: String = chars[..start].iter().chain(&chars[end..]).collect();
    let name = collapse(&rest);
    let name = name.trim_matches(|c: char| c.is_whitespace() || "/|,，:：;；".contains(c));
    (name.to_string(), account)
}

/// The char range of the longest account-like run in `chars`.
fn longest_number(chars: &[char]) -> Option<(usize, usize)> {
    let digitish = |c: char| c.is_ascii_digit() || c == '*';
    let mut best: Option<(usize, usize)> = None;
    let mut i = 0;
    while i < chars.len() {
        if !digitish(chars[i]) {
            i += 1;
            continue;
        }
        let (start, mut end, mut j) = (i, i, i);
        while j < chars.len() && (digitish(chars[j]) || matches!(chars[j], ' ' | '-')) {
            if digitish(chars[j]) {
                end = j + 1;
            }
            j += 1;
        }
        let digits = chars[start..end].iter().filter(|c| c.is_ascii_digit()).count();
        if digits >= 8 && best.is_none_or(|(s, e)| end - start > e - s) {
            best = Some((start, end));
        }
        i = j;
    }
    best
}

/// The first words of the rows under the data that are no lines: totals, notes, export
/// stamps, dashed rules.
pub(super) fn is_footer_text(cell: &str) -> bool {
    const TOTALS: [&str; 5] = ["合计", "总计", "小计", "共计", "total"];
    const OPENINGS: [&str; 12] = ["-", "—", "=", "*", "#", "注", "说明", "提示", "温馨", "特别", "导出", "共"];
    let key = heading_key(cell).to_lowercase();
    TOTALS.iter().any(|w| key.contains(w)) || OPENINGS.iter().any(|w| key.starts_with(w))
}

/// A date as statements write it, a time after it ignored.
pub(super) fn date(text: &str) -> Result<NaiveDate, Why> {
    parse_date_with_year(text).map_err(|e| match e {
        DomainError::AmbiguousDate(_) => (
            "could be read two ways (day and month): a date with the year first was expected",
            "日和月可两种读法：应为年份在前的日期",
        ),
        _ => ("is not a date", "不是日期"),
    })
}

/// An amount as statements write it: `¥1,234.50`, `+1,000.00`, `-50.00`, full-width digits.
pub(super) fn amount(text: &str) -> Result<Money, Why> {
    let text = normalize(text);
    let unsigned = text.strip_prefix('+').unwrap_or(&text);
    parse_amount_typed(unsigned).map_err(|e| match e {
        DomainError::TooManyDecimals(_) => {
            ("has more than 2 decimals (amounts are never rounded)", "超过两位小数（金额不作四舍五入）")
        }
        DomainError::AmountOutOfRange(_) => ("is too large", "金额过大"),
        _ => ("is not an amount", "不是金额"),
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Direction {
    In,
    Out,
    /// WeChat's "/" (中性交易) and Alipay's 不计收支: transfers between one's own accounts.
    Neutral,
}

/// What a 收/支 or 借贷标志 cell says; None when it says neither.
pub(super) fn direction(text: &str) -> Option<Direction> {
    match heading_key(text).to_lowercase().as_str() {
        "收入" | "收" | "入" | "贷" | "贷方" | "来账" | "c" | "cr" | "credit" => Some(Direction::In),
        "支出" | "支" | "出" | "借" | "借方" | "往账" | "d" | "dr" | "debit" => Some(Direction::Out),
        "" | "/" | "不计收支" | "中性交易" => Some(Direction::Neutral),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_account_is_split_from_the_name_whichever_side_it_is_on() {
        let split = |s: &str| payer_and_account(s);
        assert_eq!(split("王建国 6222021234567890123"), ("王建国".into(), "6222021234567890123".into()));
        assert_eq!(split("6222 0212 3456 7890 123 王建国"), ("王建国".into(), "6222021234567890123".into()));
        assert_eq!(
            split("上海华联超市有限公司/3100-1234-5678"),
            ("上海华联超市有限公司".into(), "310012345678".into())
        );
        assert_eq!(split("李四 6222****56789012"), ("李四".into(), "6222****56789012".into()));
        assert_eq!(split(" 王建国 "), ("王建国".into(), String::new()));
        assert_eq!(split("第3分店 1234567"), ("第3分店 1234567".into(), String::new()), "7 digits is no account");
    }

    #[test]
    fn amounts_are_read_signed_and_never_rounded() {
        assert_eq!(amount("+1,000.00"), Ok(Money::from_cents(100_000)));
        assert_eq!(amount("-50.5"), Ok(Money::from_cents(-5_050)));
        assert_eq!(amount("¥1,234.50"), Ok(Money::from_cents(123_450)));
        assert_eq!(amount("￥１２.３"), Ok(Money::from_cents(1_230)));
        assert_eq!(amount("＋8.00"), Ok(Money::from_cents(800)));
        assert_eq!(amount("1.005").map_err(|w| w.1), Err("超过两位小数（金额不作四舍五入）"));
        assert_eq!(amount("12,34").map_err(|w| w.0), Err("is not an amount"));
    }

    #[test]
    fn dates_are_read_as_statements_write_them() {
        let may_1 = NaiveDate::from_ymd_opt(2026, 5, 1);
        for text in ["2026-05-01", "2026/5/1", "20260501", "2026年5月1日", "2026-05-01 10:22:33", "2026/5/1 0:00"] {
            assert_eq!(date(text).ok(), may_1, "{text}");
        }
        assert!(date("2026-13-01").is_err());
        assert!(date("01/05/2026").is_err());
    }

    #[test]
    fn cells_lose_their_padding_and_placeholders() {
        assert_eq!(value(" \t4200001234567890\t "), "4200001234567890");
        assert_eq!(value("=\"6222021234567890123\""), "6222021234567890123");
        assert_eq!(value("/"), "");
        assert_eq!(account("'6222 0212-3456"), "622202123456");
        assert_eq!(account("abc***@163.com"), "abc***@163.com");
        assert_eq!(heading_key("交易金额（收入） "), "交易金额(收入)");
    }
}
