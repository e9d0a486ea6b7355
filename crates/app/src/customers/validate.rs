use huikuan_domain::customer::{clean_text, validate_code, validate_name};
use huikuan_domain::DomainError;

use crate::error::AppError;
use crate::{ContactFields, CustomerFields};

/// Normalizes and checks what the user typed; the first bad field is the error.
pub(crate) fn customer_fields(mut f: CustomerFields) -> Result<CustomerFields, AppError> {
    f.code = validate_code(&f.code).map_err(AppError::invalid("code"))?;
    f.name = validate_name(&f.name).map_err(AppError::invalid("name"))?;
    f.phone = clean_text("phone", &f.phone).map_err(AppError::invalid("phone"))?;
    f.address = clean_text("address", &f.address).map_err(AppError::invalid("address"))?;
    f.tax_id = clean_text("tax id", &f.tax_id).map_err(AppError::invalid("tax_id"))?;
    f.salesperson = clean_text("salesperson", &f.salesperson).map_err(AppError::invalid("salesperson"))?;
    f.tags = clean_text("tags", &f.tags).map_err(AppError::invalid("tags"))?;
    f.notes = clean_text("notes", &f.notes).map_err(AppError::invalid("notes"))?;
    if f.credit_limit.is_negative() {
        return Err(AppError::Invalid { field: "credit_limit", source: DomainError::Negative("credit limit") });
    }
    f.business.main_business =
        clean_text("main business", &f.business.main_business).map_err(AppError::invalid("main_business"))?;
    if f.business.registered_capital.is_some_and(|c| c.is_negative()) {
        return Err(AppError::Invalid { field: "registered_capital", source: DomainError::Negative("the amount") });
    }
    if let Some(year) = f.business.founded_year {
        if !(1900..=2200).contains(&year) {
            return Err(AppError::Invalid {
                field: "founded_year",
                source: DomainError::OutOfRange { field: "founded_year", min: 1900, max: 2200 },
            });
        }
    }
    if let Some(day) = f.statement_day {
        if !(1..=31).contains(&day) {
            return Err(AppError::rule(
                Some("statement_day".into()),
                format!("statement day {day} is not a day of the month (1-31)"),
                format!("对账日 {day} 不是每月的某一天（1–31）"),
            ));
        }
    }
    Ok(f)
}

pub(crate) fn contact_fields(mut c: ContactFields) -> Result<ContactFields, AppError> {
    c.name = validate_name(&c.name).map_err(AppError::invalid("contact name"))?;
    c.phone = clean_text("phone", &c.phone).map_err(AppError::invalid("phone"))?;
    c.wechat = clean_text("wechat", &c.wechat).map_err(AppError::invalid("wechat"))?;
    c.email = clean_text("email", &c.email).map_err(AppError::invalid("email"))?;
    c.notes = clean_text("notes", &c.notes).map_err(AppError::invalid("notes"))?;
    Ok(c)
}
