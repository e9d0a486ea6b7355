//! Late-payment interest (逾期利息 / 违约金) on overdue receivables.
//!
//! A customer's contract either agrees a rate (a daily rate such as 万分之五, or an annual
//! rate), or agrees none; then the seller's loss is measured, as the courts do for sales
//! contracts (《最高人民法院关于审理买卖合同纠纷案件适用法律问题的解释》 art. 18(4)), on the
//! one-year loan market quoted rate (LPR) in force when the breach occurred, with an uplift
//! of 30%–50% (× 1.3 to × 1.5), which the owner chooses.
//!
//! The rules, stated so that a lawyer can check every figure by hand:
//! - Interest runs from the day after the due date up to and including the as-of date: an
//!   item due 2026-03-31 and counted to 2026-04-30 has 30 days.
//! - Daily rate: principal × rate × days (actual days).
//! - Annual rate and LPR: principal × annual rate × days / 365 (actual/365). A leap year
//!   changes nothing: its 366 days each count 1/365 of a year's interest.
//! - LPR: art. 18(4) takes the LPR "违约行为发生时": each item's rate is the LPR in force on
//!   its first day overdue (the day after the due date) times the uplift, fixed for that
//!   item up to the as-of date; a later change of the LPR does not touch it.
//! - An item whose breach began before the first LPR (2019-08-20) falls under the old
//!   benchmark-rate rule (中国人民银行同期同类贷款基准利率), which is not worked out here:
//!   the item keeps its principal in the claim, its interest is 0.00 and it is named as
//!   not computed, with the reason, in the basis.
//! - The principal is what is open of the item on the as-of date (payments already set
//!   against it are not traced back day by day).
//! - Exact decimals throughout; the one division (by 365) and the rounding to the cent
//!   (half up, 四舍五入) happen once per item, at the end. Totals add the rounded items.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::money::Money;

/// What a customer's contract says about late payment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, Default)]
#[serde(tag = "basis", rename_all = "snake_case")]
pub enum InterestTerms {
    /// No interest is claimed.
    #[default]
    None,
    /// The contract's daily rate, as a fraction: 万分之五 is 0.0005.
    DailyRate {
        #[ts(type = "string")]
        rate: Decimal,
    },
    /// The contract's annual rate, as a fraction: 12% a year is 0.12.
    AnnualRate {
        #[ts(type = "string")]
        rate: Decimal,
    },
    /// No agreed rate: the one-year LPR times this factor (1.5 is LPR + 50%).
    Lpr {
        #[ts(type = "string")]
        uplift: Decimal,
    },
}

/// One published one-year LPR: the rate in force from `effective` until the next one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct LprRate {
    pub effective: NaiveDate,
    /// Percent a year, as published: 3.10 is 3.10%.
    #[ts(type = "string")]
    pub percent: Decimal,
}

/// The one-year LPR as the National Interbank Funding Center published it (全国银行间同业拆借
/// 中心, authorised by the People's Bank of China), each change only: the months between kept
/// the rate. Source: the PBOC's monthly LPR announcements; 2019-08 4.25%, 2020-04 3.85%,
/// 2021-12 3.80% and 2022-04 3.70% were checked against the press reports of those months.
/// The owner adds later changes in settings.
pub fn published_lpr() -> Vec<LprRate> {
    let rate = |y, m, d, percent: &str| LprRate {
        effective: NaiveDate::from_ymd_opt(y, m, d).expect("a real date"),
        percent: percent.parse().expect("a decimal"),
    };
    vec![
        rate(2019, 8, 20, "4.25"),
        rate(2019, 9, 20, "4.20"),
        rate(2019, 11, 20, "4.15"),
        rate(2020, 2, 20, "4.05"),
        rate(2020, 4, 20, "3.85"),
        rate(2021, 12, 20, "3.80"),
        rate(2022, 1, 20, "3.70"),
        rate(2022, 8, 22, "3.65"),
        rate(2023, 6, 20, "3.55"),
        rate(2023, 8, 21, "3.45"),
        rate(2024, 7, 22, "3.35"),
        rate(2024, 10, 21, "3.10"),
        rate(2025, 5, 20, "3.00"),
    ]
}

/// The first one-year LPR was published on 2019-08-20 (the PBOC's reform announcement No.
/// 15 of 2019); a breach before it falls under the benchmark-rate rule, not worked out here.
pub fn lpr_start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2019, 8, 20).expect("a real date")
}

/// Why interest could not be worked out, in both languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InterestError {
    /// A day of the period has no LPR on or before it in the table.
    NoLpr(NaiveDate),
    /// A rate or uplift outside what a contract or a court would allow.
    BadTerms { en: String, zh: String },
    /// The table holds one date twice, or a rate that is not a positive percent.
    BadTable { en: String, zh: String },
}

impl InterestError {
    pub fn en(&self) -> String {
        match self {
            Self::NoLpr(day) => {
                format!("no LPR is known on or before {day}: add the rate in force then to the LPR table")
            }
            Self::BadTerms { en, .. } | Self::BadTable { en, .. } => en.clone(),
        }
    }

    pub fn zh(&self) -> String {
        match self {
            Self::NoLpr(day) => format!("LPR 表中没有 {day} 当日或之前公布的利率：请在 LPR 表中补充当时的利率"),
            Self::BadTerms { zh, .. } | Self::BadTable { zh, .. } => zh.clone(),
        }
    }
}

fn bad_terms(en: &str, zh: &str) -> InterestError {
    InterestError::BadTerms { en: en.into(), zh: zh.into() }
}

impl InterestTerms {
    /// A daily rate above 1% or an annual one above 100% is a typing slip (0.05 for 0.0005),
    /// not a contract; an uplift is between LPR itself and the four-fold LPR cap on private
    /// lending.
    pub fn check(&self) -> Result<(), InterestError> {
        match self {
            Self::None => Ok(()),
            Self::DailyRate { rate } if *rate <= Decimal::ZERO || *rate > Decimal::new(1, 2) => Err(bad_terms(
                "the daily rate must be above 0 and at most 0.01 (1% a day); 万分之五 is 0.0005",
                "日利率必须大于 0 且不超过 0.01（每日 1%）；万分之五应填 0.0005",
            )),
            Self::AnnualRate { rate } if *rate <= Decimal::ZERO || *rate > Decimal::ONE => Err(bad_terms(
                "the annual rate must be above 0 and at most 1 (100% a year); 12% is 0.12",
                "年利率必须大于 0 且不超过 1（每年 100%）；12% 应填 0.12",
            )),
            Self::Lpr { uplift } if *uplift < Decimal::ONE || *uplift > Decimal::new(4, 0) => Err(bad_terms(
                "the LPR uplift must be between 1 and 4 (courts use 1.3 to 1.5: LPR + 30% to 50%)",
                "LPR 上浮倍数必须在 1 到 4 之间（法院通常按 1.3 至 1.5 倍，即上浮 30%–50%）",
            )),
            _ => Ok(()),
        }
    }
}

/// Checks the LPR table an owner edited: dates unique, rates positive and below 100%.
pub fn check_lpr_table(table: &[LprRate]) -> Result<(), InterestError> {
    for (i, r) in table.iter().enumerate() {
        if r.percent <= Decimal::ZERO || r.percent >= Decimal::ONE_HUNDRED {
            return Err(InterestError::BadTable {
                en: format!("the LPR of {} must be a percent above 0 and below 100 (3.10 for 3.10%)", r.effective),
                zh: format!("{} 的 LPR 必须是大于 0、小于 100 的百分数（3.10% 填 3.10）", r.effective),
            });
        }
        if table[..i].iter().any(|o| o.effective == r.effective) {
            return Err(InterestError::BadTable {
                en: format!("the LPR table holds {} twice", r.effective),
                zh: format!("LPR 表中 {} 出现了两次", r.effective),
            });
        }
    }
    Ok(())
}

/// The LPR in force on `day`: the latest published on or before it.
pub fn lpr_on(table: &[LprRate], day: NaiveDate) -> Option<Decimal> {
    table.iter().filter(|r| r.effective <= day).max_by_key(|r| r.effective).map(|r| r.percent)
}

/// An overdue receivable as the interest sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OverdueItem {
    pub number: String,
    pub due_date: NaiveDate,
    pub open: Money,
}

/// A run of days charged at one rate (an item has one: its rate is fixed when it falls due).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct InterestSpan {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub days: i64,
    /// The rate charged, in percent: a day's for a daily rate, a year's otherwise (for LPR,
    /// the LPR in force on the first day overdue times the uplift).
    #[ts(type = "string")]
    pub percent: Decimal,
    /// The LPR itself (percent a year) for an LPR span.
    #[ts(type = "string | null")]
    pub lpr_percent: Option<Decimal>,
}

/// The interest of one item to a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ItemInterest {
    pub number: String,
    pub due_date: NaiveDate,
    pub principal: Money,
    pub days: i64,
    pub spans: Vec<InterestSpan>,
    pub interest: Money,
    /// LPR terms and a breach that began before the first LPR (2019-08-20): the old
    /// benchmark-rate rule applies, so no interest is worked out for this item.
    #[serde(default)]
    pub before_lpr: bool,
}

/// The claim on a customer: every item's interest, and principal + interest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Claim {
    pub as_of: NaiveDate,
    pub terms: InterestTerms,
    pub items: Vec<ItemInterest>,
    pub principal: Money,
    pub interest: Money,
    pub total: Money,
    /// How the interest was worked out, in the document language (for letters and packs).
    pub basis: String,
    /// The basis in English and in Chinese, for a screen in either language.
    #[serde(default)]
    pub basis_en: String,
    #[serde(default)]
    pub basis_zh: String,
}

/// Days of interest on an item due `due` counted to `as_of`: from the day after the due date
/// to the as-of date, both included; none when not yet overdue.
pub fn overdue_days(due: NaiveDate, as_of: NaiveDate) -> i64 {
    (as_of - due).num_days().max(0)
}

/// One item's interest to `as_of` (see the module's rules).
pub fn item_interest(
    terms: &InterestTerms,
    table: &[LprRate],
    item: &OverdueItem,
    as_of: NaiveDate,
) -> Result<ItemInterest, InterestError> {
    let days = overdue_days(item.due_date, as_of);
    let principal = item.open.max(Money::ZERO);
    let mut result = ItemInterest {
        number: item.number.clone(),
        due_date: item.due_date,
        principal,
        days,
        spans: Vec::new(),
        interest: Money::ZERO,
        before_lpr: false,
    };
    if days == 0 || principal.is_zero() {
        return Ok(result);
    }
    let from = item.due_date.succ_opt().expect("a date inside the calendar");
    let p = principal.to_decimal();
    let hundred = Decimal::ONE_HUNDRED;
    let exact = match terms {
        InterestTerms::None => return Ok(result),
        InterestTerms::DailyRate { rate } => {
            result.spans.push(InterestSpan { from, to: as_of, days, percent: rate * hundred, lpr_percent: None });
            p * rate * Decimal::from(days)
        }
        InterestTerms::AnnualRate { rate } => {
            result.spans.push(InterestSpan { from, to: as_of, days, percent: rate * hundred, lpr_percent: None });
            p * rate * Decimal::from(days) / Decimal::from(365)
        }
        InterestTerms::Lpr { uplift } => {
            // Art. 18(4): the LPR when the breach occurred, i.e. on the first day overdue.
            if from < lpr_start() {
                result.before_lpr = true;
                return Ok(result);
            }
            let lpr = lpr_on(table, from).ok_or(InterestError::NoLpr(from))?;
            let percent = lpr * uplift;
            result.spans.push(InterestSpan { from, to: as_of, days, percent, lpr_percent: Some(lpr) });
            // principal × percent × days, then the one division by 100 × 365.
            p * percent * Decimal::from(days) / Decimal::from(36_500)
        }
    };
    result.interest = Money::round_half_up(exact)
        .map_err(|_| bad_terms("the interest is too large to print", "利息金额过大，无法打印"))?;
    Ok(result)
}

/// The claim on `items` to `as_of`, its basis worded in Chinese (`zh`) or English.
pub fn claim(
    terms: &InterestTerms,
    table: &[LprRate],
    items: &[OverdueItem],
    as_of: NaiveDate,
    zh: bool,
) -> Result<Claim, InterestError> {
    terms.check()?;
    let items: Vec<ItemInterest> =
        items.iter().map(|i| item_interest(terms, table, i, as_of)).collect::<Result<_, _>>()?;
    let principal: Money = items.iter().map(|i| i.principal).sum();
    let interest: Money = items.iter().map(|i| i.interest).sum();
    Ok(Claim {
        as_of,
        terms: terms.clone(),
        principal,
        interest,
        total: principal + interest,
        basis: claim_basis(terms, &items, zh),
        basis_en: claim_basis(terms, &items, false),
        basis_zh: claim_basis(terms, &items, true),
        items,
    })
}

/// A percent as published, to at least two places: 3.1 → "3.10", 5.025 → "5.025".
pub fn percent_text(percent: Decimal) -> String {
    let mut p = percent.normalize();
    if p.scale() < 2 {
        p.rescale(2);
    }
    p.to_string()
}

/// The basis of a claim: the terms' words, and the items left out of the LPR reckoning
/// because their breach began before the LPR existed, by number, with the reason.
pub fn claim_basis(terms: &InterestTerms, items: &[ItemInterest], zh: bool) -> String {
    let words = basis_words(terms, zh);
    let before: Vec<&str> = items.iter().filter(|i| i.before_lpr).map(|i| i.number.as_str()).collect();
    if before.is_empty() {
        return words;
    }
    let list = before.join(if zh { "、" } else { ", " });
    if zh {
        format!(
            "{words}。单据 {list} 的违约行为发生于 2019 年 8 月 20 日 LPR 首次公布之前，其逾期付款损失应按当时中国人民银行同期同类贷款基准利率计算，本次未计算其利息（列为 0.00）"
        )
    } else {
        format!(
            "{words}. For {list} the breach began before the first LPR was published on 2019-08-20: the loss is then measured on the People's Bank of China benchmark lending rate of the time, which is not computed here (shown as 0.00)"
        )
    }
}

/// The uplift as the interpretation words it: × 1.5 is "50%".
fn uplift_percent(uplift: Decimal) -> String {
    ((uplift - Decimal::ONE) * Decimal::ONE_HUNDRED).normalize().to_string()
}

/// How the interest is worked out, as a letter or a pack states it.
pub fn basis_words(terms: &InterestTerms, zh: bool) -> String {
    let hundred = Decimal::ONE_HUNDRED;
    match (terms, zh) {
        // Says what is claimed, not what the contract says: it may agree a rate the owner
        // does not press now.
        (InterestTerms::None, true) => "本次不主张逾期利息".into(),
        (InterestTerms::None, false) => "No late-payment interest is claimed".into(),
        (InterestTerms::DailyRate { rate }, true) => format!(
            "依合同约定，按逾期未付金额每日 {}%（万分之{}）计收违约金，自到期日次日起按实际逾期天数计算",
            percent_text(rate * hundred),
            (rate * Decimal::from(10_000)).normalize(),
        ),
        (InterestTerms::DailyRate { rate }, false) => format!(
            "As agreed in the contract, {}% of the overdue amount per day, for each actual day from the day after the due date",
            percent_text(rate * hundred),
        ),
        (InterestTerms::AnnualRate { rate }, true) => format!(
            "依合同约定，按年利率 {}% 计收逾期付款利息，自到期日次日起按实际逾期天数计算（一年按 365 天，闰年亦同）",
            percent_text(rate * hundred),
        ),
        (InterestTerms::AnnualRate { rate }, false) => format!(
            "As agreed in the contract, {}% a year on the overdue amount from the day after the due date, actual days / 365 (leap years too)",
            percent_text(rate * hundred),
        ),
        (InterestTerms::Lpr { uplift }, true) => format!(
            "合同未约定逾期付款违约金，依《最高人民法院关于审理买卖合同纠纷案件适用法律问题的解释》第十八条第四款，以违约行为发生时（到期日次日）全国银行间同业拆借中心公布的一年期贷款市场报价利率（LPR）为基础，加计 {}%（即 {} 倍）计算逾期付款损失；每笔款项的利率按其违约发生当日有效的 LPR 确定，其后 LPR 调整不影响该笔款项的利率；自到期日次日起按实际逾期天数计算（一年按 365 天，闰年亦同）",
            uplift_percent(*uplift),
            uplift.normalize(),
        ),
        (InterestTerms::Lpr { uplift }, false) => format!(
            "No late-payment rate agreed: under art. 18(4) of the Interpretation of the Supreme People's Court on the Application of Law in the Trial of Sales Contract Disputes, the loss is measured on the one-year Loan Prime Rate (LPR) published by the National Interbank Funding Center in force when the breach occurred (the day after the due date), plus {}% (times {}); each item's rate is the LPR in force on its first day overdue and stays fixed, whatever later LPR changes; from the day after the due date, actual days / 365 (leap years too)",
            uplift_percent(*uplift),
            uplift.normalize(),
        ),
    }
}

/// The plan agreement's late-payment clause, from the customer's own terms, so the plan
/// and the final notice claim on the same basis. A full sentence, without its full stop.
pub fn plan_interest_term(terms: &InterestTerms, zh: bool) -> String {
    let hundred = Decimal::ONE_HUNDRED;
    match (terms, zh) {
        (InterestTerms::None, true) => {
            "本计划各期款项不计利息；但乙方逾期付款的，甲方有权依法向乙方主张逾期付款损失".into()
        }
        (InterestTerms::None, false) => {
            "The instalments bear no interest; but if Party B pays any of them late, Party A may claim its loss from Party B as the law provides".into()
        }
        (InterestTerms::DailyRate { rate }, true) => format!(
            "乙方逾期付款的，应自该期还款日次日起至实际付清之日止，按逾期未付金额每日 {}%（万分之{}）向甲方支付违约金，与原合同约定一致",
            percent_text(rate * hundred),
            (rate * Decimal::from(10_000)).normalize(),
        ),
        (InterestTerms::DailyRate { rate }, false) => format!(
            "If Party B pays late, it pays Party A liquidated damages of {}% of the amount overdue per day, from the day after the instalment's date until paid, as agreed in the original contract",
            percent_text(rate * hundred),
        ),
        (InterestTerms::AnnualRate { rate }, true) => format!(
            "乙方逾期付款的，应自该期还款日次日起至实际付清之日止，按逾期未付金额年利率 {}% 向甲方支付逾期付款利息（按实际天数计算，一年按 365 天），与原合同约定一致",
            percent_text(rate * hundred),
        ),
        (InterestTerms::AnnualRate { rate }, false) => format!(
            "If Party B pays late, it pays Party A interest on the amount overdue at {}% a year, from the day after the instalment's date until paid (actual days / 365), as agreed in the original contract",
            percent_text(rate * hundred),
        ),
        (InterestTerms::Lpr { uplift }, true) => format!(
            "乙方逾期付款的，应自该期还款日次日起至实际付清之日止，以逾期未付金额为基数，按违约行为发生时全国银行间同业拆借中心公布的一年期贷款市场报价利率（LPR）加计 {}%（即 {} 倍）向甲方赔偿逾期付款损失（《最高人民法院关于审理买卖合同纠纷案件适用法律问题的解释》第十八条第四款）",
            uplift_percent(*uplift),
            uplift.normalize(),
        ),
        (InterestTerms::Lpr { uplift }, false) => format!(
            "If Party B pays late, it compensates Party A's loss on the amount overdue at the one-year Loan Prime Rate (LPR) published by the National Interbank Funding Center in force when the breach occurs, plus {}% (times {}), from the day after the instalment's date until paid (art. 18(4) of the Interpretation of the Supreme People's Court on the Application of Law in the Trial of Sales Contract Disputes)",
            uplift_percent(*uplift),
            uplift.normalize(),
        ),
    }
}

#[cfg(test)]
#[path = "interest_tests.rs"]
mod tests;
