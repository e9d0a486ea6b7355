//! The manifest's words for what the pack's papers say: a letter by its level, a statement's
//! answer, a sending, and the claim item by item.

use huikuan_docs::{Align, ListingTable};
use huikuan_domain::interest::{percent_text, Claim, InterestTerms};

use super::account_papers::{col, Say};

/// A letter named as it is titled: 提醒函, 催款函 or 最后催告函.
pub(crate) fn letter_words(level: Option<u8>, say: &Say) -> String {
    match level {
        Some(1) => say.t("提醒函", "Reminder"),
        Some(2) => say.t("催款函", "Demand for payment"),
        Some(3) => say.t("最后催告函", "Final notice"),
        _ => say.t("函件", "Letter"),
    }
}

/// "confirmed 2026-12-03" / "disputed 2026-12-03 why" / "none", as the reader says them.
pub(crate) fn answer_words(answer: &str, say: &Say) -> String {
    let (kind, rest) = answer.split_once(' ').unwrap_or((answer, ""));
    match kind {
        "confirmed" => format!("{}{rest}", say.t("已确认无误 ", "confirmed ")),
        "disputed" => format!("{}{rest}", say.t("有异议 ", "disputed ")),
        _ => say.t("未回复", "no answer"),
    }
}

/// "express SF1234 2026-05-02" with its channel in words.
pub(crate) fn sent_words(sent: &str, say: &Say) -> String {
    let (channel, rest) = sent.split_once(' ').unwrap_or((sent, ""));
    let words = channel_words(channel, say);
    format!("{}{words} {rest}", say.t("寄送：", "sent: ")).trim_end().to_string()
}

/// How a paper or an invoice reached the customer, in words.
pub(crate) fn channel_words(channel: &str, say: &Say) -> String {
    match channel {
        "hand" => say.t("当面送达", "by hand"),
        "post" => say.t("邮寄", "post"),
        "express" => say.t("快递", "express"),
        "email" => say.t("电子邮件", "email"),
        "wechat" => say.t("微信", "WeChat"),
        "platform" => say.t("税务平台", "tax platform"),
        "other" => say.t("其他方式", "other"),
        other => other.to_string(),
    }
}

/// The rate a span was charged at, as read: "4.65%/年（LPR 3.1% × 1.5）", "0.05%/日".
fn rate_words(
    terms: &InterestTerms,
    percent: rust_decimal::Decimal,
    lpr: Option<rust_decimal::Decimal>,
    say: &Say,
) -> String {
    match (terms, lpr) {
        (InterestTerms::DailyRate { .. }, _) => format!("{}%{}", percent_text(percent), say.t("/日", "/day")),
        (InterestTerms::Lpr { uplift }, Some(lpr)) => format!(
            "{}%{} = LPR {}% × {}",
            percent_text(percent),
            say.t("/年", "/yr"),
            percent_text(lpr),
            uplift.normalize()
        ),
        _ => format!("{}%{}", percent_text(percent), say.t("/年", "/yr")),
    }
}

/// The claim item by item: principal, days, the rate of each span, interest; the total
/// last, and its basis directly under it. With no interest claimed, principal and days only.
pub(crate) fn claim_table(claim: &Claim, say: &Say) -> ListingTable {
    let with_interest = !matches!(claim.terms, InterestTerms::None) || !claim.interest.is_zero();
    let mut columns = vec![
        col(say.t("单据", "Receivable"), 1.5, Align::Left),
        col(say.t("到期日", "Due"), 1.0, Align::Left),
        col(say.t("逾期本金", "Principal"), 1.1, Align::Right),
        col(say.t("逾期天数", "Days overdue"), 0.7, Align::Right),
    ];
    let rows = claim.items.iter().map(|i| {
        let mut row = vec![i.number.clone(), i.due_date.to_string(), i.principal.yuan(), i.days.to_string()];
        if with_interest {
            let spans: Vec<String> = i
                .spans
                .iter()
                .map(|s| {
                    format!(
                        "{}–{} {}{}\n{}",
                        s.from,
                        s.to,
                        s.days,
                        say.t("天", "d"),
                        rate_words(&claim.terms, s.percent, s.lpr_percent, say)
                    )
                })
                .collect();
            row.extend([spans.join("\n"), i.interest.yuan()]);
        }
        row
    });
    let rows: Vec<Vec<String>> = rows.collect();
    let mut totals = vec![vec![say.t("合计", "Total"), String::new(), claim.principal.yuan(), String::new()]];
    let (heading, basis);
    if with_interest {
        columns.extend([
            col(say.t("计息期间及利率", "Period and rate"), 4.0, Align::Left),
            col(say.t("利息", "Interest"), 1.0, Align::Right),
        ]);
        totals[0].extend([String::new(), claim.interest.yuan()]);
        totals.push(vec![
            say.t("本息合计", "Principal + interest"),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            claim.total.yuan(),
        ]);
        heading = say.t(
            &format!(
                "主张金额（计至 {}）：逾期本金 {} + 逾期利息 {} = {}",
                claim.as_of,
                claim.principal.yuan(),
                claim.interest.yuan(),
                claim.total.yuan()
            ),
            &format!(
                "The claim to {}: overdue principal {} + late-payment interest {} = {}",
                claim.as_of,
                claim.principal.yuan(),
                claim.interest.yuan(),
                claim.total.yuan()
            ),
        );
        basis = format!("{}{}", say.t("利息计算依据：", "Basis of the interest: "), claim.basis);
    } else {
        heading = say.t(
            &format!("主张金额（计至 {}）：逾期本金 {}", claim.as_of, claim.principal.yuan()),
            &format!("The claim to {}: overdue principal {}", claim.as_of, claim.principal.yuan()),
        );
        basis = claim.basis.clone();
    }
    ListingTable { heading, columns, rows, totals, notes: vec![sentence(&basis, say)] }
}

/// A basis as a sentence of the paper: its first letter up and its full stop.
fn sentence(text: &str, say: &Say) -> String {
    let text = text.trim().trim_end_matches(['。', '.']);
    let mut chars = text.chars();
    let first = chars.next().map(|c| c.to_uppercase().collect::<String>()).unwrap_or_default();
    format!("{first}{}{}", chars.as_str(), say.t("。", "."))
}
