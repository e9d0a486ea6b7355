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

use super::compose::{compose, letters_about, overdue_on};
use super::views::{letter_view, LetterView};
use crate::books::{audit, customer_by_code};
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
    /// `date` (today when None), listing what is overdue on that date.
    pub fn issue_letter(&mut self, code: &str, level: u8, date: Option<NaiveDate>) -> Result<LetterView, AppError> {
        if !(1..=3).contains(&level) {
            return Err(AppError::rule(
                Some("level".into()),
                format!("level {level} does not exist: 1 reminder, 2 demand, 3 final notice"),
                format!("没有第 {level} 级：1 提醒函、2 催款函、3 最后催告函"),
            ));
        }
        let today = self.clock.today();
        let date = date.unwrap_or(today);
        if date > today {
            return Err(AppError::rule(
                Some("date".into()),
                format!("{date} is after today"),
                format!("{date} 晚于今天"),
            ));
        }
        let stamp = self.stamp();
        self.store.write(|tx| {
            let customer = customer_by_code(tx, code)?;
            let overdue = overdue_on(tx, &customer, date)?;
            if overdue.is_empty() {
                return Err(AppError::rule(
                    None,
                    format!("nothing of {} is overdue on {date}: there is nothing to demand", customer.fields.code),
                    format!("{} 在 {date} 没有逾期款项，无需催款", customer.fields.code),
                ));
            }
            let previous = letters_about(tx, &customer, &overdue, date)?;
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
            letter_view(tx, kept)
        })
    }

    pub fn letter(&mut self, number: &str) -> Result<LetterView, AppError> {
        self.store.read(|tx| {
            let letter = letters::by_number(tx, number)?.ok_or_else(|| crate::documents::unknown_paper(number))?;
            letter_view(tx, letter)
        })
    }

    /// The letters of `codes` at the level each is due, one transaction each, stopping when
    /// `cancel` is set: what is done stays done.
    pub fn issue_letters(
        &mut self,
        codes: &[(String, u8)],
        date: Option<NaiveDate>,
        cancel: &AtomicBool,
        progress: &mut dyn FnMut(&LetterProgress),
    ) -> Result<Vec<LetterView>, AppError> {
        let mut done = Vec::new();
        for (code, level) in codes {
            if cancel.load(Ordering::Relaxed) {
                break;
            }
            let letter = self.issue_letter(code, *level, date)?;
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
