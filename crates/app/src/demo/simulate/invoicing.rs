//! The VAT invoices of the demo: chains and enterprises get one 数电专票 a month for the month's
//! deliveries, issued in the first days of the next and sent through the tax platform; the
//! current month's deliveries are not invoiced yet. One late customer says it never received
//! last month's invoice, and indeed no sending of it is recorded.

use chrono::{Datelike, Days, NaiveDate};
use huikuan_domain::{ContactRole, CustomerKind, EntryKind, Money};

use crate::collections::ContactLogForm;
use crate::demo::cast::Plan;
use crate::invoices::{CoverForm, InvoiceForm, ReachForm};
use crate::{AppError, Books, FixedClock};

fn at(books: &mut Books, day: NaiveDate) {
    books.set_clock(Box::new(FixedClock::at(day.and_hms_opt(3, 0, 0).expect("03:00 exists").and_utc())));
}

/// The first day of the month after `day`.
fn next_month(day: NaiveDate) -> NaiveDate {
    let (y, m) = if day.month() == 12 { (day.year() + 1, 1) } else { (day.year(), day.month() + 1) };
    NaiveDate::from_ymd_opt(y, m, 1).expect("the first of a month exists")
}

/// The tax included at 13%, to the cent (half up).
fn tax_13(amount: Money) -> Money {
    Money::from_cents((amount.cents() * 26 + 113) / 226)
}

pub(super) fn issue(books: &mut Books, plans: &[Plan], today: NaiveDate) -> Result<(), AppError> {
    let this_month = today.with_day(1).expect("the first of a month exists");
    let mut serial = 0u64;
    let mut unreached = false;
    for plan in plans.iter().filter(|p| matches!(p.fields.kind, CustomerKind::Chain | CustomerKind::Enterprise)) {
        let code = plan.fields.code.clone();
        let ledger = books.customer_ledger(&code, None)?;
        let deliveries: Vec<(NaiveDate, String, Money)> = ledger
            .entries
            .iter()
            .filter(|e| e.kind == EntryKind::Delivery && e.date < this_month)
            .map(|e| (e.date, e.number.clone(), e.debit))
            .collect();
        let mut months: Vec<NaiveDate> = deliveries.iter().map(|(d, _, _)| d.with_day(1).expect("first")).collect();
        months.dedup();
        let late = !books.customer(&code)?.overdue.is_zero();
        for (i, month) in months.iter().enumerate() {
            let covered: Vec<&(NaiveDate, String, Money)> =
                deliveries.iter().filter(|(d, _, _)| d.with_day(1) == Some(*month)).collect();
            let amount: Money = covered.iter().map(|(_, _, a)| *a).sum();
            let issued = next_month(*month) + Days::new(2 + (serial % 3));
            serial += 1;
            let number = format!("{:02}33200000{:010}", issued.year() % 100, serial);
            at(books, issued);
            let form = InvoiceForm {
                customer_code: code.clone(),
                invoice_number: number.clone(),
                invoice_kind: "digital_special".into(),
                date: issued.to_string(),
                amount: amount.to_string(),
                tax: tax_13(amount).to_string(),
                rate: "13".into(),
                covers: covered
                    .iter()
                    .map(|(_, n, a)| CoverForm { receivable: n.clone(), amount: a.to_string() })
                    .collect(),
                ..InvoiceForm::default()
            };
            books.add_invoice(&form)?;
            // Last month's invoice of the first late customer never reached it, as it says.
            let last = i + 1 == months.len() && next_month(*month) == this_month;
            if last && late && !unreached {
                unreached = true;
                never_received(books, plan, &number, today)?;
                continue;
            }
            let reach = ReachForm {
                invoice_number: number,
                channel: "platform".into(),
                date: issued.to_string(),
                ..ReachForm::default()
            };
            books.invoice_reached(&reach)?;
        }
    }
    at(books, today);
    Ok(())
}

fn never_received(books: &mut Books, plan: &Plan, number: &str, today: NaiveDate) -> Result<(), AppError> {
    let who = plan.contacts.iter().find(|c| c.role == ContactRole::Finance).or(plan.contacts.first());
    let called = today - Days::new(1);
    at(books, called);
    let call = ContactLogForm {
        customer_code: plan.fields.code.clone(),
        channel: "phone".into(),
        contact_name: who.map(|c| c.name.clone()).unwrap_or_default(),
        outcome: "reached".into(),
        reason: "other".into(),
        next_action: "重新发送发票并电话确认".into(),
        next_date: today.to_string(),
        note: format!("对方财务称没收到发票（{number}），收到后才能走付款流程。"),
        ..ContactLogForm::default()
    };
    books.log_contact(call)?;
    Ok(())
}
