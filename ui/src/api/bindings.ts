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

export type Company = { legal_name: string, address: string, tax_id: string, bank_name: string, bank_account: string, phone: string, signatory: string, currency: string, doc_language: DocLanguage, };

export type ContactFields = { name: string, role: ContactRole, phone: string, wechat: string, email: string, notes: string, };

export type Contact = { id: number, customer_id: number, name: string, role: ContactRole, phone: string, wechat: string, email: string, notes: string, };

export type CustomerFields = { code: string, name: string, kind: CustomerKind, phone: string, address: string, tax_id: string, salesperson: string, payment_terms: PaymentTerms, statement_day: number | null, credit_limit: Money, status: CustomerStatus, importance: Importance, tags: string, notes: string, doc_language: DocLanguage, };

export type Customer = { id: number, created_at: string, updated_at: string, code: string, name: string, kind: CustomerKind, phone: string, address: string, tax_id: string, salesperson: string, payment_terms: PaymentTerms, statement_day: number | null, credit_limit: Money, status: CustomerStatus, importance: Importance, tags: string, notes: string, doc_language: DocLanguage, };

export type DeliveryLine = { item: string, spec: string, unit: string, quantity: string, unit_price: string, amount: Money, };

export type DeliveryNote = { id: number, customer_id: number, status: string, number: string | null, doc_date: string, due_date: string, total: Money, contact_name: string, address: string, memo: string, entry_id: number | null, lines: Array<DeliveryLine>, };

export type Entry = { id: number, customer_id: number, kind: EntryKind, side: Side, number: string, doc_date: string, due_date: string | null, amount: Money, method: PaymentMethod | null, reference: string, memo: string, corrects_entry_id: number | null, created_at: string, operator: string, };

export type RowError = { line: number, reason: string, };

export type ErrorView = { code: string, message: string, field: string | null, rows: Array<RowError>, };

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

export type CustomerLedger = { code: string, name: string, as_of: string | null, entries: Array<LedgerLine>, balance: Money, };

export type LedgerLine = { id: number, date: string, kind: EntryKind, number: string, due_date: string | null, description: string, method: PaymentMethod | null, reference: string, debit: Money, credit: Money, balance: Money, 
/**
 * For receivables: what is still open of it at the ledger's date.
 */
open: Money | null, 
/**
 * The number of the entry this one corrects (credit notes, write-offs).
 */
corrects: string | null, };

export type Dashboard = { as_of: string, 
/**
 * The sum of open receivables; customers' credit is shown apart, not netted.
 */
total_receivable: Money, overdue: Money, 
/**
 * Money customers paid in advance or overpaid.
 */
credit: Money, customers_owing: number, customers_overdue: number, buckets: Array<BucketFigure>, top_debtors: Array<Debtor>, };

export type BucketFigure = { label: string, amount: Money, };

export type Debtor = { code: string, name: string, balance: Money, overdue: Money, };

export type CustomerForm = { code: string, name: string, kind: CustomerKind | null, phone: string, address: string, tax_id: string, salesperson: string, payment_terms: string, statement_day: string, credit_limit: string, status: CustomerStatus | null, importance: Importance | null, tags: string, notes: string, doc_language: DocLanguage | null, contacts: Array<ContactForm>, };

export type ContactForm = { 
/**
 * Set for a contact already stored; None for one added in this form.
 */
id: number | null, name: string, role: ContactRole | null, phone: string, wechat: string, email: string, notes: string, };

export type DeliveryForm = { customer_code: string, date: string, 
/**
 * Blank: from the customer's payment terms.
 */
due_date: string, contact_name: string, address: string, memo: string, lines: Array<LineForm>, };

export type LineForm = { item: string, spec: string, unit: string, quantity: string, unit_price: string, };

export type DeliveryPreview = { lines: Array<LinePreview>, total: Money, terms: PaymentTerms | null, due_date: string | null, };

export type LinePreview = { amount: Money | null, };

export type PaymentForm = { customer_code: string, date: string, amount: string, method: PaymentMethod | null, reference: string, memo: string, allocations: Array<AllocationForm>, };

export type AllocationForm = { receivable: string, amount: string, };

export type PaymentPreview = { open_items: Array<OpenItem>, open_total: Money, applied: Array<AppliedAmount>, unapplied: Money, };

export type Preferences = { language: DocLanguage, };

export type WorkspaceStatus = { 
/**
 * False until books exist: the UI shows the welcome screen.
 */
opened: boolean, db_path: string, backups_dir: string, language: DocLanguage, 
/**
 * The business date: forms start on it.
 */
today: string, };

export type BackupDone = { path: string, };
