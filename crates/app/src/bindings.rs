//! The TypeScript declarations of every type that crosses to the desktop UI, generated
//! from the Rust types. `ui/src/api/bindings.ts` is this text, committed; a test fails
//! when it is stale (`UPDATE_BINDINGS=1 cargo test -p huikuan-app --test bindings` rewrites it).

use ts_rs::{Config, TS};

use crate::backups::{BackupFile, BackupSchedule, RestoreDone};
use crate::bank::{
    AllocationView, BankLineView, SheetRow, StatementColumns, StatementImport, StatementSheet, SuggestionView,
};
use crate::collections::{
    CheckedWeek, ContactLogForm, CustomerCollection, Forecast, ForecastCheck, ForecastWeek, InstalmentForm,
    InstalmentView, PlanForm, PlanView, PlaybookEntry, PromiseForm, PromiseView, WorkItem, WorkReason,
};
use crate::company::CompanyImages;
use crate::credit::{
    ApprovedAssessment, AssessmentForm, AssessmentPreview, CreditCheck, CreditOverride, CustomerCredit, DueReview,
};
use crate::customers::{Attachment, AttachmentForm, CustomerChoice, CustomerDetail, CustomerSummary, NewAttachment};
use crate::documents::{
    Check, CustomerPapers, PaperStatus, PaperView, SendForm, SignForm, SignatureView, Verification,
};
use crate::evidence::{EvidenceBuilt, EvidenceRequest, Manifest, ManifestDocument, ManifestReceivable};
use crate::forms::{
    AllocationForm, ContactForm, CustomerForm, DeliveryForm, DeliveryPreview, LineForm, LinePreview, PaymentForm,
    PaymentPreview,
};
use crate::import::{ImportSummary, SkippedRow};
use crate::interest::{Claim, ClaimRequest, InterestSpan, InterestTerms, ItemInterest, LprRate};
use crate::invoices::{
    CoverForm, CoverView, InvoiceForm, InvoiceImport, InvoicePreview, InvoiceView, InvoicingReport, InvoicingRow,
    ReachForm, ReachedView, ReviewRow, RoomLine, ScanView,
};
use crate::ledger::WriteOffForm;
use crate::ledger::{AppliedAmount, OpenItem, PaymentReceipt};
use crate::letters::{
    LastLetter, LetterAnswerForm, LetterChoice, LetterDue, LetterItemView, LetterProgress, LetterView,
};
use crate::reports::{
    AgingBySalesperson, AgingDetail, AgingItem, CollectionPerformance, MonthPerformance, ProvisionLine, ProvisionRate,
    ProvisionReport, ReportRequest, SalespersonAging, WriteOffLine, WriteOffReport,
};
use crate::reports::{
    AgingCustomer, AgingReport, AgingTotals, BucketFigure, CustomerLedger, Dashboard, Debtor, LedgerLine, LedgerPage,
};
use crate::reports::{LimitationReport, LimitationRow};
use crate::shared_books::{ConnectionTest, ServerForm, SharedOpened, SharedServer, TestOutcome};
use crate::sheets::{
    CellReading, ColumnChoice, ImportForm, ImportKind, ImportPreview, Mapping, PreviewRow, RowReading, SheetFormat,
};
use crate::statements::{
    DisputeForm, IssuedStatement, MonthEndCandidate, MonthEndCounts, MonthEndOverview, MonthEndProgress,
    MonthEndSummary, StatementStatus, StatementSummary, StatementView,
};
use crate::workspace::{BackupDone, Preferences, RealBooksStarted, WorkspaceStatus};
use crate::{
    BusinessFacts, Company, Contact, ContactFields, Customer, CustomerFields, DeliveryLine, DeliveryNote, Entry,
    ErrorView, FieldMessage, RowError,
};
use huikuan_domain::bank::ColumnMap;
use huikuan_domain::behaviour::{Behaviour, MonthBehaviour};
use huikuan_domain::collection::{
    ContactChannel, ContactOutcome, Keeping, NonPaymentReason, PaymentStage, PriorityWeights,
};
use huikuan_domain::credit::{
    Assessment, CreditBlock, CreditPolicy, DeliveryExposure, Factor, FactorScore, FactorWeight, Grade, GradeRule,
    Reason, Scorecard, Signal,
};
use huikuan_domain::dunning::{DunningPolicy, Suggestion};
use huikuan_domain::invoice::InvoiceColumns;
use huikuan_domain::letter_template::{LetterTemplates, LetterWording, Placeholder, TemplateProblem};
use huikuan_domain::limitation::{Restart, RestartKind};
use huikuan_domain::{
    BusinessScale, CollectionDays, ContactRole, CustomerKind, CustomerStatus, DocLanguage, EntryKind, Importance,
    Money, PaperKind, PaymentMethod, PaymentTerms, Period, Premises, Receivable, Side, SignMethod,
};
use huikuan_store::tables::collection::{ContactLog, PromiseRecord, StageRecord};
use huikuan_store::tables::company::PaperChoices;
use huikuan_store::tables::letters::LetterAnswer;
use huikuan_store::tables::sendings::Sending;
use huikuan_store::tables::statements::Outcome;

macro_rules! declarations {
    ($config:expr, $($ty:ty),+ $(,)?) => {
        vec![$(format!("export {}", <$ty as TS>::decl($config))),+]
    };
}

pub fn typescript() -> String {
    // Ids are SQLite rowids: far below 2^53, so plain numbers in JavaScript.
    let config = Config::new().with_large_int("number");
    let mut out = String::from(
        "// Generated from the Rust types by crates/app/src/bindings.rs. Do not edit:\n\
         // run `UPDATE_BINDINGS=1 cargo test -p huikuan-app --test bindings`.\n\n",
    );
    let parts = declarations!(
        &config,
        Money,
        PaymentTerms,
        CustomerKind,
        CustomerStatus,
        Importance,
        ContactRole,
        DocLanguage,
        EntryKind,
        Side,
        PaymentMethod,
        Receivable,
        Company,
        PaperChoices,
        ContactFields,
        Contact,
        CustomerFields,
        Customer,
        DeliveryLine,
        DeliveryNote,
        Entry,
        RowError,
        FieldMessage,
        ErrorView,
        CustomerChoice,
        CustomerSummary,
        CustomerDetail,
        OpenItem,
        AppliedAmount,
        PaymentReceipt,
        AgingReport,
        AgingCustomer,
        AgingTotals,
        AgingItem,
        AgingDetail,
        SalespersonAging,
        AgingBySalesperson,
        MonthPerformance,
        CollectionPerformance,
        ProvisionRate,
        ProvisionLine,
        ProvisionReport,
        WriteOffLine,
        WriteOffReport,
        WriteOffForm,
        ReportRequest,
        SheetFormat,
        ImportKind,
        ColumnChoice,
        Mapping,
        ImportForm,
        PreviewRow,
        CellReading,
        RowReading,
        ImportPreview,
        ImportSummary,
        SkippedRow,
        EvidenceRequest,
        ManifestDocument,
        ManifestReceivable,
        Manifest,
        EvidenceBuilt,
        InterestTerms,
        LprRate,
        InterestSpan,
        ItemInterest,
        Claim,
        ClaimRequest,
        CustomerLedger,
        LedgerLine,
        LedgerPage,
        Dashboard,
        BucketFigure,
        Debtor,
        CustomerForm,
        ContactForm,
        DeliveryForm,
        LineForm,
        DeliveryPreview,
        LinePreview,
        PaymentForm,
        AllocationForm,
        PaymentPreview,
        Preferences,
        WorkspaceStatus,
        RealBooksStarted,
        SharedServer,
        ServerForm,
        TestOutcome,
        ConnectionTest,
        SharedOpened,
        BackupDone,
        BackupSchedule,
        BackupFile,
        RestoreDone,
        BusinessScale,
        Premises,
        CollectionDays,
        BusinessFacts,
        Grade,
        Factor,
        Signal,
        FactorScore,
        Scorecard,
        Reason,
        Assessment,
        Behaviour,
        MonthBehaviour,
        CreditPolicy,
        FactorWeight,
        GradeRule,
        DeliveryExposure,
        CreditBlock,
        CreditCheck,
        AssessmentForm,
        AssessmentPreview,
        ApprovedAssessment,
        CreditOverride,
        CustomerCredit,
        DueReview,
        NewAttachment,
        Attachment,
        AttachmentForm,
        PaperKind,
        SignMethod,
        PaperStatus,
        SignatureView,
        PaperView,
        CustomerPapers,
        SignForm,
        Check,
        Verification,
        CompanyImages,
        SendForm,
        Sending,
        Period,
        StatementStatus,
        StatementSummary,
        Outcome,
        StatementView,
        DisputeForm,
        MonthEndCandidate,
        MonthEndProgress,
        IssuedStatement,
        MonthEndSummary,
        MonthEndCounts,
        MonthEndOverview,
        Placeholder,
        LetterWording,
        LetterTemplates,
        TemplateProblem,
        DunningPolicy,
        Suggestion,
        LetterItemView,
        LetterView,
        LastLetter,
        LetterDue,
        LetterProgress,
        LetterChoice,
        LetterAnswer,
        LetterAnswerForm,
        RestartKind,
        Restart,
        LimitationRow,
        LimitationReport,
        ContactChannel,
        ContactOutcome,
        NonPaymentReason,
        PaymentStage,
        Keeping,
        PriorityWeights,
        ContactLog,
        StageRecord,
        PromiseRecord,
        ContactLogForm,
        PromiseForm,
        InstalmentForm,
        PlanForm,
        PromiseView,
        InstalmentView,
        PlanView,
        CustomerCollection,
        WorkReason,
        WorkItem,
        ForecastWeek,
        CheckedWeek,
        ForecastCheck,
        Forecast,
        PlaybookEntry,
        StatementImport,
        AllocationView,
        SuggestionView,
        BankLineView,
        ColumnMap,
        StatementColumns,
        SheetRow,
        StatementSheet,
        InvoiceForm,
        CoverForm,
        ReachForm,
        CoverView,
        ReachedView,
        InvoiceView,
        RoomLine,
        InvoicePreview,
        InvoicingRow,
        InvoicingReport,
        ReviewRow,
        InvoiceImport,
        ScanView,
        InvoiceColumns,
    );
    out.push_str(&parts.join("\n\n"));
    out.push('\n');
    out
}
