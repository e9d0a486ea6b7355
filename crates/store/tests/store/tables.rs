use huikuan_domain::{ContactRole, Money};
use huikuan_store::tables::contacts::{self, ContactFields};
use huikuan_store::tables::customers::{self, CustomerFields};
use huikuan_store::tables::{allocations, company, entries};
use huikuan_store::StoreError;

use super::helpers::{add_customer, debit, open_store, small_book, stamp};

#[test]
fn a_duplicate_customer_code_is_a_typed_error() {
    let mut store = open_store();
    store.write(|tx| Ok::<_, StoreError>(add_customer(tx, "C001"))).unwrap();
    let err = store.write(|tx| customers::insert(tx, &CustomerFields::new("c001", "another"), &stamp())).unwrap_err();
    assert!(matches!(err, StoreError::CustomerCodeTaken(ref c) if c == "c001"), "{err}");
}

#[test]
fn a_duplicate_document_number_is_a_typed_error() {
    let mut store = open_store();
    let (customer, _, _) = small_book(&mut store);
    let err = store
        .write(|tx| entries::insert(tx, &debit(customer, "SD-2026-000001", "2026-05-01", 100), &stamp()))
        .unwrap_err();
    assert_eq!(err.code(), "number_taken");
}

#[test]
fn customers_update_and_list_in_code_order() {
    let mut store = open_store();
    let id = store
        .write(|tx| {
            add_customer(tx, "B2");
            Ok::<_, StoreError>(add_customer(tx, "A1"))
        })
        .unwrap();
    let mut fields = store.read(|tx| customers::get(tx, id)).unwrap().fields;
    fields.credit_limit = Money::from_cents(5_000_000);
    fields.name = "安心药房".into();
    store.write(|tx| customers::update(tx, id, &fields, &stamp())).unwrap();
    let list = store.read(customers::list).unwrap();
    assert_eq!(list.iter().map(|c| c.fields.code.as_str()).collect::<Vec<_>>(), ["A1", "B2"]);
    assert_eq!(list[0].fields.credit_limit, Money::from_cents(5_000_000));
    assert_eq!(list[0].fields.name, "安心药房");
}

#[test]
fn contacts_belong_to_a_customer_and_can_be_edited() {
    let mut store = open_store();
    let customer = store.write(|tx| Ok::<_, StoreError>(add_customer(tx, "C1"))).unwrap();
    let mut fields = ContactFields {
        name: "王会计".into(),
        role: ContactRole::Finance,
        phone: "13800000000".into(),
        wechat: String::new(),
        email: String::new(),
        notes: String::new(),
    };
    let id = store.write(|tx| contacts::insert(tx, customer, &fields)).unwrap();
    fields.role = ContactRole::DecisionMaker;
    store.write(|tx| contacts::update(tx, id, &fields)).unwrap();
    let list = store.read(|tx| contacts::for_customer(tx, customer)).unwrap();
    assert_eq!(list[0].fields.role, ContactRole::DecisionMaker);
    let bad = store.write(|tx| contacts::insert(tx, 999, &fields));
    assert!(bad.is_err(), "a contact of a customer that does not exist is refused");
}

#[test]
fn the_company_profile_is_one_row_that_updates() {
    let mut store = open_store();
    let mut profile = store.read(company::get).unwrap();
    assert_eq!(profile.currency, "CNY");
    profile.legal_name = "杭州顺达商贸有限公司".into();
    store.write(|tx| company::update(tx, &profile)).unwrap();
    assert_eq!(store.read(company::get).unwrap().legal_name, "杭州顺达商贸有限公司");
}

#[test]
fn all_accounts_reads_every_customer_in_one_pass() {
    let mut store = open_store();
    let (customer, _, _) = small_book(&mut store);
    let other = store
        .write(|tx| {
            let c = add_customer(tx, "C002");
            entries::insert(tx, &debit(c, "SD-2026-000002", "2026-01-11", 500), &stamp())?;
            Ok::<_, StoreError>(c)
        })
        .unwrap();
    let accounts = store.read(entries::all_accounts).unwrap();
    assert_eq!(accounts[&customer], store.read(|tx| entries::account(tx, customer)).unwrap());
    assert_eq!(accounts[&other].receivables.len(), 1);
    // The lean read of one account is the account of its full entries, in the same order.
    for id in [customer, other] {
        let whole = store
            .read(|tx| {
                Ok::<_, StoreError>(entries::account_of(
                    &entries::for_customer(tx, id)?,
                    allocations::for_customer(tx, id)?,
                ))
            })
            .unwrap();
        assert_eq!(store.read(|tx| entries::account(tx, id)).unwrap(), whole);
    }
}

#[test]
fn each_account_streams_every_wanted_customer_once_as_account_reads_it() {
    let mut store = open_store();
    let (customer, _, _) = small_book(&mut store);
    let (other, skipped, last) = store
        .write(|tx| {
            let ids = (add_customer(tx, "C002"), add_customer(tx, "C003"), add_customer(tx, "C004"));
            entries::insert(tx, &debit(ids.0, "SD-2026-000002", "2026-01-11", 500), &stamp())?;
            entries::insert(tx, &debit(ids.1, "SD-2026-000003", "2026-01-12", 700), &stamp())?;
            entries::insert(tx, &debit(ids.2, "SD-2026-000004", "2025-12-30", 900), &stamp())?;
            entries::insert(tx, &debit(ids.2, "SD-2026-000005", "2025-12-30", 100), &stamp())?;
            Ok::<_, StoreError>(ids)
        })
        .unwrap();
    let mut streamed = Vec::new();
    store
        .read(|tx| {
            entries::each_account(
                tx,
                |id| id != skipped,
                |id, account| {
                    streamed.push((id, account.clone()));
                    Ok::<_, StoreError>(())
                },
            )
        })
        .unwrap();
    let ids: Vec<i64> = streamed.iter().map(|(id, _)| *id).collect();
    assert_eq!(ids, vec![customer, other, last]);
    for (id, account) in streamed {
        assert_eq!(account, store.read(|tx| entries::account(tx, id)).unwrap(), "customer {id}");
    }
}

#[test]
fn search_puts_code_or_name_prefixes_before_other_matches_and_stops_at_the_limit() {
    let mut store = open_store();
    store
        .write(|tx| {
            for (code, name) in [("A1", "杭州华联"), ("B1", "华联超市"), ("C1", "Hualian Trading"), ("D1", "别家")]
            {
                customers::insert(tx, &CustomerFields::new(code, name), &stamp())?;
            }
            Ok::<_, StoreError>(())
        })
        .unwrap();
    let mut codes = |needle: &str, limit: usize| -> Vec<String> {
        let found = store.read(|tx| customers::search(tx, needle, limit)).unwrap();
        found.into_iter().map(|c| c.fields.code).collect()
    };
    assert_eq!(codes("华联", 10), ["B1", "A1"]);
    assert_eq!(codes("HUALIAN", 10), ["C1"]);
    assert_eq!(codes("1", 10), ["A1", "B1", "C1", "D1"]);
    assert_eq!(codes("1", 2), ["A1", "B1"]);
    assert!(codes("不存在", 10).is_empty());
}
