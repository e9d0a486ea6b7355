//! The customer's answer to a statement, recorded once: confirmed with a signature on the
//! slip (on the pad, or the returned slip scanned), or disputed with the balance it claims,
//! the reason and the items in question. A dispute is settled by adjustments (a credit note,
//! a correction) that the next statement shows; the statement itself never changes.

use huikuan_domain::customer::clean_text;
use huikuan_domain::{parse_amount_typed, EntryKind, Money};
use huikuan_store::tables::statements::{self, Outcome, Statement};
use huikuan_store::tables::{documents, entries};
use huikuan_store::Transaction;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::views::{statement_view, StatementView};
use crate::books::audit;
use crate::documents::{check_signature, sign_in_tx, SignForm};
use crate::error::AppError;
use crate::Books;

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct DisputeForm {
    pub number: String,
    /// The balance the customer says it owes, as typed.
    pub claimed: String,
    pub reason: String,
    /// Numbers of the entries in question, separated by commas or spaces.
    pub items: String,
    /// Who said so.
    pub contact: String,
}

fn answerable(tx: &Transaction, number: &str) -> Result<Statement, AppError> {
    let statement = statements::by_number(tx, number)?
        .ok_or_else(|| crate::documents::unknown_paper(Some(huikuan_domain::PaperKind::Statement), number))?;
    if let Some(superseding) = statements::row_of(tx, statement.id)?.superseded_by {
        return Err(AppError::rule(
            None,
            format!("{number} was replaced by the corrected statement {superseding}: answer that one"),
            format!("{number} 已被更正对账单 {superseding} 取代，请对更正后的对账单确认"),
        ));
    }
    if let Some(earlier) = statements::outcome_of(tx, statement.id)? {
        let said = if earlier.outcome == "confirmed" { ("confirmed", "确认") } else { ("disputed", "提出异议") };
        return Err(AppError::rule(
            None,
            format!("the customer already {} {number} on {}", said.0, earlier.decided_on),
            format!("客户已于 {} 对 {number} {}，不能再次登记", earlier.decided_on, said.1),
        ));
    }
    Ok(statement)
}

impl Books {
    /// The customer confirms the statement: its slip signed on the pad, or the signed slip
    /// scanned. The signed statement shows the signature and 确认无误 ticked.
    pub fn confirm_statement(&mut self, form: SignForm) -> Result<StatementView, AppError> {
        let given = check_signature(&form)?;
        let stamp = self.stamp();
        let moment = self.moment();
        let (files, offset, today) = (self.files.clone(), self.clock.utc_offset(), self.clock.today());
        self.store.write(|tx| {
            let statement = answerable(tx, &form.number)?;
            let doc = documents::get(tx, statement.document_id)?;
            let signature = sign_in_tx(tx, &stamp, &files, &doc, &given, &moment, offset, true)?;
            let outcome = Outcome {
                outcome: "confirmed".into(),
                decided_on: today,
                signature_id: Some(signature.id),
                claimed: None,
                difference: None,
                reason: String::new(),
                items: Vec::new(),
                contact: given.signer.clone(),
                created_at: stamp.at.clone(),
                operator: stamp.operator.clone(),
            };
            let id = statements::insert_outcome(tx, statement.id, &outcome, &stamp)?;
            audit(tx, &stamp, "confirm", "statement", id, None::<&()>, Some(&outcome))?;
            statement_view(tx, statement.id)
        })
    }

    /// The customer disputes the statement: the balance it claims, why, and which items.
    pub fn dispute_statement(&mut self, form: DisputeForm) -> Result<StatementView, AppError> {
        let claimed: Money = parse_amount_typed(&form.claimed).map_err(AppError::invalid("claimed"))?;
        let reason = clean_text("reason", &form.reason).map_err(AppError::invalid("reason"))?;
        if reason.is_empty() {
            return Err(AppError::rule(
                Some("reason".into()),
                "why does the customer disagree? write the reason",
                "请填写客户不认可的原因",
            ));
        }
        let contact = clean_text("contact", &form.contact).map_err(AppError::invalid("contact"))?;
        let items: Vec<String> = form
            .items
            .split([',', '，', ' ', ';', '；'])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect();
        let stamp = self.stamp();
        let today = self.clock.today();
        self.store.write(|tx| {
            let statement = answerable(tx, &form.number)?;
            let difference = statement.closing - claimed;
            if difference.is_zero() {
                return Err(AppError::rule(
                    Some("claimed".into()),
                    format!("the customer's balance {} is ours too: record the statement as confirmed", claimed.yuan()),
                    format!("客户所述余额 {} 与我方一致，请登记为确认无误", claimed.yuan()),
                ));
            }
            for item in &items {
                let known = EntryKind::ALL.iter().any(|&kind| {
                    entries::by_number(tx, kind, item)
                        .ok()
                        .flatten()
                        .is_some_and(|e| e.customer_id == statement.customer_id)
                });
                if !known {
                    return Err(AppError::rule(
                        Some("items".into()),
                        format!("'{item}' is not one of this customer's documents"),
                        format!("“{item}”不是该客户的单据"),
                    ));
                }
            }
            let outcome = Outcome {
                outcome: "disputed".into(),
                decided_on: today,
                signature_id: None,
                claimed: Some(claimed),
                difference: Some(difference),
                reason: reason.clone(),
                items: items.clone(),
                contact: contact.clone(),
                created_at: stamp.at.clone(),
                operator: stamp.operator.clone(),
            };
            let id = statements::insert_outcome(tx, statement.id, &outcome, &stamp)?;
            audit(tx, &stamp, "dispute", "statement", id, None::<&()>, Some(&outcome))?;
            statement_view(tx, statement.id)
        })
    }
}
