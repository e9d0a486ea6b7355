//! Who the demo's customers are and how each of them buys and pays: decided up front from
//! the seed, so the simulation only has to play it out day by day.

use chrono::{Datelike, Days, NaiveDate, Weekday};
use huikuan_domain::{ContactRole, CustomerKind, DocLanguage, Importance, Money, PaymentTerms};

use super::names::{self, Area, AREAS, CUSTOMERS, ENGLISH_CUSTOMERS, PRODUCTS};
use super::rng::Rng;
use crate::{ContactFields, CustomerFields};

/// How a customer pays what it owes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Habit {
    /// Pays each bill within a few days of its due date.
    OnTime,
    /// Pays every bill `min..=max` days after its due date.
    Late { min: i64, max: i64 },
    /// Pays a round sum on account every month and never quite catches up.
    Instalments,
    /// Paid normally until `since`, then stopped; `trickle`: a small sum now and then.
    Stopped { since: NaiveDate, trickle: bool },
    /// Refuses to pay the first delivery on or after `on` and pays the rest by hand.
    Disputes { on: NaiveDate, reason: usize },
    /// Pays on time, and on `on` a large deposit ahead of a project.
    Prepays { on: NaiveDate },
}

/// When a customer sends money.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Cadence {
    /// 货到付款: on the day of the delivery.
    OnDelivery,
    Weekly(Weekday),
    /// On the first working day from this day of the month (月结).
    Monthly(u32),
}

pub(super) struct Plan {
    pub fields: CustomerFields,
    pub contacts: Vec<ContactFields>,
    pub joined: NaiveDate,
    /// The last day it may receive goods: today unless it left or was cut off.
    pub last_delivery: NaiveDate,
    /// Leaves on `last_delivery`, settles up and is closed; `overpays` on the way out.
    pub departs: bool,
    pub overpays: bool,
    pub habit: Habit,
    pub cadence: Cadence,
    pub deliveries_per_month_x10: i64,
    /// Order size relative to a small shop, per mille.
    pub scale: i64,
    /// Its price level relative to the list price, per mille.
    pub price_level: i64,
    pub products: Vec<usize>,
    pub opening: Money,
    pub estimated_monthly: Money,
    pub bank: &'static str,
    pub account_tail: String,
    pub site: String,
}

/// The roles of the Chinese-language customers, dealt out over the shuffled cast so that
/// every seed has the same mix of good payers, slow payers, bad debts and disputes.
#[derive(Debug, Clone, Copy)]
enum Role {
    OnTime,
    Occasional,
    Late,
    VeryLate,
    Instalments,
    Stopped(u64, bool),
    /// Days ago, and which of the dispute stories it tells.
    Disputes(u64, usize),
    Prepays,
    Departs(bool),
}

const ROLES: &[(Role, usize)] = &[
    (Role::Stopped(470, false), 1),
    (Role::Stopped(300, true), 1),
    (Role::Stopped(190, false), 1),
    (Role::Stopped(115, true), 1),
    (Role::Disputes(420, 0), 1),
    (Role::Disputes(290, 1), 1),
    (Role::Disputes(160, 2), 1),
    (Role::Disputes(95, 3), 1),
    (Role::Prepays, 1),
    (Role::Departs(true), 1),
    (Role::Departs(false), 3),
    (Role::Instalments, 4),
    (Role::VeryLate, 4),
    (Role::Late, 9),
    (Role::OnTime, 22),
    (Role::Occasional, 5),
];

const ENGLISH_ROLES: &[Role] = &[Role::OnTime, Role::Late, Role::OnTime];

/// Everyone the demo sells to, in the order their codes were given (C001…).
pub(super) fn cast(seed: u64, start: NaiveDate, today: NaiveDate) -> Vec<Plan> {
    let mut rng = Rng::fork(seed, 1);
    let mut chinese: Vec<usize> = (0..CUSTOMERS.len()).collect();
    rng.shuffle(&mut chinese);
    // Shops, chains and companies first: the debts and disputes that the roles start with
    // should be worth chasing; work crews, clinics and the like are mostly occasional.
    chinese.sort_by_key(|&i| {
        !matches!(CUSTOMERS[i].1, CustomerKind::Shop | CustomerKind::Chain | CustomerKind::Enterprise)
    });
    let roles = ROLES.iter().flat_map(|&(role, count)| std::iter::repeat_n(role, count));
    let mut plans: Vec<Plan> = chinese
        .into_iter()
        .zip(roles)
        .map(|(index, role)| {
            let (name, kind, area) = CUSTOMERS[index];
            let mut rng = Rng::fork(seed, 100 + index as u64);
            let mut plan = plan(&mut rng, Who::Chinese { name, kind, area: &AREAS[area] }, role, start, today);
            plan.contacts = chinese_contacts(&mut rng, &plan.fields);
            plan
        })
        .collect();
    for (index, (english, &role)) in ENGLISH_CUSTOMERS.iter().zip(ENGLISH_ROLES).enumerate() {
        let mut rng = Rng::fork(seed, 900 + index as u64);
        let mut plan = plan(&mut rng, Who::English(english), role, start, today);
        plan.contacts = english_contacts(&mut rng, english);
        plans.push(plan);
    }
    // Codes follow the order customers were entered: those already there when the books
    // were started first, then the newcomers as they came.
    plans.sort_by_key(|p| p.joined);
    for (number, plan) in plans.iter_mut().enumerate() {
        plan.fields.code = format!("C{:03}", number + 1);
    }
    plans
}

enum Who<'a> {
    Chinese { name: &'static str, kind: CustomerKind, area: &'a Area },
    English(&'a names::EnglishCustomer),
}

fn plan(rng: &mut Rng, who: Who, role: Role, start: NaiveDate, today: NaiveDate) -> Plan {
    let (name, kind) = match &who {
        Who::Chinese { name, kind, .. } => (*name, *kind),
        Who::English(e) => (e.name, e.kind),
    };
    let key = !matches!(role, Role::Occasional)
        && match kind {
            CustomerKind::Chain => true,
            CustomerKind::Enterprise => rng.chance(350),
            CustomerKind::Shop => rng.chance(100),
            _ => false,
        };
    let terms = terms_for(rng, kind, role);
    let joined = joined(rng, role, start, today);
    let (habit, last_delivery, departs, overpays) = habit_for(rng, role, today);
    let scale = scale_for(rng, kind) * if key { 14 } else { 10 } / 10;
    let products = products_for(rng, kind);
    let deliveries_per_month_x10 = match (role, kind) {
        (Role::Occasional, _) => rng.range(5, 12),
        _ if key => rng.range(32, 50),
        (_, CustomerKind::Enterprise) => rng.range(20, 34),
        (_, CustomerKind::Shop) => rng.range(16, 30),
        _ => rng.range(8, 16),
    };
    let estimated_monthly =
        Money::from_cents(estimated_ticket(&products, scale).cents() * deliveries_per_month_x10 / 10);
    let term_months = (term_days(terms) + 15) / 30;
    // What it owed when the books were started: about its terms' worth of purchases.
    let opening = if joined == start && terms != PaymentTerms::Cod {
        Money::from_cents(estimated_monthly.cents() * term_months.max(1) * rng.range(60, 140) / 100 + rng.range(0, 99))
    } else {
        Money::ZERO
    };
    let cadence = cadence_for(rng, kind, terms, habit);
    let mut fields = CustomerFields::new("", name);
    fields.kind = kind;
    fields.payment_terms = terms;
    fields.statement_day = matches!(terms, PaymentTerms::Eom(_)).then(|| *rng.pick(&[25, 26, 28, 30]));
    fields.credit_limit = credit_limit_for(kind, terms, estimated_monthly, term_months);
    fields.importance = if key { Importance::Key } else { Importance::Normal };
    match who {
        Who::Chinese { area, .. } => {
            chinese_profile(rng, &mut fields, area);
            fields.tags = tags_for(name, kind, area, joined, start, today);
        }
        Who::English(english) => english_profile(rng, &mut fields, english),
    }
    let site = delivery_site(rng, &fields);
    Plan {
        fields,
        contacts: Vec::new(),
        joined,
        last_delivery,
        departs,
        overpays,
        habit,
        cadence,
        deliveries_per_month_x10,
        scale,
        price_level: price_level_for(rng, kind, key),
        products,
        opening,
        estimated_monthly,
        bank: names::BANKS[rng.index(names::BANKS.len())],
        account_tail: rng.digits(4),
        site,
    }
}

/// A limit of one and a half times what it buys over its terms plus a month; none for
/// cash customers except a little slack for shops.
fn credit_limit_for(kind: CustomerKind, terms: PaymentTerms, monthly: Money, term_months: i64) -> Money {
    match (terms, kind) {
        (PaymentTerms::Cod, CustomerKind::Shop) => yuan(5_000),
        (PaymentTerms::Cod, _) => Money::ZERO,
        _ => round_up(Money::from_cents(monthly.cents() * (term_months + 1) * 3 / 2), yuan(10_000)).max(yuan(20_000)),
    }
}

fn chinese_profile(rng: &mut Rng, fields: &mut CustomerFields, area: &Area) {
    fields.phone = phone_for(rng, fields.kind, area);
    fields.address = address_for(rng, fields.kind, area);
    fields.tax_id = tax_id_for(rng, fields.kind, area);
    fields.salesperson = rng.pick(names::SALESPEOPLE).to_string();
    if rng.chance(400) {
        fields.notes = rng.pick(names::CUSTOMER_NOTES).to_string();
    }
}

fn english_profile(rng: &mut Rng, fields: &mut CustomerFields, english: &names::EnglishCustomer) {
    let (area_code, region) = if english.address.contains("Suzhou") { ("0512", "320571") } else { ("0571", "330108") };
    fields.phone = format!("{area_code}-6{}", rng.digits(7));
    fields.address = english.address.to_string();
    fields.tax_id = format!("91{region}MA{}", code_chars(rng, 8));
    fields.salesperson = names::ENGLISH_SALESPERSON.to_string();
    fields.tags = "外资,英文单据".to_string();
    fields.doc_language = DocLanguage::En;
}

fn days_ago(today: NaiveDate, days: u64) -> NaiveDate {
    today.checked_sub_days(Days::new(days)).expect("within the calendar")
}

/// Bad debts, disputes and departures need a history, so those customers were already
/// there when the books were started; a third of the others came later.
fn joined(rng: &mut Rng, role: Role, start: NaiveDate, today: NaiveDate) -> NaiveDate {
    let may_be_new = matches!(role, Role::OnTime | Role::Occasional | Role::Late | Role::VeryLate | Role::Instalments);
    if !may_be_new || rng.chance(650) {
        return start;
    }
    let span = (today - start).num_days();
    start + Days::new(rng.range(30, span - 45) as u64)
}

fn habit_for(rng: &mut Rng, role: Role, today: NaiveDate) -> (Habit, NaiveDate, bool, bool) {
    let jitter = |rng: &mut Rng, days: u64| days_ago(today, days + rng.range(0, 10) as u64);
    match role {
        Role::OnTime | Role::Occasional => (Habit::OnTime, today, false, false),
        Role::Late => (Habit::Late { min: rng.range(8, 15), max: rng.range(25, 40) }, today, false, false),
        Role::VeryLate => (Habit::Late { min: rng.range(50, 60), max: rng.range(90, 110) }, today, false, false),
        Role::Instalments => (Habit::Instalments, today, false, false),
        Role::Stopped(days, trickle) => {
            let since = jitter(rng, days);
            // The supplier noticed a few weeks later and stopped delivering.
            let cut_off = since + Days::new(rng.range(20, 45) as u64);
            (Habit::Stopped { since, trickle }, cut_off, false, false)
        }
        Role::Disputes(days, reason) => (Habit::Disputes { on: jitter(rng, days), reason }, today, false, false),
        Role::Prepays => (Habit::Prepays { on: jitter(rng, 8) }, today, false, false),
        Role::Departs(overpays) => (Habit::OnTime, days_ago(today, rng.range(150, 500) as u64), true, overpays),
    }
}

fn terms_for(rng: &mut Rng, kind: CustomerKind, role: Role) -> PaymentTerms {
    let roll = rng.range(0, 99);
    let terms = match kind {
        CustomerKind::Individual if roll < 60 => PaymentTerms::Cod,
        CustomerKind::Individual if roll < 85 => PaymentTerms::Net(15),
        CustomerKind::Individual => PaymentTerms::Net(30),
        CustomerKind::Shop if roll < 25 => PaymentTerms::Cod,
        CustomerKind::Shop if roll < 60 => PaymentTerms::Net(30),
        CustomerKind::Shop => PaymentTerms::Eom(30),
        CustomerKind::Chain if roll < 50 => PaymentTerms::Eom(30),
        CustomerKind::Chain => PaymentTerms::Eom(60),
        CustomerKind::Enterprise if roll < 20 => PaymentTerms::Net(30),
        CustomerKind::Enterprise if roll < 45 => PaymentTerms::Net(60),
        CustomerKind::Enterprise if roll < 70 => PaymentTerms::Eom(30),
        // Their payables start from the VAT invoice: 票到30天.
        CustomerKind::Enterprise if roll < 80 => PaymentTerms::Inv(30),
        CustomerKind::Enterprise => PaymentTerms::Eom(60),
        CustomerKind::Clinic => PaymentTerms::Net(30),
        CustomerKind::Other => PaymentTerms::Eom(30),
    };
    // Paying late or by instalments only makes sense for a customer given credit.
    let on_credit = matches!(role, Role::Late | Role::VeryLate | Role::Instalments);
    if on_credit && terms == PaymentTerms::Cod {
        PaymentTerms::Net(30)
    } else {
        terms
    }
}

fn term_days(terms: PaymentTerms) -> i64 {
    match terms {
        PaymentTerms::Cod => 0,
        PaymentTerms::Net(days) => i64::from(days),
        PaymentTerms::Eom(days) => i64::from(days) + 15,
        // Invoiced early the next month, as the demo's invoicing does.
        PaymentTerms::Inv(days) => i64::from(days) + 20,
    }
}

fn cadence_for(rng: &mut Rng, kind: CustomerKind, terms: PaymentTerms, habit: Habit) -> Cadence {
    let payday = *rng.pick(&[5, 10, 15, 20, 25]);
    let weekday = *rng.pick(&[Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri, Weekday::Sat]);
    match (terms, habit, kind) {
        (_, Habit::Instalments, _) => Cadence::Monthly(payday),
        (
            PaymentTerms::Cod,
            Habit::OnTime | Habit::Prepays { .. } | Habit::Stopped { .. } | Habit::Disputes { .. },
            _,
        ) => Cadence::OnDelivery,
        (PaymentTerms::Eom(_), _, _) => Cadence::Monthly(payday),
        (_, _, CustomerKind::Shop | CustomerKind::Individual) => Cadence::Weekly(weekday),
        _ => Cadence::Monthly(payday),
    }
}

fn scale_for(rng: &mut Rng, kind: CustomerKind) -> i64 {
    match kind {
        CustomerKind::Individual => rng.range(300, 600),
        CustomerKind::Shop => rng.range(500, 1000),
        CustomerKind::Clinic => rng.range(250, 500),
        CustomerKind::Other => rng.range(300, 700),
        CustomerKind::Enterprise => rng.range(900, 2000),
        CustomerKind::Chain => rng.range(1200, 2500),
    }
}

fn price_level_for(rng: &mut Rng, kind: CustomerKind, key: bool) -> i64 {
    match kind {
        _ if key => rng.range(930, 970),
        CustomerKind::Individual | CustomerKind::Clinic | CustomerKind::Other => rng.range(1000, 1050),
        _ => rng.range(980, 1030),
    }
}

/// What it buys: the products of two or three groups that fit its trade.
fn products_for(rng: &mut Rng, kind: CustomerKind) -> Vec<usize> {
    let mut groups: Vec<usize> = match kind {
        CustomerKind::Individual => vec![1, 2, 3],
        CustomerKind::Shop => vec![0, 1, 2, 3, 4],
        CustomerKind::Enterprise => vec![0, 1, 2, 3],
        CustomerKind::Chain | CustomerKind::Clinic | CustomerKind::Other => vec![1, 2, 4],
    };
    rng.shuffle(&mut groups);
    groups.truncate(if groups.len() > 3 { rng.range(2, 3) as usize } else { 2.max(groups.len() - 1) });
    PRODUCTS.iter().enumerate().filter(|(_, p)| groups.contains(&p.group)).map(|(i, _)| i).collect()
}

/// What an average delivery of these products at this scale comes to (about 2.65 lines).
fn estimated_ticket(products: &[usize], scale: i64) -> Money {
    let per_line: i64 = products
        .iter()
        .map(|&i| {
            let p = &PRODUCTS[i];
            let middle = (p.quantity.0 + p.quantity.1) / 2;
            p.price * middle / 10_i64.pow(p.decimals)
        })
        .sum::<i64>()
        / products.len() as i64;
    Money::from_cents(per_line * 265 / 100 * scale / 1000)
}

pub(super) const fn yuan(amount: i64) -> Money {
    Money::from_cents(amount * 100)
}

pub(super) fn round_up(amount: Money, step: Money) -> Money {
    let step = step.cents();
    Money::from_cents((amount.cents() + step - 1) / step * step)
}

fn mobile(rng: &mut Rng) -> String {
    format!("1{}{}", rng.pick(&["35", "36", "37", "38", "39", "58", "59", "77", "86", "88", "89"]), rng.digits(8))
}

fn phone_for(rng: &mut Rng, kind: CustomerKind, area: &Area) -> String {
    match kind {
        CustomerKind::Shop | CustomerKind::Individual => mobile(rng),
        _ => format!("{}-8{}", area.area_code, rng.digits(7)),
    }
}

fn address_for(rng: &mut Rng, kind: CustomerKind, area: &Area) -> String {
    let street = rng.pick(area.streets);
    let number = rng.range(1, 1999);
    match kind {
        CustomerKind::Enterprise | CustomerKind::Chain => {
            format!(
                "{}{street}{number}号{}幢{}室",
                area.prefix,
                rng.range(1, 9),
                rng.range(2, 18) * 100 + rng.range(1, 12)
            )
        }
        _ => format!("{}{street}{number}号", area.prefix),
    }
}

/// Characters of a unified social credit code (no I, O, S, V or Z).
fn code_chars(rng: &mut Rng, count: usize) -> String {
    const CHARS: &[u8] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";
    (0..count).map(|_| char::from(*rng.pick(CHARS))).collect()
}

fn tax_id_for(rng: &mut Rng, kind: CustomerKind, area: &Area) -> String {
    match kind {
        CustomerKind::Individual => String::new(),
        // 92…: a registered sole trader (个体工商户).
        CustomerKind::Shop => format!("92{}MA{}", area.region, code_chars(rng, 8)),
        _ => format!("91{}MA{}", area.region, code_chars(rng, 8)),
    }
}

fn tags_for(
    name: &str,
    kind: CustomerKind,
    area: &Area,
    joined: NaiveDate,
    start: NaiveDate,
    today: NaiveDate,
) -> String {
    let trade = match kind {
        CustomerKind::Shop if name.contains("五金") => "五金店",
        CustomerKind::Shop if name.contains("瓷砖") => "瓷砖店",
        CustomerKind::Shop => "建材店",
        CustomerKind::Chain => "连锁",
        CustomerKind::Enterprise if name.contains("装饰") || name.contains("定制") => "装饰公司",
        CustomerKind::Enterprise if name.contains("物业") || name.contains("置业") || name.contains("管理") => {
            "物业"
        }
        CustomerKind::Enterprise => "工程",
        CustomerKind::Clinic => "诊所",
        CustomerKind::Individual => "装修队",
        CustomerKind::Other => "机构",
    };
    let mut tags = vec![trade];
    if joined == start {
        tags.push("老客户");
    } else if (today - joined).num_days() < 180 {
        tags.push("新客户");
    }
    if area.prefix.starts_with("苏州") {
        tags.push("苏州");
    }
    tags.join(",")
}

fn delivery_site(rng: &mut Rng, fields: &CustomerFields) -> String {
    if fields.kind == CustomerKind::Enterprise && fields.doc_language == DocLanguage::Zh && rng.chance(500) {
        let area = rng.pick(AREAS);
        return format!("{}{}{}号地块项目工地", area.prefix, rng.pick(area.streets), rng.range(1, 30));
    }
    fields.address.clone()
}

fn person(rng: &mut Rng) -> String {
    format!("{}{}", rng.pick(names::SURNAMES), rng.pick(names::GIVEN_NAMES))
}

fn contact(rng: &mut Rng, name: String, role: ContactRole, notes: &[&str]) -> ContactFields {
    let phone = mobile(rng);
    let roll = rng.range(0, 9);
    let wechat = match roll {
        0..=5 => phone.clone(),
        6..=8 => format!("wxid_{}", code_chars(rng, 10).to_lowercase()),
        _ => String::new(),
    };
    ContactFields { name, role, phone, wechat, email: String::new(), notes: rng.pick(notes).to_string() }
}

/// Someone at the customer, with a made-up name.
fn staff(rng: &mut Rng, role: ContactRole, notes: &[&str]) -> ContactFields {
    let name = person(rng);
    contact(rng, name, role, notes)
}

fn chinese_contacts(rng: &mut Rng, fields: &CustomerFields) -> Vec<ContactFields> {
    let boss_notes: &[&str] = &["老板", "总经理", "老板，拍板付款", "法人代表"];
    let buyer_notes: &[&str] = &["负责下单", "采购经理", "项目采购，常驻工地", "店长"];
    let finance_notes: &[&str] = &["财务，每月25日前对账", "出纳，付款需老板签字", "会计，对账单发微信"];
    let insider_notes: &[&str] = &["仓库主管，知道付款进度", "项目经理，关系好", "前台，消息灵通"];
    match fields.kind {
        CustomerKind::Individual => {
            let name: String = fields.name.chars().take(3).collect();
            vec![contact(rng, name, ContactRole::DecisionMaker, &["本人，自己接活"])]
        }
        CustomerKind::Shop => {
            let mut list = vec![staff(rng, ContactRole::DecisionMaker, boss_notes)];
            if rng.chance(500) {
                list.push(staff(rng, ContactRole::Purchaser, &["老板娘，管账也管进货", "店员，负责收货"]));
            }
            list
        }
        _ => {
            let mut list =
                vec![staff(rng, ContactRole::Purchaser, buyer_notes), staff(rng, ContactRole::Finance, finance_notes)];
            if rng.chance(450) {
                list.push(staff(rng, ContactRole::DecisionMaker, boss_notes));
            } else if rng.chance(400) {
                list.push(staff(rng, ContactRole::Insider, insider_notes));
            }
            list
        }
    }
}

fn english_contacts(rng: &mut Rng, customer: &names::EnglishCustomer) -> Vec<ContactFields> {
    customer
        .contacts
        .iter()
        .map(|&(name, role)| {
            let role = role.parse().expect("the pool names valid roles");
            let mut c = contact(rng, name.to_string(), role, &[""]);
            let (first, last) = name.split_once(' ').unwrap_or((name, ""));
            c.email = format!("{}.{}@{}", first.to_lowercase(), last.to_lowercase(), customer.email_domain);
            c
        })
        .collect()
}

/// The first day of the month two years before `today`: the day the books were started.
pub(super) fn books_started(today: NaiveDate) -> NaiveDate {
    NaiveDate::from_ymd_opt(today.year() - 2, today.month(), 1).expect("the first of a month exists")
}
