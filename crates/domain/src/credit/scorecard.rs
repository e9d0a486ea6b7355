//! The credit assessment scorecard (信用评估): factors scored 1-5, warning signals, and
//! the grade, limit and terms they recommend, with the reasoning written out.

use chrono::Days;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

use super::grade::Grade;
use super::history::payment_history_score;
use super::policy::CreditPolicy;
use crate::behaviour::Behaviour;
use crate::calendar::days_between;
use crate::customer::DocLanguage;
use crate::error::DomainError;
use crate::money::Money;
use crate::terms::PaymentTerms;
use crate::word_enum;

word_enum!(
    Factor, "factor", {
        BusinessScale => "business_scale",
        OperatingCondition => "operating_condition",
        YearsInBusiness => "years_in_business",
        PaymentHistory => "payment_history",
        Relationship => "relationship",
        IndustryRisk => "industry_risk",
        Guarantees => "guarantees",
    }
);

word_enum!(
    /// The warning signals (预警信号) of a customer heading for trouble.
    Signal, "signal", {
        WagesUnpaid => "wages_unpaid",
        DumpingStock => "dumping_stock",
        KeyStaffLeaving => "key_staff_leaving",
        OwnerSpending => "owner_spending",
        PayerChanges => "payer_changes",
        Lawsuits => "lawsuits",
    }
);

impl Signal {
    pub fn en(self) -> &'static str {
        match self {
            Signal::WagesUnpaid => "wages unpaid",
            Signal::DumpingStock => "dumping stock at low prices",
            Signal::KeyStaffLeaving => "key staff leaving",
            Signal::OwnerSpending => "owner buying houses or cars or opening new stores while owing",
            Signal::PayerChanges => "frequent changes of the person who pays",
            Signal::Lawsuits => "lawsuits",
        }
    }

    pub fn zh(self) -> &'static str {
        match self {
            Signal::WagesUnpaid => "拖欠员工工资",
            Signal::DumpingStock => "低价抛售库存",
            Signal::KeyStaffLeaving => "骨干人员离职",
            Signal::OwnerSpending => "欠款期间老板买房买车或开新店",
            Signal::PayerChanges => "付款经办人频繁更换",
            Signal::Lawsuits => "涉及诉讼",
        }
    }
}

/// A sentence of the reasoning, in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct Reason {
    pub en: String,
    pub zh: String,
}

impl Reason {
    pub fn new(en: impl Into<String>, zh: impl Into<String>) -> Reason {
        Reason { en: en.into(), zh: zh.into() }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct FactorScore {
    pub factor: Factor,
    pub score: u8,
    #[serde(default)]
    pub note: String,
}

/// What the owner fills in. The payment history is not among it: it is computed.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, ts_rs::TS)]
pub struct Scorecard {
    pub factors: Vec<FactorScore>,
    #[serde(default)]
    pub signals: Vec<Signal>,
    #[serde(default)]
    pub signals_note: String,
    /// For a customer with under three months of history: what the owner expects it to buy a month.
    #[serde(default)]
    pub expected_monthly_sales: Option<Money>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct Assessment {
    /// Every factor, the computed payment history included, in the policy's order.
    pub factors: Vec<FactorScore>,
    pub signals: Vec<Signal>,
    pub signals_note: String,
    /// Weighted average of the scores, 2 decimals.
    #[ts(type = "string")]
    pub score: Decimal,
    /// The grade the score reaches before the warning signals.
    pub score_grade: Grade,
    pub grade: Grade,
    pub monthly_sales: Money,
    pub recommended_limit: Money,
    pub recommended_terms: PaymentTerms,
    pub review_months: u32,
    pub reasoning: Vec<Reason>,
}

/// Three months of purchases before their average says more than the owner's estimate.
const HISTORY_DAYS: i64 = 90;

/// Purchases per 30 days over the window, or the owner's estimate for a new customer.
fn monthly_sales(card: &Scorecard, b: &Behaviour) -> (Money, Reason) {
    let history = b.first_sale.map(|first| (first.max(b.window_from), days_between(first, b.as_of) + 1));
    match history {
        Some((from, days)) if days >= HISTORY_DAYS => {
            let covered = days_between(from, b.as_of) + 1;
            // At least 90 days covered: a month is at most a third of the sales, always in range.
            let per_month = b.sales_in_window.to_decimal() * Decimal::from(30) / Decimal::from(covered);
            let monthly = Money::round_half_up(per_month).expect("a third of an amount is an amount");
            let m = monthly.yuan();
            let s = b.sales_in_window.yuan();
            (
                monthly,
                Reason::new(
                    format!("purchases {m} per 30 days ({s} over the last {covered} days)"),
                    format!("月均采购 {m}（近 {covered} 天共 {s}，按 30 天折算）"),
                ),
            )
        }
        _ => {
            let expected = card.expected_monthly_sales.unwrap_or(Money::ZERO).max(Money::ZERO);
            let m = expected.yuan();
            (
                expected,
                Reason::new(
                    format!("under 3 months of purchases: the owner's estimate of {m} a month"),
                    format!("采购记录不足 3 个月：按预计月采购额 {m}"),
                ),
            )
        }
    }
}

pub fn assess(policy: &CreditPolicy, card: &Scorecard, behaviour: &Behaviour) -> Result<Assessment, DomainError> {
    let (history_score, history_reason) = payment_history_score(behaviour);
    let mut factors = Vec::new();
    let mut reasoning = Vec::new();
    for weight in &policy.weights {
        let factor = weight.factor;
        let scored = if factor == Factor::PaymentHistory {
            reasoning.push(Reason::new(
                format!("payment history {history_score}/5: {}", history_reason.en),
                format!("付款记录 {history_score} 分：{}", history_reason.zh),
            ));
            FactorScore { factor, score: history_score, note: history_reason.zh.clone() }
        } else {
            let given: Vec<&FactorScore> = card.factors.iter().filter(|f| f.factor == factor).collect();
            let [one] = given.as_slice() else {
                return Err(DomainError::Empty(factor.as_str()));
            };
            if !(1..=5).contains(&one.score) {
                return Err(DomainError::OutOfRange { field: factor.as_str(), min: 1, max: 5 });
            }
            FactorScore { factor, score: one.score, note: one.note.trim().to_string() }
        };
        factors.push(scored);
    }
    let total_weight: i64 = policy.weights.iter().map(|w| i64::from(w.weight)).sum();
    let weighted: i64 = factors.iter().map(|f| i64::from(f.score) * i64::from(policy.weight(f.factor))).sum();
    // Graded on the score as shown to the owner, 2 decimals: what is seen is what was graded.
    let score = (Decimal::from(weighted) / Decimal::from(total_weight.max(1)))
        .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    let score_grade = policy.grade_for(score);
    let floor = policy.rule(score_grade).min_score;
    reasoning.insert(
        0,
        Reason::new(
            format!("weighted score {score} of 5 reaches grade {score_grade} (from {floor})"),
            format!("加权得分 {score}（满分 5），达到 {score_grade} 级（{floor} 分起）"),
        ),
    );

    let mut signals = card.signals.clone();
    signals.sort();
    signals.dedup();
    let drop = signals.len() * policy.signal_grade_drop as usize;
    let grade = score_grade.lowered(drop);
    if !signals.is_empty() {
        let en: Vec<&str> = signals.iter().map(|s| s.en()).collect();
        let zh: Vec<&str> = signals.iter().map(|s| s.zh()).collect();
        reasoning.push(Reason::new(
            format!("{} warning signal(s) ({}): grade {score_grade} lowered to {grade}", signals.len(), en.join("; ")),
            format!("{} 项预警信号（{}）：由 {score_grade} 级降为 {grade} 级", signals.len(), zh.join("；")),
        ));
    }

    let (monthly, sales_reason) = monthly_sales(card, behaviour);
    reasoning.push(sales_reason);
    let rule = policy.rule(grade);
    let limit = floor_to_step(monthly.to_decimal() * rule.months_of_sales, policy.limit_step).max(Money::ZERO);
    let months = rule.months_of_sales.normalize();
    let step = policy.limit_step.yuan();
    reasoning.push(Reason::new(
        format!(
            "grade {grade}: {months} month(s) of purchases, rounded down to {step}: limit {}, terms {}",
            limit.yuan(),
            rule.terms.in_words(DocLanguage::En)
        ),
        format!(
            "{grade} 级：{months} 个月采购额，按 {step} 向下取整：额度 {}，付款条件：{}",
            limit.yuan(),
            rule.terms.in_words(DocLanguage::Zh)
        ),
    ));
    reasoning.push(Reason::new(
        format!("review again in {} months", rule.review_months),
        format!("{} 个月后复评", rule.review_months),
    ));
    Ok(Assessment {
        factors,
        signals,
        signals_note: card.signals_note.trim().to_string(),
        score,
        score_grade,
        grade,
        monthly_sales: monthly,
        recommended_limit: limit,
        recommended_terms: rule.terms,
        review_months: rule.review_months,
        reasoning,
    })
}

/// A yuan amount rounded down to a multiple of `step`.
fn floor_to_step(yuan: Decimal, step: Money) -> Money {
    let cents = (yuan * Decimal::from(100)).floor().to_i64().unwrap_or(i64::MAX);
    let step = step.cents().max(1);
    Money::from_cents(cents.div_euclid(step) * step)
}

/// The next review date: `months` after the assessment.
pub fn review_date(assessed_on: chrono::NaiveDate, months: u32) -> chrono::NaiveDate {
    assessed_on.checked_add_months(chrono::Months::new(months)).unwrap_or(assessed_on + Days::new(30))
}

#[cfg(test)]
mod tests;
