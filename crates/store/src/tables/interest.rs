//! Each customer's late-payment interest terms, newest in force (append-only history).

use crate::{params, OptionalExtension, Transaction};
use huikuan_domain::interest::InterestTerms;
use rust_decimal::Decimal;

use super::Stamp;
use crate::error::StoreError;

fn terms_of(basis: &str, value: Option<String>) -> Result<InterestTerms, StoreError> {
    let number = |v: Option<String>| -> Result<Decimal, StoreError> {
        let text = v.ok_or_else(|| StoreError::Corrupt(format!("interest terms '{basis}' without a value")))?;
        text.parse().map_err(|_| StoreError::Corrupt(format!("interest terms value '{text}'")))
    };
    Ok(match basis {
        "none" => InterestTerms::None,
        "daily_rate" => InterestTerms::DailyRate { rate: number(value)? },
        "annual_rate" => InterestTerms::AnnualRate { rate: number(value)? },
        "lpr" => InterestTerms::Lpr { uplift: number(value)? },
        other => return Err(StoreError::Corrupt(format!("interest basis '{other}'"))),
    })
}

/// The terms in force for a customer; none set: no interest.
pub fn of_customer(conn: &Transaction, customer_id: i64) -> Result<InterestTerms, StoreError> {
    let row: Option<(String, Option<String>)> = conn
        .prepare_cached("SELECT basis, value FROM interest_terms WHERE customer_id = ?1 ORDER BY id DESC LIMIT 1")?
        .query_row([customer_id], |row| Ok((row.get(0)?, row.get(1)?)))
        .optional()?;
    match row {
        Some((basis, value)) => terms_of(&basis, value),
        None => Ok(InterestTerms::None),
    }
}

/// Puts new terms in force for a customer.
pub fn set(conn: &Transaction, customer_id: i64, terms: &InterestTerms, stamp: &Stamp) -> Result<i64, StoreError> {
    let (basis, value) = match terms {
        InterestTerms::None => ("none", None),
        InterestTerms::DailyRate { rate } => ("daily_rate", Some(rate.normalize().to_string())),
        InterestTerms::AnnualRate { rate } => ("annual_rate", Some(rate.normalize().to_string())),
        InterestTerms::Lpr { uplift } => ("lpr", Some(uplift.normalize().to_string())),
    };
    conn.prepare_cached(
        "INSERT INTO interest_terms (customer_id, basis, value, set_at, operator) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .insert(params![customer_id, basis, value, stamp.at, stamp.operator])
}
