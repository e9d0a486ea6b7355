//! A shop's books brought in from the files its office really has (a GBK customer list, an
//! .xlsx of opening balances under a title with typed cells, an .xls of deliveries, a
//! UTF-8-BOM payments CSV with typed dates, ¥ amounts and a 合计 row) are the same books as
//! those imported from our own CSVs of the same figures: they age exactly alike, to the cent,
//! for today and for any date.

use base64::Engine;
use huikuan_app::sheets::{ImportForm, ImportKind};
use huikuan_app::Books;
use huikuan_domain::AgingBasis;
use huikuan_tests::{books_on, date};

const OFFICE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/office");

/// Our own CSVs of the same figures as the office files (tests/fixtures/office/make_fixtures.py).
const OUR_CUSTOMERS: &str = "code,name,kind,phone,address,payment_terms,credit_limit,salesperson\n\
C001,华联超市,chain,0571-88881234,杭州市西湖区文三路1号,eom:30,50000.00,王建国\n\
C002,安心药房,clinic,13800001111,杭州市上城区解放路8号,cod,,李梅\n\
C003,明远建材,enterprise,,\"杭州市余杭区, 良渚街道\",net:30,20000.00,\n";
const OUR_BALANCES: &str = "customer_code,date,amount,due_date\n\
C001,2023-12-31,12345.50,2024-01-31\n\
C002,2023-12-31,800.00,\n\
C003,2023-12-31,0.30,2024-02-29\n";
const OUR_DELIVERIES: &str = "number,customer_code,date,item,quantity,unit_price,due_date\n\
ZC-001,C001,2024-01-05,矿泉水 550ml,10,12.5,\n\
ZC-001,C001,2024-01-05,抽纸,5,8,\n\
No.0012345,C002,2024-02-10,医用口罩,100,1.2,2024-02-10\n\
2024-001,C003,2024-03-01,水泥 42.5,20,35,\n";
const OUR_PAYMENTS: &str = "number,customer_code,date,amount,method,reference\n\
SK-001,C001,2026-05-01,1234.50,bank,202605010001\n\
SK-002,C002,2026-05-03,300.00,cash,\n\
SK-003,C003,2026-05-08,1000.00,wechat,\n";

fn office_file(books: &mut Books, kind: ImportKind, name: &str) {
    let bytes = std::fs::read(format!("{OFFICE}/{name}")).unwrap();
    let form = ImportForm {
        kind,
        file_name: name.into(),
        content_base64: base64::engine::general_purpose::STANDARD.encode(bytes),
        mapping: None,
        override_reason: None,
        sheet: None,
    };
    books.import_file(&form).unwrap_or_else(|e| panic!("{name}: {e}"));
}

fn from_office_files() -> Books {
    let mut books = books_on("2026-12-06");
    office_file(&mut books, ImportKind::Customers, "customers_gbk.csv");
    office_file(&mut books, ImportKind::OpeningBalances, "opening_balances.xlsx");
    office_file(&mut books, ImportKind::Deliveries, "deliveries.xls");
    office_file(&mut books, ImportKind::Payments, "payments_bom.csv");
    books
}

fn from_our_csvs() -> Books {
    let mut books = books_on("2026-12-06");
    books.import_customers_csv(OUR_CUSTOMERS.as_bytes()).unwrap();
    books.import_opening_balances_csv(OUR_BALANCES.as_bytes()).unwrap();
    books.import_deliveries_csv(OUR_DELIVERIES.as_bytes(), None).unwrap();
    books.import_payments_csv(OUR_PAYMENTS.as_bytes()).unwrap();
    books
}

fn json<T: std::fmt::Debug>(value: &T) -> String {
    format!("{value:#?}")
}

#[test]
fn books_imported_from_office_files_age_exactly_like_books_imported_from_our_csvs() {
    let (mut office, mut ours) = (from_office_files(), from_our_csvs());
    for as_of in ["2024-01-31", "2024-03-31", "2026-05-05", "2026-12-06"] {
        for basis in [AgingBasis::DueDate, AgingBasis::DocumentDate] {
            let (a, b) =
                (office.aging_report(date(as_of), basis).unwrap(), ours.aging_report(date(as_of), basis).unwrap());
            assert_eq!(json(&a), json(&b), "aging as of {as_of}");
            let (a, b) =
                (office.aging_detail(date(as_of), basis).unwrap(), ours.aging_detail(date(as_of), basis).unwrap());
            assert_eq!(json(&a), json(&b), "aging detail as of {as_of}");
        }
    }
    let today = office.aging_report(date("2026-12-06"), AgingBasis::DueDate).unwrap();
    // 12345.50 + 800 + 0.30 opening, 165 + 120 + 700 delivered, 2534.50 paid.
    assert_eq!(today.totals.balance.to_string(), "11596.30");
    for code in ["C001", "C002", "C003"] {
        let (a, b) = (office.customer(code).unwrap(), ours.customer(code).unwrap());
        assert_eq!(json(&a.customer.fields), json(&b.customer.fields), "{code}'s profile");
        assert_eq!(a.balance, b.balance, "{code}'s balance");
    }
}
