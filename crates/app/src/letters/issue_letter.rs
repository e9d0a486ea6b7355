//! Issuing a dunning letter: the customer's receivables overdue on the letter's date,
//! numbered gapless (DL-YYYY-NNNNNN), rendered from the owner's wording and frozen.

use std::sync::atomic::{AtomicBool, Ordering};

use chrono::{Datelike, NaiveDate};
use huikuan_docs::letter_pdf;
use huikuan_domain::{DocType, PaperKind};
use huikuan_store::tables::letters::{self, Letter, NewLetterItem};
use huikuan_store::tables::sequences;
use serde::Serialize;
use ts_rs::TS;

use super::choose::{back_date, checked_level, prepare, LetterChoice, Prepared};
use super::compose::compose;
use super::views::{letter_view, LetterView};
use crate::books::audit;
use crate::documents::freeze;
use crate::error::AppError;
use crate::Books;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct LetterProgress {
    pub done: u32,
    pub total: u32,
    pub number: String,
    pub customer_code: String,
}

impl Books {
    /// Issues a letter of `level` (1 reminder, 2 demand, 3 final notice) to `code`, dated
    /// `date` (today when None), listing what is overdue on that date. A level above the one
    /// due is refused: see [`Books::issue_chosen_letter`] to give the reason.
    pub fn issue_letter(&mut self, code: &str, level: u8, date: Option<NaiveDate>) -> Result<LetterView, AppError> {
        self.issue_chosen_letter(&LetterChoice::new(code, level), date)
    }

    /// Issues the letter the owner chose: numbered, rendered and frozen. A level above the
    /// one due needs the choice's skip reason, kept with the letter and in the audit log; a
    /// date before today needs its back-date reason, written to the audit log.
    pub fn issue_chosen_letter(
        &mut self,
        choice: &LetterChoice,
        date: Option<NaiveDate>,
    ) -> Result<LetterView, AppError> {
        checked_level(choice.level)?;
        let date = self.letter_date(date)?;
        let today = self.clock.today();
        let back_dated = back_date(choice, date, today)?;
        let level = choice.level;
        let stamp = self.stamp();
        self.store.write(|tx| {
            let Prepared { customer, overdue, previous, skip, too_soon } = prepare(tx, choice, date)?;
            let number = sequences::next_number(tx, DocType::Letter, date.year())?;
            let doc = compose(tx, &customer, level, date, &number, &overdue, &previous)?;
            let rendered = letter_pdf(&doc)?;
            let document = freeze(tx, &stamp, PaperKind::Letter, &number, &customer, date, doc.paper, &rendered)?;
            let pay_by = date
                + chrono::Days::new(u64::from(super::settings::policy(tx)?.pay_within_days[usize::from(level - 1)]));
            let letter = Letter {
                id: 0,
                number,
                customer_id: customer.id,
                level,
                letter_date: date,
                pay_by,
                total: doc.total,
                document_id: document.id,
            };
            let items: Vec<NewLetterItem> = overdue
                .iter()
                .map(|o| NewLetterItem { entry_id: o.entry_id, open: o.item.open, days_overdue: o.item.days_overdue })
                .collect();
            let id = letters::insert(tx, &letter, &items, &stamp)?;
            let kept = letters::get(tx, id)?;
            audit(tx, &stamp, "issue", "letter", id, None::<&()>, Some(&kept))?;
            if let Some((due_level, reason)) = skip {
                letters::insert_skip(tx, id, due_level, &reason)?;
                let said = serde_json::json!({ "number": kept.number, "level": level, "due_level": due_level, "reason": reason });
                audit(tx, &stamp, "skip_level", "letter", id, None::<&()>, Some(&said))?;
            }
            if let Some(reason) = back_dated {
                let said = serde_json::json!({ "number": kept.number, "date": date, "issued_on": today, "reason": reason });
                audit(tx, &stamp, "back_date", "letter", id, None::<&()>, Some(&said))?;
            }
            if let Some((early, reason)) = too_soon {
                let said = serde_json::json!({ "number": kept.number, "last_letter": early.last, "next_allowed": early.next, "reason": reason });
                audit(tx, &stamp, "too_soon", "letter", id, None::<&()>, Some(&said))?;
            }
            letter_view(tx, kept)
        })
    }

    pub fn letter(&mut self, number: &str) -> Result<LetterView, AppError> {
        self.store.read(|tx| {
            let letter = letters::by_number(tx, number)?
                .ok_or_else(|| crate::documents::unknown_paper(Some(huikuan_domain::PaperKind::Letter), number))?;
            letter_view(tx, letter)
        })
    }

    /// The letters chosen, one transaction each, stopping when `cancel` is set (what is
    /// done stays done) or at the first refused (a skipped level without a reason).
    pub fn issue_letters(
        &mut self,
        codes: &[LetterChoice],
        date: Option<NaiveDate>,
        cancel: &AtomicBool,
        progress: &mut dyn FnMut(&LetterProgress),
    ) -> Result<Vec<LetterView>, AppError> {
        let mut done = Vec::new();
        for choice in codes {
            if cancel.load(Ordering::Relaxed) {
                break;
            }
            let letter = self.issue_chosen_letter(choice, date)?;
            progress(&LetterProgress {
                done: done.len() as u32 + 1,
                total: codes.len() as u32,
                number: letter.number.clone(),
                customer_code: letter.customer_code.clone(),
            });
            done.push(letter);
        }
        Ok(done)
    }
}
