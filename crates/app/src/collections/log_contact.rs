//! Logging a contact in a few keystrokes: channel, who, what came of it, the reason given,
//! the next step; a promise made on the call is recorded with it, in one transaction.

use chrono::NaiveDate;
use huikuan_domain::collection::{ContactChannel, ContactOutcome, NonPaymentReason};
use huikuan_domain::customer::clean_text;
use huikuan_domain::Money;
use huikuan_domain::{parse_amount_typed, parse_date_typed};
use huikuan_store::tables::collection::{self, ContactLog, PromiseRecord};
use huikuan_store::tables::{contacts, Stamp};
use huikuan_store::Transaction;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::books::{audit, customer_by_code};
use crate::error::AppError;
use crate::{Books, Customer};

/// What the contact form sends, as typed.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct ContactLogForm {
    pub customer_code: String,
    pub channel: String,
    /// One of the customer's contacts, or none (then `contact_name` says who).
    pub contact_id: Option<i64>,
    pub contact_name: String,
    pub outcome: String,
    /// Empty when no reason was given.
    pub reason: String,
    pub next_action: String,
    /// YYYY-MM-DD or empty.
    pub next_date: String,
    pub note: String,
    /// A promise made on this contact: its amount (empty for none) and date.
    pub promise_amount: String,
    pub promise_date: String,
}

/// A promise to pay, as typed.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct PromiseForm {
    pub customer_code: String,
    pub amount: String,
    pub date: String,
    pub promised_by: String,
    pub note: String,
}

/// A date as typed (`2026/12/1`, `12月1日` this year), or none when left blank.
fn optional_date(field: &'static str, text: &str, today: NaiveDate) -> Result<Option<NaiveDate>, AppError> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    parse_date_typed(text, today).map(Some).map_err(AppError::invalid(field))
}

/// Checks a promise and writes it in the caller's transaction.
#[allow(clippy::too_many_arguments)]
pub(crate) fn promise_in_tx(
    tx: &Transaction,
    stamp: &Stamp,
    customer: &Customer,
    amount: &str,
    date: &str,
    by: &str,
    note: &str,
    made_on: NaiveDate,
    log: Option<i64>,
) -> Result<PromiseRecord, AppError> {
    let amount: Money = parse_amount_typed(amount).map_err(AppError::invalid("promise_amount"))?;
    if !amount.is_positive() {
        return Err(AppError::rule(
            Some("promise_amount".into()),
            "a promise is for an amount above 0",
            "承诺金额必须大于 0",
        ));
    }
    let date = optional_date("promise_date", date, made_on)?.ok_or_else(|| {
        AppError::rule(Some("promise_date".into()), "by when? enter the promised date", "请填写承诺付款日期")
    })?;
    if date < made_on {
        return Err(AppError::rule(
            Some("promise_date".into()),
            format!("the promised date {date} is before today"),
            format!("承诺日期 {date} 早于今天"),
        ));
    }
    let mut record = PromiseRecord {
        id: 0,
        customer_id: customer.id,
        amount,
        promised_date: date,
        made_on,
        promised_by: clean_text("promised by", by).map_err(AppError::invalid("promised_by"))?,
        contact_log_id: log,
        note: clean_text("note", note).map_err(AppError::invalid("note"))?,
    };
    record.id = collection::insert_promise(tx, &record, stamp)?;
    audit(tx, stamp, "promise", "customer", customer.id, None::<&()>, Some(&record))?;
    Ok(record)
}

impl Books {
    pub fn log_contact(&mut self, form: ContactLogForm) -> Result<ContactLog, AppError> {
        let channel: ContactChannel = form.channel.parse().map_err(AppError::invalid("channel"))?;
        let outcome: ContactOutcome = form.outcome.parse().map_err(AppError::invalid("outcome"))?;
        let reason = if form.reason.trim().is_empty() {
            None
        } else {
            Some(form.reason.parse::<NonPaymentReason>().map_err(AppError::invalid("reason"))?)
        };
        let today = self.clock.today();
        let next_date = optional_date("next_date", &form.next_date, today)?;
        if next_date.is_some_and(|d| d < today) {
            return Err(AppError::rule(
                Some("next_date".into()),
                "the next step cannot be in the past",
                "下一步日期不能早于今天",
            ));
        }
        let stamp = self.stamp();
        self.store.write(|tx| {
            let customer = customer_by_code(tx, &form.customer_code)?;
            let contact_name = match form.contact_id {
                Some(id) => {
                    let c = contacts::get(tx, id).ok().filter(|c| c.customer_id == customer.id).ok_or_else(|| {
                        AppError::rule(
                            Some("contact_id".into()),
                            "that contact is not this customer's",
                            "该联系人不属于此客户",
                        )
                    })?;
                    c.fields.name
                }
                None => clean_text("contact", &form.contact_name).map_err(AppError::invalid("contact_name"))?,
            };
            let mut log = ContactLog {
                id: 0,
                customer_id: customer.id,
                at: stamp.at.clone(),
                channel: channel.as_str().into(),
                contact_id: form.contact_id,
                contact_name,
                outcome: outcome.as_str().into(),
                reason: reason.map(|r| r.as_str().to_string()),
                next_action: clean_text("next action", &form.next_action).map_err(AppError::invalid("next_action"))?,
                next_date,
                note: clean_text("note", &form.note).map_err(AppError::invalid("note"))?,
                operator: stamp.operator.clone(),
            };
            log.id = collection::insert_log(tx, &log, &stamp)?;
            audit(tx, &stamp, "log", "contact_log", log.id, None::<&()>, Some(&log))?;
            if !form.promise_amount.trim().is_empty() {
                let by = log.contact_name.clone();
                promise_in_tx(
                    tx,
                    &stamp,
                    &customer,
                    &form.promise_amount,
                    &form.promise_date,
                    &by,
                    "",
                    today,
                    Some(log.id),
                )?;
            }
            Ok(log)
        })
    }

    pub fn add_promise(&mut self, form: PromiseForm) -> Result<PromiseRecord, AppError> {
        let today = self.clock.today();
        let stamp = self.stamp();
        self.store.write(|tx| {
            let customer = customer_by_code(tx, &form.customer_code)?;
            promise_in_tx(tx, &stamp, &customer, &form.amount, &form.date, &form.promised_by, &form.note, today, None)
        })
    }
}
