use std::collections::HashMap;

use chrono::NaiveDate;
use huikuan_domain::{EntryKind, Money, PaymentMethod, Side};
use huikuan_store::tables::{allocations, entries};
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
            let mut balance = Money::ZERO;
            let mut lines = Vec::new();
            for entry in all.iter().filter(|e| as_of.is_none_or(|d| e.doc_date <= d)) {
                balance += entry.signed_amount();
                let (debit, credit) = match entry.side {
                    Side::Debit => (entry.amount, Money::ZERO),
                    Side::Credit => (Money::ZERO, entry.amount),
                };
                lines.push(LedgerLine {
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
                    open: (entry.side == Side::Debit).then(|| open_of(entry.id)).flatten(),
                    corrects: entry.corrects_entry_id.and_then(number_of),
                });
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
