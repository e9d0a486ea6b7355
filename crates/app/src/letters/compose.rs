//! A letter's content, read from the books on its date: the receivables overdue then, the
//! letters sent before about the same debt, and the owner's wording filled in.

use std::collections::HashMap;

use chrono::{Days, NaiveDate};
use huikuan_docs::{BodyPart, LetterDoc, LetterItem, Paper};
use huikuan_domain::aging::days_past_due;
use huikuan_domain::capitals::rmb_capitals;
use huikuan_domain::dunning::SentLetter;
use huikuan_domain::letter_template::{parse, Placeholder, Segment};
use huikuan_domain::{ContactRole, DocLanguage, Money};
use huikuan_store::tables::company::{self, CompanyImage};
use huikuan_store::tables::letters::{self, Letter};
use huikuan_store::tables::{contacts, entries};
use huikuan_store::Transaction;

use super::settings::{policy, templates};
use crate::documents::letterhead;
use crate::error::AppError;
use crate::Customer;

/// A receivable overdue on a date, as a letter lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Overdue {
    pub entry_id: i64,
    pub item: LetterItem,
}

/// The customer's receivables open and past due on `on`, oldest due first.
pub(crate) fn overdue_on(tx: &Transaction, customer: &Customer, on: NaiveDate) -> Result<Vec<Overdue>, AppError> {
    let account = entries::account(tx, customer.id)?;
    let settlement = account.settle(on);
    let mut out: Vec<Overdue> = account
        .receivables
        .iter()
        .zip(&settlement.open)
        .filter_map(|(r, open)| {
            let open = (*open)?;
            let days = days_past_due(r, on);
            (open.is_positive() && days > 0).then(|| Overdue {
                entry_id: r.id,
                item: LetterItem {
                    number: r.number.clone(),
                    doc_date: r.doc_date,
                    due_date: r.due_date,
                    open,
                    days_overdue: days,
                },
            })
        })
        .collect();
    out.sort_by(|a, b| (a.item.due_date, &a.item.number).cmp(&(b.item.due_date, &b.item.number)));
    Ok(out)
}

/// The letters already sent about the debt that is overdue now: those dated on or after the
/// oldest overdue item fell due (earlier ones were about debts since paid).
pub(crate) fn letters_about(
    tx: &Transaction,
    customer: &Customer,
    overdue: &[Overdue],
    before: NaiveDate,
) -> Result<Vec<Letter>, AppError> {
    let Some(oldest_due) = overdue.iter().map(|o| o.item.due_date).min() else { return Ok(Vec::new()) };
    Ok(letters::for_customer(tx, customer.id)?
        .into_iter()
        .filter(|l| l.letter_date >= oldest_due && l.letter_date <= before)
        .collect())
}

pub(crate) fn sent(letters: &[Letter]) -> Vec<SentLetter> {
    letters.iter().map(|l| SentLetter { date: l.letter_date, level: l.level }).collect()
}

pub fn level_words(level: u8, language: DocLanguage) -> &'static str {
    match (level, language) {
        (1, DocLanguage::Zh) => "提醒函",
        (2, DocLanguage::Zh) => "催款函",
        (_, DocLanguage::Zh) => "最后催告函",
        (1, DocLanguage::En) => "reminder",
        (2, DocLanguage::En) => "demand for payment",
        (_, DocLanguage::En) => "final notice",
    }
}

fn previous_letters(letters: &[Letter], language: DocLanguage) -> String {
    if letters.is_empty() {
        return String::new();
    }
    let each: Vec<String> = letters
        .iter()
        .map(|l| format!("{}（{}，{}）", l.letter_date, l.number, level_words(l.level, language)))
        .collect();
    match language {
        DocLanguage::Zh => format!("我司已于 {} 就上述欠款向贵司发函催告。", each.join("、")),
        DocLanguage::En => {
            let each: Vec<String> = letters
                .iter()
                .map(|l| format!("{} ({}, {})", l.letter_date, l.number, level_words(l.level, language)))
                .collect();
            format!("We wrote to you about this debt on {}. ", each.join(", "))
        }
    }
}

/// The addressee: the decision maker first, then finance, then the purchaser.
fn contact(tx: &Transaction, customer: &Customer) -> Result<String, AppError> {
    let list = contacts::for_customer(tx, customer.id)?;
    let pick = [ContactRole::DecisionMaker, ContactRole::Finance, ContactRole::Purchaser]
        .iter()
        .find_map(|role| list.iter().find(|c| c.fields.role == *role))
        .or(list.first());
    Ok(pick.map(|c| c.fields.name.clone()).unwrap_or_default())
}

#[allow(clippy::too_many_arguments)]
pub(crate) fn compose(
    tx: &Transaction,
    customer: &Customer,
    level: u8,
    date: NaiveDate,
    number: &str,
    overdue: &[Overdue],
    previous: &[Letter],
) -> Result<LetterDoc, AppError> {
    let language = customer.fields.doc_language;
    let wording = templates(tx)?.wording(language, level).clone();
    let pay_by = date + Days::new(u64::from(policy(tx)?.pay_within_days[usize::from(level - 1)]));
    let us = company::get(tx)?;
    let total: Money = overdue.iter().map(|o| o.item.open).sum();
    let zh = language == DocLanguage::Zh;
    let who = contact(tx, customer)?;
    let bank = if zh {
        format!("户名 {}，开户行 {}，账号 {}", us.legal_name, us.bank_name, us.bank_account)
    } else {
        format!("account name {}, bank {}, account {}", us.legal_name, us.bank_name, us.bank_account)
    };
    let values: HashMap<Placeholder, String> = [
        (Placeholder::Company, us.legal_name.clone()),
        (Placeholder::Customer, customer.fields.name.clone()),
        (Placeholder::Contact, who),
        (Placeholder::Date, date.to_string()),
        (Placeholder::Total, total.yuan()),
        (Placeholder::TotalCapitals, rmb_capitals(total)),
        (Placeholder::PayBy, pay_by.to_string()),
        (Placeholder::BankAccount, bank),
        (Placeholder::Signatory, us.signatory.clone()),
        (Placeholder::LetterNumber, number.to_string()),
        (Placeholder::PreviousLetters, previous_letters(previous, language)),
    ]
    .into();
    let bad = |e: huikuan_domain::letter_template::TemplateError| {
        AppError::rule(
            Some("templates".into()),
            format!("the letter template is not valid: {e}"),
            format!("催款函模板有误：{e}"),
        )
    };
    let mut body = Vec::new();
    let mut text = String::new();
    for segment in parse(&wording.body).map_err(bad)? {
        match segment {
            Segment::Text(t) => text.push_str(&t),
            Segment::Field(Placeholder::OverdueItems) => {
                body.push(BodyPart::Text(std::mem::take(&mut text)));
                body.push(BodyPart::Items);
            }
            Segment::Field(f) => text.push_str(values.get(&f).map_or("", String::as_str)),
        }
    }
    body.push(BodyPart::Text(text));
    let title: String = parse(&wording.title)
        .map_err(bad)?
        .into_iter()
        .map(|s| match s {
            Segment::Text(t) => t,
            Segment::Field(f) => values.get(&f).cloned().unwrap_or_default(),
        })
        .collect();
    Ok(LetterDoc {
        letterhead: letterhead(tx)?,
        language,
        paper: Paper::A4,
        number: number.to_string(),
        date,
        level,
        title,
        body,
        items: overdue.iter().map(|o| o.item.clone()).collect(),
        total,
        signatory: us.signatory,
        stamp_png: company::image(tx, CompanyImage::Stamp)?,
    })
}
