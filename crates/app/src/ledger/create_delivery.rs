use std::collections::hash_map::{Entry as Slot, HashMap};

use chrono::{Datelike, NaiveDate};
use huikuan_domain::credit::CreditPolicy;
use huikuan_domain::customer::clean_text;
use huikuan_domain::ledger::Account;
use huikuan_domain::line::{line_amount, QUANTITY_DECIMALS, UNIT_PRICE_DECIMALS};
use huikuan_domain::{DocType, DomainError, EntryKind, Money, Side};
use huikuan_store::tables::deliveries::{self, DeliveryLine, DeliveryNote, DraftHeader};
use huikuan_store::tables::entries::{self, Entry, NewEntry};
use huikuan_store::tables::{customers, sequences, Stamp};
use huikuan_store::Transaction;
use rust_decimal::Decimal;
use serde::Deserialize;

use super::post::{due_date, given_number, post};
use crate::books::{audit, customer_by_code};
use crate::credit;
use crate::documents::freeze_delivery_note;
use crate::error::AppError;
use crate::{Books, Customer};

#[derive(Debug, Clone, Deserialize)]
pub struct NewDeliveryLine {
    pub item: String,
    #[serde(default)]
    pub spec: String,
    #[serde(default)]
    pub unit: String,
    pub quantity: Decimal,
    pub unit_price: Decimal,
}

#[derive(Debug, Clone, Deserialize)]
pub struct NewDelivery {
    pub customer_code: String,
    pub date: NaiveDate,
    /// None: from the customer's payment terms.
    #[serde(default)]
    pub due_date: Option<NaiveDate>,
    /// None: the next number when issued. Imports bring their own.
    #[serde(default)]
    pub number: Option<String>,
    #[serde(default)]
    pub contact_name: String,
    #[serde(default)]
    pub address: String,
    #[serde(default)]
    pub memo: String,
    pub lines: Vec<NewDeliveryLine>,
    /// The owner's written reason to issue it although the credit check blocks it.
    #[serde(default)]
    pub override_reason: Option<String>,
}

fn priced_line(index: usize, line: &NewDeliveryLine) -> Result<DeliveryLine, AppError> {
    let refuse = |field: &str, en: &str, zh: &str| {
        let n = index + 1;
        AppError::rule(Some(format!("lines.{index}.{field}")), format!("line {n}: {en}"), format!("第 {n} 行：{zh}"))
    };
    let item = clean_text("item", &line.item).map_err(AppError::invalid("item"))?;
    if item.is_empty() {
        return Err(refuse("item", "the item must not be empty", "品名不能为空"));
    }
    if line.quantity <= Decimal::ZERO {
        return Err(refuse("quantity", "the quantity must be greater than 0", "数量必须大于 0"));
    }
    if line.quantity.normalize().scale() > QUANTITY_DECIMALS {
        return Err(refuse(
            "quantity",
            &format!("the quantity has more than {QUANTITY_DECIMALS} decimals"),
            &format!("数量最多 {QUANTITY_DECIMALS} 位小数"),
        ));
    }
    if line.unit_price.is_sign_negative() && !line.unit_price.is_zero() {
        return Err(AppError::Invalid { field: "unit_price", source: DomainError::Negative("unit price") });
    }
    if line.unit_price.normalize().scale() > UNIT_PRICE_DECIMALS {
        return Err(refuse(
            "unit_price",
            &format!("the unit price has more than {UNIT_PRICE_DECIMALS} decimals"),
            &format!("单价最多 {UNIT_PRICE_DECIMALS} 位小数"),
        ));
    }
    Ok(DeliveryLine {
        item,
        spec: clean_text("spec", &line.spec).map_err(AppError::invalid("spec"))?,
        unit: clean_text("unit", &line.unit).map_err(AppError::invalid("unit"))?,
        quantity: line.quantity.normalize(),
        unit_price: line.unit_price.normalize(),
        amount: line_amount(line.quantity, line.unit_price).map_err(AppError::invalid("amount"))?,
    })
}

/// What the ledger line says about a delivery: its items, briefly.
fn describe(lines: &[DeliveryLine]) -> String {
    let mut text = lines.iter().map(|l| l.item.as_str()).collect::<Vec<_>>().join(", ");
    if text.chars().count() > 60 {
        text = text.chars().take(57).collect::<String>() + "…";
    }
    text
}

/// What becomes of a new delivery note.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Issue {
    /// Kept as an editable draft.
    Draft,
    /// Issued and printed: the PDF is frozen with its hash in the same transaction.
    Printed,
    /// Issued from history (an import, the demo's past): the paper already exists
    /// elsewhere, and the PDF is frozen the first time it is needed.
    Unprinted,
}

/// What an import keeps from one note to the next inside its transaction, so that each
/// note costs the same however many came before: the customers it has met, each one's
/// account with the notes issued so far, and the credit policy.
pub(crate) struct Batch {
    customers: HashMap<String, Option<Customer>>,
    accounts: HashMap<i64, Account>,
    policy: CreditPolicy,
}

impl Batch {
    pub(crate) fn new(tx: &Transaction) -> Result<Batch, AppError> {
        Ok(Batch { customers: HashMap::new(), accounts: HashMap::new(), policy: credit::policy_in(tx)? })
    }

    /// The customer with this code, if there is one; each code is looked up once.
    pub(crate) fn find(&mut self, tx: &Transaction, code: &str) -> Result<Option<&Customer>, AppError> {
        let found = match self.customers.entry(code.to_string()) {
            Slot::Occupied(known) => known.into_mut(),
            Slot::Vacant(slot) => slot.insert(customers::by_code(tx, code)?),
        };
        Ok(found.as_ref())
    }

    fn customer(&mut self, tx: &Transaction, code: &str) -> Result<Customer, AppError> {
        self.find(tx, code)?.cloned().ok_or_else(|| AppError::UnknownCustomer(code.trim().to_string()))
    }

    /// The credit check against the customer's account as this batch has left it.
    fn check(
        &mut self,
        tx: &Transaction,
        customer: &Customer,
        date: NaiveDate,
        due_date: NaiveDate,
        amount: Money,
    ) -> Result<credit::CreditCheck, AppError> {
        let account = match self.accounts.entry(customer.id) {
            Slot::Occupied(kept) => kept.into_mut(),
            Slot::Vacant(slot) => slot.insert(entries::account(tx, customer.id)?),
        };
        credit::check_account(&self.policy, customer, account, date, due_date, amount)
    }
}

/// Writes a draft and issues it in the same transaction unless it stays a draft.
pub(crate) fn create_in_tx(
    tx: &Transaction,
    stamp: &Stamp,
    input: &NewDelivery,
    how: Issue,
) -> Result<DeliveryNote, AppError> {
    create_in_batch(tx, stamp, input, how, None)
}

/// As [`create_in_tx`], checking credit against the batch's accounts when there is one.
pub(crate) fn create_in_batch(
    tx: &Transaction,
    stamp: &Stamp,
    input: &NewDelivery,
    how: Issue,
    mut batch: Option<&mut Batch>,
) -> Result<DeliveryNote, AppError> {
    let issue = how != Issue::Draft;
    let customer = match batch.as_deref_mut() {
        Some(batch) => batch.customer(tx, &input.customer_code)?,
        None => customer_by_code(tx, &input.customer_code)?,
    };
    if input.lines.is_empty() {
        return Err(AppError::rule(
            Some("lines".into()),
            "a delivery note needs at least one line",
            "送货单至少需要一行",
        ));
    }
    let lines = input.lines.iter().enumerate().map(|(i, l)| priced_line(i, l)).collect::<Result<Vec<_>, _>>()?;
    let due_date = due_date(customer.fields.payment_terms, input.date, input.due_date)?;
    let header = DraftHeader {
        customer_id: customer.id,
        doc_date: input.date,
        due_date,
        contact_name: clean_text("contact", &input.contact_name).map_err(AppError::invalid("contact_name"))?,
        address: clean_text("address", &input.address).map_err(AppError::invalid("address"))?,
        memo: clean_text("memo", &input.memo).map_err(AppError::invalid("memo"))?,
    };
    // The credit check comes before anything is written, so a refusal leaves nothing behind,
    // not even inside a transaction that goes on (an import checking its next note).
    let cleared = if issue {
        let total: Money = lines.iter().map(|l| l.amount).sum();
        issuable(total)?;
        let reason = input.override_reason.as_deref();
        Some(match batch.as_deref_mut() {
            Some(batch) => {
                let check = batch.check(tx, &customer, input.date, due_date, total)?;
                credit::overridable(&customer, check, reason)?
            }
            None => credit::clear(tx, &customer, input.date, due_date, total, reason)?,
        })
    } else {
        None
    };
    let id = deliveries::insert_draft(tx, &header, &lines, stamp)?;
    let draft = deliveries::written_draft(id, &header, lines);
    let Some(cleared) = cleared else {
        audit(tx, stamp, "create", "delivery_draft", id, None::<&()>, Some(&draft))?;
        return Ok(draft);
    };
    let (entry, issued) =
        issue_in_tx(tx, stamp, draft, input.number.as_deref(), cleared, how == Issue::Printed, false)?;
    if let Some(account) = batch.and_then(|b| b.accounts.get_mut(&customer.id)) {
        account.receivables.extend(entry.as_receivable());
    }
    Ok(issued)
}

fn issuable(total: Money) -> Result<(), AppError> {
    if total.is_positive() {
        return Ok(());
    }
    Err(AppError::rule(
        Some("lines".into()),
        "a delivery note with a total of 0 cannot be issued",
        "合计为 0 的送货单不能开具",
    ))
}

fn still_draft(draft: &DeliveryNote) -> Result<(), AppError> {
    if draft.status == "draft" {
        return Ok(());
    }
    let number = draft.number.clone().unwrap_or_default();
    Err(AppError::rule(None, format!("delivery note {number} is already issued"), format!("送货单 {number} 已开具")))
}

/// Issues a draft that is issuable and that the credit check has cleared (`overridden`:
/// the block it was let through, with the reason). `saved`: the draft was kept before (its
/// audit record shows it); a note issued as it is written has no earlier state to record.
fn issue_in_tx(
    tx: &Transaction,
    stamp: &Stamp,
    draft: DeliveryNote,
    number: Option<&str>,
    overridden: Option<(credit::CreditCheck, String)>,
    print: bool,
    saved: bool,
) -> Result<(Entry, DeliveryNote), AppError> {
    let id = draft.id;
    let number = match number {
        Some(n) => given_number(n)?,
        None => sequences::next_number(tx, DocType::Delivery, draft.doc_date.year())?,
    };
    let entry = post(
        tx,
        stamp,
        NewEntry {
            customer_id: draft.customer_id,
            kind: EntryKind::Delivery,
            side: Side::Debit,
            number: number.clone(),
            doc_date: draft.doc_date,
            due_date: Some(draft.due_date),
            amount: draft.total,
            method: None,
            reference: String::new(),
            memo: describe(&draft.lines),
            corrects_entry_id: None,
        },
    )?;
    deliveries::mark_issued(tx, id, &number, entry.id)?;
    let terms = huikuan_store::tables::customers::get(tx, draft.customer_id)?.fields.payment_terms;
    crate::invoices::keep_terms(tx, terms, entry.id, draft.doc_date, draft.due_date)?;
    let issued = deliveries::issued_from(&draft, &number, entry.id);
    audit(tx, stamp, "issue", "delivery_note", id, saved.then_some(&draft), Some(&issued))?;
    if let Some((check, reason)) = overridden {
        credit::record_override(tx, stamp, &issued, &check, &reason)?;
    }
    if print {
        freeze_delivery_note(tx, stamp, &issued)?;
    }
    Ok((entry, issued))
}

impl Books {
    /// Creates a delivery note and issues it: it takes its number, its due date from the
    /// customer's terms (unless given) and its ledger entry, and is frozen from then on,
    /// its PDF printed and kept with its SHA-256.
    pub fn create_delivery(&mut self, input: NewDelivery) -> Result<DeliveryNote, AppError> {
        let stamp = self.stamp();
        self.store.write(|tx| create_in_tx(tx, &stamp, &input, Issue::Printed))
    }

    /// Issues a delivery note from history, whose paper was printed elsewhere: its PDF is
    /// frozen the first time it is needed.
    pub(crate) fn create_delivery_unprinted(&mut self, input: NewDelivery) -> Result<DeliveryNote, AppError> {
        let stamp = self.stamp();
        self.store.write(|tx| create_in_tx(tx, &stamp, &input, Issue::Unprinted))
    }

    /// Saves a delivery note as a draft: no number, no ledger entry, still editable.
    pub fn save_delivery_draft(&mut self, input: NewDelivery) -> Result<DeliveryNote, AppError> {
        let stamp = self.stamp();
        self.store.write(|tx| create_in_tx(tx, &stamp, &input, Issue::Draft))
    }

    /// Issues a draft; `override_reason` lets it through a credit block.
    pub fn issue_delivery_draft(
        &mut self,
        draft_id: i64,
        override_reason: Option<&str>,
    ) -> Result<DeliveryNote, AppError> {
        let stamp = self.stamp();
        self.store.write(|tx| {
            let draft = deliveries::get(tx, draft_id)?;
            still_draft(&draft)?;
            issuable(draft.total)?;
            let customer = customers::get(tx, draft.customer_id)?;
            let cleared = credit::clear(tx, &customer, draft.doc_date, draft.due_date, draft.total, override_reason)?;
            Ok(issue_in_tx(tx, &stamp, draft, None, cleared, true, true)?.1)
        })
    }

    pub fn discard_delivery_draft(&mut self, draft_id: i64) -> Result<(), AppError> {
        let stamp = self.stamp();
        self.store.write(|tx| {
            let draft = deliveries::get(tx, draft_id)?;
            deliveries::delete_draft(tx, draft_id)?;
            audit(tx, &stamp, "discard", "delivery_draft", draft_id, Some(&draft), None::<&()>)
        })
    }

    pub fn delivery_note(&mut self, id: i64) -> Result<DeliveryNote, AppError> {
        self.store.read(|tx| Ok(deliveries::get(tx, id)?))
    }
}
