//! The invoicing report, on random books of deliveries, payments, credit notes, invoices and
//! red-letter invoices, for any date, is the plain computation: each receivable's amount, what
//! is open of it on the day (the aging detail) and what the invoices issued by then cover of
//! it, with what was paid counted against the invoiced part first. One customer is on
//! invoice terms: the aging read any way agrees, and the kept figures stay right.

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate};
use huikuan_app::invoices::{CoverForm, InvoiceForm, InvoicingReport};
use huikuan_app::ledger::{NewCreditNote, NewPayment};
use huikuan_app::{reading, Books, CustomerFields, Reading};
use huikuan_domain::aging::AgingBasis;
use huikuan_domain::{EntryKind, Money, PaymentMethod};
use proptest::prelude::*;

const CODES: [&str; 2] = ["A", "B"];

#[derive(Debug, Clone)]
enum Op {
    Deliver {
        customer: usize,
        day: u64,
        yuan: i64,
    },
    Pay {
        customer: usize,
        day: u64,
        cents: i64,
    },
    CreditNote {
        customer: usize,
        day: u64,
        cents: i64,
    },
    /// Covers up to `parts` receivables (from the `first`), each up to `share` percent of what is left on it.
    Invoice {
        customer: usize,
        day: u64,
        first: usize,
        parts: usize,
        share: i64,
    },
    /// Reverses the `which` invoice, whole or (`share` percent) in part.
    Red {
        customer: usize,
        day: u64,
        which: usize,
        share: i64,
    },
}

fn op() -> impl Strategy<Value = Op> {
    let (customer, day) = (0..CODES.len(), 0u64..400);
    prop_oneof![
        4 => (customer.clone(), day.clone(), 1i64..50_000).prop_map(|(customer, day, yuan)| Op::Deliver { customer, day, yuan }),
        2 => (customer.clone(), day.clone(), 1i64..4_000_000).prop_map(|(customer, day, cents)| Op::Pay { customer, day, cents }),
        1 => (customer.clone(), day.clone(), 1i64..500_000).prop_map(|(customer, day, cents)| Op::CreditNote { customer, day, cents }),
        3 => (customer.clone(), day.clone(), 0usize..6, 1usize..4, 1i64..=100)
            .prop_map(|(customer, day, first, parts, share)| Op::Invoice { customer, day, first, parts, share }),
        1 => (customer, day, 0usize..4, 1i64..=100).prop_map(|(customer, day, which, share)| Op::Red { customer, day, which, share }),
    ]
}

fn day(offset: u64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 1, 1).unwrap() + Days::new(offset)
}

/// The tax included at 13% in `cents`, to the cent (half up), as the form takes it.
fn tax_of(cents: i64) -> String {
    let tax = (cents * 13 * 2 + 113) / (113 * 2);
    Money::from_cents(tax).to_string()
}

struct Story {
    books: Books,
    numbers: u64,
}

impl Story {
    fn invoice(&mut self, form: InvoiceForm) {
        self.numbers += 1;
        let form = InvoiceForm { invoice_number: format!("2633200000{:010}", self.numbers), ..form };
        // Refusals (nothing left to cover, more than is left) are part of the story.
        let _ = self.books.add_invoice(&form);
    }

    fn apply(&mut self, op: &Op) {
        let books = &mut self.books;
        match *op {
            Op::Deliver { customer, day: d, yuan } => {
                huikuan_tests::deliver(books, CODES[customer], &day(d).to_string(), yuan);
            }
            Op::Pay { customer, day: d, cents } => {
                let _ = books.record_payment(NewPayment {
                    customer_code: CODES[customer].into(),
                    date: day(d),
                    amount: Money::from_cents(cents),
                    method: PaymentMethod::Bank,
                    reference: String::new(),
                    memo: String::new(),
                    number: None,
                    allocations: Vec::new(),
                });
            }
            Op::CreditNote { customer, day: d, cents } => {
                let _ = books.record_credit_note(NewCreditNote {
                    customer_code: CODES[customer].into(),
                    date: day(d),
                    amount: Money::from_cents(cents),
                    reason: "折让".into(),
                    corrects: None,
                });
            }
            Op::Invoice { customer, day: d, first, parts, share } => {
                let code = CODES[customer];
                let ledger = books.customer_ledger(code, None).unwrap();
                let covered = covered_by_number(books, code, None);
                let mut covers = Vec::new();
                for line in ledger.entries.iter().filter(|e| e.debit.is_positive()).skip(first).take(parts) {
                    let left = line.debit.cents() - covered.get(&line.number).map_or(0, |m| m.cents());
                    let part = left * share / 100;
                    if part > 0 {
                        covers.push(CoverForm {
                            receivable: line.number.clone(),
                            amount: Money::from_cents(part).to_string(),
                        });
                    }
                }
                let cents: i64 = covers.iter().map(|c| c.amount.parse::<Money>().unwrap().cents()).sum();
                self.invoice(form(code, d, cents, covers, String::new()));
            }
            Op::Red { customer, day: d, which, share } => {
                let code = CODES[customer];
                let blue: Vec<_> =
                    books.invoices(Some(code)).unwrap().into_iter().filter(|i| i.reverses.is_none()).collect();
                let Some(original) = (!blue.is_empty()).then(|| blue[which % blue.len()].clone()) else { return };
                let cents = if share == 100 { original.left.cents() } else { original.left.cents() * share / 100 };
                self.invoice(form(code, d, cents, Vec::new(), original.number));
            }
        }
    }
}

fn form(code: &str, d: u64, cents: i64, covers: Vec<CoverForm>, reverses: String) -> InvoiceForm {
    InvoiceForm {
        customer_code: code.into(),
        invoice_kind: "digital_special".into(),
        date: day(d).to_string(),
        amount: Money::from_cents(cents).to_string(),
        tax: tax_of(cents),
        rate: "13".into(),
        covers,
        reverses,
        ..InvoiceForm::default()
    }
}

/// What the invoices of `code` issued by `as_of` (all, when None) cover, by receivable number.
fn covered_by_number(books: &mut Books, code: &str, as_of: Option<NaiveDate>) -> BTreeMap<String, Money> {
    let mut covered = BTreeMap::new();
    for invoice in books.invoices(Some(code)).unwrap() {
        if as_of.is_some_and(|d| invoice.date > d) {
            continue;
        }
        for cover in invoice.covers {
            *covered.entry(cover.number).or_insert(Money::ZERO) += cover.amount;
        }
    }
    covered
}

/// The three figures per customer, worked out receivable by receivable.
fn plain(books: &mut Books, as_of: NaiveDate) -> BTreeMap<String, [Money; 3]> {
    let detail = books.aging_detail(as_of, AgingBasis::DueDate).unwrap();
    let mut figures = BTreeMap::new();
    for code in CODES {
        let covered = covered_by_number(books, code, Some(as_of));
        let ledger = books.customer_ledger(code, None).unwrap();
        let mut sums = [Money::ZERO; 3];
        let delivered = ledger.entries.iter().filter(|e| e.kind == EntryKind::Delivery && e.date <= as_of);
        for line in delivered {
            let open =
                detail.items.iter().find(|i| i.code == code && i.number == line.number).map_or(Money::ZERO, |i| i.open);
            let cover = covered.get(&line.number).copied().unwrap_or(Money::ZERO);
            let paid = line.debit - open;
            let invoiced_open = if cover > paid { (cover - paid).min(open) } else { Money::ZERO };
            sums[0] += line.debit - cover;
            sums[1] += invoiced_open;
            sums[2] += open - invoiced_open;
        }
        if sums != [Money::ZERO; 3] {
            figures.insert(code.to_string(), sums);
        }
    }
    figures
}

fn reported(report: &InvoicingReport) -> BTreeMap<String, [Money; 3]> {
    report
        .customers
        .iter()
        .map(|r| (r.code.clone(), [r.delivered_not_invoiced, r.invoiced_not_paid, r.awaiting_invoice]))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn the_invoicing_report_for_any_date_is_the_plain_computation(ops in prop::collection::vec(op(), 1..40), probes in prop::collection::vec(0u64..500, 1..4)) {
        let mut books = huikuan_tests::books_on("2026-06-30");
        // B pays 30 days after its invoice (票到30天): its deliveries await their invoices.
        for (code, terms) in CODES.iter().zip(["net:30", "inv:30"]) {
            let fields = CustomerFields { payment_terms: terms.parse().unwrap(), ..CustomerFields::new(code, code) };
            books.create_customer(fields, vec![]).unwrap();
        }
        let mut story = Story { books, numbers: 0 };
        for op in &ops {
            story.apply(op);
        }
        let books = &mut story.books;
        prop_assert!(books.check_kept().unwrap().is_empty(), "{:?}", books.check_kept());
        for probe in probes.iter().copied().chain([499]) {
            let as_of = day(probe);
            let expected = plain(books, as_of);
            for how in [Reading::Plain, Reading::OnePass, Reading::ByCost] {
                let report = reading(how, || books.invoicing_report(as_of).unwrap());
                prop_assert_eq!(&reported(&report), &expected, "as of {} read {:?}", as_of, how);
                let total: [Money; 3] = [report.totals.delivered_not_invoiced, report.totals.invoiced_not_paid, report.totals.awaiting_invoice];
                let summed = expected.values().fold([Money::ZERO; 3], |a, f| [a[0] + f[0], a[1] + f[1], a[2] + f[2]]);
                prop_assert_eq!(total, summed);
            }
            // The aging follows the due dates the invoices give, however it is read.
            let mut aging = |how| reading(how, || serde_json::to_string(&books.aging_detail(as_of, AgingBasis::DueDate).unwrap()).unwrap());
            let plain_aging = aging(Reading::Plain);
            prop_assert_eq!(aging(Reading::OnePass), plain_aging.clone());
            prop_assert_eq!(aging(Reading::ByCost), plain_aging);
            // Never more invoiced than delivered, on any receivable.
            prop_assert!(expected.values().all(|f| !f[0].is_negative()));
        }
    }
}
