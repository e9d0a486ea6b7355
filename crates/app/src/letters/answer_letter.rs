//! The customer's answer on a letter's return receipt (回执), recorded with its signature:
//! "no objection" ticked acknowledges the debt the letter lists, which restarts the
//! limitation period (Civil Code art. 195) from the day it was signed; an objection says
//! what the customer disputes, and the signature still proves the demand arrived.

use huikuan_domain::customer::clean_text;
use huikuan_store::tables::documents;
use huikuan_store::tables::letters::{self, LetterAnswer};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::views::{letter_view, LetterView};
use crate::books::audit;
use crate::documents::{check_signature, sign_in_tx, SignForm};
use crate::error::AppError;
use crate::Books;

/// What the receipt came back with: the signature, and the box the customer ticked.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct LetterAnswerForm {
    /// The signature on the receipt; its number is the letter's.
    pub sign: SignForm,
    /// □ 无异议 / No objection ticked.
    pub no_objection: bool,
    /// What the customer wrote beside □ 有异议 / Objection.
    pub objection: String,
}

impl Books {
    /// Records the signed receipt of a letter with the customer's answer. Refused when the
    /// receipt was signed already, or an objection is ticked without what it says.
    pub fn answer_letter(&mut self, form: LetterAnswerForm) -> Result<LetterView, AppError> {
        let objection = clean_text("objection", &form.objection).map_err(AppError::invalid("objection"))?;
        if !form.no_objection && objection.is_empty() {
            return Err(AppError::rule(
                Some("objection".into()),
                "what does the customer object to? write what the receipt says beside the objection box",
                "请填写客户在“有异议”处注明的内容",
            ));
        }
        let given = check_signature(&form.sign)?;
        let stamp = self.stamp();
        let moment = self.moment();
        let (files, offset, today) = (self.files.clone(), self.clock.utc_offset(), self.clock.today());
        self.store.write(|tx| {
            let letter = letters::by_number(tx, &form.sign.number)?.ok_or_else(|| {
                crate::documents::unknown_paper(Some(huikuan_domain::PaperKind::Letter), &form.sign.number)
            })?;
            let doc = documents::get(tx, letter.document_id)?;
            let signature = sign_in_tx(tx, &stamp, &files, &doc, &given, &moment, offset, form.no_objection)?;
            let answer = LetterAnswer {
                no_objection: form.no_objection,
                objection: if form.no_objection { String::new() } else { objection.clone() },
                answered_on: today,
                signature_id: signature.id,
            };
            letters::insert_answer(tx, letter.id, &answer, &stamp)?;
            let said = serde_json::json!({ "number": letter.number, "answer": answer });
            audit(tx, &stamp, "answer", "letter", letter.id, None::<&()>, Some(&said))?;
            letter_view(tx, letter)
        })
    }
}
