//! The customer signs an issued paper: on the pad in the app (strokes and PNG), or on
//! paper that is scanned or photographed back. The signature records whose hand, when,
//! and the SHA-256 of the exact issued PDF it is on; the signed PDF is kept beside it.

use chrono::{DateTime, FixedOffset};
use huikuan_docs::{signed_pdf, trim_png, Scan, SignatureMark, SignatureSlot};
use huikuan_domain::customer::clean_text;
use huikuan_domain::{PaperKind, SignMethod};
use huikuan_store::tables::attachments::{self, NewAttachment};
use huikuan_store::tables::documents::{self, NewSignature, StoredDocument, StoredSignature};
use huikuan_store::tables::Stamp;
use huikuan_store::Transaction;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::paper_of;
use super::papers::{frozen, view, PaperView};
use super::signature_image::{decode, drawn_png, scan, strokes, MAX_DRAWN_BYTES, MAX_SCAN_BYTES};
use crate::books::audit;
use crate::customers::sha256_hex;
use crate::error::AppError;
use crate::files::Files;
use crate::Books;

/// What the signing dialog sends.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct SignForm {
    pub number: String,
    /// Which paper the number is, when the caller knows: needed only for a number two
    /// papers share (an imported note numbered like a statement).
    #[ts(optional)]
    pub kind: Option<PaperKind>,
    pub signer: String,
    pub signer_role: String,
    /// pad or scan.
    pub method: String,
    /// Pad: signature_pad's point groups (`toData()`), as JSON.
    pub strokes: String,
    /// Pad: the drawn signature, a PNG in base64 or as a data URL.
    pub image_base64: String,
    /// Scan: the photo or scan of the signed paper (PNG or JPEG), in base64.
    pub scan_base64: String,
    pub scan_file_name: String,
}

/// A signature checked and ready to keep.
pub(crate) struct Given {
    method: SignMethod,
    pub signer: String,
    role: String,
    strokes: Option<String>,
    drawn: Option<Vec<u8>>,
    scan: Option<(Vec<u8>, String)>,
}

pub(crate) fn check(form: &SignForm) -> Result<Given, AppError> {
    let signer = clean_text("signer", &form.signer).map_err(AppError::invalid("signer"))?;
    if signer.is_empty() {
        return Err(AppError::rule(Some("signer".into()), "who signs? enter the signer's name", "请填写签字人姓名"));
    }
    if signer.chars().count() > 60 {
        return Err(AppError::rule(Some("signer".into()), "the signer's name is too long", "签字人姓名过长"));
    }
    let role = clean_text("role", &form.signer_role).map_err(AppError::invalid("signer_role"))?;
    let method: SignMethod = form.method.parse().map_err(AppError::invalid("sign_method"))?;
    let mut given = Given { method, signer, role, strokes: None, drawn: None, scan: None };
    match method {
        SignMethod::Pad => {
            given.strokes = Some(strokes(&form.strokes)?);
            let png = decode("signature", &form.image_base64, MAX_DRAWN_BYTES)?;
            drawn_png(&png)?;
            given.drawn = Some(png);
        }
        SignMethod::Scan => {
            let bytes = decode("scan", &form.scan_base64, MAX_SCAN_BYTES)?;
            scan(&bytes)?;
            let name = clean_text("file name", &form.scan_file_name).map_err(AppError::invalid("scan"))?;
            given.scan = Some((bytes, if name.is_empty() { "scan".into() } else { name }));
        }
    }
    Ok(given)
}

fn local(at: DateTime<chrono::Utc>, offset: FixedOffset) -> (String, String) {
    let here = at.with_timezone(&offset);
    let hours = offset.local_minus_utc() / 3600;
    let minutes = (offset.local_minus_utc().abs() % 3600) / 60;
    let zone = format!("UTC{}{:02}:{minutes:02}", if hours < 0 { '-' } else { '+' }, hours.abs());
    (format!("{} ({zone})", here.format("%Y-%m-%d %H:%M")), here.format("%Y-%m-%d").to_string())
}

/// When a signature is given: the stored moment (UTC) and, printed, the local time and date.
pub(crate) struct Moment {
    pub at_utc: String,
    pub printed: String,
    pub on: String,
}

impl Books {
    pub(crate) fn moment(&self) -> Moment {
        let (printed, on) = local(self.clock.now(), self.clock.utc_offset());
        Moment { at_utc: self.clock.timestamp(), printed, on }
    }

    pub fn sign_paper(&mut self, form: SignForm) -> Result<PaperView, AppError> {
        let given = check(&form)?;
        let stamp = self.stamp();
        let moment = self.moment();
        let files = self.files.clone();
        let offset = self.clock.utc_offset();
        self.store.write(|tx| {
            let doc = frozen(tx, &stamp, &form.number, form.kind)?;
            sign_in_tx(tx, &stamp, &files, &doc, &given, &moment, offset, false)?;
            view(tx, doc)
        })
    }
}

/// Signs a frozen document inside the caller's transaction: refuses a second signature,
/// keeps a scan as the customer's attachment, prints the signed PDF and records it all.
#[allow(clippy::too_many_arguments)]
pub(crate) fn sign_in_tx(
    tx: &Transaction,
    stamp: &Stamp,
    files: &Files,
    doc: &StoredDocument,
    given: &Given,
    moment: &Moment,
    offset: FixedOffset,
    confirms: bool,
) -> Result<StoredSignature, AppError> {
    if let Some(earlier) = documents::signature_of(tx, doc.id)? {
        let when = DateTime::parse_from_rfc3339(&earlier.signed_at)
            .map_or(earlier.signed_at.clone(), |at| local(at.to_utc(), offset).0);
        return Err(AppError::rule(
            None,
            format!("{} was signed by {} at {when}: a signed paper is never signed again", doc.number, earlier.signer),
            format!("{} 已由 {} 于 {when} 签字，已签字的单据不能再次签字", doc.number, earlier.signer),
        ));
    }
    let issued = documents::pdf(tx, doc.id)?;
    let slot: SignatureSlot = serde_json::from_str(&doc.signature_slot)
        .map_err(|e| AppError::rule(None, format!("the signature box is unreadable: {e}"), "签字位置无法读取"))?;
    let scan_attachment = match &given.scan {
        Some((bytes, name)) => {
            let sha256 = sha256_hex(bytes);
            files.keep(tx, &sha256, bytes)?;
            let about = NewAttachment {
                customer_id: doc.customer_id,
                kind: "other".into(),
                title: format!("{} 签字单据扫描件 / signed paper", doc.number),
                file_name: name.clone(),
                sha256: sha256.clone(),
                size_bytes: bytes.len() as i64,
                notes: format!("{} · {}", given.signer, moment.printed),
            };
            let id = attachments::insert(tx, &about, stamp)?;
            let stored = attachments::get(tx, id)?.expect("just written");
            audit(tx, stamp, "attach", "attachment", id, None::<&()>, Some(&stored))?;
            Some((id, Scan { image: bytes.clone(), sha256 }))
        }
        None => None,
    };
    let mark = SignatureMark {
        language: doc.language,
        kind: doc.kind.parse().map_err(AppError::invalid("kind"))?,
        number: doc.number.clone(),
        signer: given.signer.clone(),
        signer_role: given.role.clone(),
        signed_at: moment.printed.clone(),
        signed_on: moment.on.clone(),
        issued_sha256: doc.sha256.clone(),
        drawn: given.drawn.as_deref().map(trim_png),
        scan: scan_attachment.as_ref().map(|(_, s)| s.clone()),
        confirms,
    };
    let pdf = signed_pdf(&issued, paper_of(&doc.paper), &slot, &mark, doc.doc_date)?;
    let sha256 = sha256_hex(&pdf);
    let id = documents::insert_signature(
        tx,
        &NewSignature {
            document_id: doc.id,
            method: given.method.as_str(),
            signer: &given.signer,
            signer_role: &given.role,
            signed_at: &moment.at_utc,
            signs_sha256: &doc.sha256,
            strokes: given.strokes.as_deref(),
            image_png: given.drawn.as_deref(),
            scan_attachment_id: scan_attachment.as_ref().map(|(id, _)| *id),
            pdf: &pdf,
            sha256: &sha256,
        },
        stamp,
    )?;
    let stored = documents::signature_of(tx, doc.id)?.expect("just written");
    audit(tx, stamp, "sign", "document", id, None::<&()>, Some(&stored))?;
    Ok(stored)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_time_printed_is_the_signers_local_time_with_its_zone() {
        let at = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap().and_hms_opt(16, 5, 0).unwrap().and_utc();
        let china = FixedOffset::east_opt(8 * 3600).unwrap();
        assert_eq!(local(at, china), ("2026-12-02 00:05 (UTC+08:00)".into(), "2026-12-02".into()));
        let west = FixedOffset::west_opt(5 * 3600 + 1800).unwrap();
        assert_eq!(local(at, west).0, "2026-12-01 10:35 (UTC-05:30)");
    }
}
