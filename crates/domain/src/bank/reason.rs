//! Why a line is suggested as it is, said to the user in English and in Chinese.

use crate::money::Money;

/// One reason behind a suggestion: first what names the customer, then how the amount is
/// allocated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// The payer's account paid for this customer before (confirmed by the user).
    KnownAccount(String),
    /// The payer's name paid for this customer before (confirmed by the user).
    KnownPayer(String),
    /// The payer's name is the customer's name.
    PayerIsCustomer(String),
    /// The memo names one of the customer's documents.
    MemoNamesDocument(String),
    /// The memo holds the customer's code.
    MemoNamesCode(String),
    /// Another clue points to another customer (by code).
    OtherCustomer(String),
    /// The memo names these receivables.
    PaysNamed,
    /// The amount is exactly what is open on one receivable.
    ExactlyOne(String),
    /// Several receivables have exactly the amount open: the oldest is taken.
    OneOfSeveral(String),
    /// The amount is a statement's closing balance.
    StatementTotal(String),
    /// The amount is the customer's whole balance.
    WholeBalance,
    /// No receivable fits the amount: it settles the oldest first.
    OldestFirst,
    /// The amount is more than the customer owes: the rest stays as the customer's credit.
    MoreThanOwed(Money),
}

impl Reason {
    pub fn en(&self) -> String {
        match self {
            Reason::KnownAccount(a) => format!("account {a} paid for this customer before"),
            Reason::KnownPayer(p) => format!("{p} paid for this customer before"),
            Reason::PayerIsCustomer(p) => format!("the payer {p} is the customer's name"),
            Reason::MemoNamesDocument(n) => format!("the memo names {n}"),
            Reason::MemoNamesCode(c) => format!("the memo holds the customer code {c}"),
            Reason::OtherCustomer(c) => format!("another clue points to {c}"),
            Reason::PaysNamed => "allocated to the documents the memo names".into(),
            Reason::ExactlyOne(n) => format!("the amount is exactly what is open on {n}"),
            Reason::OneOfSeveral(n) => format!("several receivables have this amount open; {n} is the oldest"),
            Reason::StatementTotal(n) => format!("the amount is the total of statement {n}"),
            Reason::WholeBalance => "the amount is the customer's whole balance".into(),
            Reason::OldestFirst => "no receivable fits the amount: oldest first".into(),
            Reason::MoreThanOwed(m) => format!("{} more than is owed stays as the customer's credit", m.yuan()),
        }
    }

    pub fn zh(&self) -> String {
        match self {
            Reason::KnownAccount(a) => format!("账号 {a} 曾为该客户付款"),
            Reason::KnownPayer(p) => format!("{p} 曾为该客户付款"),
            Reason::PayerIsCustomer(p) => format!("付款人“{p}”就是客户名称"),
            Reason::MemoNamesDocument(n) => format!("附言写明了单据 {n}"),
            Reason::MemoNamesCode(c) => format!("附言含客户编号 {c}"),
            Reason::OtherCustomer(c) => format!("另有线索指向 {c}"),
            Reason::PaysNamed => "按附言所列单据核销".into(),
            Reason::ExactlyOne(n) => format!("金额正好等于 {n} 的未收金额"),
            Reason::OneOfSeveral(n) => format!("有多张单据未收金额相同，取最早的 {n}"),
            Reason::StatementTotal(n) => format!("金额等于对账单 {n} 的合计"),
            Reason::WholeBalance => "金额等于该客户全部欠款".into(),
            Reason::OldestFirst => "没有金额相符的单据：先还最早的".into(),
            Reason::MoreThanOwed(m) => format!("超出欠款的 {} 留作客户预收", m.yuan()),
        }
    }
}
