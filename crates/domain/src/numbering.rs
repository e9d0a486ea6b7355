//! Document numbers: a prefix per document type, the year, and a gapless sequence,
//! e.g. SD-2026-000123.

use crate::word_enum;

word_enum!(
    DocType, "document type", {
        Delivery => "delivery",
        Opening => "opening",
        Charge => "charge",
        Payment => "payment",
        CreditNote => "credit_note",
        WriteOff => "write_off",
        Statement => "statement",
        Letter => "letter",
        Plan => "plan",
    }
);

impl DocType {
    pub fn prefix(self) -> &'static str {
        match self {
            DocType::Delivery => "SD",
            DocType::Opening => "OB",
            DocType::Charge => "CH",
            DocType::Payment => "PM",
            DocType::CreditNote => "CN",
            DocType::WriteOff => "WO",
            DocType::Statement => "ST",
            DocType::Letter => "DL",
            DocType::Plan => "RP",
        }
    }

    pub fn format_number(self, year: i32, sequence: u32) -> String {
        format!("{}-{year:04}-{sequence:06}", self.prefix())
    }

    /// The (year, sequence) of a number in our own format, so that imported numbers that
    /// happen to use it move the sequence past them instead of colliding later.
    pub fn parse_number(self, number: &str) -> Option<(i32, u32)> {
        let rest = number.strip_prefix(self.prefix())?.strip_prefix('-')?;
        let (year, seq) = rest.split_once('-')?;
        if year.len() != 4 || seq.len() != 6 {
            return None;
        }
        Some((year.parse().ok()?, seq.parse().ok()?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_and_parses_numbers() {
        assert_eq!(DocType::Delivery.format_number(2026, 123), "SD-2026-000123");
        assert_eq!(DocType::Payment.parse_number("PM-2026-000042"), Some((2026, 42)));
        assert_eq!(DocType::Payment.parse_number("SD-2026-000042"), None);
        assert_eq!(DocType::Delivery.parse_number("SD-26-1"), None);
    }
}
