use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

mod bank;
mod documents;
mod invoice;
pub use bank::BankCommand;
pub use documents::DocumentCommand;
pub use invoice::InvoiceCommand;

/// huikuan-cli: the same use cases as the desktop app, for batch work and automation.
#[derive(Debug, Parser)]
#[command(name = "huikuan-cli", version, about)]
pub struct Cli {
    /// The book: a SQLite file on this computer, or shared books in a PostgreSQL database
    /// (postgres://USER@HOST:PORT/DATABASE; the password in the URL, PGPASSWORD or
    /// ~/.pgpass). `init` creates it; every other command needs it to exist.
    #[arg(long, env = "HUIKUAN_DB", global = true)]
    pub db: Option<String>,
    /// Output for people (table) or programs (json).
    #[arg(long, value_enum, default_value_t = Format::Table, global = true)]
    pub format: Format,
    /// Name recorded in the audit log for changes made by this run.
    #[arg(long, env = "HUIKUAN_OPERATOR", default_value = "cli", global = true)]
    pub operator: String,
    /// Business date to use as today (YYYY-MM-DD); default: the system date.
    #[arg(long, env = "HUIKUAN_TODAY", global = true)]
    pub today: Option<String>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Json,
    /// Reports as CSV (formula-like cells escaped); other commands print their table.
    Csv,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a new, empty book (or check an existing one).
    Init,
    /// Import a file (CSV in any of the encodings an office writes, .xlsx, .xls or .ods) the
    /// way the import screen reads it: headings found by their Chinese or English names, the
    /// mapping remembered per layout; all rows or none.
    Import {
        #[arg(value_enum)]
        kind: ImportKind,
        file: PathBuf,
        /// A workbook's sheet to read, by name (default: the first sheet with anything in it).
        #[arg(long)]
        sheet: Option<String>,
        /// Deliveries only: issue rows the credit check blocks, for this written reason.
        #[arg(long)]
        override_reason: Option<String>,
        /// Check every row and report, writing nothing.
        #[arg(long)]
        preview: bool,
        /// Invoices only, for a list whose headings are not the platform's: the row the
        /// headings are on.
        #[arg(long, requires = "columns")]
        heading_row: Option<u64>,
        /// Invoices only: FIELD=COLUMN (repeatable), COLUMN a heading as written or a column
        /// number from 1; FIELD one of number, code, date, buyer, tax_id, net, tax, total,
        /// kind, status, rate. Remembered for the heading.
        #[arg(long = "column")]
        columns: Vec<String>,
    },
    /// Build the evidence pack (证据包) of a customer in a new folder: signed delivery notes,
    /// confirmed statements, letters with receipts, plans, the contact log and promises,
    /// and a manifest (PDF and JSON) with every document's SHA-256.
    Evidence {
        code: String,
        #[arg(long)]
        out: PathBuf,
        /// Only these receivables (repeatable); default: the whole account.
        #[arg(long = "receivable")]
        receivables: Vec<String>,
    },
    /// Hash every file of an evidence pack again against its manifest; fails if any file
    /// is missing, changed or added. Needs no book.
    VerifyEvidence { pack: PathBuf },
    /// Reports.
    #[command(subcommand)]
    Report(Report),
    /// Customers and their accounts.
    #[command(subcommand)]
    Customer(CustomerCommand),
    /// The company profile: the letterhead of every document.
    #[command(subcommand)]
    Company(CompanyCommand),
    /// Printed documents.
    #[command(subcommand)]
    Document(DocumentCommand),
    /// Money in from the bank, WeChat Pay and Alipay: import statements, review each line's
    /// suggested customer and allocation, accept or ignore.
    #[command(subcommand)]
    Bank(BankCommand),
    /// VAT invoices (发票) issued to customers: what each covers, red-letter reversals, sendings.
    #[command(subcommand)]
    Invoice(InvoiceCommand),
    /// Create and issue a delivery note.
    Delivery(DeliveryArgs),
    /// Record a payment received.
    Payment(PaymentArgs),
    /// Record a credit note (退货/折让), optionally correcting a receivable.
    CreditNote(CreditNoteArgs),
    /// Write off (核销) what cannot be collected of a receivable.
    WriteOff(WriteOffArgs),
    /// Issue a customer's statement (对账单) for a month or a date range and write its PDF.
    /// A statement already issued for the period is written out instead (see --correct).
    Statement(StatementArgs),
    /// The month-end run: statements for every customer with a balance or a movement.
    Statements(StatementsArgs),
    /// Issue a dunning letter (1 reminder, 2 demand, 3 final notice) and write its PDF.
    Letter(LetterArgs),
    /// Who is due a letter, and at which level.
    LettersDue {
        #[arg(long)]
        as_of: Option<String>,
    },
    /// The dashboard's figures: what is owed and overdue, top debtors, DSO, limitation warnings.
    Dashboard {
        #[arg(long)]
        as_of: Option<String>,
    },
    /// Today's worklist: whom to chase, in priority order, and why.
    Worklist {
        #[arg(long)]
        as_of: Option<String>,
    },
    /// Promises to pay.
    #[command(subcommand)]
    Promise(PromiseCommand),
    /// Repayment plans.
    #[command(subcommand)]
    Plan(PlanCommand),
    /// Log a contact with a customer (催收记录).
    Contact(ContactArgs),
    /// Write a generated ten-year book (for benchmarks): customers, deliveries, payments,
    /// credit notes, promises, plans, statements and letters. Into a new book only.
    Generate {
        #[arg(long)]
        customers: usize,
        #[arg(long)]
        entries: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Write the demo company's books (the app's first-start demo) into a new book.
    Demo {
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Recompute what is owed from the ledger and compare it with what is kept.
    Check,
    /// Copy the whole book to a file, consistently, while it stays in use.
    Backup {
        #[arg(long)]
        to: PathBuf,
    },
    /// Copy the whole book into an empty PostgreSQL database (a URL), or write it whole as
    /// a new SQLite file (a path that does not exist yet): every table, paper, signature,
    /// audit record and setting.
    CopyTo { target: String },
    /// Replace the book with a backup, after checking the backup whole (integrity, a
    /// Huikuan book, not newer than this program); the book replaced is kept in the
    /// backups folder beside it. Works on a book that no longer opens.
    Restore {
        #[arg(long)]
        from: PathBuf,
    },
    /// The one-year LPR table late-payment interest is measured on (published rates).
    Lpr(crate::interest::LprArgs),
    /// The newest changes from the audit log.
    Audit {
        #[arg(long, default_value_t = 20)]
        limit: u32,
    },
}

/// A period: `--period YYYY-MM`, or `--from` and `--to`.
#[derive(Debug, Args)]
pub struct PeriodArgs {
    #[arg(long, conflicts_with_all = ["from", "to"], required_unless_present = "from")]
    pub period: Option<String>,
    #[arg(long, requires = "to")]
    pub from: Option<String>,
    #[arg(long, requires = "from")]
    pub to: Option<String>,
}

#[derive(Debug, Args)]
pub struct StatementArgs {
    pub code: String,
    #[command(flatten)]
    pub period: PeriodArgs,
    #[arg(long)]
    pub out: PathBuf,
    /// Issue a corrected statement replacing the one already issued for the period.
    #[arg(long)]
    pub correct: bool,
}

#[derive(Debug, Args)]
pub struct StatementsArgs {
    #[command(flatten)]
    pub period: PeriodArgs,
    #[arg(long)]
    pub out_dir: PathBuf,
    /// Also write all of them as one PDF, for printing.
    #[arg(long)]
    pub merged: bool,
    /// Only these customers (comma separated); default: every candidate.
    #[arg(long, value_delimiter = ',')]
    pub customers: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ImportKind {
    Customers,
    OpeningBalances,
    Deliveries,
    Payments,
    /// An invoice list from the tax platform: each invoice matched to its customer and the
    /// deliveries it covers; those matched with any doubt are listed for review, not recorded.
    Invoices,
}

/// Writing a report to a file: XLSX, CSV or PDF, by the file's extension.
#[derive(Debug, Args)]
pub struct OutArgs {
    /// Also write the report to this file (.xlsx, .csv or .pdf).
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// The language of the file's headings: zh or en.
    #[arg(long, default_value = "zh")]
    pub lang: String,
}

#[derive(Debug, Subcommand)]
pub enum Report {
    /// Aging of every customer as of a date.
    Aging {
        #[arg(long)]
        as_of: String,
        /// Age by days past the due date (default) or since the document date.
        #[arg(long, value_enum, default_value_t = Basis::Due)]
        basis: Basis,
        /// Each open receivable instead of one row per customer.
        #[arg(long, conflicts_with = "by_salesperson")]
        detail: bool,
        /// One row per salesperson.
        #[arg(long)]
        by_salesperson: bool,
        /// Leave out of the file the rows whose every figure is zero.
        #[arg(long)]
        hide_zero: bool,
        #[command(flatten)]
        out: OutArgs,
    },
    /// Collection performance per month: sales, collected, CEI, DSO, promises kept.
    Collection {
        #[arg(long)]
        as_of: String,
        #[arg(long, default_value_t = 12)]
        months: u32,
        #[command(flatten)]
        out: OutArgs,
    },
    /// Provision for doubtful debts (坏账准备) by aging bucket, at the rates set.
    Provision {
        #[arg(long)]
        as_of: String,
        #[command(flatten)]
        out: OutArgs,
    },
    /// Write-offs recorded from one date to another.
    WriteOffs {
        #[arg(long)]
        from: String,
        #[arg(long)]
        to: String,
        #[command(flatten)]
        out: OutArgs,
    },
    /// Every customer, with the columns the customer import reads.
    Customers {
        #[command(flatten)]
        out: OutArgs,
    },
    /// Expected collections per week for the next 12 weeks.
    Forecast {
        #[arg(long)]
        as_of: String,
    },
    /// Each open receivable's limitation period (诉讼时效), the soonest to end first.
    Limitation {
        #[arg(long)]
        as_of: String,
    },
    /// Per customer and in total: delivered but not invoiced, invoiced but not paid, and owed
    /// awaiting its invoice.
    Invoicing {
        #[arg(long)]
        as_of: String,
        #[command(flatten)]
        out: OutArgs,
    },
    /// A customer's claim: each overdue item's principal, days, rate and late-payment
    /// interest to a date, and principal + interest.
    Interest {
        code: String,
        /// Interest counted to this day (included); default: today.
        #[arg(long)]
        as_of: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum PromiseCommand {
    /// Record a promise to pay, made today.
    Add {
        code: String,
        #[arg(long)]
        amount: String,
        /// The promised date.
        #[arg(long)]
        date: String,
        #[arg(long, default_value = "")]
        by: String,
    },
    /// A customer's promises and whether each was kept.
    List { code: String },
}

#[derive(Debug, Subcommand)]
pub enum PlanCommand {
    /// Agree a repayment plan, today: equal monthly instalments or each one given.
    Add {
        code: String,
        #[arg(long)]
        total: String,
        /// Equal monthly instalments, this many, from --first.
        #[arg(long, requires = "first")]
        equal: Option<u32>,
        #[arg(long)]
        first: Option<String>,
        /// An instalment as DATE=AMOUNT (repeat, in date order).
        #[arg(long = "instalment")]
        instalments: Vec<String>,
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

#[derive(Debug, Args)]
pub struct ContactArgs {
    pub code: String,
    /// phone, visit, wechat, sms, email, letter or meeting.
    #[arg(long)]
    pub channel: String,
    /// reached, promised, no_answer, refused, paid or other.
    #[arg(long)]
    pub outcome: String,
    /// bargaining, cash_tight, complaint, big_customer, low_priority, no_intention, internal_process, other.
    #[arg(long, default_value = "")]
    pub reason: String,
    #[arg(long, default_value = "")]
    pub with: String,
    #[arg(long, default_value = "")]
    pub next_action: String,
    #[arg(long, default_value = "")]
    pub next_date: String,
    #[arg(long, default_value = "")]
    pub note: String,
}

#[derive(Debug, Args)]
pub struct LetterArgs {
    pub code: String,
    #[arg(long, value_parser = clap::value_parser!(u8).range(1..=3))]
    pub level: u8,
    /// Why this letter goes out above the level due, or sooner after the customer's last
    /// letter than the policy's least gap (kept and audited); without it either is refused.
    #[arg(long, default_value = "")]
    pub skip_reason: String,
    /// Why the letter is dated before today (written to the audit log); without it a back
    /// date is refused: a letter is dated the day it is issued.
    #[arg(long, default_value = "")]
    pub back_date_reason: String,
    #[arg(long)]
    pub out: PathBuf,
    /// The letter's date (default: today); the items are those overdue on it.
    #[arg(long)]
    pub date: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Basis {
    Due,
    Document,
}

#[derive(Debug, Subcommand)]
pub enum CustomerCommand {
    /// Entries with running balance.
    Ledger {
        code: String,
        #[arg(long)]
        as_of: Option<String>,
    },
    /// Customers with balance and overdue, filtered by code, name, phone or salesperson.
    List {
        #[arg(long, default_value = "")]
        query: String,
    },
    /// The first 50 customers matching as you type: code or name starting with TEXT first,
    /// then any whose code, name, phone or salesperson contains it.
    Search { text: String },
    /// Profile, contacts and where the account stands today.
    Show { code: String },
    /// Add a customer.
    Add(CustomerAddArgs),
    /// The customer's late-payment interest terms (违约金 / 逾期利息): shown, or set with
    /// one of --daily-rate, --annual-rate, --lpr-uplift or --none.
    Interest(crate::interest::InterestArgs),
    /// Attach a file (contract, licence, photo, other) to a customer.
    Attach {
        code: String,
        file: PathBuf,
        #[arg(long, default_value = "other")]
        kind: String,
        /// Default: the file's name.
        #[arg(long, default_value = "")]
        title: String,
        #[arg(long, default_value = "")]
        notes: String,
    },
    /// The customer's attachments, newest first.
    Attachments { code: String },
    /// Payment behaviour, the latest credit assessment, and exposure against the limit.
    Credit {
        code: String,
        #[arg(long)]
        as_of: Option<String>,
    },
}

#[derive(Debug, Args)]
pub struct CustomerAddArgs {
    #[arg(long)]
    pub code: String,
    #[arg(long)]
    pub name: String,
    #[arg(long, default_value = "other")]
    pub kind: String,
    /// Default: the terms of the credit policy's grade for new customers.
    #[arg(long)]
    pub terms: Option<String>,
    /// Default: the credit policy's starting limit for new customers.
    #[arg(long)]
    pub credit_limit: Option<String>,
    #[arg(long, default_value = "")]
    pub phone: String,
    #[arg(long, default_value = "")]
    pub address: String,
    #[arg(long, default_value = "")]
    pub salesperson: String,
}

#[derive(Debug, Subcommand)]
pub enum CompanyCommand {
    Show,
    /// Change the given fields; the others stay as they are.
    Set(Box<CompanySetArgs>),
}

#[derive(Debug, Args)]
pub struct CompanySetArgs {
    #[arg(long)]
    pub legal_name: Option<String>,
    #[arg(long)]
    pub address: Option<String>,
    #[arg(long)]
    pub tax_id: Option<String>,
    #[arg(long)]
    pub bank_name: Option<String>,
    #[arg(long)]
    pub bank_account: Option<String>,
    #[arg(long)]
    pub phone: Option<String>,
    #[arg(long)]
    pub signatory: Option<String>,
    #[arg(long)]
    pub currency: Option<String>,
    /// zh or en.
    #[arg(long)]
    pub doc_language: Option<String>,
}

#[derive(Debug, Args)]
pub struct DeliveryArgs {
    #[arg(long)]
    pub customer: String,
    #[arg(long)]
    pub date: String,
    #[arg(long)]
    pub due_date: Option<String>,
    /// A line as ITEM,QUANTITY,UNIT_PRICE (repeat for more lines).
    #[arg(long = "line", required = true)]
    pub lines: Vec<String>,
    /// Issue it although the credit check blocks it, for this written reason.
    #[arg(long)]
    pub override_reason: Option<String>,
}

#[derive(Debug, Args)]
pub struct PaymentArgs {
    #[arg(long)]
    pub customer: String,
    #[arg(long)]
    pub date: String,
    #[arg(long)]
    pub amount: String,
    #[arg(long)]
    pub method: String,
    #[arg(long, default_value = "")]
    pub reference: String,
    /// Apply part by hand as NUMBER=AMOUNT (repeatable); the rest goes oldest-first.
    #[arg(long = "allocate")]
    pub allocations: Vec<String>,
}

#[derive(Debug, Args)]
pub struct CreditNoteArgs {
    #[arg(long)]
    pub customer: String,
    #[arg(long)]
    pub date: String,
    #[arg(long)]
    pub amount: String,
    #[arg(long)]
    pub reason: String,
    #[arg(long)]
    pub corrects: Option<String>,
}

#[derive(Debug, Args)]
pub struct WriteOffArgs {
    #[arg(long)]
    pub customer: String,
    #[arg(long)]
    pub receivable: String,
    /// Default: everything still open of the receivable.
    #[arg(long)]
    pub amount: Option<String>,
    #[arg(long)]
    pub date: String,
    #[arg(long)]
    pub reason: String,
}
