use chrono::NaiveDate;
use huikuan_domain::calendar::days_between;
use huikuan_domain::credit::Grade;
use huikuan_domain::CustomerStatus;
use huikuan_store::tables::{credit, customers};
use huikuan_store::Transaction;
use serde::Serialize;
use ts_rs::TS;

use crate::error::AppError;

/// A customer whose credit assessment is due for review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DueReview {
    pub code: String,
    pub name: String,
    pub grade: Grade,
    pub next_review: NaiveDate,
    /// Days since the review fell due (0 on the day).
    pub days_late: i64,
}

/// Reviews due on or before `as_of`, the longest waiting first; closed customers need none.
pub(crate) fn due_reviews(tx: &Transaction, as_of: NaiveDate) -> Result<Vec<DueReview>, AppError> {
    let mut due = Vec::new();
    for (customer_id, grade, next_review) in credit::latest_per_customer(tx)? {
        if next_review > as_of {
            continue;
        }
        let customer = customers::get(tx, customer_id)?;
        if customer.fields.status == CustomerStatus::Closed {
            continue;
        }
        due.push(DueReview {
            code: customer.fields.code,
            name: customer.fields.name,
            grade,
            next_review,
            days_late: days_between(next_review, as_of),
        });
    }
    due.sort_by(|a, b| (a.next_review, &a.code).cmp(&(b.next_review, &b.code)));
    Ok(due)
}
