//! The credit check every delivery on credit passes (赊销检查): exposure within the limit,
//! nothing long overdue, and a customer we still deliver to.

use chrono::NaiveDate;
use serde::Serialize;

use super::policy::CreditPolicy;
use crate::calendar::days_between;
use crate::customer::CustomerStatus;
use crate::money::Money;

/// An open receivable as the check sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OverdueItem {
    pub number: String,
    pub due_date: NaiveDate,
    pub open: Money,
}

/// What the customer would owe with this delivery, against what it may owe.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct DeliveryExposure {
    /// Everything recorded, net of the customer's credit.
    pub balance: Money,
    pub amount: Money,
    pub exposure: Money,
    pub limit: Money,
}

impl DeliveryExposure {
    pub fn new(balance: Money, amount: Money, limit: Money) -> DeliveryExposure {
        DeliveryExposure { balance, amount, exposure: balance + amount, limit }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CreditBlock {
    /// On hold, blocked or closed: no more deliveries on credit.
    Status {
        status: CustomerStatus,
    },
    OverLimit {
        exposure: DeliveryExposure,
        over: Money,
    },
    Overdue {
        number: String,
        days: i64,
        open: Money,
        allowed_days: u32,
    },
}

fn status_zh(status: CustomerStatus) -> &'static str {
    match status {
        CustomerStatus::Active => "正常",
        CustomerStatus::OnHold => "暂停",
        CustomerStatus::Blocked => "停止往来",
        CustomerStatus::Closed => "已关闭",
    }
}

impl CreditBlock {
    pub fn en(&self) -> String {
        match self {
            CreditBlock::Status { status } => {
                format!("the customer is {}", status.as_str().replace('_', " "))
            }
            CreditBlock::OverLimit { exposure: e, over } => format!(
                "over the credit limit: owes {}, this delivery {}, exposure {} against a limit of {} ({} over)",
                e.balance.yuan(),
                e.amount.yuan(),
                e.exposure.yuan(),
                e.limit.yuan(),
                over.yuan()
            ),
            CreditBlock::Overdue { number, days, open, allowed_days } => format!(
                "{number} is {days} days overdue with {} open; deliveries on credit stop after {allowed_days} days",
                open.yuan()
            ),
        }
    }

    pub fn zh(&self) -> String {
        match self {
            CreditBlock::Status { status } => format!("客户状态为“{}”", status_zh(*status)),
            CreditBlock::OverLimit { exposure: e, over } => format!(
                "超出信用额度：现欠 {}，本单 {}，占用额度 {}，信用额度 {}（超出 {}）",
                e.balance.yuan(),
                e.amount.yuan(),
                e.exposure.yuan(),
                e.limit.yuan(),
                over.yuan()
            ),
            CreditBlock::Overdue { number, days, open, allowed_days } => {
                format!("{number} 已逾期 {days} 天，未收 {}；逾期超过 {allowed_days} 天即停止赊销", open.yuan())
            }
        }
    }
}

/// A delivery is on credit when it falls due after its date; cash on delivery is not.
pub fn is_on_credit(date: NaiveDate, due_date: NaiveDate) -> bool {
    due_date > date
}

/// Why a delivery on credit dated `date` may not go out; empty when it may. The overdue
/// rule looks at what is still open, aged on the delivery's date.
pub fn check_delivery(
    policy: &CreditPolicy,
    status: CustomerStatus,
    exposure: DeliveryExposure,
    open_items: &[OverdueItem],
    date: NaiveDate,
) -> Vec<CreditBlock> {
    let mut blocks = Vec::new();
    if status != CustomerStatus::Active {
        blocks.push(CreditBlock::Status { status });
    }
    if exposure.exposure > exposure.limit {
        blocks.push(CreditBlock::OverLimit { exposure, over: exposure.exposure - exposure.limit });
    }
    let oldest = open_items
        .iter()
        .filter(|item| item.open.is_positive())
        .min_by(|a, b| (a.due_date, &a.number).cmp(&(b.due_date, &b.number)));
    if let Some(item) = oldest {
        let days = days_between(item.due_date, date);
        if days > i64::from(policy.overdue_block_days) {
            blocks.push(CreditBlock::Overdue {
                number: item.number.clone(),
                days,
                open: item.open,
                allowed_days: policy.overdue_block_days,
            });
        }
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::parse_date;

    fn d(s: &str) -> NaiveDate {
        parse_date(s).unwrap()
    }

    fn m(cents: i64) -> Money {
        Money::from_cents(cents)
    }

    fn item(number: &str, due: &str, cents: i64) -> OverdueItem {
        OverdueItem { number: number.into(), due_date: d(due), open: m(cents) }
    }

    fn check(balance: i64, amount: i64, limit: i64, items: &[OverdueItem], date: &str) -> Vec<CreditBlock> {
        let exposure = DeliveryExposure::new(m(balance), m(amount), m(limit));
        check_delivery(&CreditPolicy::default(), CustomerStatus::Active, exposure, items, d(date))
    }

    #[test]
    fn exactly_at_the_limit_passes_and_one_cent_over_is_blocked() {
        assert_eq!(check(1_200_000, 300_000, 1_500_000, &[], "2026-11-23"), vec![]);
        let blocks = check(1_200_000, 300_001, 1_500_000, &[], "2026-11-23");
        assert_eq!(blocks.len(), 1);
        let CreditBlock::OverLimit { exposure, over } = &blocks[0] else { panic!("{blocks:?}") };
        assert_eq!((exposure.exposure, *over), (m(1_500_001), m(1)));
        assert_eq!(
            blocks[0].en(),
            "over the credit limit: owes ¥12,000.00, this delivery ¥3,000.01, exposure ¥15,000.01 against a limit of ¥15,000.00 (¥0.01 over)"
        );
        assert_eq!(
            blocks[0].zh(),
            "超出信用额度：现欠 ¥12,000.00，本单 ¥3,000.01，占用额度 ¥15,000.01，信用额度 ¥15,000.00（超出 ¥0.01）"
        );
    }

    #[test]
    fn a_credit_in_the_customers_favour_lowers_the_exposure() {
        assert_eq!(check(-50_000, 150_000, 100_000, &[], "2026-11-23"), vec![]);
    }

    #[test]
    fn a_receivable_60_days_overdue_passes_and_61_days_blocks() {
        // Due 24 Sep: 60 days on 23 Nov, 61 on 24 Nov.
        let items = [item("SD-2026-000007", "2026-09-24", 45_000), item("SD-2026-000009", "2026-10-30", 10)];
        assert_eq!(check(45_010, 100, 1_000_000, &items, "2026-11-23"), vec![]);
        let blocks = check(45_010, 100, 1_000_000, &items, "2026-11-24");
        assert_eq!(
            blocks,
            vec![CreditBlock::Overdue { number: "SD-2026-000007".into(), days: 61, open: m(45_000), allowed_days: 60 }]
        );
        assert_eq!(blocks[0].zh(), "SD-2026-000007 已逾期 61 天，未收 ¥450.00；逾期超过 60 天即停止赊销");
    }

    #[test]
    fn a_customer_on_hold_blocked_or_closed_gets_no_credit_and_every_reason_is_given() {
        for status in [CustomerStatus::OnHold, CustomerStatus::Blocked, CustomerStatus::Closed] {
            let exposure = DeliveryExposure::new(m(0), m(200), m(100));
            let blocks = check_delivery(&CreditPolicy::default(), status, exposure, &[], d("2026-11-23"));
            assert_eq!(blocks.len(), 2, "{status}");
            assert_eq!(blocks[0], CreditBlock::Status { status });
        }
        assert_eq!(CreditBlock::Status { status: CustomerStatus::OnHold }.en(), "the customer is on hold");
    }

    #[test]
    fn only_a_delivery_due_after_its_date_is_on_credit() {
        assert!(!is_on_credit(d("2026-11-23"), d("2026-11-23")));
        assert!(is_on_credit(d("2026-11-23"), d("2026-11-24")));
    }
}
