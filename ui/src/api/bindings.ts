// Generated from the Rust types by crates/app/src/bindings.rs. Do not edit:
// run `UPDATE_BINDINGS=1 cargo test -p huikuan-app --test bindings`.

export type Money = string;

export type PaymentTerms = string;

export type CustomerKind = "shop" | "chain" | "enterprise" | "clinic" | "individual" | "other";

export type CustomerStatus = "active" | "on_hold" | "blocked" | "closed";

export type Importance = "key" | "normal";

export type ContactRole = "purchaser" | "finance" | "decision_maker" | "insider" | "other";

export type DocLanguage = "zh" | "en";

export type EntryKind = "delivery" | "opening" | "charge" | "payment" | "credit_note" | "write_off";

export type Side = "debit" | "credit";

export type PaymentMethod = "cash" | "bank" | "alipay" | "wechat" | "cheque" | "acceptance_bill" | "other";

export type Receivable = { id: number, kind: EntryKind, number: string, doc_date: string, due_date: string, 
/**
 * Always positive.
 */
amount: Money, };

export type Company = { legal_name: string, address: string, tax_id: string, bank_name: string, bank_account: string, phone: string, signatory: string, currency: string, doc_language: DocLanguage, 
/**
 * The paper each kind of document is printed on; kept as a setting beside the
 * profile. Absent from a saved profile: A4 for everything.
 */
papers: PaperChoices, };

export type PaperChoices = { delivery_note: string, };

export type ContactFields = { name: string, role: ContactRole, phone: string, wechat: string, email: string, notes: string, };

export type Contact = { id: number, customer_id: number, name: string, role: ContactRole, phone: string, wechat: string, email: string, notes: string, };

export type CustomerFields = { code: string, name: string, kind: CustomerKind, phone: string, address: string, tax_id: string, salesperson: string, payment_terms: PaymentTerms, statement_day: number | null, credit_limit: Money, status: CustomerStatus, importance: Importance, tags: string, notes: string, doc_language: DocLanguage, business_scale: BusinessScale, founded_year: number | null, main_business: string, registered_capital: Money | null, premises: Premises, collection_days: CollectionDays, };

export type Customer = { id: number, created_at: string, updated_at: string, code: string, name: string, kind: CustomerKind, phone: string, address: string, tax_id: string, salesperson: string, payment_terms: PaymentTerms, statement_day: number | null, credit_limit: Money, status: CustomerStatus, importance: Importance, tags: string, notes: string, doc_language: DocLanguage, business_scale: BusinessScale, founded_year: number | null, main_business: string, registered_capital: Money | null, premises: Premises, collection_days: CollectionDays, };

export type DeliveryLine = { item: string, spec: string, unit: string, quantity: string, unit_price: string, amount: Money, };

export type DeliveryNote = { id: number, customer_id: number, status: string, number: string | null, doc_date: string, due_date: string, total: Money, contact_name: string, address: string, memo: string, entry_id: number | null, lines: Array<DeliveryLine>, };

export type Entry = { id: number, customer_id: number, kind: EntryKind, side: Side, number: string, doc_date: string, due_date: string | null, amount: Money, method: PaymentMethod | null, reference: string, memo: string, corrects_entry_id: number | null, created_at: string, operator: string, };

export type RowError = { line: number, 
/**
 * In English: what the CLI prints and scripts read.
 */
reason: string, reason_zh: string, };

export type FieldMessage = { field: string, message: string, };

export type ErrorView = { code: string, message: string, field: string | null, rows: Array<RowError>, 
/**
 * Every field to blame with what to say beside it (one or more), for a form.
 */
fields: Array<FieldMessage>, };

export type CustomerChoice = { code: string, name: string, status: CustomerStatus, };

export type CustomerSummary = { code: string, name: string, kind: CustomerKind, status: CustomerStatus, phone: string, salesperson: string, credit_limit: Money, balance: Money, overdue: Money, };

export type CustomerDetail = { customer: Customer, contacts: Array<Contact>, as_of: string, balance: Money, overdue: Money, credit: Money, 
/**
 * Balance against the credit limit (占用额度); the credit check of deliveries uses it.
 */
exposure: Money, available_credit: Money, aging: Record<string, Money>, };

export type OpenItem = { open: Money, id: number, kind: EntryKind, number: string, doc_date: string, due_date: string, 
/**
 * Always positive.
 */
amount: Money, };

export type AppliedAmount = { number: string, amount: Money, };

export type PaymentReceipt = { entry: Entry, 
/**
 * What the payment settles now, by hand first, then oldest-first.
 */
applied: Array<AppliedAmount>, 
/**
 * What is left as the customer's credit.
 */
unapplied: Money, };

export type AgingReport = { as_of: string, buckets: Array<string>, customers: Array<AgingCustomer>, totals: AgingTotals, };

export type AgingCustomer = { code: string, name: string, balance: Money, credit: Money, buckets: Record<string, Money>, };

export type AgingTotals = { balance: Money, credit: Money, buckets: Record<string, Money>, };

export type AgingItem = { code: string, name: string, salesperson: string, number: string, kind: EntryKind, doc_date: string, due_date: string, amount: Money, open: Money, 
/**
 * Days past the due date (or since the document date); negative: not due yet.
 */
days: number, bucket: string, };

export type AgingDetail = { as_of: string, 
/**
 * "due" or "document".
 */
basis: string, buckets: Array<string>, items: Array<AgingItem>, 
/**
 * Open receivables by bucket; equal to the aging summary's bucket totals.
 */
totals: Record<string, Money>, open_total: Money, };

export type SalespersonAging = { 
/**
 * Empty for customers with no salesperson.
 */
salesperson: string, customers: number, balance: Money, credit: Money, overdue: Money, buckets: Record<string, Money>, };

export type AgingBySalesperson = { as_of: string, basis: string, buckets: Array<string>, rows: Array<SalespersonAging>, };

export type MonthPerformance = { 
/**
 * YYYY-MM.
 */
month: string, 
/**
 * The month's last day, or the report's date for the current month.
 */
end: string, 
/**
 * Open receivables at the start of the month.
 */
opening: Money, 
/**
 * Deliveries and charges dated in the month.
 */
sales: Money, 
/**
 * Opening balances (期初) dated in the month: debts from before the books, owed as much
 * as what was owed at the start; CEI counts them with it.
 */
opened: Money, collected: Money, credited: Money, written_off: Money, 
/**
 * Open receivables at the end, and the part of them not yet due.
 */
closing: Money, closing_current: Money, 
/**
 * What was owed net of customers' credit at the end.
 */
balance: Money, cei: string | null, dso: string | null, 
/**
 * Promises whose date fell in the month (up to the report's date), and those kept.
 */
promises_due: number, promises_kept: number, promises_kept_rate: string | null, };

export type CollectionPerformance = { as_of: string, months: Array<MonthPerformance>, collected: Money, sales: Money, written_off: Money, };

export type ProvisionRate = { bucket: string, percent: string, };

export type ProvisionLine = { bucket: string, open: Money, percent: string, provision: Money, };

export type ProvisionReport = { as_of: string, lines: Array<ProvisionLine>, open: Money, provision: Money, };

export type WriteOffLine = { number: string, date: string, code: string, name: string, 
/**
 * The receivable written off.
 */
receivable: string, amount: Money, reason: string, operator: string, };

export type WriteOffReport = { from: string, to: string, lines: Array<WriteOffLine>, total: Money, };

export type WriteOffForm = { customer_code: string, receivables: Array<string>, date: string, reason: string, };

export type ReportRequest = { "report": "aging", as_of: string, by_document_date: boolean, 
/**
 * Leave out the rows whose every figure is zero (absent: keep them).
 */
hide_zero?: boolean, } | { "report": "aging_detail", as_of: string, by_document_date: boolean, 
/**
 * Leave out the rows whose every figure is zero (absent: keep them).
 */
hide_zero?: boolean, } | { "report": "aging_by_salesperson", as_of: string, by_document_date: boolean, 
/**
 * Leave out the rows whose every figure is zero (absent: keep them).
 */
hide_zero?: boolean, } | { "report": "collection", as_of: string, months: number, } | { "report": "provision", as_of: string, } | { "report": "write_offs", from: string, to: string, } | { "report": "customers" } | { "report": "worklist", as_of: string, } | { "report": "ledger", code: string, } | { "report": "invoicing", as_of: string, };

export type SheetFormat = "xlsx" | "csv" | "pdf";

export type ImportKind = "customers" | "opening_balances" | "deliveries" | "payments";

export type ColumnChoice = { field: string, 
/**
 * Index of the file's column.
 */
source: number | null, };

export type Mapping = { choices: Array<ColumnChoice>, };

export type ImportForm = { kind: ImportKind, file_name: string, content_base64: string, mapping: Mapping | null, 
/**
 * Deliveries only: issue rows the credit check blocks, for this written reason.
 */
override_reason: string | null, 
/**
 * A workbook's worksheet to read, by name; None: the first with something in it.
 */
sheet: string | null, };

export type PreviewRow = { line: number, problems: Array<string>, problems_zh: Array<string>, };

export type CellReading = { field: string, text: string, read: string | null, read_zh: string | null, };

export type RowReading = { line: number, cells: Array<CellReading>, };

export type ImportPreview = { kind: ImportKind, file_name: string, 
/**
 * "csv", "xlsx", "xls" or "ods" (by the file's content, not its name).
 */
format: string, 
/**
 * The text encoding a CSV file was read as ("UTF-8", "UTF-8 (BOM)", "GBK", "GB18030",
 * "UTF-16LE", "UTF-16BE"); None for a workbook.
 */
encoding: string | null, 
/**
 * The worksheet read (None for CSV), and every worksheet of the workbook, in order.
 */
sheet: string | null, sheets: Array<string>, 
/**
 * The row of the file the heading was found on (below any title rows).
 */
heading_row: number, layout: string, 
/**
 * The file's headings, in order.
 */
columns: Array<string>, 
/**
 * Its first rows, to check the mapping against.
 */
sample: Array<Array<string>>, mapping: Mapping, 
/**
 * True when the mapping is the one remembered for this layout.
 */
remembered: boolean, 
/**
 * Fields the import needs that no column is mapped to (optional ones are left empty).
 */
unmapped: Array<string>, 
/**
 * Data rows in the file (blank rows not counted).
 */
rows: number, 
/**
 * The rows with problems (every one of them), in file order.
 */
bad_rows: Array<PreviewRow>, 
/**
 * What the import would write when no row has a problem.
 */
would_create: number | null, 
/**
 * Rows left out (total rows), with their row in the file and why.
 */
skipped: Array<SkippedRow>, 
/**
 * The first data rows as the import reads them: each mapped cell and what it became.
 */
readings: Array<RowReading>, 
/**
 * What the import would write, as the import's own summary names it (the same figure
 * as `would_create`; the CLI's CSV previews have always said `created`).
 */
created: number | null, };

export type ImportSummary = { kind: string, 
/**
 * Data rows read from the file.
 */
rows: number, 
/**
 * Records written: customers, entries, or delivery notes (several rows each).
 */
created: number, 
/**
 * Rows of the file left out on purpose (total rows), each with its row and why; the
 * `import_*_csv` paths read every row, so theirs is empty.
 */
skipped: Array<SkippedRow>, };

export type SkippedRow = { line: number, reason: string, reason_zh: string, };

export type EvidenceRequest = { customer_code: string, 
/**
 * Receivable numbers to build the claim on; empty: the whole account.
 */
receivables: Array<string>, };

export type ManifestDocument = { 
/**
 * Path inside the pack, with forward slashes.
 */
file: string, 
/**
 * delivery_note, statement, letter, plan, ledger, contact_log, promises or manifest.
 */
kind: string, 
/**
 * A letter's level: 1 reminder (提醒函), 2 demand (催款函), 3 final notice (最后催告函).
 */
level: number | null, number: string, date: string, amount: Money | null, 
/**
 * Who signed it (the customer, or who signed the letter's receipt), if anyone did.
 */
signer: string | null, signed_at: string | null, 
/**
 * How it went out, for letters: "express SF1234 2026-05-02".
 */
sent: Array<string>, 
/**
 * A statement's answer: "confirmed 2026-12-03", "disputed 2026-12-03 …" or "none".
 */
answer: string | null, sha256: string, size_bytes: number, };

export type ManifestReceivable = { number: string, doc_date: string, due_date: string, open: Money, 
/**
 * What last restarted the period, and when: "statement_confirmed 2026-03-31 ST-2026-000004".
 */
last_restart: string | null, limitation_ends: string, days_left: number, 
/**
 * running, ending_soon (90 days or less) or expired.
 */
limitation_status: string, };

export type Manifest = { format: string, company: string, customer_code: string, customer_name: string, as_of: string, 
/**
 * When the pack was made (UTC, RFC 3339) and by whom.
 */
made_at: string, made_by: string, 
/**
 * The receivables asked for; empty: the whole account.
 */
chosen: Array<string>, open_total: Money, receivables: Array<ManifestReceivable>, 
/**
 * What is claimed: the overdue principal and its late-payment interest to `as_of`, on
 * the customer's interest terms, with the basis in words.
 */
claim: Claim | null, documents: Array<ManifestDocument>, };

export type EvidenceBuilt = { folder: string, manifest: Manifest, };

export type InterestTerms = { "basis": "none" } | { "basis": "daily_rate", rate: string, } | { "basis": "annual_rate", rate: string, } | { "basis": "lpr", uplift: string, };

export type LprRate = { effective: string, 
/**
 * Percent a year, as published: 3.10 is 3.10%.
 */
percent: string, };

export type InterestSpan = { from: string, to: string, days: number, 
/**
 * The rate charged, in percent: a day's for a daily rate, a year's otherwise (for LPR,
 * the LPR in force on the first day overdue times the uplift).
 */
percent: string, 
/**
 * The LPR itself (percent a year) for an LPR span.
 */
lpr_percent: string | null, };

export type ItemInterest = { number: string, due_date: string, principal: Money, days: number, spans: Array<InterestSpan>, interest: Money, 
/**
 * LPR terms and a breach that began before the first LPR (2019-08-20): the old
 * benchmark-rate rule applies, so no interest is worked out for this item.
 */
before_lpr: boolean, };

export type Claim = { as_of: string, terms: InterestTerms, items: Array<ItemInterest>, principal: Money, interest: Money, total: Money, 
/**
 * How the interest was worked out, in the document language (for letters and packs).
 */
basis: string, 
/**
 * The basis in English and in Chinese, for a screen in either language.
 */
basis_en: string, basis_zh: string, };

export type ClaimRequest = { customer_code: string, 
/**
 * Interest counted to this day (included); default: today.
 */
as_of: string | null, };

export type CustomerLedger = { code: string, name: string, as_of: string | null, entries: Array<LedgerLine>, balance: Money, };

export type LedgerLine = { id: number, date: string, kind: EntryKind, number: string, due_date: string | null, description: string, method: PaymentMethod | null, reference: string, debit: Money, credit: Money, balance: Money, 
/**
 * For receivables: what is still open of it at the ledger's date.
 */
open: Money | null, 
/**
 * The number of the entry this one corrects (credit notes, write-offs).
 */
corrects: string | null, 
/**
 * The VAT invoices that cover a receivable (none for the rest).
 */
invoices: Array<string>, };

export type LedgerPage = { code: string, name: string, 
/**
 * All the customer's entries.
 */
total: number, 
/**
 * How many newer entries come after this page.
 */
offset: number, 
/**
 * In ledger order (oldest first).
 */
entries: Array<LedgerLine>, balance: Money, };

export type Dashboard = { as_of: string, 
/**
 * The sum of open receivables; customers' credit is shown apart, not netted.
 */
total_receivable: Money, overdue: Money, 
/**
 * Money customers paid in advance or overpaid.
 */
credit: Money, customers_owing: number, customers_overdue: number, buckets: Array<BucketFigure>, top_debtors: Array<Debtor>, 
/**
 * Credit assessments due for review, the longest waiting first.
 */
due_reviews: Array<DueReview>, 
/**
 * Statements the customer has not answered yet, the longest waiting first.
 */
pending_statements: Array<StatementSummary>, pending_statements_total: number, 
/**
 * Days sales outstanding: what is owed ÷ the last 90 days' sales × 90 (None without sales).
 */
dso_days: string | null, 
/**
 * Open receivables whose limitation period ends within 90 days (or has ended), soonest first.
 */
limitation_warnings: Array<LimitationRow>, limitation_warnings_total: number, };

export type BucketFigure = { label: string, amount: Money, };

export type Debtor = { code: string, name: string, balance: Money, overdue: Money, };

export type CustomerForm = { code: string, name: string, kind: CustomerKind | null, phone: string, address: string, tax_id: string, salesperson: string, payment_terms: string, statement_day: string, credit_limit: string, status: CustomerStatus | null, importance: Importance | null, tags: string, notes: string, doc_language: DocLanguage | null, business_scale: BusinessScale | null, founded_year: string, main_business: string, registered_capital: string, premises: Premises | null, 
/**
 * Weekdays and days of the month: `mon,25`.
 */
collection_days: string, contacts: Array<ContactForm>, };

export type ContactForm = { 
/**
 * Set for a contact already stored; None for one added in this form.
 */
id: number | null, name: string, role: ContactRole | null, phone: string, wechat: string, email: string, notes: string, };

export type DeliveryForm = { customer_code: string, date: string, 
/**
 * Blank: from the customer's payment terms.
 */
due_date: string, contact_name: string, address: string, memo: string, lines: Array<LineForm>, 
/**
 * Filled in only after the credit check blocked the note: why to issue it anyway.
 */
override_reason: string, };

export type LineForm = { item: string, spec: string, unit: string, quantity: string, unit_price: string, };

export type DeliveryPreview = { lines: Array<LinePreview>, total: Money, terms: PaymentTerms | null, due_date: string | null, 
/**
 * What the credit check says of the note so far; None until it has a date and a total.
 */
credit: CreditCheck | null, };

export type LinePreview = { amount: Money | null, };

export type PaymentForm = { customer_code: string, date: string, amount: string, method: PaymentMethod | null, reference: string, memo: string, allocations: Array<AllocationForm>, };

export type AllocationForm = { receivable: string, amount: string, };

export type PaymentPreview = { open_items: Array<OpenItem>, open_total: Money, applied: Array<AppliedAmount>, 
/**
 * What the payment settles: the sum of `applied`.
 */
allocated: Money, 
/**
 * What is left of the payment: the customer's credit once recorded.
 */
unapplied: Money, 
/**
 * Each typed row that cannot apply, said beside it in the user's language.
 */
refusals: Array<FieldMessage>, };

export type Preferences = { language: DocLanguage, backups: BackupSchedule, 
/**
 * The server of shared books the workspace opens (host, port, database, user; the
 * password is never here): None for the book file on this computer.
 */
shared: SharedServer | null, };

export type WorkspaceStatus = { 
/**
 * False until books exist: the UI shows the welcome screen.
 */
opened: boolean, 
/**
 * The book file exists but cannot be opened: why, in the user's language; the UI
 * offers the backups to restore instead of the welcome screen.
 */
problem: string | null, db_path: string, backups_dir: string, language: DocLanguage, 
/**
 * The business date: forms start on it.
 */
today: string, 
/**
 * The open books are the generated demo company: the app offers to start real books.
 */
demo: boolean, 
/**
 * Where the books are, as shown: the file, or the server without its password.
 */
location: string, 
/**
 * The books are shared books on this server (open, or waiting for it).
 */
shared: SharedServer | null, 
/**
 * Shared books are remembered but no password is known (no keyring): the UI asks.
 */
needs_password: boolean, 
/**
 * The last try to open the shared books failed: why, in plain words.
 */
server_problem: ConnectionTest | null, };

export type RealBooksStarted = { status: WorkspaceStatus, 
/**
 * The demo company's file, still a book that opens (`huikuan-cli --db` or the app).
 */
demo_kept_at: string, };

export type SharedServer = { host: string, port: number, database: string, user: string, };

export type ServerForm = { host: string, port: string, database: string, user: string, password: string, };

export type TestOutcome = "connected" | "wrong_password" | "no_database" | "unreachable" | "foreign" | "newer" | "failed";

export type ConnectionTest = { outcome: TestOutcome, 
/**
 * What happened, in the user's language.
 */
message: string, 
/**
 * The server as shown (no password).
 */
server: string, };

export type SharedOpened = { status: WorkspaceStatus, password_kept: boolean, };

export type BackupDone = { path: string, };

export type BackupSchedule = { 
/**
 * 0: only on demand.
 */
every_days: number, 
/**
 * The newest this many backups are kept; older ones are removed.
 */
keep: number, };

export type BackupFile = { 
/**
 * The file's name in the backups folder: what a restore names.
 */
name: string, 
/**
 * When it was taken (UTC), from its name.
 */
taken_at: string, size_bytes: number, };

export type RestoreDone = { 
/**
 * The backup now in use.
 */
restored: string, 
/**
 * Where the book it replaced was kept.
 */
replaced_kept_at: string, schema_version: number, };

export type BusinessScale = "unknown" | "micro" | "small" | "medium" | "large";

export type Premises = "unknown" | "owned" | "rented";

export type CollectionDays = string;

export type BusinessFacts = { business_scale: BusinessScale, founded_year: number | null, main_business: string, registered_capital: Money | null, premises: Premises, collection_days: CollectionDays, };

export type Grade = "A" | "B" | "C" | "D" | "E";

export type Factor = "business_scale" | "operating_condition" | "years_in_business" | "payment_history" | "relationship" | "industry_risk" | "guarantees";

export type Signal = "wages_unpaid" | "dumping_stock" | "key_staff_leaving" | "owner_spending" | "payer_changes" | "lawsuits";

export type FactorScore = { factor: Factor, score: number, note: string, };

export type Scorecard = { factors: Array<FactorScore>, signals: Array<Signal>, signals_note: string, 
/**
 * For a customer with under three months of history: what the owner expects it to buy a month.
 */
expected_monthly_sales: Money | null, };

export type Reason = { en: string, zh: string, };

export type Assessment = { 
/**
 * Every factor, the computed payment history included, in the policy's order.
 */
factors: Array<FactorScore>, signals: Array<Signal>, signals_note: string, 
/**
 * Weighted average of the scores, 2 decimals.
 */
score: string, 
/**
 * The grade the score reaches before the warning signals.
 */
score_grade: Grade, grade: Grade, monthly_sales: Money, recommended_limit: Money, recommended_terms: PaymentTerms, review_months: number, reasoning: Array<Reason>, };

export type Behaviour = { as_of: string, 
/**
 * The averages and the longest overdue look at the twelve months ending on `as_of`.
 */
window_from: string, 
/**
 * Receivables settled by payments within the window.
 */
paid_in_window: Money, 
/**
 * Days from the document date to the payment, weighted by the amount paid.
 */
avg_days_to_pay: string | null, 
/**
 * Days past the due date (0 when on time), weighted by the amount paid.
 */
avg_days_late: string | null, 
/**
 * Share of the amount paid on or before its due date, in percent.
 */
on_time_percent: string | null, 
/**
 * The most days any receivable stayed past due within the window (still open: until `as_of`).
 */
longest_overdue_days: number, longest_overdue_number: string | null, 
/**
 * Promises to pay that were broken (0 until promises are recorded).
 */
broken_promises: number, last_payment_date: string | null, last_payment_amount: Money | null, 
/**
 * Days sales outstanding: balance ÷ the last 90 days' sales × 90. None without sales.
 */
dso: string | null, balance: Money, 
/**
 * Sales (deliveries and charges) in the window, for the recommended limit.
 */
sales_in_window: Money, 
/**
 * The first receivable's date: how long the customer has been buying.
 */
first_sale: string | null, trend: Array<MonthBehaviour>, };

export type MonthBehaviour = { 
/**
 * `YYYY-MM`.
 */
month: string, paid: Money, avg_days_to_pay: string | null, avg_days_late: string | null, 
/**
 * What the customer owed at the end of the month (or on the date, for this month).
 */
balance: Money, };

export type CreditPolicy = { weights: Array<FactorWeight>, 
/**
 * A to E, best first.
 */
grades: Array<GradeRule>, 
/**
 * Grades each checked warning signal costs.
 */
signal_grade_drop: number, 
/**
 * A delivery on credit is blocked while any receivable is more than this many days overdue.
 */
overdue_block_days: number, 
/**
 * Recommended limits are rounded down to a multiple of this.
 */
limit_step: Money, 
/**
 * The grade a new customer starts at, before any assessment: its terms are the new
 * customer's terms. Books kept before this setting existed get grade C.
 */
new_customer_grade: Grade, 
/**
 * The credit a new customer starts with: a grade's limit is months of purchases,
 * which a new customer does not have yet. ¥50,000.00 unless the owner sets it.
 */
new_customer_limit: Money, };

export type FactorWeight = { factor: Factor, weight: number, };

export type GradeRule = { grade: Grade, min_score: string, months_of_sales: string, terms: PaymentTerms, review_months: number, };

export type DeliveryExposure = { 
/**
 * Everything recorded, net of the customer's credit.
 */
balance: Money, amount: Money, exposure: Money, limit: Money, };

export type CreditBlock = { "kind": "status", status: CustomerStatus, } | { "kind": "over_limit", exposure: DeliveryExposure, over: Money, } | { "kind": "overdue", number: string, days: number, open: Money, allowed_days: number, };

export type CreditCheck = { 
/**
 * False for cash on delivery (due on the day): nothing to check.
 */
on_credit: boolean, exposure: DeliveryExposure, blocks: Array<CreditBlock>, 
/**
 * The blocks said in both languages.
 */
reasons: Array<Reason>, };

export type AssessmentForm = { customer_code: string, scorecard: Scorecard, expected_monthly_sales: string, approved_limit: string, approved_terms: string, deviation_reason: string, next_review: string, };

export type AssessmentPreview = { assessed_on: string, behaviour: Behaviour, assessment: Assessment, next_review: string, };

export type ApprovedAssessment = { id: number, customer_id: number, assessed_on: string, assessment: Assessment, approved_limit: Money, approved_terms: PaymentTerms, 
/**
 * Why the approved limit or terms differ from the recommendation; empty when they do not.
 */
deviation_reason: string, next_review: string, approved_at: string, approved_by: string, };

export type CreditOverride = { id: number, customer_id: number, delivery_note_id: number, number: string, doc_date: string, amount: Money, exposure: Money, limit: Money, 
/**
 * Why the check blocked the delivery, as it was said then.
 */
blocks: Array<Reason>, reason: string, at: string, operator: string, };

export type CustomerCredit = { code: string, name: string, status: CustomerStatus, as_of: string, credit_limit: Money, payment_terms: PaymentTerms, 
/**
 * Everything recorded, net of the customer's credit.
 */
balance: Money, 
/**
 * What counts against the limit now: the balance, or 0 when the customer is in credit.
 */
exposure: Money, available: Money, overdue_block_days: number, grade: Grade | null, next_review: string | null, review_due: boolean, behaviour: Behaviour, latest_assessment: ApprovedAssessment | null, 
/**
 * Every approved assessment, newest first (the latest included).
 */
assessments: Array<ApprovedAssessment>, overrides: Array<CreditOverride>, };

export type DueReview = { code: string, name: string, grade: Grade, next_review: string, 
/**
 * Days since the review fell due (0 on the day).
 */
days_late: number, };

export type NewAttachment = { customer_id: number, 
/**
 * contract, licence, photo or other.
 */
kind: string, title: string, file_name: string, sha256: string, size_bytes: number, notes: string, };

export type Attachment = { id: number, created_at: string, operator: string, customer_id: number, 
/**
 * contract, licence, photo or other.
 */
kind: string, title: string, file_name: string, sha256: string, size_bytes: number, notes: string, };

export type AttachmentForm = { customer_code: string, kind: string, title: string, file_name: string, notes: string, content_base64: string, };

export type PaperKind = "delivery_note" | "statement" | "letter" | "plan";

export type SignMethod = "pad" | "scan";

export type PaperStatus = "issued" | "signed_pad" | "signed_scan";

export type SignatureView = { method: SignMethod, signer: string, signer_role: string, 
/**
 * UTC, RFC 3339.
 */
signed_at: string, 
/**
 * The SHA-256 of the issued PDF that was signed.
 */
signs_sha256: string, 
/**
 * The signed PDF's SHA-256 and size.
 */
sha256: string, size_bytes: number, scan_file_name: string | null, };

export type PaperView = { kind: PaperKind, number: string, customer_code: string, customer_name: string, date: string, amount: Money, status: PaperStatus, 
/**
 * None until first printed: notes entered from history are frozen when first needed.
 */
sha256: string | null, size_bytes: number | null, signature: SignatureView | null, };

export type CustomerPapers = { papers: Array<PaperView>, 
/**
 * How many there are in all; the list holds the newest [`PAPERS_LISTED`].
 */
total: number, };

export type SignForm = { number: string, 
/**
 * Which paper the number is, when the caller knows: needed only for a number two
 * papers share (an imported note numbered like a statement).
 */
kind?: PaperKind, signer: string, signer_role: string, 
/**
 * pad or scan.
 */
method: string, 
/**
 * Pad: signature_pad's point groups (`toData()`), as JSON.
 */
strokes: string, 
/**
 * Pad: the drawn signature, a PNG in base64 or as a data URL.
 */
image_base64: string, 
/**
 * Scan: the photo or scan of the signed paper (PNG or JPEG), in base64.
 */
scan_base64: string, scan_file_name: string, };

export type Check = { 
/**
 * issued_pdf, signed_pdf, signed_original or scan.
 */
what: string, recorded: string, actual: string, ok: boolean, };

export type Verification = { number: string, kind: PaperKind, checks: Array<Check>, ok: boolean, };

export type CompanyImages = { 
/**
 * A data URL, or None when there is none.
 */
logo: string | null, stamp: string | null, };

export type SendForm = { number: string, 
/**
 * Which paper the number is, when the caller knows (as for signing).
 */
kind?: PaperKind, 
/**
 * hand, post, express, email, wechat or other.
 */
channel: string, 
/**
 * YYYY-MM-DD; empty for today.
 */
date: string, tracking: string, note: string, };

export type Sending = { id: number, document_id: number, channel: string, sent_on: string, tracking: string, note: string, created_at: string, operator: string, };

export type Period = { from: string, to: string, };

export type StatementStatus = "pending" | "confirmed" | "disputed" | "superseded";

export type StatementSummary = { number: string, customer_code: string, customer_name: string, period: Period, issued_on: string, opening: Money, debits: Money, credits: Money, closing: Money, status: StatementStatus, sent: boolean, superseded_by: string | null, };

export type Outcome = { 
/**
 * confirmed or disputed.
 */
outcome: string, decided_on: string, signature_id: number | null, 
/**
 * Disputes: the balance the customer claims, and ours less theirs.
 */
claimed: Money | null, difference: Money | null, reason: string, 
/**
 * Disputes: the numbers of the entries in question.
 */
items: Array<string>, contact: string, created_at: string, operator: string, };

export type StatementView = { summary: StatementSummary, 
/**
 * The statement this one corrects.
 */
supersedes: string | null, outcome: Outcome | null, sendings: Array<Sending>, };

export type DisputeForm = { number: string, 
/**
 * The balance the customer says it owes, as typed.
 */
claimed: string, reason: string, 
/**
 * Numbers of the entries in question, separated by commas or spaces.
 */
items: string, 
/**
 * Who said so.
 */
contact: string, };

export type MonthEndCandidate = { code: string, name: string, closing: Money, movements: number, 
/**
 * The statement already issued for this period, if any: the run skips the customer.
 */
existing: string | null, };

export type MonthEndProgress = { done: number, total: number, number: string, customer_code: string, };

export type IssuedStatement = { number: string, customer_code: string, customer_name: string, closing: Money, 
/**
 * Where its PDF was written, when an output folder was given.
 */
file: string | null, };

export type MonthEndSummary = { period: Period, issued: Array<IssuedStatement>, 
/**
 * Customers skipped because their statement for the period exists: (code, number).
 */
skipped: Array<[string, string]>, cancelled: boolean, merged_file: string | null, millis: number, };

export type MonthEndCounts = { issued: number, sent: number, confirmed: number, disputed: number, pending: number, superseded: number, };

export type MonthEndOverview = { period: Period, counts: MonthEndCounts, statements: Array<StatementSummary>, 
/**
 * Every period with statements, newest first.
 */
periods: Array<Period>, };

export type Placeholder = "company" | "customer" | "contact" | "date" | "overdue_items" | "total" | "total_capitals" | "pay_by" | "bank_account" | "signatory" | "letter_number" | "previous_letters" | "salutation" | "interest";

export type LetterWording = { title: string, body: string, };

export type LetterTemplates = { zh: [LetterWording, LetterWording, LetterWording], en: [LetterWording, LetterWording, LetterWording], };

export type TemplateProblem = { language: string, level: number, 
/**
 * title or body.
 */
part: string, message: string, };

export type DunningPolicy = { 
/**
 * Days overdue from which each level may be sent: reminder, demand, final notice.
 */
level_days: [number, number, number], 
/**
 * Never two letters to one customer closer than this.
 */
min_gap_days: number, 
/**
 * The pay-by date of each level: days after the letter's date.
 */
pay_within_days: [number, number, number], };

export type Suggestion = { "state": "not_yet" } | { "state": "due", level: number, } | { "state": "wait", level: number, until: string, } | { "state": "exhausted" };

export type LetterItemView = { number: string, open: Money, days_overdue: number, };

export type LetterView = { number: string, customer_code: string, customer_name: string, level: number, date: string, pay_by: string, total: Money, items: Array<LetterItemView>, sendings: Array<Sending>, 
/**
 * The signed return receipt: the proof the demand arrived.
 */
receipt: SignatureView | null, 
/**
 * Sent by express with a tracking number: the courier's record of delivery.
 */
delivered: boolean, 
/**
 * The level the escalation rules allowed on its date, when the letter went out above it.
 */
skipped_from: number | null, 
/**
 * The owner's written reason for skipping a level ("" when none was skipped).
 */
skip_reason: string, 
/**
 * What the customer ticked on the signed receipt: no objection (the debt
 * acknowledged) or its objection; None when no answer was recorded.
 */
answer: LetterAnswer | null, };

export type LastLetter = { number: string, level: number, date: string, };

export type LetterDue = { code: string, name: string, overdue: Money, 
/**
 * The oldest overdue item's days past due.
 */
days_overdue: number, last_letter: LastLetter | null, suggestion: Suggestion, };

export type LetterProgress = { done: number, total: number, number: string, customer_code: string, };

export type LetterChoice = { code: string, level: number, 
/**
 * Required when `level` is above the level due; kept with the letter and audited.
 */
skip_reason: string, 
/**
 * Required when the letter is dated before the day it is issued; audited.
 */
back_date_reason: string, };

export type LetterAnswer = { no_objection: boolean, objection: string, answered_on: string, signature_id: number, };

export type LetterAnswerForm = { 
/**
 * The signature on the receipt; its number is the letter's.
 */
sign: SignForm, 
/**
 * □ 无异议 / No objection ticked.
 */
no_objection: boolean, 
/**
 * What the customer wrote beside □ 有异议 / Objection.
 */
objection: string, };

export type RestartKind = "letter_acknowledged" | "letter_receipt" | "letter_delivered" | "statement_confirmed" | "promise" | "plan" | "part_payment";

export type Restart = { kind: RestartKind, date: string, 
/**
 * The document that proves it: a letter, a statement, a payment, a promise.
 */
evidence: string, };

export type LimitationRow = { code: string, name: string, number: string, doc_date: string, 
/**
 * The period runs from the day after this.
 */
due_date: string, open: Money, last_restart: Restart | null, ends_on: string, 
/**
 * Days from the report's date to the end; negative once it has run out.
 */
days_left: number, };

export type LimitationReport = { as_of: string, 
/**
 * Ordered by the day the period ends, soonest first.
 */
rows: Array<LimitationRow>, };

export type ContactChannel = "phone" | "visit" | "wechat" | "sms" | "email" | "letter" | "meeting";

export type ContactOutcome = "reached" | "promised" | "no_answer" | "refused" | "paid" | "other";

export type NonPaymentReason = "bargaining" | "cash_tight" | "complaint" | "big_customer" | "low_priority" | "no_intention" | "internal_process" | "other";

export type PaymentStage = "reconciliation" | "invoice_received" | "approval" | "scheduled" | "paid";

export type Keeping = "open" | "kept" | "partly_kept" | "broken";

export type PriorityWeights = { 
/**
 * Per tenfold of the overdue amount in yuan (¥10 → 1, ¥1,000 → 3, ¥100,000 → 5).
 */
amount: number, 
/**
 * Per 30 days the oldest item is overdue, up to a year.
 */
days: number, 
/**
 * A promise or an instalment due today, or broken.
 */
promise: number, key_customer: number, 
/**
 * Today is one of the customer's fixed payment days.
 */
collection_day: number, 
/**
 * Per week since the last contact, up to a month.
 */
silence: number, };

export type ContactLog = { id: number, customer_id: number, 
/**
 * UTC, RFC 3339.
 */
at: string, channel: string, contact_id: number | null, contact_name: string, outcome: string, reason: string | null, next_action: string, next_date: string | null, note: string, operator: string, };

export type StageRecord = { stage: string, person: string, note: string, set_on: string, };

export type PromiseRecord = { id: number, customer_id: number, amount: Money, promised_date: string, made_on: string, promised_by: string, contact_log_id: number | null, note: string, };

export type ContactLogForm = { customer_code: string, channel: string, 
/**
 * One of the customer's contacts, or none (then `contact_name` says who).
 */
contact_id: number | null, contact_name: string, outcome: string, 
/**
 * Empty when no reason was given.
 */
reason: string, next_action: string, 
/**
 * YYYY-MM-DD or empty.
 */
next_date: string, note: string, 
/**
 * A promise made on this contact: its amount (empty for none) and date.
 */
promise_amount: string, promise_date: string, };

export type PromiseForm = { customer_code: string, amount: string, date: string, promised_by: string, note: string, };

export type InstalmentForm = { date: string, amount: string, };

export type PlanForm = { customer_code: string, total: string, instalments: Array<InstalmentForm>, equal_count: number, first_date: string, note: string, };

export type PromiseView = { id: number, amount: Money, promised_date: string, made_on: string, promised_by: string, note: string, keeping: Keeping, 
/**
 * What the payments since the promise came to, up to its amount.
 */
paid: Money, };

export type InstalmentView = { position: number, due_date: string, amount: Money, keeping: Keeping, paid: Money, };

export type PlanView = { number: string, customer_code: string, total: Money, agreed_on: string, note: string, instalments: Array<InstalmentView>, 
/**
 * The agreement came back signed.
 */
signed: boolean, 
/**
 * An instalment was missed (broken or partly kept).
 */
broken: boolean, };

export type CustomerCollection = { code: string, name: string, phone: string, contacts: Array<Contact>, 
/**
 * Newest first.
 */
logs: Array<ContactLog>, promises: Array<PromiseView>, plans: Array<PlanView>, stage: StageRecord | null, };

export type WorkReason = { "kind": "overdue", amount: Money, days: number, } | { "kind": "promise_due", amount: Money, date: string, } | { "kind": "promise_broken", amount: Money, date: string, } | { "kind": "instalment_due", amount: Money, date: string, } | { "kind": "instalment_broken", amount: Money, date: string, } | { "kind": "key_customer" } | { "kind": "collection_day" } | { "kind": "silent", days: number, } | { "kind": "never_contacted" } | { "kind": "follow_up", action: string, date: string, } | { "kind": "stage", stage: PaymentStage, person: string, };

export type WorkItem = { code: string, name: string, priority: number, overdue: Money, days_overdue: number, reasons: Array<WorkReason>, last_contact: ContactLog | null, stage: StageRecord | null, };

export type ForecastWeek = { 
/**
 * The week's first day; it runs seven days.
 */
week_start: string, 
/**
 * Open promises dated in the week, in full.
 */
promised: Money, 
/**
 * Open plan instalments dated in the week, in full.
 */
planned: Money, 
/**
 * Open receivables due in the week, in full (by their due date).
 */
falling_due: Money, 
/**
 * Open receivables expected in the week: each spread over its customer's record of
 * how late it pays (the part of it at least as late as the bill already is).
 */
receivables_expected: Money, 
/**
 * Bills not written yet that should be paid in the week: each customer's recent sales
 * going on at the same rate, paid on its terms as late as it pays.
 */
from_new_sales: Money, 
/**
 * What should come in: the receivables expected, the new sales, and the promises and instalments
 * each discounted by its customer's record of keeping them.
 */
expected: Money, };

export type CheckedWeek = { week_start: string, 
/**
 * What the forecast made on `made_on` expected in the week.
 */
expected: Money, 
/**
 * The payments dated in the week.
 */
collected: Money, };

export type ForecastCheck = { made_on: string, weeks: Array<CheckedWeek>, 
/**
 * The twelve weeks' totals: on a small book a week is one or two customers' payday, and
 * the totals say more than the weekly error.
 */
expected: Money, collected: Money, 
/**
 * The mean absolute percentage error of the weekly totals (weeks without payments left
 * out), one decimal.
 */
error_percent: string | null, };

export type Forecast = { as_of: string, weeks: Array<ForecastWeek>, expected: Money, 
/**
 * Open receivables later already than any payment on their customer's record of the
 * last twelve months (without a record: overdue): not expected, shown so they do not
 * vanish.
 */
doubtful: Money, 
/**
 * The forecast made twelve weeks before, against what came in (the dashboard's; None
 * from `forecast`).
 */
check: ForecastCheck | null, };

export type PlaybookEntry = { reason: NonPaymentReason, zh: string, en: string, };

export type StatementImport = { 
/**
 * The layout recognised (or chosen): icbc, cmb, ccb, wechat, alipay or generic; mapped
 * when read by the user's columns.
 */
layout: string, new: number, known: number, ignored: number, 
/**
 * The rows left out and why (outgoing, refunded, totals).
 */
skipped: Array<SkippedRow>, 
/**
 * Nothing was written: a preview.
 */
preview: boolean, };

export type AllocationView = { number: string, amount: Money, };

export type SuggestionView = { customer_code: string, customer_name: string, confidence: "high" | "medium" | "low", 
/**
 * Why, in English; `reasons_zh` says the same in Chinese.
 */
reasons: Array<string>, reasons_zh: Array<string>, allocations: Array<AllocationView>, };

export type BankLineView = { id: number, date: string, amount: Money, payer: string, payer_account: string, memo: string, serial: string, source: string, status: "open" | "accepted" | "ignored", 
/**
 * Why an ignored line was ignored.
 */
reason: string, 
/**
 * The number of the payment an accepted line became.
 */
payment: string | null, suggestion: SuggestionView | null, };

export type ColumnMap = { date: number | null, 
/**
 * Money in, in a column of its own (收入, 贷方发生额).
 */
money_in: number | null, 
/**
 * Money out beside it (支出, 借方发生额): only to tell an expense from an empty line.
 */
money_out: number | null, 
/**
 * One amount column instead: signed (+ in, − out), or unsigned beside `direction`.
 */
amount: number | null, 
/**
 * 借贷标志, 收/支: which way an unsigned `amount` went.
 */
direction: number | null, payer: number | null, payer_account: number | null, 
/**
 * Every column saying what the money was for (摘要, 用途, 附言), read together.
 */
memo: Array<number>, serial: number | null, };

export type StatementColumns = { heading_row: number, columns: ColumnMap, };

export type SheetRow = { row: number, cells: Array<string>, };

export type StatementSheet = { format: string, encoding: string | null, rows: Array<SheetRow>, 
/**
 * None when no row looks like a heading: the user picks one.
 */
heading_row: number | null, headings: Array<string>, columns: ColumnMap, 
/**
 * True when `columns` is what the user chose for this heading before.
 */
remembered: boolean, };

export type InvoiceForm = { customer_code: string, 
/**
 * 发票代码: empty for a 数电票.
 */
invoice_code: string, invoice_number: string, 
/**
 * digital_special, digital_normal, paper_special, paper_normal, electronic_normal (or 数电专票…).
 */
invoice_kind: string, date: string, 
/**
 * With tax (价税合计).
 */
amount: string, tax: string, 
/**
 * 13, 9, 6, 3, 1, 0 or mixed.
 */
rate: string, covers: Array<CoverForm>, reverses: string, memo: string, };

export type CoverForm = { 
/**
 * The receivable's number (送货单号).
 */
receivable: string, amount: string, };

export type ReachForm = { invoice_number: string, invoice_code: string, 
/**
 * hand, post, express, email, wechat, platform or other.
 */
channel: string, date: string, tracking: string, note: string, };

export type CoverView = { number: string, amount: Money, };

export type ReachedView = { channel: string, date: string, tracking: string, note: string, };

export type InvoiceView = { id: number, customer_code: string, 
/**
 * 发票代码: empty for a 数电票.
 */
code: string, number: string, kind: string, kind_zh: string, kind_en: string, date: string, 
/**
 * With tax; negative for a red-letter invoice.
 */
amount: Money, tax: Money, rate: string, 
/**
 * The number of the invoice a red-letter one reverses.
 */
reverses: string | null, 
/**
 * What is left of an invoice once the red-letter ones reversing it are taken off.
 */
left: Money, covers: Array<CoverView>, reached: Array<ReachedView>, scans: Array<ScanView>, memo: string, };

export type RoomLine = { number: string, date: string, amount: Money, invoiced: Money, left: Money, };

export type InvoicePreview = { covered: Money, 
/**
 * The amount with tax as read (zero while it is not an amount).
 */
amount: Money, refusals: Array<FieldMessage>, };

export type InvoicingRow = { code: string, name: string, delivered_not_invoiced: Money, invoiced_not_paid: Money, awaiting_invoice: Money, };

export type InvoicingReport = { as_of: string, 
/**
 * The customers with any figure not zero, by code.
 */
customers: Array<InvoicingRow>, totals: InvoicingRow, };

export type ReviewRow = { line: number, number: string, buyer: string, amount: Money, 
/**
 * The customer found, when one was.
 */
customer_code: string | null, reason: string, reason_zh: string, };

export type InvoiceImport = { 
/**
 * Invoices recorded (or, in a preview, that would be).
 */
new: number, 
/**
 * Invoices recorded before.
 */
known: number, review: Array<ReviewRow>, 
/**
 * Rows left out: void and red-letter invoices, totals.
 */
skipped: Array<SkippedRow>, preview: boolean, };

export type ScanView = { attachment_id: number, file_name: string, };

export type InvoiceColumns = { number: number | null, code: number | null, date: number | null, buyer: number | null, tax_id: number | null, net: number | null, tax: number | null, total: number | null, kind: number | null, status: number | null, rate: number | null, };
