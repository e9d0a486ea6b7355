//! The dunning letter (提醒函 / 催款函 / 最后催告函): the owner's wording with the overdue
//! items set into it as a table, the signatory and the company seal, and a return receipt
//! (回执) for the customer to sign and send back: the proof that the demand arrived.

use chrono::NaiveDate;
use huikuan_domain::interest::Claim;
use huikuan_domain::{DocLanguage, Money};

use crate::canvas::{Align, Paper, MM_PER_PT};
use crate::error::DocError;
use crate::fonts::fonts;
use crate::pdf::{Letterhead, PdfBuilder};
use crate::slot::{Area, Rendered, SignatureSlot, Spot};
use crate::table::{Column, Table};
use crate::wrap::wrap;

/// Whom a paper is addressed to, as the express waybill names them: a court ties the
/// letter to the waybill by the name, the address and the person it was for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Recipient {
    pub name: String,
    pub address: String,
    /// The person the letter is for (attn.); empty when the customer has no contact.
    pub contact: String,
    pub phone: String,
}

impl Recipient {
    /// The lines of the recipient block, blank facts left out (the name always stays).
    pub fn lines(&self, language: DocLanguage) -> Vec<String> {
        let zh = language == DocLanguage::Zh;
        let mut out = vec![format!("{}{}", if zh { "致：" } else { "To: " }, self.name)];
        if !self.address.is_empty() {
            out.push(format!("{}{}", if zh { "地址：" } else { "Address: " }, self.address));
        }
        let mut attn = String::new();
        if !self.contact.is_empty() {
            attn = format!("{}{}", if zh { "收件人：" } else { "Attn.: " }, self.contact);
        }
        if !self.phone.is_empty() {
            let tel = format!("{}{}", if zh { "电话：" } else { "Tel.: " }, self.phone);
            attn = if attn.is_empty() { tel } else { format!("{attn}    {tel}") };
        }
        if !attn.is_empty() {
            out.push(attn);
        }
        out
    }
}

/// The signatory and seal block's height: it is kept on the page of the last paragraph.
const SIGN_BLOCK: f32 = 40.0;
/// The return receipt's height, from the dashed rule to the signing line.
const RECEIPT: f32 = 91.0;

/// One overdue receivable as the letter lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LetterItem {
    pub number: String,
    /// The numbers of the VAT invoices that cover it ("" when none).
    pub invoice: String,
    pub doc_date: NaiveDate,
    pub due_date: NaiveDate,
    pub open: Money,
    pub days_overdue: i64,
}

/// The body as the template filled it: text, and where the table of items goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BodyPart {
    Text(String),
    Items,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LetterDoc {
    pub letterhead: Letterhead,
    pub language: DocLanguage,
    pub paper: Paper,
    pub number: String,
    pub date: NaiveDate,
    pub level: u8,
    pub title: String,
    pub body: Vec<BodyPart>,
    pub items: Vec<LetterItem>,
    pub total: Money,
    pub signatory: String,
    /// The company seal (PNG with transparency), printed over the signature block.
    pub stamp_png: Option<Vec<u8>>,
    pub recipient: Recipient,
    /// The late-payment interest claimed to a date (a final notice): printed under the
    /// items with its basis only when there is one.
    pub interest: Option<Claim>,
}

pub fn letter_pdf(letter: &LetterDoc) -> Result<Rendered, DocError> {
    let zh = letter.language == DocLanguage::Zh;
    let say = |zh_text: &str, en_text: &str| if zh { zh_text.to_string() } else { en_text.to_string() };
    let mut pdf = PdfBuilder::new(
        fonts()?,
        letter.paper,
        &format!("{} {}", plain_title(letter), letter.number),
        &letter.number,
        letter.date,
    );
    pdf.set_language(letter.language);
    pdf.letterhead(&letter.letterhead)?;
    pdf.set_running_head(&format!(
        "{} {} · {} · {}",
        plain_title(letter),
        letter.number,
        letter.recipient.name,
        letter.date.format("%Y-%m-%d")
    ));
    let (left, right) = (pdf.margin, pdf.margin + pdf.width());
    pdf.y += 10.0;
    pdf.text((left + right) / 2.0, 17.0, true, Align::Center, letter.title.trim())?;
    pdf.y += 7.0;
    pdf.text(right, 9.0, false, Align::Right, &format!("{}{}", say("编号：", "No. "), letter.number))?;
    pdf.y += 4.8;
    pdf.text(
        right,
        9.0,
        false,
        Align::Right,
        &format!("{}{}", say("日期：", "Date: "), letter.date.format("%Y-%m-%d")),
    )?;
    pdf.y += 1.0;
    for (i, line) in letter.recipient.lines(letter.language).iter().enumerate() {
        pdf.paragraph(left, pdf.width() * 0.7, 10.0, i == 0, line)?;
    }
    pdf.y += 3.0;

    let last = letter.body.iter().rposition(|p| matches!(p, BodyPart::Text(t) if !t.trim().is_empty()));
    for (i, part) in letter.body.iter().enumerate() {
        match part {
            BodyPart::Text(text) => paragraphs(&mut pdf, text, Some(i) == last)?,
            BodyPart::Items => items(&mut pdf, letter, &say)?,
        }
    }

    // Signed for the company, with the seal over the name: kept with the last paragraph
    // (which made room for it), never alone on a page.
    pdf.ensure(SIGN_BLOCK);
    pdf.y += 12.0;
    let block = right - 62.0;
    let seal_top = pdf.y - 6.0;
    pdf.text(block, 10.5, true, Align::Left, &letter.letterhead.name)?;
    pdf.y += 6.5;
    pdf.text(block, 10.0, false, Align::Left, &say("（盖章）", "(company seal)"))?;
    pdf.y += 6.5;
    let signatory = if letter.signatory.is_empty() { "____________".to_string() } else { letter.signatory.clone() };
    pdf.text(block, 10.0, false, Align::Left, &format!("{}{signatory}", say("授权代表：", "Authorised signatory: ")))?;
    pdf.y += 6.5;
    pdf.text(block, 10.0, false, Align::Left, &letter.date.format("%Y-%m-%d").to_string())?;
    if let Some(stamp) = &letter.stamp_png {
        let (id, pixels) = pdf.add_png(stamp)?;
        pdf.page().image(&id, pixels, block + 8.0, seal_top, 34.0);
    }

    let slot = receipt(&mut pdf, letter, &say)?;
    Ok(Rendered { pdf: pdf.finish()?, slot })
}

/// The interest claimed, when there is any to claim: terms that agree none, or items not
/// yet overdue long enough for a cent, print no interest line.
fn claimed(letter: &LetterDoc) -> Option<&Claim> {
    letter.interest.as_ref().filter(|c| c.interest.is_positive())
}

/// The title as words: "提 醒 函" spaced for display reads 提醒函, and an English title
/// keeps one space between its words ("demand for payment", never "demandforpayment").
fn plain_title(letter: &LetterDoc) -> String {
    let words = letter.title.split_whitespace();
    if letter.language == DocLanguage::Zh {
        words.collect()
    } else {
        words.collect::<Vec<_>>().join(" ")
    }
}

/// The body text: a blank line starts a new paragraph, each paragraph wraps to the page.
/// The letter's last paragraph starts a new page unless the signature block fits after it.
fn paragraphs(pdf: &mut PdfBuilder, text: &str, ends_letter: bool) -> Result<(), DocError> {
    let left = pdf.margin;
    let last = text.split('\n').collect::<Vec<_>>().iter().rposition(|p| !p.trim().is_empty());
    for (i, paragraph) in text.split('\n').enumerate() {
        if paragraph.trim().is_empty() {
            pdf.y += 2.5;
            continue;
        }
        if ends_letter && Some(i) == last {
            let lines = wrap(pdf.fonts, paragraph.trim_end(), pdf.width() / MM_PER_PT, 10.5, false).len();
            pdf.ensure(lines as f32 * 10.5 * MM_PER_PT * 1.45 + 1.2 + SIGN_BLOCK);
        }
        pdf.paragraph(left, pdf.width(), 10.5, false, paragraph.trim_end())?;
        pdf.y += 1.2;
    }
    Ok(())
}

fn items(pdf: &mut PdfBuilder, letter: &LetterDoc, say: &dyn Fn(&str, &str) -> String) -> Result<(), DocError> {
    pdf.y += 1.0;
    let w = pdf.width();
    let col = |title: String, share: f32, align: Align| Column { title, width: w * share, align };
    // The invoices of the items, for a customer who pays against them ("we never got it").
    let invoiced = letter.items.iter().any(|i| !i.invoice.is_empty());
    let shares: [f32; 6] =
        if invoiced { [0.05, 0.18, 0.13, 0.13, 0.15, 0.11] } else { [0.06, 0.24, 0.17, 0.17, 0.2, 0.16] };
    let mut columns =
        vec![col("#".into(), shares[0], Align::Right), col(say("单据编号", "Document"), shares[1], Align::Left)];
    if invoiced {
        columns.push(col(say("发票号码", "Invoice"), 0.25, Align::Left));
    }
    columns.extend([
        col(say("单据日期", "Date"), shares[2], Align::Left),
        col(say("到期日", "Due"), shares[3], Align::Left),
        col(say("未付金额", "Open"), shares[4], Align::Right),
        col(say("逾期天数", "Days overdue"), shares[5], Align::Right),
    ]);
    let table = Table { columns, size: 9.0 };
    let date = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
    let row = |first: String, number: String, invoice: &str, rest: [String; 4]| {
        let mut cells = vec![first, number];
        if invoiced {
            cells.push(invoice.to_string());
        }
        cells.extend(rest);
        cells
    };
    let mut rows: Vec<Vec<String>> = letter
        .items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            row(
                (i + 1).to_string(),
                item.number.clone(),
                &item.invoice,
                [date(item.doc_date), date(item.due_date), item.open.yuan(), item.days_overdue.to_string()],
            )
        })
        .collect();
    let total = |what: String, amount: Money| {
        row(String::new(), what, "", [String::new(), String::new(), amount.yuan(), String::new()])
    };
    rows.push(total(say("合计", "Total"), letter.total));
    if let Some(claim) = claimed(letter) {
        rows.push(total(say("逾期付款利息", "Late-payment interest"), claim.interest));
        rows.push(total(say("本息合计", "Principal and interest"), letter.total + claim.interest));
    }
    table.draw(pdf, &rows)?;
    if let Some(claim) = claimed(letter) {
        pdf.y += 1.0;
        let to = date(claim.as_of);
        let basis = say(
            &format!("利息计至 {to}；计算依据：{}", claim.basis),
            &format!("Interest to {to}; basis: {}", claim.basis),
        );
        pdf.paragraph(pdf.margin, pdf.width(), 8.5, false, &basis)?;
    }
    pdf.y += 2.0;
    Ok(())
}

/// The tear-off return receipt, the customer's name printed on it and the boxes for its
/// answer (无异议 / 有异议): signed "no objection", it acknowledges the debt. It goes on the
/// letter's last page when it fits, else on a page of its own under the running head
/// (letter, number, customer). Returns where the customer signs it and the 无异议 box.
fn receipt(
    pdf: &mut PdfBuilder,
    letter: &LetterDoc,
    say: &dyn Fn(&str, &str) -> String,
) -> Result<SignatureSlot, DocError> {
    let (left, right) = (pdf.margin, pdf.margin + pdf.width());
    if pdf.ensure(RECEIPT + 10.0) {
        pdf.y += 2.0;
    } else {
        pdf.y += 10.0;
    }
    pdf.dashed_rule();
    pdf.y += 3.5;
    let cut = say(
        "（请沿虚线剪下，签收后寄回或拍照发回）",
        "(detach along the dashed line, sign and return; a photo is fine)",
    );
    pdf.text((left + right) / 2.0, 7.0, false, Align::Center, &cut)?;
    pdf.y += 8.0;
    pdf.text((left + right) / 2.0, 13.0, true, Align::Center, &say("回 执", "ACKNOWLEDGEMENT OF RECEIPT"))?;
    pdf.y += 4.0;
    let debtor = &letter.recipient.name;
    let text = if letter.language == DocLanguage::Zh {
        format!(
            "致 {}：\n本单位 {debtor} 已收到贵司编号为 {}、日期为 {} 的《{}》，所列欠款合计 {}。",
            letter.letterhead.name,
            letter.number,
            letter.date.format("%Y-%m-%d"),
            plain_title(letter),
            letter.total.yuan()
        )
    } else {
        format!(
            "To {}:\nWe, {debtor}, have received your letter {} dated {} ({}), listing {} owed in all.",
            letter.letterhead.name,
            letter.number,
            letter.date.format("%Y-%m-%d"),
            plain_title(letter).to_lowercase(),
            letter.total.yuan()
        )
    };
    pdf.paragraph(left, pdf.width(), 10.0, false, &text)?;

    // The answer in words: ticked and signed, "no objection" acknowledges this debt to this
    // date, which restarts the limitation period (Civil Code art. 195); each box on its line.
    pdf.y += 7.0;
    let box_size = 3.6;
    let (day, total) = (letter.date.format("%Y-%m-%d"), letter.total.yuan());
    let agree = if letter.language == DocLanguage::Zh {
        format!("对上述欠款无异议，确认截至 {day} 结欠贵司 {total}")
    } else {
        format!("We agree that as of {day} we owe your company {total}")
    };
    pdf.checkbox(left, box_size);
    let tick = Area { x: left, y: pdf.y - box_size + 0.4, w: box_size, h: box_size };
    let text_x = left + box_size + 1.8;
    pdf.text(text_x, 10.0, false, Align::Left, &agree)?;
    pdf.y += 7.0;
    pdf.checkbox(left, box_size);
    let mut differ = say("有异议（请注明）：", "We object (please state): ");
    // The blank for the objection runs to the right margin and no further.
    while pdf.fonts.width(&format!("{differ}_"), 10.0, false) * MM_PER_PT < right - text_x {
        differ.push('_');
    }
    pdf.text(text_x, 10.0, false, Align::Left, &differ)?;

    pdf.y += 8.0;
    pdf.text(left, 10.0, false, Align::Left, &format!("{}{debtor}", say("签收单位：", "Company: ")))?;
    pdf.y += 3.0;
    let image = Area { x: left + 22.0, y: pdf.y, w: 70.0, h: 14.0 };
    pdf.y += 19.0;
    let (sign, on) = (say("签收人 / 盖章：", "Received by / seal: "), say("签收日期：", "Date received: "));
    pdf.text(left, 10.0, false, Align::Left, &format!("{sign}______________________________"))?;
    let date_x = left + pdf.width() * 0.6;
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
