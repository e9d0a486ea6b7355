//! One customer's account as the simulation sees it: its open bills, its credit and the
//! returns it has planned.

use chrono::NaiveDate;
use huikuan_domain::Money;

use crate::demo::cast::Plan;
use crate::demo::rng::Rng;
use crate::CustomerFields;

/// A receivable as the customer sees it: what is still open and when it will be paid
/// (None: never, it is disputed).
pub(super) struct Bill {
    pub(super) number: String,
    pub(super) doc: NaiveDate,
    pub(super) due: NaiveDate,
    pub(super) open: Money,
    pub(super) pay_on: Option<NaiveDate>,
}

/// Goods that will come back (or a discount that will be agreed) a few days after delivery.
pub(super) struct Return {
    pub(super) date: NaiveDate,
    pub(super) number: String,
    pub(super) amount: Money,
    pub(super) reason: String,
}

/// One customer's account as the days go by. It settles oldest-first exactly as the books
/// do, so payments can be sized and allocated without asking the books.
pub(super) struct Account {
    pub(super) rng: Rng,
    pub(super) created: bool,
    pub(super) fields: CustomerFields,
    pub(super) bills: Vec<Bill>,
    pub(super) credit: Money,
    pub(super) last_pay_on: NaiveDate,
    pub(super) returns: Vec<Return>,
    pub(super) disputed: Option<(String, Money, NaiveDate)>,
    pub(super) paid_month: Option<(i32, u32)>,
    pub(super) last_payment: Option<NaiveDate>,
    pub(super) next_trickle: Option<NaiveDate>,
    pub(super) overpaid: Money,
    pub(super) next_review: Option<NaiveDate>,
}

impl Account {
    pub(super) fn new(rng: Rng, plan: &Plan, start: NaiveDate) -> Account {
        Account {
            rng,
            created: false,
            fields: plan.fields.clone(),
            bills: Vec::new(),
            credit: Money::ZERO,
            last_pay_on: start,
            returns: Vec::new(),
            disputed: None,
            paid_month: None,
            last_payment: None,
            next_trickle: None,
            overpaid: Money::ZERO,
            next_review: None,
        }
    }

    pub(super) fn open_total(&self) -> Money {
        self.bills.iter().map(|b| b.open).sum()
    }

    /// A credit that is not allocated by hand settles the oldest open bills; what is left
    /// over is the customer's credit.
    pub(super) fn apply_oldest_first(&mut self, amount: Money) {
        let mut left = amount;
        for bill in &mut self.bills {
            let part = left.min(bill.open);
            bill.open -= part;
            left -= part;
        }
        self.credit += left;
        self.drop_settled();
    }

    pub(super) fn drop_settled(&mut self) {
        self.bills.retain(|b| b.open.is_positive());
    }
}
