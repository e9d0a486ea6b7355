use huikuan_domain::customer::{clean_text, validate_code, validate_name};
use huikuan_domain::DomainError;

use crate::error::AppError;
use crate::forms::Check;
use crate::{ContactFields, CustomerFields};

/// Normalizes and checks what the user typed; every bad field is refused at once.
pub(crate) fn customer_fields(mut f: CustomerFields) -> Result<CustomerFields, AppError> {
    let mut check = Check::default();
    f.code = check.take(validate_code(&f.code).map_err(AppError::invalid("code"))).unwrap_or_default();
    f.name = check.take(validate_name(&f.name).map_err(AppError::invalid("name"))).unwrap_or_default();
    let mut text = |field: &'static str, name: &'static str, value: &mut String| {
        if let Some(clean) = check.take(clean_text(name, value).map_err(AppError::invalid(field))) {
            *value = clean;
        }
    };
    text("phone", "phone", &mut f.phone);
    text("address", "address", &mut f.address);
    text("tax_id", "tax id", &mut f.tax_id);
    text("salesperson", "salesperson", &mut f.salesperson);
    text("tags", "tags", &mut f.tags);
    text("notes", "notes", &mut f.notes);
    text("main_business", "main business", &mut f.business.main_business);
    if f.credit_limit.is_negative() {
        check.take::<()>(Err(AppError::Invalid {
            field: "credit_limit",
            source: DomainError::Negative("credit limit"),
        }));
    }
    if f.business.registered_capital.is_some_and(|c| c.is_negative()) {
        check.take::<()>(Err(AppError::Invalid {
            field: "registered_capital",
            source: DomainError::Negative("the amount"),
        }));
    }
    if f.business.founded_year.is_some_and(|year| !(1900..=2200).contains(&year)) {
        check.take::<()>(Err(AppError::Invalid {
            field: "founded_year",
            source: DomainError::OutOfRange { field: "founded_year", min: 1900, max: 2200 },
        }));
    }
    if let Some(day) = f.statement_day.filter(|d| !(1..=31).contains(d)) {
        check.take::<()>(Err(AppError::rule(
            Some("statement_day".into()),
            format!("statement day {day} is not a day of the month (1-31)"),
            format!("对账日 {day} 不是每月的某一天（1–31）"),
        )));
    }
    check.done().map(|()| f)
}

pub(crate) fn contact_fields(mut c: ContactFields) -> Result<ContactFields, AppError> {
    c.name = validate_name(&c.name).map_err(AppError::invalid("contact name"))?;
    c.phone = clean_text("phone", &c.phone).map_err(AppError::invalid("phone"))?;
    c.wechat = clean_text("wechat", &c.wechat).map_err(AppError::invalid("wechat"))?;
    c.email = clean_text("email", &c.email).map_err(AppError::invalid("email"))?;
    c.notes = clean_text("notes", &c.notes).map_err(AppError::invalid("notes"))?;
    Ok(c)
}
