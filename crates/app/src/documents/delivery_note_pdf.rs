use huikuan_docs::{delivery_note_pdf, DeliveryNoteDoc, DeliveryNoteLine, Letterhead, Paper};
use huikuan_store::tables::{company, customers, deliveries};

use crate::error::AppError;
use crate::Books;

impl Books {
    /// The issued delivery note as a PDF, in its customer's language, on A4.
    pub fn delivery_note_pdf(&mut self, number: &str) -> Result<Vec<u8>, AppError> {
        let doc = self.store.read(|tx| {
            let note = deliveries::by_number(tx, number)?.ok_or_else(|| AppError::UnknownDocument {
                kind: "delivery note",
                number: number.trim().to_string(),
            })?;
            let customer = customers::get(tx, note.customer_id)?;
            let us = company::get(tx)?;
            Ok::<_, AppError>(DeliveryNoteDoc {
                letterhead: Letterhead {
                    name: us.legal_name,
                    address: us.address,
                    phone: us.phone,
                    tax_id: us.tax_id,
                    logo_png: None,
                },
                language: customer.fields.doc_language,
                paper: Paper::A4,
                number: note.number.clone().unwrap_or_default(),
                date: note.doc_date,
                due_date: note.due_date,
                // The terms are not kept on the note; the due date it was issued with is.
                terms: customer.fields.payment_terms,
                customer_code: customer.fields.code,
                customer_name: customer.fields.name,
                contact: note.contact_name,
                address: note.address,
                memo: note.memo,
                total: note.total,
                lines: note
                    .lines
                    .into_iter()
                    .map(|l| DeliveryNoteLine {
                        item: l.item,
                        spec: l.spec,
                        unit: l.unit,
                        quantity: l.quantity.to_string(),
                        unit_price: l.unit_price.to_string(),
                        amount: l.amount,
                    })
                    .collect(),
            })
        })?;
        Ok(delivery_note_pdf(&doc)?)
    }
}
