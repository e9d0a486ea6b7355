//! Whose payment a line most likely is: by the payer's account or name as the user confirmed
//! before, the payer's name being the customer's, a document or customer code in the memo.
//! Conservative: a line with no clue gets no suggestion, and only a strong clue (never a
//! code in the memo alone) with an amount that fits is suggested with high confidence.

use std::collections::HashMap;

use serde::Serialize;

use super::allocate::{allocate, Allocated, Asked, Owed};
use super::reason::Reason;
use super::statement::StatementLine;
use crate::typed::{compact, normalize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    Low,
    Medium,
    High,
}

impl Confidence {
    pub fn name(self) -> &'static str {
        match self {
            Confidence::Low => "low",
            Confidence::Medium => "medium",
            Confidence::High => "high",
        }
    }

    fn lower(self) -> Confidence {
        match self {
            Confidence::High => Confidence::Medium,
            _ => Confidence::Low,
        }
    }
}

/// A payer's name as compared: full-width folded, spaces and case aside, （） as ().
pub fn fold_name(name: &str) -> String {
    compact(name).to_lowercase()
}

/// An account number as compared: its letters and digits only.
pub fn fold_account(account: &str) -> String {
    normalize(account).chars().filter(char::is_ascii_alphanumeric).collect::<String>().to_ascii_uppercase()
}

/// The words of a memo that could be a document number or a customer code (SD-2026-000012,
/// C017): runs of ASCII letters, digits and `-` holding a digit, upper-cased.
pub fn references_in(memo: &str) -> Vec<String> {
    let text = normalize(memo);
    let mut words: Vec<String> = text
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .map(|w| w.trim_matches('-').to_ascii_uppercase())
        .filter(|w| w.len() >= 2 && w.chars().any(|c| c.is_ascii_digit()))
        .collect();
    words.dedup();
    words
}

/// What the books know that can name a line's customer (customer ids throughout).
#[derive(Debug, Default)]
pub struct Directory {
    names: HashMap<String, Vec<i64>>,
    learned_names: HashMap<String, i64>,
    learned_accounts: HashMap<String, i64>,
    codes: HashMap<i64, String>,
}

impl Directory {
    pub fn add_customer(&mut self, id: i64, code: &str, name: &str) {
        self.names.entry(fold_name(name)).or_default().push(id);
        self.codes.insert(id, code.to_string());
    }

    /// A payer the user confirmed pays for `customer_id`; a later confirmation wins.
    pub fn learn(&mut self, customer_id: i64, payer: &str, account: &str) {
        let (payer, account) = (fold_name(payer), fold_account(account));
        if !payer.is_empty() {
            self.learned_names.insert(payer, customer_id);
        }
        if !account.is_empty() {
            self.learned_accounts.insert(account, customer_id);
        }
    }

    pub fn code_of(&self, customer_id: i64) -> &str {
        self.codes.get(&customer_id).map_or("", String::as_str)
    }
}

/// What the memo's words turned out to name in the books.
#[derive(Debug, Default, Clone)]
pub struct Referenced {
    /// Receivables by number: (customer id, number).
    pub receivables: Vec<(i64, String)>,
    /// Statements: (customer id, the statement).
    pub statements: Vec<(i64, Asked)>,
    /// Customers whose code the memo holds: (customer id, code).
    pub codes: Vec<(i64, String)>,
}

/// A clue to the customer, strongest first.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Clue {
    customer_id: i64,
    rank: u8,
    reason: Reason,
}

fn clues(line: &StatementLine, directory: &Directory, referenced: &Referenced) -> Vec<Clue> {
    let mut found = Vec::new();
    let clue = |customer_id, rank, reason| Clue { customer_id, rank, reason };
    let account = fold_account(&line.payer_account);
    if let Some(id) = directory.learned_accounts.get(&account).filter(|_| !account.is_empty()) {
        found.push(clue(*id, 4, Reason::KnownAccount(line.payer_account.trim().to_string())));
    }
    let payer = fold_name(&line.payer);
    if let Some(id) = directory.learned_names.get(&payer).filter(|_| !payer.is_empty()) {
        found.push(clue(*id, 3, Reason::KnownPayer(line.payer.trim().to_string())));
    }
    for (id, number) in &referenced.receivables {
        found.push(clue(*id, 3, Reason::MemoNamesDocument(number.clone())));
    }
    for (id, asked) in &referenced.statements {
        found.push(clue(*id, 3, Reason::MemoNamesDocument(asked.number.clone())));
    }
    // A name two customers share names neither.
    if let Some([id]) = directory.names.get(&payer).map(Vec::as_slice).filter(|_| !payer.is_empty()) {
        found.push(clue(*id, 2, Reason::PayerIsCustomer(line.payer.trim().to_string())));
    }
    for (id, code) in &referenced.codes {
        found.push(clue(*id, 1, Reason::MemoNamesCode(code.clone())));
    }
    found.sort_by_key(|c| std::cmp::Reverse(c.rank));
    found
}

/// A suggestion for one line: the customer, how sure, why, and the allocation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    pub customer_id: i64,
    pub confidence: Confidence,
    pub reasons: Vec<Reason>,
    pub allocated: Allocated,
}

/// The customer a line most likely pays for, before its receivables are known: None when
/// nothing names one.
pub fn likely_customer(line: &StatementLine, directory: &Directory, referenced: &Referenced) -> Option<i64> {
    clues(line, directory, referenced).first().map(|c| c.customer_id)
}

/// The suggestion for `line`, given what the customer `likely_customer` named has open and
/// the statements sent to them (latest first).
pub fn suggest(
    line: &StatementLine,
    directory: &Directory,
    referenced: &Referenced,
    open: &[Owed],
    statements: &[Asked],
) -> Option<Suggestion> {
    let clues = clues(line, directory, referenced);
    let top = clues.first()?;
    let customer_id = top.customer_id;
    let mut reasons: Vec<Reason> = Vec::new();
    for c in clues.iter().filter(|c| c.customer_id == customer_id) {
        if !reasons.contains(&c.reason) {
            reasons.push(c.reason.clone());
        }
    }
    let rival = clues.iter().find(|c| c.customer_id != customer_id);
    if let Some(r) = rival {
        reasons.push(Reason::OtherCustomer(directory.code_of(r.customer_id).to_string()));
    }
    let named: Vec<String> =
        referenced.receivables.iter().filter(|(id, _)| *id == customer_id).map(|(_, n)| n.clone()).collect();
    let named_statements: Vec<Asked> =
        referenced.statements.iter().filter(|(id, _)| *id == customer_id).map(|(_, s)| s.clone()).collect();
    let allocated = allocate(line.amount, open, &named, &named_statements, statements);
    let mut confidence = match (top.rank >= 2, allocated.exact) {
        (true, true) => Confidence::High,
        (true, false) | (false, true) => Confidence::Medium,
        (false, false) => Confidence::Low,
    };
    if let Some(r) = rival {
        // Two customers as likely as each other: a guess, said as one.
        confidence = if r.rank == top.rank { Confidence::Low } else { confidence.lower() };
    }
    reasons.extend(allocated.reasons.iter().cloned());
    Some(Suggestion { customer_id, confidence, reasons, allocated })
}
