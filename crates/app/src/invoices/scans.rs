//! A scan or photo of an invoice, kept as an attachment of its customer and linked to the
//! invoice, in one transaction: the evidence pack puts it beside the delivery notes.

use huikuan_store::tables::attachments::NewAttachment;
use huikuan_store::tables::invoices;

use super::add::one_invoice;
use super::list::{view_of, InvoiceView};
use crate::customers::attachments::{attach_in_tx, checked};
use crate::error::AppError;
use crate::Books;

impl Books {
    /// Attaches `bytes` (the file `file_name`) as a scan of the invoice numbered `number`
    /// (with its 发票代码 `code` where several share the number).
    pub fn attach_invoice_scan(
        &mut self,
        code: &str,
        number: &str,
        file_name: &str,
        bytes: &[u8],
    ) -> Result<InvoiceView, AppError> {
        let (files, stamp) = (self.files.clone(), self.stamp());
        let about = NewAttachment {
            customer_id: 0,
            kind: "other".into(),
            title: format!("发票 {}", number.trim()),
            file_name: file_name.into(),
            sha256: String::new(),
            size_bytes: 0,
            notes: String::new(),
        };
        let about = checked(about, bytes)?;
        self.store.write(|tx| {
            let invoice = one_invoice(tx, code, number)?;
            let kept =
                attach_in_tx(tx, &files, &stamp, NewAttachment { customer_id: invoice.customer_id, ..about }, bytes)?;
            invoices::add_scan(tx, invoice.id, kept.id)?;
            view_of(tx, invoice.customer_id, invoice.id)
        })
    }
}
