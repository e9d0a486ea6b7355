//! The repayment plan agreement (还款计划确认书): the debt the customer acknowledges, the
//! instalments it will pay, what happens if one is missed, and both parties' signatures.
//! The English agreement says the Chinese text prevails, so it carries that text: the
//! English pages, then the Chinese version, each with its signature blocks.

use chrono::NaiveDate;
use huikuan_domain::capitals::rmb_capitals;
use huikuan_domain::interest::{plan_interest_term, InterestTerms};
use huikuan_domain::{DocLanguage, Money};

use crate::canvas::{Align, Paper, MM_PER_PT};
use crate::error::DocError;
use crate::fonts::fonts;
use crate::pdf::{Letterhead, PdfBuilder};
use crate::slot::{Area, Rendered, SignatureSlot, Spot};
use crate::table::{Column, Table};
use crate::wrap::wrap;

/// Height of the signature boxes with the space above them, in mm.
const SIGNATURE_ROOM: f32 = 52.0;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanDoc {
    pub letterhead: Letterhead,
    pub language: DocLanguage,
    pub paper: Paper,
    pub number: String,
    pub agreed_on: NaiveDate,
    pub customer_name: String,
    pub customer_code: String,
    pub total: Money,
    pub instalments: Vec<(NaiveDate, Money)>,
    pub bank_name: String,
    pub bank_account: String,
    pub signatory: String,
    pub stamp_png: Option<Vec<u8>>,
    pub note: String,
    /// The debtor's unified social credit code (统一社会信用代码), or an individual's ID
    /// number; a blank line to fill in by hand when the books have none.
    pub customer_id_number: String,
    /// The debtor's address, also its address for service.
    pub customer_address: String,
    /// The receivables the debt is made of, open on the day agreed.
    pub notes: Vec<PlanNote>,
    /// The customer's late-payment terms: the plan's interest clause is worded from them.
    pub interest: InterestTerms,
}

/// Which text of the agreement is being drawn.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Text {
    /// A Chinese agreement, Chinese only.
    Chinese,
    /// The English text of a bilingual agreement.
    English,
    /// The Chinese text after the English one: the text that prevails.
    ChineseAttached,
}

/// One receivable under the plan: the note (or invoice) and what is open on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanNote {
    pub number: String,
    pub date: NaiveDate,
    pub due_date: NaiveDate,
    pub open: Money,
}

/// The agreement: Chinese, or English followed by the Chinese text. The customer's
/// signature goes in Party B's box of the last text drawn: the one that prevails.
pub fn plan_pdf(plan: &PlanDoc) -> Result<Rendered, DocError> {
    let title = if plan.language == DocLanguage::Zh { "还款计划确认书" } else { "REPAYMENT PLAN AGREEMENT" };
    let mut pdf =
        PdfBuilder::new(fonts()?, plan.paper, &format!("{title} {}", plan.number), &plan.number, plan.agreed_on);
    pdf.letterhead(&plan.letterhead)?;
    let slot = if plan.language == DocLanguage::Zh {
        pdf.set_language(DocLanguage::Zh);
        draw(&mut pdf, plan, Text::Chinese)?
    } else {
        draw(&mut pdf, plan, Text::English)?;
        pdf.set_running_head(&running_head("还款计划确认书（中文文本）", plan));
        pdf.new_page();
        draw(&mut pdf, plan, Text::ChineseAttached)?
    };
    Ok(Rendered { pdf: pdf.finish()?, slot })
}

fn running_head(title: &str, plan: &PlanDoc) -> String {
    format!("{} {} · {} · {}", title, plan.number, plan.customer_name, plan.agreed_on.format("%Y-%m-%d"))
}

/// One text of the agreement from the title to the signature boxes; returns Party B's box.
fn draw(pdf: &mut PdfBuilder, plan: &PlanDoc, text: Text) -> Result<SignatureSlot, DocError> {
    let zh = text != Text::English;
    let say = |zh_text: &str, en_text: &str| if zh { zh_text.to_string() } else { en_text.to_string() };
    let title = say("还款计划确认书", "REPAYMENT PLAN AGREEMENT");
    let (left, right) = (pdf.margin, pdf.margin + pdf.width());
    pdf.y += 10.0;
    pdf.text((left + right) / 2.0, 16.0, true, Align::Center, &title)?;
    if text == Text::ChineseAttached {
        pdf.y += 6.0;
        let which = "（中文文本，与英文文本不一致时以本文本为准 · Chinese text, which prevails）";
        pdf.text((left + right) / 2.0, 9.5, false, Align::Center, which)?;
    }
    pdf.y += 6.5;
    pdf.text(right, 9.0, false, Align::Right, &format!("{}{}", say("编号：", "No. "), plan.number))?;
    pdf.y += 4.0;
    let head_title = if text == Text::ChineseAttached {
        "还款计划确认书（中文文本）".to_string()
    } else {
        title.clone()
    };
    pdf.set_running_head(&running_head(&head_title, plan));
    let blank = |v: &str| if v.trim().is_empty() { "______________________".to_string() } else { v.to_string() };
    let parties = [
        (
            say("甲方（债权人）：", "Party A (creditor): "),
            plan.letterhead.name.clone(),
            say("统一社会信用代码：", "Unified social credit code: "),
            blank(&plan.letterhead.tax_id),
            blank(&plan.letterhead.address),
        ),
        (
            say("乙方（债务人）：", "Party B (debtor): "),
            format!("{} ({})", plan.customer_name, plan.customer_code),
            say("统一社会信用代码 / 身份证号码：", "Unified social credit code / ID number: "),
            blank(&plan.customer_id_number),
            blank(&plan.customer_address),
        ),
    ];
    for (label, name, id_label, id, address) in parties {
        pdf.y += 6.0;
        pdf.text(left, 10.5, true, Align::Left, &format!("{label}{name}"))?;
        pdf.paragraph(left + 6.0, pdf.width() - 6.0, 9.5, false, &format!("{id_label}{id}"))?;
        pdf.paragraph(left + 6.0, pdf.width() - 6.0, 9.5, false, &format!("{}{address}", say("地址：", "Address: ")))?;
    }
    pdf.y += 4.0;
    let day = plan.agreed_on.format("%Y-%m-%d");
    // The debt acknowledged is everything open under the notes listed; a plan for part of
    // it says so, and that the rest stays owed.
    let open: Money = plan.notes.iter().map(|n| n.open).sum();
    let count = plan.instalments.len();
    let (total, caps) = (plan.total.yuan(), rmb_capitals(plan.total));
    let owed = match (zh, plan.notes.is_empty() || open == plan.total) {
        (true, true) => format!(
            "截至 {day}，乙方确认尚欠甲方货款 {total}（{caps}），系下列单据项下的未付货款。经双方协商一致，乙方按下列计划分 {count} 期偿还。"
        ),
        (true, false) => format!(
            "截至 {day}，乙方确认下列单据项下尚欠甲方货款合计 {}（{}）。经双方协商一致，乙方就其中 {total}（{caps}）按下列计划分 {count} 期偿还；其余欠款不因本确认书而免除。",
            open.yuan(),
            rmb_capitals(open)
        ),
        (false, true) => format!(
            "As of {day}, Party B acknowledges that it owes Party A {total} for goods supplied, unpaid under the documents below. The parties agree that Party B pays it in the {count} instalments set out after them."
        ),
        (false, false) => format!(
            "As of {day}, Party B acknowledges that it owes Party A {} for goods supplied, unpaid under the documents below. The parties agree that Party B pays {total} of it in the {count} instalments set out after them; this agreement releases none of the rest.",
            open.yuan()
        ),
    };
    pdf.paragraph(left, pdf.width(), 10.5, false, &owed)?;
    pdf.y += 2.0;
    notes(pdf, plan, &say)?;
    pdf.y += 2.0;
    let schedule = say("还款计划如下：", "The instalments:");
    pdf.paragraph(left, pdf.width(), 10.5, false, &schedule)?;
    pdf.y += 1.0;

    let w = pdf.width();
    let table = Table {
        columns: vec![
            Column { title: say("期数", "Instalment"), width: w * 0.2, align: Align::Center },
            Column { title: say("还款日期", "Pay by"), width: w * 0.4, align: Align::Center },
            Column { title: say("金额", "Amount"), width: w * 0.4, align: Align::Right },
        ],
        size: 10.0,
    };
    let mut rows: Vec<Vec<String>> = plan
        .instalments
        .iter()
        .enumerate()
        .map(|(i, (due, amount))| vec![(i + 1).to_string(), due.format("%Y-%m-%d").to_string(), amount.yuan()])
        .collect();
    rows.push(vec![say("合计", "Total"), String::new(), plan.total.yuan()]);
    table.draw(pdf, &rows)?;
    pdf.y += 4.0;

    let interest = plan_interest_term(&plan.interest, zh);
    let clauses = if zh {
        vec![
            format!("一、乙方应于每期还款日前将该期款项足额汇入甲方账户：户名 {}，开户行 {}，账号 {}。", plan.letterhead.name, plan.bank_name, plan.bank_account),
            format!("二、乙方任何一期未按期足额付款的，甲方有权要求乙方立即清偿全部剩余欠款。{interest}。"),
            "三、乙方确认上述欠款金额及所列单据真实、准确，本确认书系乙方对该债务的书面确认。本确认书不影响甲方依原合同享有的其他权利。".to_string(),
            "四、因本确认书及上述欠款发生的争议，双方应协商解决；协商不成的，任何一方均可向甲方所在地有管辖权的人民法院提起诉讼。".to_string(),
            "五、双方确认本确认书所载地址为各自的送达地址，适用于协商、催告及诉讼（含一审、二审、再审和执行）阶段的文书送达；地址变更应提前书面通知对方，未通知的，文书送达原地址即视为送达。".to_string(),
            if text == Text::ChineseAttached {
                "六、本确认书一式两份，甲乙双方各执一份，自双方签字或盖章之日起生效。本确认书以中文和英文书就，两种文本如有不一致，以中文文本为准。".to_string()
            } else {
                "六、本确认书一式两份，甲乙双方各执一份，自双方签字或盖章之日起生效。".to_string()
            },
        ]
    } else {
        vec![
            format!("1. Party B pays each instalment in full by its date into Party A's account: account name {}, bank {}, account {}.", plan.letterhead.name, plan.bank_name, plan.bank_account),
            format!("2. If any instalment is not paid in full by its date, Party A may demand the whole remaining debt at once. {interest}."),
            "3. Party B confirms that the debt and the documents stated above are true and correct; this agreement is its written acknowledgement of the debt. It does not affect Party A's other rights under the original contract.".to_string(),
            "4. Any dispute over this agreement or the debt is settled by negotiation; failing that, either party may bring proceedings in the competent people's court where Party A is located.".to_string(),
            "5. The addresses above are each party's address for service of notices and of legal documents in any proceedings (first instance, appeal, retrial and enforcement); a party that moves tells the other in writing in advance, failing which a document delivered to the address above is deemed served.".to_string(),
            "6. This agreement is made in two copies, one for each party, and takes effect when both have signed or sealed it. This agreement is made in Chinese and English; the Chinese text (attached) prevails.".to_string(),
        ]
    };
    let paragraphs: Vec<&String> = clauses.iter().chain((!plan.note.is_empty()).then_some(&plan.note)).collect();
    for (i, clause) in paragraphs.iter().enumerate() {
        if i + 1 == paragraphs.len() {
            // The last paragraph goes with the signature boxes, so they never stand alone.
            let lines = wrap(pdf.fonts, clause, pdf.width() / MM_PER_PT, 10.0, false).len() as f32;
            pdf.ensure(lines * 10.0 * MM_PER_PT * 1.45 + 1.5 + SIGNATURE_ROOM);
        }
        pdf.paragraph(left, pdf.width(), 10.0, false, clause)?;
        pdf.y += 1.5;
    }

    // Both parties' signature boxes; the customer's is where the signature is printed.
    pdf.ensure(SIGNATURE_ROOM);
    pdf.y += 6.0;
    let (top, box_w, box_h) = (pdf.y, (pdf.width() - 8.0) / 2.0, 40.0);
    let mut slot = None;
    for (i, who) in [
        say("乙方（签字 / 盖章）", "Party B (signature / seal)"),
        say("甲方（签字 / 盖章）", "Party A (signature / seal)"),
    ]
    .iter()
    .enumerate()
    {
        let x = left + i as f32 * (box_w + 8.0);
        pdf.page().rect(x, top, box_w, box_h, None);
        pdf.y = top + 5.5;
        pdf.text(x + 3.0, 9.5, true, Align::Left, who)?;
        let (sign_y, date_y) = (top + box_h - 9.0, top + box_h - 3.5);
        let (sign, on) = (say("代表：", "Signed by: "), say("日期：", "Date: "));
        pdf.y = sign_y;
        if i == 1 && !plan.signatory.is_empty() {
            pdf.text(x + 3.0, 9.0, false, Align::Left, &format!("{sign}{}", plan.signatory))?;
        } else {
            pdf.text(x + 3.0, 9.0, false, Align::Left, &format!("{sign}______________________"))?;
        }
        pdf.y = date_y;
        pdf.text(x + 3.0, 9.0, false, Align::Left, &format!("{on}______________________"))?;
        if i == 0 {
            let after = |label: &str| x + 3.0 + pdf.fonts.width(label, 9.0, false) * MM_PER_PT + 1.0;
            slot = Some(SignatureSlot {
                page: pdf.page_count(),
                image: Area { x: x + 3.0, y: top + 8.0, w: box_w - 6.0, h: box_h - 20.0 },
                name: Spot { x: after(&sign), y: sign_y - 0.8 },
                date: Spot { x: after(&on), y: date_y - 0.8 },
                caption: Spot { x: left, y: top + box_h + 4.0 },
                caption_width: pdf.width(),
                tick: None,
            });
        } else if let Some(stamp) = &plan.stamp_png {
            let (id, pixels) = pdf.add_png(stamp)?;
            pdf.page().image(&id, pixels, x + box_w - 38.0, top + 3.0, 32.0);
        }
    }
    pdf.y = top + box_h;
    Ok(slot.expect("Party B's box is drawn first"))
}

/// The receivables the debt is made of: number, date, due date and what is open.
fn notes(pdf: &mut PdfBuilder, plan: &PlanDoc, say: &dyn Fn(&str, &str) -> String) -> Result<(), DocError> {
    if plan.notes.is_empty() {
        return Ok(());
    }
    let w = pdf.width();
    let table = Table {
        columns: vec![
            Column { title: "#".into(), width: w * 0.08, align: Align::Right },
            Column { title: say("单据编号", "Document"), width: w * 0.3, align: Align::Left },
            Column { title: say("单据日期", "Date"), width: w * 0.2, align: Align::Left },
            Column { title: say("到期日", "Due"), width: w * 0.2, align: Align::Left },
            Column { title: say("未付金额", "Unpaid"), width: w * 0.22, align: Align::Right },
        ],
        size: 9.0,
    };
    let date = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
    let mut rows: Vec<Vec<String>> = plan
        .notes
        .iter()
        .enumerate()
        .map(|(i, n)| vec![(i + 1).to_string(), n.number.clone(), date(n.date), date(n.due_date), n.open.yuan()])
        .collect();
    let open: Money = plan.notes.iter().map(|n| n.open).sum();
    rows.push(vec![String::new(), say("合计", "Total"), String::new(), String::new(), open.yuan()]);
    table.draw(pdf, &rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(language: DocLanguage) -> PlanDoc {
        let day = |s: &str| s.parse::<NaiveDate>().unwrap();
        PlanDoc {
            letterhead: Letterhead { name: "杭州示例建材有限公司".into(), ..Letterhead::default() },
            language,
            paper: Paper::A4,
            number: "RP-2026-000009".into(),
            agreed_on: day("2026-12-01"),
            customer_name: "Nordic Home Design (Suzhou) Co., Ltd.".into(),
            customer_code: "N1".into(),
            total: Money::from_cents(600_000),
            instalments: vec![(day("2026-12-20"), Money::from_cents(600_000))],
            bank_name: "招商银行杭州分行".into(),
            bank_account: "5719 0000 0000 001".into(),
            signatory: String::new(),
            stamp_png: None,
            note: String::new(),
            customer_id_number: String::new(),
            customer_address: String::new(),
            notes: Vec::new(),
            interest: InterestTerms::Lpr { uplift: "1.5".parse().unwrap() },
        }
    }

    #[test]
    fn the_bilingual_agreement_renders_to_the_same_bytes_every_time_and_is_signed_in_the_chinese_text() {
        let en = doc(DocLanguage::En);
        let (first, second) = (plan_pdf(&en).unwrap(), plan_pdf(&en).unwrap());
        assert_eq!(first.pdf, second.pdf);
        let zh = plan_pdf(&doc(DocLanguage::Zh)).unwrap();
        assert!(first.pdf.len() > zh.pdf.len(), "the English agreement carries the Chinese text too");
        assert!(first.slot.page > zh.slot.page, "Party B signs in the Chinese text, after the English pages");
    }
}
