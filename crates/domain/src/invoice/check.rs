//! The rules an invoice keeps, each broken one said about its field: the number as its kind
//! writes it, a rate in force and a tax that fits it, and covers that add up to the amount
//! with tax without covering more of a receivable than is left to invoice on it.

use super::{InvoiceKind, TaxRate};
use crate::money::Money;

/// How far the tax may be from the amount at the rate: the platform rounds each line's tax,
/// so an invoice of many lines may differ from its total at the rate by a few cents.
const TAX_SLACK_CENTS: i64 = 10;

/// What of a receivable an invoice is to cover, and how much it may: for an invoice, the
/// receivable's amount less what other invoices cover of it; for a red-letter invoice, what
/// the invoice it reverses still covers of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cover {
    pub number: String,
    pub amount: Money,
    pub room: Money,
}

/// An invoice as given, its amounts as positive figures (a red-letter one's too).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvoiceInput {
    /// 发票代码: '' for a 数电票.
    pub code: String,
    pub number: String,
    pub kind: InvoiceKind,
    pub amount: Money,
    pub tax: Money,
    pub rate: TaxRate,
    pub covers: Vec<Cover>,
    /// A red-letter invoice: what is left of the invoice it reverses.
    pub reverses: Option<Money>,
}

/// A rule broken: the field (`number`, `covers.SD-2026-000012`…) and why, in both languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub field: String,
    pub en: String,
    pub zh: String,
}

fn problem(field: impl Into<String>, en: String, zh: String) -> Problem {
    Problem { field: field.into(), en, zh }
}

fn digits(text: &str, lengths: &[usize]) -> bool {
    text.chars().all(|c| c.is_ascii_digit()) && lengths.contains(&text.len())
}

/// Every rule the invoice breaks, in field order; empty when it may be recorded.
pub fn check_invoice(input: &InvoiceInput) -> Vec<Problem> {
    let mut found = check_number(input.kind, &input.code, &input.number);
    found.extend(amount_problems(input));
    found.extend(cover_problems(input));
    found
}

/// The number (and 发票代码) as an invoice of `kind` writes it.
pub fn check_number(kind: InvoiceKind, code: &str, number: &str) -> Vec<Problem> {
    let (code, number) = (code.trim(), number.trim());
    let mut found = Vec::new();
    if kind.is_digital() {
        if !digits(number, &[20]) {
            found.push(problem(
                "number",
                format!("\"{number}\" is not a 数电票 number: 20 digits"),
                format!("“{number}”不是数电票号码：应为20位数字"),
            ));
        }
        if !code.is_empty() {
            found.push(problem("code", "a 数电票 has no 发票代码".into(), "数电票没有发票代码".into()));
        }
        return found;
    }
    if !digits(code, &[10, 12]) {
        found.push(problem(
            "code",
            format!("\"{code}\" is not a 发票代码: 10 or 12 digits"),
            format!("“{code}”不是发票代码：应为10位或12位数字"),
        ));
    }
    if !digits(number, &[8]) {
        found.push(problem(
            "number",
            format!("\"{number}\" is not a 发票号码: 8 digits"),
            format!("“{number}”不是发票号码：应为8位数字"),
        ));
    }
    found
}

fn amount_problems(input: &InvoiceInput) -> Vec<Problem> {
    let (amount, tax) = (input.amount, input.tax);
    let mut found = Vec::new();
    if !amount.is_positive() {
        found.push(problem("amount", "must be more than zero".into(), "必须大于零".into()));
        return found;
    }
    if let Some(left) = input.reverses.filter(|left| amount > *left) {
        found.push(problem(
            "amount",
            format!("is more than is left of the invoice it reverses ({})", left.yuan()),
            format!("超过了被冲红发票的剩余金额（{}）", left.yuan()),
        ));
    }
    if tax.is_negative() || tax >= amount {
        found.push(problem(
            "tax",
            "must be at least zero and less than the amount with tax".into(),
            "必须不小于零且小于价税合计".into(),
        ));
        return found;
    }
    if let TaxRate::Percent(percent) = input.rate {
        let expected = expected_tax(amount, percent);
        if (tax.cents() - expected.cents()).abs() > TAX_SLACK_CENTS {
            found.push(problem(
                "tax",
                format!("{} is not the tax on {} at {percent}% (about {})", tax.yuan(), amount.yuan(), expected.yuan()),
                format!("{} 不是 {} 按 {percent}% 计算的税额（约 {}）", tax.yuan(), amount.yuan(), expected.yuan()),
            ));
        }
    }
    found
}

/// The tax included in `amount` at `percent`: amount × p / (100 + p), to the cent.
pub(crate) fn expected_tax(amount: Money, percent: u8) -> Money {
    let p = rust_decimal::Decimal::from(percent);
    let tax = amount.to_decimal() * p / (rust_decimal::Decimal::from(100) + p);
    Money::round_half_up(tax).unwrap_or(Money::ZERO)
}

fn cover_problems(input: &InvoiceInput) -> Vec<Problem> {
    let mut found = Vec::new();
    if input.covers.is_empty() {
        let (en, zh) = if input.reverses.is_some() {
            (
                "say which receivables this red-letter invoice takes off: the invoice it reverses covers several",
                "请指明此红字发票冲减哪些单据：被冲红的发票开了多张单据",
            )
        } else {
            ("say which deliveries the invoice covers", "请指明发票所开的送货单")
        };
        found.push(problem("covers", en.into(), zh.into()));
        return found;
    }
    for (i, cover) in input.covers.iter().enumerate() {
        let field = format!("covers.{}", cover.number);
        if input.covers[..i].iter().any(|c| c.number == cover.number) {
            found.push(problem(field, "is given twice".into(), "重复填写".into()));
        } else if !cover.amount.is_positive() {
            found.push(problem(field, "must be more than zero".into(), "必须大于零".into()));
        } else if cover.amount > cover.room {
            let (a, room) = (cover.amount.yuan(), cover.room.yuan());
            let (en, zh) = if input.reverses.is_some() {
                (
                    format!("{a} is more than the invoice it reverses covers of it ({room})"),
                    format!("{a} 超过被冲红发票在该单据上所开的金额（{room}）"),
                )
            } else {
                (
                    format!("{a} is more than is left to invoice on it ({room})"),
                    format!("{a} 超过该单据尚未开票的金额（{room}）"),
                )
            };
            found.push(problem(field, en, zh));
        }
    }
    let total: Money = input.covers.iter().map(|c| c.amount).sum();
    if found.is_empty() && input.amount.is_positive() && total != input.amount {
        found.push(problem(
            "covers",
            format!("the covers add up to {}, not the invoice's amount with tax {}", total.yuan(), input.amount.yuan()),
            format!("合计 {}，与价税合计 {} 不符", total.yuan(), input.amount.yuan()),
        ));
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn yuan(text: &str) -> Money {
        text.parse().unwrap()
    }

    fn digital() -> InvoiceInput {
        InvoiceInput {
            code: String::new(),
            number: "26332000000012345678".into(),
            kind: InvoiceKind::DigitalSpecial,
            amount: yuan("11300.00"),
            tax: yuan("1300.00"),
            rate: TaxRate::Percent(13),
            covers: vec![
                Cover { number: "SD-1".into(), amount: yuan("8000.00"), room: yuan("8000.00") },
                Cover { number: "SD-2".into(), amount: yuan("3300.00"), room: yuan("5000.00") },
            ],
            reverses: None,
        }
    }

    fn fields(input: &InvoiceInput) -> Vec<String> {
        check_invoice(input).into_iter().map(|p| p.field).collect()
    }

    #[test]
    fn an_invoice_covering_two_deliveries_whole_and_in_part_keeps_every_rule() {
        assert_eq!(check_invoice(&digital()), []);
        let paper = InvoiceInput {
            code: "3100231130".into(),
            number: "01234567".into(),
            kind: InvoiceKind::PaperNormal,
            rate: TaxRate::Mixed,
            tax: yuan("900.00"),
            ..digital()
        };
        assert_eq!(check_invoice(&paper), []);
    }

    #[test]
    fn numbers_are_refused_unless_written_as_their_kind_writes_them() {
        let short = InvoiceInput { number: "2633200000001234567".into(), ..digital() };
        let said = check_invoice(&short);
        assert_eq!(
            (said[0].field.as_str(), said[0].zh.as_str()),
            ("number", "“2633200000001234567”不是数电票号码：应为20位数字")
        );
        let paper = InvoiceInput {
            kind: InvoiceKind::PaperSpecial,
            code: "31002311".into(),
            number: "1234567".into(),
            ..digital()
        };
        assert_eq!(fields(&paper), ["code", "number"]);
        let coded = InvoiceInput { code: "3100231130".into(), ..digital() };
        assert_eq!(fields(&coded), ["code"]);
    }

    #[test]
    fn a_tax_that_does_not_fit_its_rate_is_refused_and_rounding_is_allowed_for() {
        assert_eq!(TaxRate::parse("7%"), None);
        assert_eq!(TaxRate::parse("13%"), Some(TaxRate::Percent(13)));
        let off = InvoiceInput { tax: yuan("1200.00"), ..digital() };
        assert_eq!(check_invoice(&off)[0].en, "¥1,200.00 is not the tax on ¥11,300.00 at 13% (about ¥1,300.00)");
        let rounded = InvoiceInput { tax: yuan("1300.06"), ..digital() };
        assert_eq!(fields(&rounded), Vec::<String>::new());
        let exempt = InvoiceInput { rate: TaxRate::Percent(0), tax: yuan("1.00"), ..digital() };
        assert_eq!(fields(&exempt), ["tax"]);
        let whole = InvoiceInput { tax: yuan("11300.00"), ..digital() };
        assert_eq!(fields(&whole), ["tax"]);
    }

    #[test]
    fn covers_must_add_up_and_never_cover_more_than_is_left_to_invoice() {
        let mut short = digital();
        short.covers[1].amount = yuan("3000.00");
        assert_eq!(check_invoice(&short)[0].zh, "合计 ¥11,000.00，与价税合计 ¥11,300.00 不符");
        let mut over = digital();
        over.covers[0].room = yuan("7999.99");
        assert_eq!(check_invoice(&over)[0].en, "¥8,000.00 is more than is left to invoice on it (¥7,999.99)");
        let mut twice = digital();
        twice.covers[1].number = "SD-1".into();
        assert_eq!(fields(&twice), ["covers.SD-1"]);
        let none = InvoiceInput { covers: Vec::new(), ..digital() };
        assert_eq!(fields(&none), ["covers"]);
    }

    #[test]
    fn a_red_letter_invoice_reverses_no_more_than_is_left_of_its_invoice() {
        let red = InvoiceInput {
            number: "26332000000099999999".into(),
            amount: yuan("1130.00"),
            tax: yuan("130.00"),
            covers: vec![Cover { number: "SD-2".into(), amount: yuan("1130.00"), room: yuan("3300.00") }],
            reverses: Some(yuan("11300.00")),
            ..digital()
        };
        assert_eq!(check_invoice(&red), []);
        let too_much = InvoiceInput { reverses: Some(yuan("1000.00")), ..red.clone() };
        assert_eq!(fields(&too_much), ["amount"]);
    }
}
