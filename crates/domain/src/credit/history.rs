//! The payment-history factor is never typed: it is read off the computed behaviour.

use rust_decimal::Decimal;

use super::scorecard::Reason;
use crate::behaviour::Behaviour;

/// Score 1-5 with the reason, from the last twelve months of payments:
///
/// | score | average days late | on time (by amount) |
/// |---|---|---|
/// | 5 | ≤ 3 | ≥ 80 % |
/// | 4 | ≤ 10 | ≥ 60 % |
/// | 3 | ≤ 30 | any |
/// | 2 | ≤ 60 | any |
/// | 1 | more | any |
///
/// Anything more than 90 days overdue in the window gives 1, more than 60 caps it at 2.
/// No payments in the window scores a neutral 3.
pub fn payment_history_score(b: &Behaviour) -> (u8, Reason) {
    let (Some(late), Some(on_time)) = (b.avg_days_late, b.on_time_percent) else {
        return (
            3,
            Reason::new("no payments in the last 12 months: neutral 3", "近 12 个月没有付款记录：按中性 3 分计"),
        );
    };
    let longest = b.longest_overdue_days;
    let at_most = |days: i64| late <= Decimal::from(days);
    let mut score = if at_most(3) && on_time >= Decimal::from(80) {
        5
    } else if at_most(10) && on_time >= Decimal::from(60) {
        4
    } else if at_most(30) {
        3
    } else if at_most(60) {
        2
    } else {
        1
    };
    if longest > 90 {
        score = 1;
    } else if longest > 60 {
        score = score.min(2);
    }
    let reason = Reason::new(
        format!("on time {on_time}% of the amount, {late} days late on average, longest overdue {longest} days"),
        format!("按金额 {on_time}% 按期付款，平均逾期 {late} 天，最长逾期 {longest} 天"),
    );
    (score, reason)
}
