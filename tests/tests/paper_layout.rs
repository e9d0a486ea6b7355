//! Reports and delivery notes as paper, through the use cases: the aging PDFs (landscape
//! where they need the width, a total row in every version, no negative days, zero rows
//! hideable) and delivery notes on the paper chosen in settings, with the customer's
//! address and contact when the note was entered without them.

use huikuan_app::forms::CustomerForm;
use huikuan_app::ledger::{NewDelivery, NewDeliveryLine};
use huikuan_app::reports::ReportRequest;
use huikuan_app::sheets::{Cell, SheetFormat};
use huikuan_app::{Books, ContactFields};
use huikuan_domain::{ContactRole, DocLanguage};
use huikuan_tests::{books_on, date, demo_books, pdf_pages, pdf_text, poppler};

/// Page width and height in points, from pdfinfo.
fn page_points(pdf: &[u8]) -> (f32, f32) {
    let info = poppler("pdfinfo", &[], pdf);
    let line = info.lines().find_map(|l| l.strip_prefix("Page size:")).unwrap();
    let numbers: Vec<f32> = line.split_whitespace().filter_map(|w| w.parse().ok()).collect();
    (numbers[0], numbers[1])
}

fn money_text(cell: &Cell) -> Option<String> {
    match cell {
        Cell::Money(m) => Some(m.yuan().replace('¥', "")),
        _ => None,
    }
}

#[test]
fn every_aging_pdf_has_a_total_row_whole_figures_and_no_negative_days_and_the_summary_is_landscape() {
    let dir = tempfile::tempdir().unwrap();
    let today = date("2026-12-01");
    let mut books = demo_books(dir.path(), "2026-12-01");
    let requests = [
        ReportRequest::Aging { as_of: today, by_document_date: false, hide_zero: None },
        ReportRequest::AgingDetail { as_of: today, by_document_date: false, hide_zero: None },
        ReportRequest::AgingBySalesperson { as_of: today, by_document_date: false, hide_zero: None },
    ];
    for (n, request) in requests.iter().enumerate() {
        for language in [DocLanguage::Zh, DocLanguage::En] {
            let (sheet, pdf) = books.export_report(request, SheetFormat::Pdf, language).unwrap();
            let text = pdf_text(&pdf);
            let what = format!("{} {language:?}", sheet.name);
            assert_eq!(sheet.totals.len(), 1, "{what}: a total row");
            let total = if language == DocLanguage::Zh { "合计" } else { "Total" };
            assert!(text.contains(total), "{what}: the total row is printed");
            for cell in sheet.rows.iter().chain(&sheet.totals).flatten() {
                if let Some(figure) = money_text(cell) {
                    assert!(text.contains(&figure), "{what}: {figure} is split across lines");
                }
            }
            if n == 0 {
                let (w, h) = page_points(&pdf);
                assert!(w > h, "{what}: the 11-column summary is landscape ({w} x {h} pt)");
            }
            if n == 1 {
                let days = sheet.columns.iter().position(|c| c.key == "days").unwrap();
                assert!(sheet.rows.iter().all(|r| !matches!(r[days], Cell::Int(d) if d < 0)), "{what}");
                let not_due = if language == DocLanguage::Zh { "未到期" } else { "not due" };
                assert!(sheet.rows.iter().any(|r| r[days] == Cell::text(not_due)), "{what}: items not yet due");
                let number = sheet.columns.iter().position(|c| c.key == "number").unwrap();
                for row in &sheet.rows {
                    let shown = row[number].display();
                    assert!(text.contains(&shown), "{what}: document number {shown} is broken across lines");
                }
            }
            if n == 2 {
                // The bucket headings all whole on one line (or all broken alike: none is).
                let heading_line = text.lines().find(|l| l.contains(&sheet.columns[1].title)).unwrap_or("");
                for column in &sheet.columns {
                    assert!(
                        heading_line.contains(&column.title),
                        "{what}: heading {} broken over lines:\n{text}",
                        column.title
                    );
                }
            }
            assert!(pdf_pages(&pdf) >= 1);
        }
    }
}

#[test]
fn zero_rows_are_left_out_when_asked_and_the_totals_stay_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let today = date("2026-12-01");
    let mut books = demo_books(dir.path(), "2026-12-01");
    let all = ReportRequest::Aging { as_of: today, by_document_date: false, hide_zero: None };
    let some = ReportRequest::Aging { as_of: today, by_document_date: false, hide_zero: Some(true) };
    let every = books.report_sheet(&all, DocLanguage::Zh).unwrap();
    let shown = books.report_sheet(&some, DocLanguage::Zh).unwrap();
    let zero = |row: &Vec<Cell>| row.iter().filter_map(money_text).all(|m| m == "0.00");
    assert!(every.rows.iter().any(zero), "the demo has customers with nothing owed");
    assert!(!shown.rows.iter().any(zero), "none is shown when zero rows are hidden");
    assert_eq!(shown.rows.len(), every.rows.iter().filter(|r| !zero(r)).count());
    assert_eq!(shown.totals, every.totals);
    let by = ReportRequest::AgingBySalesperson { as_of: today, by_document_date: false, hide_zero: Some(true) };
    assert_eq!(books.report_sheet(&by, DocLanguage::En).unwrap().totals[0][0], Cell::text("Total"));
}

fn note(books: &mut Books, code: &str, day: &str) -> String {
    let line = |item: &str, quantity: &str, price: &str| NewDeliveryLine {
        item: item.into(),
        spec: String::new(),
        unit: "箱".into(),
        quantity: quantity.parse().unwrap(),
        unit_price: price.parse().unwrap(),
    };
    let input = NewDelivery {
        customer_code: code.into(),
        date: date(day),
        due_date: None,
        number: None,
        contact_name: String::new(),
        address: String::new(),
        memo: String::new(),
        lines: vec![line("瓷砖 600×600", "12", "12.2"), line("防水卷材", "2", "3950")],
        override_reason: None,
    };
    books.create_delivery(input).unwrap().number.unwrap()
}

#[test]
fn a_note_entered_without_address_or_contact_prints_the_customers_on_the_paper_chosen_in_settings() {
    let mut books = books_on("2026-12-01");
    let form = CustomerForm {
        code: "C100".into(),
        name: "杭州新华超市".into(),
        address: "杭州市西湖区文三路 1 号".into(),
        phone: "0571-87000000".into(),
        payment_terms: "net:30".into(),
        credit_limit: "50000".into(),
        ..CustomerForm::default()
    };
    books.create_customer_form(form).unwrap();
    let contact = |name: &str, role: ContactRole, phone: &str| ContactFields {
        name: name.into(),
        role,
        phone: phone.into(),
        wechat: String::new(),
        email: String::new(),
        notes: String::new(),
    };
    books.add_contact("C100", contact("李会计", ContactRole::Finance, "13900000000")).unwrap();
    books.add_contact("C100", contact("王采购", ContactRole::Purchaser, "13800001111")).unwrap();

    let first = note(&mut books, "C100", "2026-11-20");
    let first_pdf = books.paper_pdf(&first, false).unwrap();
    assert_eq!(page_points(&first_pdf).0.round(), 595.0, "A4 until another paper is chosen");
    let text = pdf_text(&first_pdf);
    for expected in ["杭州市西湖区文三路 1 号", "王采购", "13800001111", "¥12.20", "¥3,950.00"] {
        assert!(text.contains(expected), "{expected:?} missing from:\n{text}");
    }

    for (paper, points) in [("A5", (419.5, 595.3)), ("241x140", (683.1, 396.9))] {
        let mut company = books.company().unwrap();
        company.papers.delivery_note = paper.into();
        books.update_company(company).unwrap();
        let number = note(&mut books, "C100", "2026-11-25");
        let pdf = books.paper_pdf(&number, false).unwrap();
        let (w, h) = page_points(&pdf);
        assert!((w - points.0).abs() < 1.0 && (h - points.1).abs() < 1.0, "{paper}: {w} x {h}");
        assert!(pdf_text(&pdf).contains("王采购"), "{paper}");
    }
    assert_eq!(books.paper_pdf(&first, false).unwrap(), first_pdf, "a frozen note keeps its bytes");

    let mut company = books.company().unwrap();
    company.papers.delivery_note = "Letter".into();
    let refused = books.update_company(company).unwrap_err();
    assert!(refused.to_string().contains("241x140"), "{refused}");
}
