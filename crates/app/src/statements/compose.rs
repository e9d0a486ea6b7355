//! A statement's content, read from the books: the ledger walked over the period, the
//! aging of the closing balance, whom it is addressed to and where to pay.

use chrono::NaiveDate;
use huikuan_docs::{ExpectedPayment, Paper, StatementDoc, StatementLine};
use huikuan_domain::aging::{age, AgingBasis, BucketScheme};
use huikuan_domain::collection::Keeping;
use huikuan_domain::statement::{figures, Movement};
use huikuan_domain::{ContactRole, DocLanguage, Money, Period, Side};
use huikuan_store::tables::entries::Entry;
use huikuan_store::tables::{allocations, company, contacts, entries};
use huikuan_store::Transaction;

use crate::collections::standing;
use crate::documents::letterhead;
use crate::error::AppError;
use crate::Customer;

/// What the ledger line of an entry says on paper.
fn describe(entry: &Entry, number_of: &dyn Fn(i64) -> Option<String>, language: DocLanguage) -> String {
    let kind = entry.kind.words(language);
    let mut parts = vec![kind.to_string()];
    if let Some(method) = entry.method {
        parts.push(method.words(language).to_string());
    }
    for text in [&entry.reference, &entry.memo] {
        if !text.is_empty() {
            parts.push(text.clone());
        }
    }
    let mut text = parts.join(" · ");
    if let Some(number) = entry.corrects_entry_id.and_then(number_of) {
        text.push_str(&format!(" → {number}"));
    }
    text
}

/// The contact a statement is addressed to: finance first, then the purchaser.
fn addressee(tx: &Transaction, customer: &Customer) -> Result<String, AppError> {
    let list = contacts::for_customer(tx, customer.id)?;
    let pick = [ContactRole::Finance, ContactRole::Purchaser, ContactRole::DecisionMaker]
        .iter()
        .find_map(|role| list.iter().find(|c| c.fields.role == *role))
        .or(list.first());
    Ok(pick.map(|c| format!("{} {}", c.fields.name, c.fields.phone).trim().to_string()).unwrap_or_default())
}

/// What the customer has promised or agreed to pay and not paid yet.
fn expected(tx: &Transaction, customer: &Customer, on: NaiveDate) -> Result<Vec<ExpectedPayment>, AppError> {
    let zh = customer.fields.doc_language == DocLanguage::Zh;
    let (promises, plans) = standing(tx, customer.id, &customer.fields.code, on)?;
    let mut out: Vec<ExpectedPayment> = promises
        .iter()
        .filter(|p| p.keeping == Keeping::Open)
        .map(|p| ExpectedPayment {
            date: p.promised_date,
            what: match (zh, p.promised_by.is_empty()) {
                (true, true) => "承诺付款".to_string(),
                (true, false) => format!("承诺付款（{}）", p.promised_by),
                (false, true) => "Promise to pay".to_string(),
                (false, false) => format!("Promise to pay ({})", p.promised_by),
            },
            amount: p.amount - p.paid,
        })
        .collect();
    for plan in &plans {
        for i in plan.instalments.iter().filter(|i| i.keeping == Keeping::Open) {
            out.push(ExpectedPayment {
                date: i.due_date,
                what: if zh {
                    format!("还款计划 {} 第 {} 期", plan.number, i.position)
                } else {
                    format!("Repayment plan {}, instalment {}", plan.number, i.position)
                },
                amount: i.amount - i.paid,
            });
        }
    }
    out.sort_by_key(|e| e.date);
    Ok(out)
}

pub(crate) fn compose(
    tx: &Transaction,
    customer: &Customer,
    period: Period,
    issued_on: NaiveDate,
    number: &str,
    supersedes: Option<String>,
) -> Result<StatementDoc, AppError> {
    let language = customer.fields.doc_language;
    let all = entries::for_customer(tx, customer.id)?;
    let movements: Vec<Movement> = all
        .iter()
        .map(|e| match e.side {
            Side::Debit => Movement { date: e.doc_date, debit: e.amount, credit: Money::ZERO },
            Side::Credit => Movement { date: e.doc_date, debit: Money::ZERO, credit: e.amount },
        })
        .collect();
    let f = figures(&movements, period);
    let number_by_id: std::collections::HashMap<i64, &str> = all.iter().map(|e| (e.id, e.number.as_str())).collect();
    let number_of = |id: i64| number_by_id.get(&id).map(|n| n.to_string());
    // The invoices issued by the statement's day: the month's invoice is often issued after
    // the month's end and before its statement.
    let invoices = huikuan_store::tables::invoices::numbers_by_entry(tx, customer.id, issued_on)?;
    let lines = f
        .in_period
        .iter()
        .zip(&f.running)
        .map(|(&i, &balance)| {
            let e = &all[i];
            StatementLine {
                date: e.doc_date,
                number: e.number.clone(),
                description: describe(e, &number_of, language),
                invoice: invoices.get(&e.id).map(|n| n.join(", ")).unwrap_or_default(),
                debit: movements[i].debit,
                credit: movements[i].credit,
                balance,
            }
        })
        .collect();
    let account = entries::account_of(&all, allocations::for_customer(tx, customer.id)?);
    let scheme = BucketScheme::default();
    let row = age(&account.receivables, &account.settle(period.to), period.to, &scheme, AgingBasis::DueDate);
    let us = company::get(tx)?;
    Ok(StatementDoc {
        letterhead: letterhead(tx)?,
        language,
        paper: Paper::A4,
        number: number.to_string(),
        date: issued_on,
        from: period.from,
        to: period.to,
        customer_code: customer.fields.code.clone(),
        customer_name: customer.fields.name.clone(),
        contact: addressee(tx, customer)?,
        address: customer.fields.address.clone(),
        terms: customer.fields.payment_terms,
        opening: f.opening,
        debits: f.debits,
        credits: f.credits,
        closing: f.closing,
        lines,
        aging: scheme.labels().into_iter().zip(row.buckets.iter().copied()).collect(),
        expected: expected(tx, customer, issued_on)?,
        bank_name: us.bank_name,
        bank_account: us.bank_account,
        supersedes,
    })
}
