use std::collections::HashSet;
use std::path::{Path, PathBuf};

use huikuan_docs::{listing_pdf, Align, ListingDoc, ListingTable};
use huikuan_domain::{EntryKind, Money};
use huikuan_store::tables::{company, deliveries, documents, entries, letters, sendings, statements, Stamp};
use huikuan_store::Transaction;
use serde::Deserialize;
use ts_rs::TS;

use super::account_papers::{col, contact_log_pdf, ledger_pdf, promises_pdf, Account, Say};
use super::claim_words::{answer_words, claim_table, letter_words, sent_words};
use super::manifest::{Manifest, ManifestDocument, ManifestReceivable, MANIFEST_FORMAT};
use super::verify_pack::sha256_hex;
use crate::books::customer_by_code;
use crate::documents::freeze_delivery_note;
use crate::documents::letterhead::letterhead;
use crate::error::AppError;
use crate::interest::claim_in_tx;
use crate::reports::LimitationRow;
use crate::Books;

/// A period ending within this many days is flagged ending_soon.
const ENDING_SOON_DAYS: i64 = 90;

#[derive(Debug, Clone, Default, Deserialize, TS)]
pub struct EvidenceRequest {
    pub customer_code: String,
    /// Receivable numbers to build the claim on; empty: the whole account.
    #[serde(default)]
    pub receivables: Vec<String>,
}

/// A file of the pack as it is written.
struct PackFile {
    path: String,
    bytes: Vec<u8>,
    doc: ManifestDocument,
}

fn pack_file(path: String, bytes: Vec<u8>, mut doc: ManifestDocument) -> PackFile {
    doc.file = path.clone();
    doc.sha256 = sha256_hex(&bytes);
    doc.size_bytes = bytes.len() as u64;
    PackFile { path, bytes, doc }
}

fn blank_doc(kind: &str, number: &str, date: chrono::NaiveDate) -> ManifestDocument {
    ManifestDocument {
        file: String::new(),
        kind: kind.into(),
        level: None,
        number: number.into(),
        date,
        amount: None,
        signer: None,
        signed_at: None,
        sent: Vec::new(),
        answer: None,
        sha256: String::new(),
        size_bytes: 0,
    }
}

/// The stored PDF of a paper (its signed version when there is one), checked against the
/// hash recorded when it was issued or signed: a pack never carries an altered document.
fn stored_pdf(
    tx: &Transaction,
    document_id: i64,
    number: &str,
) -> Result<(Vec<u8>, Option<documents::StoredSignature>), AppError> {
    let doc = documents::get(tx, document_id)?;
    let signature = documents::signature_of(tx, document_id)?;
    let (bytes, recorded) = match &signature {
        Some(s) => (documents::signed_pdf(tx, s.id)?, s.sha256.clone()),
        None => (documents::pdf(tx, doc.id)?, doc.sha256.clone()),
    };
    if sha256_hex(&bytes) != recorded {
        return Err(AppError::Altered(number.to_string()));
    }
    Ok((bytes, signature))
}

/// A document number as a file name: an imported number may hold anything printable, and
/// none of it may lead out of the pack's folder or clash with the file system.
fn file_stem(number: &str) -> String {
    let stem: String =
        number
            .chars()
            .map(|c| {
                if c.is_control() || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') {
                    '_'
                } else {
                    c
                }
            })
            .collect();
    // Windows drops trailing dots and spaces, and reserves its devices' names (`CON`,
    // `NUL.txt`): an old system's number may be any of these.
    let stem = stem.trim_start_matches('.').trim().trim_end_matches(['.', ' ']);
    let device = stem.split('.').next().unwrap_or("").to_ascii_uppercase();
    let reserved = matches!(device.as_str(), "CON" | "PRN" | "AUX" | "NUL")
        || (device.len() == 4
            && (device.starts_with("COM") || device.starts_with("LPT"))
            && device.ends_with(|c: char| c.is_ascii_digit()));
    if stem.is_empty() {
        "document".into()
    } else if reserved {
        format!("_{stem}")
    } else {
        stem.to_string()
    }
}

/// A path no earlier file of the pack has, compared as Windows and macOS compare names
/// (case aside): two numbers that read as one name (`2024/001`, `2024_001`) both stay.
fn unused_path(files: &[PackFile], folder: &str, stem: &str, suffix: &str, document_id: i64) -> String {
    let taken = |path: &str| files.iter().any(|f| f.path.to_lowercase() == path.to_lowercase());
    let mut path = format!("{folder}/{stem}{suffix}.pdf");
    let mut tries = 0;
    while taken(&path) {
        tries += 1;
        let tail = if tries == 1 { format!("{document_id}") } else { format!("{document_id}-{tries}") };
        path = format!("{folder}/{stem}-{tail}{suffix}.pdf");
    }
    path
}

fn folder_of(kind: &str) -> &'static str {
    match kind {
        "delivery_note" => "1-delivery-notes",
        "statement" => "2-statements",
        "letter" => "3-letters",
        "plan" => "4-plans",
        _ => "5-other",
    }
}

fn status_of(row: &LimitationRow) -> &'static str {
    if row.days_left < 0 {
        "expired"
    } else if row.days_left <= ENDING_SOON_DAYS {
        "ending_soon"
    } else {
        "running"
    }
}

impl Books {
    /// Writes the pack into `out` (a new folder), all of it or nothing, and returns its manifest.
    pub fn evidence_pack(&mut self, request: &EvidenceRequest, out: &Path) -> Result<Manifest, AppError> {
        if out.exists() && std::fs::read_dir(out).map(|mut d| d.next().is_some()).unwrap_or(true) {
            return Err(AppError::rule(
                Some("out".into()),
                format!("{} already exists and is not empty; choose a new folder for the pack", out.display()),
                format!("{} 已存在且不是空文件夹；请为证据包选择一个新文件夹", out.display()),
            ));
        }
        let as_of = self.clock.today();
        let made_at = self.clock.timestamp();
        let limitation = self.customer_limitation(&request.customer_code, Some(as_of))?;
        let chosen: Vec<String> =
            request.receivables.iter().map(|n| n.trim().to_string()).filter(|n| !n.is_empty()).collect();
        if let Some(unknown) = chosen.iter().find(|n| !limitation.rows.iter().any(|r| &r.number == *n)) {
            return Err(AppError::rule(
                Some("receivables".into()),
                format!("{unknown} is not an open receivable of {}", request.customer_code),
                format!("{unknown} 不是 {} 的未收单据", request.customer_code),
            ));
        }
        let rows: Vec<&LimitationRow> =
            limitation.rows.iter().filter(|r| chosen.is_empty() || chosen.contains(&r.number)).collect();
        // The notes the claim rests on: those chosen, or every open receivable's.
        let claimed: Vec<String> = rows.iter().map(|r| r.number.clone()).collect();
        let ledger = self.customer_ledger(&request.customer_code, Some(as_of))?;
        let operator = self.operator.clone();
        let offset = self.clock.utc_offset();
        let stamp = self.stamp();
        let stored = self.files.clone();
        self.store.write(|tx| print_history_notes(tx, &stamp, &request.customer_code, &claimed))?;
        let (files, manifest) = self.store.read(|tx| {
            let customer = customer_by_code(tx, &request.customer_code)?;
            let profile = company::get(tx)?;
            let say = Say(profile.doc_language);
            let head = letterhead(tx)?;
            let mut files = papers(tx, &customer, &chosen, &claimed, rows.iter().map(|r| r.doc_date).min())?;
            // The ledger, the contact log and the promises: how the debt arose, what was said
            // and agreed, on paper; the last two only when there is something to show.
            let account = Account { customer: &customer, head: &head, say: &say, as_of, offset };
            let mut ledger_doc = blank_doc("ledger", "", as_of);
            ledger_doc.amount = Some(ledger.balance);
            files.push(pack_file("5-other/ledger.pdf".into(), ledger_pdf(&account, &ledger)?, ledger_doc));
            if let Some(log) = contact_log_pdf(tx, &account)? {
                files.push(pack_file("5-other/contact-log.pdf".into(), log, blank_doc("contact_log", "", as_of)));
            }
            if let Some(list) = super::invoice_papers::invoices_pdf(tx, &account)? {
                files.push(pack_file("1-delivery-notes/invoices.pdf".into(), list, blank_doc("invoices", "", as_of)));
            }
            for (path, number, issued, bytes) in super::invoice_papers::invoice_scans(tx, &stored, customer.id, as_of)?
            {
                files.push(pack_file(path, bytes, blank_doc("invoice_scan", &number, issued)));
            }
            if let Some(promises) = promises_pdf(tx, &account)? {
                files.push(pack_file("5-other/promises.pdf".into(), promises, blank_doc("promises", "", as_of)));
            }
            let claim = claim_in_tx(tx, &customer, as_of, &claimed, profile.doc_language)?;
            // By exhibit (folder), then date, then number: the folders read 1, 2, 3… as numbered.
            files.sort_by(|a, b| {
                let folder = |f: &PackFile| f.path.split_once('/').map(|(d, _)| d.to_string()).unwrap_or_default();
                (folder(a), a.doc.date, &a.doc.number).cmp(&(folder(b), b.doc.date, &b.doc.number))
            });

            let receivables: Vec<ManifestReceivable> = rows.iter().map(|r| receivable_of(r)).collect();
            let mut manifest = Manifest {
                format: MANIFEST_FORMAT.into(),
                company: profile.legal_name.clone(),
                customer_code: customer.fields.code.clone(),
                customer_name: customer.fields.name.clone(),
                as_of,
                made_at: made_at.clone(),
                made_by: operator.clone(),
                chosen: chosen.clone(),
                open_total: receivables.iter().map(|r| r.open).sum::<Money>(),
                receivables,
                claim: Some(claim),
                documents: files.iter().map(|f| f.doc.clone()).collect(),
            };
            // The manifest's PDF lists every other file; the JSON lists the PDF too.
            let pdf = manifest_pdf(&manifest, head, &say)?;
            files.push(pack_file("manifest.pdf".into(), pdf, blank_doc("manifest", "", as_of)));
            manifest.documents = files.iter().map(|f| f.doc.clone()).collect();
            Ok::<_, AppError>((files, manifest))
        })?;
        write_pack(out, &files, &manifest)?;
        Ok(manifest)
    }
}

/// Notes entered from history or imported are printed when first needed, and a pack needs
/// every one it carries: those not printed yet are printed and frozen now.
fn print_history_notes(tx: &Transaction, stamp: &Stamp, code: &str, claimed: &[String]) -> Result<(), AppError> {
    let customer = customer_by_code(tx, code)?;
    let (papers, _) = documents::papers_of(tx, customer.id, u32::MAX)?;
    let unprinted = papers.iter().filter(|p| p.kind == "delivery_note" && p.document_id.is_none());
    for paper in unprinted.filter(|p| claimed.contains(&p.number)) {
        if let Some(note) = deliveries::by_number(tx, &paper.number)? {
            freeze_delivery_note(tx, stamp, &note)?;
        }
    }
    Ok(())
}

/// The customer's stored papers that bear on the claim, oldest first: the delivery note of
/// every receivable claimed (`claimed`: those chosen, or every open one), every statement
/// issued with its answer (from the earliest chosen receivable on), the letters (those naming
/// a chosen receivable) with their level and sendings, the plans.
fn papers(
    tx: &Transaction,
    customer: &crate::Customer,
    chosen: &[String],
    claimed: &[String],
    earliest_chosen: Option<chrono::NaiveDate>,
) -> Result<Vec<PackFile>, AppError> {
    let mut chosen_ids = Vec::new();
    for number in chosen {
        for kind in [EntryKind::Delivery, EntryKind::Opening, EntryKind::Charge] {
            chosen_ids.extend(entries::by_number(tx, kind, number)?.map(|e| e.id));
        }
    }
    let mut naming_chosen = HashSet::new();
    let letters = letters::for_customer(tx, customer.id)?;
    for letter in &letters {
        if letters::items(tx, letter.id)?.iter().any(|(entry, _, _)| chosen_ids.contains(entry)) {
            naming_chosen.insert(letter.number.clone());
        }
    }
    let (papers, _) = documents::papers_of(tx, customer.id, u32::MAX)?;
    let mut files: Vec<PackFile> = Vec::new();
    for paper in papers.iter().rev() {
        let Some(document_id) = paper.document_id else { continue };
        let wanted = match paper.kind.as_str() {
            "delivery_note" => claimed.contains(&paper.number),
            // Every statement: a confirmed one acknowledges the debt, and one left unanswered
            // or disputed shows what the customer was told and said.
            "statement" => earliest_chosen.is_none_or(|first| paper.doc_date >= first),
            "letter" => chosen.is_empty() || naming_chosen.contains(&paper.number),
            _ => true,
        };
        if !wanted {
            continue;
        }
        let (bytes, signature) = stored_pdf(tx, document_id, &paper.number)?;
        let mut doc = blank_doc(&paper.kind, &paper.number, paper.doc_date);
        doc.amount = Some(paper.amount);
        doc.signer = signature.as_ref().map(|s| s.signer.clone());
        doc.signed_at = signature.as_ref().map(|s| s.signed_at.clone());
        if paper.kind == "letter" {
            doc.level = letters.iter().find(|l| l.document_id == document_id).map(|l| l.level);
        }
        if paper.kind == "statement" {
            doc.answer = Some(match statements::by_number(tx, &paper.number)? {
                Some(st) => match statements::outcome_of(tx, st.id)? {
                    Some(o) if o.outcome == "confirmed" => format!("confirmed {}", o.decided_on),
                    Some(o) => format!("{} {} {}", o.outcome, o.decided_on, o.reason).trim_end().to_string(),
                    None => "none".into(),
                },
                None => "none".into(),
            });
        }
        doc.sent = sendings::of_document(tx, document_id)?
            .iter()
            .map(|s| {
                let date = s.sent_on.to_string();
                [s.channel.as_str(), s.tracking.as_str(), &date]
                    .into_iter()
                    .filter(|w| !w.is_empty())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        let suffix = if signature.is_some() { "-signed" } else { "" };
        let (folder, stem) = (folder_of(&paper.kind), file_stem(&paper.number));
        let path = unused_path(&files, folder, &stem, suffix, document_id);
        files.push(pack_file(path, bytes, doc));
    }
    Ok(files)
}

fn receivable_of(r: &LimitationRow) -> ManifestReceivable {
    ManifestReceivable {
        number: r.number.clone(),
        doc_date: r.doc_date,
        due_date: r.due_date,
        open: r.open,
        last_restart: r.last_restart.as_ref().map(|x| format!("{} {} {}", x.kind.as_str(), x.date, x.evidence)),
        limitation_ends: r.ends_on,
        days_left: r.days_left,
        limitation_status: status_of(r).into(),
    }
}

fn kind_words(kind: &str, level: Option<u8>, say: &Say) -> String {
    match kind {
        "delivery_note" => say.t("送货单", "Delivery note"),
        "statement" => say.t("对账单", "Statement"),
        "letter" => letter_words(level, say),
        "ledger" => say.t("客户往来明细账", "Customer ledger"),
        "plan" => say.t("还款计划", "Repayment plan"),
        "contact_log" => say.t("催收记录", "Contact log"),
        "promises" => say.t("付款承诺", "Promises to pay"),
        "invoices" => say.t("已开发票清单", "VAT invoices issued"),
        "invoice_scan" => say.t("发票扫描件", "Invoice (scan)"),
        other => other.to_string(),
    }
}

/// A SHA-256 in two fixed halves of 32 on two lines: whole, and read back half by half.
fn hash_lines(sha256: &str) -> String {
    match (sha256.get(..32), sha256.get(32..)) {
        (Some(first), Some(second)) if !second.is_empty() => format!("{first}\n{second}"),
        _ => sha256.to_string(),
    }
}

/// "part_payment 2026-11-10 PM-2026-000490" with its event in words, in the paper's one
/// language: the limitation watch's evidence ("DL-… 回执：无异议 / receipt: no objection",
/// "DL-… express SF123") is cut to the document's number, its sending worded.
fn restart_words(text: &str, say: &Say) -> String {
    let (kind, rest) = text.split_once(' ').unwrap_or((text, ""));
    let mut words_of_rest = rest.splitn(3, ' ');
    let (date, number, more) =
        (words_of_rest.next().unwrap_or(""), words_of_rest.next().unwrap_or(""), words_of_rest.next().unwrap_or(""));
    let sending = ["hand", "post", "express", "email", "wechat", "other"]
        .iter()
        .any(|c| more.split(' ').next() == Some(*c))
        .then(|| sent_words(more, say).replacen(&say.t("寄送：", "sent: "), "", 1));
    let rest = [date, number, sending.as_deref().unwrap_or("")]
        .into_iter()
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let words = match kind {
        "letter_acknowledged" => say.t("催款函回执（无异议）", "letter receipt, no objection"),
        "letter_receipt" => say.t("催款函回执", "letter receipt"),
        "letter_delivered" => say.t("催款函已送达", "letter delivered"),
        "statement_confirmed" => say.t("对账确认", "statement confirmed"),
        "promise" => say.t("付款承诺", "promise to pay"),
        "plan" => say.t("还款计划", "repayment plan"),
        "part_payment" => say.t("部分付款", "part payment"),
        other => other.to_string(),
    };
    format!("{words} {rest}")
}

fn status_words(status: &str, say: &Say) -> String {
    match status {
        "running" => say.t("进行中", "running"),
        "ending_soon" => say.t("即将届满", "ending soon"),
        _ => say.t("已届满", "expired"),
    }
}

fn manifest_pdf(m: &Manifest, head: huikuan_docs::Letterhead, say: &Say) -> Result<Vec<u8>, AppError> {
    let rows: Vec<Vec<String>> = m
        .documents
        .iter()
        .map(|d| {
            let words = kind_words(&d.kind, d.level, say);
            // Who signed, what the customer answered, how it went out: one cell, one line each.
            let mut said: Vec<String> =
                d.signer.iter().map(|s| format!("{}{s}", say.t("签收：", "signed: "))).collect();
            said.extend(d.answer.as_deref().map(|a| answer_words(a, say)));
            said.extend(d.sent.iter().map(|x| sent_words(x, say)));
            vec![
                d.file.clone(),
                if d.number.is_empty() { words } else { format!("{words}\n{}", d.number) },
                d.date.to_string(),
                d.amount.map(|a| a.yuan()).unwrap_or_default(),
                said.join("\n"),
                hash_lines(&d.sha256),
            ]
        })
        .collect();
    let receivables = m
        .receivables
        .iter()
        .map(|r| {
            vec![
                r.number.clone(),
                r.doc_date.to_string(),
                r.due_date.to_string(),
                r.open.yuan(),
                r.last_restart.as_deref().map(|x| restart_words(x, say)).unwrap_or_default(),
                r.limitation_ends.to_string(),
                format!("{} ({})", status_words(&r.limitation_status, say), r.days_left),
            ]
        })
        .collect();
    let subtitle = vec![
        format!("{} ({})", m.customer_name, m.customer_code),
        format!("{} {} · {} {}", say.t("截至", "As of"), m.as_of, say.t("未收合计", "open"), m.open_total.yuan()),
    ];
    let mut more = Vec::new();
    if let Some(claim) = m.claim.as_ref().filter(|c| !c.items.is_empty()) {
        more.push(claim_table(claim, say));
    }
    let doc = ListingDoc {
        letterhead: head,
        language: say.0,
        title: say.t("证据包清单", "Evidence pack manifest"),
        subtitle,
        id: format!("evidence-{}-{}", m.customer_code, m.as_of),
        date: m.as_of,
        columns: vec![
            col(say.t("文件", "File"), 2.2, Align::Left),
            col(say.t("文件内容", "Document"), 1.7, Align::Left),
            col(say.t("日期", "Date"), 1.0, Align::Left),
            col(say.t("金额", "Amount"), 1.1, Align::Right),
            col(say.t("签收 / 回复 / 送达", "Signed / answer / sent"), 1.6, Align::Left),
            col("SHA-256".into(), 3.0, Align::Left),
        ],
        rows,
        footer_rows: Vec::new(),
        more: more.into_iter().chain([ListingTable {
            heading: say.t("未收应收款及诉讼时效", "Open receivables and their limitation periods"),
            columns: vec![
                col(say.t("单据", "Receivable"), 1.5, Align::Left),
                col(say.t("日期", "Date"), 1.0, Align::Left),
                col(say.t("到期日", "Due"), 1.0, Align::Left),
                col(say.t("未收金额", "Open"), 1.1, Align::Right),
                col(say.t("最近中断事由", "Last restarted by"), 2.4, Align::Left),
                col(say.t("时效届满日", "Ends on"), 1.0, Align::Left),
                col(say.t("状态（剩余天数）", "Status (days left)"), 1.2, Align::Left),
            ],
            rows: receivables,
            totals: Vec::new(),
            notes: Vec::new(),
        }]).collect(),
        notes: Vec::new()
            .into_iter()
            .chain([say.t(
                "每个文件的 SHA-256 可用 huikuan-cli verify-evidence 文件夹 重新核对；任何改动、缺失或增加的文件都会被发现。",
                "Each file's SHA-256 can be checked again with `huikuan-cli verify-evidence FOLDER`; any file changed, missing or added is found.",
            )])
            .collect(),
    };
    Ok(listing_pdf(&doc)?)
}

/// Written beside as `out.partial`, then renamed into place: a pack is whole or absent.
fn write_pack(out: &Path, files: &[PackFile], manifest: &Manifest) -> Result<(), AppError> {
    let partial = PathBuf::from(format!("{}.partial", out.display()));
    let fail =
        |path: &Path, e: std::io::Error| AppError::File { path: path.display().to_string(), message: e.to_string() };
    if partial.exists() {
        std::fs::remove_dir_all(&partial).map_err(|e| fail(&partial, e))?;
    }
    for f in files {
        if !Path::new(&f.path).components().all(|c| matches!(c, std::path::Component::Normal(_))) {
            return Err(AppError::Altered(format!("{}: a file name that leaves the pack", f.path)));
        }
        let path = partial.join(&f.path);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| fail(dir, e))?;
        }
        std::fs::write(&path, &f.bytes).map_err(|e| fail(&path, e))?;
    }
    let json = serde_json::to_vec_pretty(manifest).expect("a manifest always serialises");
    std::fs::write(partial.join("manifest.json"), json).map_err(|e| fail(&partial, e))?;
    if out.exists() {
        std::fs::remove_dir(out).map_err(|e| fail(out, e))?;
    }
    std::fs::rename(&partial, out).map_err(|e| fail(out, e))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::file_stem;

    #[test]
    fn a_document_number_never_leads_out_of_the_pack() {
        assert_eq!(file_stem("SD-2026-000001"), "SD-2026-000001");
        assert_eq!(file_stem("../../etc/passwd"), "_.._etc_passwd");
        assert_eq!(file_stem("..\\x:y"), "_x_y");
        assert_eq!(file_stem("送货单 7"), "送货单 7");
        assert_eq!(file_stem("..."), "document");
    }

    #[test]
    fn an_imported_number_makes_a_name_every_file_system_keeps() {
        assert_eq!(file_stem("No.0012345"), "No.0012345");
        assert_eq!(file_stem("2024/001"), "2024_001");
        assert_eq!(file_stem("ZC-001. "), "ZC-001");
        assert_eq!(file_stem("con"), "_con");
        assert_eq!(file_stem("COM1.txt"), "_COM1.txt");
        assert_eq!(file_stem("COMET-1"), "COMET-1");
    }

    #[test]
    fn two_numbers_of_one_name_are_both_kept() {
        let file = |path: &str| {
            super::pack_file(path.into(), Vec::new(), super::blank_doc("delivery_note", "", chrono::NaiveDate::MIN))
        };
        let mut files = vec![file("1-delivery-notes/2024_001.pdf")];
        assert_eq!(
            super::unused_path(&files, "1-delivery-notes", "2024_001", "", 7),
            "1-delivery-notes/2024_001-7.pdf"
        );
        files.push(file("1-delivery-notes/2024_001-7.pdf"));
        assert_eq!(
            super::unused_path(&files, "1-delivery-notes", "2024_001", "", 7),
            "1-delivery-notes/2024_001-7-2.pdf"
        );
        assert_eq!(super::unused_path(&files, "1-delivery-notes", "zc-001", "", 3), "1-delivery-notes/zc-001.pdf");
        files.push(file("1-delivery-notes/ZC-001.pdf"));
        assert_eq!(super::unused_path(&files, "1-delivery-notes", "zc-001", "", 3), "1-delivery-notes/zc-001-3.pdf");
    }
}
