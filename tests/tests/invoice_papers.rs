//! Invoices on the papers: the statement's invoice column, the letter's invoice numbers of
//! the overdue items, the ledger's invoices beside each delivery and the evidence pack's list
//! of invoices, each read back from the PDF with pdftotext.

use huikuan_app::evidence::EvidenceRequest;
use huikuan_app::invoices::{CoverForm, InvoiceForm, ReachForm};
use huikuan_app::{Books, CustomerFields};
use huikuan_domain::{DocLanguage, Money, PaperKind, PaymentTerms, Period};
use huikuan_tests::{books_at, books_on, deliver, pdf_text, place_in};

const INVOICE: &str = "26332000000012345678";

/// A customer (documents in `language`) with two September deliveries, the first invoiced.
fn shop(language: DocLanguage) -> (Books, String, String) {
    let mut books = books_on("2026-11-30");
    let (first, second) = stock(&mut books, language);
    (books, first, second)
}

/// The customer, its deliveries and its invoice, in `books`.
fn stock(books: &mut Books, language: DocLanguage) -> (String, String) {
    let mut fields = CustomerFields::new("C001", "华联超市有限公司");
    fields.payment_terms = PaymentTerms::Net(30);
    fields.credit_limit = Money::from_cents(100_000_000);
    fields.doc_language = language;
    books.create_customer(fields, Vec::new()).unwrap();
    let first = deliver(books, "C001", "2026-09-03", 11300);
    let second = deliver(books, "C001", "2026-09-20", 2000);
    let form = InvoiceForm {
        customer_code: "C001".into(),
        invoice_number: INVOICE.into(),
        invoice_kind: "digital_special".into(),
        date: "2026-10-05".into(),
        amount: "11300".into(),
        tax: "1300".into(),
        rate: "13".into(),
        covers: vec![CoverForm { receivable: first.clone(), amount: "11300".into() }],
        ..InvoiceForm::default()
    };
    books.add_invoice(&form).unwrap();
    let reach = ReachForm {
        invoice_number: INVOICE.into(),
        channel: "email".into(),
        date: "2026-10-06".into(),
        ..ReachForm::default()
    };
    books.invoice_reached(&reach).unwrap();
    (first, second)
}

fn plain(pdf: &[u8]) -> String {
    pdf_text(pdf).split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn a_statement_lists_the_invoice_beside_the_delivery_it_covers() {
    for language in [DocLanguage::Zh, DocLanguage::En] {
        let (mut books, first, second) = shop(language);
        let statement = books.issue_statement("C001", Period::month("2026-09").unwrap(), false).unwrap();
        let text =
            plain(&books.paper_pdf_of_kind(&statement.summary.number, Some(PaperKind::Statement), false).unwrap());
        let heading = if language == DocLanguage::Zh { "发票号码" } else { "Invoice" };
        assert!(text.contains(heading), "{text}");
        let line = &text[text.find(&first).expect("the first delivery")..];
        assert!(line[..line.find(&second).unwrap_or(line.len())].contains(INVOICE), "{text}");
        assert_eq!(text.matches(INVOICE).count(), 1, "only beside the delivery it covers: {text}");
    }
}

#[test]
fn a_statement_of_a_customer_with_no_invoice_has_no_invoice_column() {
    let mut books = books_on("2026-11-30");
    books.create_customer(CustomerFields::new("C002", "散客"), Vec::new()).unwrap();
    deliver(&mut books, "C002", "2026-09-03", 100);
    let statement = books.issue_statement("C002", Period::month("2026-09").unwrap(), false).unwrap();
    let text = plain(&books.paper_pdf_of_kind(&statement.summary.number, Some(PaperKind::Statement), false).unwrap());
    assert!(!text.contains("发票号码"), "{text}");
}

#[test]
fn a_letter_names_the_invoices_of_the_overdue_items_and_the_ledger_shows_them() {
    let (mut books, first, _) = shop(DocLanguage::Zh);
    let letter = books.issue_letter("C001", 1, None).unwrap();
    let text = plain(&books.paper_pdf_of_kind(&letter.number, Some(PaperKind::Letter), false).unwrap());
    assert!(text.contains("发票号码") && text.contains(INVOICE), "{text}");
    let ledger = books.customer_ledger("C001", None).unwrap();
    let line = ledger.entries.iter().find(|l| l.number == first).unwrap();
    assert_eq!(line.invoices, [INVOICE]);
    let page = books.customer_ledger_page("C001", 0, 50).unwrap();
    assert_eq!(page.entries.iter().find(|l| l.number == first).unwrap().invoices, [INVOICE]);
}

#[test]
fn the_evidence_pack_lists_the_invoices_with_how_they_reached_the_customer() {
    let dir = tempfile::tempdir().unwrap();
    let (mut books, first, _) = shop(DocLanguage::Zh);
    let out = dir.path().join("pack");
    let manifest =
        books.evidence_pack(&EvidenceRequest { customer_code: "C001".into(), receivables: vec![] }, &out).unwrap();
    let listed = manifest.documents.iter().find(|d| d.kind == "invoices").expect("the invoice list is in the pack");
    assert!(listed.file.starts_with("1-delivery-notes/"), "beside the delivery notes: {}", listed.file);
    let text = plain(&std::fs::read(out.join(&listed.file)).unwrap());
    for said in ["已开发票清单", INVOICE, "数电专票", "11,300.00", &first, "2026-10-06", "电子邮件"] {
        assert!(text.contains(said), "{said} in {text}");
    }
}

#[test]
fn a_scanned_invoice_goes_into_the_evidence_pack_beside_the_delivery_notes() {
    let dir = tempfile::tempdir().unwrap();
    // Attached files are kept beside books on disk (or on the server).
    let mut books = books_at(&place_in(dir.path()), "2026-11-30", "tester");
    stock(&mut books, DocLanguage::Zh);
    let scan = b"\x89PNG\r\n\x1a\n a scan of the invoice".to_vec();
    let view = books.attach_invoice_scan("", INVOICE, "发票扫描.png", &scan).unwrap();
    assert_eq!(view.scans.iter().map(|s| s.file_name.as_str()).collect::<Vec<_>>(), ["发票扫描.png"]);
    assert!(books.attach_invoice_scan("", "26332000000000000000", "x.png", &scan).is_err(), "no such invoice");
    let out = dir.path().join("pack");
    let manifest =
        books.evidence_pack(&EvidenceRequest { customer_code: "C001".into(), receivables: vec![] }, &out).unwrap();
    let kept = manifest.documents.iter().find(|d| d.kind == "invoice_scan").expect("the scan is in the pack");
    assert_eq!(
        (kept.number.as_str(), kept.file.as_str()),
        (INVOICE, "1-delivery-notes/invoice-26332000000012345678-1.png")
    );
    assert_eq!(std::fs::read(out.join(&kept.file)).unwrap(), scan);
}
