//! The company profile: the letterhead of every document.

use huikuan_domain::customer::clean_text;
use huikuan_store::tables::company;

use crate::books::audit;
use crate::error::AppError;
use crate::{Books, Company};

impl Books {
    pub fn company(&mut self) -> Result<Company, AppError> {
        self.store.read(|tx| Ok(company::get(tx)?))
    }

    pub fn update_company(&mut self, mut profile: Company) -> Result<Company, AppError> {
        for (field, value) in [
            ("legal name", &mut profile.legal_name),
            ("address", &mut profile.address),
            ("tax id", &mut profile.tax_id),
            ("bank name", &mut profile.bank_name),
            ("bank account", &mut profile.bank_account),
            ("phone", &mut profile.phone),
            ("signatory", &mut profile.signatory),
        ] {
            *value = clean_text(field, value).map_err(AppError::invalid(field))?;
        }
        let currency = profile.currency.trim().to_ascii_uppercase();
        if currency.len() != 3 || !currency.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(AppError::rule(
                Some("currency".into()),
                format!("'{}' is not a currency code such as CNY", profile.currency),
                format!("“{}”不是币种代码（如 CNY）", profile.currency),
            ));
        }
        profile.currency = currency;
        let stamp = self.stamp();
        self.store.write(|tx| {
            let before = company::get(tx)?;
            company::update(tx, &profile)?;
            audit(tx, &stamp, "update", "company", 1, Some(&before), Some(&profile))?;
            Ok(profile)
        })
    }
}
