//! The customer's closed vocabularies and the validation of its identifying fields.

use crate::error::DomainError;
use crate::word_enum;

word_enum!(
    /// What kind of business the customer is; chains and enterprises have internal
    /// payment processes worth tracking.
    CustomerKind, "kind", {
        Shop => "shop",
        Chain => "chain",
        Enterprise => "enterprise",
        Clinic => "clinic",
        Individual => "individual",
        Other => "other",
    }
);

word_enum!(
    CustomerStatus, "status", {
        Active => "active",
        OnHold => "on_hold",
        Blocked => "blocked",
        Closed => "closed",
    }
);

word_enum!(
    Importance, "importance", {
        Key => "key",
        Normal => "normal",
    }
);

word_enum!(
    /// Who the contact is inside the customer: 采购, 财务, 决策人, 内线.
    ContactRole, "role", {
        Purchaser => "purchaser",
        Finance => "finance",
        DecisionMaker => "decision_maker",
        Insider => "insider",
        Other => "other",
    }
);

word_enum!(
    /// Language of the documents printed for a customer.
    DocLanguage, "language", {
        Zh => "zh",
        En => "en",
    }
);

pub const MAX_CODE_CHARS: usize = 32;
pub const MAX_NAME_CHARS: usize = 200;
pub const MAX_TEXT_CHARS: usize = 2000;

/// A customer code is the key users type and print: short, no spaces, no punctuation
/// that would confuse a CSV or a file name.
pub fn validate_code(code: &str) -> Result<String, DomainError> {
    let code = code.trim();
    if code.is_empty() {
        return Err(DomainError::Empty("code"));
    }
    check_len("code", code, MAX_CODE_CHARS)?;
    let allowed = |c: char| c.is_alphanumeric() || matches!(c, '-' | '_' | '.');
    if !code.chars().all(allowed) {
        return Err(DomainError::MalformedCode(code.to_string()));
    }
    Ok(code.to_string())
}

pub fn validate_name(name: &str) -> Result<String, DomainError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(DomainError::Empty("name"));
    }
    check_len("name", name, MAX_NAME_CHARS)?;
    Ok(name.to_string())
}

/// Free text (address, notes…): trimmed, bounded, control characters refused by length
/// only; NUL is stripped because it truncates text in some viewers.
pub fn clean_text(field: &'static str, text: &str) -> Result<String, DomainError> {
    let text: String = text.trim().chars().filter(|c| *c != '\0').collect();
    check_len(field, &text, MAX_TEXT_CHARS)?;
    Ok(text)
}

fn check_len(field: &'static str, text: &str, max: usize) -> Result<(), DomainError> {
    let len = text.chars().count();
    if len > max {
        return Err(DomainError::TooLong { field, len, max });
    }
    Ok(())
}

impl CustomerKind {
    /// The kind as the screens say it.
    pub fn words(self, language: crate::DocLanguage) -> &'static str {
        let zh = language == crate::DocLanguage::Zh;
        match self {
            CustomerKind::Shop => {
                if zh {
                    "门店"
                } else {
                    "shop"
                }
            }
            CustomerKind::Chain => {
                if zh {
                    "连锁"
                } else {
                    "chain"
                }
            }
            CustomerKind::Enterprise => {
                if zh {
                    "企业"
                } else {
                    "enterprise"
                }
            }
            CustomerKind::Clinic => {
                if zh {
                    "诊所"
                } else {
                    "clinic"
                }
            }
            CustomerKind::Individual => {
                if zh {
                    "个人"
                } else {
                    "individual"
                }
            }
            CustomerKind::Other => {
                if zh {
                    "其他"
                } else {
                    "other"
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_parse_case_insensitively_and_name_the_choices_on_error() {
        assert_eq!("Chain".parse::<CustomerKind>().unwrap(), CustomerKind::Chain);
        let err = "franchise".parse::<CustomerKind>().unwrap_err();
        assert_eq!(err.code(), "unknown_choice");
        assert!(
            err.to_string().ends_with("(expected one of: shop, chain, enterprise, clinic, individual, other)"),
            "{err}"
        );
    }

    #[test]
    fn codes_are_trimmed_and_checked() {
        assert_eq!(validate_code(" C001 ").unwrap(), "C001");
        assert_eq!(validate_code("华东-01").unwrap(), "华东-01");
        assert_eq!(validate_code(""), Err(DomainError::Empty("code")));
        assert!(validate_code("C 001").is_err());
        assert!(validate_code("C,001").is_err());
        assert!(validate_code(&"x".repeat(33)).is_err());
    }

    #[test]
    fn names_must_not_be_blank() {
        assert_eq!(validate_name("   "), Err(DomainError::Empty("name")));
        assert_eq!(validate_name(" 华联超市 ").unwrap(), "华联超市");
    }
}
