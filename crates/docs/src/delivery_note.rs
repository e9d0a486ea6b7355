//! The delivery note (送货单) the customer signs for the goods.

use chrono::NaiveDate;
use huikuan_domain::capitals::rmb_capitals;
use huikuan_domain::{DocLanguage, Money, PaymentTerms};

use crate::canvas::{Align, Paper, MM_PER_PT};
use crate::error::DocError;
use crate::fonts::fonts;
use crate::pdf::{Letterhead, PdfBuilder};
use crate::slot::{Area, Rendered, SignatureSlot, Spot};
use crate::table::{Column, Table};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeliveryNoteLine {
    pub item: String,
    pub spec: String,
    pub unit: String,
    /// As stored: exact decimals, no trailing zeros.
    pub quantity: String,
    pub unit_price: String,
    pub amount: Money,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeliveryNoteDoc {
    pub letterhead: Letterhead,
    pub language: DocLanguage,
    pub paper: Paper,
    pub number: String,
    pub date: NaiveDate,
    pub due_date: NaiveDate,
    pub terms: PaymentTerms,
    pub customer_code: String,
    pub customer_name: String,
    pub contact: String,
    pub address: String,
    pub memo: String,
    pub lines: Vec<DeliveryNoteLine>,
    pub total: Money,
}

pub fn delivery_note_pdf(note: &DeliveryNoteDoc) -> Result<Rendered, DocError> {
    let zh = note.language == DocLanguage::Zh;
    let say = |zh_text: &str, en_text: &str| if zh { zh_text.to_string() } else { en_text.to_string() };
    let fonts = fonts()?;
    let title = say("送货单", "Delivery note");
    let mut pdf = PdfBuilder::new(fonts, note.paper, &format!("{title} {}", note.number), &note.number, note.date);
    pdf.letterhead(&note.letterhead)?;

    let (left, right) = (pdf.margin, pdf.margin + pdf.width());
    pdf.y += 9.0;
    pdf.text((left + right) / 2.0, 17.0, true, Align::Center, &say("送 货 单", "DELIVERY NOTE"))?;
    pdf.text(right, 10.0, true, Align::Right, &note.number)?;
    pdf.y += 4.0;

    let date = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
    let terms = note.terms.in_words(note.language);
    let customer = format!("{} ({})", note.customer_name, note.customer_code);
    pdf.facts(&[
        [say("客户", "Customer"), customer, say("单号", "Number"), note.number.clone()],
        [say("联系人", "Contact"), note.contact.clone(), say("日期", "Date"), date(note.date)],
        [say("地址", "Address"), note.address.clone(), say("付款条件", "Terms"), terms],
        [say("备注", "Memo"), note.memo.clone(), say("到期日", "Due date"), date(note.due_date)],
    ])?;
    pdf.y += 4.0;

    let w = pdf.width();
    let col = |title: &str, share: f32, align: Align| Column { title: title.to_string(), width: w * share, align };
    let table = Table {
        columns: vec![
            col("#", 0.045, Align::Right),
            col(&say("品名", "Item"), 0.285, Align::Left),
            col(&say("规格", "Spec"), 0.16, Align::Left),
            col(&say("单位", "Unit"), 0.075, Align::Center),
            col(&say("数量", "Qty"), 0.12, Align::Right),
            col(&say("单价", "Unit price"), 0.14, Align::Right),
            col(&say("金额", "Amount"), 0.175, Align::Right),
        ],
        size: 9.0,
    };
    let rows: Vec<Vec<String>> = note
        .lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            vec![
                (i + 1).to_string(),
                l.item.clone(),
                l.spec.clone(),
                l.unit.clone(),
                l.quantity.clone(),
                format!("¥{}", l.unit_price),
                l.amount.yuan(),
            ]
        })
        .collect();
    table.draw(&mut pdf, &rows)?;

    pdf.ensure(24.0);
    pdf.y += 6.0;
    pdf.text(right - 1.5, 10.5, true, Align::Right, &format!("{}  {}", say("合计", "Total"), note.total.yuan()))?;
    pdf.y += 6.0;
    pdf.text(
        left,
        9.5,
        false,
        Align::Left,
        &format!("{}{}", say("金额大写：", "Amount in words: "), rmb_capitals(note.total)),
    )?;
    pdf.y += 5.5;
    let due = say(
        &format!("请于 {} 前付清本单货款。货物已按上列数量和规格验收无误。", date(note.due_date)),
        &format!("Payment due by {}. Goods received in the quantities and specifications above.", date(note.due_date)),
    );
    pdf.paragraph(left, pdf.width(), 8.5, false, &due)?;

    // Two signature boxes: the customer's and ours. The customer's blanks are where the
    // signature is printed when the note is signed.
    pdf.ensure(48.0);
    pdf.y += 5.0;
    let (top, box_w, box_h) = (pdf.y, (pdf.width() - 8.0) / 2.0, 36.0);
    let mut slot = None;
    for (i, (who, sub)) in [
        (say("客户签收", "Received by (customer)"), say("签字 / 盖章：", "Signature / seal: ")),
        (say("送货单位", "Delivered by"), say("经办人：", "Handled by: ")),
    ]
    .into_iter()
    .enumerate()
    {
        let x = left + i as f32 * (box_w + 8.0);
        pdf.page().rect(x, top, box_w, box_h, None);
        pdf.y = top + 5.5;
        pdf.text(x + 3.0, 9.0, true, Align::Left, &who)?;
        let (sign_y, date_y) = (top + box_h - 9.0, top + box_h - 3.5);
        let date_label = say("日期：", "Date: ");
        pdf.y = sign_y;
        pdf.text(x + 3.0, 8.0, false, Align::Left, &format!("{sub}______________________"))?;
        pdf.y = date_y;
        pdf.text(x + 3.0, 8.0, false, Align::Left, &format!("{date_label}______________________"))?;
        if i == 0 {
            let after = |label: &str| x + 3.0 + pdf.fonts.width(label, 8.0, false) * MM_PER_PT + 1.0;
            slot = Some(SignatureSlot {
                page: pdf.page_count(),
                image: Area { x: x + 3.0, y: top + 7.0, w: box_w - 6.0, h: box_h - 22.0 },
                name: Spot { x: after(&sub), y: sign_y - 0.8 },
                date: Spot { x: after(&date_label), y: date_y - 0.8 },
                caption: Spot { x: left, y: top + box_h + 4.0 },
                caption_width: pdf.width(),
                tick: None,
            });
        }
    }
    pdf.y = top + box_h;
    let slot = slot.expect("the customer's box is drawn first");
    Ok(Rendered { pdf: pdf.finish()?, slot })
}
