use crate::{params, OptionalExtension, Row, ToValue, Transaction, Value};
use huikuan_domain::{
    BusinessScale, CollectionDays, CustomerKind, CustomerStatus, DocLanguage, Importance, Money, PaymentTerms, Premises,
};
use serde::{Deserialize, Serialize};

use super::columns::{money, parsed};
use super::Stamp;
use crate::error::{is_unique_violation, not_found, StoreError};
use ts_rs::TS;

/// Everything about a customer that the user edits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CustomerFields {
    pub code: String,
    pub name: String,
    pub kind: CustomerKind,
    pub phone: String,
    pub address: String,
    pub tax_id: String,
    pub salesperson: String,
    pub payment_terms: PaymentTerms,
    pub statement_day: Option<u8>,
    pub credit_limit: Money,
    pub status: CustomerStatus,
    pub importance: Importance,
    pub tags: String,
    pub notes: String,
    pub doc_language: DocLanguage,
    #[serde(flatten)]
    pub business: BusinessFacts,
}

/// What the owner knows of the customer's business (经营情况), for the credit assessment.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub struct BusinessFacts {
    pub business_scale: BusinessScale,
    pub founded_year: Option<u16>,
    pub main_business: String,
    pub registered_capital: Option<Money>,
    pub premises: Premises,
    pub collection_days: CollectionDays,
}

impl CustomerFields {
    /// A customer with only a code and a name; everything else at its default.
    pub fn new(code: &str, name: &str) -> CustomerFields {
        CustomerFields {
            code: code.to_string(),
            name: name.to_string(),
            kind: CustomerKind::Other,
            phone: String::new(),
            address: String::new(),
            tax_id: String::new(),
            salesperson: String::new(),
            payment_terms: PaymentTerms::Cod,
            statement_day: None,
            credit_limit: Money::ZERO,
            status: CustomerStatus::Active,
            importance: Importance::Normal,
            tags: String::new(),
            notes: String::new(),
            doc_language: DocLanguage::Zh,
            business: BusinessFacts::default(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Customer {
    pub id: i64,
    #[serde(flatten)]
    pub fields: CustomerFields,
    pub created_at: String,
    pub updated_at: String,
}

const COLUMNS: &str = "id, code, name, kind, phone, address, tax_id, salesperson, payment_terms, statement_day,
    credit_limit_cents, status, importance, tags, notes, doc_language, created_at, updated_at,
    business_scale, founded_year, main_business, registered_capital_cents, premises, collection_days";

fn from_row(row: &Row) -> Result<Customer, StoreError> {
    Ok(Customer {
        id: row.get(0)?,
        fields: CustomerFields {
            code: row.get(1)?,
            name: row.get(2)?,
            kind: parsed(row, 3)?,
            phone: row.get(4)?,
            address: row.get(5)?,
            tax_id: row.get(6)?,
            salesperson: row.get(7)?,
            payment_terms: parsed(row, 8)?,
            statement_day: row.get(9)?,
            credit_limit: money(row, 10)?,
            status: parsed(row, 11)?,
            importance: parsed(row, 12)?,
            tags: row.get(13)?,
            notes: row.get(14)?,
            doc_language: parsed(row, 15)?,
            business: BusinessFacts {
                business_scale: parsed(row, 18)?,
                founded_year: row.get(19)?,
                main_business: row.get(20)?,
                registered_capital: row.get::<Option<i64>>(21)?.map(Money::from_cents),
                premises: parsed(row, 22)?,
                collection_days: parsed(row, 23)?,
            },
        },
        created_at: row.get(16)?,
        updated_at: row.get(17)?,
    })
}

/// The editable fields as named parameters, shared by INSERT and UPDATE.
fn field_params(c: &CustomerFields) -> Vec<(&'static str, Value)> {
    vec![
        (":code", c.code.to_value()),
        (":name", c.name.to_value()),
        (":kind", c.kind.as_str().to_value()),
        (":phone", c.phone.to_value()),
        (":address", c.address.to_value()),
        (":tax_id", c.tax_id.to_value()),
        (":salesperson", c.salesperson.to_value()),
        (":payment_terms", c.payment_terms.to_string().to_value()),
        (":statement_day", c.statement_day.to_value()),
        (":credit_limit_cents", c.credit_limit.cents().to_value()),
        (":status", c.status.as_str().to_value()),
        (":importance", c.importance.as_str().to_value()),
        (":tags", c.tags.to_value()),
        (":notes", c.notes.to_value()),
        (":doc_language", c.doc_language.as_str().to_value()),
        (":business_scale", c.business.business_scale.as_str().to_value()),
        (":founded_year", c.business.founded_year.to_value()),
        (":main_business", c.business.main_business.to_value()),
        (":registered_capital_cents", c.business.registered_capital.map(Money::cents).to_value()),
        (":premises", c.business.premises.as_str().to_value()),
        (":collection_days", c.business.collection_days.to_string().to_value()),
    ]
}

/// `sql` with its `:name` parameters numbered, and their values in that order.
fn numbered(sql: &str, named: &[(&'static str, Value)]) -> (String, Vec<Value>) {
    let mut names: Vec<&(&str, Value)> = named.iter().collect();
    // Longest first, so that ":at" never eats the start of another name.
    names.sort_by_key(|(name, _)| std::cmp::Reverse(name.len()));
    let mut sql = sql.to_string();
    let mut values = Vec::new();
    for (name, value) in names {
        if sql.contains(name) {
            values.push(value.clone());
            sql = sql.replace(name, &format!("?{}", values.len()));
        }
    }
    (sql, values)
}

fn with_fields(sql: &str, c: &CustomerFields, extra: &[(&'static str, Value)]) -> (String, Vec<Value>) {
    let mut named = field_params(c);
    named.extend_from_slice(extra);
    numbered(sql, &named)
}

pub fn insert(conn: &Transaction, c: &CustomerFields, stamp: &Stamp) -> Result<i64, StoreError> {
    let (sql, values) = with_fields(
        "INSERT INTO customers (code, name, kind, phone, address, tax_id, salesperson, payment_terms, statement_day,
             credit_limit_cents, status, importance, tags, notes, doc_language, created_at, updated_at,
             business_scale, founded_year, main_business, registered_capital_cents, premises, collection_days)
         VALUES (:code, :name, :kind, :phone, :address, :tax_id, :salesperson, :payment_terms, :statement_day,
             :credit_limit_cents, :status, :importance, :tags, :notes, :doc_language, :at, :at,
             :business_scale, :founded_year, :main_business, :registered_capital_cents, :premises, :collection_days)",
        c,
        &[(":at", stamp.at.to_value())],
    );
    conn.prepare_cached(&sql)?.insert(values).map_err(|e| code_taken_or(e, &c.code))
}

pub fn update(conn: &Transaction, id: i64, c: &CustomerFields, stamp: &Stamp) -> Result<(), StoreError> {
    let (sql, values) = with_fields(
        "UPDATE customers SET code = :code, name = :name, kind = :kind, phone = :phone, address = :address,
             tax_id = :tax_id, salesperson = :salesperson, payment_terms = :payment_terms,
             statement_day = :statement_day, credit_limit_cents = :credit_limit_cents, status = :status,
             importance = :importance, tags = :tags, notes = :notes, doc_language = :doc_language, updated_at = :at,
             business_scale = :business_scale, founded_year = :founded_year, main_business = :main_business,
             registered_capital_cents = :registered_capital_cents, premises = :premises,
             collection_days = :collection_days
         WHERE id = :id",
        c,
        &[(":at", stamp.at.to_value()), (":id", id.to_value())],
    );
    let changed = conn.prepare_cached(&sql)?.execute(values).map_err(|e| code_taken_or(e, &c.code))?;
    if changed == 0 {
        return Err(not_found(format!("customer #{id}")));
    }
    Ok(())
}

fn code_taken_or(error: StoreError, code: &str) -> StoreError {
    if is_unique_violation(&error) {
        StoreError::CustomerCodeTaken(code.to_string())
    } else {
        error
    }
}

pub fn by_code(conn: &Transaction, code: &str) -> Result<Option<Customer>, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM customers WHERE lower(code) = lower(?1)");
    conn.prepare_cached(&sql)?.query_row([code.trim()], from_row).optional()
}

pub fn get(conn: &Transaction, id: i64) -> Result<Customer, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM customers WHERE id = ?1");
    conn.prepare_cached(&sql)?.query_row([id], from_row).optional()?.ok_or_else(|| not_found(format!("customer #{id}")))
}

/// All customers ordered by code, byte for byte (uniqueness ignores ASCII case; order does not).
pub fn list(conn: &Transaction) -> Result<Vec<Customer>, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM customers ORDER BY code COLLATE BINARY");
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map((), from_row)?;
    rows.collect::<Result<_, _>>()
}

/// Up to `limit` customers whose code, name, phone or salesperson contains `needle`
/// (ASCII case folded), those whose code or name starts with it first, then by code.
pub fn search(conn: &Transaction, needle: &str, limit: usize) -> Result<Vec<Customer>, StoreError> {
    let sql = format!(
        "SELECT {COLUMNS} FROM customers
         WHERE instr(lower(code), ?1) > 0 OR instr(lower(name), ?1) > 0 OR instr(phone, ?1) > 0
             OR instr(lower(salesperson), ?1) > 0
         ORDER BY CASE WHEN instr(lower(code), ?1) = 1 OR instr(lower(name), ?1) = 1 THEN 0 ELSE 1 END, code COLLATE BINARY
         LIMIT ?2"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params![needle.to_ascii_lowercase(), limit as i64], from_row)?;
    rows.collect::<Result<_, _>>()
}

/// Every customer's id, code and name, by code: for reports over all customers, which need
/// no more of the profile.
pub fn names(conn: &Transaction) -> Result<Vec<(i64, String, String)>, StoreError> {
    let mut stmt = conn.prepare_cached("SELECT id, code, name FROM customers ORDER BY code COLLATE BINARY")?;
    let rows = stmt.query_map((), |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    rows.collect::<Result<_, _>>()
}
