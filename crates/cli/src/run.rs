//! Turns a parsed command line into one use case call and its rendered output.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use huikuan_app::collections::{ContactLogForm, InstalmentForm, PlanForm, PromiseForm};
use huikuan_app::customers::{CustomerDetail, NewAttachment};
use huikuan_app::ledger::{ManualAllocation, NewCreditNote, NewDelivery, NewDeliveryLine, NewPayment, NewWriteOff};
use huikuan_app::letters::LetterChoice;
use huikuan_app::{AppError, Books, Clock, Company, FixedClock, SystemClock};
use huikuan_domain::aging::AgingBasis;
use huikuan_domain::line::{parse_quantity, parse_unit_price};
use huikuan_domain::typed::{parse_kind_typed, parse_method_typed};
use huikuan_domain::{parse_amount_typed, parse_date_typed, parse_terms_typed};
use huikuan_domain::{Money, PaperKind, Period};

use crate::args::{
    Basis, Cli, Command, CompanyCommand, CompanySetArgs, CustomerCommand, Format, ImportKind, PeriodArgs, PlanCommand,
    PromiseCommand, Report, StatementArgs, StatementsArgs,
};
use crate::render;
use crate::reports;
use huikuan_app::reports::ReportRequest;
use huikuan_store::Locator;

pub fn run(cli: Cli) -> Result<String, AppError> {
    let format = cli.format;
    if let Command::VerifyEvidence { pack } = &cli.command {
        return reports::verify(format, pack);
    }
    let db = cli.db.clone().ok_or_else(|| {
        AppError::Rule("no book given: pass --db PATH or --db postgresql://… (or set HUIKUAN_DB)".into())
    })?;
    let locator = Locator::parse(&db)?;
    let clock_of = || -> Result<Box<dyn Clock>, AppError> {
        Ok(match &cli.today {
            // The --today date itself is read against the computer's calendar.
            Some(day) => Box::new(FixedClock::on(date(SystemClock.today(), "today", day)?)),
            None => Box::new(SystemClock),
        })
    };
    let clock = clock_of()?;
    // The business date, for dates typed without a year (`12月1日`).
    let today = clock.today();
    if let Command::Demo { seed } = &cli.command {
        return crate::shared::demo(&locator, clock_of, &cli.operator, *seed, format);
    }
    let db = match &locator {
        Locator::File(path) => path.clone(),
        Locator::Server(server) => {
            if let Command::Restore { .. } = &cli.command {
                return Err(crate::shared::no_restore_on_server(server));
            }
            PathBuf::new()
        }
    };
    // A mistyped path does not become an empty book. A mistyped database name on a server
    // is refused by the server itself (it does not exist), so only files are looked for.
    let creates = matches!(cli.command, Command::Init | Command::Generate { .. } | Command::Restore { .. });
    if matches!(locator, Locator::File(_)) && !creates && !db.exists() {
        return Err(AppError::File {
            path: db.display().to_string(),
            message: "no book here; create it with `huikuan-cli --db PATH init`".into(),
        });
    }
    if let Command::Restore { from } = &cli.command {
        let backups = db.parent().unwrap_or(Path::new(".")).join("backups");
        let done = huikuan_app::backups::restore_book(&db, from, &backups, clock.now())?;
        // Opened once: an older backup is brought up to this version now, not later.
        Books::open(&db, clock, &cli.operator)?;
        return Ok(render::json_or(format, &done, |d| {
            format!(
                "restored {} (schema version {}); the book replaced is kept at {}",
                d.restored, d.schema_version, d.replaced_kept_at
            )
        }));
    }
    let mut books = crate::shared::open(&locator, clock, &cli.operator)?;
    match cli.command {
        Command::Init => Ok(render::message(format, &format!("book ready at {}", books.store().location()))),
        Command::CopyTo { target } => crate::shared::copy_to(&mut books, format, &target),
        Command::Import { kind: ImportKind::Invoices, file, sheet, override_reason, preview, heading_row, columns } => {
            if sheet.is_some() || override_reason.is_some() {
                return Err(AppError::Rule("--sheet and --override-reason do not apply to invoices".into()));
            }
            crate::invoice::import(&mut books, format, &file, preview, heading_row, &columns)
        }
        Command::Import { columns, .. } if !columns.is_empty() => {
            Err(AppError::Rule("--column applies to invoices only (the import screen maps the other kinds)".into()))
        }
        Command::Import { kind, file, sheet, override_reason, preview, .. } => {
            if override_reason.is_some() && kind != ImportKind::Deliveries {
                return Err(AppError::Rule("--override-reason applies to deliveries only".into()));
            }
            let request = crate::import::ImportRequest { kind, file, sheet, override_reason, preview };
            crate::import::import_file(&mut books, format, request)
        }
        Command::Report(Report::Aging { as_of, basis, detail, by_salesperson, hide_zero, out }) => {
            let as_of = date(today, "as-of", &as_of)?;
            let by_document_date = basis == Basis::Document;
            let basis = if by_document_date { AgingBasis::DocumentDate } else { AgingBasis::DueDate };
            if detail {
                let request = ReportRequest::AgingDetail { as_of, by_document_date, hide_zero: Some(hide_zero) };
                return reports::report(&mut books, format, request, &out, |b| b.aging_detail(as_of, basis));
            }
            if by_salesperson {
                let request = ReportRequest::AgingBySalesperson { as_of, by_document_date, hide_zero: Some(hide_zero) };
                return reports::report(&mut books, format, request, &out, |b| b.aging_by_salesperson(as_of, basis));
            }
            if format == Format::Csv {
                let request = ReportRequest::Aging { as_of, by_document_date, hide_zero: Some(hide_zero) };
                return reports::report(&mut books, format, request, &out, |b| b.aging_report(as_of, basis));
            }
            if let Some(path) = &out.out {
                let request = ReportRequest::Aging { as_of, by_document_date, hide_zero: Some(hide_zero) };
                reports::write_report(&mut books, &request, path, reports::language(&out.lang)?)?;
            }
            Ok(render::aging(format, &books.aging_report(as_of, basis)?))
        }
        Command::Report(Report::Collection { as_of, months, out }) => {
            let as_of = date(today, "as-of", &as_of)?;
            let request = ReportRequest::Collection { as_of, months };
            reports::report(&mut books, format, request, &out, |b| b.collection_performance(as_of, months))
        }
        Command::Report(Report::Provision { as_of, out }) => {
            let as_of = date(today, "as-of", &as_of)?;
            reports::report(&mut books, format, ReportRequest::Provision { as_of }, &out, |b| b.provision_report(as_of))
        }
        Command::Report(Report::WriteOffs { from, to, out }) => {
            let (from, to) = (date(today, "from", &from)?, date(today, "to", &to)?);
            reports::report(&mut books, format, ReportRequest::WriteOffs { from, to }, &out, |b| b.write_offs(from, to))
        }
        Command::Report(Report::Customers { out }) => {
            reports::report(&mut books, format, ReportRequest::Customers, &out, |b| b.list_customers(""))
        }
        Command::Evidence { code, out, receivables } => reports::evidence(&mut books, format, code, &out, receivables),
        Command::VerifyEvidence { .. } | Command::Demo { .. } => unreachable!("handled before the book is opened"),
        Command::Customer(command) => customer(&mut books, format, command),
        Command::Company(CompanyCommand::Show) => Ok(render::company(format, &books.company()?)),
        Command::Company(CompanyCommand::Set(a)) => {
            let profile = company_with(books.company()?, a)?;
            Ok(render::company(format, &books.update_company(profile)?))
        }
        Command::Delivery(a) => {
            let lines = a.lines.iter().map(|l| line(l)).collect::<Result<Vec<_>, _>>()?;
            let input = NewDelivery {
                customer_code: a.customer,
                date: date(today, "date", &a.date)?,
                due_date: a.due_date.as_deref().map(|d| date(today, "due-date", d)).transpose()?,
                number: None,
                contact_name: String::new(),
                address: String::new(),
                memo: String::new(),
                lines,
                override_reason: a.override_reason,
            };
            Ok(render::json_or(format, &books.create_delivery(input)?, |n| {
                format!("issued {} total {} due {}\n", n.number.as_deref().unwrap_or(""), n.total, n.due_date)
            }))
        }
        Command::Payment(a) => {
            let allocations = a.allocations.iter().map(|s| allocation(s)).collect::<Result<Vec<_>, _>>()?;
            let input = NewPayment {
                customer_code: a.customer,
                date: date(today, "date", &a.date)?,
                amount: money("amount", &a.amount)?,
                method: parse_method_typed(&a.method).map_err(AppError::invalid("method"))?,
                reference: a.reference,
                memo: String::new(),
                number: None,
                allocations,
            };
            Ok(render::payment(format, &books.record_payment(input)?))
        }
        Command::CreditNote(a) => {
            let input = NewCreditNote {
                customer_code: a.customer,
                date: date(today, "date", &a.date)?,
                amount: money("amount", &a.amount)?,
                reason: a.reason,
                corrects: a.corrects,
            };
            Ok(render::entry(format, &books.record_credit_note(input)?))
        }
        Command::WriteOff(a) => {
            let input = NewWriteOff {
                customer_code: a.customer,
                receivable: a.receivable,
                amount: a.amount.as_deref().map(|m| money("amount", m)).transpose()?,
                date: date(today, "date", &a.date)?,
                reason: a.reason,
            };
            Ok(render::entry(format, &books.write_off(input)?))
        }
        Command::Document(command) => crate::documents::document(&mut books, format, command),
        Command::Bank(command) => crate::bank::bank(&mut books, format, command),
        Command::Invoice(command) => crate::invoice::invoice(&mut books, format, command),
        Command::Report(Report::Invoicing { as_of, out }) => {
            let as_of = date(today, "as-of", &as_of)?;
            reports::report(&mut books, format, ReportRequest::Invoicing { as_of }, &out, |b| b.invoicing_report(as_of))
        }
        Command::Report(Report::Limitation { as_of }) => {
            Ok(render::limitation(format, &books.limitation_report(date(today, "as-of", &as_of)?)?))
        }
        Command::Report(Report::Forecast { as_of }) => {
            Ok(render::forecast(format, &books.forecast(date(today, "as-of", &as_of)?)?))
        }
        Command::Dashboard { as_of } => {
            let as_of = match as_of {
                Some(d) => date(today, "as-of", &d)?,
                None => books.clock().today(),
            };
            Ok(render::dashboard(format, &books.dashboard_as_of(as_of)?))
        }
        Command::Worklist { as_of } => {
            let as_of = match as_of {
                Some(d) => date(today, "as-of", &d)?,
                None => books.clock().today(),
            };
            Ok(render::worklist(format, &books.worklist(as_of)?))
        }
        Command::Promise(PromiseCommand::Add { code, amount, date, by }) => {
            let form = PromiseForm { customer_code: code, amount, date, promised_by: by, note: String::new() };
            let kept = books.add_promise(form)?;
            Ok(render::json_or(format, &kept, |p| format!("promise of {} by {} recorded\n", p.amount, p.promised_date)))
        }
        Command::Promise(PromiseCommand::List { code }) => {
            let c = books.customer_collection(&code)?;
            Ok(render::json_or(format, &c.promises, |list| {
                list.iter()
                    .map(|p| format!("{} {} {:?} (paid {})\n", p.promised_date, p.amount, p.keeping, p.paid))
                    .collect()
            }))
        }
        Command::Plan(PlanCommand::Add { code, total, equal, first, instalments, out }) => {
            let instalments = instalments
                .iter()
                .map(|s| {
                    let (date, amount) = s.split_once('=').ok_or_else(|| {
                        AppError::Rule(format!("'{s}' is not an instalment: expected DATE=AMOUNT").into())
                    })?;
                    Ok(InstalmentForm { date: date.into(), amount: amount.into() })
                })
                .collect::<Result<_, AppError>>()?;
            let form = PlanForm {
                customer_code: code,
                total,
                instalments,
                equal_count: equal.unwrap_or(0),
                first_date: first.unwrap_or_default(),
                note: String::new(),
            };
            let plan = books.create_plan(form)?;
            if let Some(out) = out {
                let pdf = books.paper_pdf_of_kind(&plan.number, Some(PaperKind::Plan), false)?;
                std::fs::write(&out, pdf).map_err(|e| file_error(&out, e))?;
            }
            Ok(render::json_or(format, &plan, |p| {
                format!("agreed {} for {} in {} instalments\n", p.number, p.total, p.instalments.len())
            }))
        }
        Command::Contact(a) => {
            let form = ContactLogForm {
                customer_code: a.code,
                channel: a.channel,
                contact_name: a.with,
                outcome: a.outcome,
                reason: a.reason,
                next_action: a.next_action,
                next_date: a.next_date,
                note: a.note,
                ..ContactLogForm::default()
            };
            let log = books.log_contact(form)?;
            Ok(render::json_or(format, &log, |l| {
                format!("logged {} {} with {}\n", l.channel, l.outcome, l.contact_name)
            }))
        }
        Command::Letter(a) => {
            let when = a.date.as_deref().map(|d| date(today, "date", d)).transpose()?;
            let choice = LetterChoice {
                code: a.code.clone(),
                level: a.level,
                skip_reason: a.skip_reason.clone(),
                back_date_reason: a.back_date_reason.clone(),
            };
            let letter = books.issue_chosen_letter(&choice, when)?;
            let pdf = books.paper_pdf_of_kind(&letter.number, Some(PaperKind::Letter), false)?;
            std::fs::write(&a.out, &pdf).map_err(|e| file_error(&a.out, e))?;
            let value = serde_json::json!({ "letter": letter, "path": a.out, "bytes": pdf.len() });
            Ok(render::json_or(format, &value, |_| {
                format!(
                    "issued {} (level {}) to {} {}: {} overdue in {} item(s), pay by {}; wrote {} ({} bytes)\n",
                    letter.number,
                    letter.level,
                    letter.customer_code,
                    letter.customer_name,
                    letter.total,
                    letter.items.len(),
                    letter.pay_by,
                    a.out.display(),
                    pdf.len()
                )
            }))
        }
        Command::LettersDue { as_of } => {
            let as_of = match as_of {
                Some(d) => date(today, "as-of", &d)?,
                None => books.clock().today(),
            };
            Ok(render::letters_due(format, &books.letters_due(as_of)?))
        }
        Command::Generate { customers, entries, seed } => {
            let made = books.generate(customers, entries, seed)?;
            Ok(render::json_or(format, &made, |m| {
                format!(
                    "generated {} customers, {} entries ({} delivery lines, {} allocations), {} promises, {} plans, {} statements, {} letters in {:.1} s (the ledger in {:.1} s); largest customer {} with {} entries\n",
                    m.customers, m.entries, m.delivery_lines, m.allocations, m.promises, m.plans, m.statements, m.letters,
                    m.millis as f64 / 1000.0, m.ledger_millis as f64 / 1000.0, m.largest_customer, m.largest_entries
                )
            }))
        }
        Command::Check => {
            let differences = books.check_kept()?;
            if !differences.is_empty() {
                return Err(AppError::Altered(differences.join("; ")));
            }
            Ok(render::message(
                format,
                "what is owed equals the ledger: every customer's totals and open items recomputed",
            ))
        }
        Command::Statement(a) => statement(&mut books, format, a),
        Command::Statements(a) => month_end(&mut books, format, a),
        Command::Backup { to } => backup(&mut books, format, &to),
        Command::Restore { .. } => unreachable!("handled before the book is opened"),
        Command::Audit { limit } => Ok(render::audit(format, &books.audit_log(limit)?)),
        Command::Lpr(a) => crate::interest::lpr(&mut books, format, today, a),
        Command::Report(Report::Interest { code, as_of }) => {
            let as_of = as_of.as_deref().map(|d| date(today, "as-of", d)).transpose()?;
            crate::interest::report(&mut books, format, code, as_of)
        }
    }
}

fn customer(books: &mut Books, format: Format, command: CustomerCommand) -> Result<String, AppError> {
    let today = books.clock().today();
    match command {
        CustomerCommand::Ledger { code, as_of } => {
            let as_of = as_of.as_deref().map(|d| date(today, "as-of", d)).transpose()?;
            Ok(render::ledger(format, &books.customer_ledger(&code, as_of)?))
        }
        CustomerCommand::List { query } => Ok(render::customers(format, &books.list_customers(&query)?)),
        CustomerCommand::Search { text } => Ok(render::customers(format, &books.search_customers(&text)?)),
        CustomerCommand::Interest(a) => crate::interest::customer_interest(books, format, a),
        CustomerCommand::Show { code } => {
            let detail: CustomerDetail = books.customer(&code)?;
            Ok(render::customer(format, &detail))
        }
        CustomerCommand::Attach { code, file, kind, title, notes } => {
            let bytes = std::fs::read(&file)
                .map_err(|e| AppError::File { path: file.display().to_string(), message: e.to_string() })?;
            let file_name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let about =
                NewAttachment { customer_id: 0, kind, title, file_name, sha256: String::new(), size_bytes: 0, notes };
            let stored = books.attach(&code, about, &bytes)?;
            Ok(render::json_or(format, &stored, |a| {
                format!("attached {} ({} bytes, sha256 {})\n", a.fields.title, a.fields.size_bytes, a.fields.sha256)
            }))
        }
        CustomerCommand::Attachments { code } => Ok(render::attachments(format, &books.attachments(&code)?)),
        CustomerCommand::Credit { code, as_of } => {
            let as_of = as_of.as_deref().map(|d| date(today, "as-of", d)).transpose()?;
            Ok(render::credit(format, &books.customer_credit(&code, as_of)?))
        }
        CustomerCommand::Add(a) => {
            let mut fields = books.new_customer_fields(&a.code, &a.name)?;
            fields.kind = parse_kind_typed(&a.kind).map_err(AppError::invalid("kind"))?;
            if let Some(terms) = &a.terms {
                fields.payment_terms = parse_terms_typed(terms).map_err(AppError::invalid("terms"))?;
            }
            if let Some(limit) = &a.credit_limit {
                fields.credit_limit = money("credit-limit", limit)?;
            }
            fields.phone = a.phone;
            fields.address = a.address;
            fields.salesperson = a.salesperson;
            let created = books.create_customer(fields, Vec::new())?;
            Ok(render::json_or(format, &created, |c| format!("added customer {} {}\n", c.fields.code, c.fields.name)))
        }
    }
}

fn period(today: NaiveDate, a: &PeriodArgs) -> Result<Period, AppError> {
    match (&a.period, &a.from, &a.to) {
        (Some(month), None, None) => Period::month(month).map_err(AppError::invalid("period")),
        (None, Some(from), Some(to)) => {
            Period::new(date(today, "from", from)?, date(today, "to", to)?).map_err(AppError::invalid("period"))
        }
        _ => Err(AppError::Rule("give --period YYYY-MM, or --from and --to".into())),
    }
}

fn statement(books: &mut Books, format: Format, a: StatementArgs) -> Result<String, AppError> {
    let period = period(books.clock().today(), &a.period)?;
    let (view, existing) = match books.issue_statement(&a.code, period, a.correct) {
        Ok(view) => (view, false),
        Err(AppError::Rule(refusal)) if refusal.en.contains("was already issued") => {
            let number = books
                .month_end_candidates(period)?
                .into_iter()
                .find(|c| c.code.eq_ignore_ascii_case(&a.code))
                .and_then(|c| c.existing);
            match number {
                Some(number) => (books.statement(&number)?, true),
                None => return Err(AppError::Rule(refusal)),
            }
        }
        Err(e) => return Err(e),
    };
    let number = view.summary.number.clone();
    let pdf = books.paper_pdf_of_kind(&number, Some(PaperKind::Statement), false)?;
    std::fs::write(&a.out, &pdf).map_err(|e| file_error(&a.out, e))?;
    let value = serde_json::json!({ "statement": view, "existing": existing, "path": a.out, "bytes": pdf.len() });
    Ok(render::json_or(format, &value, |_| {
        let s = &view.summary;
        let head = if existing {
            format!("statement {number} for {} was already issued on {}; wrote it to {} (pass --correct to issue a corrected one)", s.period.label(), s.issued_on, a.out.display())
        } else {
            format!(
                "issued {number} for {} {} {}: closing {}; wrote {} ({} bytes)",
                s.customer_code,
                s.customer_name,
                s.period.label(),
                s.closing,
                a.out.display(),
                pdf.len()
            )
        };
        head + "\n"
    }))
}

fn month_end(books: &mut Books, format: Format, a: StatementsArgs) -> Result<String, AppError> {
    let period = period(books.clock().today(), &a.period)?;
    let codes: Vec<String> = if a.customers.is_empty() {
        books.month_end_candidates(period)?.into_iter().map(|c| c.code).collect()
    } else {
        a.customers.clone()
    };
    let cancel = std::sync::atomic::AtomicBool::new(false);
    let mut progress = |p: &huikuan_app::statements::MonthEndProgress| {
        eprintln!("[{}/{}] {} {}", p.done, p.total, p.number, p.customer_code);
    };
    let summary = books.run_month_end(period, &codes, Some(&a.out_dir), a.merged, &cancel, &mut progress)?;
    Ok(render::json_or(format, &summary, |s| {
        let mut line = format!(
            "issued {} statement(s) for {} in {:.1} s",
            s.issued.len(),
            s.period.label(),
            s.millis as f64 / 1000.0
        );
        if !s.skipped.is_empty() {
            line += &format!(" (skipped {} already issued)", s.skipped.len());
        }
        if let Some(merged) = &s.merged_file {
            line += &format!("; all in one: {merged}");
        }
        line + "\n"
    }))
}

pub(crate) fn file_error(path: &Path, e: std::io::Error) -> AppError {
    AppError::File { path: path.display().to_string(), message: e.to_string() }
}

fn company_with(mut p: Company, a: Box<CompanySetArgs>) -> Result<Company, AppError> {
    let text_fields = [
        (&mut p.legal_name, a.legal_name),
        (&mut p.address, a.address),
        (&mut p.tax_id, a.tax_id),
        (&mut p.bank_name, a.bank_name),
        (&mut p.bank_account, a.bank_account),
        (&mut p.phone, a.phone),
        (&mut p.signatory, a.signatory),
        (&mut p.currency, a.currency),
    ];
    for (field, value) in text_fields {
        if let Some(value) = value {
            *field = value;
        }
    }
    if let Some(language) = a.doc_language {
        p.doc_language = language.parse().map_err(AppError::invalid("doc-language"))?;
    }
    Ok(p)
}

fn backup(books: &mut Books, format: Format, to: &Path) -> Result<String, AppError> {
    if to.exists() {
        return Err(AppError::File {
            path: to.display().to_string(),
            message: "already exists; choose a new file".into(),
        });
    }
    if books.store().path().is_none() {
        // Shared books keep attached files in the database: the backup takes them along
        // into the folder beside it, as a book on this computer keeps them.
        let copied = books.copy_to(&Locator::File(to.to_path_buf()))?;
        let files = match copied.files {
            0 => String::new(),
            n => format!(" with {n} attached file(s) beside it"),
        };
        return Ok(render::message(format, &format!("backed up to {}{files}", to.display())));
    }
    books.backup_to(to)?;
    let to: PathBuf = to.to_path_buf();
    Ok(render::message(format, &format!("backed up to {}", to.display())))
}

/// A date as the forms read it: `2026-12-01`, `2026/12/1`, `2026年12月1日`, `12月1日` (in
/// `today`'s year).
fn date(today: NaiveDate, field: &'static str, text: &str) -> Result<NaiveDate, AppError> {
    parse_date_typed(text, today).map_err(AppError::invalid(field))
}

/// An amount as the forms read it: `1234.50`, `¥1,234.50`, `1234.50元`, `5万`.
fn money(field: &'static str, text: &str) -> Result<Money, AppError> {
    parse_amount_typed(text).map_err(AppError::invalid(field))
}

/// `ITEM,QUANTITY,UNIT_PRICE`; the item may itself contain commas.
fn line(text: &str) -> Result<NewDeliveryLine, AppError> {
    let mut parts = text.rsplitn(3, ',');
    let (Some(price), Some(quantity), Some(item)) = (parts.next(), parts.next(), parts.next()) else {
        return Err(AppError::Rule(format!("'{text}' is not a line: expected ITEM,QUANTITY,UNIT_PRICE").into()));
    };
    Ok(NewDeliveryLine {
        item: item.to_string(),
        spec: String::new(),
        unit: String::new(),
        quantity: parse_quantity(quantity).map_err(AppError::invalid("quantity"))?,
        unit_price: parse_unit_price(price).map_err(AppError::invalid("unit price"))?,
    })
}

/// `NUMBER=AMOUNT`.
pub(crate) fn allocation(text: &str) -> Result<ManualAllocation, AppError> {
    let (number, amount) = text
        .rsplit_once('=')
        .ok_or_else(|| AppError::Rule(format!("'{text}' is not an allocation: expected NUMBER=AMOUNT").into()))?;
    Ok(ManualAllocation { receivable: number.to_string(), amount: money("allocation", amount)? })
}
