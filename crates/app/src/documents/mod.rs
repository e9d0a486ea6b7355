//! The papers Huikuan prints, rendered from the books by huikuan-docs.

mod delivery_note_pdf;
