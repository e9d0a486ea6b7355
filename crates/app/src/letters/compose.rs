//! A letter's content, read from the books on its date: the receivables overdue then, the
//! letters sent before about the same debt, and the owner's wording filled in.

use std::collections::HashMap;

use chrono::{Days, NaiveDate};
use huikuan_docs::{BodyPart, LetterDoc, LetterItem, Paper, Recipient};
use huikuan_domain::aging::days_past_due;
use huikuan_domain::capitals::rmb_capitals;
use huikuan_domain::dunning::SentLetter;
use huikuan_domain::interest::Claim;
use huikuan_domain::letter_template::{parse, Placeholder, Segment};
use huikuan_domain::{ContactRole, DocLanguage, Money, Receivable, Settlement};
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
    Ok(overdue_in(&account.receivables, &account.settle(on), on))
}

/// The receivables of a settlement on `on` that are open and past due, oldest due first.
pub(crate) fn overdue_in(receivables: &[Receivable], settlement: &Settlement, on: NaiveDate) -> Vec<Overdue> {
    let mut out: Vec<Overdue> = receivables
        .iter()
        .zip(&settlement.open)
        .filter_map(|(r, open)| {
            let open = (*open)?;
            let days = days_past_due(r, on);
            (open.is_positive() && days > 0).then(|| Overdue {
                entry_id: r.id,
                item: LetterItem {
                    number: r.number.clone(),
                    invoice: String::new(),
                    doc_date: r.doc_date,
                    due_date: r.due_date,
                    open,
                    days_overdue: days,
                },
            })
        })
        .collect();
    out.sort_by(|a, b| (a.item.due_date, &a.item.number).cmp(&(b.item.due_date, &b.item.number)));
    out
}

/// The letters already sent about the debt that is overdue now: those dated on or after the
/// oldest overdue item fell due (earlier ones were about debts since paid).
pub(crate) fn letters_about(
    tx: &Transaction,
    customer: &Customer,
    overdue: &[Overdue],
    before: NaiveDate,
) -> Result<Vec<Letter>, AppError> {
    Ok(about(&letters::for_customer(tx, customer.id)?, overdue, before))
}

/// Of the customer's letters, those about the debt overdue now (see `letters_about`).
pub(crate) fn about(letters: &[Letter], overdue: &[Overdue], before: NaiveDate) -> Vec<Letter> {
    let Some(oldest_due) = overdue.iter().map(|o| o.item.due_date).min() else { return Vec::new() };
    letters.iter().filter(|l| l.letter_date >= oldest_due && l.letter_date <= before).cloned().collect()
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

/// The letters sent before about what this letter lists, each with the items of this
/// letter it covered: a letter is never said to have demanded an item it did not list.
fn previous_letters(
    tx: &Transaction,
    letters: &[Letter],
    overdue: &[Overdue],
    language: DocLanguage,
) -> Result<String, AppError> {
    // The letters grouped by what they covered, in the order first sent: "on D1 (…) and
    // D2 (…) about this debt", never one sentence per letter saying the same.
    let mut groups: Vec<(String, Vec<String>)> = Vec::new();
    for l in letters {
        let covered: Vec<usize> = {
            let listed: Vec<i64> = letters::items(tx, l.id)?.into_iter().map(|(entry, _, _)| entry).collect();
            overdue.iter().enumerate().filter(|(_, o)| listed.contains(&o.entry_id)).map(|(i, _)| i + 1).collect()
        };
        if covered.is_empty() {
            continue;
        }
        let what = match (language, covered.len() == overdue.len()) {
            (DocLanguage::Zh, true) => "上述欠款".to_string(),
            (DocLanguage::Zh, false) => {
                format!("上表第 {} 项", covered.iter().map(usize::to_string).collect::<Vec<_>>().join("、"))
            }
            (DocLanguage::En, true) => "this debt".to_string(),
            (DocLanguage::En, false) => format!(
                "item{} {} above",
                if covered.len() > 1 { "s" } else { "" },
                covered.iter().map(usize::to_string).collect::<Vec<_>>().join(", ")
            ),
        };
        let sent = match language {
            DocLanguage::Zh => format!("{}（{}，{}）", l.letter_date, l.number, level_words(l.level, language)),
            DocLanguage::En => format!("{} ({}, {})", l.letter_date, l.number, level_words(l.level, language)),
        };
        match groups.iter_mut().find(|(w, _)| *w == what) {
            Some((_, dates)) => dates.push(sent),
            None => groups.push((what, vec![sent])),
        }
    }
    if groups.is_empty() {
        return Ok(String::new());
    }
    Ok(match language {
        DocLanguage::Zh => {
            let each: Vec<String> =
                groups.iter().map(|(what, dates)| format!("于 {}就{what}", dates.join("、"))).collect();
            format!("我司已{}向贵司发函催告。", each.join("，"))
        }
        DocLanguage::En => {
            let each: Vec<String> =
                groups.iter().map(|(what, dates)| format!("about {what} on {}", in_english_list(dates))).collect();
            format!("We wrote to you {}. ", each.join("; "))
        }
    })
}

/// "A", "A and B", "A, B and C".
fn in_english_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// The late-payment interest claimed, as the final notice's body says it: empty when none
/// is claimed, so the wording never promises a figure the letter does not give.
fn interest_sentence(claim: Option<&Claim>, language: DocLanguage) -> String {
    let Some(claim) = claim.filter(|c| c.interest.is_positive()) else { return String::new() };
    match language {
        DocLanguage::Zh => format!(
            "依约定或依法计算，截至 {}，上述欠款的逾期付款利息为 {}，本息合计 {}（计算依据见上表下方）。",
            claim.as_of,
            claim.interest.yuan(),
            claim.total.yuan()
        ),
        DocLanguage::En => format!(
            "Interest on the late payment, as agreed in the contract or as provided by law, comes to {} as of {}, {} with the principal (its basis is stated under the table). ",
            claim.interest.yuan(),
            claim.as_of,
            claim.total.yuan()
        ),
    }
}

/// How an English letter opens: the person it is for by name (no "Mr/Ms": the books do
/// not know which), or "Sir or Madam" when the customer has no contact (never the
/// company's name). A Chinese letter opens with the customer.
fn salutation(customer: &Customer, contact: &str, language: DocLanguage) -> String {
    match language {
        DocLanguage::Zh => format!("{}：", customer.fields.name),
        DocLanguage::En if contact.is_empty() => "Dear Sir or Madam,".to_string(),
        DocLanguage::En => format!("Dear {contact},"),
    }
}

/// The addressee: the decision maker first, then finance, then the purchaser, then
/// whoever is on file; None when the customer has no contact.
fn addressee(tx: &Transaction, customer: &Customer) -> Result<Option<contacts::Contact>, AppError> {
    let list = contacts::for_customer(tx, customer.id)?;
    let pick = [ContactRole::DecisionMaker, ContactRole::Finance, ContactRole::Purchaser]
        .iter()
        .find_map(|role| list.iter().find(|c| c.fields.role == *role))
        .or(list.first());
    Ok(pick.cloned())
}

/// The recipient block: the customer's name and address, and the person it is for with
/// their phone (else the customer's), as the express waybill will say.
fn recipient(customer: &Customer, contact: Option<&contacts::Contact>) -> Recipient {
    let phone = contact.map(|c| c.fields.phone.clone()).filter(|p| !p.is_empty());
    Recipient {
        name: customer.fields.name.clone(),
        address: customer.fields.address.clone(),
        contact: contact.map(|c| c.fields.name.clone()).unwrap_or_default(),
        phone: phone.unwrap_or_else(|| customer.fields.phone.clone()),
    }
}

/// The items as the letter lists them, each with the invoices that cover it on the letter's day.
fn with_invoices(
    tx: &Transaction,
    customer: &Customer,
    date: NaiveDate,
    overdue: &[Overdue],
) -> Result<Vec<LetterItem>, AppError> {
    let numbers = huikuan_store::tables::invoices::numbers_by_entry(tx, customer.id, date)?;
    Ok(overdue
        .iter()
        .map(|o| LetterItem {
            invoice: numbers.get(&o.entry_id).map(|n| n.join(", ")).unwrap_or_default(),
            ..o.item.clone()
        })
        .collect())
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
    let person = addressee(tx, customer)?;
    let who = person.as_ref().map(|c| c.fields.name.clone()).unwrap_or_default();
    // A final notice claims the interest on the customer's terms to its date, for the items
    // it lists; no terms (or no interest yet) prints no interest line and no sentence.
    let interest: Option<Claim> = if level == 3 {
        let numbers: Vec<String> = overdue.iter().map(|o| o.item.number.clone()).collect();
        Some(crate::interest::claim_in_tx(tx, customer, date, &numbers, language)?)
    } else {
        None
    };
    let bank = if zh {
        format!("户名 {}，开户行 {}，账号 {}", us.legal_name, us.bank_name, us.bank_account)
    } else {
        format!("account name {}, bank {}, account {}", us.legal_name, us.bank_name, us.bank_account)
    };
    let values: HashMap<Placeholder, String> = [
        (Placeholder::Company, us.legal_name.clone()),
        (Placeholder::Customer, customer.fields.name.clone()),
        (Placeholder::Salutation, salutation(customer, &who, language)),
        (Placeholder::Contact, who),
        (Placeholder::Interest, interest_sentence(interest.as_ref(), language)),
        (Placeholder::Date, date.to_string()),
        (Placeholder::Total, total.yuan()),
        (Placeholder::TotalCapitals, rmb_capitals(total)),
        (Placeholder::PayBy, pay_by.to_string()),
        (Placeholder::BankAccount, bank),
        (Placeholder::Signatory, us.signatory.clone()),
        (Placeholder::LetterNumber, number.to_string()),
        (Placeholder::PreviousLetters, previous_letters(tx, previous, overdue, language)?),
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
        items: with_invoices(tx, customer, date, overdue)?,
        total,
        signatory: us.signatory,
        stamp_png: company::image(tx, CompanyImage::Stamp)?,
        recipient: recipient(customer, person.as_ref()),
        interest,
    })
}
