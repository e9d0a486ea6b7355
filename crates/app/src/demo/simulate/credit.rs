//! The owner's credit work in the demo: what is known of each customer's business, an
//! assessment when the account opens and at (most) reviews, and the credit check at every
//! delivery, overridden now and then with a reason as an owner would.

use chrono::{Datelike, NaiveDate};
use huikuan_domain::credit::{CreditBlock, Factor, FactorScore, Scorecard, Signal};
use huikuan_domain::{BusinessScale, CustomerKind, Importance, Premises};

use crate::credit::AssessmentForm;
use crate::demo::cast::{Cadence, Habit, Plan};
use crate::demo::rng::Rng;
use crate::{AppError, CreditRefusal};

use super::account::Account;
use super::Sim;

/// Fills in the business facts the cast leaves open, from a stream of their own so the
/// rest of the simulation plays out the same.
pub(super) fn know_the_business(plan: &mut Plan, rng: &mut Rng, today: NaiveDate) {
    let facts = &mut plan.fields.business;
    facts.business_scale = match plan.scale {
        ..=450 => BusinessScale::Micro,
        451..=900 => BusinessScale::Small,
        901..=1600 => BusinessScale::Medium,
        _ => BusinessScale::Large,
    };
    facts.founded_year = Some((today.year() - rng.range(2, 22) as i32) as u16);
    facts.main_business = match plan.fields.kind {
        CustomerKind::Shop => "建材零售、五金水暖",
        CustomerKind::Chain => "连锁建材超市",
        CustomerKind::Enterprise => "建筑装饰工程施工",
        CustomerKind::Clinic => "口腔诊所装修及日常维护",
        CustomerKind::Individual => "家装包工",
        CustomerKind::Other => "物业维修",
    }
    .to_string();
    facts.premises = if rng.chance(400) { Premises::Owned } else { Premises::Rented };
    if matches!(plan.fields.kind, CustomerKind::Enterprise | CustomerKind::Chain) {
        facts.registered_capital = Some(huikuan_domain::Money::from_cents(rng.range(50, 2000) * 1_000_000));
    }
    let days = match plan.cadence {
        Cadence::Weekly(day) => {
            ["mon", "tue", "wed", "thu", "fri", "sat", "sun"][day.num_days_from_monday() as usize].to_string()
        }
        Cadence::Monthly(day) => day.to_string(),
        Cadence::OnDelivery => String::new(),
    };
    facts.collection_days = days.parse().unwrap_or_default();
}

const NOTES: [(Factor, [&str; 5]); 6] = [
    (
        Factor::BusinessScale,
        [
            "流动经营，无固定门店",
            "店面小，夫妻二人经营",
            "普通门店，员工五六人",
            "门店较大，员工十人以上",
            "多家门店，年采购额大",
        ],
    ),
    (
        Factor::OperatingCondition,
        ["经营困难，库存积压", "生意清淡", "经营平稳", "生意兴旺，回头客多", "订单饱满，现金流好"],
    ),
    (Factor::YearsInBusiness, ["开业不足一年", "经营一两年", "经营三到五年", "经营五年以上", "十年以上老店"]),
    (Factor::Relationship, ["刚开始合作", "合作一般", "合作正常", "合作多年，老板熟识", "长期战略客户"]),
    (Factor::IndustryRisk, ["所在行业下滑明显", "工程款回款慢", "行业平稳", "行业景气", "行业稳定且需求旺盛"]),
    (
        Factor::Guarantees,
        ["无任何担保", "无担保，老板口头承诺", "有房产但未抵押", "老板个人连带担保", "有抵押或保证金"],
    ),
];

fn scores_for(plan: &Plan, troubled: bool) -> [u8; 6] {
    let mut s = match plan.habit {
        Habit::OnTime | Habit::Prepays { .. } => [4, 4, 4, 4, 3, 3],
        Habit::Late { .. } | Habit::Disputes { .. } => [3, 3, 3, 3, 3, 2],
        Habit::Instalments => [3, 2, 3, 3, 3, 2],
        Habit::Stopped { .. } if troubled => [2, 1, 3, 2, 2, 1],
        Habit::Stopped { .. } => [3, 3, 3, 3, 3, 2],
    };
    if plan.fields.importance == Importance::Key {
        s[0] = (s[0] + 1).min(5);
        s[3] = (s[3] + 1).min(5);
    }
    s
}

impl Sim<'_> {
    /// Assesses the customer as the owner would: on opening an account on credit, and on
    /// most review dates after that (some reviews are left waiting, as in any business).
    pub(super) fn assess_credit(&mut self, plan: &Plan, account: &mut Account, opening: bool) -> Result<(), AppError> {
        let due = account.next_review.is_some_and(|review| review <= self.day);
        let wanted = if opening { plan.fields.credit_limit.is_positive() } else { due && account.rng.chance(30) };
        if !wanted || account.fields.status != huikuan_domain::CustomerStatus::Active {
            return Ok(());
        }
        let troubled = matches!(plan.habit, Habit::Stopped { since, .. } if self.day >= since);
        let scores = scores_for(plan, troubled);
        let factors = NOTES
            .iter()
            .zip(scores)
            .map(|((factor, notes), score)| FactorScore {
                factor: *factor,
                score,
                note: notes[usize::from(score) - 1].to_string(),
            })
            .collect();
        let signals = if troubled { vec![Signal::WagesUnpaid, Signal::PayerChanges] } else { Vec::new() };
        let limit = account.fields.credit_limit;
        let terms = account.fields.payment_terms;
        let form = AssessmentForm {
            customer_code: plan.fields.code.clone(),
            scorecard: Scorecard {
                factors,
                signals_note: if troubled {
                    "听说工人工资已拖欠两个月，付款的人也换了两次".into()
                } else {
                    String::new()
                },
                signals,
                expected_monthly_sales: None,
            },
            expected_monthly_sales: plan.estimated_monthly.to_string(),
            approved_limit: limit.to_string(),
            approved_terms: terms.to_string(),
            deviation_reason: account
                .rng
                .pick(&[
                    "按合同约定的额度和账期执行",
                    "老客户，维持原有额度和账期",
                    "先按谈定的条件合作，下次复评再调整",
                ])
                .to_string(),
            next_review: String::new(),
        };
        self.tick();
        let approved = self.books.approve_assessment(form)?;
        account.next_review = Some(approved.next_review);
        Ok(())
    }

    /// When the credit check blocks a delivery, the owner lets an important customer or a
    /// small excess through with a reason; otherwise the goods stay in the warehouse.
    pub(super) fn override_reason(
        &self,
        plan: &Plan,
        account: &mut Account,
        refusal: &CreditRefusal,
    ) -> Option<String> {
        if refusal.blocks.iter().any(|b| matches!(b, CreditBlock::Status { .. })) {
            return None;
        }
        let small_excess = refusal.blocks.iter().all(|b| match b {
            CreditBlock::OverLimit { exposure, over } => over.cents() * 5 <= exposure.limit.cents(),
            _ => false,
        });
        let key = plan.fields.importance == Importance::Key;
        let lets_through = (key && account.rng.chance(250)) || (small_excess && account.rng.chance(150));
        lets_through.then(|| {
            let reasons: &[&str] = if key {
                &["重点客户，老板同意继续供货", "工程赶工期，老板电话确认先发货", "客户答应月底前付清上月货款"]
            } else {
                &["超额不多，客户承诺本周付款", "老客户，老板同意这一单照发", "客户已转账，银行未到账"]
            };
            account.rng.pick(reasons).to_string()
        })
    }
}
