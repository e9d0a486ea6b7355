//! The playbook: for each reason a customer gives for not paying, the approach that fits
//! it, in the app's own words in both languages; the owner may rewrite it in Settings.

use huikuan_domain::collection::NonPaymentReason;
use huikuan_store::tables::settings;
use huikuan_store::Transaction;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::books::audit;
use crate::error::AppError;
use crate::Books;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PlaybookEntry {
    pub reason: NonPaymentReason,
    pub zh: String,
    pub en: String,
}

const KEY: &str = "playbook";

pub fn default_playbook() -> Vec<PlaybookEntry> {
    use NonPaymentReason::*;
    let e = |reason, zh: &str, en: &str| PlaybookEntry { reason, zh: zh.into(), en: en.into() };
    vec![
        e(Bargaining, "客户想用欠款换折扣。把价格和付款分开谈：价格按合同执行；确需让步的，写进书面补充协议，并以先付清已到期款项为前提。不要在催款时答应降价。", "The customer is using the debt to bargain for a discount. Keep price and payment apart: the contract price stands; any concession goes into a written amendment, and only once what is due is paid. Never agree a discount while collecting."),
        e(CashTight, "客户资金紧张。问清它什么时候回款、难处在哪里，提出分期还款计划并请客户签字确认：每期日期和金额写明，首期尽量早、尽量多；新货改为现款或缩短账期。", "Cash is tight. Ask when the customer gets paid and what the real difficulty is; propose a repayment plan and have it signed: a date and an amount for each instalment, the first as early and as large as possible; new deliveries for cash or on shorter terms."),
        e(Complaint, "有未解决的投诉或纠纷。先解决问题：记下客户的具体意见，约定处理办法和期限（换货、补货、红字冲销），处理结果书面确认；没有争议的部分照常付款。", "A complaint or dispute is unresolved. Resolve it first: write down exactly what is claimed, agree a remedy and a date (replacement, re-delivery, credit note), confirm the outcome in writing; the undisputed part is still due."),
        e(BigCustomer, "大客户凭地位压款。找到其付款流程中的决策人，按合同付款条款正式对账、发函；考虑调整供货量、结算方式或要求保证金，不要只靠采购联系人。", "A big customer is squeezing its suppliers. Find the decision maker in its payment process, reconcile formally and write under the contract's payment terms; consider the volume you supply, the settlement terms or a deposit; do not rely on the buyer alone."),
        e(LowPriority, "我方货款在客户那里排不上号。让它被看见：每月对账、固定日期跟进、请决策人确认付款日；必要时暂停供货，让付款变得重要。", "Your invoices rank low with the customer. Make them visible: reconcile every month, follow up on fixed days, have the decision maker confirm a payment date; if need be, hold deliveries so that paying matters."),
        e(NoIntention, "客户无意付款。停止赊销，保全证据（签收的送货单、确认的对账单、有送达凭证的催款函），逐级发函直至最后催告函，盯住诉讼时效，准备通过律师或诉讼追收。", "The customer does not mean to pay. Stop credit, secure the evidence (signed delivery notes, confirmed statements, letters with proof of arrival), escalate the letters to the final notice, watch the limitation period and prepare to recover through a lawyer or the court."),
        e(InternalProcess, "款项卡在客户内部流程。问清卡在哪一步（对账、收票、审批、排款）、这一步谁经办、谁拍板，按它的流程补齐材料，在“付款进度”里记下，逐个节点跟进。", "The payment waits on the customer's internal process. Find the step it is stuck at (reconciliation, invoice, approval, scheduling), who handles it and who decides; give them what their process needs, record the stage below and follow it step by step."),
        e(Other, "记下客户的原话，约定下一步行动和日期。", "Write down what the customer said, and agree the next step and its date."),
    ]
}

pub(crate) fn playbook(tx: &Transaction) -> Result<Vec<PlaybookEntry>, AppError> {
    let saved: Option<Vec<PlaybookEntry>> = settings::get(tx, KEY)?;
    let mut book = default_playbook();
    for entry in saved.unwrap_or_default() {
        if let Some(slot) = book.iter_mut().find(|e| e.reason == entry.reason) {
            *slot = entry;
        }
    }
    Ok(book)
}

impl Books {
    pub fn playbook(&mut self) -> Result<Vec<PlaybookEntry>, AppError> {
        self.store.read(playbook)
    }

    pub fn save_playbook(&mut self, entries: Vec<PlaybookEntry>) -> Result<Vec<PlaybookEntry>, AppError> {
        for e in &entries {
            for (field, text) in [("zh", &e.zh), ("en", &e.en)] {
                if text.trim().is_empty() || text.chars().count() > 2000 {
                    return Err(AppError::rule(
                        Some(format!("{}.{field}", e.reason)),
                        // The field names the reason; the screen says which one in words.
                        "the approach must be 1 to 2000 characters",
                        "应对方法须为 1 到 2000 个字",
                    ));
                }
            }
        }
        let stamp = self.stamp();
        self.store.write(|tx| {
            let before = playbook(tx)?;
            settings::put(tx, KEY, &entries)?;
            let after = playbook(tx)?;
            audit(tx, &stamp, "update", KEY, 1, Some(&before), Some(&after))?;
            Ok(after)
        })
    }
}
