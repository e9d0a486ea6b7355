//! Scenario scripts: ledger stories where every line states its expected result.
//!
//! ```text
//! # comment
//! customer C1 net:30 1000              => ok
//! deliver C1 2026-01-01 100.00         => SD-2026-000001 due 2026-01-31
//! pay C1 2026-01-15 40.00              => PM-2026-000001 applied SD-2026-000001:40.00 credit 0.00
//! aging 2026-03-05 C1                  => balance 60.00 credit 0.00 | 31-60:60.00
//! ! pay C1 2026-01-15 1.005            => too_many_decimals
//! ```
//! A line starting with `!` must fail with the error code after `=>`.

use huikuan_app::ledger::{
    ManualAllocation, NewCharge, NewCreditNote, NewDelivery, NewDeliveryLine, NewOpeningBalance, NewPayment,
    NewWriteOff,
};
use huikuan_app::{AppError, Books, CustomerFields};
use huikuan_domain::aging::AgingBasis;
use huikuan_domain::{Money, PaymentMethod};
use rust_decimal::Decimal;

/// Runs a script against `books`; returns every line whose result differed.
pub fn run(books: &mut Books, script: &str) -> Vec<String> {
    let mut failures = Vec::new();
    for (index, raw) in script.lines().enumerate() {
        let line = raw.split(" #").next().unwrap_or("").trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (command, expected) = line.split_once("=>").map_or((line, ""), |(c, e)| (c.trim(), e.trim()));
        let (must_fail, command) = match command.strip_prefix('!') {
            Some(rest) => (true, rest.trim()),
            None => (false, command),
        };
        let actual = match (execute(books, command), must_fail) {
            (Ok(text), false) => text,
            (Err(e), true) => e.code().to_string(),
            (Ok(text), true) => format!("succeeded with: {text}"),
            (Err(e), false) => format!("failed: {} ({e})", e.code()),
        };
        if actual != expected {
            failures.push(format!("line {}: {command}\n   expected: {expected}\n     actual: {actual}", index + 1));
        }
    }
    failures
}

fn money(text: &str) -> Result<Money, AppError> {
    text.parse().map_err(AppError::invalid("amount"))
}

fn day(text: &str) -> Result<chrono::NaiveDate, AppError> {
    huikuan_domain::calendar::parse_date(text).map_err(AppError::invalid("date"))
}

/// `key=value` options after the positional words.
fn option<'a>(words: &[&'a str], key: &str) -> Option<&'a str> {
    words.iter().find_map(|w| w.strip_prefix(key).and_then(|r| r.strip_prefix('=')))
}

fn execute(books: &mut Books, command: &str) -> Result<String, AppError> {
    let words: Vec<&str> = command.split_whitespace().collect();
    let arg = |i: usize| words.get(i).copied().unwrap_or("");
    match arg(0) {
        "customer" => {
            let mut fields = CustomerFields::new(arg(1), &format!("{} 商行", arg(1)));
            fields.payment_terms = arg(2).parse().map_err(AppError::invalid("terms"))?;
            if let Some(limit) = words.get(3) {
                fields.credit_limit = money(limit)?;
            }
            books.create_customer(fields, Vec::new())?;
            Ok("ok".into())
        }
        "policy" if arg(1) == "overdue-block-days" => {
            let mut policy = books.credit_policy()?;
            policy.overdue_block_days =
                arg(2).parse().map_err(|_| AppError::Rule(format!("bad days {}", arg(2)).into()))?;
            books.set_credit_policy(policy)?;
            Ok("ok".into())
        }
        "status" => {
            let mut fields = books.customer(arg(1))?.customer.fields;
            fields.status = arg(2).parse().map_err(AppError::invalid("status"))?;
            books.update_customer(arg(1), fields)?;
            Ok("ok".into())
        }
        "deliver" => {
            let note = books.create_delivery(NewDelivery {
                customer_code: arg(1).into(),
                date: day(arg(2))?,
                due_date: option(&words, "due").map(day).transpose()?,
                number: None,
                contact_name: String::new(),
                address: String::new(),
                memo: String::new(),
                lines: vec![NewDeliveryLine {
                    item: "货物".into(),
                    spec: String::new(),
                    unit: String::new(),
                    quantity: Decimal::ONE,
                    unit_price: arg(3).parse().map_err(|_| AppError::Rule(format!("bad price {}", arg(3)).into()))?,
                }],
                override_reason: option(&words, "override").map(str::to_string),
            })?;
            Ok(format!("{} due {}", note.number.unwrap_or_default(), note.due_date))
        }
        "opening" => {
            let entry = books.record_opening_balance(NewOpeningBalance {
                customer_code: arg(1).into(),
                date: day(arg(2))?,
                amount: money(arg(3))?,
                due_date: option(&words, "due").map(day).transpose()?,
                memo: String::new(),
            })?;
            Ok(entry.number)
        }
        "charge" => {
            let entry = books.record_charge(NewCharge {
                customer_code: arg(1).into(),
                date: day(arg(2))?,
                amount: money(arg(3))?,
                due_date: None,
                reason: "滞纳金".into(),
            })?;
            Ok(format!("{} due {}", entry.number, entry.due_date.map(|d| d.to_string()).unwrap_or_default()))
        }
        "pay" => {
            let allocations = words[4..]
                .iter()
                .filter_map(|w| w.split_once(':'))
                .map(|(number, amount)| Ok(ManualAllocation { receivable: number.into(), amount: money(amount)? }))
                .collect::<Result<Vec<_>, AppError>>()?;
            let receipt = books.record_payment(NewPayment {
                customer_code: arg(1).into(),
                date: day(arg(2))?,
                amount: money(arg(3))?,
                method: PaymentMethod::Bank,
                reference: String::new(),
                memo: String::new(),
                number: None,
                allocations,
            })?;
            let applied: Vec<String> = receipt.applied.iter().map(|a| format!("{}:{}", a.number, a.amount)).collect();
            let applied = if applied.is_empty() { "nothing".to_string() } else { applied.join(" ") };
            Ok(format!("{} applied {applied} credit {}", receipt.entry.number, receipt.unapplied))
        }
        "credit-note" => {
            let entry = books.record_credit_note(NewCreditNote {
                customer_code: arg(1).into(),
                date: day(arg(2))?,
                amount: money(arg(3))?,
                reason: "退货".into(),
                corrects: option(&words, "corrects").map(str::to_string),
            })?;
            Ok(entry.number)
        }
        "write-off" => {
            let entry = books.write_off(NewWriteOff {
                customer_code: arg(1).into(),
                receivable: arg(2).into(),
                date: day(arg(3))?,
                amount: words.get(4).map(|m| money(m)).transpose()?,
                reason: "客户破产".into(),
            })?;
            Ok(format!("{} {}", entry.number, entry.amount))
        }
        "aging" => {
            let report = books.aging_report(day(arg(1))?, AgingBasis::DueDate)?;
            let Some(row) = report.customers.iter().find(|c| c.code == arg(2)) else {
                return Ok("omitted".into());
            };
            let buckets: Vec<String> =
                row.buckets.0.iter().filter(|(_, m)| !m.is_zero()).map(|(label, m)| format!("{label}:{m}")).collect();
            let buckets = if buckets.is_empty() { "none".to_string() } else { buckets.join(" ") };
            Ok(format!("balance {} credit {} | {buckets}", row.balance, row.credit))
        }
        "open" => {
            let items = books.open_items(arg(1))?;
            let items: Vec<String> = items.iter().map(|i| format!("{}:{}", i.receivable.number, i.open)).collect();
            Ok(if items.is_empty() { "none".into() } else { items.join(" ") })
        }
        "balance" => Ok(books.customer_ledger(arg(1), None)?.balance.to_string()),
        other => Err(AppError::Rule(format!("unknown scenario command '{other}'").into())),
    }
}
