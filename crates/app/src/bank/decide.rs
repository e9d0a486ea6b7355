//! The user's decision on an open statement line: accepted, it becomes a payment with its
//! allocation and teaches who the payer pays for; ignored, it is kept with the reason. Each
//! in one transaction with the line's new status.

use huikuan_domain::bank::{fold_account, fold_name, Source, Suggestion};
use huikuan_domain::customer::clean_text;
use huikuan_domain::PaymentMethod;
use huikuan_store::tables::bank::{self, Line};
use huikuan_store::tables::{audit, Stamp};
use huikuan_store::Transaction;

use super::suggestions::{directory, statement_line, suggestion_for};
use crate::books::customer_by_code;
use crate::error::AppError;
use crate::ledger::{record_in_tx, ManualAllocation, NewPayment, PaymentReceipt};
use crate::Books;

/// The payment's memo: who paid and what they wrote, within what a memo holds.
const MEMO_CHARS: usize = 500;

fn open_line(tx: &Transaction, id: i64) -> Result<Line, AppError> {
    let line = bank::get(tx, id)?;
    if line.status != "open" {
        let (en, zh) = match line.status.as_str() {
            "accepted" => ("was already accepted", "已经确认入账"),
            _ => ("was already ignored", "已经标记为非客户回款"),
        };
        return Err(AppError::rule(None, format!("statement line #{id} {en}"), format!("流水 #{id} {zh}")));
    }
    Ok(line)
}

fn method_of(source: &str) -> PaymentMethod {
    match Source::from_name(source) {
        Some(Source::Wechat) => PaymentMethod::Wechat,
        Some(Source::Alipay) => PaymentMethod::Alipay,
        _ => PaymentMethod::Bank,
    }
}

fn memo_of(line: &Line) -> String {
    let memo = [line.payer.trim(), line.memo.trim()].iter().filter(|s| !s.is_empty()).copied().collect::<Vec<_>>();
    memo.join(" · ").chars().take(MEMO_CHARS).collect()
}

/// The customer and allocation: the user's where given, else the suggestion's.
fn chosen(
    tx: &Transaction,
    line: &Line,
    customer: Option<&str>,
    allocations: Option<Vec<ManualAllocation>>,
) -> Result<(String, Vec<ManualAllocation>), AppError> {
    let allocations = match (customer, allocations) {
        // Both chosen by the user: nothing to take from the suggestion.
        (Some(code), Some(given)) => return Ok((code.to_string(), given)),
        (_, given) => given,
    };
    let suggestion: Option<Suggestion> = suggestion_for(tx, &directory(tx)?, &statement_line(line))?;
    let suggested = suggestion.map(|s| {
        let parts = s.allocated.parts.into_iter().map(|p| ManualAllocation { receivable: p.number, amount: p.amount });
        (s.customer_id, parts.collect::<Vec<_>>())
    });
    let (code, suggested_parts) = match (customer, suggested) {
        (Some(code), suggested) => {
            let id = customer_by_code(tx, code)?.id;
            (code.to_string(), suggested.filter(|(s, _)| *s == id).map(|(_, p)| p))
        }
        (None, Some((id, parts))) => (huikuan_store::tables::customers::get(tx, id)?.fields.code, Some(parts)),
        (None, None) => {
            return Err(AppError::rule(
                Some("customer".into()),
                format!("nothing names the customer of statement line #{}: choose the customer", line.id),
                format!("流水 #{} 无法判断是哪位客户的回款：请选择客户", line.id),
            ))
        }
    };
    Ok((code, allocations.or(suggested_parts).unwrap_or_default()))
}

fn accept_in_tx(
    tx: &Transaction,
    stamp: &Stamp,
    id: i64,
    customer: Option<&str>,
    allocations: Option<Vec<ManualAllocation>>,
) -> Result<PaymentReceipt, AppError> {
    let line = open_line(tx, id)?;
    let (customer_code, allocations) = chosen(tx, &line, customer, allocations)?;
    let payment = NewPayment {
        customer_code,
        date: line.date,
        amount: line.amount,
        method: method_of(&line.source),
        reference: line.serial.clone(),
        memo: memo_of(&line),
        number: None,
        allocations,
    };
    let receipt = record_in_tx(tx, stamp, &payment)?;
    bank::decide(tx, id, Some(receipt.entry.id), "", stamp)?;
    let (payer, account) = (fold_name(&line.payer), fold_account(&line.payer_account));
    if !payer.is_empty() || !account.is_empty() {
        bank::learn(tx, receipt.entry.customer_id, &payer, &account, id, stamp)?;
    }
    let after = serde_json::json!({ "payment": receipt.entry.number, "customer": payment.customer_code });
    audit::record(tx, stamp, "accept_bank_line", "bank_line", Some(id), None, Some(&after))?;
    Ok(receipt)
}

fn ignore_in_tx(tx: &Transaction, stamp: &Stamp, id: i64, reason: &str) -> Result<(), AppError> {
    open_line(tx, id)?;
    let reason = clean_text("reason", reason).map_err(AppError::invalid("reason"))?;
    if reason.is_empty() {
        return Err(AppError::rule(
            Some("reason".into()),
            "say why the line is not a customer's payment",
            "请填写不是客户回款的原因",
        ));
    }
    bank::decide(tx, id, None, &reason, stamp)?;
    let after = serde_json::json!({ "reason": reason });
    audit::record(tx, stamp, "ignore_bank_line", "bank_line", Some(id), None, Some(&after))?;
    Ok(())
}

impl Books {
    /// Records an open line as a payment: from `customer` (a code) or else the suggested
    /// customer, allocated as given or else as suggested; the payer is learned for next time.
    pub fn accept_bank_line(
        &mut self,
        id: i64,
        customer: Option<&str>,
        allocations: Option<Vec<ManualAllocation>>,
    ) -> Result<PaymentReceipt, AppError> {
        let stamp = self.stamp();
        self.store.write(|tx| accept_in_tx(tx, &stamp, id, customer, allocations))
    }

    /// Marks an open line as not a customer's payment, for `reason`.
    pub fn ignore_bank_line(&mut self, id: i64, reason: &str) -> Result<(), AppError> {
        let stamp = self.stamp();
        self.store.write(|tx| ignore_in_tx(tx, &stamp, id, reason))
    }
}
