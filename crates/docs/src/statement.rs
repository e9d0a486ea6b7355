//! The statement of account (对账单): the opening balance, every movement of the period
//! with a running balance, the closing balance and its aging, where to pay, and the
//! confirmation slip (回执) the customer signs and returns.

use chrono::NaiveDate;
use huikuan_domain::capitals::rmb_capitals;
use huikuan_domain::{DocLanguage, Money, PaymentTerms};

use crate::canvas::{Align, Paper, MM_PER_PT};
use crate::error::DocError;
use crate::fonts::fonts;
use crate::pdf::{Letterhead, PdfBuilder};
use crate::slot::{Area, Rendered, SignatureSlot, Spot};
use crate::table::{Column, Table};
use crate::wrap::wrap;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatementLine {
    pub date: NaiveDate,
    pub number: String,
    pub description: String,
    /// The numbers of the VAT invoices that cover a receivable ("" when none).
    pub invoice: String,
    pub debit: Money,
    pub credit: Money,
    pub balance: Money,
}

/// What is still expected of the customer: a promise to pay or a plan instalment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExpectedPayment {
    pub date: NaiveDate,
    pub what: String,
    pub amount: Money,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatementDoc {
    pub letterhead: Letterhead,
    pub language: DocLanguage,
    pub paper: Paper,
    pub number: String,
    /// The day it is issued.
    pub date: NaiveDate,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub customer_code: String,
    pub customer_name: String,
    pub contact: String,
    pub address: String,
    pub terms: PaymentTerms,
    pub opening: Money,
    pub debits: Money,
    pub credits: Money,
    pub closing: Money,
    pub lines: Vec<StatementLine>,
    /// The closing balance by aging bucket (`not_due`, `1-30`, …, `over_365`).
    pub aging: Vec<(String, Money)>,
    pub expected: Vec<ExpectedPayment>,
    pub bank_name: String,
    pub bank_account: String,
    /// The statement this one corrects and replaces.
    pub supersedes: Option<String>,
}

/// An aging bucket's label in words.
pub fn bucket_words(label: &str, language: DocLanguage) -> String {
    let zh = language == DocLanguage::Zh;
    if label == "not_due" {
        return if zh { "未到期".into() } else { "Not due".into() };
    }
    if let Some(days) = label.strip_prefix("over_") {
        return if zh { format!("逾期{days}天以上") } else { format!("Over {days} days") };
    }
    match label.split_once('-') {
        Some((low, high)) if zh => format!("逾期{low}–{high}天"),
        Some((low, high)) => format!("{low}–{high} days"),
        None => label.to_string(),
    }
}

pub fn statement_pdf(st: &StatementDoc) -> Result<Rendered, DocError> {
    let zh = st.language == DocLanguage::Zh;
    let say = |zh_text: &str, en_text: &str| if zh { zh_text.to_string() } else { en_text.to_string() };
    let date = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
    let title = say("对账单", "Statement of account");
    let mut pdf = PdfBuilder::new(fonts()?, st.paper, &format!("{title} {}", st.number), &st.number, st.date);
    pdf.set_language(st.language);
    pdf.letterhead(&st.letterhead)?;
    pdf.set_running_head(&format!("{title} {} · {} · {}", st.number, st.customer_name, date(st.date)));
    let (left, right) = (pdf.margin, pdf.margin + pdf.width());
    pdf.y += 9.0;
    pdf.text((left + right) / 2.0, 17.0, true, Align::Center, &say("对 账 单", "STATEMENT OF ACCOUNT"))?;
    pdf.text(right, 10.0, true, Align::Right, &st.number)?;
    pdf.y += 4.0;
    let period = if zh {
        format!("{} 至 {}", date(st.from), date(st.to))
    } else {
        format!("{} to {}", date(st.from), date(st.to))
    };
    pdf.facts(&[
        [
            say("客户", "Customer"),
            format!("{} ({})", st.customer_name, st.customer_code),
            say("对账期间", "Period"),
            period,
        ],
        [say("联系人", "Contact"), st.contact.clone(), say("对账日期", "Date"), date(st.date)],
        [say("地址", "Address"), st.address.clone(), say("付款条件", "Terms"), st.terms.in_words(st.language)],
    ])?;
    if let Some(old) = &st.supersedes {
        pdf.y += 6.0;
        let text = say(
            &format!("更正对账单：本对账单更正并取代 {old}，以本单为准。"),
            &format!("Corrected statement: this statement corrects and replaces {old}."),
        );
        pdf.text(left, 9.5, true, Align::Left, &text)?;
    }

    summary(&mut pdf, st, &say)?;
    movements(&mut pdf, st, &say)?;
    aging(&mut pdf, st, &say)?;
    expected(&mut pdf, st, &say)?;

    pdf.ensure(16.0);
    pdf.y += 7.0;
    let pay_to = if zh {
        format!("请将款项汇至：户名 {} · 开户行 {} · 账号 {}", st.letterhead.name, st.bank_name, st.bank_account)
    } else {
        format!("Please pay to: {} · bank {} · account {}", st.letterhead.name, st.bank_name, st.bank_account)
    };
    pdf.paragraph(left, pdf.width(), 8.5, false, &pay_to)?;
    pdf.y += 1.0;
    let ask = say(
        "请核对上述账目，在下方回执上签字盖章后寄回或拍照发回我司；如有不符，请注明差异金额及原因。",
        "Please check the account above, sign and stamp the slip below and return it (a photo is fine); if it does not agree, write the difference and the reason.",
    );
    pdf.paragraph(left, pdf.width(), 8.5, false, &ask)?;

    let slot = slip(&mut pdf, st, &say)?;
    Ok(Rendered { pdf: pdf.finish()?, slot })
}

fn summary(pdf: &mut PdfBuilder, st: &StatementDoc, say: &dyn Fn(&str, &str) -> String) -> Result<(), DocError> {
    pdf.ensure(18.0);
    pdf.y += 5.0;
    let (top, w) = (pdf.y, pdf.width() / 4.0);
    let cells = [
        (say("期初余额", "Opening balance"), st.opening),
        (say("本期应收", "Charged in the period"), st.debits),
        (say("本期收款及冲减", "Paid and credited"), st.credits),
        (say("期末余额", "Closing balance"), st.closing),
    ];
    for (i, (label, amount)) in cells.iter().enumerate() {
        let x = pdf.margin + i as f32 * w;
        pdf.page().rect(x, top, w, 13.0, if i == 3 { Some(0.92) } else { None });
        pdf.y = top + 4.8;
        pdf.text(x + w / 2.0, 8.0, false, Align::Center, label)?;
        pdf.y = top + 10.5;
        pdf.text(x + w / 2.0, 11.0, true, Align::Center, &amount.yuan())?;
    }
    pdf.y = top + 13.0;
    Ok(())
}

fn movements(pdf: &mut PdfBuilder, st: &StatementDoc, say: &dyn Fn(&str, &str) -> String) -> Result<(), DocError> {
    pdf.y += 5.0;
    let w = pdf.width();
    let col = |title: String, share: f32, align: Align| Column { title, width: w * share, align };
    // The invoice column only when an invoice covers any line: most shops' customers have none.
    let invoiced = st.lines.iter().any(|l| !l.invoice.is_empty());
    let (date, number) = if invoiced { (0.11, 0.16) } else { (0.12, 0.17) };
    let mut columns =
        vec![col(say("日期", "Date"), date, Align::Left), col(say("单号", "Number"), number, Align::Left)];
    if invoiced {
        columns.push(col(say("摘要", "Description"), 0.18, Align::Left));
        columns.push(col(say("发票号码", "Invoice"), 0.19, Align::Left));
        columns.extend([0.12, 0.12].map(|s| col(String::new(), s, Align::Right)));
    } else {
        columns.push(col(say("摘要", "Description"), 0.31, Align::Left));
        columns.extend([0.135, 0.135].map(|s| col(String::new(), s, Align::Right)));
    }
    let n = columns.len();
    columns[n - 2].title = say("应收（借）", "Charged");
    columns[n - 1].title = say("已收（贷）", "Paid");
    columns.push(col(say("余额", "Balance"), if invoiced { 0.12 } else { 0.13 }, Align::Right));
    let table = Table { columns, size: 8.5 };
    let blank = |m: Money| if m.is_zero() { String::new() } else { m.yuan() };
    let row = |date: NaiveDate, number: &str, what: String, invoice: &str, amounts: [String; 3]| {
        let mut cells = vec![date.format("%Y-%m-%d").to_string(), number.to_string(), what];
        if invoiced {
            cells.push(invoice.to_string());
        }
        cells.extend(amounts);
        cells
    };
    let mut rows = vec![row(
        st.from,
        "",
        say("期初余额", "Opening balance"),
        "",
        [String::new(), String::new(), st.opening.yuan()],
    )];
    rows.extend(st.lines.iter().map(|l| {
        row(l.date, &l.number, l.description.clone(), &l.invoice, [blank(l.debit), blank(l.credit), l.balance.yuan()])
    }));
    let closing = say("本期合计 · 期末余额", "Period totals · closing balance");
    rows.push(row(st.to, "", closing, "", [st.debits.yuan(), st.credits.yuan(), st.closing.yuan()]));
    table.draw(pdf, &rows)
}

fn aging(pdf: &mut PdfBuilder, st: &StatementDoc, say: &dyn Fn(&str, &str) -> String) -> Result<(), DocError> {
    if st.aging.is_empty() {
        return Ok(());
    }
    pdf.ensure(22.0);
    pdf.y += 8.0;
    pdf.text(pdf.margin, 9.5, true, Align::Left, &say("期末余额账龄", "Aging of the closing balance"))?;
    pdf.y += 2.0;
    let share = pdf.width() / st.aging.len() as f32;
    let columns = st
        .aging
        .iter()
        .map(|(label, _)| Column { title: bucket_words(label, st.language), width: share, align: Align::Right })
        .collect();
    let row: Vec<String> = st.aging.iter().map(|(_, m)| m.yuan()).collect();
    Table { columns, size: 8.0 }.draw(pdf, &[row])
}

fn expected(pdf: &mut PdfBuilder, st: &StatementDoc, say: &dyn Fn(&str, &str) -> String) -> Result<(), DocError> {
    if st.expected.is_empty() {
        return Ok(());
    }
    pdf.ensure(22.0);
    pdf.y += 8.0;
    pdf.text(pdf.margin, 9.5, true, Align::Left, &say("已约定的付款", "Payments agreed"))?;
    pdf.y += 2.0;
    let w = pdf.width();
    let table = Table {
        columns: vec![
            Column { title: say("日期", "Date"), width: w * 0.2, align: Align::Left },
            Column { title: say("内容", "What"), width: w * 0.55, align: Align::Left },
            Column { title: say("金额", "Amount"), width: w * 0.25, align: Align::Right },
        ],
        size: 8.5,
    };
    let rows: Vec<Vec<String>> = st
        .expected
        .iter()
        .map(|e| vec![e.date.format("%Y-%m-%d").to_string(), e.what.clone(), e.amount.yuan()])
        .collect();
    table.draw(pdf, &rows)
}

/// The tear-off confirmation slip, the customer's name printed on it; it takes the room
/// it needs and no more (its balance sentence measured), so a statement that fits on one
/// page with its slip stays one page. Returns where it is signed and the 无异议 box.
fn slip(
    pdf: &mut PdfBuilder,
    st: &StatementDoc,
    say: &dyn Fn(&str, &str) -> String,
) -> Result<SignatureSlot, DocError> {
    let zh = st.language == DocLanguage::Zh;
    let (left, right) = (pdf.margin, pdf.margin + pdf.width());
    let day = st.to.format("%Y-%m-%d");
    let owed = st.closing.abs();
    let words = rmb_capitals(owed);
    // The slip is the customer's word to us: it is addressed to our company and signed by
    // the customer, so "本单位 / we" is the customer and "贵司 / your company" is us.
    let balance = match (zh, st.closing.is_negative()) {
        (true, false) => format!("截至 {day} 本单位结欠贵司 {}（{words}）。", owed.yuan()),
        (true, true) => format!("截至 {day} 贵司结欠本单位 {}（{words}，为本单位预付或多付的款项）。", owed.yuan()),
        (false, false) => format!("As of {day}, we owe your company {} ({words}).", owed.yuan()),
        (false, true) => {
            format!("As of {day}, your company owes us {} ({words}), paid by us in advance or overpaid.", owed.yuan())
        }
    };
    // Ticked and signed, the box acknowledges the balance in words (Civil Code art. 195).
    let agree = match (zh, st.closing.is_negative()) {
        (true, false) => format!("对上述余额无异议，确认截至 {day} 结欠贵司 {}", owed.yuan()),
        (true, true) => format!("对上述余额无异议，确认截至 {day} 贵司结欠本单位 {}", owed.yuan()),
        (false, false) => format!("We agree that as of {day} we owe your company {}", owed.yuan()),
        (false, true) => format!("We agree that as of {day} your company owes us {}", owed.yuan()),
    };
    let balance_lines = wrap(pdf.fonts, &balance, pdf.width() / MM_PER_PT, 10.0, true).len() as f32;
    // Rule and cut line, title, addressee, customer, balance, both answers, signing line.
    let height =
        8.0 + 3.5 + 8.0 + 7.5 + 6.0 + 3.0 + balance_lines * 10.0 * MM_PER_PT * 1.45 + 8.0 + 7.0 + 6.5 + 20.0 + 6.0;
    pdf.ensure(height);
    pdf.y += 8.0;
    pdf.dashed_rule();
    pdf.y += 3.5;
    pdf.text(
        (left + right) / 2.0,
        7.0,
        false,
        Align::Center,
        &say("（请沿虚线剪下，签字盖章后寄回）", "(detach along the dashed line, sign and return)"),
    )?;
    pdf.y += 8.0;
    pdf.text((left + right) / 2.0, 13.0, true, Align::Center, &say("回 执", "CONFIRMATION SLIP"))?;
    pdf.y += 7.5;
    let to = if zh {
        format!("致：{}    对账单号：{}", st.letterhead.name, st.number)
    } else {
        format!("To: {}    Statement {}", st.letterhead.name, st.number)
    };
    pdf.text(left, 9.5, false, Align::Left, &to)?;
    pdf.y += 6.0;
    let customer = format!("{}{} ({})", say("客户：", "Customer: "), st.customer_name, st.customer_code);
    pdf.text(left, 9.5, false, Align::Left, &customer)?;
    pdf.y += 3.0;
    pdf.paragraph(left, pdf.width(), 10.0, true, &balance)?;

    pdf.y += 8.0;
    let box_size = 3.6;
    let differ = say("有异议（请注明）：", "We object (please state): ");
    pdf.checkbox(left, box_size);
    let tick = Area { x: left, y: pdf.y - box_size + 0.4, w: box_size, h: box_size };
    let text_x = left + box_size + 1.8;
    pdf.text(text_x, 10.0, false, Align::Left, &agree)?;
    pdf.y += 7.0;
    pdf.checkbox(left, box_size);
    pdf.text(text_x, 10.0, false, Align::Left, &differ)?;
    pdf.y += 6.5;
    // The blank for the reason runs to the right margin and no further, in either language.
    let mut details = say("差异金额 ______________    原因 ", "Difference ______________    Reason ");
    while pdf.fonts.width(&format!("{details}_"), 10.0, false) * MM_PER_PT < right - text_x {
        details.push('_');
    }
    pdf.text(text_x, 10.0, false, Align::Left, &details)?;

    let image = Area { x: left + 22.0, y: pdf.y, w: 70.0, h: 14.0 };
    pdf.y += 19.0;
    let (sign, on) = (say("签字 / 盖章：", "Signature / seal: "), say("日期：", "Date: "));
    pdf.text(left, 10.0, false, Align::Left, &format!("{sign}______________________________"))?;
    let date_x = left + pdf.width() * 0.62;
    pdf.text(date_x, 10.0, false, Align::Left, &format!("{on}____________________"))?;
    let after =
        |x: f32, label: &str, fonts: &crate::fonts::Fonts| x + fonts.width(label, 10.0, false) * MM_PER_PT + 1.0;
    let slot = SignatureSlot {
        page: pdf.page_count(),
        image,
        name: Spot { x: after(left, &sign, pdf.fonts), y: pdf.y - 0.8 },
        date: Spot { x: after(date_x, &on, pdf.fonts), y: pdf.y - 0.8 },
        caption: Spot { x: left, y: pdf.y + 6.0 },
        caption_width: pdf.width(),
        tick: Some(tick),
    };
    pdf.y += 8.0;
    Ok(slot)
}
