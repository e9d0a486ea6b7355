//! The open lines with what each most likely pays, computed as the books stand now (after
//! every payer learned so far).

use huikuan_domain::bank::{
    likely_customer, references_in, suggest, Asked, Directory, Owed, Referenced, Source, StatementLine, Suggestion,
};
use huikuan_store::tables::bank::{self, Line};
use huikuan_store::tables::{customers, maintained};
use huikuan_store::Transaction;
use serde::Serialize;
use ts_rs::TS;

use crate::error::AppError;
use crate::Books;
use huikuan_domain::Money;

/// How many of a customer's latest statements a line's amount is compared with.
const STATEMENTS_LOOKED_AT: u32 = 3;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AllocationView {
    pub number: String,
    pub amount: Money,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SuggestionView {
    pub customer_code: String,
    pub customer_name: String,
    #[ts(type = "\"high\" | \"medium\" | \"low\"")]
    pub confidence: String,
    /// Why, in English; `reasons_zh` says the same in Chinese.
    pub reasons: Vec<String>,
    pub reasons_zh: Vec<String>,
    pub allocations: Vec<AllocationView>,
}

/// A statement line as the bank screen and `bank lines` show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct BankLineView {
    pub id: i64,
    #[ts(type = "string")]
    pub date: chrono::NaiveDate,
    pub amount: Money,
    pub payer: String,
    pub payer_account: String,
    pub memo: String,
    pub serial: String,
    pub source: String,
    #[ts(type = "\"open\" | \"accepted\" | \"ignored\"")]
    pub status: String,
    /// Why an ignored line was ignored.
    pub reason: String,
    /// The number of the payment an accepted line became.
    pub payment: Option<String>,
    pub suggestion: Option<SuggestionView>,
}

pub(crate) fn statement_line(line: &Line) -> StatementLine {
    StatementLine {
        row: 0,
        date: line.date,
        amount: line.amount,
        payer: line.payer.clone(),
        payer_account: line.payer_account.clone(),
        memo: line.memo.clone(),
        serial: line.serial.clone(),
        source: Source::from_name(&line.source).unwrap_or(Source::Bank),
    }
}

/// Everything known that can name a customer: their names, and every payer learned.
pub(crate) fn directory(tx: &Transaction) -> Result<Directory, AppError> {
    let mut directory = Directory::default();
    for (id, code, name) in bank::customer_names(tx)? {
        directory.add_customer(id, &code, &name);
    }
    for (customer_id, payer, account) in bank::payers(tx)? {
        directory.learn(customer_id, &payer, &account);
    }
    Ok(directory)
}

fn asked((_, number, period_to, closing): bank::Asked) -> Asked {
    Asked { number, period_to, closing }
}

/// What the memo's words name in the books: receivables, statements, customer codes.
fn referenced(tx: &Transaction, memo: &str) -> Result<Referenced, AppError> {
    let mut found = Referenced::default();
    for word in references_in(memo) {
        if let Some(customer_id) = bank::receivable_customer(tx, &word)? {
            found.receivables.push((customer_id, word));
        } else if let Some(statement) = bank::statement_by_number(tx, &word)? {
            found.statements.push((statement.0, asked(statement)));
        } else if let Some(customer) = customers::by_code(tx, &word)? {
            found.codes.push((customer.id, customer.fields.code));
        }
    }
    Ok(found)
}

/// The suggestion for a line as the books stand in `tx`.
pub(crate) fn suggestion_for(
    tx: &Transaction,
    directory: &Directory,
    line: &StatementLine,
) -> Result<Option<Suggestion>, AppError> {
    let referenced = referenced(tx, &line.memo)?;
    let Some(customer_id) = likely_customer(line, directory, &referenced) else {
        return Ok(None);
    };
    let open: Vec<Owed> = maintained::open_of(tx, customer_id)?
        .into_iter()
        .map(|o| Owed { number: o.receivable.number, doc_date: o.receivable.doc_date, open: o.open })
        .collect();
    let statements: Vec<Asked> =
        bank::statements_of(tx, customer_id, STATEMENTS_LOOKED_AT)?.into_iter().map(asked).collect();
    Ok(suggest(line, directory, &referenced, &open, &statements))
}

fn view_of(tx: &Transaction, s: Suggestion) -> Result<SuggestionView, AppError> {
    let customer = customers::get(tx, s.customer_id)?;
    Ok(SuggestionView {
        customer_code: customer.fields.code,
        customer_name: customer.fields.name,
        confidence: s.confidence.name().to_string(),
        reasons: s.reasons.iter().map(|r| r.en()).collect(),
        reasons_zh: s.reasons.iter().map(|r| r.zh()).collect(),
        allocations: s
            .allocated
            .parts
            .into_iter()
            .map(|p| AllocationView { number: p.number, amount: p.amount })
            .collect(),
    })
}

fn lines_in(tx: &Transaction, status: Option<&str>) -> Result<Vec<BankLineView>, AppError> {
    let directory = directory(tx)?;
    let mut views = Vec::new();
    for line in bank::lines(tx, status)? {
        let suggestion = if line.status == "open" {
            suggestion_for(tx, &directory, &statement_line(&line))?.map(|s| view_of(tx, s)).transpose()?
        } else {
            None
        };
        views.push(BankLineView {
            id: line.id,
            date: line.date,
            amount: line.amount,
            payer: line.payer,
            payer_account: line.payer_account,
            memo: line.memo,
            serial: line.serial,
            source: line.source,
            status: line.status,
            reason: line.reason,
            payment: line.payment,
            suggestion,
        });
    }
    Ok(views)
}

impl Books {
    /// The statement lines with `status` (open, accepted, ignored; None: all), oldest first;
    /// each open one with its suggestion as the books stand now.
    pub fn bank_lines(&mut self, status: Option<&str>) -> Result<Vec<BankLineView>, AppError> {
        self.store.read(|tx| lines_in(tx, status))
    }
}
