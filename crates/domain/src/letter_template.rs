//! Dunning letter templates: text the owner writes, with `{placeholders}` the letter fills
//! in. A template is checked when it is saved: an unknown placeholder or a brace left open
//! is refused with where it is, so a letter never goes out with a hole in it. `{{` and `}}`
//! write a brace.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::word_enum;

word_enum!(
    /// What a template may ask the letter for.
    Placeholder, "placeholder", {
        Company => "company",
        Customer => "customer",
        Contact => "contact",
        Date => "date",
        OverdueItems => "overdue_items",
        Total => "total",
        TotalCapitals => "total_capitals",
        PayBy => "pay_by",
        BankAccount => "bank_account",
        Signatory => "signatory",
        LetterNumber => "letter_number",
        PreviousLetters => "previous_letters",
        Salutation => "salutation",
        Interest => "interest",
    }
);

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    Text(String),
    Field(Placeholder),
}

/// Why a template was refused, and where: line and column from 1, in characters.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TemplateError {
    #[error("line {line}, column {column}: unknown placeholder {{{name}}} (known: {known})")]
    Unknown { name: String, line: usize, column: usize, known: String },
    #[error("line {line}, column {column}: a '{{' is never closed (write {{{{ for a brace)")]
    Unclosed { line: usize, column: usize },
    #[error("line {line}, column {column}: a '}}' closes nothing (write }}}} for a brace)")]
    Unopened { line: usize, column: usize },
    #[error("the template is empty")]
    Empty,
}

fn known() -> String {
    Placeholder::ALL.iter().map(|p| format!("{{{}}}", p.as_str())).collect::<Vec<_>>().join(", ")
}

/// Splits a template into text and placeholders, or says what is wrong and where.
pub fn parse(template: &str) -> Result<Vec<Segment>, TemplateError> {
    if template.trim().is_empty() {
        return Err(TemplateError::Empty);
    }
    let mut segments = Vec::new();
    let mut text = String::new();
    let (mut line, mut column) = (1usize, 0usize);
    let mut chars = template.chars().peekable();
    while let Some(c) = chars.next() {
        column += 1;
        match c {
            '\n' => {
                text.push(c);
                line += 1;
                column = 0;
            }
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
                column += 1;
                text.push('{');
            }
            '}' if chars.peek() == Some(&'}') => {
                chars.next();
                column += 1;
                text.push('}');
            }
            '}' => return Err(TemplateError::Unopened { line, column }),
            '{' => {
                let (start_line, start_column) = (line, column);
                let mut name = String::new();
                loop {
                    match chars.next() {
                        Some('}') => {
                            column += 1;
                            break;
                        }
                        Some('{') | Some('\n') | None => {
                            return Err(TemplateError::Unclosed { line: start_line, column: start_column })
                        }
                        Some(n) => {
                            column += 1;
                            name.push(n);
                        }
                    }
                }
                let field = name.trim().parse::<Placeholder>().map_err(|_| TemplateError::Unknown {
                    name: name.clone(),
                    line: start_line,
                    column: start_column,
                    known: known(),
                })?;
                if !text.is_empty() {
                    segments.push(Segment::Text(std::mem::take(&mut text)));
                }
                segments.push(Segment::Field(field));
            }
            _ => text.push(c),
        }
    }
    if !text.is_empty() {
        segments.push(Segment::Text(text));
    }
    Ok(segments)
}

/// The template with its placeholders filled; one missing from `values` stays empty.
pub fn fill(segments: &[Segment], values: &HashMap<Placeholder, String>) -> String {
    segments
        .iter()
        .map(|s| match s {
            Segment::Text(t) => t.clone(),
            Segment::Field(f) => values.get(f).cloned().unwrap_or_default(),
        })
        .collect()
}

/// One letter's wording: its title and its body, in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct LetterWording {
    pub title: String,
    pub body: String,
}

/// The three levels' wording in both languages: `levels[0]` is the reminder (提醒函),
/// `levels[1]` the demand (催款函), `levels[2]` the final notice (最后催告函). The defaults
/// claim no earlier demand of their own: `{previous_letters}` names the letters the books
/// hold (number and date), and says nothing when there are none.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct LetterTemplates {
    pub zh: [LetterWording; 3],
    pub en: [LetterWording; 3],
}

/// A template refused on saving: which one, which part, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct TemplateProblem {
    pub language: String,
    pub level: u8,
    /// title or body.
    pub part: String,
    pub message: String,
}

impl LetterTemplates {
    /// Every problem of every template, so the editor can show each one in place.
    pub fn problems(&self) -> Vec<TemplateProblem> {
        let mut out = Vec::new();
        for (language, levels) in [("zh", &self.zh), ("en", &self.en)] {
            for (i, wording) in levels.iter().enumerate() {
                for (part, text) in [("title", &wording.title), ("body", &wording.body)] {
                    if let Err(e) = parse(text) {
                        out.push(TemplateProblem {
                            language: language.into(),
                            level: i as u8 + 1,
                            part: part.into(),
                            message: e.to_string(),
                        });
                    }
                }
            }
        }
        out
    }

    /// Templates saved before the defaults were mended still hold the old default wording:
    /// a sentence claiming repeated demands whether or not any was made, and the first
    /// defaults whole (a reminder telling the customer to ignore it, a final notice naming
    /// lawyer's fees whatever the contract says). Both are read as the current defaults, so
    /// no letter says what the books or the contract do not hold. The owner's own wording stays.
    pub fn without_old_claims(mut self) -> LetterTemplates {
        const MENDED: [(&str, &str); 4] = [
            ("我司多次催告，贵司至今仍未支付。", "上述款项至今仍未支付。"),
            ("Despite our repeated demands, this remains unpaid.", "This amount remains unpaid."),
            // The reminder asked for payment by the date twice, in consecutive paragraphs.
            ("如贵司已付款，请将付款凭证发送我司核对；如尚未付款，请于 {pay_by} 前支付。", "如贵司已付款，请将付款凭证发送我司核对。"),
            (
                "If you have already paid, please send us proof of payment so that we can match it; if not, please pay by {pay_by}.",
                "If you have already paid, please send us proof of payment so that we can match it.",
            ),
        ];
        for wording in self.zh.iter_mut().chain(self.en.iter_mut()) {
            for (old, new) in MENDED {
                wording.body = wording.body.replace(old, new);
            }
        }
        let current = LetterTemplates::default();
        for (i, old) in OLD_DEFAULTS.iter().enumerate() {
            let (levels, new) = if i < 3 { (&mut self.zh, &current.zh) } else { (&mut self.en, &current.en) };
            if levels[i % 3].body == *old {
                levels[i % 3].body = new[i % 3].body.clone();
            }
        }
        self
    }

    pub fn wording(&self, language: crate::DocLanguage, level: u8) -> &LetterWording {
        let levels = if language == crate::DocLanguage::Zh { &self.zh } else { &self.en };
        &levels[usize::from(level.clamp(1, 3) - 1)]
    }
}

/// The first defaults, as templates saved before the wording was mended still hold them.
const OLD_DEFAULTS: [&str; 6] = [
    "{customer}：\n\n感谢贵司一直以来对我司的支持与信任。经核对，截至 {date}，贵司以下货款已超过约定付款期限，尚未支付：\n\n{overdue_items}\n\n合计 {total}（{total_capitals}）。可能是贵司付款安排疏忽所致，特此提醒。请于 {pay_by} 前将上述款项汇入我司账户（{bank_account}）。如已付款，请忽略本函并告知付款日期，以便我司核对。\n\n如对上述款项有任何疑问，请与我司联系。",
    "{customer}：\n\n截至 {date}，贵司以下货款已逾期未付：\n\n{overdue_items}\n\n合计 {total}（{total_capitals}）。{previous_letters}上述款项已逾期较久，严重影响我司资金周转。请贵司务必于 {pay_by} 前全额支付至我司账户（{bank_account}），或在此之前与我司联系并书面确认还款安排。\n\n本函同时作为我司向贵司主张上述债权的书面通知。",
    "{customer}：\n\n截至 {date}，贵司仍拖欠我司以下货款：\n\n{overdue_items}\n\n合计 {total}（{total_capitals}）。{previous_letters}上述款项至今仍未支付。现正式最后催告：请贵司于 {pay_by} 前将全部欠款支付至我司账户（{bank_account}）。\n\n逾期仍未支付的，我司将依法提起诉讼或申请仲裁，并主张逾期付款利息及实现债权的全部费用（包括诉讼费、律师费、保全费等），由此产生的一切后果由贵司承担。\n\n本函系我司依据《中华人民共和国民法典》向贵司主张债权的正式书面通知。",
    "Dear {customer},\n\nThank you for your continued business. According to our records, as of {date} the following invoices are past their agreed payment date and remain unpaid:\n\n{overdue_items}\n\nTotal {total}. This may simply have been overlooked. Please pay the amount above into our account ({bank_account}) by {pay_by}. If you have already paid, please disregard this letter and tell us the date of payment so that we can match it.\n\nPlease contact us if you have any question about these amounts.",
    "Dear {customer},\n\nAs of {date}, the following invoices are overdue and unpaid:\n\n{overdue_items}\n\nTotal {total}. {previous_letters}These amounts are long overdue. Please pay them in full into our account ({bank_account}) by {pay_by}, or contact us before then and confirm a repayment arrangement in writing.\n\nThis letter is our written demand for payment of the debt above.",
    "Dear {customer},\n\nAs of {date}, your company still owes us the following:\n\n{overdue_items}\n\nTotal {total}. {previous_letters}This amount remains unpaid. This is our final notice: please pay the full amount into our account ({bank_account}) by {pay_by}.\n\nIf payment is not received by that date, we will bring legal proceedings or arbitration without further notice and claim interest on the late payment and all costs of recovery, including court, lawyer and preservation fees.\n\nThis letter is our formal written demand for payment under the Civil Code of the People's Republic of China.",
];

impl Default for LetterTemplates {
    /// Worded to be signed: the reminder asks for proof of a payment already made instead
    /// of telling the customer to ignore it; the demand states what follows non-payment; the
    /// final notice claims interest on the contract or the law (`{interest}` prints the
    /// figure only when there is one) and lawyer's fees only where the contract provides.
    fn default() -> Self {
        let w = |title: &str, body: &str| LetterWording { title: title.into(), body: body.into() };
        LetterTemplates {
            zh: [
                w(
                    "提 醒 函",
                    "{salutation}\n\n感谢贵司一直以来对我司的支持与信任。经核对，截至 {date}，贵司以下货款已超过约定付款期限，尚未支付：\n\n{overdue_items}\n\n合计 {total}（{total_capitals}）。特此提醒，请于 {pay_by} 前将上述款项支付至我司账户（{bank_account}）。\n\n如贵司已付款，请将付款凭证发送我司核对。如对上述款项有异议，请于收到本函之日起七日内书面告知我司并说明理由。\n\n请在下方回执上签字盖章后寄回或拍照发回我司。",
                ),
                w(
                    "催 款 函",
                    "{salutation}\n\n截至 {date}，贵司以下货款已逾期未付：\n\n{overdue_items}\n\n合计 {total}（{total_capitals}）。{previous_letters}请贵司于 {pay_by} 前将上述款项全额支付至我司账户（{bank_account}），或在此之前与我司联系并书面确认还款安排。\n\n如贵司逾期仍未付款，我司将暂停向贵司供货及发货，并保留依法追究贵司违约责任的权利。\n\n本函同时作为我司向贵司主张上述债权的书面通知。请在下方回执上签字盖章后寄回或拍照发回我司。",
                ),
                w(
                    "最 后 催 告 函",
                    "{salutation}\n\n截至 {date}，贵司仍拖欠我司以下货款：\n\n{overdue_items}\n\n合计 {total}（{total_capitals}）。{previous_letters}{interest}现正式最后催告：请贵司于 {pay_by} 前将上述全部欠款支付至我司账户（{bank_account}）。\n\n逾期仍未支付的，我司将依法提起诉讼或申请仲裁，要求贵司清偿上述欠款，依约定或依法支付逾期付款利息（或违约金），合同约定由贵司承担律师费的，依约承担律师费，并承担诉讼费、保全费等实现债权的费用。\n\n本函系我司依据《中华人民共和国民法典》第一百九十五条向贵司主张债权的书面通知。请在下方回执上签字盖章后寄回或拍照发回我司。",
                ),
            ],
            en: [
                w(
                    "REMINDER",
                    "{salutation}\n\nThank you for your continued business. According to our records, as of {date} the following amounts are past their agreed payment date and remain unpaid:\n\n{overdue_items}\n\nTotal {total}. Please pay this amount into our account ({bank_account}) by {pay_by}.\n\nIf you have already paid, please send us proof of payment so that we can match it. If you dispute any of these amounts, please tell us so in writing, with your reasons, within seven days of receiving this letter.\n\nPlease sign and return the acknowledgement below (a photo is fine).",
                ),
                w(
                    "DEMAND FOR PAYMENT",
                    "{salutation}\n\nAs of {date}, the following amounts are overdue and unpaid:\n\n{overdue_items}\n\nTotal {total}. {previous_letters}Please pay them in full into our account ({bank_account}) by {pay_by}, or contact us before then and confirm a repayment arrangement in writing.\n\nIf payment is not received by that date, we will suspend supplies and deliveries to you, and we reserve the right to take legal action for your breach of contract.\n\nThis letter is our written demand for payment of the debt above. Please sign and return the acknowledgement below (a photo is fine).",
                ),
                w(
                    "FINAL NOTICE BEFORE LEGAL ACTION",
                    "{salutation}\n\nAs of {date}, your company still owes us the following:\n\n{overdue_items}\n\nTotal {total}. {previous_letters}{interest}This is our final notice: please pay the full amount into our account ({bank_account}) by {pay_by}.\n\nIf payment is not received by that date, we will bring legal proceedings or arbitration without further notice to recover the debt, with interest on the late payment (or liquidated damages) as agreed in the contract or as provided by law, lawyer's fees where the contract provides for them, and the court, preservation and other costs of recovery.\n\nThis letter is our formal written demand for payment under Article 195 of the Civil Code of the People's Republic of China. Please sign and return the acknowledgement below (a photo is fine).",
                ),
            ],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_good_template_fills_its_placeholders_and_keeps_literal_braces() {
        let segments = parse("致 {customer}：请于 {pay_by} 前付款 {{备注}}").unwrap();
        let values: HashMap<Placeholder, String> =
            [(Placeholder::Customer, "华联超市".to_string()), (Placeholder::PayBy, "2026-12-15".to_string())].into();
        assert_eq!(fill(&segments, &values), "致 华联超市：请于 2026-12-15 前付款 {备注}");
    }

    #[test]
    fn an_unknown_placeholder_is_refused_with_where_it_is() {
        let err = parse("第一行\n请于 {pay_date} 前付款").unwrap_err();
        assert!(
            matches!(&err, TemplateError::Unknown { name, line: 2, column: 4, .. } if name == "pay_date"),
            "{err:?}"
        );
        assert!(err.to_string().starts_with("line 2, column 4: unknown placeholder {pay_date}"), "{err}");
    }

    #[test]
    fn unbalanced_braces_are_refused_with_where_they_are() {
        assert_eq!(parse("请于 {pay_by 前付款"), Err(TemplateError::Unclosed { line: 1, column: 4 }));
        assert_eq!(parse("a {customer\n}"), Err(TemplateError::Unclosed { line: 1, column: 3 }));
        assert_eq!(parse("付款} 谢谢"), Err(TemplateError::Unopened { line: 1, column: 3 }));
        assert_eq!(parse("{{customer}"), Err(TemplateError::Unopened { line: 1, column: 11 }));
        assert_eq!(parse("   "), Err(TemplateError::Empty));
    }

    #[test]
    fn the_default_templates_claim_no_earlier_demand_beyond_the_previous_letters_placeholder() {
        let templates = LetterTemplates::default();
        for wording in templates.zh.iter().chain(&templates.en) {
            for claim in ["多次", "再次", "屡次", "repeated", "again", "several"] {
                assert!(!wording.body.contains(claim), "{claim:?} in {:?}", wording.title);
            }
        }
        for levels in [&templates.zh, &templates.en] {
            for wording in &levels[1..] {
                assert!(parse(&wording.body).unwrap().contains(&Segment::Field(Placeholder::PreviousLetters)));
            }
        }
    }

    #[test]
    fn a_template_saved_with_an_old_default_reads_as_the_current_default() {
        let mut saved = LetterTemplates::default();
        saved.zh[2].body = OLD_DEFAULTS[2].replace("上述款项至今仍未支付。", "我司多次催告，贵司至今仍未支付。");
        saved.en[2].body = OLD_DEFAULTS[5]
            .replace("This amount remains unpaid.", "Despite our repeated demands, this remains unpaid.");
        saved.zh[0].body = OLD_DEFAULTS[0].into();
        saved.en[0].body = OLD_DEFAULTS[3].into();
        assert_ne!(saved, LetterTemplates::default());
        assert_eq!(saved.without_old_claims(), LetterTemplates::default());
        let mut own = LetterTemplates::default();
        own.zh[0].body = "贵司尚欠 {total}，我司已多次电话提醒。".into();
        assert_eq!(own.clone().without_old_claims(), own, "the owner's own words stay");
    }

    #[test]
    fn the_default_templates_are_all_good_and_list_the_overdue_items() {
        let templates = LetterTemplates::default();
        assert_eq!(templates.problems(), []);
        for levels in [&templates.zh, &templates.en] {
            for wording in levels {
                assert!(parse(&wording.body).unwrap().contains(&Segment::Field(Placeholder::OverdueItems)));
            }
        }
    }

    #[test]
    fn the_default_wording_is_what_a_lawyer_would_sign() {
        let t = LetterTemplates::default();
        let reminder = &t.zh[0].body;
        for bad in ["疏忽", "忽略本函"] {
            assert!(!reminder.contains(bad), "{bad:?} in the reminder");
        }
        assert!(reminder.contains("如贵司已付款，请将付款凭证发送我司核对。"));
        for levels in [&t.zh, &t.en] {
            let asks =
                parse(&levels[0].body).unwrap().iter().filter(|s| **s == Segment::Field(Placeholder::PayBy)).count();
            assert_eq!(asks, 1, "the reminder gives its date to pay once: {:?}", levels[0].body);
        }
        assert!(!t.en[0].body.contains("disregard") && !t.en[0].body.contains("overlooked"));
        assert!(t.zh[1].body.contains("暂停向贵司供货及发货") && t.zh[1].body.contains("保留依法追究"));
        assert!(t.en[1].body.contains("suspend supplies") && t.en[1].body.contains("reserve the right"));
        let last = &t.zh[2].body;
        assert!(last.contains("依约定或依法") && last.contains("依约承担律师费"), "{last}");
        assert!(t.en[2].body.contains("where the contract provides for them"));
        for levels in [&t.zh, &t.en] {
            assert!(parse(&levels[2].body).unwrap().contains(&Segment::Field(Placeholder::Interest)));
            for wording in levels {
                assert!(wording.body.starts_with("{salutation}"), "{:?}", wording.title);
            }
        }
    }
}
