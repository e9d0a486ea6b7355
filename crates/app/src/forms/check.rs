//! Every field of a form checked, every refusal kept: the user sees all that is wrong at
//! once, each beside its field, not one per save.

use huikuan_domain::{DocLanguage, DomainError};

use crate::error::{AppError, Refusal};
use crate::messages::{domain_zh, field_en, field_zh, FieldMessage};

/// Collects the refusals of a form's fields as they are checked.
#[derive(Default)]
pub(crate) struct Check {
    errors: Vec<AppError>,
}

impl Check {
    /// The value when it is good; otherwise the refusal is kept and `None` returned.
    pub(crate) fn take<T>(&mut self, result: Result<T, AppError>) -> Option<T> {
        result.map_err(|e| self.errors.push(e)).ok()
    }

    /// One refusal as it was; several as [`AppError::Fields`], in the order checked.
    pub(crate) fn done(mut self) -> Result<(), AppError> {
        match self.errors.len() {
            0 => Ok(()),
            1 => Err(self.errors.remove(0)),
            _ => Err(AppError::Fields(self.errors.into_iter().flat_map(AppError::into_refusals).collect())),
        }
    }
}

impl AppError {
    /// What to say beside each field to blame, without naming the field again.
    pub(crate) fn into_refusals(self) -> Vec<Refusal> {
        match self {
            AppError::Fields(refusals) => refusals,
            AppError::Rule(refusal) => vec![refusal],
            AppError::Invalid { field, source } => {
                vec![Refusal { field: Some(field.to_string()), en: domain_en(&source), zh: domain_zh(&source) }]
            }
            other => vec![Refusal {
                field: other.field(),
                en: other.message_in(DocLanguage::En),
                zh: other.message_in(DocLanguage::Zh),
            }],
        }
    }
}

/// A domain refusal in English with the fields it names in words (`year founded`, not
/// `founded_year`).
fn domain_en(error: &DomainError) -> String {
    let name = |key: &str| field_en(key).into_owned();
    match error {
        DomainError::OutOfRange { field, min, max } => format!("{} must be between {min} and {max}", name(field)),
        DomainError::Negative(what) => format!("{} must not be negative", name(what)),
        DomainError::NotPositive(what) => format!("{} must be greater than 0", name(what)),
        DomainError::Empty(what) => format!("{} must not be empty", name(what)),
        DomainError::TooLong { field, len, max } => {
            format!("{} is too long ({len} characters, at most {max})", name(field))
        }
        other => other.to_string(),
    }
}

/// The ErrorView's list: each refused field and what to say beside it.
pub(crate) fn field_messages(error: &AppError, language: DocLanguage) -> Vec<FieldMessage> {
    match error {
        AppError::Fields(refusals) => refusals
            .iter()
            .filter_map(|r| r.field.clone().map(|field| FieldMessage { field, message: r.said_in(language).into() }))
            .collect(),
        other => other
            .field()
            .map(|field| vec![FieldMessage { field, message: other.message_in(language) }])
            .unwrap_or_default(),
    }
}

/// All the refusals in one message, each after its field's name in the user's language.
pub(crate) fn fields_summary(refusals: &[Refusal], language: DocLanguage) -> String {
    let parts: Vec<String> = refusals
        .iter()
        .map(|r| {
            let text = r.said_in(language);
            match (r.field.as_deref().map(|f| field_label(f, language)), language) {
                (Some(label), DocLanguage::Zh) if !text.starts_with(&label) => format!("{label}：{text}"),
                (Some(label), DocLanguage::En) if !text.starts_with(&label) => format!("{label}: {text}"),
                _ => text.to_string(),
            }
        })
        .collect();
    match language {
        DocLanguage::En => format!("{} fields need correcting: {}", refusals.len(), parts.join("; ")),
        DocLanguage::Zh => format!("有 {} 处需要更正：{}", refusals.len(), parts.join("；")),
    }
}

/// A form field's name for people: `lines.2.quantity` is line 3's quantity.
pub(crate) fn field_label(field: &str, language: DocLanguage) -> String {
    let name = |key: &str| match language {
        DocLanguage::Zh => field_zh(key).to_string(),
        DocLanguage::En => field_en(key).into_owned(),
    };
    let parts: Vec<&str> = field.splitn(3, '.').collect();
    match (parts.as_slice(), language) {
        (["lines", n, rest], DocLanguage::Zh) => format!("第 {} 行{}", row(n), name(rest)),
        (["lines", n, rest], DocLanguage::En) => format!("line {} {}", row(n), name(rest)),
        (["contacts", n, rest], DocLanguage::Zh) => format!("联系人 {} {}", row(n), name(rest)),
        (["contacts", n, rest], DocLanguage::En) => format!("contact {} {}", row(n), name(rest)),
        (["allocations", number, ..], DocLanguage::Zh) => format!("{number} 的核销金额"),
        (["allocations", number, ..], DocLanguage::En) => format!("the amount applied to {number}"),
        _ => name(field),
    }
}

/// Rows are numbered from 1 for people, from 0 in field names.
fn row(index: &str) -> String {
    index.parse::<usize>().map(|i| (i + 1).to_string()).unwrap_or_else(|_| index.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn several_refusals_come_back_together_each_beside_its_field_in_both_languages() {
        let mut check = Check::default();
        check.take::<()>(Err(AppError::invalid("credit_limit")(DomainError::MalformedAmount("5o".into()))));
        check.take::<()>(Err(AppError::rule(Some("lines.2.quantity".into()), "line 3: bad", "第 3 行：数量有误")));
        let error = check.done().unwrap_err();
        assert_eq!(error.code(), "invalid_fields");
        let zh = error.view(DocLanguage::Zh);
        let fields: Vec<(&str, &str)> = zh.fields.iter().map(|f| (f.field.as_str(), f.message.as_str())).collect();
        assert_eq!(
            fields,
            [
                ("credit_limit", "“5o”不是金额（最多 2 位小数，如 1234.50、¥1,234.50 或 1.5万）"),
                ("lines.2.quantity", "第 3 行：数量有误")
            ]
        );
        assert_eq!(zh.field.as_deref(), Some("credit_limit"), "the first is focused");
        assert!(zh.message.starts_with("有 2 处需要更正：信用额度：“5o”"), "{}", zh.message);
        assert!(!zh.message.contains("credit_limit"), "no raw key: {}", zh.message);
        assert!(error.view(DocLanguage::En).message.starts_with("2 fields need correcting: credit limit: '5o'"));
    }

    #[test]
    fn one_refusal_comes_back_as_it_was() {
        let mut check = Check::default();
        assert_eq!(check.take(Ok(5)), Some(5));
        check.take::<()>(Err(AppError::invalid("amount")(DomainError::TooManyDecimals("1.234".into()))));
        let error = check.done().unwrap_err();
        assert_eq!(error.code(), "too_many_decimals");
        assert_eq!(error.view(DocLanguage::Zh).fields[0].field, "amount");
    }

    #[test]
    fn english_beside_a_field_names_fields_in_words() {
        let mut check = Check::default();
        let range = DomainError::OutOfRange { field: "founded_year", min: 1900, max: 2200 };
        check.take::<()>(Err(AppError::invalid("founded_year")(range)));
        check.take::<()>(Err(AppError::invalid("name")(DomainError::Empty("name"))));
        let en = check.done().unwrap_err().view(DocLanguage::En);
        assert!(en.fields.iter().all(|f| !f.message.contains("founded_year")), "{:?}", en.fields);
    }
}
