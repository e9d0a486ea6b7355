//! Delivery notes imported with the numbers of the user's old system (`ZC-001`,
//! `No.0012345`, `2024-001`, even `2024/001`) are papers like those issued here: printed,
//! signed, verified, listed, sent, on statements, letters and evidence packs. A number two
//! papers share is refused until the kind is said.

use base64::Engine;
use huikuan_app::documents::{SendForm, SignForm};
use huikuan_app::evidence::{verify_pack, EvidenceRequest};
use huikuan_app::forms::CustomerForm;
use huikuan_app::Books;
use huikuan_domain::{PaperKind, Period};
use huikuan_tests::{books_at, drawn_signature, pdf_text, place_in};

const PHOTO: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/papers/signed-paper-photo.jpg");
const NUMBERS: [&str; 5] = ["ZC-001", "No.0012345", "2024-001", "2024/001", "2024_001"];

fn books_in(dir: &std::path::Path) -> Books {
    // A place that keeps attached files (the scans): a file on SQLite, a server database.
    let mut books = books_at(&place_in(dir), "2026-12-01", "tester");
    let form = CustomerForm {
        code: "C100".into(),
        name: "杭州新华超市".into(),
        payment_terms: "net:30".into(),
        credit_limit: "500000".into(),
        doc_language: Some("zh".parse().unwrap()),
        ..CustomerForm::default()
    };
    books.create_customer_form(form).unwrap();
    let mut csv = String::from("number,customer_code,date,item,quantity,unit_price,due_date\n");
    for (i, number) in NUMBERS.iter().enumerate() {
        csv.push_str(&format!("{number},C100,2026-09-{:02},瓷砖,{},35.5,2026-10-01\n", i + 1, 10 + i));
    }
    books.import_deliveries_csv(csv.as_bytes(), None).unwrap();
    books
}

fn pad(number: &str) -> SignForm {
    let (strokes, png) = drawn_signature(3);
    SignForm {
        number: number.into(),
        signer: "王建国".into(),
        method: "pad".into(),
        strokes,
        image_base64: png,
        ..SignForm::default()
    }
}

fn scan(number: &str) -> SignForm {
    SignForm {
        number: number.into(),
        signer: "李会计".into(),
        method: "scan".into(),
        scan_base64: base64::engine::general_purpose::STANDARD.encode(std::fs::read(PHOTO).unwrap()),
        scan_file_name: "签收单.jpg".into(),
        ..SignForm::default()
    }
}

#[test]
fn an_imported_note_is_printed_signed_verified_listed_and_sent_by_its_own_number() {
    let dir = tempfile::tempdir().unwrap();
    let mut books = books_in(dir.path());
    let listed = books.customer_papers("C100").unwrap();
    for number in NUMBERS {
        let paper = listed.papers.iter().find(|p| p.number == number).unwrap_or_else(|| panic!("{number} listed"));
        assert_eq!(paper.kind, PaperKind::DeliveryNote);
    }
    let err = books.verify_paper("ZC-001").unwrap_err();
    assert!(err.to_string().contains("never printed"), "{err}");

    for number in NUMBERS {
        let pdf = books.paper_pdf(number, false).unwrap();
        assert!(pdf.starts_with(b"%PDF"), "{number}");
        assert!(pdf_text(&pdf).contains(number), "{number} printed on its paper");
        assert_eq!(books.paper(&format!("  {number} ")).unwrap().kind, PaperKind::DeliveryNote, "found trimmed");
    }
    let signed = books.sign_paper(scan("ZC-001")).unwrap();
    assert_eq!(signed.signature.unwrap().signer, "李会计");
    books.sign_paper(pad("No.0012345")).unwrap();
    assert!(pdf_text(&books.paper_pdf("No.0012345", true).unwrap()).contains("王建国"));
    for number in NUMBERS {
        let check = books.verify_paper(number).unwrap();
        assert!(check.ok, "{number}: {check:?}");
    }
    assert!(books.verify_all_papers().unwrap().iter().all(|v| v.ok));
    let sent = books
        .record_sending(SendForm { number: "2024-001".into(), channel: "hand".into(), ..SendForm::default() })
        .unwrap();
    assert_eq!(sent.len(), 1);
    let listed = books.customer_papers("C100").unwrap();
    let status = |n: &str| listed.papers.iter().find(|p| p.number == n).unwrap().status;
    assert_eq!(status("ZC-001"), huikuan_app::documents::PaperStatus::SignedScan);
    assert_eq!(status("No.0012345"), huikuan_app::documents::PaperStatus::SignedPad);
}

#[test]
fn imported_notes_are_on_statements_letters_and_evidence_packs() {
    let dir = tempfile::tempdir().unwrap();
    let mut books = books_in(dir.path());
    let statement = books.issue_statement("C100", Period::month("2026-09").unwrap(), false).unwrap();
    let text = pdf_text(&books.paper_pdf(&statement.summary.number, false).unwrap());
    for number in NUMBERS {
        assert!(text.contains(number), "{number} on the statement:\n{text}");
    }
    let letter = books.issue_letter("C100", 1, None).unwrap();
    let items: Vec<&str> = letter.items.iter().map(|i| i.number.as_str()).collect();
    for number in NUMBERS {
        assert!(items.contains(&number), "{number} among the letter's items {items:?}");
    }
    let text = pdf_text(&books.paper_pdf(&letter.number, false).unwrap());
    assert!(text.contains("No.0012345"), "{text}");

    // Not one of the notes was printed before: the pack prints what it carries.
    books.sign_paper(pad("ZC-001")).unwrap();
    let out = dir.path().join("pack");
    let manifest =
        books.evidence_pack(&EvidenceRequest { customer_code: "C100".into(), receivables: vec![] }, &out).unwrap();
    let notes: Vec<&str> =
        manifest.documents.iter().filter(|d| d.kind == "delivery_note").map(|d| d.file.as_str()).collect();
    assert_eq!(notes.len(), NUMBERS.len(), "{notes:?}");
    for file in
        ["1-delivery-notes/ZC-001-signed.pdf", "1-delivery-notes/No.0012345.pdf", "1-delivery-notes/2024-001.pdf"]
    {
        assert!(notes.contains(&file), "{file} in {notes:?}");
        assert!(out.join(file).is_file(), "{file} written");
    }
    let slashed: Vec<&&str> = notes.iter().filter(|f| f.starts_with("1-delivery-notes/2024_001")).collect();
    assert_eq!(slashed.len(), 2, "2024/001 and 2024_001 both kept: {notes:?}");
    for doc in manifest.documents.iter().filter(|d| d.kind == "delivery_note") {
        assert!(!doc.file.trim_start_matches("1-delivery-notes/").contains(['/', '\\']), "{}", doc.file);
        assert!(out.join(&doc.file).is_file(), "{}", doc.file);
    }
    let slashed = manifest.documents.iter().find(|d| d.number == "2024/001").unwrap();
    let text = pdf_text(&std::fs::read(out.join(&slashed.file)).unwrap());
    assert!(text.contains("2024/001"), "the file of 2024/001 is its paper");
    assert!(verify_pack(&out).unwrap().intact);
}

#[test]
fn a_number_two_papers_share_is_refused_until_its_kind_is_said() {
    let dir = tempfile::tempdir().unwrap();
    let mut books = books_in(dir.path());
    let statement = books.issue_statement("C100", Period::month("2026-09").unwrap(), false).unwrap();
    let shared = statement.summary.number.clone();
    let csv =
        format!("number,customer_code,date,item,quantity,unit_price,due_date\n{shared},C100,2026-11-10,地砖,4,20,\n");
    books.import_deliveries_csv(csv.as_bytes(), None).unwrap();

    let err = books.paper_pdf(&shared, false).unwrap_err();
    assert_eq!(err.code(), "ambiguous_document", "{err}");
    let en = err.to_string();
    assert!(en.contains("delivery note") && en.contains("statement"), "{en}");
    let zh = err.view(huikuan_domain::DocLanguage::Zh).message;
    assert!(zh.contains("送货单") && zh.contains("对账单"), "{zh}");
    assert_eq!(books.paper(&shared).unwrap_err().code(), "ambiguous_document");
    assert_eq!(books.sign_paper(pad(&shared)).unwrap_err().code(), "ambiguous_document");

    let note = books.paper_of_kind(&shared, Some(PaperKind::DeliveryNote)).unwrap();
    assert_eq!((note.kind, note.amount.to_string()), (PaperKind::DeliveryNote, "80.00".to_string()));
    let pdf = books.paper_pdf_of_kind(&shared, Some(PaperKind::DeliveryNote), false).unwrap();
    assert!(pdf_text(&pdf).contains("地砖"), "the note, not the statement");
    let own = books.paper_pdf_of_kind(&shared, Some(PaperKind::Statement), false).unwrap();
    assert!(!pdf_text(&own).contains("地砖"));
    let signed = books.sign_paper(SignForm { kind: Some(PaperKind::DeliveryNote), ..pad(&shared) }).unwrap();
    assert_eq!(signed.kind, PaperKind::DeliveryNote);
    assert!(books.verify_paper_of_kind(&shared, Some(PaperKind::Statement)).unwrap().ok);
    let missing = books.paper_of_kind("ZC-001", Some(PaperKind::Letter)).unwrap_err();
    assert_eq!(missing.code(), "unknown_document");
    assert!(missing.to_string().contains("dunning letter 'ZC-001'"), "{missing}");
    assert_eq!(books.paper("ZC-999").unwrap_err().to_string(), "document 'ZC-999' does not exist");
}
