//! The last weeks' collecting: calls to the customers who are late, the reasons they gave,
//! the promises they made (some kept, some not), and a repayment plan or two, so that the
//! worklist, the playbook and the forecast have a history to show.

use chrono::{Days, NaiveDate};
use huikuan_domain::{ContactRole, CustomerKind, Money};

use crate::collections::{ContactLogForm, PlanForm};
use crate::demo::cast::{Habit, Plan};
use crate::demo::rng::Rng;
use crate::{AppError, Books, FixedClock};

fn reason(plan: &Plan, rng: &mut Rng) -> &'static str {
    match plan.habit {
        Habit::Disputes { .. } => "complaint",
        Habit::Stopped { trickle: false, .. } => "no_intention",
        Habit::Stopped { trickle: true, .. } | Habit::Instalments => "cash_tight",
        _ if matches!(plan.fields.kind, CustomerKind::Chain | CustomerKind::Enterprise) => "internal_process",
        _ => {
            const LIKELY: [&str; 4] = ["cash_tight", "low_priority", "bargaining", "big_customer"];
            LIKELY[rng.index(LIKELY.len())]
        }
    }
}

/// Sets the books' clock to 10:00 Beijing time on `day`.
fn at(books: &mut Books, day: NaiveDate) {
    books.set_clock(Box::new(FixedClock::at(day.and_hms_opt(2, 0, 0).expect("02:00 exists").and_utc())));
}

pub(super) fn last_weeks(books: &mut Books, plans: &[Plan], today: NaiveDate, seed: u64) -> Result<(), AppError> {
    let mut plans_made = 0;
    for (i, plan) in plans.iter().enumerate() {
        let mut rng = Rng::fork(seed, 9000 + i as u64);
        let code = plan.fields.code.clone();
        at(books, today);
        if books.customer(&code)?.overdue.is_zero() || !rng.chance(700) {
            continue;
        }
        let who = plan.contacts.iter().find(|c| c.role == ContactRole::Finance).or(plan.contacts.first());
        let name = who.map(|c| c.name.clone()).unwrap_or_default();
        let why = reason(plan, &mut rng);
        // A first call three to four weeks ago, with a promise for the week after.
        let first = today - Days::new(rng.range(20, 28) as u64);
        at(books, first);
        let promised = books.customer(&code)?.overdue.cents() / 100 * rng.range(20, 50) / 100;
        let call = ContactLogForm {
            customer_code: code.clone(),
            channel: "phone".into(),
            contact_name: name.clone(),
            outcome: if promised > 0 { "promised".into() } else { "reached".into() },
            reason: why.into(),
            next_action: "回访确认付款".into(),
            next_date: (first + Days::new(8)).to_string(),
            promise_amount: if promised > 0 { Money::from_cents(promised * 100).to_string() } else { String::new() },
            promise_date: (first + Days::new(7)).to_string(),
            note: "对方表示会尽快安排".into(),
            ..ContactLogForm::default()
        };
        books.log_contact(call)?;
        // Some were called again last week, or visited.
        if rng.chance(500) {
            let again = today - Days::new(rng.range(3, 9) as u64);
            at(books, again);
            let visit = ContactLogForm {
                customer_code: code.clone(),
                channel: if rng.chance(500) { "visit".into() } else { "wechat".into() },
                contact_name: name.clone(),
                outcome: "reached".into(),
                reason: why.into(),
                next_action: "月底前再跟进".into(),
                next_date: today.to_string(),
                ..ContactLogForm::default()
            };
            books.log_contact(visit)?;
        }
        // Two of those short of cash agree a plan: three months from a fortnight on.
        if why == "cash_tight" && plans_made < 2 {
            let agreed = today - Days::new(12);
            at(books, agreed);
            let owed = books.customer(&code)?.balance.cents() / 100;
            if owed >= 3000 {
                let total = owed / 2 / 100 * 100;
                let form = PlanForm {
                    customer_code: code.clone(),
                    total: total.to_string(),
                    equal_count: 3,
                    first_date: (agreed + Days::new(10)).to_string(),
                    note: String::new(),
                    ..PlanForm::default()
                };
                books.create_plan(form)?;
                plans_made += 1;
            }
        }
    }
    at(books, today);
    Ok(())
}
