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

/// A handwritten-looking signature, drawn as a pen would on the pad: dark blue ink on a
/// transparent background, `seed` varying the hand. PNG, 8-bit RGBA.
pub fn signature_png(seed: u32) -> Vec<u8> {
    let (w, h) = (420usize, 150usize);
    let mut rgba = vec![0u8; w * h * 4];
    let s = seed as f32 * 0.37;
    let mut dab = |x: f32, y: f32| {
        // A round nib 2.2 px wide, with a soft edge so the line is not jagged.
        for dy in -3i32..=3 {
            for dx in -3i32..=3 {
                let (px, py) = (x.round() as i32 + dx, y.round() as i32 + dy);
                if px < 0 || py < 0 || px >= w as i32 || py >= h as i32 {
                    continue;
                }
                let d = ((px as f32 - x).powi(2) + (py as f32 - y).powi(2)).sqrt();
                let alpha = ((2.6 - d) / 1.2).clamp(0.0, 1.0);
                let i = (py as usize * w + px as usize) * 4;
                let a = (alpha * 255.0) as u8;
                if a > rgba[i + 3] {
                    rgba[i..i + 4].copy_from_slice(&[20, 40, 120, a]);
                }
            }
        }
    };
    let steps = 2400;
    for i in 0..steps {
        let t = i as f32 / steps as f32;
        let x = 30.0 + t * 360.0 + (t * 38.0 + s).sin() * 14.0;
        let y = 80.0 + (t * 23.0 + s).sin() * 34.0 * (1.0 - t * 0.5) + (t * 7.0).cos() * 8.0;
        dab(x, y);
    }
    for i in 0..400 {
        let t = i as f32 / 400.0;
        dab(60.0 + t * 300.0, 122.0 - t * 10.0 + (t * 9.0 + s).sin() * 2.0);
    }
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, w as u32, h as u32);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header().expect("an in-memory PNG");
    writer.write_image_data(&rgba).expect("an in-memory PNG");
    drop(writer);
    out
}
