//! An invoice recorded from its form: every field checked (the number as its kind writes it,
//! a rate in force, a tax that fits, covers that add up without covering more than is left
//! to invoice, a number not recorded before), then the invoice and its covers in one
//! transaction; nothing is written on a refusal.

use chrono::NaiveDate;
use huikuan_domain::invoice::{check_invoice, check_number, Cover, InvoiceInput, InvoiceKind, Problem, TaxRate};
use huikuan_domain::{EntryKind, Money};
use huikuan_store::tables::invoices::{self, Invoice, NewInvoice, Reached};
use huikuan_store::tables::{audit, entries, Stamp};
use huikuan_store::Transaction;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::list::{view_of, InvoiceView};
use crate::books::customer_by_code;
use crate::error::{AppError, Refusal};
use crate::forms::{amount, date, Check};
use crate::Books;

/// The invoice form, as typed. A red-letter invoice names the invoice it reverses in
/// `reverses`; its amounts are typed as positive figures.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct InvoiceForm {
    pub customer_code: String,
    /// 发票代码: empty for a 数电票.
    pub invoice_code: String,
    pub invoice_number: String,
    /// digital_special, digital_normal, paper_special, paper_normal, electronic_normal (or 数电专票…).
    pub invoice_kind: String,
    pub date: String,
    /// With tax (价税合计).
    pub amount: String,
    pub tax: String,
    /// 13, 9, 6, 3, 1, 0 or mixed.
    pub rate: String,
    pub covers: Vec<CoverForm>,
    pub reverses: String,
    pub memo: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct CoverForm {
    /// The receivable's number (送货单号).
    pub receivable: String,
    pub amount: String,
}

/// When and how an invoice reached the customer.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct ReachForm {
    pub invoice_number: String,
    pub invoice_code: String,
    /// hand, post, express, email, wechat, platform or other.
    pub channel: String,
    pub date: String,
    pub tracking: String,
    pub note: String,
}

fn refusal(field: &str, en: impl Into<String>, zh: impl Into<String>) -> AppError {
    AppError::rule(Some(field.to_string()), en, zh)
}

/// A rule of the domain broken, said about the form's field (`code` is the 发票代码 here).
fn refused(p: Problem) -> AppError {
    let field = match p.field.as_str() {
        "code" => "invoice_code".to_string(),
        "number" => "invoice_number".to_string(),
        _ => p.field,
    };
    AppError::Rule(Refusal { field: Some(field), en: p.en, zh: p.zh })
}

fn kind_of(text: &str) -> Result<InvoiceKind, AppError> {
    InvoiceKind::from_words(text).ok_or_else(|| {
        refusal(
            "invoice_kind",
            format!("\"{text}\" is not a kind of invoice: digital_special, digital_normal, paper_special, paper_normal or electronic_normal"),
            format!("“{text}”不是发票种类：应为数电专票、数电普票、纸质专票、纸质普票或电子普票"),
        )
    })
}

fn rate_of(text: &str) -> Result<TaxRate, AppError> {
    TaxRate::parse(text).ok_or_else(|| {
        refusal(
            "rate",
            format!("\"{text}\" is not a VAT rate in force: 13, 9, 6, 3, 1, 0, or mixed for lines at several"),
            format!("“{text}”不是现行增值税税率：应为13、9、6、3、1、0，或多税率"),
        )
    })
}

fn not_after(today: NaiveDate) -> impl FnOnce(NaiveDate) -> Result<NaiveDate, AppError> {
    move |day| {
        if day > today {
            return Err(refusal(
                "date",
                format!("is after today ({today}): an invoice is recorded once issued"),
                format!("晚于今天（{today}）：发票开具后再登记"),
            ));
        }
        Ok(day)
    }
}

/// The invoice a red-letter one reverses, and what is left of it (net of earlier red ones).
fn reversed_of(tx: &Transaction, customer_id: i64, text: &str) -> Result<(Invoice, Money), AppError> {
    let found: Vec<Invoice> = invoices::by_number(tx, None, text.trim())?
        .into_iter()
        .filter(|i| i.customer_id == customer_id && i.reverses_id.is_none())
        .collect();
    let [original] = &found[..] else {
        return Err(refusal(
            "reverses",
            format!("this customer has no invoice numbered {text} to reverse"),
            format!("该客户没有号码为 {text} 的发票可冲红"),
        ));
    };
    let reds: Money = invoices::of_customer(tx, Some(customer_id))?
        .iter()
        .filter(|i| i.reverses_id == Some(original.id))
        .map(|i| i.amount)
        .sum();
    Ok((original.clone(), original.amount + reds))
}

/// What of each receivable may still be covered: by any invoice (its amount less what
/// invoices cover), or, for a red-letter one, what the reversed invoice still covers of it.
struct Room {
    /// The customer's deliveries: (entry id, number, amount, date).
    receivables: Vec<(i64, String, Money, NaiveDate)>,
    covered: Vec<invoices::Covered>,
    reversed: Option<i64>,
    /// The ids of the red-letter invoices of the reversed one.
    reds: Vec<i64>,
}

impl Room {
    fn read(tx: &Transaction, customer_id: i64, reversed: Option<&Invoice>) -> Result<Room, AppError> {
        let receivables = entries::for_customer(tx, customer_id)?
            .into_iter()
            .filter(|e| e.kind == EntryKind::Delivery)
            .filter_map(|e| e.as_receivable())
            .map(|r| (r.id, r.number, r.amount, r.doc_date))
            .collect();
        let reds = match reversed {
            Some(original) => invoices::of_customer(tx, Some(customer_id))?
                .into_iter()
                .filter(|i| i.reverses_id == Some(original.id))
                .map(|i| i.id)
                .collect(),
            None => Vec::new(),
        };
        Ok(Room {
            receivables,
            covered: invoices::covers(tx, Some(customer_id))?,
            reversed: reversed.map(|i| i.id),
            reds,
        })
    }

    fn receivable(&self, number: &str) -> Option<(i64, Money)> {
        self.receivables.iter().find(|(_, n, _, _)| n == number.trim()).map(|(id, _, amount, _)| (*id, *amount))
    }

    fn left_on(&self, entry_id: i64, amount: Money) -> Money {
        let on_it = self.covered.iter().filter(|c| c.entry_id == entry_id);
        match self.reversed {
            None => amount - on_it.map(|c| c.amount).sum::<Money>(),
            Some(original) => {
                on_it.filter(|c| c.invoice_id == original || self.reds.contains(&c.invoice_id)).map(|c| c.amount).sum()
            }
        }
    }

    /// A red-letter invoice with no covers typed: the whole of what is left, or its one receivable.
    fn red_covers(&self, amount: Money, left: Money) -> Vec<Cover> {
        let Some(original) = self.reversed else { return Vec::new() };
        let mut on: Vec<(String, Money)> = Vec::new();
        for c in self.covered.iter().filter(|c| c.invoice_id == original) {
            let (id, total) = self.receivable(&c.number).unwrap_or((c.entry_id, c.amount));
            let room = self.left_on(id, total);
            if room.is_positive() && !on.iter().any(|(n, _)| *n == c.number) {
                on.push((c.number.clone(), room));
            }
        }
        match &on[..] {
            _ if amount == left => on.into_iter().map(|(number, room)| Cover { number, amount: room, room }).collect(),
            [(number, room)] => vec![Cover { number: number.clone(), amount, room: *room }],
            _ => Vec::new(),
        }
    }
}

fn covers_of(check: &mut Check, room: &Room, form: &InvoiceForm) -> Vec<Cover> {
    let mut covers = Vec::new();
    for row in form.covers.iter().filter(|c| !c.receivable.trim().is_empty()) {
        let field = format!("covers.{}", row.receivable.trim());
        let Some((id, total)) = room.receivable(&row.receivable) else {
            check.take::<()>(Err(refusal(
                &field,
                format!("this customer has no delivery numbered {}", row.receivable.trim()),
                format!("该客户没有编号为 {} 的送货单", row.receivable.trim()),
            )));
            continue;
        };
        if let Some(part) = check.take(amount("amount", &row.amount).map_err(|e| e.at_field(field))) {
            covers.push(Cover {
                number: row.receivable.trim().to_string(),
                amount: part.abs(),
                room: room.left_on(id, total),
            });
        }
    }
    covers
}

/// The invoice checked field by field: every refusal at once, or what to write.
fn checked(tx: &Transaction, form: &InvoiceForm, today: NaiveDate) -> Result<(NewInvoice, Vec<Cover>, Room), AppError> {
    let mut check = Check::default();
    let customer = check.take(customer_by_code(tx, &form.customer_code));
    let kind = check.take(kind_of(&form.invoice_kind));
    let rate = check.take(rate_of(&form.rate));
    let day = check.take(date("date", &form.date, today).and_then(not_after(today)));
    let total = check.take(amount("amount", &form.amount)).map(Money::abs);
    let tax = check.take(amount("tax", &form.tax)).map(Money::abs);
    let customer_id = customer.as_ref().map(|c| c.id);
    let reversed = match customer_id {
        Some(id) if !form.reverses.trim().is_empty() => check.take(reversed_of(tx, id, &form.reverses)),
        _ => None,
    };
    if let (Some((original, _)), Some(day)) = (&reversed, day) {
        if day < original.issued_on {
            let en = format!("is before the invoice it reverses was issued ({})", original.issued_on);
            check.take::<()>(Err(refusal("date", en, format!("早于被冲红发票的开票日期（{}）", original.issued_on))));
        }
    }
    let room = customer_id.and_then(|id| check.take(Room::read(tx, id, reversed.as_ref().map(|(i, _)| i))));
    let mut covers = room.as_ref().map(|r| covers_of(&mut check, r, form)).unwrap_or_default();
    if let (Some(r), Some((_, left)), Some(total), true) = (&room, &reversed, total, covers.is_empty()) {
        covers = r.red_covers(total, *left);
    }
    let (code, number) = (form.invoice_code.trim().to_string(), form.invoice_number.trim().to_string());
    if !invoices::by_number(tx, Some(&code), &number)?.is_empty() {
        check.take::<()>(Err(refusal(
            "invoice_number",
            format!("invoice {number} is already recorded"),
            format!("发票 {number} 已登记过"),
        )));
    }
    let (Some(kind), Some(rate), Some(total), Some(tax), Some(day), Some(id), Some(room)) =
        (kind, rate, total, tax, day, customer_id, room)
    else {
        for p in kind.map(|k| check_number(k, &code, &number)).unwrap_or_default() {
            check.take::<()>(Err(refused(p)));
        }
        check.done()?;
        unreachable!("a field missing is refused");
    };
    let input = InvoiceInput {
        code: code.clone(),
        number: number.clone(),
        kind,
        amount: total,
        tax,
        rate,
        covers,
        reverses: reversed.as_ref().map(|(_, left)| *left),
    };
    for p in check_invoice(&input) {
        check.take::<()>(Err(refused(p)));
    }
    check.done()?;
    let sign = if reversed.is_some() { -1 } else { 1 };
    let new = NewInvoice {
        customer_id: id,
        code,
        number,
        kind: kind.name().to_string(),
        issued_on: day,
        amount: Money::from_cents(sign * total.cents()),
        tax: Money::from_cents(sign * tax.cents()),
        rate: rate.name(),
        reverses_id: reversed.map(|(i, _)| i.id),
        memo: form.memo.trim().to_string(),
    };
    let covers =
        input.covers.into_iter().map(|c| Cover { amount: Money::from_cents(sign * c.amount.cents()), ..c }).collect();
    Ok((new, covers, room))
}

pub(super) fn add_in_tx(
    tx: &Transaction,
    stamp: &Stamp,
    form: &InvoiceForm,
    today: NaiveDate,
) -> Result<InvoiceView, AppError> {
    let (new, covers, room) = checked(tx, form, today)?;
    let id = invoices::insert(tx, &new, stamp)?;
    for cover in &covers {
        let (entry_id, _) = room.receivable(&cover.number).expect("checked");
        invoices::cover(tx, id, entry_id, cover.amount)?;
    }
    let after =
        serde_json::json!({ "number": new.number, "code": new.code, "amount": new.amount, "covers": covers.len() });
    audit::record(tx, stamp, "add_invoice", "invoices", Some(id), None, Some(&after))?;
    super::terms::refresh_dues(tx, new.customer_id)?;
    view_of(tx, new.customer_id, id)
}

/// The one invoice with this number (and 发票代码, where several share the number).
pub(super) fn one_invoice(tx: &Transaction, code: &str, number: &str) -> Result<Invoice, AppError> {
    let code = Some(code.trim()).filter(|c| !c.is_empty());
    let number = number.trim();
    match &invoices::by_number(tx, code, number)?[..] {
        [one] => Ok(one.clone()),
        [] => Err(refusal(
            "invoice_number",
            format!("no invoice numbered {number} is recorded"),
            format!("没有登记号码为 {number} 的发票"),
        )),
        _ => Err(refusal(
            "invoice_code",
            "several invoices have this number: give the 发票代码 too",
            "有多张发票是此号码：请同时填写发票代码",
        )),
    }
}

fn reach_in_tx(tx: &Transaction, stamp: &Stamp, form: &ReachForm, today: NaiveDate) -> Result<InvoiceView, AppError> {
    let mut check = Check::default();
    let invoice = check.take(one_invoice(tx, &form.invoice_code, &form.invoice_number));
    const CHANNELS: [&str; 7] = ["hand", "post", "express", "email", "wechat", "platform", "other"];
    let channel = form.channel.trim();
    if !CHANNELS.contains(&channel) {
        check.take::<()>(Err(refusal(
            "channel",
            format!("\"{channel}\" is not a way of sending: {}", CHANNELS.join(", ")),
            format!("“{channel}”不是送达方式"),
        )));
    }
    let day = check.take(date("date", &form.date, today).and_then(not_after(today)));
    if let (Some(invoice), Some(day)) = (&invoice, day) {
        if day < invoice.issued_on {
            check.take::<()>(Err(refusal(
                "date",
                format!("is before the invoice was issued ({})", invoice.issued_on),
                format!("早于开票日期（{}）", invoice.issued_on),
            )));
        }
    }
    check.done()?;
    let invoice = invoice.expect("checked");
    let reached = Reached {
        invoice_id: invoice.id,
        channel: channel.to_string(),
        reached_on: day.expect("checked"),
        tracking: form.tracking.trim().into(),
        note: form.note.trim().into(),
    };
    invoices::reach(tx, &reached, stamp)?;
    super::terms::refresh_dues(tx, invoice.customer_id)?;
    view_of(tx, invoice.customer_id, invoice.id)
}

impl Books {
    /// Records an invoice issued (or a red-letter one reversing an earlier one) with what it covers.
    pub fn add_invoice(&mut self, form: &InvoiceForm) -> Result<InvoiceView, AppError> {
        let (stamp, today) = (self.stamp(), self.clock.today());
        self.store.write(|tx| add_in_tx(tx, &stamp, form, today))
    }

    /// Records when and how an invoice reached the customer.
    pub fn invoice_reached(&mut self, form: &ReachForm) -> Result<InvoiceView, AppError> {
        let (stamp, today) = (self.stamp(), self.clock.today());
        self.store.write(|tx| reach_in_tx(tx, &stamp, form, today))
    }
}

/// A receivable of the customer and what is left to invoice on it: the invoice form's rows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RoomLine {
    pub number: String,
    pub date: NaiveDate,
    pub amount: Money,
    pub invoiced: Money,
    pub left: Money,
}

/// A customer's deliveries with what is left to invoice on each, oldest first.
pub(super) fn room_of(tx: &Transaction, code: &str) -> Result<Vec<RoomLine>, AppError> {
    let room = Room::read(tx, customer_by_code(tx, code)?.id, None)?;
    Ok(room
        .receivables
        .iter()
        .map(|(id, number, amount, date)| {
            let left = room.left_on(*id, *amount);
            RoomLine { number: number.clone(), date: *date, amount: *amount, invoiced: *amount - left, left }
        })
        .collect())
}

/// The invoice form as typed, checked without writing: what its covers add up to and every
/// field that would be refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct InvoicePreview {
    pub covered: Money,
    /// The amount with tax as read (zero while it is not an amount).
    pub amount: Money,
    pub refusals: Vec<crate::messages::FieldMessage>,
}

impl Books {
    /// The customer's deliveries with what is left to invoice on each, oldest first.
    pub fn invoice_room(&mut self, code: &str) -> Result<Vec<RoomLine>, AppError> {
        self.store.read(|tx| room_of(tx, code))
    }

    /// The form checked as the user types, nothing written.
    pub fn preview_invoice(
        &mut self,
        form: &InvoiceForm,
        language: huikuan_domain::DocLanguage,
    ) -> Result<InvoicePreview, AppError> {
        let today = self.clock.today();
        let covered = form.covers.iter().filter_map(|c| amount("amount", &c.amount).ok()).map(Money::abs).sum();
        let total = amount("amount", &form.amount).map(Money::abs).unwrap_or(Money::ZERO);
        self.store.read(|tx| {
            let refusals = match checked(tx, form, today) {
                Ok(_) => Vec::new(),
                Err(e) => crate::forms::field_messages(&e, language),
            };
            Ok(InvoicePreview { covered, amount: total, refusals })
        })
    }
}
