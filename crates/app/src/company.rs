//! The company profile: the letterhead of every document.

use base64::Engine;
use huikuan_domain::customer::clean_text;
use huikuan_store::tables::company::{self, CompanyImage};
use serde::Serialize;
use ts_rs::TS;

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
        let paper = profile.papers.delivery_note.trim().to_ascii_uppercase();
        profile.papers.delivery_note = match paper.as_str() {
            "" | "A4" => "A4".into(),
            "A5" => "A5".into(),
            "241X140" => "241x140".into(),
            _ => {
                return Err(AppError::rule(
                    Some("papers.delivery_note".into()),
                    format!("'{}' is not a paper for delivery notes (A4, A5 or 241x140)", profile.papers.delivery_note),
                    format!("“{}”不是送货单可用的纸张（A4、A5 或 241x140 二等分连续纸）", profile.papers.delivery_note),
                ))
            }
        };
        let stamp = self.stamp();
        self.store.write(|tx| {
            let before = company::get(tx)?;
            company::update(tx, &profile)?;
            audit(tx, &stamp, "update", "company", 1, Some(&before), Some(&profile))?;
            Ok(profile)
        })
    }
}

/// The logo on the letterhead and the company seal on letters, for the settings screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CompanyImages {
    /// A data URL, or None when there is none.
    pub logo: Option<String>,
    pub stamp: Option<String>,
}

pub const MAX_IMAGE_BYTES: usize = 1024 * 1024;

fn which(name: &str) -> Result<CompanyImage, AppError> {
    match name.trim() {
        "logo" => Ok(CompanyImage::Logo),
        "stamp" => Ok(CompanyImage::Stamp),
        other => Err(AppError::rule(
            Some("image".into()),
            format!("'{other}' is not a company picture (logo or stamp)"),
            format!("“{other}”不是公司图片（logo 或 stamp）"),
        )),
    }
}

fn data_url(png: Option<Vec<u8>>) -> Option<String> {
    png.map(|bytes| format!("data:image/png;base64,{}", base64::engine::general_purpose::STANDARD.encode(bytes)))
}

impl Books {
    pub fn company_images(&mut self) -> Result<CompanyImages, AppError> {
        self.store.read(|tx| {
            Ok(CompanyImages {
                logo: data_url(company::image(tx, CompanyImage::Logo)?),
                stamp: data_url(company::image(tx, CompanyImage::Stamp)?),
            })
        })
    }

    /// Sets (a PNG, in base64 or as a data URL) or removes (None) the logo or the seal.
    /// Documents issued before keep the picture they were printed with.
    pub fn set_company_image(&mut self, name: &str, png_base64: Option<&str>) -> Result<CompanyImages, AppError> {
        let which = which(name)?;
        let png = match png_base64 {
            Some(text) => {
                let bytes = crate::documents::decode_picture("image", text, MAX_IMAGE_BYTES)?;
                if !bytes.starts_with(b"\x89PNG") || huikuan_docs::png_size(&bytes).is_none() {
                    return Err(AppError::rule(
                        Some("image".into()),
                        "the picture must be a PNG image",
                        "图片须为 PNG 格式",
                    ));
                }
                Some(bytes)
            }
            None => None,
        };
        let stamp = self.stamp();
        self.store.write(|tx| {
            company::set_image(tx, which, png.as_deref())?;
            let after = png.as_ref().map(|b| format!("{} bytes, sha256 {}", b.len(), crate::customers::sha256_hex(b)));
            audit(tx, &stamp, "update", name.trim(), 1, None::<&()>, Some(&after))
        })?;
        self.company_images()
    }
}
