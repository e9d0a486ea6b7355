//! Papers through the use cases: a delivery note is printed and frozen with its SHA-256 when
//! issued, signed once (on the pad or on paper scanned back) with the hash of what was
//! signed, kept unchangeable, and any change to a stored PDF is found by verification.

use std::path::{Path, PathBuf};

use base64::Engine;
use huikuan_app::documents::{PaperStatus, SignForm};
use huikuan_app::forms::{CustomerForm, DeliveryForm, LineForm};
use huikuan_app::{Books, FixedClock};
use huikuan_domain::{PaperKind, SignMethod};
use huikuan_store::testing::on_postgres;
use huikuan_tests::{books_at, books_on, date, drawn_signature, dump, pdf_pages, pdf_text, place_in, poppler};

const PHOTO: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/papers/signed-paper-photo.jpg");

fn customer(books: &mut Books, code: &str, name: &str, language: &str) {
    let form = CustomerForm {
        code: code.into(),
        name: name.into(),
        payment_terms: "net:30".into(),
        credit_limit: "50000".into(),
        doc_language: Some(language.parse().unwrap()),
        ..CustomerForm::default()
    };
    books.create_customer_form(form).unwrap();
}

fn deliver(books: &mut Books, code: &str, day: &str) -> String {
    let lines = vec![
        LineForm {
            item: "水泥 P.O 42.5".into(),
            unit: "吨".into(),
            quantity: "10".into(),
            unit_price: "412.35".into(),
            ..LineForm::default()
        },
        LineForm { item: "螺丝".into(), quantity: "333".into(), unit_price: "0.035".into(), ..LineForm::default() },
    ];
    let form = DeliveryForm {
        customer_code: code.into(),
        date: day.into(),
        contact_name: "王经理".into(),
        lines,
        ..DeliveryForm::default()
    };
    books.create_delivery_form(form).unwrap().number.unwrap()
}

fn pad(number: &str, signer: &str) -> SignForm {
    let (strokes, png) = drawn_signature(1);
    SignForm {
        number: number.into(),
        signer: signer.into(),
        signer_role: "仓库主管".into(),
        method: "pad".into(),
        strokes,
        image_base64: png,
        ..SignForm::default()
    }
}

fn scan(number: &str, signer: &str) -> SignForm {
    let photo = std::fs::read(PHOTO).unwrap();
    SignForm {
        number: number.into(),
        signer: signer.into(),
        method: "scan".into(),
        scan_base64: base64::engine::general_purpose::STANDARD.encode(photo),
        scan_file_name: "签收单.jpg".into(),
        ..SignForm::default()
    }
}

fn sha256(bytes: &[u8]) -> String {
    huikuan_app::customers::sha256_hex(bytes)
}

fn file_books(dir: &Path) -> (Books, PathBuf) {
    let path = dir.join("books.db");
    let books = Books::open(&path, Box::new(FixedClock::on(date("2026-12-01"))), "tester").unwrap();
    (books, path)
}

#[test]
fn issuing_a_delivery_note_prints_it_and_keeps_the_exact_bytes_with_their_hash() {
    let mut books = books_on("2026-12-01");
    customer(&mut books, "C100", "杭州新华超市", "zh");
    let number = deliver(&mut books, "C100", "2026-11-20");
    let paper = books.paper(&number).unwrap();
    assert_eq!((paper.kind, paper.status), (PaperKind::DeliveryNote, PaperStatus::Issued));
    assert_eq!(paper.amount.to_string(), "4135.16");
    let pdf = books.paper_pdf(&number, false).unwrap();
    assert_eq!(paper.sha256.as_deref(), Some(sha256(&pdf).as_str()), "the recorded hash is the stored bytes' hash");
    assert_eq!(paper.size_bytes, Some(pdf.len() as i64));
    let text = pdf_text(&pdf);
    for expected in ["送货单", &number, "杭州新华超市 (C100)", "王经理", "¥4,123.50", "人民币肆仟壹佰叁拾伍元壹角陆分"]
    {
        assert!(text.contains(expected), "{expected:?} missing:\n{text}");
    }
    assert!(books.verify_paper(&number).unwrap().ok);
    let listed = books.customer_papers("C100").unwrap();
    assert_eq!(listed.total, 1);
    assert_eq!(listed.papers[0].sha256, paper.sha256, "the documents tab shows the same fingerprint");
}

#[test]
fn a_customer_who_reads_english_gets_the_note_in_english() {
    let mut books = books_on("2026-12-01");
    customer(&mut books, "E1", "Pacific Tiles Ltd", "en");
    let number = deliver(&mut books, "E1", "2026-11-20");
    let text = pdf_text(&books.paper_pdf(&number, false).unwrap());
    for expected in
        ["DELIVERY NOTE", "Pacific Tiles Ltd (E1)", "net 30 days", "Amount in words", "Received by (customer)"]
    {
        assert!(text.contains(expected), "{expected:?} missing:\n{text}");
    }
}

#[test]
fn signing_on_the_pad_records_who_when_and_the_hash_of_the_pdf_signed_and_prints_it_on_the_note() {
    let mut books = books_on("2026-12-01");
    customer(&mut books, "C100", "杭州新华超市", "zh");
    let number = deliver(&mut books, "C100", "2026-11-20");
    let issued = books.paper_pdf(&number, false).unwrap();
    let signed = books.sign_paper(pad(&number, "王建国")).unwrap();
    assert_eq!(signed.status, PaperStatus::SignedPad);
    let s = signed.signature.clone().unwrap();
    assert_eq!((s.method, s.signer.as_str(), s.signer_role.as_str()), (SignMethod::Pad, "王建国", "仓库主管"));
    assert_eq!(s.signed_at, "2026-12-01T12:00:00Z", "the clock's moment, in UTC");
    assert_eq!(s.signs_sha256, sha256(&issued), "the signature names the exact PDF it is on");

    let signed_pdf = books.paper_pdf(&number, true).unwrap();
    assert_eq!(s.sha256, sha256(&signed_pdf));
    assert_eq!(pdf_pages(&signed_pdf), pdf_pages(&issued), "the signature goes in the box, not on a new page");
    let text = pdf_text(&signed_pdf);
    for expected in [
        "王建国 (仓库主管)",
        "2026-12-01",
        "2026-12-01 20:00 (UTC+08:00)",
        &s.signs_sha256[..16],
        "杭州新华超市 (C100)",
    ] {
        assert!(text.contains(expected), "{expected:?} missing from the signed note:\n{text}");
    }
    let images = poppler("pdfimages", &["-list"], &signed_pdf);
    assert!(images.lines().count() > 2, "the drawn signature is an image on the page:\n{images}");
    assert_eq!(books.paper_pdf(&number, false).unwrap(), issued, "the issued PDF is kept as it was");
    assert_eq!(books.customer_papers("C100").unwrap().papers[0].status, PaperStatus::SignedPad);
    let audit = books.audit_log(5).unwrap();
    assert!(audit.iter().any(|r| r.action == "sign" && r.entity == "document"), "signing is audited");
}

#[test]
fn a_signed_paper_is_never_signed_again_or_changed() {
    let mut books = books_on("2026-12-01");
    customer(&mut books, "C100", "杭州新华超市", "zh");
    let number = deliver(&mut books, "C100", "2026-11-20");
    books.sign_paper(pad(&number, "王建国")).unwrap();
    let before = dump(&mut books);
    let again = books.sign_paper(pad(&number, "李四")).unwrap_err();
    assert_eq!(again.code(), "rule");
    assert!(again.to_string().contains("was signed by 王建国 at 2026-12-01 20:00 (UTC+08:00)"), "{again}");
    assert!(again.message_in(huikuan_domain::DocLanguage::Zh).contains("已签字的单据不能再次签字"));
    assert_eq!(dump(&mut books), before, "a refusal writes nothing");
    for sql in [
        "UPDATE documents SET sha256 = lower(sha256)",
        "DELETE FROM documents",
        "UPDATE signatures SET signer = '李四'",
        "DELETE FROM signatures",
    ] {
        let err = books.store().execute_raw(sql).unwrap_err();
        assert_eq!(err.code(), "append_only", "{sql}: {err}");
    }
}

#[test]
fn bad_signatures_are_refused_by_field_and_change_nothing() {
    let mut books = books_on("2026-12-01");
    customer(&mut books, "C100", "杭州新华超市", "zh");
    let number = deliver(&mut books, "C100", "2026-11-20");
    let before = dump(&mut books);
    let cases: Vec<(SignForm, &str, &str)> = vec![
        (SignForm { signer: "  ".into(), ..pad(&number, "") }, "signer", "请填写签字人姓名"),
        (SignForm { strokes: "[]".into(), ..pad(&number, "王") }, "signature", "尚未签字"),
        (SignForm { strokes: "not json".into(), ..pad(&number, "王") }, "signature", "尚未签字"),
        (SignForm { image_base64: "aGVsbG8=".into(), ..pad(&number, "王") }, "signature", "签名不是 PNG 图片"),
        (SignForm { image_base64: "%%%".into(), ..pad(&number, "王") }, "signature", "无法读取该文件"),
        (SignForm { method: "fax".into(), ..pad(&number, "王") }, "sign_method", "签字方式"),
        (SignForm { scan_base64: "R0lGODlhAQABAAAAACw=".into(), ..scan(&number, "王") }, "scan", "PNG 或 JPEG"),
        (pad("SD-2026-000099", "王"), "", "单据“SD-2026-000099”不存在"),
        (pad("PM-2026-000001", "王"), "", "不存在"),
    ];
    for (form, field, zh) in cases {
        let err = books.sign_paper(form).unwrap_err();
        let view = err.view(huikuan_domain::DocLanguage::Zh);
        assert_eq!(view.field.as_deref().unwrap_or(""), field, "{view:?}");
        assert!(view.message.contains(zh), "{zh:?} not in {view:?}");
    }
    assert_eq!(dump(&mut books), before, "nothing was written");
}

#[test]
fn a_scan_of_the_signed_paper_is_kept_with_the_customer_and_follows_the_note_as_its_last_page() {
    let dir = tempfile::tempdir().unwrap();
    let mut books = books_at(&place_in(dir.path()), "2026-12-01", "tester");
    customer(&mut books, "C100", "杭州新华超市", "zh");
    let number = deliver(&mut books, "C100", "2026-11-20");
    let signed = books.sign_paper(scan(&number, "李会计")).unwrap();
    assert_eq!(signed.status, PaperStatus::SignedScan);
    assert_eq!(signed.signature.as_ref().unwrap().scan_file_name.as_deref(), Some("签收单.jpg"));
    let pdf = books.paper_pdf(&number, true).unwrap();
    assert_eq!(pdf_pages(&pdf), pdf_pages(&books.paper_pdf(&number, false).unwrap()) + 1);
    let text = pdf_text(&pdf);
    assert!(text.contains("附页：客户签字的纸质单据扫描件"), "{text}");
    assert!(text.contains("客户签字的纸质单据扫描件见附页"), "{text}");
    let images = poppler("pdfimages", &["-list"], &pdf);
    assert!(images.contains("jpeg"), "the photo is embedded as it was taken:\n{images}");
    let photo_sha = sha256(&std::fs::read(PHOTO).unwrap());
    let files = books.attachments("C100").unwrap();
    assert_eq!(files.len(), 1);
    assert_eq!(files[0].fields.sha256, photo_sha);
    let check = books.verify_paper(&number).unwrap();
    assert!(check.ok && check.checks.iter().any(|c| c.what == "scan"), "{check:?}");
    if on_postgres() {
        // Shared books keep the scan in the database, append-only: there is no file beside
        // the books to replace.
        return;
    }
    assert!(dir.path().join("attachments").join(&photo_sha[..2]).join(&photo_sha).exists());

    // The scan on disk replaced by another file: found.
    std::fs::write(dir.path().join("attachments").join(&photo_sha[..2]).join(&photo_sha), b"forged").unwrap();
    let check = books.verify_paper(&number).unwrap();
    assert!(!check.ok);
    assert_eq!(check.checks.iter().filter(|c| !c.ok).map(|c| c.what.as_str()).collect::<Vec<_>>(), ["scan"]);
}

/// Flips one byte of `needle`'s first occurrence in the file, as a tamperer with a hex editor would.
fn flip_a_byte_of(path: &Path, pdf: &[u8]) {
    let mut file = std::fs::read(path).unwrap();
    // The PDF runs over several database pages: look for a piece of it that sits in one.
    let at = (0..pdf.len() - 48)
        .step_by(97)
        .skip(40)
        .find_map(|start| {
            let piece = &pdf[start..start + 48];
            file.windows(48).position(|w| w == piece)
        })
        .expect("a piece of the PDF lies whole in one page of the file");
    file[at + 20] ^= 0x01;
    std::fs::write(path, file).unwrap();
}

#[test]
fn verification_finds_a_single_byte_changed_in_a_stored_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let (mut books, path) = file_books(dir.path());
    customer(&mut books, "C100", "杭州新华超市", "zh");
    let number = deliver(&mut books, "C100", "2026-11-20");
    books.sign_paper(pad(&number, "王建国")).unwrap();
    let issued = books.paper_pdf(&number, false).unwrap();
    assert!(books.verify_all_papers().unwrap().iter().all(|v| v.ok));
    drop(books);

    flip_a_byte_of(&path, &issued);
    let (mut books, _) = file_books(dir.path());
    let check = books.verify_paper(&number).unwrap();
    assert!(!check.ok, "{check:?}");
    let bad: Vec<&str> = check.checks.iter().filter(|c| !c.ok).map(|c| c.what.as_str()).collect();
    assert_eq!(bad, ["issued_pdf"], "the signed PDF and the signature's record are intact");
    let issued_check = &check.checks[0];
    assert_eq!(issued_check.recorded, sha256(&issued));
    assert_ne!(issued_check.actual, issued_check.recorded);
}

#[test]
fn a_note_entered_from_history_is_printed_and_frozen_the_first_time_it_is_needed() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("deliveries.csv");
    std::fs::write(
        &file,
        "number,customer_code,date,item,quantity,unit_price,due_date\nH-1,C100,2026-10-01,瓷砖,20,35.5,\n",
    )
    .unwrap();
    let mut books = books_on("2026-12-01");
    customer(&mut books, "C100", "杭州新华超市", "zh");
    books.import_deliveries(&file, None).unwrap();
    let listed = books.customer_papers("C100").unwrap();
    assert_eq!(listed.papers[0].sha256, None, "imported history is not printed on import");
    let paper = books.paper("H-1").unwrap();
    assert_eq!(paper.kind, PaperKind::DeliveryNote, "a note keeps the number it was imported with");
    assert!(paper.sha256.is_some(), "and is printed when first needed");
    let err = books.paper("H-2").unwrap_err();
    assert_eq!(err.code(), "unknown_document");

    let mut books = books_on("2026-12-01");
    customer(&mut books, "C100", "杭州新华超市", "zh");
    std::fs::write(
        &file,
        "number,customer_code,date,item,quantity,unit_price,due_date\nSD-2025-000007,C100,2025-10-01,瓷砖,20,35.5,\n",
    )
    .unwrap();
    books.import_deliveries(&file, None).unwrap();
    assert_eq!(books.customer_papers("C100").unwrap().papers[0].sha256, None);
    let pdf = books.paper_pdf("SD-2025-000007", false).unwrap();
    assert!(pdf_text(&pdf).contains("SD-2025-000007"));
    let listed = books.customer_papers("C100").unwrap();
    assert_eq!(listed.papers[0].sha256, Some(sha256(&pdf)), "printed once, frozen from then on");
    assert_eq!(books.paper_pdf("SD-2025-000007", false).unwrap(), pdf);
}

#[test]
fn the_company_logo_heads_the_notes_issued_after_it_is_set_and_not_those_before() {
    let mut books = books_on("2026-12-01");
    customer(&mut books, "C100", "杭州新华超市", "zh");
    let before = deliver(&mut books, "C100", "2026-11-20");
    let logo = base64::engine::general_purpose::STANDARD.encode(huikuan_docs::sample::signature_png(9));
    let images = books.set_company_image("logo", Some(&logo)).unwrap();
    assert!(images.logo.unwrap().starts_with("data:image/png;base64,"));
    let after = deliver(&mut books, "C100", "2026-11-21");
    let count = |pdf: Vec<u8>| poppler("pdfimages", &["-list"], &pdf).lines().count() - 2;
    assert_eq!(count(books.paper_pdf(&before, false).unwrap()), 0, "an issued note keeps its paper");
    assert!(count(books.paper_pdf(&after, false).unwrap()) >= 1, "the logo is on the new one");
    let refused = books.set_company_image("logo", Some("aGVsbG8=")).unwrap_err();
    assert_eq!(refused.field().as_deref(), Some("image"));
    assert_eq!(books.set_company_image("seal", None).unwrap_err().field().as_deref(), Some("image"));
}

#[test]
fn a_version_2_book_opens_at_the_latest_version_and_its_notes_print_when_first_needed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("books.db");
    std::fs::copy(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/schema/v2.db"), &path).unwrap();
    let mut books = Books::open(&path, Box::new(FixedClock::on(date("2026-12-01"))), "tester").unwrap();
    let latest = huikuan_store::latest_version();
    assert!(dir.path().join(format!("books.db.v2-before-v{latest}.bak")).exists());
    // A SQLite file records its schema version in user_version: this test is about such a file.
    let version: i64 = books.store().query_value("PRAGMA user_version").unwrap();
    assert_eq!(version, latest);
    let detail = books.customer("V2").unwrap();
    assert_eq!(detail.balance.to_string(), "1550.00", "2,550.00 delivered, 1,000.00 paid");
    assert_eq!(books.customer_credit("V2", None).unwrap().overrides.len(), 1);
    assert_eq!(books.customer_papers("V2").unwrap().papers[0].sha256, None);
    let text = pdf_text(&books.paper_pdf("SD-2026-000001", false).unwrap());
    assert!(text.contains("第二版客户 (V2)") && text.contains("¥2,550.00"), "{text}");
}
