//! The deliveries a customer takes, and the goods that come back.

use chrono::{Datelike, Days, NaiveDate};
use huikuan_domain::line::line_amount;
use huikuan_domain::{ContactRole, CustomerStatus, Money};
use rust_decimal::Decimal;

use crate::demo::cast::{Habit, Plan};
use crate::demo::names::{self, Product, PRODUCTS};
use crate::demo::rng::Rng;
use crate::ledger::{NewCreditNote, NewDelivery, NewDeliveryLine};
use crate::AppError;

use super::account::{Account, Bill, Return};
use super::{working_day, Sim};

impl Sim<'_> {
    pub(super) fn delivers_today(&self, plan: &Plan, account: &mut Account) -> bool {
        if account.fields.status != CustomerStatus::Active || self.day > plan.last_delivery || !working_day(self.day) {
            return false;
        }
        if disputes_today(plan, account, self.day).is_some() {
            return true;
        }
        // A customer heading for trouble buys more on credit just before it stops paying.
        let binge = matches!(plan.habit, Habit::Stopped { since, .. } if self.day + Days::new(45) >= since);
        let per_mille = plan.deliveries_per_month_x10 * 100 / 26;
        account.rng.chance(if binge { per_mille * 2 } else { per_mille })
    }

    pub(super) fn deliver(&mut self, plan: &Plan, account: &mut Account) -> Result<(), AppError> {
        let dispute = disputes_today(plan, account, self.day);
        let forced = dispute.map(|reason| names::DISPUTES[reason].0);
        let lines = self.lines(plan, account, forced);
        let rng = &mut account.rng;
        let contact = plan.contacts.iter().find(|c| c.role == ContactRole::Purchaser).or(plan.contacts.first());
        let memo = if rng.chance(80) { rng.pick(names::DELIVERY_MEMOS).to_string() } else { String::new() };
        self.tick();
        let input = NewDelivery {
            customer_code: plan.fields.code.clone(),
            date: self.day,
            due_date: None,
            number: None,
            contact_name: contact.map(|c| c.name.clone()).unwrap_or_default(),
            address: plan.site.clone(),
            memo,
            lines,
            override_reason: None,
        };
        // The last three weeks' notes are printed as a user issues them today; older ones
        // are history, printed the first time someone opens them.
        let printed = self.today - self.day <= chrono::Duration::days(21);
        let issue = |books: &mut crate::Books, input: NewDelivery| {
            if printed {
                books.create_delivery(input)
            } else {
                books.create_delivery_unprinted(input)
            }
        };
        let note = match issue(self.books, input.clone()) {
            Ok(note) => note,
            Err(AppError::CreditBlocked(refusal)) => match self.override_reason(plan, account, &refusal) {
                Some(reason) => issue(self.books, NewDelivery { override_reason: Some(reason), ..input })?,
                None => return Ok(()),
            },
            Err(e) => return Err(e),
        };
        let number = note.number.clone().expect("an issued delivery note has a number");
        if printed {
            self.sign_on_delivery(&number, contact.map(|c| c.name.as_str()))?;
        }
        let pay_on = if dispute.is_some() { None } else { Some(self.pay_on(plan, account, note.due_date)) };
        let absorbed = account.credit.min(note.total);
        account.credit -= absorbed;
        let bill =
            Bill { number: number.clone(), doc: self.day, due: note.due_date, open: note.total - absorbed, pay_on };
        account.bills.push(bill);
        account.drop_settled();
        if dispute.is_some() {
            account.disputed = Some((number, note.total, self.day));
        } else if !matches!(plan.habit, Habit::Disputes { .. }) && account.rng.chance(15) {
            self.plan_return(account, &number, &note.lines)?;
        }
        Ok(())
    }

    fn lines(&self, plan: &Plan, account: &mut Account, forced: Option<&str>) -> Vec<NewDeliveryLine> {
        let rng = &mut account.rng;
        let count = match rng.range(0, 99) {
            0..=19 => 1,
            20..=49 => 2,
            50..=74 => 3,
            75..=89 => 4,
            _ => 5,
        };
        let mut chosen: Vec<usize> =
            forced.and_then(|item| PRODUCTS.iter().position(|p| p.item == item)).into_iter().collect();
        let mut candidates = plan.products.clone();
        rng.shuffle(&mut candidates);
        for product in candidates {
            if chosen.len() >= count {
                break;
            }
            if !chosen.contains(&product) {
                chosen.push(product);
            }
        }
        chosen
            .into_iter()
            .map(|i| {
                let product = &PRODUCTS[i];
                NewDeliveryLine {
                    item: product.item.into(),
                    spec: product.spec.into(),
                    unit: product.unit.into(),
                    quantity: quantity(rng, product, plan.scale),
                    unit_price: self.unit_price(plan, product),
                }
            })
            .collect()
    }

    /// The list price at the customer's level, moving with the market: steel and cement
    /// follow a yearly cycle, everything else creeps up about 1% a year.
    fn unit_price(&self, plan: &Plan, product: &Product) -> Decimal {
        const BULK_CYCLE: [i64; 12] = [1000, 1012, 1030, 1045, 1035, 1010, 985, 970, 962, 978, 995, 1008];
        let month = i64::from((self.day.year() - self.start.year()) * 12) + i64::from(self.day.month())
            - i64::from(self.start.month());
        let drift = if product.group == 0 { BULK_CYCLE[(month % 12) as usize] } else { 1000 + month };
        let cents = product.price * plan.price_level / 1000 * drift / 1000;
        let step = match cents {
            100_000.. => 1000,
            10_000.. => 100,
            1_000.. => 10,
            _ => 5,
        };
        Decimal::new((cents + step / 2) / step * step, 2)
    }

    fn plan_return(&self, account: &mut Account, number: &str, lines: &[crate::DeliveryLine]) -> Result<(), AppError> {
        let rng = &mut account.rng;
        let date = self.day + Days::new(rng.range(2, 10) as u64);
        if date > self.today {
            return Ok(());
        }
        let line = rng.pick(lines);
        let (amount, reason) = if rng.chance(300) {
            let cents = line.amount.cents() * rng.range(3, 8) / 100 / 100 * 100;
            let why = rng.pick(&["轻微色差", "外包装破损", "送货延误"]);
            (Money::from_cents(cents.max(100)), format!("折让：{} {}（{why}），协商折让", line.item, line.spec))
        } else {
            let share = line.quantity * Decimal::new(rng.range(10, 30), 2);
            let returned =
                share.round_dp(line.quantity.scale()).max(Decimal::new(1, line.quantity.scale())).min(line.quantity);
            let why = rng.pick(names::RETURN_REASONS);
            let amount = line_amount(returned, line.unit_price).map_err(AppError::invalid("amount"))?;
            (amount, format!("退货：{} {} {}{}（{why}）", line.item, line.spec, returned.normalize(), line.unit))
        };
        if amount.is_positive() {
            account.returns.push(Return { date, number: number.to_string(), amount, reason });
        }
        Ok(())
    }

    pub(super) fn take_returns(&mut self, plan: &Plan, account: &mut Account) -> Result<(), AppError> {
        let day = self.day;
        let (now, later): (Vec<Return>, Vec<Return>) = account.returns.drain(..).partition(|r| r.date == day);
        account.returns = later;
        for r in now {
            self.tick();
            self.books.record_credit_note(NewCreditNote {
                customer_code: plan.fields.code.clone(),
                date: day,
                amount: r.amount,
                reason: r.reason,
                corrects: Some(r.number.clone()),
            })?;
            // The books apply it to the note it corrects first, the rest oldest-first.
            let mut rest = r.amount;
            if let Some(bill) = account.bills.iter_mut().find(|b| b.number == r.number) {
                let part = rest.min(bill.open);
                bill.open -= part;
                rest -= part;
            }
            account.apply_oldest_first(rest);
        }
        Ok(())
    }
}

/// The disputed product when today brings the delivery the customer will refuse.
fn disputes_today(plan: &Plan, account: &Account, day: NaiveDate) -> Option<usize> {
    match plan.habit {
        Habit::Disputes { on, reason } if account.disputed.is_none() && day >= on => Some(reason),
        _ => None,
    }
}

fn quantity(rng: &mut Rng, product: &Product, scale: i64) -> Decimal {
    let raw = rng.range(product.quantity.0, product.quantity.1) * scale / 1000;
    // People order round numbers of pieces; weights come off the scale as they are.
    let units = match (product.decimals, raw) {
        (0, 201..) => (raw + 5) / 10 * 10,
        (0, 51..) => (raw + 2) / 5 * 5,
        _ => raw,
    };
    Decimal::new(units.max(1), product.decimals)
}
