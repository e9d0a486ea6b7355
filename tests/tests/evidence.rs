//! The evidence pack of a demo customer: every document it holds is the stored one (its
//! hash is the one recorded), the manifest lists each with its SHA-256, a check of the
//! folder passes, and any change to it (a byte, a missing file, an added one) is found.

use huikuan_app::documents::SignForm;
use huikuan_app::evidence::{verify_pack, EvidenceRequest, Manifest};
use huikuan_app::interest::InterestTerms;
use huikuan_app::Books;
use huikuan_domain::Period;
use huikuan_tests::{demo_books, drawn_signature};
use sha2_free::hex_sha256;

mod sha2_free {
    /// SHA-256 by the system's sha256sum: the test checks the manifest with a tool of its own.
    pub fn hex_sha256(path: &std::path::Path) -> String {
        let out = std::process::Command::new("sha256sum").arg(path).output().expect("sha256sum runs");
        String::from_utf8(out.stdout).unwrap().split_whitespace().next().unwrap().to_string()
    }
}

fn demo(dir: &std::path::Path) -> Books {
    demo_books(dir, "2026-12-01")
}

/// The demo customer with the most signed papers.
fn signed_customer(books: &mut Books) -> String {
    books
        .store()
        .query_value(
            "SELECT c.code FROM signatures s JOIN documents d ON d.id = s.document_id
             JOIN customers c ON c.id = d.customer_id GROUP BY c.code ORDER BY count(*) DESC, c.code LIMIT 1",
        )
        .unwrap()
}

/// How many rows of `table` (contact_logs, promises) the customer has.
fn count(books: &mut Books, table: &str, code: &str) -> i64 {
    books
        .store()
        .read(|tx| {
            tx.query_row(
                &format!("SELECT count(*) FROM {table} t JOIN customers c ON c.id = t.customer_id WHERE c.code = ?1"),
                [code],
                |r| r.get(0),
            )
        })
        .unwrap()
}

/// The text of a PDF of the pack, as a reader's tool extracts it.
fn pdf_text(path: &std::path::Path) -> String {
    let out = std::process::Command::new("pdftotext").arg("-layout").arg(path).arg("-").output().expect("pdftotext");
    String::from_utf8(out.stdout).unwrap()
}

fn signed(number: &str, signer: &str) -> SignForm {
    let (strokes, png) = drawn_signature(7);
    SignForm {
        number: number.into(),
        signer: signer.into(),
        method: "pad".into(),
        strokes,
        image_base64: png,
        ..SignForm::default()
    }
}

#[test]
fn a_pack_holds_every_kind_of_paper_and_its_manifest_hashes_verify() {
    let dir = tempfile::tempdir().unwrap();
    let mut books = demo(dir.path());
    let code = signed_customer(&mut books);
    let statement = books.issue_statement(&code, Period::month("2026-11").unwrap(), false).unwrap();
    books.confirm_statement(signed(&statement.summary.number, "财务 李会计")).unwrap();
    let letter = books.issue_letter(&code, 1, None).unwrap();
    books.sign_paper(signed(&letter.number, "前台 小王")).unwrap();

    let out = dir.path().join("pack");
    let manifest =
        books.evidence_pack(&EvidenceRequest { customer_code: code.clone(), receivables: vec![] }, &out).unwrap();
    let on_disk: Manifest = serde_json::from_str(&std::fs::read_to_string(out.join("manifest.json")).unwrap()).unwrap();
    assert_eq!(on_disk, manifest);
    let kinds: Vec<&str> = manifest.documents.iter().map(|d| d.kind.as_str()).collect();
    for kind in ["delivery_note", "statement", "letter", "ledger", "manifest"] {
        assert!(kinds.contains(&kind), "{kind} in {kinds:?}");
    }
    // The contact log and the promises only where the customer has any.
    assert_eq!(kinds.contains(&"contact_log"), count(&mut books, "contact_logs", &code) > 0, "{kinds:?}");
    assert_eq!(kinds.contains(&"promises"), count(&mut books, "promises", &code) > 0, "{kinds:?}");
    let receipt = manifest.documents.iter().find(|d| d.kind == "letter").unwrap();
    assert_eq!(receipt.signer.as_deref(), Some("前台 小王"), "the letter with its signed receipt");
    let confirmed = manifest.documents.iter().find(|d| d.kind == "statement").unwrap();
    assert_eq!(confirmed.signer.as_deref(), Some("财务 李会计"));
    for doc in &manifest.documents {
        assert_eq!(hex_sha256(&out.join(&doc.file)), doc.sha256, "{}", doc.file);
    }
    assert!(!manifest.receivables.is_empty());
    assert_eq!(manifest.open_total, manifest.receivables.iter().map(|r| r.open).sum());
    for r in &manifest.receivables {
        assert!(["running", "ending_soon", "expired"].contains(&r.limitation_status.as_str()));
    }
    let check = verify_pack(&out).unwrap();
    assert!(check.intact, "{check:?}");
    assert!(check.files.iter().all(|f| f.status == "ok"));

    let again = books.evidence_pack(&EvidenceRequest { customer_code: code, receivables: vec![] }, &out).unwrap_err();
    assert_eq!(again.code(), "rule", "a pack is never written over: {again}");
}

#[test]
fn a_changed_missing_or_added_file_is_found() {
    let dir = tempfile::tempdir().unwrap();
    let mut books = demo(dir.path());
    let code = signed_customer(&mut books);
    let out = dir.path().join("pack");
    let manifest = books.evidence_pack(&EvidenceRequest { customer_code: code, receivables: vec![] }, &out).unwrap();
    let note =
        manifest.documents.iter().find(|d| d.kind == "delivery_note" && d.signer.is_some()).expect("a signed note");

    let path = out.join(&note.file);
    let original = std::fs::read(&path).unwrap();
    let mut changed = original.clone();
    let middle = changed.len() / 2;
    changed[middle] ^= 1;
    std::fs::write(&path, &changed).unwrap();
    let check = verify_pack(&out).unwrap();
    assert!(!check.intact);
    let bad: Vec<(&str, &str)> =
        check.files.iter().filter(|f| f.status != "ok").map(|f| (f.file.as_str(), f.status.as_str())).collect();
    assert_eq!(bad, vec![(note.file.as_str(), "altered")]);

    std::fs::write(&path, &original).unwrap();
    assert!(verify_pack(&out).unwrap().intact, "restored, it verifies again");
    std::fs::remove_file(out.join("5-other/ledger.pdf")).unwrap();
    std::fs::write(out.join("note.txt"), "added later").unwrap();
    let check = verify_pack(&out).unwrap();
    let bad: Vec<(&str, &str)> =
        check.files.iter().filter(|f| f.status != "ok").map(|f| (f.file.as_str(), f.status.as_str())).collect();
    assert_eq!(bad, vec![("5-other/ledger.pdf", "missing"), ("note.txt", "unlisted")]);
}

#[test]
fn a_pack_for_chosen_receivables_lists_only_them_and_refuses_one_not_open() {
    let dir = tempfile::tempdir().unwrap();
    let mut books = demo(dir.path());
    let code = signed_customer(&mut books);
    let open = books.open_items(&code).unwrap();
    let chosen = open[0].receivable.number.clone();
    let out = dir.path().join("one");
    let manifest = books
        .evidence_pack(&EvidenceRequest { customer_code: code.clone(), receivables: vec![chosen.clone()] }, &out)
        .unwrap();
    assert_eq!(manifest.receivables.iter().map(|r| r.number.clone()).collect::<Vec<_>>(), vec![chosen.clone()]);
    assert!(manifest.documents.iter().filter(|d| d.kind == "delivery_note").all(|d| d.number == chosen));
    let refused = books
        .evidence_pack(
            &EvidenceRequest { customer_code: code, receivables: vec!["SD-1999-000001".into()] },
            &dir.path().join("two"),
        )
        .unwrap_err();
    assert_eq!(refused.code(), "rule");
    assert!(!dir.path().join("two").exists(), "nothing written for a refused pack");
}

/// C026 of the demo: twenty open receivables, no contacts or promises. Its pack holds every
/// open receivable's note (printed now where it never was), every statement with its answer,
/// the ledger, the letters named by their level with their sendings, the claim with its
/// basis, and no empty exhibit.
#[test]
fn a_demo_pack_holds_every_open_note_every_statement_the_ledger_and_letters_by_level() {
    let dir = tempfile::tempdir().unwrap();
    let mut books = demo(dir.path());
    let code = "C026";
    assert_eq!(count(&mut books, "contact_logs", code) + count(&mut books, "promises", code), 0);
    let october = books.issue_statement(code, Period::month("2026-10").unwrap(), false).unwrap();
    books.confirm_statement(signed(&october.summary.number, "财务 李会计")).unwrap();
    let november = books.issue_statement(code, Period::month("2026-11").unwrap(), false).unwrap();
    let letter = books.issue_letter(code, 1, None).unwrap();
    books
        .record_sending(huikuan_app::documents::SendForm {
            number: letter.number.clone(),
            channel: "express".into(),
            date: "2026-12-01".into(),
            tracking: "SF1432096657210".into(),
            ..Default::default()
        })
        .unwrap();
    books.set_interest_terms(code, InterestTerms::Lpr { uplift: "1.5".parse().unwrap() }).unwrap();

    let out = dir.path().join("pack");
    let m = books.evidence_pack(&EvidenceRequest { customer_code: code.into(), receivables: vec![] }, &out).unwrap();
    let open: Vec<String> = books.open_items(code).unwrap().into_iter().map(|i| i.receivable.number).collect();
    assert!(open.len() >= 15, "{open:?}");
    let notes: Vec<&str> =
        m.documents.iter().filter(|d| d.kind == "delivery_note").map(|d| d.number.as_str()).collect();
    for number in &open {
        assert!(notes.contains(&number.as_str()), "{number}'s note in {notes:?}");
    }
    assert_eq!(notes.len(), open.len(), "the notes of open receivables, not of paid ones");
    let answers: Vec<(&str, Option<&str>)> = m
        .documents
        .iter()
        .filter(|d| d.kind == "statement")
        .map(|d| (d.number.as_str(), d.answer.as_deref()))
        .collect();
    assert_eq!(answers.len(), 2, "{answers:?}");
    assert!(answers.iter().any(|(n, a)| *n == october.summary.number && a.unwrap().starts_with("confirmed")));
    assert!(answers.contains(&(november.summary.number.as_str(), Some("none"))), "{answers:?}");
    let sent = m.documents.iter().find(|d| d.kind == "letter").unwrap();
    assert_eq!(sent.level, Some(1));
    assert_eq!(sent.sent, vec!["express SF1432096657210 2026-12-01".to_string()]);
    assert!(m.documents.iter().any(|d| d.kind == "ledger" && d.file == "5-other/ledger.pdf"));
    assert!(!m.documents.iter().any(|d| d.kind == "contact_log" || d.kind == "promises"), "no empty exhibits");

    let claim = m.claim.as_ref().expect("the claim");
    assert!(claim.interest.is_positive());
    assert_eq!(claim.total, claim.principal + claim.interest);
    assert!(claim.basis.contains("LPR"), "{}", claim.basis);

    let manifest = pdf_text(&out.join("manifest.pdf"));
    assert!(manifest.contains("提醒函"), "the letter by its level:\n{manifest}");
    assert!(!manifest.contains("催款函 DL"), "not every letter a 催款函:\n{manifest}");
    assert!(manifest.contains("SF1432096657210") && manifest.contains("快递"), "the sending");
    assert!(manifest.contains("未回复") && manifest.contains("已确认无误"), "the statements' answers");
    assert!(manifest.contains(&claim.total.yuan()), "the claim's total");
    assert!(manifest.contains("利息计算依据"), "its basis");
    let ledger = pdf_text(&out.join("5-other/ledger.pdf"));
    assert!(ledger.contains("客户往来明细账") && ledger.contains(&open[0]), "the ledger lists the notes");
    for doc in &m.documents {
        if doc.file.ends_with(".pdf") {
            assert!(!pdf_text(&out.join(&doc.file)).contains("共 0 "), "an empty exhibit: {}", doc.file);
        }
    }
    assert!(verify_pack(&out).unwrap().intact);
}

/// The manifest as a court reads it: every number, file name and hash whole on its line (a
/// hash may stand as its two halves of 32 on consecutive lines), the exhibits in folder
/// order, one language, and a claim without interest printing no interest at all, its basis
/// directly under it.
#[test]
fn the_manifest_never_splits_a_number_a_name_or_a_hash_and_reads_in_exhibit_order() {
    let dir = tempfile::tempdir().unwrap();
    let mut books = demo(dir.path());
    let code = "C026";
    let october = books.issue_statement(code, Period::month("2026-10").unwrap(), false).unwrap();
    books.confirm_statement(signed(&october.summary.number, "财务 李会计")).unwrap();
    books.issue_statement(code, Period::month("2026-11").unwrap(), false).unwrap();
    let letter = books.issue_letter(code, 1, None).unwrap();
    books
        .record_sending(huikuan_app::documents::SendForm {
            number: letter.number.clone(),
            channel: "express".into(),
            date: "2026-12-01".into(),
            tracking: "SF1432096657210".into(),
            ..Default::default()
        })
        .unwrap();
    let out = dir.path().join("pack");
    let m = books.evidence_pack(&EvidenceRequest { customer_code: code.into(), receivables: vec![] }, &out).unwrap();
    let text = pdf_text(&out.join("manifest.pdf"));
    let lines: Vec<&str> = text.lines().collect();
    let whole = |word: &str| lines.iter().any(|l| l.split_whitespace().any(|w| w == word));

    let folder = |file: &str| file.split_once('/').map_or(String::new(), |(f, _)| f.to_string());
    let listed: Vec<&str> = m.documents.iter().map(|d| d.file.as_str()).filter(|f| *f != "manifest.pdf").collect();
    let folders: Vec<String> = listed.iter().map(|f| folder(f)).collect();
    assert!(folders.windows(2).all(|w| w[0] <= w[1]), "exhibits in folder order: {folders:?}");
    assert!(folders.iter().any(|f| f.starts_with('2')) && folders.iter().any(|f| f.starts_with('3')), "{folders:?}");
    let mut at = 0;
    for file in &listed {
        assert!(whole(file), "{file} whole on a line:\n{text}");
        let found = lines.iter().skip(at).position(|l| l.split_whitespace().any(|w| w == *file));
        at += found.unwrap_or_else(|| panic!("{file} after the one before it:\n{text}"));
    }
    for d in m.documents.iter().filter(|d| d.file != "manifest.pdf") {
        if !d.number.is_empty() {
            assert!(whole(&d.number), "{} whole:\n{text}", d.number);
        }
        let (first, second) = d.sha256.split_at(32);
        let halves = lines.windows(2).any(|w| w[0].trim_end().ends_with(first) && w[1].contains(second));
        assert!(whole(&d.sha256) || halves, "{} whole or in halves of 32:\n{text}", d.sha256);
    }
    for r in &m.receivables {
        assert!(whole(&r.number), "{} whole:\n{text}", r.number);
    }

    assert!(!text.contains("receipt") && !text.contains("express") && !text.contains("sent:"), "one language:\n{text}");
    assert!(text.contains("快递 SF1432096657210"), "the channel worded:\n{text}");

    let claim = m.claim.as_ref().expect("the claim");
    assert!(claim.interest.is_zero());
    assert!(!text.contains("¥0.00") && !text.contains("逾期利息 ¥") && !text.contains("本息合计"), "{text}");
    let total =
        lines.iter().position(|l| l.starts_with("合计") && l.contains(&claim.principal.yuan())).expect("its total");
    let basis = lines.iter().position(|l| l.contains("不主张")).expect("the basis");
    assert!(basis > total && basis <= total + 3, "the basis directly under the claim:\n{text}");
    assert!(verify_pack(&out).unwrap().intact);
}
