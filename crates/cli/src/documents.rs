//! `huikuan-cli document`: a paper's PDF, its verification, signature, sendings, and a
//! statement's answer; a paper is named by its number, and by its kind where two share one.

use std::path::PathBuf;

use base64::Engine;
use huikuan_app::documents::{SendForm, SignForm};
use huikuan_app::letters::LetterAnswerForm;
use huikuan_app::statements::DisputeForm;
use huikuan_app::{AppError, Books};
use huikuan_domain::PaperKind;

use crate::args::{DocumentCommand, Format};
use crate::render;
use crate::run::file_error;

pub fn document(books: &mut Books, format: Format, command: DocumentCommand) -> Result<String, AppError> {
    match command {
        DocumentCommand::Pdf { number, out, signed, kind } => {
            let pdf = books.paper_pdf_of_kind(&number, paper_kind(kind.kind)?, signed)?;
            std::fs::write(&out, &pdf).map_err(|e| file_error(&out, e))?;
            let sha256 = huikuan_app::customers::sha256_hex(&pdf);
            let text = format!("wrote {} ({} bytes, sha256 {sha256})", out.display(), pdf.len());
            Ok(render::json_or(
                format,
                &serde_json::json!({ "ok": true, "path": out, "bytes": pdf.len(), "sha256": sha256 }),
                |_| format!("{text}\n"),
            ))
        }
        DocumentCommand::Verify { number, all, kind } => {
            let results = match (number, all) {
                (Some(number), false) => vec![books.verify_paper_of_kind(&number, paper_kind(kind.kind)?)?],
                (None, true) => books.verify_all_papers()?,
                _ => return Err(AppError::Rule("give a document number or --all".into())),
            };
            let altered: Vec<String> = results
                .iter()
                .filter(|v| !v.ok)
                .flat_map(|v| {
                    v.checks.iter().filter(|c| !c.ok).map(move |c| {
                        format!("{} {}: recorded sha256 {}, now {}", v.number, c.what, c.recorded, c.actual)
                    })
                })
                .collect();
            if !altered.is_empty() {
                return Err(AppError::Altered(altered.join("; ")));
            }
            Ok(render::verification(format, &results))
        }
        DocumentCommand::Sign { number, kind, signer, role, png, strokes, scan, no_objection, objection } => {
            let form = SignForm {
                kind: paper_kind(kind.kind)?,
                ..sign_form(number.clone(), signer, role, png, strokes, scan)?
            };
            if no_objection || objection.is_some() {
                let answer = LetterAnswerForm { sign: form, no_objection, objection: objection.unwrap_or_default() };
                books.answer_letter(answer)?;
                Ok(render::paper(format, &books.paper_of_kind(&number, Some(PaperKind::Letter))?))
            } else {
                Ok(render::paper(format, &books.sign_paper(form)?))
            }
        }
        DocumentCommand::List { code } => Ok(render::papers(format, &books.customer_papers(&code)?)),
        DocumentCommand::Send { number, kind, channel, date, tracking, note } => {
            let kind = paper_kind(kind.kind)?;
            let sent =
                books.record_sending(SendForm { number: number.clone(), kind, channel, date, tracking, note })?;
            Ok(render::json_or(format, &sent, |all| format!("{number}: sent {} time(s)\n", all.len())))
        }
        DocumentCommand::Confirm { number, signer, role, png, strokes, scan } => {
            let form = sign_form(number, signer, role, png, strokes, scan)?;
            Ok(render::statement(format, &books.confirm_statement(form)?))
        }
        DocumentCommand::Dispute { number, claimed, reason, items, contact } => {
            let form = DisputeForm { number, claimed, reason, items, contact };
            Ok(render::statement(format, &books.dispute_statement(form)?))
        }
    }
}

fn sign_form(
    number: String,
    signer: String,
    role: String,
    png: Option<PathBuf>,
    strokes: Option<PathBuf>,
    scan: Option<PathBuf>,
) -> Result<SignForm, AppError> {
    let read = |path: &PathBuf| std::fs::read(path).map_err(|e| file_error(path, e));
    let b64 = |bytes: Vec<u8>| base64::engine::general_purpose::STANDARD.encode(bytes);
    let mut form = SignForm { number, signer, signer_role: role, ..SignForm::default() };
    match (png, strokes, scan) {
        (Some(png), Some(strokes), None) => {
            form.method = "pad".into();
            form.image_base64 = b64(read(&png)?);
            form.strokes = String::from_utf8_lossy(&read(&strokes)?).into_owned();
        }
        (None, None, Some(scan)) => {
            form.method = "scan".into();
            form.scan_file_name = scan.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            form.scan_base64 = b64(read(&scan)?);
        }
        _ => return Err(AppError::Rule("give --png with --strokes, or --scan".into())),
    }
    Ok(form)
}

/// `--kind`: the paper's word as the books write it (`delivery_note`), or as the CLI's other
/// values are written (`delivery-note`).
fn paper_kind(kind: Option<String>) -> Result<Option<PaperKind>, AppError> {
    kind.map(|k| k.replace('-', "_").parse().map_err(AppError::invalid("kind"))).transpose()
}
