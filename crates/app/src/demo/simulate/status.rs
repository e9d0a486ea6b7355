//! Customers who stop paying, dispute a delivery or leave.

use chrono::Days;
use huikuan_domain::{CustomerKind, CustomerStatus};

use crate::demo::cast::{Habit, Plan};
use crate::demo::names;
use crate::AppError;

use super::account::Account;
use super::{month_name, Sim};

impl Sim<'_> {
    /// Cuts off a bad payer, holds a disputing customer and closes one that left.
    pub(super) fn change_status(&mut self, plan: &Plan, account: &mut Account) -> Result<(), AppError> {
        if account.fields.status != CustomerStatus::Active {
            return Ok(());
        }
        let day = self.day;
        let change = match plan.habit {
            Habit::Stopped { since, trickle } if day == since + Days::new(60) => {
                let mut note = format!("{}起拖欠货款，多次催收未果，已停止供货。", month_name(since));
                if (self.today - since).num_days() > 365 {
                    note.push_str("已发律师函。");
                }
                if trickle {
                    note.push_str("催得紧时会少量还款。");
                }
                Some((CustomerStatus::Blocked, note))
            }
            Habit::Disputes { reason, .. } => match &account.disputed {
                Some((number, amount, date)) if day >= *date + Days::new(20) => {
                    let note =
                        names::DISPUTES[reason].1.replace("{number}", number).replace("{amount}", &amount.to_string());
                    Some((CustomerStatus::OnHold, note))
                }
                _ => None,
            },
            _ if plan.departs && day > plan.last_delivery && account.bills.is_empty() => {
                let quiet = account.last_payment.is_none_or(|p| day >= p + Days::new(30));
                quiet.then(|| {
                    let reasons: &[&str] = match plan.fields.kind {
                        CustomerKind::Shop | CustomerKind::Individual => &["店铺转让", "老板退休", "改从厂家直采"],
                        _ => &["工程结束", "改从厂家直采", "公司业务调整"],
                    };
                    let why = account.rng.pick(reasons);
                    let mut note = format!("{}后不再进货（{why}），货款已结清。", month_name(plan.last_delivery));
                    if account.overpaid.is_positive() {
                        note.push_str(&format!("结清时多付 ¥{}，待退回。", account.overpaid));
                    }
                    (CustomerStatus::Closed, note)
                })
            }
            _ => None,
        };
        let Some((status, note)) = change else {
            return Ok(());
        };
        account.fields.status = status;
        account.fields.notes =
            if account.fields.notes.is_empty() { note } else { format!("{note}\n{}", account.fields.notes) };
        self.tick();
        self.books.update_customer(&plan.fields.code, account.fields.clone())?;
        Ok(())
    }
}
