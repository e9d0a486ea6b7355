//! What of a customer's receivables is delivered but not invoiced, invoiced but not paid, and
//! owed with no invoice yet, as of a date. Payments on a receivable are taken to pay its
//! invoiced part first: a customer who pays against invoices pays what was invoiced.

use std::collections::HashMap;

use serde::Serialize;

use crate::ledger::Receivable;
use crate::money::Money;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Invoicing {
    /// 已发货未开票: what the deliveries dated by the day come to, less what invoices cover.
    pub delivered_not_invoiced: Money,
    /// 已开票未回款: what invoices cover of the receivables less what was paid on them.
    pub invoiced_not_paid: Money,
    /// 待开票: the open part beyond what invoices cover, owed but waiting for its invoice.
    pub awaiting_invoice: Money,
}

impl std::ops::AddAssign for Invoicing {
    fn add_assign(&mut self, other: Invoicing) {
        self.delivered_not_invoiced += other.delivered_not_invoiced;
        self.invoiced_not_paid += other.invoiced_not_paid;
        self.awaiting_invoice += other.awaiting_invoice;
    }
}

/// One customer's figures: its `receivables` (the deliveries among them), what is `open` of each as of the day (None for
/// those dated after it) and what the invoices issued by the day cover of each, by id.
pub fn invoicing(receivables: &[Receivable], open: &[Option<Money>], covered: &HashMap<i64, Money>) -> Invoicing {
    let mut figures = Invoicing::default();
    // Only deliveries are invoiced: an opening balance was invoiced (or not) before the books.
    let delivered = receivables.iter().zip(open).filter(|(r, _)| r.kind == crate::ledger::ReceivableKind::Delivery);
    for (receivable, open) in delivered {
        let Some(open) = open else { continue };
        let cover = covered.get(&receivable.id).copied().unwrap_or(Money::ZERO).max(Money::ZERO).min(receivable.amount);
        // Paid (or credited, or written off) so far goes to the invoiced part first.
        let paid = receivable.amount - *open;
        let invoiced_open = (cover - paid).max(Money::ZERO).min(*open);
        figures.delivered_not_invoiced += receivable.amount - cover;
        figures.invoiced_not_paid += invoiced_open;
        figures.awaiting_invoice += *open - invoiced_open;
    }
    figures
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::ledger::ReceivableKind;

    fn receivable(id: i64, cents: i64) -> Receivable {
        let day = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
        Receivable {
            id,
            kind: ReceivableKind::Delivery,
            number: format!("SD-{id}"),
            doc_date: day,
            due_date: day,
            amount: Money::from_cents(cents),
        }
    }

    #[test]
    fn what_is_paid_on_a_receivable_counts_against_its_invoiced_part_first() {
        let receivables = [receivable(1, 10_000), receivable(2, 5_000), receivable(3, 7_000)];
        // 1: invoiced 6,000 of 10,000, 4,000 paid; 2: not invoiced, unpaid; 3: after the day.
        let open = [Some(Money::from_cents(6_000)), Some(Money::from_cents(5_000)), None];
        let covered = HashMap::from([(1, Money::from_cents(6_000)), (3, Money::from_cents(7_000))]);
        let figures = invoicing(&receivables, &open, &covered);
        assert_eq!(
            figures,
            Invoicing {
                delivered_not_invoiced: Money::from_cents(4_000 + 5_000),
                invoiced_not_paid: Money::from_cents(2_000),
                awaiting_invoice: Money::from_cents(4_000 + 5_000),
            }
        );
    }
}
