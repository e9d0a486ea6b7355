//! Output: JSON for programs (amounts as strings with 2 decimals), tables for people.

use huikuan_app::collections::{Forecast, WorkItem};
use huikuan_app::credit::CustomerCredit;
use huikuan_app::customers::{Attachment, CustomerDetail, CustomerSummary};
use huikuan_app::documents::{CustomerPapers, PaperView, Verification};
use huikuan_app::import::ImportSummary;
use huikuan_app::ledger::PaymentReceipt;
use huikuan_app::letters::LetterDue;
use huikuan_app::reports::LimitationReport;
use huikuan_app::reports::{AgingReport, CustomerLedger, Dashboard};
use huikuan_app::statements::StatementView;
use huikuan_app::{AppError, Company, Entry};
use huikuan_domain::dunning::Suggestion;
use huikuan_store::tables::audit::AuditRecord;
use serde::Serialize;
use serde_json::json;

use crate::args::Format;
use crate::table::Table;

fn to_json<T: Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string_pretty(value).expect("views serialize") + "\n"
}

pub fn json_or<T: Serialize>(format: Format, value: &T, table: impl FnOnce(&T) -> String) -> String {
    match format {
        Format::Json => to_json(value),
        Format::Table | Format::Csv => table(value),
    }
}

pub fn message(format: Format, text: &str) -> String {
    json_or(format, &json!({ "ok": true, "message": text }), |_| format!("{text}\n"))
}

pub fn import_summary(format: Format, s: &ImportSummary) -> String {
    json_or(format, s, |s| {
        let mut out = format!("imported {}: {} row(s), {} record(s) written\n", s.kind, s.rows, s.created);
        for row in &s.skipped {
            out.push_str(&format!("skipped row {}: {}\n", row.line, row.reason));
        }
        out
    })
}

pub fn aging(format: Format, report: &AgingReport) -> String {
    json_or(format, report, |r| {
        let mut headers = vec!["code", "name", "balance>", "credit>"];
        let labels: Vec<String> = r.buckets.iter().map(|b| format!("{b}>")).collect();
        headers.extend(labels.iter().map(String::as_str));
        let mut t = Table::new(&headers);
        let cells = |code: &str, name: &str, balance: String, credit: String, buckets: &huikuan_app::BucketAmounts| {
            let mut row = vec![code.to_string(), name.to_string(), balance, credit];
            row.extend(buckets.0.iter().map(|(_, m)| m.to_string()));
            row
        };
        for c in &r.customers {
            t.row(cells(&c.code, &c.name, c.balance.to_string(), c.credit.to_string(), &c.buckets));
        }
        t.row(cells("", "TOTAL", r.totals.balance.to_string(), r.totals.credit.to_string(), &r.totals.buckets));
        format!("Aging as of {}\n{}", r.as_of, t.render())
    })
}

pub fn ledger(format: Format, ledger: &CustomerLedger) -> String {
    json_or(format, ledger, |l| {
        let mut t =
            Table::new(&["date", "kind", "number", "due", "description", "debit>", "credit>", "balance>", "open>"]);
        for e in &l.entries {
            let blank_zero = |m: huikuan_domain::Money| {
                if m.is_zero() {
                    String::new()
                } else {
                    m.to_string()
                }
            };
            t.row(vec![
                e.date.to_string(),
                e.kind.to_string(),
                e.number.clone(),
                e.due_date.map(|d| d.to_string()).unwrap_or_default(),
                e.description.clone(),
                blank_zero(e.debit),
                blank_zero(e.credit),
                e.balance.to_string(),
                e.open.map(|m| m.to_string()).unwrap_or_default(),
            ]);
        }
        format!("{} {}  balance {}\n{}", l.code, l.name, l.balance, t.render())
    })
}

pub fn customers(format: Format, list: &[CustomerSummary]) -> String {
    json_or(format, &list, |list| {
        let mut t =
            Table::new(&["code", "name", "kind", "status", "phone", "salesperson", "limit>", "balance>", "overdue>"]);
        for c in list.iter() {
            t.row(vec![
                c.code.clone(),
                c.name.clone(),
                c.kind.to_string(),
                c.status.to_string(),
                c.phone.clone(),
                c.salesperson.clone(),
                c.credit_limit.to_string(),
                c.balance.to_string(),
                c.overdue.to_string(),
            ]);
        }
        t.render()
    })
}

pub fn customer(format: Format, d: &CustomerDetail) -> String {
    json_or(format, d, |d| {
        let f = &d.customer.fields;
        let mut out = format!(
            "{} {}  ({}, {}, terms {})\nbalance {}  overdue {}  credit {}  limit {}  exposure {}  available {}\n",
            f.code,
            f.name,
            f.kind,
            f.status,
            f.payment_terms,
            d.balance,
            d.overdue,
            d.credit,
            f.credit_limit,
            d.exposure,
            d.available_credit
        );
        let mut aging = Table::new(&d.aging.0.iter().map(|(l, _)| l.as_str()).collect::<Vec<_>>());
        aging.row(d.aging.0.iter().map(|(_, m)| m.to_string()).collect());
        out.push_str(&aging.render());
        for c in &d.contacts {
            out.push_str(&format!(
                "contact: {} ({}) {} {}\n",
                c.fields.name, c.fields.role, c.fields.phone, c.fields.wechat
            ));
        }
        out
    })
}

fn or_dash<T: std::fmt::Display>(value: Option<T>) -> String {
    value.map_or_else(|| "-".to_string(), |v| v.to_string())
}

pub fn credit(format: Format, c: &CustomerCredit) -> String {
    json_or(format, c, |c| {
        let b = &c.behaviour;
        let mut out = format!(
            "{} {}  ({}) as of {}
limit {}  terms {}  balance {}  exposure {}  available {}
",
            c.code, c.name, c.status, c.as_of, c.credit_limit, c.payment_terms, c.balance, c.exposure, c.available
        );
        out.push_str(&format!(
            "behaviour since {}: days to pay {}  days late {}  on time {}%  longest overdue {} days  DSO {}
",
            b.window_from,
            or_dash(b.avg_days_to_pay),
            or_dash(b.avg_days_late),
            or_dash(b.on_time_percent),
            b.longest_overdue_days,
            or_dash(b.dso)
        ));
        out.push_str(&format!(
            "last payment {} {}  broken promises {}
",
            or_dash(b.last_payment_date),
            or_dash(b.last_payment_amount),
            b.broken_promises
        ));
        match &c.latest_assessment {
            Some(a) => out.push_str(&format!(
                "assessed {}: score {} grade {}; approved limit {} terms {}; next review {}{}
",
                a.assessed_on,
                a.assessment.score,
                a.assessment.grade,
                a.approved_limit,
                a.approved_terms,
                a.next_review,
                if c.review_due { " (due)" } else { "" }
            )),
            None => out.push_str(
                "not assessed yet
",
            ),
        }
        for o in &c.overrides {
            out.push_str(&format!(
                "override {} {} on {} by {}: {}
",
                o.number, o.amount, o.doc_date, o.operator, o.reason
            ));
        }
        out
    })
}

pub fn attachments(format: Format, list: &[Attachment]) -> String {
    json_or(format, &list, |list| {
        let mut t = Table::new(&["id", "kind", "title", "file", "bytes>", "sha256", "added"]);
        for a in list.iter() {
            let f = &a.fields;
            t.row(vec![
                a.id.to_string(),
                f.kind.clone(),
                f.title.clone(),
                f.file_name.clone(),
                f.size_bytes.to_string(),
                f.sha256.clone(),
                a.created_at.clone(),
            ]);
        }
        t.render()
    })
}

pub fn company(format: Format, c: &Company) -> String {
    json_or(format, c, |c| {
        let rows = [
            ("legal name", c.legal_name.as_str()),
            ("address", &c.address),
            ("tax id", &c.tax_id),
            ("bank", &c.bank_name),
            ("account", &c.bank_account),
            ("phone", &c.phone),
            ("signatory", &c.signatory),
            ("currency", &c.currency),
            ("documents in", c.doc_language.as_str()),
        ];
        rows.iter().map(|(k, v)| format!("{k:<13}{v}\n")).collect()
    })
}

pub fn payment(format: Format, r: &PaymentReceipt) -> String {
    json_or(format, r, |r| {
        let mut out = format!("recorded {} of {} on {}\n", r.entry.number, r.entry.amount, r.entry.doc_date);
        for a in &r.applied {
            out.push_str(&format!("  settles {} {}\n", a.number, a.amount));
        }
        if r.unapplied.is_positive() {
            out.push_str(&format!("  customer credit {}\n", r.unapplied));
        }
        out
    })
}

pub fn entry(format: Format, e: &Entry) -> String {
    json_or(format, e, |e| format!("recorded {} {} of {} on {}\n", e.kind, e.number, e.amount, e.doc_date))
}

pub fn audit(format: Format, records: &[AuditRecord]) -> String {
    json_or(format, &records, |records| {
        let mut t = Table::new(&["at", "operator", "action", "entity", "id"]);
        for r in records.iter() {
            t.row(vec![
                r.at.clone(),
                r.operator.clone(),
                r.action.clone(),
                r.entity.clone(),
                r.entity_id.map(|i| i.to_string()).unwrap_or_default(),
            ]);
        }
        t.render()
    })
}

pub fn verification(format: Format, results: &[Verification]) -> String {
    json_or(format, &results, |results| {
        let mut text = String::new();
        for v in results.iter() {
            let parts: Vec<String> = v.checks.iter().map(|c| format!("{} ok", c.what.replace('_', " "))).collect();
            text += &format!("{}: {} (sha256 {})\n", v.number, parts.join(", "), v.checks[0].actual);
        }
        text += &format!("{} document(s) verified: every stored PDF matches its record\n", results.len());
        text
    })
}

pub fn limitation(format: Format, r: &LimitationReport) -> String {
    json_or(format, r, |r| {
        let mut t =
            Table::new(&["code", "number", "due", "open>", "last restart", "evidence", "ends on", "days left>"]);
        for row in &r.rows {
            let (kind, evidence) = row
                .last_restart
                .as_ref()
                .map_or((String::new(), String::new()), |e| (format!("{} {}", e.kind, e.date), e.evidence.clone()));
            t.row(vec![
                row.code.clone(),
                row.number.clone(),
                row.due_date.to_string(),
                row.open.to_string(),
                kind,
                evidence,
                row.ends_on.to_string(),
                row.days_left.to_string(),
            ]);
        }
        format!("Limitation periods as of {}\n{}", r.as_of, t.render())
    })
}

pub fn dashboard(format: Format, d: &Dashboard) -> String {
    json_or(format, d, |d| {
        let mut t = Table::new(&["figure", "amount>"]);
        t.row(vec!["receivable".into(), d.total_receivable.to_string()]);
        t.row(vec!["overdue".into(), d.overdue.to_string()]);
        t.row(vec!["credit".into(), d.credit.to_string()]);
        for b in &d.buckets {
            t.row(vec![b.label.clone(), b.amount.to_string()]);
        }
        let dso = d.dso_days.map_or("-".into(), |x| x.to_string());
        format!(
            "as of {}: {} customers owing, {} overdue; DSO {dso} days; {} limitation warnings\n{}",
            d.as_of,
            d.customers_owing,
            d.customers_overdue,
            d.limitation_warnings_total,
            t.render()
        )
    })
}

pub fn worklist(format: Format, list: &[WorkItem]) -> String {
    json_or(format, &list, |list| {
        let mut t = Table::new(&["priority>", "code", "name", "overdue>", "days>", "why"]);
        for w in list.iter() {
            let why: Vec<String> = w
                .reasons
                .iter()
                .map(|r| {
                    serde_json::to_value(r).ok().and_then(|v| v["kind"].as_str().map(String::from)).unwrap_or_default()
                })
                .collect();
            t.row(vec![
                format!("{:.1}", w.priority),
                w.code.clone(),
                w.name.clone(),
                w.overdue.to_string(),
                w.days_overdue.to_string(),
                why.join(", "),
            ]);
        }
        t.render()
    })
}

pub fn forecast(format: Format, f: &Forecast) -> String {
    json_or(format, f, |f| {
        let mut t = Table::new(&[
            "week of",
            "promised>",
            "instalments>",
            "falling due>",
            "bills expected>",
            "new sales>",
            "expected>",
        ]);
        for w in &f.weeks {
            t.row(vec![
                w.week_start.to_string(),
                w.promised.to_string(),
                w.planned.to_string(),
                w.falling_due.to_string(),
                w.receivables_expected.to_string(),
                w.from_new_sales.to_string(),
                w.expected.to_string(),
            ]);
        }
        format!(
            "Expected collections from {} (bills when each customer pays, promises and instalments by its keeping \
             record, sales to come at the recent rate): {}; doubtful, not expected: {}\n{}",
            f.as_of,
            f.expected,
            f.doubtful,
            t.render()
        )
    })
}

pub fn letters_due(format: Format, list: &[LetterDue]) -> String {
    json_or(format, &list, |list| {
        let mut t = Table::new(&["code", "name", "overdue>", "days>", "last letter", "suggestion"]);
        for d in list.iter() {
            let last =
                d.last_letter.as_ref().map_or(String::new(), |l| format!("{} L{} {}", l.number, l.level, l.date));
            let suggestion = match d.suggestion {
                Suggestion::Due { level } => format!("level {level} due"),
                Suggestion::Wait { level, until } => format!("level {level} from {until}"),
                Suggestion::Exhausted => "final notice sent".into(),
                Suggestion::NotYet => String::new(),
            };
            t.row(vec![
                d.code.clone(),
                d.name.clone(),
                d.overdue.to_string(),
                d.days_overdue.to_string(),
                last,
                suggestion,
            ]);
        }
        t.render()
    })
}

pub fn statement(format: Format, v: &StatementView) -> String {
    json_or(format, v, |v| {
        let s = &v.summary;
        let status = serde_json::to_value(s.status).ok().and_then(|x| x.as_str().map(String::from)).unwrap_or_default();
        let mut text =
            format!("{} {} {} closing {} {status}\n", s.number, s.customer_code, s.period.label(), s.closing);
        if let Some(o) = &v.outcome {
            if let (Some(claimed), Some(difference)) = (o.claimed, o.difference) {
                text += &format!("disputed: the customer claims {claimed} (difference {difference}): {}\n", o.reason);
            } else {
                text += &format!("confirmed by {} on {}\n", o.contact, o.decided_on);
            }
        }
        text
    })
}

pub fn paper(format: Format, p: &PaperView) -> String {
    json_or(format, p, |p| {
        let mut text = format!("{} {} {} {:?}\n", p.number, p.date, p.amount, p.status);
        if let Some(s) = &p.signature {
            text +=
                &format!("signed by {} at {} ({}), signed PDF sha256 {}\n", s.signer, s.signed_at, s.method, s.sha256);
        }
        text
    })
}

pub fn papers(format: Format, list: &CustomerPapers) -> String {
    json_or(format, list, |list| {
        let mut t = Table::new(&["number", "date", "amount>", "status", "sha256"]);
        for p in &list.papers {
            let status =
                serde_json::to_value(p.status).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default();
            t.row(vec![
                p.number.clone(),
                p.date.to_string(),
                p.amount.to_string(),
                status,
                p.sha256.clone().unwrap_or_default(),
            ]);
        }
        t.render()
    })
}

/// Errors go to stderr, one `line N: reason` per rejected import row; with --format json
/// the same error is also printed to stdout as `{"error": {code, message, rows}}`.
pub fn error(error: &AppError, format: Format) {
    eprintln!("error: {error}");
    let rows = match error {
        AppError::ImportRejected(rows) => rows.as_slice(),
        AppError::NotAStatement(row) => std::slice::from_ref(row),
        _ => &[],
    };
    for row in rows {
        eprintln!("{row}");
    }
    if format == Format::Json {
        let value = json!({ "error": { "code": error.code(), "message": error.to_string(), "rows": rows } });
        print!("{}", to_json(&value));
    }
}
