use chrono::NaiveDate;
use huikuan_domain::interest::Claim;
use huikuan_domain::Money;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Names the manifest's layout, so a later program can read an older pack.
pub const MANIFEST_FORMAT: &str = "huikuan-evidence-pack/1";

/// One file of the pack.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ManifestDocument {
    /// Path inside the pack, with forward slashes.
    pub file: String,
    /// delivery_note, statement, letter, plan, ledger, contact_log, promises or manifest.
    pub kind: String,
    /// A letter's level: 1 reminder (提醒函), 2 demand (催款函), 3 final notice (最后催告函).
    #[serde(default)]
    pub level: Option<u8>,
    pub number: String,
    pub date: NaiveDate,
    pub amount: Option<Money>,
    /// Who signed it (the customer, or who signed the letter's receipt), if anyone did.
    pub signer: Option<String>,
    pub signed_at: Option<String>,
    /// How it went out, for letters: "express SF1234 2026-05-02".
    pub sent: Vec<String>,
    /// A statement's answer: "confirmed 2026-12-03", "disputed 2026-12-03 …" or "none".
    #[serde(default)]
    pub answer: Option<String>,
    pub sha256: String,
    pub size_bytes: u64,
}

/// One receivable of the claim and where its limitation period stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ManifestReceivable {
    pub number: String,
    pub doc_date: NaiveDate,
    pub due_date: NaiveDate,
    pub open: Money,
    /// What last restarted the period, and when: "statement_confirmed 2026-03-31 ST-2026-000004".
    pub last_restart: Option<String>,
    pub limitation_ends: NaiveDate,
    pub days_left: i64,
    /// running, ending_soon (90 days or less) or expired.
    pub limitation_status: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Manifest {
    pub format: String,
    pub company: String,
    pub customer_code: String,
    pub customer_name: String,
    pub as_of: NaiveDate,
    /// When the pack was made (UTC, RFC 3339) and by whom.
    pub made_at: String,
    pub made_by: String,
    /// The receivables asked for; empty: the whole account.
    pub chosen: Vec<String>,
    pub open_total: Money,
    pub receivables: Vec<ManifestReceivable>,
    /// What is claimed: the overdue principal and its late-payment interest to `as_of`, on
    /// the customer's interest terms, with the basis in words.
    #[serde(default)]
    pub claim: Option<Claim>,
    pub documents: Vec<ManifestDocument>,
}
