// The only place in the UI that talks to the backend. Every call is typed with the
// bindings generated from the Rust types; every failure is an ApiError with the backend's
// {code, message, field} (the message already in the user's language).
import { Channel, invoke } from "@tauri-apps/api/core";
import { serverGone } from "../lib/server_gone.svelte";
import type {
  ApprovedAssessment,
  AssessmentForm,
  AssessmentPreview,
  Attachment,
  AttachmentForm,
  BackupDone,
  RealBooksStarted,
  BackupFile,
  BackupSchedule,
  RestoreDone,
  CompanyImages,
  ContactLog,
  ContactLogForm,
  CustomerCollection,
  Forecast,
  PlanForm,
  PlanView,
  PlaybookEntry,
  PriorityWeights,
  PromiseForm,
  PromiseRecord,
  StageRecord,
  WorkItem,
  CreditPolicy,
  CustomerCredit,
  CustomerPapers,
  DisputeForm,
  DunningPolicy,
  LetterAnswerForm,
  LetterChoice,
  LetterDue,
  LetterProgress,
  LetterTemplates,
  LetterView,
  LimitationReport,
  TemplateProblem,
  MonthEndCandidate,
  MonthEndOverview,
  MonthEndProgress,
  MonthEndSummary,
  SendForm,
  Sending,
  StatementView,
  Company,
  Customer,
  CustomerChoice,
  CustomerDetail,
  CustomerForm,
  LedgerPage,
  CustomerSummary,
  Dashboard,
  DeliveryForm,
  DeliveryNote,
  DeliveryPreview,
  DocLanguage,
  ErrorView,
  PaymentForm,
  PaymentPreview,
  PaymentReceipt,
  PaperKind,
  PaperView,
  SignForm,
  Verification,
  WorkspaceStatus,
  ServerForm,
  ConnectionTest,
  SharedOpened,
  AgingReport,
  AgingDetail,
  AgingBySalesperson,
  CollectionPerformance,
  ProvisionReport,
  ProvisionRate,
  WriteOffReport,
  WriteOffForm,
  OpenItem,
  Entry,
  ReportRequest,
  SheetFormat,
  ImportForm,
  ImportPreview,
  ImportSummary,
  EvidenceRequest,
  EvidenceBuilt,
  Claim,
  ClaimRequest,
  InterestTerms,
  LprRate,
  AllocationForm,
  BankLineView,
  StatementImport,
  StatementColumns,
  StatementSheet,
  InvoiceForm,
  InvoicePreview,
  InvoiceView,
  InvoicingReport,
  InvoicingRow,
  InvoiceImport,
  InvoiceColumns,
  ReachForm,
  RoomLine,
} from "./bindings";

export type * from "./bindings";

/** A statement's layout, when the user says which (else it is recognised by its headings). */
export type StatementLayout = "icbc" | "cmb" | "ccb" | "wechat" | "alipay" | "generic";
/** What became of a statement line. */
export type BankLineStatus = BankLineView["status"];

export class ApiError extends Error {
  readonly code: string;
  readonly field: string | null;
  readonly rows: ErrorView["rows"];
  /** Every refused field of a form with what to say beside it. */
  readonly fields: ErrorView["fields"];

  constructor(view: ErrorView) {
    super(view.message);
    this.code = view.code;
    this.field = view.field;
    this.rows = view.rows;
    this.fields = view.fields ?? [];
  }
}

/** Turns whatever the IPC layer threw into an ApiError. */
export function toApiError(thrown: unknown): ApiError {
  if (thrown instanceof ApiError) return thrown;
  if (thrown && typeof thrown === "object" && "code" in thrown && "message" in thrown) {
    const view = thrown as Partial<ErrorView>;
    return new ApiError({
      code: String(view.code),
      message: String(view.message),
      field: view.field ?? null,
      rows: view.rows ?? [],
      fields: view.fields ?? [],
    });
  }
  return new ApiError({ code: "ipc", message: String(thrown), field: null, rows: [], fields: [] });
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (thrown) {
    const error = toApiError(thrown);
    // A server typed in the shared-books form that does not answer is that form's error,
    // not the open books' server gone.
    if (error.code === "server_gone" && !command.startsWith("shared_")) serverGone.shown = true;
    throw error;
  }
}

export const api = {
  workspaceStatus: () => call<WorkspaceStatus>("workspace_status"),
  workspaceStart: (demo: boolean) => call<WorkspaceStatus>("workspace_start", { demo }),
  /** Leaves the demo company: kept in a file of its own; empty books open. */
  startRealBooks: () => call<RealBooksStarted>("workspace_start_real_books"),
  /** A typed date (`2026/12/1`, `12月1日`) as the books read it: `2026-12-01`. */
  readDate: (text: string) => call<string>("read_date", { text }),
  /** A typed month (`2026/11`, `2026年11月`): `2026-11`. */
  readMonth: (text: string) => call<string>("read_month", { text }),
  /** The new-customer form filled with the credit policy's terms and limit. */
  newCustomerForm: () => call<CustomerForm>("customer_new_form"),
  setLanguage: (language: DocLanguage) => call<WorkspaceStatus>("set_language", { language }),
  backupNow: () => call<BackupDone>("backup_now"),
  backups: () => call<BackupFile[]>("backups_list"),
  backupSchedule: () => call<BackupSchedule>("backup_schedule"),
  setBackupSchedule: (schedule: BackupSchedule) => call<BackupSchedule>("backup_schedule_set", { schedule }),
  restoreBackup: (name: string) => call<RestoreDone>("backup_restore", { name }),
  /** Connects as the form says and tells plainly what is there; the open books stay. */
  testServer: (form: ServerForm) => call<ConnectionTest>("shared_test", { form }),
  /** Makes the server's shared books the workspace's books, remembered for the next start. */
  openShared: (form: ServerForm) => call<SharedOpened>("shared_open", { form }),
  /** The password asked at start (no keyring, or none kept). */
  unlockShared: (password: string) => call<SharedOpened>("shared_unlock", { password }),
  /** After the server went away: is it back? */
  retryShared: () => call<WorkspaceStatus>("shared_retry"),
  /** Back to the book file on this computer. */
  leaveShared: () => call<WorkspaceStatus>("shared_leave"),

  company: () => call<Company>("company_get"),
  saveCompany: (company: Company) => call<Company>("company_save", { company }),

  customers: (query: string) => call<CustomerSummary[]>("customers_list", { query }),
  customerChoices: () => call<CustomerChoice[]>("customer_choices"),
  customer: (code: string) => call<CustomerDetail>("customer_get", { code }),
  customerForm: (code: string) => call<CustomerForm>("customer_form", { code }),
  createCustomer: (form: CustomerForm) => call<Customer>("customer_create", { form }),
  updateCustomer: (code: string, form: CustomerForm) => call<Customer>("customer_update", { code, form }),

  previewDelivery: (form: DeliveryForm) => call<DeliveryPreview>("delivery_preview", { form }),
  createDelivery: (form: DeliveryForm) => call<DeliveryNote>("delivery_create", { form }),
  previewPayment: (form: PaymentForm) => call<PaymentPreview>("payment_preview", { form }),
  recordPayment: (form: PaymentForm) => call<PaymentReceipt>("payment_record", { form }),

  attachments: (code: string) => call<Attachment[]>("attachments_list", { code }),
  attach: (form: AttachmentForm) => call<Attachment>("attachment_add", { form }),

  customerCredit: (code: string) => call<CustomerCredit>("customer_credit", { code }),
  previewAssessment: (form: AssessmentForm) => call<AssessmentPreview>("assessment_preview", { form }),
  approveAssessment: (form: AssessmentForm) => call<ApprovedAssessment>("assessment_approve", { form }),
  creditPolicy: () => call<CreditPolicy>("credit_policy_get"),
  saveCreditPolicy: (policy: CreditPolicy) => call<CreditPolicy>("credit_policy_save", { policy }),

  customerPapers: (code: string) => call<CustomerPapers>("customer_papers", { code }),
  // `kind`, when known, tells apart a number two papers share (an imported note's).
  paper: (number: string, kind?: PaperKind) => call<PaperView>("paper_get", { number, kind }),
  /** The exact stored bytes of the issued (or signed) PDF. */
  paperPdf: (number: string, signed: boolean, kind?: PaperKind) =>
    call<ArrayBuffer>("paper_pdf", { number, kind, signed }),
  signPaper: (form: SignForm) => call<PaperView>("paper_sign", { form }),
  verifyPaper: (number: string, kind?: PaperKind) => call<Verification>("paper_verify", { number, kind }),
  /** Opens the PDF in the system's viewer (to print); returns the file it wrote. */
  openPaper: (number: string, signed: boolean, kind?: PaperKind) =>
    call<string>("paper_open", { number, kind, signed }),
  /** Asks where to save a copy; null when the user cancels. */
  savePaper: (number: string, signed: boolean, kind?: PaperKind) =>
    call<string | null>("paper_save", { number, kind, signed }),
  companyImages: () => call<CompanyImages>("company_images"),
  setCompanyImage: (which: "logo" | "stamp", pngBase64: string | null) =>
    call<CompanyImages>("company_image_set", { which, pngBase64 }),

  monthEnd: (period: string) => call<MonthEndOverview>("month_end", { period }),
  monthEndCandidates: (period: string) => call<MonthEndCandidate[]>("month_end_candidates", { period }),
  /** The system's folder dialog; null when cancelled. The folder stays in the backend. */
  monthEndChooseFolder: () => call<string | null>("month_end_choose_folder"),
  monthEndRun: (period: string, codes: string[], merged: boolean, onProgress: (p: MonthEndProgress) => void) => {
    const channel = new Channel<MonthEndProgress>();
    channel.onmessage = onProgress;
    return call<MonthEndSummary>("month_end_run", { period, codes, merged, onProgress: channel });
  },
  monthEndCancel: () => call<void>("month_end_cancel"),
  monthEndOpenFolder: (period: string) => call<string>("month_end_open_folder", { period }),
  statement: (number: string) => call<StatementView>("statement_get", { number }),
  issueStatement: (code: string, period: string, correct: boolean) =>
    call<StatementView>("statement_issue", { code, period, correct }),
  confirmStatement: (form: SignForm) => call<StatementView>("statement_confirm", { form }),
  disputeStatement: (form: DisputeForm) => call<StatementView>("statement_dispute", { form }),
  sendPaper: (form: SendForm) => call<Sending[]>("paper_send", { form }),

  lettersDue: () => call<LetterDue[]>("letters_due"),
  issueLetter: (code: string, level: number, date: string, skipReason = "") =>
    call<LetterView>("letter_issue", { choice: { code, level, skip_reason: skipReason }, date }),
  /** The chosen letter as it would be issued, unnumbered and marked as a draft (PDF bytes). */
  previewLetter: (choice: LetterChoice, date: string) => call<ArrayBuffer>("letter_preview", { choice, date }),
  issueLetters: (letters: LetterChoice[], date: string, onProgress: (p: LetterProgress) => void) => {
    const channel = new Channel<LetterProgress>();
    channel.onmessage = onProgress;
    return call<LetterView[]>("letters_issue", { letters, date, onProgress: channel });
  },
  letter: (number: string) => call<LetterView>("letter_get", { number }),
  /** The letter's signed receipt with the box the customer ticked (无异议 / 有异议). */
  answerLetter: (form: LetterAnswerForm) => call<LetterView>("letter_answer", { form }),
  letterTemplates: () => call<LetterTemplates>("letter_templates"),
  checkLetterTemplates: (templates: LetterTemplates) => call<TemplateProblem[]>("letter_templates_check", { templates }),
  saveLetterTemplates: (templates: LetterTemplates) => call<LetterTemplates>("letter_templates_save", { templates }),
  dunningPolicy: () => call<DunningPolicy>("dunning_policy_get"),
  saveDunningPolicy: (policy: DunningPolicy) => call<DunningPolicy>("dunning_policy_save", { policy }),
  customerLimitation: (code: string) => call<LimitationReport>("customer_limitation", { code }),

  worklist: () => call<WorkItem[]>("worklist"),
  customerCollection: (code: string) => call<CustomerCollection>("customer_collection", { code }),
  logContact: (form: ContactLogForm) => call<ContactLog>("contact_log", { form }),
  addPromise: (form: PromiseForm) => call<PromiseRecord>("promise_add", { form }),
  createPlan: (form: PlanForm) => call<PlanView>("plan_create", { form }),
  plan: (number: string) => call<PlanView>("plan_get", { number }),
  setPaymentStage: (code: string, stage: string, person: string, note: string) =>
    call<StageRecord>("payment_stage_set", { code, stage, person, note }),
  playbook: () => call<PlaybookEntry[]>("playbook_get"),
  savePlaybook: (entries: PlaybookEntry[]) => call<PlaybookEntry[]>("playbook_save", { entries }),
  priorityWeights: () => call<PriorityWeights>("priority_weights_get"),
  savePriorityWeights: (weights: PriorityWeights) => call<PriorityWeights>("priority_weights_save", { weights }),
  forecast: () => call<Forecast>("forecast"),

  dashboard: () => call<Dashboard>("dashboard"),

  agingReport: (asOf: string, byDocumentDate: boolean) =>
    call<AgingReport>("aging_report", { asOf, byDocumentDate }),
  agingDetail: (asOf: string, byDocumentDate: boolean) =>
    call<AgingDetail>("aging_detail", { asOf, byDocumentDate }),
  agingBySalesperson: (asOf: string, byDocumentDate: boolean) =>
    call<AgingBySalesperson>("aging_by_salesperson", { asOf, byDocumentDate }),
  collectionPerformance: (asOf: string, months: number) =>
    call<CollectionPerformance>("collection_performance", { asOf, months }),
  provisionReport: (asOf: string) => call<ProvisionReport>("provision_report", { asOf }),
  provisionRates: () => call<ProvisionRate[]>("provision_rates_get"),
  saveProvisionRates: (rates: ProvisionRate[]) => call<ProvisionRate[]>("provision_rates_save", { rates }),
  writeOffsReport: (from: string, to: string) => call<WriteOffReport>("write_offs_report", { from, to }),
  openItems: (code: string) => call<OpenItem[]>("open_items", { code }),
  writeOff: (form: WriteOffForm) => call<Entry[]>("write_off_create", { form }),
  /** Writes the report into the exports folder beside the books; returns the file. */
  exportReport: (request: ReportRequest, format: SheetFormat) => call<string>("report_export", { request, format }),
  openExports: () => call<void>("exports_open"),
  previewImport: (form: ImportForm) => call<ImportPreview>("import_preview", { form }),
  confirmImport: (form: ImportForm) => call<ImportSummary>("import_confirm", { form }),
  buildEvidence: (request: EvidenceRequest) => call<EvidenceBuilt>("evidence_build", { request }),
  interestTerms: (code: string) => call<InterestTerms>("interest_terms_get", { code }),
  saveInterestTerms: (code: string, terms: InterestTerms) => call<InterestTerms>("interest_terms_save", { code, terms }),
  interestClaim: (request: ClaimRequest) => call<Claim>("interest_claim", { request }),
  lprRates: () => call<LprRate[]>("lpr_rates_get"),
  saveLprRates: (rates: LprRate[]) => call<LprRate[]>("lpr_rates_save", { rates }),
  /** Reads a statement file (base64): with `preview`, only counts what it holds; else keeps its new lines. */
  bankImport: (
    fileName: string,
    contentBase64: string,
    layout: StatementLayout | null,
    columns: StatementColumns | null,
    preview: boolean,
  ) => call<StatementImport>("bank_import", { fileName, contentBase64, layout, columns, preview }),
  /** A statement file no layout reads: its first rows, the heading row (this one, when given) and the columns proposed or remembered. */
  bankSheet: (contentBase64: string, headingRow: number | null) =>
    call<StatementSheet>("bank_sheet", { contentBase64, headingRow }),
  /** A customer's VAT invoices, in the order issued. */
  invoices: (code: string) => call<InvoiceView[]>("invoices_list", { code }),
  /** The customer's receivables with what is left to invoice on each. */
  invoiceRoom: (code: string) => call<RoomLine[]>("invoice_room", { code }),
  /** The invoice form checked as typed, nothing written. */
  previewInvoice: (form: InvoiceForm) => call<InvoicePreview>("invoice_preview", { form }),
  addInvoice: (form: InvoiceForm) => call<InvoiceView>("invoice_add", { form }),
  invoiceReached: (form: ReachForm) => call<InvoiceView>("invoice_reached", { form }),
  /** Attaches a scan or photo (base64) to an invoice: it goes into the evidence pack. */
  invoiceScan: (code: string, number: string, fileName: string, contentBase64: string) =>
    call<InvoiceView>("invoice_scan", { code, number, fileName, contentBase64 }),
  invoicingReport: (asOf: string) => call<InvoicingReport>("invoicing_report", { asOf }),
  customerInvoicing: (code: string) => call<InvoicingRow>("customer_invoicing", { code }),
  /** An invoice list from the tax platform (base64): with `preview`, what it would record. */
  importInvoices: (contentBase64: string, preview: boolean, headingRow: number | null = null, columns: InvoiceColumns | null = null) =>
    call<InvoiceImport>("invoices_import", { contentBase64, preview, headingRow, columns }),
  /** The statement lines with this status (all when null), each open one with its suggestion. */
  bankLines: (status: BankLineStatus | null) => call<BankLineView[]>("bank_lines", { status }),
  /** Records the line as a payment: of `customer` (else the suggested one), allocated as given (else as suggested). */
  bankAccept: (id: number, customer: string | null, allocations: AllocationForm[] | null) =>
    call<PaymentReceipt>("bank_accept", { id, customer, allocations }),
  /** Marks the line as not a customer's payment, for the reason given (required). */
  bankIgnore: (id: number, reason: string) => call<void>("bank_ignore", { id, reason }),
  /** `limit` lines of the ledger, skipping the `offset` newest (the newest page first). */
  ledgerPage: (code: string, offset: number, limit: number) =>
    call<LedgerPage>("customer_ledger_page", { code, offset, limit }),
};
