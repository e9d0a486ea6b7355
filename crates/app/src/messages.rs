//! Every error said in the user's language. English is each error's `Display`; Chinese is
//! written here, one arm per variant, so a new variant does not compile until it is said.

use huikuan_domain::{DocLanguage, DomainError};
use huikuan_store::StoreError;
use serde::Serialize;
use ts_rs::TS;

use crate::error::{AppError, RowError};

/// An error as it crosses to the UI: a stable code to act on, a message to show, and the
/// form field to show it beside.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ErrorView {
    pub code: String,
    pub message: String,
    pub field: Option<String>,
    pub rows: Vec<RowError>,
    /// Every field to blame with what to say beside it (one or more), for a form.
    pub fields: Vec<FieldMessage>,
}

/// One refused field of a form, said in the user's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FieldMessage {
    pub field: String,
    pub message: String,
}

impl AppError {
    pub fn message_in(&self, language: DocLanguage) -> String {
        match language {
            DocLanguage::En => self.to_string(),
            DocLanguage::Zh => self.zh(),
        }
    }

    /// The input field to blame, when one is.
    pub fn field(&self) -> Option<String> {
        match self {
            Self::Invalid { field, .. } => Some(field.to_string()),
            Self::Rule(refusal) => refusal.field.clone(),
            Self::Fields(refusals) => refusals.iter().find_map(|r| r.field.clone()),
            Self::LevelSkipped(refusal) | Self::LetterTooSoon(refusal) | Self::LetterBackDated(refusal) => {
                refusal.field.clone()
            }
            Self::CreditBlocked(_) => Some("override_reason".into()),
            Self::UnknownCustomer(_) => Some("customer_code".into()),
            Self::Store(StoreError::CustomerCodeTaken(_)) => Some("code".into()),
            Self::Store(StoreError::NumberTaken { .. }) => Some("number".into()),
            _ => None,
        }
    }

    pub fn view(&self, language: DocLanguage) -> ErrorView {
        let rows = match self {
            Self::ImportRejected(rows) => rows.clone(),
            Self::NotAStatement(row) => vec![row.clone()],
            _ => Vec::new(),
        };
        let fields = crate::forms::field_messages(self, language);
        ErrorView {
            code: self.code().to_string(),
            message: self.message_in(language),
            field: self.field(),
            rows,
            fields,
        }
    }

    fn zh(&self) -> String {
        match self {
            Self::Invalid { field, source } => format!("{}：{}", field_zh(field), domain_zh(source)),
            Self::Rule(refusal) => refusal.zh.clone(),
            Self::Fields(refusals) => crate::forms::fields_summary(refusals, DocLanguage::Zh),
            Self::LevelSkipped(refusal) | Self::LetterTooSoon(refusal) | Self::LetterBackDated(refusal) => {
                refusal.zh.clone()
            }
            Self::CreditBlocked(refusal) => refusal.zh(),
            Self::UnknownCustomer(code) => format!("客户“{code}”不存在"),
            Self::UnknownDocument { kind, number } => format!("{}“{number}”不存在", field_zh(kind)),
            Self::AmbiguousDocument { number, kinds } => {
                format!(
                    "编号“{number}”同时是多张单据的编号（{}）：请指明是哪一种单据",
                    crate::documents::kinds_zh(kinds)
                )
            }
            Self::ImportRejected(rows) => format!("未导入任何数据：{} 行有误", rows.len()),
            Self::NotAStatement(row) => row.reason_zh.clone(),
            Self::File { path, message } => format!("无法读取 {path}：{message}"),
            Self::NoBooks => "尚未打开账簿：请打开演示公司或新建空账簿".to_string(),
            Self::BooksExist(path) => format!("{path} 已有账簿"),
            Self::Store(e) => store_zh(e),
            Self::Document(e) => document_zh(e),
            Self::Altered(details) => format!("已存档的单据与记录不符（可能被改动）：{details}"),
        }
    }
}

/// The words a Chinese reader types for a choice (the parser reads them, and the codes too);
/// choices without Chinese words keep their codes.
fn choices_zh<'a>(field: &str, codes: &'a str) -> &'a str {
    match field {
        "kind" => "单店、连锁、企业、诊所、个人、其他",
        "method" => "银行转账、现金、微信、支付宝、支票、承兑汇票、其他",
        "status" => "正常、暂停、冻结、关闭",
        "importance" => "重点、普通",
        _ => codes,
    }
}

pub fn domain_zh(error: &DomainError) -> String {
    use DomainError::*;
    match error {
        MalformedAmount(v) => format!("“{v}”不是金额（最多 2 位小数，如 1234.50、¥1,234.50 或 1.5万）"),
        TooManyDecimals(v) => format!("“{v}”超过 2 位小数"),
        AmountOutOfRange(v) => format!("“{v}”金额过大"),
        MalformedNumber(v) => format!("“{v}”不是数字"),
        TooPrecise(v, places) => format!("“{v}”超过 {places} 位小数"),
        Negative(what) => format!("{}不能为负数", field_zh(what)),
        NotPositive(what) => format!("{}必须大于 0", field_zh(what)),
        MalformedDate(v) => format!("“{v}”不是日期（如 2026-05-01）"),
        AmbiguousDate(v) => format!("“{v}”的月和日可有两种读法：请先写年份，如 2026-05-01、2026/5/1 或 5月1日"),
        ImpossibleDate(v) => format!("“{v}”不是存在的日期"),
        MalformedTerms(v) => format!("“{v}”不是付款条件（如 货到付款、30天、月结30天）"),
        UnknownChoice { field, value, expected } => {
            format!("“{value}”不是有效的{}（可选：{}）", field_zh(field), choices_zh(field, expected))
        }
        Empty(what) => format!("{}不能为空", field_zh(what)),
        TooLong { field, len, max } => format!("{}过长（{len} 个字符，最多 {max} 个）", field_zh(field)),
        MalformedCode(v) => format!("客户编号“{v}”只能包含字母、数字、“-”、“_”和“.”"),
        DueBeforeDate { date, due } => format!("到期日 {due} 早于单据日期 {date}"),
        MalformedCollectionDays(v) => format!("“{v}”不是付款日（应为星期 mon..sun 或日期 1..31，如 mon,25）"),
        MalformedPeriod(v) => format!("“{v}”不是月份（应为 YYYY-MM）"),
        PeriodBackwards { from, to } => format!("期间结束日 {to} 早于开始日 {from}"),
        OutOfRange { field, min, max } => format!("{}应在 {min} 到 {max} 之间", field_zh(field)),
        BadPolicy(what) => format!("信用政策设置无效：{}", policy_zh(what)),
    }
}

fn document_zh(error: &huikuan_docs::DocError) -> String {
    use huikuan_docs::DocError::*;
    match error {
        MissingGlyph { ch, code, text } => format!("文档字体缺少字符“{ch}”（U+{code:04X}），无法打印：{text}"),
        Font(e) => format!("无法读取内置字体：{e}"),
        Image(e) => format!("无法读取图片：{e}"),
        Pdf(e) => format!("无法生成 PDF：{e}"),
    }
}

fn store_zh(error: &StoreError) -> String {
    use StoreError::*;
    match error {
        CustomerCodeTaken(code) => format!("客户编号“{code}”已被使用"),
        NumberTaken { kind, number } => format!("{}编号“{number}”已存在", field_zh(kind)),
        NotFound { what } => format!("未找到 {what}"),
        AppendOnly(what) => format!("账簿只能追加，不能修改或删除：{what}"),
        NotADatabase { path } => format!("{path} 不是回款账簿（不是 SQLite 数据库，或已损坏）"),
        ForeignDatabase { path } => format!("{path} 是其他程序的 SQLite 数据库，不是回款账簿"),
        NewerSchema { found, supported } => {
            format!("此账簿由更新版本的回款写入（版本 {found}，本程序最高支持 {supported}），请先升级回款")
        }
        Corrupt(what) => format!("存储的数据已损坏：{what}"),
        Backup { path, source } => format!("无法备份账簿到 {path}：{}", sqlite_zh(source)),
        Sqlite(e) => format!("数据库错误：{e}"),
        Postgres(e) => format!(
            "数据库服务器错误：{}",
            e.as_db_error().map_or_else(|| e.to_string(), |db| db.message().to_string())
        ),
        ServerGone { server, why } => format!(
            "无法连接数据库服务器 {server}（{why}）。请检查服务器和网络；恢复后回款会继续工作，您填写的内容不会丢失"
        ),
        BadLocator(why) => format!("共享账簿的地址不正确：{why}"),
        ForeignServerDatabase { database } => format!("数据库 {database} 中有其他程序的表；回款需要一个专用的空数据库"),
        Busy => "账簿正忙：另一个席位占用时间过长，请稍后重试".to_string(),
        NotEmpty => "复制的目标账簿必须为空：它已有客户、分录或其他记录".to_string(),
        NoRow => "未找到记录".to_string(),
        Io(e) => format!("文件错误：{e}"),
    }
}

/// SQLite's own words for what a user can cause and fix; the rest as SQLite says them.
fn sqlite_zh(error: &dyn std::fmt::Display) -> String {
    match error.to_string().as_str() {
        "output file already exists" => "该文件已存在，请另选一个文件名".to_string(),
        "unable to open database file" => "无法在该位置创建文件".to_string(),
        other => other.to_string(),
    }
}

fn policy_zh(what: &str) -> &str {
    match what {
        "every factor needs exactly one weight" => "每个评分因素需要且只能有一个权重",
        "weights are 0-100 each and cannot all be 0" => "每个权重在 0-100 之间，且不能全部为 0",
        "grades must be A, B, C, D, E in that order" => "等级须依次为 A、B、C、D、E",
        "grade floors must fall from A to E within 0-5, and E's floor is 0" => {
            "各等级最低分须在 0-5 之间且从 A 到 E 递减，E 级最低分为 0"
        }
        "months of sales are 0-24 and reviews every 1-60 months" => "额度月数为 0-24，复评周期为 1-60 个月",
        "a signal costs 0-4 grades; the overdue block is 1-3650 days" => {
            "每个预警信号降 0-4 级；逾期停止赊销天数为 1-3650"
        }
        "the limit step must be greater than 0" => "额度取整单位必须大于 0",
        other => other,
    }
}

/// The names the domain gives fields, in Chinese; an unknown name is shown as it is.
pub fn field_zh(name: &str) -> &str {
    match name.trim_start_matches("the ").trim_start_matches("an ") {
        "amount" | "allocated amount" => "金额",
        "code" | "customer_code" => "客户编号",
        "name" => "名称",
        "kind" => "客户类型",
        "status" => "状态",
        "importance" => "重要程度",
        "role" => "联系人角色",
        "language" => "单据语言",
        "phone" => "电话",
        "wechat" => "微信",
        "email" => "邮箱",
        "address" => "地址",
        "tax_id" | "tax id" => "税号",
        "invoice_code" | "invoice code" => "发票代码",
        "invoice_number" | "invoice number" => "发票号码",
        "invoice_kind" | "invoice kind" => "发票种类",
        "tax" => "税额",
        "rate" => "税率",
        "covers" => "所开单据",
        "reverses" => "被冲红的发票",
        "salesperson" => "业务员",
        "terms" | "payment_terms" => "付款条件",
        "credit_limit" | "credit limit" => "信用额度",
        "tags" => "标签",
        "notes" => "备注",
        "memo" => "摘要",
        "reason" => "原因",
        "reference" => "参考号",
        "method" => "收款方式",
        "item" => "品名",
        "spec" => "规格",
        "unit" => "单位",
        "quantity" => "数量",
        "unit_price" | "unit price" => "单价",
        "contact" | "contact_name" | "contact name" => "联系人",
        "date" => "日期",
        "due_date" => "到期日",
        "number" => "编号",
        "delivery note" => "送货单",
        "document" => "单据",
        "statement" => "对账单",
        "dunning letter" => "催款函",
        "repayment plan agreement" => "还款计划确认书",
        "signer" => "签字人",
        "signer_role" => "职务",
        "sign_method" => "签字方式",
        "channel" => "寄送方式",
        "tracking" => "运单号",
        "claimed" => "客户所述余额",
        "items" => "有异议的单据",
        "period" => "对账期间",
        "signature" => "签名",
        "scan" => "扫描件",
        "image" => "图片",
        "payment" => "收款",
        "credit note" => "红字冲销",
        "receivable" => "应收单据",
        "currency" => "币种",
        "override_reason" => "放行原因",
        "back_date_reason" => "倒签理由",
        "collection_days" => "固定付款日",
        "founded_year" => "成立年份",
        "registered_capital" => "注册资本",
        "main_business" => "主营业务",
        "business_scale" => "经营规模",
        "operating_condition" => "经营状况",
        "years_in_business" => "经营年限",
        "payment_history" => "付款记录",
        "relationship" => "合作关系",
        "industry_risk" => "行业与市场风险",
        "guarantees" => "担保或抵押",
        "score" => "评分",
        "approved_limit" => "批准额度",
        "approved_terms" => "批准付款条件",
        "deviation_reason" => "调整原因",
        "next_review" => "下次复评日期",
        "title" => "标题",
        "file" => "文件",
        "promise_amount" | "promised amount" => "承诺金额",
        "promise_date" | "promised date" => "承诺日期",
        "promised_by" => "承诺人",
        "outcome" => "联系结果",
        "contact_id" => "联系人",
        "next_action" => "下一步",
        "next_date" => "下一步日期",
        "note" => "备注",
        "person" => "经办人",
        "stage" => "付款进度",
        "signals_note" => "预警说明",
        "first_date" => "首期日期",
        "equal_count" => "期数",
        "total" => "合计",
        "credit_policy" => "信用政策",
        "dunning_policy" => "催款规则",
        "provision_rates" => "计提比例",
        "statement_day" => "对账日",
        "doc_language" | "doc-language" => "单据语言",
        "allocations" => "核销分配",
        "lines" => "明细",
        other => other,
    }
}

/// The names the domain gives fields, in English words: `promise_amount` says "promise amount",
/// never the key; a few read better said otherwise.
pub fn field_en(name: &str) -> std::borrow::Cow<'_, str> {
    match name {
        "promise_amount" => "promised amount".into(),
        "promise_date" => "promised date".into(),
        "contact_id" => "contact".into(),
        "next_action" => "next step".into(),
        "next_date" => "date of the next step".into(),
        "signals_note" => "note on the warning signs".into(),
        "first_date" => "first instalment's date".into(),
        "equal_count" => "number of instalments".into(),
        "deviation_reason" => "reason for the change".into(),
        "override_reason" => "reason for the override".into(),
        "back_date_reason" => "reason for the earlier date".into(),
        "tax_id" => "tax ID".into(),
        "doc_language" | "doc-language" => "document language".into(),
        // A row of a form named by its document number, which keeps its dashes.
        other if other.starts_with("covers.") => format!("cover of {}", &other["covers.".len()..]).into(),
        other if other.contains(['_', '-']) => other.replace(['_', '-'], " ").into(),
        other => other.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_three_decimal_amount_is_explained_in_both_languages_beside_its_field() {
        let error = AppError::invalid("amount")(DomainError::TooManyDecimals("1.234".into()));
        let zh = error.view(DocLanguage::Zh);
        assert_eq!(zh.code, "too_many_decimals");
        assert_eq!(zh.field.as_deref(), Some("amount"));
        assert_eq!(zh.message, "金额：“1.234”超过 2 位小数");
        assert_eq!(error.view(DocLanguage::En).message, "amount: '1.234' has more than 2 decimals");
    }

    #[test]
    fn a_refused_choice_offers_chinese_words_the_reader_can_type_back() {
        use huikuan_domain::typed::{parse_importance_typed, parse_kind_typed, parse_method_typed, parse_status_typed};
        type Reads = fn(&str) -> bool;
        let read: [(&str, Reads); 4] = [
            ("kind", |w| parse_kind_typed(w).is_ok()),
            ("method", |w| parse_method_typed(w).is_ok()),
            ("status", |w| parse_status_typed(w).is_ok()),
            ("importance", |w| parse_importance_typed(w).is_ok()),
        ];
        for (field, reads) in read {
            let words = choices_zh(field, "codes");
            assert_ne!(words, "codes", "{field} has Chinese words");
            for word in words.split('、') {
                assert!(reads(word), "{field}: {word} is read back");
            }
        }
        let error =
            DomainError::UnknownChoice { field: "kind", value: "加盟".into(), expected: "shop, chain".into() };
        assert_eq!(domain_zh(&error), "“加盟”不是有效的客户类型（可选：单店、连锁、企业、诊所、个人、其他）");
    }

    #[test]
    fn a_field_is_named_in_words_in_both_languages_never_by_its_key() {
        let error = AppError::invalid("promise_amount")(DomainError::MalformedAmount("abc".into()));
        let zh = error.view(DocLanguage::Zh).message;
        let en = error.view(DocLanguage::En).message;
        assert!(zh.starts_with("承诺金额：") && !zh.contains("promise_amount"), "{zh}");
        assert!(en.starts_with("promised amount: ") && !en.contains("promise_amount"), "{en}");
        assert_eq!(field_en("unit_price"), "unit price");
        assert_eq!(field_en("amount"), "amount");
    }

    #[test]
    fn every_field_a_form_can_blame_has_a_chinese_name() {
        let fields = [
            "promise_amount",
            "promise_date",
            "promised_by",
            "outcome",
            "next_action",
            "next_date",
            "note",
            "person",
            "stage",
            "signals_note",
            "first_date",
            "total",
            "credit_policy",
            "payment_terms",
            "credit_limit",
            "unit_price",
            "contact_name",
            "override_reason",
            "deviation_reason",
            "approved_terms",
            "collection_days",
        ];
        for field in fields {
            assert!(!field_zh(field).is_ascii(), "{field} has no Chinese name");
        }
    }

    #[test]
    fn a_backup_onto_an_existing_file_says_so_in_chinese() {
        assert_eq!(sqlite_zh(&"output file already exists"), "该文件已存在，请另选一个文件名");
    }

    #[test]
    fn a_taken_code_blames_the_code_field() {
        let error = AppError::Store(StoreError::CustomerCodeTaken("C001".into()));
        let view = error.view(DocLanguage::Zh);
        assert_eq!((view.code.as_str(), view.field.as_deref()), ("customer_code_taken", Some("code")));
        assert_eq!(view.message, "客户编号“C001”已被使用");
    }
}
