//! Who is due a letter today, and at which level: the escalation rules over each
//! customer's oldest overdue item and the letters already sent about the debt.

use chrono::NaiveDate;
use huikuan_domain::dunning::{check_gap, next_letter, Suggestion};
use huikuan_domain::Money;
use huikuan_store::tables::{customers, letters};

use super::choose::sent_by;
use super::compose::{about, overdue_in, sent};
use super::settings::policy;
use super::views::{LastLetter, LetterDue};
use crate::error::AppError;
use crate::owed::Kept;
use crate::Books;

impl Books {
    /// Customers with something overdue long enough for a letter: those due now first
    /// (the most overdue first), then those waiting for the gap between letters.
    pub fn letters_due(&mut self, as_of: NaiveDate) -> Result<Vec<LetterDue>, AppError> {
        self.store.read(|tx| {
            let rules = policy(tx)?;
            let kept = Kept::as_of(tx, as_of)?;
            let letters = letters::by_customer(tx)?;
            let mut out = Vec::new();
            for customer in customers::list(tx)? {
                let Some((receivables, settlement)) = kept.settled(customer.id) else { continue };
                let overdue = overdue_in(&receivables, &settlement, as_of);
                let Some(days) = overdue.iter().map(|o| o.item.days_overdue).max() else { continue };
                let theirs = letters.get(&customer.id).map_or(&[][..], Vec::as_slice);
                let previous = about(theirs, &overdue, as_of);
                let mut suggestion = next_letter(&rules, days, &sent(&previous), as_of);
                // The gap is between letters to the customer, about this debt or an earlier one.
                if let Suggestion::Due { level } = suggestion {
                    if let Err(early) = check_gap(&rules, &sent_by(theirs, as_of), as_of) {
                        suggestion = Suggestion::Wait { level, until: early.next };
                    }
                }
                if suggestion == Suggestion::NotYet {
                    continue;
                }
                out.push(LetterDue {
                    code: customer.fields.code.clone(),
                    name: customer.fields.name.clone(),
                    overdue: overdue.iter().map(|o| o.item.open).sum::<Money>(),
                    days_overdue: days,
                    last_letter: previous.last().map(|l| LastLetter {
                        number: l.number.clone(),
                        level: l.level,
                        date: l.letter_date,
                    }),
                    suggestion,
                });
            }
            let rank = |s: &Suggestion| match s {
                Suggestion::Due { .. } => 0,
                Suggestion::Wait { .. } => 1,
                _ => 2,
            };
            out.sort_by(|a, b| rank(&a.suggestion).cmp(&rank(&b.suggestion)).then(b.days_overdue.cmp(&a.days_overdue)));
            Ok(out)
        })
    }
}
