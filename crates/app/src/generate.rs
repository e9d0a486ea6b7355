//! A ten-year book for benchmarks and load tests (`huikuan-cli generate`): customers with
//! contacts and terms, delivery notes with lines, payments (some allocated by hand), credit
//! notes against the notes they correct, promises, and at the end plans, statements and letters through the
//! real use cases. A few customers are very large (5,000+ entries); most pay on time, some
//! late, some leave bills open. The ledger rows go in through the store's table functions in
//! one transaction (so a million entries take seconds, not the hours a use case per row
//! would), and the same triggers and checks guard them as any other row.

use std::sync::atomic::AtomicBool;

use chrono::{Datelike, Days, NaiveDate};
use huikuan_domain::line::line_amount;
use huikuan_domain::{
    ContactRole, CustomerKind, DocType, EntryKind, Importance, Money, PaymentMethod, PaymentTerms, Period, Side,
};
use huikuan_store::tables::collection::{self, PromiseRecord};
use huikuan_store::tables::contacts::{self, ContactFields};
use huikuan_store::tables::customers::{self, CustomerFields};
use huikuan_store::tables::deliveries::{self, DeliveryLine, DraftHeader};
use huikuan_store::tables::entries::{self, NewEntry};
use huikuan_store::tables::{allocations, sequences};
use rust_decimal::Decimal;
use serde::Serialize;

use crate::books::audit;
use crate::collections::PlanForm;
use crate::demo::Rng;
use crate::error::AppError;
use crate::letters::LetterChoice;
use crate::Books;

const ITEMS: &[(&str, &str, &str, i64)] = &[
    ("水泥 P.O 42.5", "50kg/袋", "吨", 41235),
    ("螺纹钢 HRB400 Φ16", "12m", "吨", 410000),
    ("瓷砖 600×600", "抛光", "箱", 3550),
    ("PPR 管 De25", "4m", "根", 1280),
    ("防水涂料 JS", "20kg", "桶", 26500),
    ("石膏板 9.5mm", "1200×2400", "张", 2300),
    ("不锈钢螺丝 M6×30", "", "盒", 1850),
    ("电线 BV 2.5", "100m", "卷", 19800),
];
const NAMES: &[&str] =
    &["建材商行", "装饰工程有限公司", "五金店", "家居连锁", "物业管理有限公司", "机电安装有限公司", "建筑劳务有限公司"];
const CITIES: &[&str] = &["杭州", "宁波", "温州", "绍兴", "嘉兴", "湖州", "金华", "台州"];
const PEOPLE: &[&str] = &["王建国", "李秀英", "张伟", "刘洋", "陈静", "杨帆", "赵磊", "黄敏"];

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Generated {
    pub customers: usize,
    pub entries: usize,
    pub delivery_lines: usize,
    pub allocations: usize,
    pub promises: usize,
    pub plans: usize,
    pub statements: usize,
    pub letters: usize,
    pub largest_customer: String,
    pub largest_entries: usize,
    /// The ledger written in one transaction, then the whole run.
    pub ledger_millis: u64,
    pub millis: u64,
}

/// How a customer pays.
#[derive(Clone, Copy)]
enum Habit {
    OnTime,
    Late(i64),
    /// Stops paying for its last bills.
    Stuck,
}

struct Counter {
    year: i32,
    last: u32,
}

fn next(counters: &mut Vec<(DocType, Counter)>, kind: DocType, date: NaiveDate) -> String {
    let slot = match counters.iter().position(|(k, c)| *k == kind && c.year == date.year()) {
        Some(i) => i,
        None => {
            counters.push((kind, Counter { year: date.year(), last: 0 }));
            counters.len() - 1
        }
    };
    counters[slot].1.last += 1;
    kind.format_number(date.year(), counters[slot].1.last)
}

/// How many entries each customer gets: five very large ones, the rest shared unevenly.
fn shares(rng: &mut Rng, customers: usize, entries: usize) -> Vec<usize> {
    let big = customers.min(5);
    let big_each = if entries >= 100_000 { 6_000 } else { (entries / (customers * 4)).max(50) };
    let rest = entries.saturating_sub(big * big_each);
    let weights: Vec<u64> = (big..customers).map(|_| rng.range(1, 100) as u64 * rng.range(1, 10) as u64).collect();
    let sum: u64 = weights.iter().sum::<u64>().max(1);
    let mut out = vec![big_each; big];
    out.extend(weights.iter().map(|w| ((rest as u64 * w / sum) as usize).max(2)));
    out
}

impl Books {
    /// Writes a generated book of `customers` customers and about `entries` ledger entries
    /// over the ten years to today. The book must have no customers yet.
    pub fn generate(&mut self, customers: usize, entries: usize, seed: u64) -> Result<Generated, AppError> {
        let started = std::time::Instant::now();
        if customers == 0 || entries < customers * 2 {
            return Err(AppError::rule(
                None,
                "give at least one customer and two entries each",
                "至少 1 个客户、每个客户 2 笔分录",
            ));
        }
        let today = self.clock.today();
        let start = today.checked_sub_months(chrono::Months::new(120)).expect("ten years back exists");
        let span = (today - start).num_days();
        let stamp = self.stamp();
        let mut rng = Rng::fork(seed, 1);
        let plan = shares(&mut rng, customers, entries);
        let mut made = Generated {
            customers,
            entries: 0,
            delivery_lines: 0,
            allocations: 0,
            promises: 0,
            plans: 0,
            statements: 0,
            letters: 0,
            largest_customer: String::new(),
            largest_entries: 0,
            ledger_millis: 0,
            millis: 0,
        };
        let mut codes = Vec::with_capacity(customers);
        // One transaction for the whole ledger, with the bulk writer's large page cache.
        self.store.write_bulk(|tx| {
            if !customers::list(tx)?.is_empty() {
                return Err(AppError::rule(
                    None,
                    "this book has customers already: generate into a new book",
                    "账簿中已有客户：请生成到新账簿",
                ));
            }
            let mut counters: Vec<(DocType, Counter)> = Vec::new();
            for (c, &count) in plan.iter().enumerate() {
                let large = c < 5.min(customers);
                let code = if large { format!("BIG{:02}", c + 1) } else { format!("G{:05}", c + 1) };
                let city = CITIES[rng.index(CITIES.len())];
                let mut fields = CustomerFields::new(
                    &code,
                    &format!(
                        "{city}{}{}",
                        PEOPLE[rng.index(PEOPLE.len())].chars().next().unwrap_or('华'),
                        NAMES[rng.index(NAMES.len())]
                    ),
                );
                fields.kind = if large {
                    CustomerKind::Chain
                } else {
                    [CustomerKind::Shop, CustomerKind::Enterprise, CustomerKind::Shop, CustomerKind::Individual]
                        [rng.index(4)]
                };
                fields.payment_terms =
                    [PaymentTerms::Net(30), PaymentTerms::Eom(30), PaymentTerms::Net(15), PaymentTerms::Eom(60)]
                        [rng.index(4)];
                fields.credit_limit = Money::from_cents(rng.range(5, 500) * 1_000_000);
                fields.phone = format!("1{}", rng.digits(10));
                fields.address = format!("{city}市某区某路{}号", rng.range(1, 999));
                fields.salesperson = PEOPLE[rng.index(PEOPLE.len())].into();
                if large || rng.chance(100) {
                    fields.importance = Importance::Key;
                }
                let id = customers::insert(tx, &fields, &stamp)?;
                for k in 0..rng.range(1, 3) {
                    let role = [ContactRole::Purchaser, ContactRole::Finance, ContactRole::DecisionMaker][k as usize];
                    let contact = ContactFields {
                        name: PEOPLE[rng.index(PEOPLE.len())].into(),
                        role,
                        phone: format!("13{}", rng.digits(9)),
                        wechat: String::new(),
                        email: String::new(),
                        notes: String::new(),
                    };
                    contacts::insert(tx, id, &contact)?;
                }
                let habit = match rng.range(0, 9) {
                    0..=5 => Habit::OnTime,
                    6..=8 => Habit::Late(rng.range(10, 90)),
                    _ => Habit::Stuck,
                };
                let deliveries = (count * 55 / 100).max(1);
                // The customer's first day: the large ones from the start, the rest any time.
                let first = if large { 0 } else { rng.range(0, span * 3 / 4) };
                let step = ((span - first) as f64 / deliveries as f64).max(0.05);
                let mut written = 0usize;
                for d in 0..deliveries {
                    let day = start + Days::new((first as f64 + d as f64 * step) as u64 + rng.range(0, 1) as u64);
                    let day = day.min(today);
                    let lines: Vec<DeliveryLine> = (0..rng.range(1, 3))
                        .map(|_| {
                            let (item, spec, unit, cents) = ITEMS[rng.index(ITEMS.len())];
                            let quantity = Decimal::from(rng.range(1, 40));
                            let price = Money::from_cents(cents).to_decimal();
                            DeliveryLine {
                                item: item.into(),
                                spec: spec.into(),
                                unit: unit.into(),
                                quantity,
                                unit_price: price,
                                amount: line_amount(quantity, price).expect("small amounts"),
                            }
                        })
                        .collect();
                    let total: Money = lines.iter().map(|l| l.amount).sum();
                    let due = fields.payment_terms.due_date(day);
                    let header = DraftHeader {
                        customer_id: id,
                        doc_date: day,
                        due_date: due,
                        contact_name: String::new(),
                        address: String::new(),
                        memo: String::new(),
                    };
                    let note = deliveries::insert_draft(tx, &header, &lines, &stamp)?;
                    let number = next(&mut counters, DocType::Delivery, day);
                    let memo = lines.iter().map(|l| l.item.as_str()).collect::<Vec<_>>().join(", ");
                    let entry = entries::insert(
                        tx,
                        &NewEntry {
                            customer_id: id,
                            kind: EntryKind::Delivery,
                            side: Side::Debit,
                            number: number.clone(),
                            doc_date: day,
                            due_date: Some(due),
                            amount: total,
                            method: None,
                            reference: String::new(),
                            memo,
                            corrects_entry_id: None,
                        },
                        &stamp,
                    )?;
                    deliveries::mark_issued(tx, note, &number, entry)?;
                    made.delivery_lines += lines.len();
                    written += 1;
                    // Its payment, unless the customer left it open: the recent ones, the stuck
                    // customer's last ones, the largest customer's last 1,500 (a big open book).
                    let late = match habit {
                        Habit::OnTime => rng.range(-5, 3),
                        Habit::Late(days) => rng.range(days / 2, days),
                        Habit::Stuck => rng.range(20, 120),
                    };
                    let paid_on = due + chrono::Duration::days(late);
                    let left_open = paid_on > today
                        || (matches!(habit, Habit::Stuck) && d + 12 > deliveries)
                        || (c == 0 && d + 1_500 > deliveries)
                        || rng.chance(15);
                    if left_open {
                        continue;
                    }
                    if rng.chance(40) {
                        let cn = next(&mut counters, DocType::CreditNote, paid_on.max(day));
                        let part = Money::from_cents((total.cents() / 10).max(1));
                        let credit = entries::insert(
                            tx,
                            &NewEntry {
                                customer_id: id,
                                kind: EntryKind::CreditNote,
                                side: Side::Credit,
                                number: cn,
                                doc_date: paid_on.max(day),
                                due_date: None,
                                amount: part,
                                method: None,
                                reference: String::new(),
                                memo: "退货 破损".into(),
                                corrects_entry_id: Some(entry),
                            },
                            &stamp,
                        )?;
                        allocations::insert(tx, credit, entry, paid_on.max(day), part, &stamp)?;
                        made.allocations += 1;
                        written += 1;
                        let rest = total - part;
                        if rest.is_positive() {
                            written +=
                                pay(tx, &stamp, &mut counters, &mut rng, &mut made, id, entry, paid_on.max(day), rest)?;
                        }
                    } else {
                        written +=
                            pay(tx, &stamp, &mut counters, &mut rng, &mut made, id, entry, paid_on.max(day), total)?;
                    }
                }
                if matches!(habit, Habit::Stuck) && rng.chance(300) {
                    let promise = PromiseRecord {
                        id: 0,
                        customer_id: id,
                        amount: Money::from_cents(rng.range(100, 5000) * 100),
                        promised_date: today + Days::new(rng.range(1, 20) as u64),
                        made_on: today - Days::new(rng.range(0, 10) as u64),
                        promised_by: PEOPLE[rng.index(PEOPLE.len())].into(),
                        contact_log_id: None,
                        note: String::new(),
                    };
                    collection::insert_promise(tx, &promise, &stamp)?;
                    made.promises += 1;
                }
                made.entries += written;
                if written > made.largest_entries {
                    made.largest_entries = written;
                    made.largest_customer = code.clone();
                }
                codes.push(code);
            }
            for (kind, counter) in &counters {
                let last = kind.format_number(counter.year, counter.last);
                sequences::note_imported(tx, *kind, &last)?;
            }
            let summary = serde_json::json!({ "customers": customers, "entries": made.entries, "seed": seed });
            audit(tx, &stamp, "generate", "book", 0, None::<&()>, Some(&summary))?;
            Ok::<_, AppError>(())
        })?;
        made.ledger_millis = started.elapsed().as_millis() as u64;

        // Plans, statements and letters through the use cases, as a user makes them.
        let stuck: Vec<String> = self.letters_due(today)?.into_iter().map(|d| d.code).collect();
        for code in stuck.iter().take(20) {
            let owed = self.customer(code)?.balance;
            if owed.cents() >= 300_000 {
                let form = PlanForm {
                    customer_code: code.clone(),
                    total: Money::from_cents(owed.cents() / 200 * 100).to_string(),
                    equal_count: 3,
                    first_date: (today + Days::new(10)).to_string(),
                    ..PlanForm::default()
                };
                if self.create_plan(form).is_ok() {
                    made.plans += 1;
                }
            }
        }
        let letters: Vec<LetterChoice> = stuck.iter().take(20).map(|c| LetterChoice::new(c, 1)).collect();
        made.letters = self.issue_letters(&letters, None, &AtomicBool::new(false), &mut |_| {})?.len();
        let last_month =
            Period::month_of(today.checked_sub_months(chrono::Months::new(1)).expect("a month back exists"));
        let month_codes: Vec<String> = codes.iter().take(100).cloned().collect();
        made.statements = self
            .run_month_end(last_month, &month_codes, None, false, &AtomicBool::new(false), &mut |_| {})?
            .issued
            .len();
        made.millis = started.elapsed().as_millis() as u64;
        Ok(made)
    }
}

/// A payment of `amount` on `day` for one delivery: allocated by hand one time in ten.
#[allow(clippy::too_many_arguments)]
fn pay(
    tx: &huikuan_store::Transaction,
    stamp: &huikuan_store::tables::Stamp,
    counters: &mut Vec<(DocType, Counter)>,
    rng: &mut Rng,
    made: &mut Generated,
    customer_id: i64,
    delivery: i64,
    day: NaiveDate,
    amount: Money,
) -> Result<usize, AppError> {
    let number = next(counters, DocType::Payment, day);
    let method = [
        PaymentMethod::Bank,
        PaymentMethod::Bank,
        PaymentMethod::Wechat,
        PaymentMethod::Alipay,
        PaymentMethod::Cash,
        PaymentMethod::AcceptanceBill,
    ][rng.index(6)];
    let payment = entries::insert(
        tx,
        &NewEntry {
            customer_id,
            kind: EntryKind::Payment,
            side: Side::Credit,
            number,
            doc_date: day,
            due_date: None,
            amount,
            method: Some(method),
            reference: format!("回单{}", rng.digits(6)),
            memo: String::new(),
            corrects_entry_id: None,
        },
        stamp,
    )?;
    if rng.chance(100) {
        allocations::insert(tx, payment, delivery, day, amount, stamp)?;
        made.allocations += 1;
    }
    Ok(1)
}
