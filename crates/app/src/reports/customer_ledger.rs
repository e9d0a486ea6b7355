use std::collections::HashMap;

use chrono::NaiveDate;
use huikuan_domain::{EntryKind, Money, PaymentMethod, Side};
use huikuan_store::tables::entries::Entry;
use huikuan_store::tables::{allocations, entries, invoices, maintained};
use serde::Serialize;

use crate::books::customer_by_code;
use crate::error::AppError;
use crate::Books;
use ts_rs::TS;

/// A customer's ledger (往来明细) with a running balance.
#[derive(Debug, Clone, Serialize, TS)]
pub struct CustomerLedger {
    pub code: String,
    pub name: String,
    pub as_of: Option<NaiveDate>,
    pub entries: Vec<LedgerLine>,
    pub balance: Money,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct LedgerLine {
    pub id: i64,
    pub date: NaiveDate,
    pub kind: EntryKind,
    pub number: String,
    pub due_date: Option<NaiveDate>,
    pub description: String,
    pub method: Option<PaymentMethod>,
    pub reference: String,
    pub debit: Money,
    pub credit: Money,
    pub balance: Money,
    /// For receivables: what is still open of it at the ledger's date.
    pub open: Option<Money>,
    /// The number of the entry this one corrects (credit notes, write-offs).
    pub corrects: Option<String>,
    /// The VAT invoices that cover a receivable (none for the rest).
    pub invoices: Vec<String>,
}

impl LedgerLine {
    /// The line of `entry`, with the balance after it, what is open of it (receivables) and
    /// the number of the entry it corrects.
    fn of(entry: &Entry, balance: Money, open: Option<Money>, corrects: Option<String>) -> LedgerLine {
        let (debit, credit) = match entry.side {
            Side::Debit => (entry.amount, Money::ZERO),
            Side::Credit => (Money::ZERO, entry.amount),
        };
        LedgerLine {
            id: entry.id,
            date: entry.doc_date,
            kind: entry.kind,
            number: entry.number.clone(),
            due_date: entry.due_date,
            description: entry.memo.clone(),
            method: entry.method,
            reference: entry.reference.clone(),
            debit,
            credit,
            balance,
            open: if entry.side == Side::Debit { open } else { None },
            corrects,
            invoices: Vec::new(),
        }
    }
}

impl Books {
    /// Entries in date order (debits before credits on the same day), each with the
    /// balance after it; with `as_of`, only entries dated on or before it.
    pub fn customer_ledger(&mut self, code: &str, as_of: Option<NaiveDate>) -> Result<CustomerLedger, AppError> {
        self.store.read(|tx| {
            let customer = customer_by_code(tx, code)?;
            let all = entries::for_customer(tx, customer.id)?;
            let account = entries::account_of(&all, allocations::for_customer(tx, customer.id)?);
            let settlement = account.settle(as_of.unwrap_or(NaiveDate::MAX));
            // Looked up per line: maps keep a large customer's ledger linear.
            let open_by_id: HashMap<i64, Option<Money>> =
                account.receivables.iter().map(|r| r.id).zip(settlement.open.iter().copied()).collect();
            let number_by_id: HashMap<i64, &str> = all.iter().map(|e| (e.id, e.number.as_str())).collect();
            let open_of = |id: i64| open_by_id.get(&id).copied().flatten();
            let number_of = |id: i64| number_by_id.get(&id).map(|n| n.to_string());
            let mut invoices = invoices::numbers_by_entry(tx, customer.id, as_of.unwrap_or(NaiveDate::MAX))?;
            let mut balance = Money::ZERO;
            let mut lines = Vec::new();
            for entry in all.iter().filter(|e| as_of.is_none_or(|d| e.doc_date <= d)) {
                balance += entry.signed_amount();
                let corrects = entry.corrects_entry_id.and_then(number_of);
                let line = LedgerLine::of(entry, balance, open_of(entry.id), corrects);
                lines.push(LedgerLine { invoices: invoices.remove(&entry.id).unwrap_or_default(), ..line });
            }
            Ok(CustomerLedger {
                code: customer.fields.code,
                name: customer.fields.name,
                as_of,
                entries: lines,
                balance,
            })
        })
    }
}

/// One page of a customer's ledger for the screen: the newest lines first read, shown in
/// ledger order with the balance after each; a large customer's ten years are never read at
/// once. The open amounts are what is open after everything recorded.
#[derive(Debug, Clone, Serialize, TS)]
pub struct LedgerPage {
    pub code: String,
    pub name: String,
    /// All the customer's entries.
    pub total: u32,
    /// How many newer entries come after this page.
    pub offset: u32,
    /// In ledger order (oldest first).
    pub entries: Vec<LedgerLine>,
    pub balance: Money,
}

impl Books {
    /// `limit` lines of the customer's ledger, skipping the `offset` newest.
    pub fn customer_ledger_page(&mut self, code: &str, offset: u32, limit: u32) -> Result<LedgerPage, AppError> {
        let limit = limit.clamp(1, 2000);
        self.store.read(|tx| {
            let customer = customer_by_code(tx, code)?;
            let balance = maintained::totals(tx, customer.id)?.map_or(Money::ZERO, |t| t.balance);
            let mut after = balance - entries::newest_sum(tx, customer.id, offset)?;
            let page = entries::page_of(tx, customer.id, limit, offset)?;
            let open: HashMap<i64, Money> =
                maintained::open_of(tx, customer.id)?.into_iter().map(|o| (o.receivable.id, o.open)).collect();
            let corrected: Vec<i64> = page.iter().filter_map(|e| e.corrects_entry_id).collect();
            let numbers = entries::numbers(tx, &corrected)?;
            let mut invoices = invoices::numbers_by_entry(tx, customer.id, NaiveDate::MAX)?;
            let mut lines: Vec<LedgerLine> = page
                .iter()
                .map(|entry| {
                    let open = Some(open.get(&entry.id).copied().unwrap_or(Money::ZERO));
                    let corrects = entry.corrects_entry_id.and_then(|id| numbers.get(&id).cloned());
                    let line = LedgerLine::of(entry, after, open, corrects);
                    after -= entry.signed_amount();
                    LedgerLine { invoices: invoices.remove(&entry.id).unwrap_or_default(), ..line }
                })
                .collect();
            lines.reverse();
            Ok(LedgerPage {
                code: customer.fields.code,
                name: customer.fields.name,
                total: entries::count_of(tx, customer.id)?,
                offset,
                entries: lines,
                balance,
            })
        })
    }
}
