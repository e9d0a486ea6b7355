//! How and when each kind of customer pays.

use chrono::{Datelike, Days, Duration, NaiveDate};
use huikuan_domain::{CustomerKind, DocLanguage, Money, PaymentMethod};

use crate::demo::cast::{round_up, yuan, Cadence, Habit, Plan};
use crate::demo::rng::Rng;
use crate::ledger::{ManualAllocation, NewPayment};
use crate::AppError;

use super::account::{Account, Bill};
use super::{working_day, Sim};

impl Sim<'_> {
    /// When the customer will pay a bill due on `due`: never before an older one.
    pub(super) fn pay_on(&self, plan: &Plan, account: &mut Account, due: NaiveDate) -> NaiveDate {
        let lag = match (plan.cadence, plan.habit) {
            (Cadence::OnDelivery, _) => 0,
            (_, Habit::Late { min, max }) => account.rng.range(min, max),
            _ => account.rng.range(-3, 7),
        };
        let date = (due + Duration::days(lag)).max(account.last_pay_on).max(self.day);
        account.last_pay_on = date;
        date
    }

    /// Whether today is one of the customer's paying days; a monthly payer's day passes
    /// once it comes, whether or not anything was due.
    fn pays_today(&self, plan: &Plan, account: &mut Account) -> bool {
        let day = self.day;
        if !working_day(day) {
            return false;
        }
        match plan.cadence {
            Cadence::OnDelivery => true,
            Cadence::Weekly(weekday) => day.weekday() == weekday,
            Cadence::Monthly(payday) => {
                let month = (day.year(), day.month());
                let due = day.day() >= payday && account.paid_month != Some(month);
                if due {
                    account.paid_month = Some(month);
                }
                due
            }
        }
    }

    pub(super) fn pay(&mut self, plan: &Plan, account: &mut Account) -> Result<(), AppError> {
        match plan.habit {
            Habit::Stopped { since, trickle } if self.day >= since => self.trickle(plan, account, since, trickle),
            Habit::Instalments => self.instalment(plan, account),
            Habit::Prepays { on } if self.day == on => self.deposit(plan, account),
            _ => self.pay_due_bills(plan, account),
        }
    }

    fn pay_due_bills(&mut self, plan: &Plan, account: &mut Account) -> Result<(), AppError> {
        if !self.pays_today(plan, account) {
            return Ok(());
        }
        let day = self.day;
        let due: Vec<&Bill> = account.bills.iter().filter(|b| b.pay_on.is_some_and(|p| p <= day)).collect();
        if due.is_empty() {
            return Ok(());
        }
        let amount: Money = due.iter().map(|b| b.open).sum();
        let memo = payment_memo(plan.cadence, &due);
        // A customer in a dispute says which notes it pays, so the refused one stays open.
        let allocations = match plan.habit {
            Habit::Disputes { .. } => {
                due.iter().map(|b| ManualAllocation { receivable: b.number.clone(), amount: b.open }).collect()
            }
            _ => Vec::new(),
        };
        let settles_all = amount == account.open_total();
        let leaving = plan.departs && plan.overpays && day > plan.last_delivery && settles_all;
        let extra =
            if leaving && account.overpaid.is_zero() { yuan(account.rng.range(3, 9) * 100) } else { Money::ZERO };
        let memo = if extra.is_positive() { format!("{memo}（结清，多付 ¥{extra}）") } else { memo };
        self.receive(plan, account, amount + extra, memo, allocations)?;
        for bill in account.bills.iter_mut().filter(|b| b.pay_on.is_some_and(|p| p <= day)) {
            bill.open = Money::ZERO;
        }
        account.drop_settled();
        account.credit += extra;
        account.overpaid += extra;
        Ok(())
    }

    /// A round sum on account, most of what is due, applied oldest-first.
    fn instalment(&mut self, plan: &Plan, account: &mut Account) -> Result<(), AppError> {
        if !self.pays_today(plan, account) {
            return Ok(());
        }
        let due: Money = account.bills.iter().filter(|b| b.due <= self.day).map(|b| b.open).sum();
        if !due.is_positive() {
            return Ok(());
        }
        let share = due.cents() * account.rng.range(50, 90) / 100;
        let thousand = yuan(1_000).cents();
        let round = share / thousand * thousand;
        let (amount, memo) =
            if round > 0 { (Money::from_cents(round), "还部分货款") } else { (due, "结清到期货款") };
        self.receive(plan, account, amount, memo.into(), Vec::new())?;
        account.apply_oldest_first(amount);
        Ok(())
    }

    /// After it stopped paying: nothing, or a few thousand now and then after a call.
    fn trickle(&mut self, plan: &Plan, account: &mut Account, since: NaiveDate, trickle: bool) -> Result<(), AppError> {
        let open = account.open_total();
        if !trickle || !open.is_positive() || !working_day(self.day) {
            return Ok(());
        }
        let next = *account.next_trickle.get_or_insert(since + Days::new(account.rng.range(45, 75) as u64));
        if self.day < next {
            return Ok(());
        }
        // A few thousand at a time, never enough to clear the debt.
        let cents = yuan(account.rng.range(2, 5) * 1_000).cents().min(open.cents() / 4 / 100 * 100);
        if cents >= yuan(500).cents() {
            let amount = Money::from_cents(cents);
            self.receive(plan, account, amount, "催收后分期还款".into(), Vec::new())?;
            account.apply_oldest_first(amount);
        }
        account.next_trickle = Some(self.day + Days::new(account.rng.range(60, 100) as u64));
        Ok(())
    }

    /// Clears everything and pays ahead for a project's materials: the rest is its credit.
    fn deposit(&mut self, plan: &Plan, account: &mut Account) -> Result<(), AppError> {
        let ahead = round_up(Money::from_cents(plan.estimated_monthly.cents() * 2), yuan(10_000)).max(yuan(30_000));
        let amount = account.open_total() + ahead;
        self.receive(plan, account, amount, format!("结清货款并预付 ¥{ahead}（新项目备料款）"), Vec::new())?;
        account.apply_oldest_first(amount);
        Ok(())
    }

    fn receive(
        &mut self,
        plan: &Plan,
        account: &mut Account,
        amount: Money,
        memo: String,
        allocations: Vec<ManualAllocation>,
    ) -> Result<(), AppError> {
        let (method, reference) = method(plan, &mut account.rng, amount);
        self.tick();
        self.books.record_payment(NewPayment {
            customer_code: plan.fields.code.clone(),
            date: self.day,
            amount,
            method,
            reference,
            memo,
            number: None,
            allocations,
        })?;
        account.last_payment = Some(self.day);
        Ok(())
    }
}

fn method(plan: &Plan, rng: &mut Rng, amount: Money) -> (PaymentMethod, String) {
    let bank = || format!("{} 尾号{}", plan.bank, plan.account_tail);
    let roll = rng.range(0, 99);
    let small = amount <= yuan(5_000);
    match plan.fields.kind {
        _ if plan.fields.doc_language == DocLanguage::En => (PaymentMethod::Bank, bank()),
        CustomerKind::Shop | CustomerKind::Individual => {
            let (wechat, alipay, cash) = match (plan.fields.kind, small) {
                (CustomerKind::Individual, _) => (50, 65, 90),
                (_, true) => (40, 55, 70),
                (_, false) => (20, 20, 20),
            };
            match roll {
                r if r < wechat => (PaymentMethod::Wechat, "微信转账".into()),
                r if r < alipay => (PaymentMethod::Alipay, "支付宝转账".into()),
                r if r < cash => (PaymentMethod::Cash, format!("收据 No.{}", rng.digits(6))),
                _ => (PaymentMethod::Bank, bank()),
            }
        }
        _ if roll < 20 && amount >= yuan(50_000) => {
            (PaymentMethod::AcceptanceBill, format!("{}承兑汇票 票号尾号{}", plan.bank, rng.digits(8)))
        }
        CustomerKind::Enterprise if (20..23).contains(&roll) => {
            (PaymentMethod::Cheque, format!("转账支票 No.{}", rng.digits(8)))
        }
        _ => (PaymentMethod::Bank, bank()),
    }
}

fn payment_memo(cadence: Cadence, bills: &[&Bill]) -> String {
    let (first, last) = (bills[0], bills[bills.len() - 1]);
    match cadence {
        Cadence::OnDelivery => "货到付款".into(),
        _ if bills.len() == 1 => format!("付 {} 货款", first.number),
        Cadence::Monthly(_) if first.doc.month() == last.doc.month() => format!("付{}月货款", first.doc.month()),
        Cadence::Monthly(_) => format!("付{}-{}月货款", first.doc.month(), last.doc.month()),
        Cadence::Weekly(_) => format!("付 {} 等 {} 张单货款", first.number, bills.len()),
    }
}
