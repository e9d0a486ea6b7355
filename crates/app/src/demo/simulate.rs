//! Plays the cast out day by day, from the day the books were started to today, through the
//! books' own use cases: every delivery, payment and credit note is entered exactly as a
//! user would enter it, with the clock set to that day so the audit log reads like history.

use chrono::{Datelike, Days, Duration, NaiveDate, Weekday};
use huikuan_domain::line::line_amount;
use huikuan_domain::{ContactRole, CustomerKind, CustomerStatus, DocLanguage, Money, PaymentMethod};
use rust_decimal::Decimal;

use super::cast::{self, round_up, yuan, Cadence, Habit, Plan};
use super::names::{self, Product, PRODUCTS};
use super::rng::Rng;
use crate::ledger::{ManualAllocation, NewCreditNote, NewDelivery, NewDeliveryLine, NewOpeningBalance, NewPayment};
use crate::{AppError, Books, Company, CustomerFields, FixedClock};

pub(super) fn run(books: &mut Books, today: NaiveDate, seed: u64) -> Result<(), AppError> {
    let start = cast::books_started(today);
    let plans = cast::cast(seed, start, today);
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
    Ok(())
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
    }
}

/// A receivable as the customer sees it: what is still open and when it will be paid
/// (None: never, it is disputed).
struct Bill {
    number: String,
    doc: NaiveDate,
    due: NaiveDate,
    open: Money,
    pay_on: Option<NaiveDate>,
}

/// Goods that will come back (or a discount that will be agreed) a few days after delivery.
struct Return {
    date: NaiveDate,
    number: String,
    amount: Money,
    reason: String,
}

/// One customer's account as the days go by. It settles oldest-first exactly as the books
/// do, so payments can be sized and allocated without asking the books.
struct Account {
    rng: Rng,
    created: bool,
    fields: CustomerFields,
    bills: Vec<Bill>,
    credit: Money,
    last_pay_on: NaiveDate,
    returns: Vec<Return>,
    disputed: Option<(String, Money, NaiveDate)>,
    paid_month: Option<(i32, u32)>,
    last_payment: Option<NaiveDate>,
    next_trickle: Option<NaiveDate>,
    overpaid: Money,
}

impl Account {
    fn new(rng: Rng, plan: &Plan, start: NaiveDate) -> Account {
        Account {
            rng,
            created: false,
            fields: plan.fields.clone(),
            bills: Vec::new(),
            credit: Money::ZERO,
            last_pay_on: start,
            returns: Vec::new(),
            disputed: None,
            paid_month: None,
            last_payment: None,
            next_trickle: None,
            overpaid: Money::ZERO,
        }
    }

    fn open_total(&self) -> Money {
        self.bills.iter().map(|b| b.open).sum()
    }

    /// A credit that is not allocated by hand settles the oldest open bills; what is left
    /// over is the customer's credit.
    fn apply_oldest_first(&mut self, amount: Money) {
        let mut left = amount;
        for bill in &mut self.bills {
            let part = left.min(bill.open);
            bill.open -= part;
            left -= part;
        }
        self.credit += left;
        self.drop_settled();
    }

    fn drop_settled(&mut self) {
        self.bills.retain(|b| b.open.is_positive());
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
        if self.delivers_today(plan, account) {
            self.deliver(plan, account)?;
        }
        self.pay(plan, account)
    }

    fn open_account(&mut self, plan: &Plan, account: &mut Account) -> Result<(), AppError> {
        self.tick();
        self.books.create_customer(plan.fields.clone(), plan.contacts.clone())?;
        account.created = true;
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

    // ---- deliveries -------------------------------------------------------------------

    fn delivers_today(&self, plan: &Plan, account: &mut Account) -> bool {
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

    fn deliver(&mut self, plan: &Plan, account: &mut Account) -> Result<(), AppError> {
        let dispute = disputes_today(plan, account, self.day);
        let forced = dispute.map(|reason| names::DISPUTES[reason].0);
        let lines = self.lines(plan, account, forced);
        let rng = &mut account.rng;
        let contact = plan.contacts.iter().find(|c| c.role == ContactRole::Purchaser).or(plan.contacts.first());
        let memo = if rng.chance(80) { rng.pick(names::DELIVERY_MEMOS).to_string() } else { String::new() };
        self.tick();
        let note = self.books.create_delivery(NewDelivery {
            customer_code: plan.fields.code.clone(),
            date: self.day,
            due_date: None,
            number: None,
            contact_name: contact.map(|c| c.name.clone()).unwrap_or_default(),
            address: plan.site.clone(),
            memo,
            lines,
        })?;
        let number = note.number.clone().expect("an issued delivery note has a number");
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

    fn take_returns(&mut self, plan: &Plan, account: &mut Account) -> Result<(), AppError> {
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

    // ---- payments ---------------------------------------------------------------------

    /// When the customer will pay a bill due on `due`: never before an older one.
    fn pay_on(&self, plan: &Plan, account: &mut Account, due: NaiveDate) -> NaiveDate {
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

    fn pay(&mut self, plan: &Plan, account: &mut Account) -> Result<(), AppError> {
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

    // ---- status -----------------------------------------------------------------------

    /// Cuts off a bad payer, holds a disputing customer and closes one that left.
    fn change_status(&mut self, plan: &Plan, account: &mut Account) -> Result<(), AppError> {
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
