//! VAT invoices (发票) issued to customers: their kinds, numbers and tax rates, the rules an
//! invoice keeps (by field, so a form can say what is wrong beside each), and what is
//! delivered but not invoiced, invoiced but not paid, as of a date.

mod check;
mod listing;
mod report;

use serde::{Deserialize, Serialize};

pub use check::{check_invoice, check_number, Cover, InvoiceInput, Problem};
pub use listing::{
    has_invoice_heading, read_invoice_list, read_invoice_list_by, InvoiceColumns, InvoiceList, ListedInvoice, ListedRow,
};
pub use report::{invoicing, Invoicing};

/// The kind of invoice, as the tax platform names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum InvoiceKind {
    /// 数电专票: a fully digital special VAT invoice (the buyer may deduct its tax).
    DigitalSpecial,
    /// 数电普票
    DigitalNormal,
    /// 纸质专票
    PaperSpecial,
    /// 纸质普票
    PaperNormal,
    /// 电子普票: the older electronic invoice, with a 发票代码.
    ElectronicNormal,
}

impl InvoiceKind {
    pub const ALL: [InvoiceKind; 5] = [
        InvoiceKind::DigitalSpecial,
        InvoiceKind::DigitalNormal,
        InvoiceKind::PaperSpecial,
        InvoiceKind::PaperNormal,
        InvoiceKind::ElectronicNormal,
    ];

    pub fn name(self) -> &'static str {
        match self {
            InvoiceKind::DigitalSpecial => "digital_special",
            InvoiceKind::DigitalNormal => "digital_normal",
            InvoiceKind::PaperSpecial => "paper_special",
            InvoiceKind::PaperNormal => "paper_normal",
            InvoiceKind::ElectronicNormal => "electronic_normal",
        }
    }

    pub fn zh(self) -> &'static str {
        match self {
            InvoiceKind::DigitalSpecial => "数电专票",
            InvoiceKind::DigitalNormal => "数电普票",
            InvoiceKind::PaperSpecial => "纸质专票",
            InvoiceKind::PaperNormal => "纸质普票",
            InvoiceKind::ElectronicNormal => "电子普票",
        }
    }

    pub fn en(self) -> &'static str {
        match self {
            InvoiceKind::DigitalSpecial => "digital special VAT invoice",
            InvoiceKind::DigitalNormal => "digital ordinary VAT invoice",
            InvoiceKind::PaperSpecial => "paper special VAT invoice",
            InvoiceKind::PaperNormal => "paper ordinary VAT invoice",
            InvoiceKind::ElectronicNormal => "electronic ordinary VAT invoice",
        }
    }

    /// By its name or the words the tax platform's lists use (数电票（增值税专用发票）…).
    pub fn from_words(text: &str) -> Option<InvoiceKind> {
        let text = text.trim();
        if let Some(kind) = InvoiceKind::ALL.into_iter().find(|k| k.name() == text || k.zh() == text) {
            return Some(kind);
        }
        let special = text.contains("专");
        let normal = text.contains("普");
        if text.contains("数电") || text.contains("全电") {
            return Some(if special { InvoiceKind::DigitalSpecial } else { InvoiceKind::DigitalNormal });
        }
        match (text.contains("纸质"), text.contains("电子"), special, normal) {
            (true, _, true, _) => Some(InvoiceKind::PaperSpecial),
            (true, _, _, true) => Some(InvoiceKind::PaperNormal),
            (false, true, _, true) => Some(InvoiceKind::ElectronicNormal),
            _ => None,
        }
    }

    /// A 数电票 has one 20-digit number; the others a 发票代码 and an 8-digit 发票号码.
    pub fn is_digital(self) -> bool {
        matches!(self, InvoiceKind::DigitalSpecial | InvoiceKind::DigitalNormal)
    }
}

/// The VAT rate the invoice is at: one of the rates in force, or several (lines at more than one).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TaxRate {
    Percent(u8),
    Mixed,
}

impl TaxRate {
    /// The rates in force: 13% (goods), 9%, 6%, 3% and 1% (small taxpayers), 0 (exempt or export).
    pub const PERCENTS: [u8; 6] = [13, 9, 6, 3, 1, 0];

    /// `13`, `13%`, `0.13`, `mixed` / `多税率`; None for a rate not in force (7%).
    pub fn parse(text: &str) -> Option<TaxRate> {
        let text = text.trim().trim_end_matches(['%', '％']).trim();
        if matches!(text, "mixed" | "多税率" | "多种税率") {
            return Some(TaxRate::Mixed);
        }
        let percent = match text.parse::<u8>() {
            Ok(p) => p,
            Err(_) => match text {
                "0.13" => 13,
                "0.09" => 9,
                "0.06" => 6,
                "0.03" => 3,
                "0.01" => 1,
                "免税" | "不征税" | "0.00" => 0,
                _ => return None,
            },
        };
        TaxRate::PERCENTS.contains(&percent).then_some(TaxRate::Percent(percent))
    }

    /// As stored: `13`, …, `0`, `mixed`.
    pub fn name(self) -> String {
        match self {
            TaxRate::Percent(p) => p.to_string(),
            TaxRate::Mixed => "mixed".into(),
        }
    }
}
