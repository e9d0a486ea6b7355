//! Every trigger that protects issued history refuses its UPDATE or DELETE.

use huikuan_domain::{DocType, Money};
use huikuan_store::tables::deliveries::{self, DeliveryLine, DraftHeader};
use huikuan_store::tables::{audit, entries, sequences};
use huikuan_store::testing::on_postgres;
use huikuan_store::{Store, StoreError};
use rust_decimal::Decimal;

use super::helpers::{add_customer, date, debit, open_store, small_book, stamp};

/// The statement is refused by a trigger, which both engines word 'append_only: ...' and
/// the store turns into its own error.
fn refused(store: &mut Store, sql: &str) {
    let err = store.execute_raw(sql).expect_err(sql);
    assert!(matches!(err, StoreError::AppendOnly(_)), "{sql}: {err}");
}

fn issued_delivery(store: &mut Store, customer: i64) -> i64 {
    store
        .write(|tx| {
            let line = DeliveryLine {
                item: "大米".into(),
                spec: "25kg".into(),
                unit: "袋".into(),
                quantity: Decimal::from(2),
                unit_price: Decimal::new(15_000, 2),
                amount: Money::from_cents(30_000),
            };
            let header = DraftHeader {
                customer_id: customer,
                doc_date: date("2026-03-01"),
                due_date: date("2026-03-31"),
                contact_name: String::new(),
                address: String::new(),
                memo: String::new(),
            };
            let id = deliveries::insert_draft(tx, &header, &[line], &stamp())?;
            let entry = entries::insert(
                tx,
                &super::helpers::debit(customer, "SD-2026-000009", "2026-03-01", 30_000),
                &stamp(),
            )?;
            deliveries::mark_issued(tx, id, "SD-2026-000009", entry)?;
            Ok::<_, StoreError>(id)
        })
        .unwrap()
}

#[test]
fn ledger_entries_refuse_update_and_delete() {
    let mut store = open_store();
    small_book(&mut store);
    refused(&mut store, "UPDATE entries SET amount_cents = 1");
    refused(&mut store, "UPDATE entries SET memo = 'x'");
    refused(&mut store, "DELETE FROM entries");
}

#[test]
fn allocations_refuse_update_and_delete() {
    let mut store = open_store();
    small_book(&mut store);
    refused(&mut store, "UPDATE allocations SET amount_cents = 1");
    refused(&mut store, "DELETE FROM allocations");
}

#[test]
fn issued_delivery_notes_and_their_lines_refuse_change() {
    let mut store = open_store();
    let (customer, _, _) = small_book(&mut store);
    let id = issued_delivery(&mut store, customer);
    refused(&mut store, "UPDATE delivery_notes SET memo = 'changed'");
    refused(&mut store, "DELETE FROM delivery_notes");
    refused(&mut store, "UPDATE delivery_lines SET quantity = '3'");
    refused(&mut store, "DELETE FROM delivery_lines");
    refused(
        &mut store,
        &format!("INSERT INTO delivery_lines (delivery_id, position, item, quantity, unit_price, amount_cents) VALUES ({id}, 2, 'x', '1', '1', 100)"),
    );
    let note = store.read(|tx| deliveries::get(tx, id)).unwrap();
    assert_eq!((note.status.as_str(), note.lines.len()), ("issued", 1));
}

#[test]
fn a_draft_may_be_edited_and_discarded() {
    let mut store = open_store();
    let (customer, _, _) = small_book(&mut store);
    let header = DraftHeader {
        customer_id: customer,
        doc_date: date("2026-03-01"),
        due_date: date("2026-03-01"),
        contact_name: String::new(),
        address: String::new(),
        memo: String::new(),
    };
    let id = store.write(|tx| deliveries::insert_draft(tx, &header, &[], &stamp())).unwrap();
    store.execute_raw("UPDATE delivery_notes SET memo = 'ok'").unwrap();
    store.write(|tx| deliveries::delete_draft(tx, id)).unwrap();
}

#[test]
fn the_audit_log_refuses_update_and_delete() {
    let mut store = open_store();
    store
        .write(|tx| {
            audit::record(tx, &stamp(), "create", "customer", Some(1), None, Some(&serde_json::json!({"a": 1})))
        })
        .unwrap();
    refused(&mut store, "UPDATE audit_log SET operator = 'someone else'");
    refused(&mut store, "DELETE FROM audit_log");
}

#[test]
fn sequences_never_go_back_and_are_never_deleted() {
    let mut store = open_store();
    store.write(|tx| sequences::next_number(tx, DocType::Delivery, 2026)).unwrap();
    refused(&mut store, "UPDATE sequences SET last = 0");
    refused(&mut store, "DELETE FROM sequences");
}

#[test]
fn numbers_are_gapless_per_type_and_year_and_a_rollback_gives_the_number_back() {
    let mut store = open_store();
    let take = |store: &mut Store, t, y| store.write(|tx| sequences::next_number(tx, t, y)).unwrap();
    assert_eq!(take(&mut store, DocType::Delivery, 2026), "SD-2026-000001");
    assert_eq!(take(&mut store, DocType::Delivery, 2026), "SD-2026-000002");
    assert_eq!(take(&mut store, DocType::Payment, 2026), "PM-2026-000001");
    assert_eq!(take(&mut store, DocType::Delivery, 2027), "SD-2027-000001");
    let rolled_back: Result<(), StoreError> = store.write(|tx| {
        sequences::next_number(tx, DocType::Delivery, 2026)?;
        Err(StoreError::AppendOnly("simulated failure".into()))
    });
    assert!(rolled_back.is_err());
    assert_eq!(take(&mut store, DocType::Delivery, 2026), "SD-2026-000003");
    store.write(|tx| sequences::note_imported(tx, DocType::Delivery, "SD-2026-000010")).unwrap();
    assert_eq!(take(&mut store, DocType::Delivery, 2026), "SD-2026-000011");
}

#[test]
fn insert_or_replace_cannot_overwrite_history() {
    if on_postgres() {
        // INSERT OR REPLACE is SQLite's: it deletes the clashing row, which must fire the
        // DELETE triggers (recursive_triggers). PostgreSQL has no such statement.
        println!("skipped on PostgreSQL: INSERT OR REPLACE is SQLite's own statement");
        return;
    }
    let mut store = open_store();
    let (_, delivery, payment) = small_book(&mut store);
    refused(
        &mut store,
        &format!(
            "INSERT OR REPLACE INTO entries (id, customer_id, kind, side, number, doc_date, due_date, amount_cents, created_at, operator)
             VALUES ({delivery}, 1, 'delivery', 'debit', 'SD-X', '2026-01-10', '2026-01-10', 1, 'now', 'x')"
        ),
    );
    refused(
        &mut store,
        "INSERT OR REPLACE INTO entries (customer_id, kind, side, number, doc_date, due_date, amount_cents, created_at, operator)
         VALUES (1, 'delivery', 'debit', 'SD-2026-000001', '2026-01-10', '2026-01-10', 1, 'now', 'x')",
    );
    refused(
        &mut store,
        &format!("REPLACE INTO allocations (id, credit_entry_id, receivable_entry_id, alloc_date, amount_cents, created_at, operator) VALUES (1, {payment}, {delivery}, '2026-02-01', 1, 'now', 'x')"),
    );
}

/// PostgreSQL's own ways to overwrite or empty a table: an upsert updates the clashing
/// row (the UPDATE trigger refuses it) and TRUNCATE skips row triggers (a statement
/// trigger refuses it). SQLite has neither, so there is nothing to prove there.
#[test]
fn on_a_server_upsert_and_truncate_cannot_overwrite_history() {
    if !on_postgres() {
        println!("skipped on SQLite: ON CONFLICT DO UPDATE on these tables and TRUNCATE are PostgreSQL's");
        return;
    }
    let mut store = open_store();
    let (_, delivery, _) = small_book(&mut store);
    refused(
        &mut store,
        &format!(
            "INSERT INTO entries (id, customer_id, kind, side, number, doc_date, due_date, amount_cents, created_at, operator)
             VALUES ({delivery}, 1, 'delivery', 'debit', 'SD-X', '2026-01-10', '2026-01-10', 1, 'now', 'x')
             ON CONFLICT (id) DO UPDATE SET amount_cents = 1"
        ),
    );
    // The statement triggers fire whether or not the table holds rows.
    for table in ["entries", "allocations", "audit_log", "sequences"] {
        refused(&mut store, &format!("TRUNCATE {table} CASCADE"));
    }
}

#[test]
fn a_draft_line_cannot_be_moved_into_an_issued_note() {
    let mut store = open_store();
    let (customer, _, _) = small_book(&mut store);
    let issued = issued_delivery(&mut store, customer);
    let header = DraftHeader {
        customer_id: customer,
        doc_date: date("2026-03-02"),
        due_date: date("2026-03-02"),
        contact_name: String::new(),
        address: String::new(),
        memo: String::new(),
    };
    let line = DeliveryLine {
        item: "油".into(),
        spec: String::new(),
        unit: String::new(),
        quantity: Decimal::ONE,
        unit_price: Decimal::ONE,
        amount: Money::from_cents(100),
    };
    let draft = store.write(|tx| deliveries::insert_draft(tx, &header, &[line], &stamp())).unwrap();
    refused(
        &mut store,
        &format!("UPDATE delivery_lines SET delivery_id = {issued}, position = 9 WHERE delivery_id = {draft}"),
    );
}

#[test]
fn a_draft_and_its_issue_as_written_are_what_is_read_back() {
    let mut store = open_store();
    let customer = store.write(|tx| Ok::<_, StoreError>(add_customer(tx, "C001"))).unwrap();
    let header = DraftHeader {
        customer_id: customer,
        doc_date: date("2026-05-01"),
        due_date: date("2026-05-31"),
        contact_name: "王经理".into(),
        address: "杭州".into(),
        memo: "急".into(),
    };
    let line = DeliveryLine {
        item: "水泥".into(),
        spec: "P.O 42.5".into(),
        unit: "吨".into(),
        quantity: "2.5".parse().unwrap(),
        unit_price: "410.00".parse::<Decimal>().unwrap().normalize(),
        amount: Money::from_cents(102_500),
    };
    let (written, read) = store
        .write(|tx| {
            let id = deliveries::insert_draft(tx, &header, std::slice::from_ref(&line), &stamp())?;
            Ok::<_, StoreError>((deliveries::written_draft(id, &header, vec![line.clone()]), deliveries::get(tx, id)?))
        })
        .unwrap();
    assert_eq!(written, read);
    let issued = store
        .write(|tx| {
            let entry = entries::insert(tx, &debit(customer, "SD-2026-000001", "2026-05-01", 102_500), &stamp())?;
            deliveries::mark_issued(tx, written.id, "SD-2026-000001", entry)?;
            deliveries::get(tx, written.id)
        })
        .unwrap();
    assert_eq!(deliveries::issued_from(&written, "SD-2026-000001", issued.entry_id.unwrap()), issued);
}
