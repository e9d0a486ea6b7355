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
    pub fn prefix(self) -> &'static str {
        match self {
            PaperKind::DeliveryNote => "SD",
            PaperKind::Statement => "ST",
            PaperKind::Letter => "DL",
            PaperKind::Plan => "RP",
        }
    }

    /// The kind a document number belongs to, from its prefix (`SD-2026-000001`).
    pub fn of_number(number: &str) -> Option<PaperKind> {
        let prefix = number.trim().split('-').next()?;
        PaperKind::ALL.iter().copied().find(|k| k.prefix().eq_ignore_ascii_case(prefix))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_tells_its_kind_by_prefix() {
        assert_eq!(PaperKind::of_number("SD-2026-000123"), Some(PaperKind::DeliveryNote));
        assert_eq!(PaperKind::of_number(" st-2026-000001"), Some(PaperKind::Statement));
        assert_eq!(PaperKind::of_number("DL-2026-000002"), Some(PaperKind::Letter));
        assert_eq!(PaperKind::of_number("PM-2026-000002"), None);
        assert_eq!(PaperKind::of_number(""), None);
    }
}
