//! The entries of a customer's account as the rules see them: receivables (debits),
//! credits, and the explicit allocations that tie a credit to a receivable.

use chrono::NaiveDate;
use serde::Serialize;

use crate::money::Money;
use crate::word_enum;

word_enum!(
    /// What a ledger entry is. Debits: delivery, opening, charge. Credits: payment,
    /// credit note, write-off (and an opening balance that the customer had in credit).
    EntryKind, "entry kind", {
        Delivery => "delivery",
        Opening => "opening",
        Charge => "charge",
        Payment => "payment",
        CreditNote => "credit_note",
        WriteOff => "write_off",
    }
);

word_enum!(
    Side, "side", {
        Debit => "debit",
        Credit => "credit",
    }
);

word_enum!(
    PaymentMethod, "method", {
        Cash => "cash",
        Bank => "bank",
        Alipay => "alipay",
        Wechat => "wechat",
        Cheque => "cheque",
        AcceptanceBill => "acceptance_bill",
        Other => "other",
    }
);

pub type ReceivableKind = EntryKind;
pub type CreditKind = EntryKind;

/// Something the customer owes: an issued delivery note, an opening balance, a charge.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Receivable {
    pub id: i64,
    pub kind: ReceivableKind,
    pub number: String,
    pub doc_date: NaiveDate,
    pub due_date: NaiveDate,
    /// Always positive.
    pub amount: Money,
}

/// Something that reduces what the customer owes: a payment, a credit note, a write-off.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Credit {
    pub id: i64,
    pub kind: CreditKind,
    pub number: String,
    pub date: NaiveDate,
    /// Always positive.
    pub amount: Money,
}

/// A credit applied by hand (or by reference, for credit notes and write-offs) to one
/// receivable. Applied before the oldest-first rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExplicitAllocation {
    pub credit_id: i64,
    pub receivable_id: i64,
    pub date: NaiveDate,
    /// Always positive.
    pub amount: Money,
}

/// All that settlement needs of one customer's account.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Account {
    pub receivables: Vec<Receivable>,
    pub credits: Vec<Credit>,
    pub allocations: Vec<ExplicitAllocation>,
}

impl Account {
    pub fn settle(&self, as_of: NaiveDate) -> crate::settlement::Settlement {
        crate::settlement::settle(&self.receivables, &self.credits, &self.allocations, as_of)
    }

    /// The account ready to be settled at many dates.
    pub fn settler(&self) -> crate::settlement::Settler<'_> {
        crate::settlement::Settler::new(&self.receivables, &self.credits, &self.allocations)
    }

    /// What the customer owes net of credits, counting every entry: a plain sum, no settlement.
    pub fn balance(&self) -> Money {
        let debits: Money = self.receivables.iter().map(|r| r.amount).sum();
        let credits: Money = self.credits.iter().map(|c| c.amount).sum();
        debits - credits
    }

    /// True when the account has any entry dated on or before `as_of`.
    pub fn has_entries_by(&self, as_of: NaiveDate) -> bool {
        self.receivables.iter().any(|r| r.doc_date <= as_of) || self.credits.iter().any(|c| c.date <= as_of)
    }
}

impl EntryKind {
    /// The entry's name on paper.
    pub fn words(self, language: crate::DocLanguage) -> &'static str {
        let zh = language == crate::DocLanguage::Zh;
        match self {
            EntryKind::Delivery => {
                if zh {
                    "送货"
                } else {
                    "Delivery"
                }
            }
            EntryKind::Opening => {
                if zh {
                    "期初余额"
                } else {
                    "Opening balance"
                }
            }
            EntryKind::Charge => {
                if zh {
                    "其他费用"
                } else {
                    "Charge"
                }
            }
            EntryKind::Payment => {
                if zh {
                    "收款"
                } else {
                    "Payment"
                }
            }
            EntryKind::CreditNote => {
                if zh {
                    "红字冲销"
                } else {
                    "Credit note"
                }
            }
            EntryKind::WriteOff => {
                if zh {
                    "坏账核销"
                } else {
                    "Write-off"
                }
            }
        }
    }
}

impl PaymentMethod {
    pub fn words(self, language: crate::DocLanguage) -> &'static str {
        let zh = language == crate::DocLanguage::Zh;
        match self {
            PaymentMethod::Cash => {
                if zh {
                    "现金"
                } else {
                    "cash"
                }
            }
            PaymentMethod::Bank => {
                if zh {
                    "银行转账"
                } else {
                    "bank transfer"
                }
            }
            PaymentMethod::Alipay => {
                if zh {
                    "支付宝"
                } else {
                    "Alipay"
                }
            }
            PaymentMethod::Wechat => {
                if zh {
                    "微信支付"
                } else {
                    "WeChat Pay"
                }
            }
            PaymentMethod::Cheque => {
                if zh {
                    "支票"
                } else {
                    "cheque"
                }
            }
            PaymentMethod::AcceptanceBill => {
                if zh {
                    "承兑汇票"
                } else {
                    "bank acceptance bill"
                }
            }
            PaymentMethod::Other => {
                if zh {
                    "其他"
                } else {
                    "other"
                }
            }
        }
    }
}
