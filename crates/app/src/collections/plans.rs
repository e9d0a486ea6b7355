//! Agreeing a repayment plan: a total in dated instalments that add up to it exactly, and
//! the agreement (还款计划确认书) printed and frozen for both parties to sign.

use chrono::{Datelike, Months, NaiveDate};
use huikuan_docs::{plan_pdf, Paper, PlanDoc, PlanNote};
use huikuan_domain::collection::equal_split;
use huikuan_domain::customer::clean_text;
use huikuan_domain::{parse_amount_typed, parse_date_typed};
use huikuan_domain::{DocType, Money, PaperKind};
use huikuan_store::tables::collection::{self, PlanRecord};
use huikuan_store::tables::company::{self, CompanyImage};
use huikuan_store::tables::{entries, interest, sequences};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::keeping::{plan_view, PlanView};
use crate::books::{audit, customer_by_code};
use crate::documents::{freeze, letterhead};
use crate::error::AppError;
use crate::Books;

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct InstalmentForm {
    pub date: String,
    pub amount: String,
}

/// A plan as typed: either the instalments one by one, or a count to split the total into
/// equal monthly parts from the first date.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct PlanForm {
    pub customer_code: String,
    pub total: String,
    pub instalments: Vec<InstalmentForm>,
    pub equal_count: u32,
    pub first_date: String,
    pub note: String,
}

fn refuse(field: &str, en: String, zh: String) -> AppError {
    AppError::rule(Some(field.to_string()), en, zh)
}

/// The instalments the form describes, checked: dates from the agreement on, in order,
/// amounts above 0 that add up to the total exactly.
fn instalments(form: &PlanForm, total: Money, agreed_on: NaiveDate) -> Result<Vec<(NaiveDate, Money)>, AppError> {
    let list: Vec<(NaiveDate, Money)> = if form.equal_count > 0 {
        if form.equal_count > 60 {
            return Err(refuse("equal_count", "at most 60 instalments".into(), "最多 60 期".into()));
        }
        let first = parse_date_typed(&form.first_date, agreed_on).map_err(AppError::invalid("first_date"))?;
        equal_split(total, form.equal_count)
            .into_iter()
            .enumerate()
            .map(|(i, amount)| (first.checked_add_months(Months::new(i as u32)).expect("within range"), amount))
            .collect()
    } else {
        form.instalments
            .iter()
            .enumerate()
            .map(|(i, row)| {
                let date = parse_date_typed(&row.date, agreed_on)
                    .map_err(|e| AppError::Invalid { field: "date", source: e })
                    .map_err(|e| {
                        refuse(
                            &format!("instalments.{i}.date"),
                            e.to_string(),
                            e.message_in(huikuan_domain::DocLanguage::Zh),
                        )
                    })?;
                let amount: Money = parse_amount_typed(&row.amount).map_err(|e: huikuan_domain::DomainError| {
                    let e = AppError::Invalid { field: "amount", source: e };
                    refuse(
                        &format!("instalments.{i}.amount"),
                        e.to_string(),
                        e.message_in(huikuan_domain::DocLanguage::Zh),
                    )
                })?;
                Ok((date, amount))
            })
            .collect::<Result<_, AppError>>()?
    };
    if list.is_empty() {
        return Err(refuse(
            "instalments",
            "a plan needs at least one instalment".into(),
            "还款计划至少需要一期".into(),
        ));
    }
    for (i, (date, amount)) in list.iter().enumerate() {
        if !amount.is_positive() {
            return Err(refuse(
                &format!("instalments.{i}.amount"),
                format!("instalment {} must be above 0", i + 1),
                format!("第 {} 期金额必须大于 0", i + 1),
            ));
        }
        if *date < agreed_on || (i > 0 && *date <= list[i - 1].0) {
            return Err(refuse(
                &format!("instalments.{i}.date"),
                format!("instalment {} must fall after the one before it, from today on", i + 1),
                format!("第 {} 期日期须晚于上一期，且不早于今天", i + 1),
            ));
        }
    }
    let sum: Money = list.iter().map(|(_, m)| *m).sum();
    if sum != total {
        return Err(refuse(
            "instalments",
            format!("the instalments add up to {}, not the total {}", sum.yuan(), total.yuan()),
            format!("各期合计 {}，与总额 {} 不符", sum.yuan(), total.yuan()),
        ));
    }
    Ok(list)
}

impl Books {
    /// Agrees a repayment plan with the customer, dated today, and prints its agreement.
    pub fn create_plan(&mut self, form: PlanForm) -> Result<PlanView, AppError> {
        let total: Money = parse_amount_typed(&form.total).map_err(AppError::invalid("total"))?;
        if !total.is_positive() {
            return Err(refuse("total", "the plan's total must be above 0".into(), "还款总额必须大于 0".into()));
        }
        let today = self.clock.today();
        let list = instalments(&form, total, today)?;
        let note = clean_text("note", &form.note).map_err(AppError::invalid("note"))?;
        let stamp = self.stamp();
        self.store.write(|tx| {
            let customer = customer_by_code(tx, &form.customer_code)?;
            let account = entries::account(tx, customer.id)?;
            let settlement = account.settle(today);
            let owed = settlement.balance();
            if total > owed {
                return Err(refuse(
                    "total",
                    format!(
                        "{} owes {} today: a plan cannot be for more ({})",
                        customer.fields.code,
                        owed.yuan(),
                        total.yuan()
                    ),
                    format!(
                        "{} 今日欠款 {}，还款计划不能超过此数（{}）",
                        customer.fields.code,
                        owed.yuan(),
                        total.yuan()
                    ),
                ));
            }
            let number = sequences::next_number(tx, DocType::Plan, today.year())?;
            let us = company::get(tx)?;
            let doc = PlanDoc {
                letterhead: letterhead(tx)?,
                language: customer.fields.doc_language,
                paper: Paper::A4,
                number: number.clone(),
                agreed_on: today,
                customer_name: customer.fields.name.clone(),
                customer_code: customer.fields.code.clone(),
                total,
                instalments: list.clone(),
                bank_name: us.bank_name,
                bank_account: us.bank_account,
                signatory: us.signatory,
                stamp_png: company::image(tx, CompanyImage::Stamp)?,
                note: note.clone(),
                customer_id_number: customer.fields.tax_id.clone(),
                customer_address: customer.fields.address.clone(),
                notes: account
                    .receivables
                    .iter()
                    .zip(&settlement.open)
                    .filter_map(|(r, open)| {
                        let open = (*open).filter(|o| o.is_positive())?;
                        Some(PlanNote { number: r.number.clone(), date: r.doc_date, due_date: r.due_date, open })
                    })
                    .collect(),
                // The customer's own terms, so the plan claims as the final notice does.
                interest: interest::of_customer(tx, customer.id)?,
            };
            let rendered = plan_pdf(&doc)?;
            let document = freeze(tx, &stamp, PaperKind::Plan, &number, &customer, today, Paper::A4, &rendered)?;
            let record = PlanRecord {
                id: 0,
                number,
                customer_id: customer.id,
                total,
                agreed_on: today,
                note,
                document_id: document.id,
                instalments: list,
            };
            let id = collection::insert_plan(tx, &record, &stamp)?;
            audit(tx, &stamp, "agree", "plan", id, None::<&()>, Some(&record))?;
            let payments = collection::payments_of(tx, customer.id)?;
            plan_view(tx, &record, &customer.fields.code, &payments, today)
        })
    }

    pub fn plan(&mut self, number: &str) -> Result<PlanView, AppError> {
        let today = self.clock.today();
        self.store.read(|tx| {
            let plan = collection::plan_by_number(tx, number)?
                .ok_or_else(|| crate::documents::unknown_paper(Some(huikuan_domain::PaperKind::Plan), number))?;
            let customer = huikuan_store::tables::customers::get(tx, plan.customer_id)?;
            let payments = collection::payments_of(tx, customer.id)?;
            plan_view(tx, &plan, &customer.fields.code, &payments, today)
        })
    }
}
