//! The formal papers the books print and keep: each kind is numbered with its own prefix.

use crate::word_enum;

word_enum!(
    /// A document the customer receives, signs or confirms.
    PaperKind, "document kind", {
        DeliveryNote => "delivery_note",
        Statement => "statement",
        Letter => "letter",
        Plan => "plan",
    }
);

word_enum!(
    /// How a customer signed: drawn on the pad in the app, or on paper scanned back.
    SignMethod, "signature method", {
        Pad => "pad",
        Scan => "scan",
    }
);

word_enum!(
    /// How a paper went out to the customer.
    SendChannel, "channel", {
        Hand => "hand",
        Post => "post",
        Express => "express",
        Email => "email",
        Wechat => "wechat",
        Other => "other",
    }
);

impl PaperKind {
    /// The prefix of the numbers the books give new papers of this kind. Only for numbering:
    /// a number never tells its kind (an imported note keeps whatever number it came with).
    pub fn prefix(self) -> &'static str {
        match self {
            PaperKind::DeliveryNote => "SD",
            PaperKind::Statement => "ST",
            PaperKind::Letter => "DL",
            PaperKind::Plan => "RP",
        }
    }

    pub fn zh(self) -> &'static str {
        match self {
            PaperKind::DeliveryNote => "送货单",
            PaperKind::Statement => "对账单",
            PaperKind::Letter => "催款函",
            PaperKind::Plan => "还款计划确认书",
        }
    }

    pub fn en(self) -> &'static str {
        match self {
            PaperKind::DeliveryNote => "delivery note",
            PaperKind::Statement => "statement",
            PaperKind::Letter => "dunning letter",
            PaperKind::Plan => "repayment plan agreement",
        }
    }
}
