//! Late-payment interest from the command line: a customer's terms, the LPR table, and the
//! claim to a date item by item.

use chrono::NaiveDate;
use clap::Args;
use huikuan_app::interest::{Claim, ClaimRequest, InterestTerms, LprRate};
use huikuan_app::{AppError, Books};
use huikuan_domain::interest::percent_text;
use huikuan_domain::money::parse_decimal;
use rust_decimal::Decimal;

use crate::args::Format;
use crate::render::json_or;
use crate::table::Table;

/// Shows a customer's interest terms, or sets them (one of the options).
#[derive(Debug, Args)]
pub struct InterestArgs {
    pub code: String,
    /// The contract's daily rate as a fraction: 万分之五 is 0.0005.
    #[arg(long, conflicts_with_all = ["annual_rate", "lpr_uplift", "none"])]
    pub daily_rate: Option<String>,
    /// The contract's annual rate as a fraction: 12% is 0.12.
    #[arg(long, conflicts_with_all = ["lpr_uplift", "none"])]
    pub annual_rate: Option<String>,
    /// No rate agreed: one-year LPR times this (1.3 to 1.5 is the courts' practice).
    #[arg(long, conflicts_with = "none")]
    pub lpr_uplift: Option<String>,
    /// No interest claimed.
    #[arg(long)]
    pub none: bool,
}

/// The LPR table; with --add and --percent, a newly published rate added to it.
#[derive(Debug, Args)]
pub struct LprArgs {
    /// The date the rate took effect (YYYY-MM-DD).
    #[arg(long, requires = "percent")]
    pub add: Option<String>,
    /// The one-year LPR in percent, as published: 3.00 for 3.00%.
    #[arg(long, requires = "add")]
    pub percent: Option<String>,
}

fn number(field: &'static str, text: &str) -> Result<Decimal, AppError> {
    parse_decimal(text, 8).map_err(AppError::invalid(field))
}

pub fn terms_words(t: &InterestTerms) -> String {
    match t {
        InterestTerms::None => "none (no interest claimed)".into(),
        InterestTerms::DailyRate { rate } => format!("contract daily rate {}", rate.normalize()),
        InterestTerms::AnnualRate { rate } => format!("contract annual rate {}", rate.normalize()),
        InterestTerms::Lpr { uplift } => format!("one-year LPR × {}", uplift.normalize()),
    }
}

pub fn customer_interest(books: &mut Books, format: Format, a: InterestArgs) -> Result<String, AppError> {
    let terms = if a.none {
        Some(InterestTerms::None)
    } else if let Some(r) = &a.daily_rate {
        Some(InterestTerms::DailyRate { rate: number("daily-rate", r)? })
    } else if let Some(r) = &a.annual_rate {
        Some(InterestTerms::AnnualRate { rate: number("annual-rate", r)? })
    } else if let Some(u) = &a.lpr_uplift {
        Some(InterestTerms::Lpr { uplift: number("lpr-uplift", u)? })
    } else {
        None
    };
    let terms = match terms {
        Some(t) => books.set_interest_terms(&a.code, t)?,
        None => books.interest_terms(&a.code)?,
    };
    Ok(json_or(format, &terms, |t| format!("{}: {}\n", a.code, terms_words(t))))
}

/// The claim item by item: principal open, days, the rate of each span, interest.
pub fn report(books: &mut Books, format: Format, code: String, as_of: Option<NaiveDate>) -> Result<String, AppError> {
    let claim = books.interest_claim(&ClaimRequest { customer_code: code, as_of })?;
    Ok(json_or(format, &claim, claim_table))
}

fn claim_table(c: &Claim) -> String {
    let mut t = Table::new(&["number", "due", "principal>", "days>", "rate basis", "interest>"]);
    for i in &c.items {
        let rates: Vec<String> = i
            .spans
            .iter()
            .map(|s| {
                let unit = if matches!(c.terms, InterestTerms::DailyRate { .. }) { "%/day" } else { "%/yr" };
                let lpr = s.lpr_percent.map(|l| format!(" (LPR {}%)", percent_text(l))).unwrap_or_default();
                format!("{}..{} {}d {}{unit}{lpr}", s.from, s.to, s.days, percent_text(s.percent))
            })
            .collect();
        let rates = if i.before_lpr {
            // The breach predates the LPR: the basis below names the rule that applies.
            "breach before 2019-08-20 (no LPR yet): not computed".to_string()
        } else {
            rates.join("; ")
        };
        t.row(vec![
            i.number.clone(),
            i.due_date.to_string(),
            i.principal.yuan(),
            i.days.to_string(),
            rates,
            i.interest.yuan(),
        ]);
    }
    format!(
        "{}as of {}: principal {} + interest {} = claim {}\nbasis: {}\n计算依据：{}\n",
        t.render(),
        c.as_of,
        c.principal.yuan(),
        c.interest.yuan(),
        c.total.yuan(),
        c.basis_en,
        c.basis_zh
    )
}

pub fn lpr(books: &mut Books, format: Format, today: NaiveDate, a: LprArgs) -> Result<String, AppError> {
    let mut table = books.lpr_rates()?;
    if let (Some(day), Some(percent)) = (&a.add, &a.percent) {
        let effective = huikuan_domain::parse_date_typed(day, today).map_err(AppError::invalid("add"))?;
        table.retain(|r| r.effective != effective);
        table.push(LprRate { effective, percent: number("percent", percent)? });
        table = books.save_lpr_rates(table)?;
    }
    Ok(json_or(format, &table, |table| {
        let mut t = Table::new(&["effective", "one-year LPR %>"]);
        for r in table {
            t.row(vec![r.effective.to_string(), percent_text(r.percent)]);
        }
        t.render()
    }))
}
