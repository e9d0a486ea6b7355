//! One letter as the owner chose it, checked against the escalation rules before anything
//! is numbered: a level above the one due, or a letter inside the least gap after the
//! customer's last, goes out only with a written reason. The preview
//! is the letter composed and rendered exactly as it would be issued, unnumbered and marked
//! as a draft, and never stored.

use chrono::NaiveDate;
use huikuan_docs::letter_pdf;
use huikuan_domain::dunning::{check_gap, check_level, SentLetter, TooSoon};
use huikuan_domain::DocLanguage;
use huikuan_store::tables::letters::{self, Letter};
use huikuan_store::Transaction;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::compose::{compose, letters_about, level_words, overdue_on, sent, Overdue};
use super::settings::policy;
use crate::books::customer_by_code;
use crate::error::{AppError, Refusal};
use crate::{Books, Customer};

/// A letter the owner chose: to whom, which level, and why when it skips a level.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct LetterChoice {
    pub code: String,
    pub level: u8,
    /// Required when `level` is above the level due; kept with the letter and audited.
    #[serde(default)]
    pub skip_reason: String,
    /// Required when the letter is dated before the day it is issued; audited.
    #[serde(default)]
    pub back_date_reason: String,
}

impl LetterChoice {
    pub fn new(code: &str, level: u8) -> LetterChoice {
        LetterChoice { code: code.to_string(), level, ..LetterChoice::default() }
    }
}

/// A letter is dated the day it is issued: an earlier date goes out only with the owner's
/// written reason (returned trimmed, for the audit log), else it is refused.
pub(crate) fn back_date(choice: &LetterChoice, date: NaiveDate, today: NaiveDate) -> Result<Option<String>, AppError> {
    if date >= today {
        return Ok(None);
    }
    let reason = choice.back_date_reason.trim();
    if reason.is_empty() {
        return Err(AppError::LetterBackDated(Refusal {
            field: Some("back_date_reason".into()),
            en: format!(
                "a letter is dated the day it is issued: {date} is before today ({today}); give the reason for the \
                 earlier date (\"Reason for the earlier date\" on the letters screen, --back-date-reason on \
                 the command line) to date it so"
            ),
            zh: format!("催款函应以发出当日为日期：{date} 早于今天（{today}）；如需倒签，请填写“倒签理由”（命令行 --back-date-reason）"),
        }));
    }
    Ok(Some(reason.to_string()))
}

/// What a chosen letter will say, read from the books on its date.
pub(crate) struct Prepared {
    pub customer: Customer,
    pub overdue: Vec<Overdue>,
    pub previous: Vec<Letter>,
    /// The level due when the choice skips above it (with its reason, trimmed).
    pub skip: Option<(u8, String)>,
    /// When the letter goes inside the least gap after the customer's last (with its
    /// reason, trimmed).
    pub too_soon: Option<(TooSoon, String)>,
}

/// Every letter the customer was sent on or before `date`, whatever debt it was about: the
/// least gap is between letters to a customer.
pub(crate) fn customer_letters(
    tx: &Transaction,
    customer: &Customer,
    date: NaiveDate,
) -> Result<Vec<SentLetter>, AppError> {
    Ok(sent_by(&letters::for_customer(tx, customer.id)?, date))
}

/// Of a customer's letters, those sent on or before `date`.
pub(crate) fn sent_by(letters: &[Letter], date: NaiveDate) -> Vec<SentLetter> {
    sent(&letters.iter().filter(|l| l.letter_date <= date).cloned().collect::<Vec<_>>())
}

fn too_soon(customer: &Customer, gap: u32, early: TooSoon) -> AppError {
    let code = &customer.fields.code;
    let TooSoon { last, next } = early;
    AppError::LetterTooSoon(Refusal {
        field: Some("skip_reason".into()),
        en: format!(
            "the last letter to {code} went on {last}: the next may go on {next} (at least {gap} days between \
             letters); give a written reason to send it sooner"
        ),
        zh: format!(
            "{code} 上一封催款函于 {last} 发出，下一封 {next} 起才可发（两封至少相隔 {gap} 天）；提前发须写明理由"
        ),
    })
}

pub(crate) fn checked_level(level: u8) -> Result<(), AppError> {
    if (1..=3).contains(&level) {
        return Ok(());
    }
    Err(AppError::rule(
        Some("level".into()),
        format!("level {level} does not exist: 1 reminder, 2 demand, 3 final notice"),
        format!("没有第 {level} 级：1 提醒函、2 催款函、3 最后催告函"),
    ))
}

fn skipped(customer: &Customer, due: u8, chosen: u8) -> AppError {
    let code = &customer.fields.code;
    let (due_en, due_zh) = (level_words(due, DocLanguage::En), level_words(due, DocLanguage::Zh));
    let (chosen_en, chosen_zh) = (level_words(chosen, DocLanguage::En), level_words(chosen, DocLanguage::Zh));
    AppError::LevelSkipped(Refusal {
        field: Some("skip_reason".into()),
        en: format!(
            "the next letter due to {code} is level {due} ({due_en}): a {chosen_en} (level {chosen}) skips the \
             escalation; give a written reason to send it"
        ),
        zh: format!(
            "{code} 下一封应发第 {due} 级（{due_zh}）；发{chosen_zh}（第 {chosen} 级）属于越级，须写明越级理由"
        ),
    })
}

/// The customer, what is overdue on `date`, the letters before it, and the escalation
/// checked: refused when nothing is overdue, or a level is skipped without a reason.
pub(crate) fn prepare(tx: &Transaction, choice: &LetterChoice, date: NaiveDate) -> Result<Prepared, AppError> {
    checked_level(choice.level)?;
    let customer = customer_by_code(tx, &choice.code)?;
    let overdue = overdue_on(tx, &customer, date)?;
    let Some(days) = overdue.iter().map(|o| o.item.days_overdue).max() else {
        return Err(AppError::rule(
            None,
            format!("nothing of {} is overdue on {date}: there is nothing to demand", customer.fields.code),
            format!("{} 在 {date} 没有逾期款项，无需催款", customer.fields.code),
        ));
    };
    let previous = letters_about(tx, &customer, &overdue, date)?;
    let reason = choice.skip_reason.trim();
    let rules = policy(tx)?;
    let skip = match check_level(&rules, days, &sent(&previous), choice.level) {
        Ok(()) => None,
        Err(skip) if reason.is_empty() => return Err(skipped(&customer, skip.due, skip.chosen)),
        Err(skip) => Some((skip.due, reason.to_string())),
    };
    let too_soon = match check_gap(&rules, &customer_letters(tx, &customer, date)?, date) {
        Ok(()) => None,
        Err(early) if reason.is_empty() => return Err(too_soon(&customer, rules.min_gap_days, early)),
        Err(early) => Some((early, reason.to_string())),
    };
    Ok(Prepared { customer, overdue, previous, skip, too_soon })
}

/// The draft's marks: in place of the letter number, and after the title.
fn draft_marks(language: DocLanguage) -> (&'static str, &'static str) {
    match language {
        DocLanguage::Zh => ("草稿 · 未编号", "（草稿）"),
        DocLanguage::En => ("DRAFT, not numbered", " (DRAFT)"),
    }
}

impl Books {
    /// The letter `choice` would be on `date` (today when None), rendered as it would be
    /// issued but unnumbered and marked as a draft; nothing is stored or numbered. Refused
    /// for the same reasons issuing it would be.
    pub fn preview_letter(&mut self, choice: &LetterChoice, date: Option<NaiveDate>) -> Result<Vec<u8>, AppError> {
        let date = self.letter_date(date)?;
        back_date(choice, date, self.clock.today())?;
        self.store.read(|tx| {
            let p = prepare(tx, choice, date)?;
            let (number, mark) = draft_marks(p.customer.fields.doc_language);
            let mut doc = compose(tx, &p.customer, choice.level, date, number, &p.overdue, &p.previous)?;
            doc.title = format!("{}{mark}", doc.title.trim());
            Ok(letter_pdf(&doc)?.pdf)
        })
    }

    /// A letter's date as the owner typed it (`2026/12/1`, `12月1日`, …): None when left
    /// blank (today).
    pub fn read_letter_date(&self, text: &str) -> Result<Option<NaiveDate>, AppError> {
        crate::forms::optional_date("date", text, self.clock.today())
    }

    /// The letter's date: today when not given, never after today.
    pub(crate) fn letter_date(&self, date: Option<NaiveDate>) -> Result<NaiveDate, AppError> {
        let today = self.clock.today();
        let date = date.unwrap_or(today);
        if date > today {
            return Err(AppError::rule(
                Some("date".into()),
                format!("{date} is after today"),
                format!("{date} 晚于今天"),
            ));
        }
        Ok(date)
    }
}
