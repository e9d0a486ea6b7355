//! The papers a pack prints of the account itself: the contact log and the promises to pay,
//! in the company's document language.

use chrono::{DateTime, FixedOffset, NaiveDate};
use huikuan_docs::{listing_pdf, Align, Letterhead, ListingColumn, ListingDoc};
use huikuan_domain::collection::Keeping;
use huikuan_domain::DocLanguage;
use huikuan_store::tables::collection;
use huikuan_store::Transaction;

use crate::collections::keeping::standing;
use crate::error::AppError;
use crate::Customer;

pub(crate) struct Say(pub DocLanguage);

impl Say {
    pub fn t(&self, zh: &str, en: &str) -> String {
        if self.0 == DocLanguage::Zh {
            zh.into()
        } else {
            en.into()
        }
    }
}

pub(crate) fn col(title: String, weight: f32, align: Align) -> ListingColumn {
    ListingColumn { title, weight, align }
}

/// A contact log's closed words (channel, outcome, reason) as a reader of the paper says them.
fn log_words(code: &str, say: &Say) -> String {
    let (zh, en) = match code {
        "phone" => ("电话", "phone"),
        "visit" => ("上门拜访", "visit"),
        "wechat" => ("微信", "WeChat"),
        "sms" => ("短信", "SMS"),
        "email" => ("邮件", "email"),
        "letter" => ("函件", "letter"),
        "meeting" => ("会面", "meeting"),
        "reached" => ("已联系上", "reached"),
        "promised" => ("承诺付款", "promised to pay"),
        "no_answer" => ("未接通", "no answer"),
        "refused" => ("拒绝付款", "refused to pay"),
        "paid" => ("称已付款", "says it paid"),
        "bargaining" => ("借欠款压价", "bargaining"),
        "cash_tight" => ("资金紧张", "cash is tight"),
        "complaint" => ("投诉或纠纷未解决", "unresolved complaint"),
        "big_customer" => ("大客户压款", "big customer holding back"),
        "low_priority" => ("我方产品对其不重要", "we are low priority"),
        "no_intention" => ("无意付款", "no intention to pay"),
        "internal_process" => ("内部付款流程中", "in its payment process"),
        "other" => ("其他", "other"),
        other => (other, other),
    };
    say.t(zh, en)
}

fn keeping_words(k: Keeping, say: &Say) -> String {
    match k {
        Keeping::Open => say.t("未到期", "open"),
        Keeping::Kept => say.t("已兑现", "kept"),
        Keeping::PartlyKept => say.t("部分兑现", "partly kept"),
        Keeping::Broken => say.t("未兑现", "broken"),
    }
}

/// Whose papers, under which letterhead, in which language, as of when.
pub(crate) struct Account<'a> {
    pub customer: &'a Customer,
    pub head: &'a Letterhead,
    pub say: &'a Say,
    pub as_of: NaiveDate,
    /// The owner's time zone: a contact is printed at the hour it was on the clock there.
    pub offset: FixedOffset,
}

/// A listing of the customer's account under the letterhead.
pub(crate) fn account_listing(
    account: &Account,
    title: String,
    name: &str,
    columns: Vec<ListingColumn>,
    rows: Vec<Vec<String>>,
    note: String,
) -> Result<Vec<u8>, AppError> {
    let (customer, as_of) = (account.customer, account.as_of);
    let doc = ListingDoc {
        letterhead: account.head.clone(),
        language: account.say.0,
        title,
        subtitle: vec![format!("{} ({}) · {}", customer.fields.name, customer.fields.code, as_of)],
        id: format!("{name}-{}-{as_of}", customer.fields.code),
        date: as_of,
        columns,
        rows,
        footer_rows: Vec::new(),
        more: Vec::new(),
        notes: vec![note],
    };
    Ok(listing_pdf(&doc)?)
}

/// Every contact with the customer, oldest first; none: no paper (an empty exhibit proves
/// nothing and reads as if something were missing).
pub(crate) fn contact_log_pdf(tx: &Transaction, account: &Account) -> Result<Option<Vec<u8>>, AppError> {
    let (customer, say) = (account.customer, account.say);
    let mut logs = collection::logs_of(tx, customer.id, u32::MAX)?;
    if logs.is_empty() {
        return Ok(None);
    }
    logs.reverse();
    let note = say.t(&format!("共 {} 条记录。", logs.len()), &format!("{} entries.", logs.len()));
    let rows = logs
        .iter()
        .map(|l| {
            let said: Vec<&str> =
                [l.note.as_str(), l.next_action.as_str()].into_iter().filter(|s| !s.is_empty()).collect();
            vec![
                DateTime::parse_from_rfc3339(&l.at)
                    .map(|at| at.with_timezone(&account.offset).format("%Y-%m-%d %H:%M").to_string())
                    .unwrap_or_else(|_| l.at.clone()),
                log_words(&l.channel, say),
                l.contact_name.clone(),
                log_words(&l.outcome, say),
                l.reason.as_deref().map(|r| log_words(r, say)).unwrap_or_default(),
                said.join(" / "),
                l.operator.clone(),
            ]
        })
        .collect();
    let columns = vec![
        col(say.t("时间", "When"), 1.3, Align::Left),
        col(say.t("方式", "Channel"), 0.8, Align::Left),
        col(say.t("联系人", "With"), 1.0, Align::Left),
        col(say.t("结果", "Outcome"), 0.9, Align::Left),
        col(say.t("原因", "Reason"), 1.0, Align::Left),
        col(say.t("记录", "Note"), 2.5, Align::Left),
        col(say.t("经办人", "By"), 0.8, Align::Left),
    ];
    account_listing(account, say.t("催收联系记录", "Contact log"), "contact-log", columns, rows, note).map(Some)
}

/// Every promise to pay the customer made, and whether the payments kept it; none: no paper.
pub(crate) fn promises_pdf(tx: &Transaction, account: &Account) -> Result<Option<Vec<u8>>, AppError> {
    let (customer, say) = (account.customer, account.say);
    let (promises, _) = standing(tx, customer.id, &customer.fields.code, account.as_of)?;
    if promises.is_empty() {
        return Ok(None);
    }
    let note = say.t(&format!("共 {} 个承诺。", promises.len()), &format!("{} promises.", promises.len()));
    let rows = promises
        .iter()
        .map(|p| {
            vec![
                p.made_on.to_string(),
                p.promised_by.clone(),
                p.promised_date.to_string(),
                p.amount.yuan(),
                p.paid.yuan(),
                keeping_words(p.keeping, say),
            ]
        })
        .collect();
    let columns = vec![
        col(say.t("承诺日", "Made on"), 1.0, Align::Left),
        col(say.t("承诺人", "By"), 1.0, Align::Left),
        col(say.t("承诺付款日", "Pay by"), 1.0, Align::Left),
        col(say.t("金额", "Amount"), 1.0, Align::Right),
        col(say.t("已付", "Paid"), 1.0, Align::Right),
        col(say.t("结果", "Kept?"), 1.0, Align::Left),
    ];
    account_listing(account, say.t("付款承诺", "Promises to pay"), "promises", columns, rows, note).map(Some)
}

/// The customer's ledger (客户往来明细账) as of the pack's date: every entry, oldest first,
/// with the running balance, so that a court sees how each open amount arose.
pub(crate) fn ledger_pdf(account: &Account, ledger: &crate::reports::CustomerLedger) -> Result<Vec<u8>, AppError> {
    let say = account.say;
    let rows = ledger
        .entries
        .iter()
        .map(|l| {
            let amount = |m: huikuan_domain::Money| if m.is_zero() { String::new() } else { m.yuan() };
            vec![
                l.date.to_string(),
                l.kind.words(say.0).to_string(),
                l.number.clone(),
                l.due_date.map(|d| d.to_string()).unwrap_or_default(),
                l.description.clone(),
                amount(l.debit),
                amount(l.credit),
                l.balance.yuan(),
            ]
        })
        .collect();
    let columns = vec![
        col(say.t("日期", "Date"), 1.0, Align::Left),
        col(say.t("类别", "Entry"), 0.8, Align::Left),
        col(say.t("单号", "Number"), 1.3, Align::Left),
        col(say.t("到期日", "Due"), 1.0, Align::Left),
        col(say.t("摘要", "Description"), 2.2, Align::Left),
        col(say.t("借方（应收）", "Debit"), 1.1, Align::Right),
        col(say.t("贷方（已收）", "Credit"), 1.1, Align::Right),
        col(say.t("余额", "Balance"), 1.2, Align::Right),
    ];
    let note = say.t(
        &format!("共 {} 笔，截至 {} 余额 {}。", ledger.entries.len(), account.as_of, ledger.balance.yuan()),
        &format!("{} entries; balance {} as of {}.", ledger.entries.len(), ledger.balance.yuan(), account.as_of),
    );
    account_listing(account, say.t("客户往来明细账", "Customer ledger"), "ledger", columns, rows, note)
}
