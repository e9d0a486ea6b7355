//! The delivery note (送货单) the customer signs for the goods.

use chrono::NaiveDate;
use huikuan_domain::capitals::rmb_capitals;
use huikuan_domain::money::group_thousands;
use huikuan_domain::{DocLanguage, Money, PaymentTerms};

use crate::canvas::{Align, Paper, MM_PER_PT};
use crate::error::DocError;
use crate::fonts::fonts;
use crate::pdf::{Letterhead, PdfBuilder};
use crate::slot::{Area, Rendered, SignatureSlot, Spot};
use crate::table::{cell_width, Column, Table};
use crate::wrap::wrap;

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

/// A unit price as money: grouped thousands, at least two decimals, and every decimal
/// the price has beyond them ("12.2" → "¥12.20", "3950" → "¥3,950.00", "3.125" → "¥3.125").
pub fn price_words(price: &str) -> String {
    let price = price.trim();
    let (sign, digits) = price.strip_prefix('-').map_or(("", price), |rest| ("-", rest));
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    if whole.is_empty() && fraction.is_empty() || !(whole.chars().chain(fraction.chars())).all(|c| c.is_ascii_digit()) {
        return price.to_string();
    }
    let whole = if whole.is_empty() { "0" } else { whole };
    let fraction = fraction.trim_end_matches('0');
    format!("{sign}¥{}.{fraction:0<2}", group_thousands(whole))
}

/// Sizes that differ by paper: the short continuous form gets smaller type and boxes.
struct Scale {
    title: f32,
    table: f32,
    box_h: f32,
}

fn scale(paper: Paper) -> Scale {
    match paper {
        Paper::A4 => Scale { title: 17.0, table: 9.0, box_h: 36.0 },
        Paper::A5 => Scale { title: 15.0, table: 8.0, box_h: 30.0 },
        Paper::Continuous241x140 => Scale { title: 14.0, table: 8.5, box_h: 26.0 },
    }
}

pub fn delivery_note_pdf(note: &DeliveryNoteDoc) -> Result<Rendered, DocError> {
    let zh = note.language == DocLanguage::Zh;
    let say = |zh_text: &str, en_text: &str| if zh { zh_text.to_string() } else { en_text.to_string() };
    let fonts = fonts()?;
    let title = say("送货单", "Delivery note");
    let sc = scale(note.paper);
    let mut pdf = PdfBuilder::new(fonts, note.paper, &format!("{title} {}", note.number), &note.number, note.date);
    pdf.set_language(note.language);
    let date = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
    let customer = format!("{} ({})", note.customer_name, note.customer_code);
    // Every page after the first says whose note it is: a signing page read alone is
    // still the note's.
    pdf.set_running_head(&format!("{title} {} · {customer} · {}", note.number, date(note.date)));
    pdf.letterhead(&note.letterhead)?;

    let (left, right) = (pdf.margin, pdf.margin + pdf.width());
    let short = note.paper.is_short();
    pdf.y += if short { 6.5 } else { 9.0 };
    pdf.text((left + right) / 2.0, sc.title, true, Align::Center, &say("送 货 单", "DELIVERY NOTE"))?;
    pdf.text(right, 10.0, true, Align::Right, &note.number)?;
    pdf.y += if short { 1.0 } else { 4.0 };

    let terms = note.terms.in_words(note.language);
    // On invoice terms the note is due from its invoice, not from a date known today.
    let from_invoice = match note.terms {
        PaymentTerms::Inv(days) if note.due_date == note.terms.due_date(note.date) => Some(days),
        _ => None,
    };
    let due_cell = from_invoice.map_or_else(
        || date(note.due_date),
        |n| say(&format!("收到发票后 {n} 天"), &format!("{n} days after the invoice")),
    );
    pdf.facts(&[
        [say("客户", "Customer"), customer.clone(), say("单号", "Number"), note.number.clone()],
        [say("联系人", "Contact"), note.contact.clone(), say("日期", "Date"), date(note.date)],
        [say("地址", "Address"), note.address.clone(), say("付款条件", "Terms"), terms],
        [say("备注", "Memo"), note.memo.clone(), say("到期日", "Due date"), due_cell],
    ])?;
    pdf.y += if short { 2.5 } else { 4.0 };

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
                price_words(&l.unit_price),
                l.amount.yuan(),
            ]
        })
        .collect();
    let table = table(&pdf, &rows, sc.table, zh);

    // What follows the lines stays on one page with the last of them: the total, the
    // amount in words, the terms and the signature boxes.
    let words = format!("{}{}", say("金额大写：", "Amount in words (RMB): "), rmb_capitals(note.total));
    let due = match from_invoice {
        Some(n) => say(
            &format!("请于收到本单发票后 {n} 天内付清货款。货物已按上列数量和规格验收无误。"),
            &format!("Payment due {n} days after the invoice is received. Goods received in the quantities and specifications above."),
        ),
        None => say(
            &format!("请于 {} 前付清本单货款。货物已按上列数量和规格验收无误。", date(note.due_date)),
            &format!("Payment due by {}. Goods received in the quantities and specifications above.", date(note.due_date)),
        ),
    };
    let line = |size: f32| size * MM_PER_PT * 1.45;
    let lines_of = |text: &str, size: f32| wrap(fonts, text, pdf.width() / MM_PER_PT, size, false).len() as f32;
    let total = format!("{}  {}", say("合计", "Total"), note.total.yuan());
    // The amount in words shares the total's line when both fit: on the short form that
    // line is what lets a one-line note sit on one page.
    let beside = (fonts.width(&words, 9.5, false) + fonts.width(&total, 10.5, true)) * MM_PER_PT + 12.0 <= pdf.width();
    let (gap, box_gap, caption) = if short { (4.5, 3.0, 5.0) } else { (6.0, 5.0, 6.0) };
    let words_room = if beside { 0.0 } else { gap - line(9.5) + lines_of(&words, 9.5) * line(9.5) };
    let tail = gap + 1.5 + words_room + lines_of(&due, 8.5) * line(8.5) + 1.0 + box_gap + sc.box_h + caption;
    table.draw_with(&mut pdf, &rows, &[], tail)?;
    pdf.ensure(tail);

    // The total's capitals stand clear of the table's last rule.
    pdf.y += gap + 1.5;
    pdf.text(right - 1.5, 10.5, true, Align::Right, &total)?;
    if beside {
        pdf.text(left, 9.5, false, Align::Left, &words)?;
    } else {
        pdf.y += gap - line(9.5);
        pdf.paragraph(left, pdf.width(), 9.5, false, &words)?;
    }
    pdf.y += 1.0;
    pdf.paragraph(left, pdf.width(), 8.5, false, &due)?;

    // Two signature boxes: the customer's and ours. The customer's blanks are where the
    // signature is printed when the note is signed.
    pdf.y += box_gap;
    let (top, box_w, box_h) = (pdf.y, (pdf.width() - 8.0) / 2.0, sc.box_h);
    // A label and the line to write on, as long as the box has room for (A5 is narrow).
    let blank = |label: &str| {
        let room = (box_w - 7.0) / MM_PER_PT - fonts.width(label, 8.0, false);
        let n = (room / fonts.width("_", 8.0, false)).floor().clamp(6.0, 22.0) as usize;
        format!("{label}{}", "_".repeat(n))
    };
    let mut slot = None;
    for (i, (who, sub)) in [
        (say("客户签收", "Received by (customer)"), say("签字 / 盖章：", "Receiver's signature / seal: ")),
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
        pdf.text(x + 3.0, 8.0, false, Align::Left, &blank(&sub))?;
        pdf.y = date_y;
        pdf.text(x + 3.0, 8.0, false, Align::Left, &blank(&date_label))?;
        if i == 0 {
            let after = |label: &str| x + 3.0 + pdf.fonts.width(label, 8.0, false) * MM_PER_PT + 1.0;
            slot = Some(SignatureSlot {
                page: pdf.page_count(),
                image: Area { x: x + 3.0, y: top + 7.0, w: box_w - 6.0, h: (box_h - 22.0).max(6.0) },
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

/// The lines' table: the figures' columns as wide as their widest figure (or heading),
/// the item and its specification sharing the rest.
fn table(pdf: &PdfBuilder, rows: &[Vec<String>], size: f32, zh: bool) -> Table {
    let say = |zh_text: &str, en_text: &str| if zh { zh_text.to_string() } else { en_text.to_string() };
    let titles = [
        ("#".to_string(), Align::Right),
        (say("品名", "Item"), Align::Left),
        (say("规格", "Spec"), Align::Left),
        (say("单位", "Unit"), Align::Center),
        (say("数量", "Qty"), Align::Right),
        (say("单价", "Unit price"), Align::Right),
        (say("金额", "Amount"), Align::Right),
    ];
    let fitted = |i: usize| {
        rows.iter()
            .filter_map(|r| r.get(i))
            .chain(std::iter::once(&titles[i].0))
            .map(|t| cell_width(pdf.fonts, t, size, true))
            .fold(0.0, f32::max)
    };
    let w = pdf.width();
    let mut widths = [0.0; 7];
    for (i, least) in [(0, 0.04), (3, 0.06), (4, 0.09), (5, 0.11), (6, 0.14)] {
        widths[i] = fitted(i).max(w * least);
    }
    let rest = (w - widths.iter().sum::<f32>()).max(w * 0.3);
    (widths[1], widths[2]) = (rest * 0.62, rest * 0.38);
    let columns =
        titles.into_iter().zip(widths).map(|((title, align), width)| Column { title, width, align }).collect();
    Table { columns, size }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unit_prices_print_as_money_with_every_decimal_they_have() {
        assert_eq!(price_words("12.2"), "¥12.20");
        assert_eq!(price_words("3950"), "¥3,950.00");
        assert_eq!(price_words("3.125"), "¥3.125");
        assert_eq!(price_words("1234567.5"), "¥1,234,567.50");
        assert_eq!(price_words("0.05"), "¥0.05");
        assert_eq!(price_words("-8"), "-¥8.00");
    }
}
