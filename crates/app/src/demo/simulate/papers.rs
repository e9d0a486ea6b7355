//! Signatures on the recent delivery notes: most customers sign on the delivery pad when
//! the goods arrive; the rest still owe a signature.

use base64::Engine;
use huikuan_domain::DocType;

use crate::documents::SignForm;
use crate::AppError;

use super::Sim;

/// The pad's strokes for a drawn signature (one stroke across it) and its PNG.
fn drawn(seed: u32) -> (String, String) {
    let points: Vec<serde_json::Value> = (0..48)
        .map(|i| {
            let t = f64::from(i) / 47.0;
            let y = 70.0 + 30.0 * (t * 20.0 + f64::from(seed)).sin();
            serde_json::json!({ "x": 30.0 + 360.0 * t, "y": y, "pressure": 0.5, "time": i * 16 })
        })
        .collect();
    let strokes = serde_json::json!([{ "penColor": "#14287a", "points": points }]).to_string();
    let png = huikuan_docs::sample::signature_png(seed);
    (strokes, base64::engine::general_purpose::STANDARD.encode(png))
}

impl Sim<'_> {
    /// Seven notes in ten are signed on delivery, by the customer's purchaser when there
    /// is one; which ones follows from the note's number, so the books stay the same.
    pub(super) fn sign_on_delivery(&mut self, number: &str, signer: Option<&str>) -> Result<(), AppError> {
        let sequence = DocType::Delivery.parse_number(number).map_or(0, |(_, n)| n);
        let Some(signer) = signer.filter(|_| sequence % 10 < 7) else {
            return Ok(());
        };
        self.tick();
        let (strokes, image_base64) = drawn(sequence);
        let form = SignForm {
            number: number.to_string(),
            signer: signer.to_string(),
            signer_role: "收货人".into(),
            method: "pad".into(),
            strokes,
            image_base64,
            ..SignForm::default()
        };
        self.books.sign_paper(form).map(|_| ())
    }
}
