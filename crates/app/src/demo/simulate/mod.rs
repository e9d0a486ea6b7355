//! Plays the cast out day by day, from the day the books were started to today, through the
//! books' own use cases: every delivery, payment and credit note is entered exactly as a
//! user would enter it, with the clock set to that day so the audit log reads like history.

mod account;
mod collecting;
mod credit;
mod deliveries;
mod invoicing;
mod papers;
mod payments;
mod status;

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use huikuan_domain::DocLanguage;

use super::cast::{self, Plan};
use super::rng::Rng;
use crate::ledger::NewOpeningBalance;
use crate::{AppError, Books, Company, FixedClock};

use account::{Account, Bill};

pub(super) fn run(books: &mut Books, today: NaiveDate, seed: u64) -> Result<(), AppError> {
    let start = cast::books_started(today);
    let mut plans = cast::cast(seed, start, today);
    for (i, plan) in plans.iter_mut().enumerate() {
        credit::know_the_business(plan, &mut Rng::fork(seed, 7000 + i as u64), today);
    }
    let mut sim = Sim { books, today, start, day: start, ops: 0 };
    sim.tick();
    sim.books.update_company(company())?;
    let mut accounts: Vec<Account> =
        plans.iter().enumerate().map(|(i, plan)| Account::new(Rng::fork(seed, 5000 + i as u64), plan, start)).collect();
    for day in start.iter_days().take_while(|d| *d <= today) {
        sim.day = day;
        sim.ops = 0;
        for (plan, account) in plans.iter().zip(&mut accounts) {
            sim.customer_day(plan, account)?;
        }
    }
    invoicing::issue(books, &plans, today)?;
    collecting::last_weeks(books, &plans, today, seed)
}

fn company() -> Company {
    Company {
        legal_name: "杭州明远建材有限公司".into(),
        address: "浙江省杭州市拱墅区祥园路88号2幢301室".into(),
        tax_id: "91330105MA27XK8L3Q".into(),
        bank_name: "中国工商银行杭州半山支行".into(),
        bank_account: "1202021209900123456".into(),
        phone: "0571-88236677".into(),
        signatory: "陈明远".into(),
        currency: "CNY".into(),
        doc_language: DocLanguage::Zh,
        papers: Default::default(),
    }
}

struct Sim<'a> {
    books: &'a mut Books,
    today: NaiveDate,
    start: NaiveDate,
    day: NaiveDate,
    /// Operations so far today: each is stamped a few minutes after the one before.
    ops: i64,
}

impl Sim<'_> {
    /// Sets the books' clock to the next moment of the working day (09:00 Beijing time on).
    fn tick(&mut self) {
        let morning = self.day.and_hms_opt(1, 0, 0).expect("01:00 exists").and_utc();
        let at = morning + Duration::minutes((self.ops * 4).min(9 * 60 + 50));
        self.books.clock = Box::new(FixedClock::at(at));
        self.ops += 1;
    }

    fn customer_day(&mut self, plan: &Plan, account: &mut Account) -> Result<(), AppError> {
        if !account.created {
            if self.day < plan.joined {
                return Ok(());
            }
            self.open_account(plan, account)?;
        }
        self.take_returns(plan, account)?;
        self.change_status(plan, account)?;
        self.assess_credit(plan, account, false)?;
        if self.delivers_today(plan, account) {
            self.deliver(plan, account)?;
        }
        self.pay(plan, account)
    }

    fn open_account(&mut self, plan: &Plan, account: &mut Account) -> Result<(), AppError> {
        self.tick();
        self.books.create_customer(plan.fields.clone(), plan.contacts.clone())?;
        account.created = true;
        self.assess_credit(plan, account, true)?;
        if plan.opening.is_positive() {
            self.tick();
            let entry = self.books.record_opening_balance(NewOpeningBalance {
                customer_code: plan.fields.code.clone(),
                date: self.start.pred_opt().expect("the calendar goes back further"),
                amount: plan.opening,
                due_date: None,
                memo: "期初余额（启用系统前的未结货款）".into(),
            })?;
            let due = entry.due_date.expect("an opening debit has a due date");
            let pay_on = Some(self.pay_on(plan, account, due));
            account.bills.push(Bill { number: entry.number, doc: entry.doc_date, due, open: plan.opening, pay_on });
        }
        Ok(())
    }
}

fn month_name(date: NaiveDate) -> String {
    format!("{}年{}月", date.year(), date.month())
}

/// Deliveries and payments happen Monday to Saturday, except over the Spring Festival
/// (a week before the new year to eight days after).
fn working_day(day: NaiveDate) -> bool {
    const NEW_YEARS: &[(i32, u32, u32)] = &[
        (2022, 2, 1),
        (2023, 1, 22),
        (2024, 2, 10),
        (2025, 1, 29),
        (2026, 2, 17),
        (2027, 2, 6),
        (2028, 1, 26),
        (2029, 2, 13),
        (2030, 2, 3),
        (2031, 1, 23),
        (2032, 2, 11),
        (2033, 1, 31),
        (2034, 2, 19),
        (2035, 2, 8),
    ];
    if day.weekday() == Weekday::Sun {
        return false;
    }
    let festival = NEW_YEARS.iter().filter_map(|&(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)).any(|new_year| {
        let offset = (day - new_year).num_days();
        (-7..=8).contains(&offset)
    });
    !festival
}
