//! A sample delivery note of any length: for the benchmark, the tests and a look at the layout.

use chrono::NaiveDate;
use huikuan_domain::{DocLanguage, Money, PaymentTerms};

use crate::canvas::Paper;
use crate::delivery_note::{DeliveryNoteDoc, DeliveryNoteLine};
use crate::pdf::Letterhead;

/// The e2e story's note (10 × 412.35 + 333 × 0.035 = ¥4,135.16), then lines of ¥1.00.
pub fn delivery_note(lines: usize) -> DeliveryNoteDoc {
    let date = NaiveDate::from_ymd_opt(2026, 10, 9).unwrap();
    let mut items: Vec<DeliveryNoteLine> = vec![
        DeliveryNoteLine {
            item: "水泥 P.O 42.5".into(),
            spec: "50kg/袋".into(),
            unit: "吨".into(),
            quantity: "10".into(),
            unit_price: "412.35".into(),
            amount: Money::from_cents(412_350),
        },
        DeliveryNoteLine {
            item: "不锈钢螺丝 M6×30".into(),
            spec: "".into(),
            unit: "个".into(),
            quantity: "333".into(),
            unit_price: "0.035".into(),
            amount: Money::from_cents(1_166),
        },
    ];
    while items.len() < lines {
        let n = items.len() + 1;
        items.push(DeliveryNoteLine {
            item: format!("瓷砖 600×600 第{n}批"),
            spec: "抛光".into(),
            unit: "箱".into(),
            quantity: "1".into(),
            unit_price: "1.00".into(),
            amount: Money::from_cents(100),
        });
    }
    items.truncate(lines);
    DeliveryNoteDoc {
        letterhead: Letterhead {
            name: "杭州明远建材有限公司".into(),
            address: "浙江省杭州市拱墅区祥园路88号2幢301室".into(),
            phone: "0571-88236677".into(),
            tax_id: "91330105MA27XK8L3Q".into(),
            logo_png: None,
        },
        language: DocLanguage::Zh,
        paper: Paper::A4,
        number: "SD-2026-000123".into(),
        date,
        due_date: NaiveDate::from_ymd_opt(2026, 11, 8).unwrap(),
        terms: PaymentTerms::Net(30),
        customer_code: "C100".into(),
        customer_name: "杭州新华超市".into(),
        contact: "王经理 13800001111".into(),
        address: "杭州市西湖区文三路 1 号".into(),
        memo: "".into(),
        total: items.iter().map(|l| l.amount).sum(),
        lines: items,
    }
}
