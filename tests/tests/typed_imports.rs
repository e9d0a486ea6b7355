//! Imported files are read with the forms' own reader: dates, amounts, terms, kinds and
//! methods as an office types them, ambiguous cells refused with their row, never guessed.

use huikuan_app::AppError;
use huikuan_domain::aging::AgingBasis;
use huikuan_domain::DocLanguage;
use huikuan_tests::{books_on, date};

const CUSTOMERS: &str = "code,name,kind,phone,address,payment_terms,credit_limit,salesperson\n\
    C001,华联超市,连锁,,,月结30天,\"50,000\",王芳\n\
    C002,安心药房,诊所,,,货到付款,5万,李强\n\
    C003,张记五金,单店,,,账期 15 天,¥8000.00,\n";

#[test]
fn a_book_imported_from_typed_values_holds_what_was_meant() {
    let mut books = books_on("2026-06-30");
    books.import_customers_csv(CUSTOMERS.as_bytes()).unwrap();
    let c001 = books.customer("C001").unwrap().customer.fields;
    assert_eq!((c001.kind.as_str(), c001.payment_terms.to_string()), ("chain", "eom:30".to_string()));
    assert_eq!(c001.credit_limit.to_string(), "50000.00");
    let c002 = books.customer("C002").unwrap().customer.fields;
    assert_eq!((c002.payment_terms.to_string(), c002.credit_limit.to_string()), ("cod".into(), "50000.00".into()));
    assert_eq!(books.customer("C003").unwrap().customer.fields.payment_terms.to_string(), "net:15");

    let balances =
        "customer_code,date,amount,due_date\nC001,2026年1月31日,\"¥12,000.00\",2026/2/28\nC003,20260315,(100.00),\n";
    books.import_opening_balances_csv(balances.as_bytes()).unwrap();
    let deliveries = "number,customer_code,date,item,quantity,unit_price,due_date\n\
        ZC-001,C001,2026/5/1 0:00,大米,\"1,000\",¥4.15,\n";
    books.import_deliveries_csv(deliveries.as_bytes(), Some("导入历史送货单")).unwrap();
    let payments = "number,customer_code,date,amount,method,reference\n\
        P-1,C001,2026.6.1,\"¥1,234.50\",银行转账,\nP-2,C003,2026-6-2,50元,微信,\n";
    books.import_payments_csv(payments.as_bytes()).unwrap();

    let aging = books.aging_report(date("2026-06-30"), AgingBasis::DueDate).unwrap();
    let balance = |code: &str| aging.customers.iter().find(|c| c.code == code).unwrap().balance.to_string();
    // 12,000 + 1,000 × 4.15 − 1,234.50
    assert_eq!(balance("C001"), "14915.50");
    // −100 opening credit − 50 paid
    assert_eq!(balance("C003"), "-150.00");
}

#[test]
fn an_ambiguous_or_yearless_date_is_refused_with_its_row_and_nothing_is_written() {
    let mut books = books_on("2026-06-30");
    books.import_customers_csv(CUSTOMERS.as_bytes()).unwrap();
    let payments = "number,customer_code,date,amount,method,reference\n\
        P-1,C001,01/06/2026,100,bank,\nP-2,C001,6月1日,100,bank,\nP-3,C001,2026/6/1,\"12,34\",bank,\n";
    let error = books.import_payments_csv(payments.as_bytes()).unwrap_err();
    let AppError::ImportRejected(rows) = &error else { panic!("{error}") };
    let lines: Vec<u64> = rows.iter().map(|r| r.line).collect();
    assert_eq!(lines, [2, 3, 4], "{rows:?}");
    assert!(rows[0].reason.contains("could be read two ways"), "{}", rows[0].reason);
    assert!(!error.message_in(DocLanguage::Zh).is_empty());
    let aging = books.aging_report(date("2026-06-30"), AgingBasis::DueDate).unwrap();
    assert!(aging.customers.iter().all(|c| c.balance.is_zero()), "nothing written");
}
