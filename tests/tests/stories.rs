//! Stories through the use cases that scripts express poorly: atomic imports, the audit
//! log, drafts, and books that survive being closed and reopened.

use huikuan_app::ledger::{ManualAllocation, NewDelivery, NewDeliveryLine, NewPayment};
use huikuan_app::{ContactFields, CustomerFields};
use huikuan_domain::aging::AgingBasis;
use huikuan_domain::{ContactRole, Money, PaymentMethod};
use huikuan_tests::{books_at, books_on, date, dump, place_in};
use rust_decimal::Decimal;

const CUSTOMERS: &str = "code,name,kind,phone,address,payment_terms,credit_limit,salesperson\n\
    C001,华联超市,chain,0571-1,杭州,eom:30,50000,王芳\n\
    C002,安心药房,clinic,,,net:30,20000,李强\n";

fn delivery(code: &str, day: &str, lines: &[(&str, &str, &str)]) -> NewDelivery {
    NewDelivery {
        customer_code: code.into(),
        date: date(day),
        due_date: None,
        number: None,
        contact_name: String::new(),
        address: String::new(),
        memo: String::new(),
        lines: lines
            .iter()
            .map(|(item, qty, price)| NewDeliveryLine {
                item: item.to_string(),
                spec: String::new(),
                unit: "箱".into(),
                quantity: qty.parse().unwrap(),
                unit_price: price.parse().unwrap(),
            })
            .collect(),
        override_reason: None,
    }
}

fn payment(code: &str, day: &str, amount: &str, allocations: Vec<ManualAllocation>) -> NewPayment {
    NewPayment {
        customer_code: code.into(),
        date: date(day),
        amount: amount.parse().unwrap(),
        method: PaymentMethod::Bank,
        reference: "网银".into(),
        memo: String::new(),
        number: None,
        allocations,
    }
}

#[test]
fn an_import_with_one_bad_row_writes_nothing_at_all() {
    let mut books = books_on("2026-04-01");
    books.import_customers_csv(CUSTOMERS.as_bytes()).unwrap();
    let before = dump(&mut books);
    let payments = "number,customer_code,date,amount,method,reference\n\
        P1,C001,2026-01-05,100.00,bank,\n\
        P2,C002,2026-01-06,200.00,cash,\n\
        P3,C001,2026-01-07,1.001,bank,\n";
    let err = books.import_payments_csv(payments.as_bytes()).unwrap_err();
    assert_eq!(err.code(), "import_rejected");
    let huikuan_app::AppError::ImportRejected(rows) = err else { unreachable!() };
    assert_eq!(
        rows.iter().map(|r| r.to_string()).collect::<Vec<_>>(),
        ["line 4: amount: '1.001' has more than 2 decimals"]
    );
    assert_eq!(dump(&mut books), before);
}

#[test]
fn every_bad_row_is_listed_with_its_line() {
    let mut books = books_on("2026-04-01");
    books.import_customers_csv(CUSTOMERS.as_bytes()).unwrap();
    let deliveries = "number,customer_code,date,item,quantity,unit_price,due_date\n\
        D1,C001,2026-01-05,米,2,10,\n\
        D2,NOPE,2026-01-05,米,2,10,\n\
        D3,C001,2026-02-29,米,2,10,\n\
        D4,C001,2026-01-05,米,-2,10,\n\
        D5,C001,2026-01-05,米,2,-10,\n\
        D6,C001,2026-01-05,米,2\n\
        D7,C002,2026-01-05,米,x,10,\n";
    let huikuan_app::AppError::ImportRejected(rows) =
        books.import_deliveries_csv(deliveries.as_bytes(), None).unwrap_err()
    else {
        panic!("expected a rejected import")
    };
    let lines: Vec<u64> = rows.iter().map(|r| r.line).collect();
    assert_eq!(lines, [3, 4, 5, 6, 7, 8]);
    assert!(books.aging_report(date("2026-12-31"), AgingBasis::DueDate).unwrap().customers.is_empty());
}

#[test]
fn a_utf8_bom_and_quoted_commas_are_read() {
    let mut books = books_on("2026-04-01");
    let csv = "\u{feff}code,name,kind,phone,address,payment_terms,credit_limit,salesperson\r\n\
        C9,\"Lee, Chan & Co\",enterprise,,\"1 Road, HK\",net:60,100.5,\r\n";
    books.import_customers_csv(csv.as_bytes()).unwrap();
    let c = books.customer("C9").unwrap().customer.fields;
    assert_eq!((c.name.as_str(), c.address.as_str()), ("Lee, Chan & Co", "1 Road, HK"));
    assert_eq!(c.credit_limit, Money::from_cents(10_050));
}

#[test]
fn a_delivery_is_priced_line_by_line_and_dated_by_the_terms() {
    let mut books = books_on("2026-04-01");
    books.import_customers_csv(CUSTOMERS.as_bytes()).unwrap();
    let note = books
        .create_delivery(delivery(
            "C001",
            "2026-01-15",
            &[("东北大米", "40", "150"), ("螺丝", "3", "0.125"), ("油", "1.5", "3.33")],
        ))
        .unwrap();
    assert_eq!(note.number.as_deref(), Some("SD-2026-000001"));
    assert_eq!(note.due_date, date("2026-03-02"));
    let amounts: Vec<String> = note.lines.iter().map(|l| l.amount.to_string()).collect();
    assert_eq!(amounts, ["6000.00", "0.38", "5.00"]);
    assert_eq!(note.total.to_string(), "6005.38");
    assert_eq!(note.status, "issued");
}

#[test]
fn a_draft_has_no_number_until_issued_and_can_be_discarded() {
    let mut books = books_on("2026-04-01");
    books.import_customers_csv(CUSTOMERS.as_bytes()).unwrap();
    let discarded = books.save_delivery_draft(delivery("C002", "2026-02-01", &[("口罩", "10", "5")])).unwrap();
    let kept = books.save_delivery_draft(delivery("C002", "2026-02-02", &[("手套", "10", "3")])).unwrap();
    assert_eq!((discarded.number.clone(), discarded.status.as_str()), (None, "draft"));
    assert_eq!(books.customer_ledger("C002", None).unwrap().entries.len(), 0);
    books.discard_delivery_draft(discarded.id).unwrap();
    let issued = books.issue_delivery_draft(kept.id, None).unwrap();
    assert_eq!(issued.number.as_deref(), Some("SD-2026-000001"), "the discarded draft left no gap");
    assert_eq!(books.customer("C002").unwrap().balance, Money::from_cents(3_000));
    assert_eq!(books.issue_delivery_draft(kept.id, None).unwrap_err().code(), "rule");
    assert!(books.discard_delivery_draft(kept.id).is_err(), "an issued note cannot be discarded");
}

#[test]
fn the_ledger_runs_a_balance_and_shows_what_is_open() {
    let mut books = books_on("2026-04-01");
    books.import_customers_csv(CUSTOMERS.as_bytes()).unwrap();
    books.create_delivery(delivery("C002", "2026-01-10", &[("口罩", "100", "12.5")])).unwrap();
    books.create_delivery(delivery("C002", "2026-02-10", &[("手套", "10", "30")])).unwrap();
    books.record_payment(payment("C002", "2026-02-15", "1000", vec![])).unwrap();
    let ledger = books.customer_ledger("C002", None).unwrap();
    let rows: Vec<(String, String, String)> = ledger
        .entries
        .iter()
        .map(|e| (e.number.clone(), e.balance.to_string(), e.open.map(|m| m.to_string()).unwrap_or_default()))
        .collect();
    assert_eq!(
        rows,
        [
            ("SD-2026-000001".into(), "1250.00".into(), "250.00".into()),
            ("SD-2026-000002".into(), "1550.00".into(), "300.00".into()),
            ("PM-2026-000001".into(), "550.00".into(), String::new()),
        ]
    );
    let before_payment = books.customer_ledger("C002", Some(date("2026-02-14"))).unwrap();
    assert_eq!(before_payment.balance, Money::from_cents(155_000));
    assert_eq!(before_payment.entries[0].open, Some(Money::from_cents(125_000)));
}

#[test]
fn every_change_is_in_the_audit_log_with_before_and_after() {
    let mut books = books_on("2026-04-01");
    books.import_customers_csv(CUSTOMERS.as_bytes()).unwrap();
    let mut fields = books.customer("C001").unwrap().customer.fields;
    fields.credit_limit = Money::from_cents(8_000_000);
    books.update_customer("C001", fields).unwrap();
    books
        .add_contact(
            "C001",
            ContactFields {
                name: "赵总".into(),
                role: ContactRole::DecisionMaker,
                phone: "139".into(),
                wechat: "zhao".into(),
                email: String::new(),
                notes: String::new(),
            },
        )
        .unwrap();
    books.create_delivery(delivery("C001", "2026-01-15", &[("米", "1", "10")])).unwrap();
    let log = books.audit_log(50).unwrap();
    let actions: Vec<String> = log.iter().rev().map(|r| format!("{} {}", r.action, r.entity)).collect();
    assert_eq!(
        actions,
        [
            "import customer",
            "import customer",
            "update customer",
            "create contact",
            "post entry",
            "issue delivery_note",
            "issue document"
        ]
    );
    let update = log.iter().find(|r| r.action == "update").unwrap();
    assert_eq!(update.before.as_ref().unwrap()["credit_limit"], "50000.00");
    assert_eq!(update.after.as_ref().unwrap()["credit_limit"], "80000.00");
    assert!(log.iter().all(|r| r.operator == "tester" && r.at == "2026-04-01T12:00:00Z"));
}

#[test]
fn a_refused_change_leaves_no_audit_record_and_no_row() {
    let mut books = books_on("2026-04-01");
    books.import_customers_csv(CUSTOMERS.as_bytes()).unwrap();
    let before = dump(&mut books);
    assert_eq!(
        books.create_customer(CustomerFields::new("c001", "重复"), vec![]).unwrap_err().code(),
        "customer_code_taken"
    );
    assert_eq!(books.create_customer(CustomerFields::new("C003", "  "), vec![]).unwrap_err().code(), "empty");
    let overpaid = payment(
        "C002",
        "2026-01-01",
        "10",
        vec![ManualAllocation { receivable: "SD-1".into(), amount: Money::from_cents(100) }],
    );
    assert_eq!(books.record_payment(overpaid).unwrap_err().code(), "rule");
    assert_eq!(dump(&mut books), before);
}

/// Closed and opened again: a file on SQLite, a server database on PostgreSQL (a new
/// connection, as another day's start or another seat).
#[test]
fn books_are_all_there_after_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let place = place_in(dir.path());
    {
        let mut books = books_at(&place, "2026-04-01", "tester");
        books.import_customers_csv(CUSTOMERS.as_bytes()).unwrap();
        books.create_delivery(delivery("C001", "2026-01-15", &[("米", "10", "100")])).unwrap();
        books.create_delivery(delivery("C001", "2026-02-15", &[("油", "10", "50")])).unwrap();
        let by_hand = vec![ManualAllocation { receivable: "SD-2026-000002".into(), amount: Money::from_cents(50_000) }];
        books.record_payment(payment("C001", "2026-02-20", "500", by_hand)).unwrap();
    }
    let mut books = books_at(&place, "2026-04-01", "tester");
    let report = books.aging_report(date("2026-04-01"), AgingBasis::DueDate).unwrap();
    let c001 = &report.customers[0];
    // The hand allocation survived: the older delivery is still fully open and overdue.
    assert_eq!(c001.balance, Money::from_cents(100_000));
    assert_eq!(c001.buckets.get("1-30"), Some(Money::from_cents(100_000)));
    let open = books.open_items("C001").unwrap();
    assert_eq!(open.len(), 1);
    assert_eq!(open[0].receivable.number, "SD-2026-000001");
    assert_eq!(books.list_customers("药房").unwrap().len(), 1);
    assert_eq!(books.list_customers("").unwrap().len(), 2);
    let quantity: Decimal = books.delivery_note(1).unwrap().lines[0].quantity;
    assert_eq!(quantity, Decimal::from(10));
}

fn rejected_lines(result: Result<huikuan_app::import::ImportSummary, huikuan_app::AppError>) -> Vec<String> {
    match result {
        Err(huikuan_app::AppError::ImportRejected(rows)) => rows.iter().map(|r| r.to_string()).collect(),
        other => panic!("expected a rejected import, got {other:?}"),
    }
}

#[test]
fn line_numbers_are_right_in_windows_files_and_after_blank_lines() {
    let mut books = books_on("2026-04-01");
    let crlf = "code,name,kind,phone,address,payment_terms,credit_limit,salesperson\r\n\
        C001,甲,shop,,,cod,,\r\n\
        C002,乙,franchise,,,cod,,\r\n\
        C003,\"丙\r\n(二店)\",shop,,,cod,,\r\n\
        C004,丁,shop,,,cod,1.001,\r\n";
    assert_eq!(
        rejected_lines(books.import_customers_csv(crlf.as_bytes())),
        [
            "line 3: kind: 'franchise' is not a valid kind (expected one of: shop, chain, enterprise, clinic, individual, other)",
            "line 6: credit_limit: '1.001' has more than 2 decimals",
        ]
    );
    let blanks = "code,name,kind,phone,address,payment_terms,credit_limit,salesperson\n\
        C001,甲,shop,,,cod,,\n\
        \n\
        \n\
        C002,乙,shop,,,net:x,,\n";
    assert_eq!(
        rejected_lines(books.import_customers_csv(blanks.as_bytes())),
        ["line 5: payment_terms: 'net:x' is not a payment term (expected e.g. 货到付款, 30天, 月结30天, cod, net:30 or eom:30)"]
    );
    let bom_crlf = "\u{feff}customer_code,date,amount,due_date\r\nNOPE,2026-01-01,5,\r\n";
    assert_eq!(
        rejected_lines(books.import_opening_balances_csv(bom_crlf.as_bytes())),
        ["line 2: unknown customer 'NOPE'"]
    );
}

#[test]
fn a_payment_row_needs_its_number() {
    let mut books = books_on("2026-04-01");
    books.import_customers_csv(CUSTOMERS.as_bytes()).unwrap();
    let payments = "number,customer_code,date,amount,method,reference\n,C001,2026-03-01,100,cash,\n";
    let lines = rejected_lines(books.import_payments_csv(payments.as_bytes()));
    assert_eq!(lines, ["line 2: number must not be empty"]);
}

#[test]
fn a_delivery_import_lists_every_note_that_cannot_be_issued() {
    let mut books = books_on("2026-04-01");
    books.import_customers_csv(CUSTOMERS.as_bytes()).unwrap();
    let long_item = "米".repeat(2001);
    let deliveries = format!(
        "number,customer_code,date,item,quantity,unit_price,due_date\n\
         D1,C001,2026-01-05,样品,1,0,\n\
         D2,C001,2026-01-05,{long_item},1,5,\n\
         D3,c001,2026-01-05,米,1,5,\n"
    );
    let lines = rejected_lines(books.import_deliveries_csv(deliveries.as_bytes(), None));
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(lines[0].starts_with("line 2: delivery 'D1' has a total of 0"), "{lines:?}");
    assert!(lines[1].starts_with("line 3: item is too long"), "{lines:?}");
}

#[test]
fn codes_fold_ascii_case_only_and_reports_sort_them_byte_for_byte() {
    let mut books = books_on("2026-04-01");
    let csv = "code,name,kind,phone,address,payment_terms,credit_limit,salesperson\n\
        b01,乙,shop,,,cod,,\n\
        A01,甲,shop,,,cod,,\n\
        É01,丙,shop,,,cod,,\n\
        é01,丁,shop,,,cod,,\n";
    books.import_customers_csv(csv.as_bytes()).unwrap();
    let dup = "code,name,kind,phone,address,payment_terms,credit_limit,salesperson\nB01,重复,shop,,,cod,,\n";
    assert_eq!(
        rejected_lines(books.import_customers_csv(dup.as_bytes())),
        ["line 2: customer code 'B01' already exists"]
    );
    let openings = "customer_code,date,amount,due_date\nb01,2026-01-01,1,\nA01,2026-01-01,1,\nÉ01,2026-01-01,1,\né01,2026-01-01,1,\n";
    books.import_opening_balances_csv(openings.as_bytes()).unwrap();
    let report = books.aging_report(date("2026-04-01"), AgingBasis::DueDate).unwrap();
    let codes: Vec<&str> = report.customers.iter().map(|c| c.code.as_str()).collect();
    assert_eq!(codes, ["A01", "b01", "É01", "é01"]);
}

#[test]
fn allocations_by_hand_are_audited_with_what_they_settle() {
    let mut books = books_on("2026-04-01");
    books.import_customers_csv(CUSTOMERS.as_bytes()).unwrap();
    books.create_delivery(delivery("C002", "2026-01-10", &[("口罩", "10", "10")])).unwrap();
    let by_hand = vec![ManualAllocation { receivable: "SD-2026-000001".into(), amount: Money::from_cents(6_000) }];
    books.record_payment(payment("C002", "2026-02-01", "60", by_hand)).unwrap();
    let log = books.audit_log(1).unwrap();
    assert_eq!((log[0].action.as_str(), log[0].entity.as_str()), ("allocate", "allocation"));
    assert_eq!(log[0].after.as_ref().unwrap()["amount"], "60.00");
}
