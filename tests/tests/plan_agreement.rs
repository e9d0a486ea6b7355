//! The repayment plan agreement read back (pdftotext -layout): its interest clause worded
//! from the customer's own terms, as the final notice claims; the English agreement carrying
//! the Chinese text that prevails, with signature blocks on both; the same bytes every time;
//! and the signature still printed on the frozen agreement.

use huikuan_app::collections::{InstalmentForm, PlanForm};
use huikuan_app::documents::SignForm;
use huikuan_app::interest::InterestTerms;
use huikuan_app::ledger::{NewDelivery, NewDeliveryLine};
use huikuan_app::{Books, CustomerFields};
use huikuan_domain::{DocLanguage, Money, PaymentTerms};
use huikuan_tests::{books_on, date, drawn_signature, pdf_text};
use rust_decimal::Decimal;

fn customer(books: &mut Books, code: &str, language: DocLanguage, terms: Option<InterestTerms>) {
    let mut fields = CustomerFields::new(code, &format!("{code} 建材有限公司"));
    fields.doc_language = language;
    fields.payment_terms = PaymentTerms::Net(30);
    fields.credit_limit = Money::from_cents(1_000_000_000);
    fields.address = "苏州市工业园区星湖街 1 号".into();
    books.create_customer(fields, Vec::new()).unwrap();
    if let Some(terms) = terms {
        books.set_interest_terms(code, terms).unwrap();
    }
    let line = NewDeliveryLine {
        item: "瓷砖".into(),
        spec: String::new(),
        unit: "箱".into(),
        quantity: Decimal::ONE,
        unit_price: Decimal::from(6000),
    };
    let input = NewDelivery {
        customer_code: code.into(),
        date: date("2026-08-01"),
        due_date: None,
        number: None,
        contact_name: String::new(),
        address: String::new(),
        memo: String::new(),
        lines: vec![line],
        override_reason: Some("测试".into()),
    };
    books.create_delivery(input).unwrap();
}

fn plan(books: &mut Books, code: &str) -> String {
    let form = PlanForm {
        customer_code: code.into(),
        total: "6000".into(),
        instalments: vec![
            InstalmentForm { date: "2026-12-20".into(), amount: "3000".into() },
            InstalmentForm { date: "2027-01-20".into(), amount: "3000".into() },
        ],
        ..PlanForm::default()
    };
    books.create_plan(form).unwrap().number
}

/// The text with its layout spaces and line breaks taken out, so wrapped clauses read whole.
fn bare(pdf: &[u8]) -> String {
    pdf_text(pdf).split_whitespace().collect()
}

fn squeeze(s: &str) -> String {
    s.split_whitespace().collect()
}

#[test]
fn the_plans_interest_clause_follows_the_customers_own_terms() {
    let mut books = books_on("2026-12-01");
    let cases = [
        ("D1", Some(InterestTerms::DailyRate { rate: "0.0005".parse().unwrap() }), "每日0.05%（万分之5）"),
        ("A1", Some(InterestTerms::AnnualRate { rate: "0.12".parse().unwrap() }), "年利率12.00%"),
        ("L1", Some(InterestTerms::Lpr { uplift: "1.3".parse().unwrap() }), "加计30%（即1.3倍）"),
        ("N1", None, "本计划各期款项不计利息；但乙方逾期付款的，甲方有权依法"),
    ];
    for (code, terms, expected) in cases {
        customer(&mut books, code, DocLanguage::Zh, terms.clone());
        let number = plan(&mut books, code);
        let text = bare(&books.paper_pdf(&number, false).unwrap());
        assert!(text.contains(expected), "{code}: {expected:?} missing:\n{text}");
        assert!(!text.contains("1.5倍"), "{code}: no hard-coded LPR × 1.5:\n{text}");
        assert_eq!(text.contains("LPR"), code == "L1", "{code}: LPR named only on LPR terms:\n{text}");
        let pages: Vec<String> = pdf_text(&books.paper_pdf(&number, false).unwrap())
            .split('\x0c')
            .map(squeeze)
            .filter(|p| !p.is_empty())
            .collect();
        let last = pages.last().unwrap();
        assert!(
            last.contains("六、本确认书一式两份") && last.contains("乙方（签字/盖章）"),
            "{code}: the boxes alone:\n{last}"
        );
        if code == "L1" {
            assert!(text.contains("违约行为发生时") && text.contains("第十八条第四款"), "{text}");
        }
    }
}

#[test]
fn the_english_plan_carries_the_chinese_text_that_prevails_with_signature_blocks_on_both() {
    let mut books = books_on("2026-12-01");
    customer(&mut books, "E1", DocLanguage::En, Some(InterestTerms::Lpr { uplift: "1.5".parse().unwrap() }));
    let number = plan(&mut books, "E1");
    let pdf = books.paper_pdf(&number, false).unwrap();
    let text = pdf_text(&pdf);
    let pages: Vec<&str> = text.split('\x0c').filter(|p| !p.trim().is_empty()).collect();
    let english = pages.iter().position(|p| p.contains("REPAYMENT PLAN AGREEMENT")).expect("the English text");
    let chinese = pages.iter().position(|p| squeeze(p).contains("还款计划确认书（中文文本")).expect("the Chinese text");
    assert!(english < chinese, "the English pages first, then the Chinese");
    let (en, zh): (String, String) = (squeeze(&pages[..chinese].join("\n")), squeeze(&pages[chinese..].join("\n")));
    for expected in [
        "ThisagreementismadeinChineseandEnglish;theChinesetext(attached)prevails.",
        "Party B (signature / seal)",
        "Party A (signature / seal)",
        "plus 50% (times 1.5)",
        "art. 18(4)",
    ] {
        assert!(en.contains(&squeeze(expected)), "English: {expected:?} missing:\n{text}");
    }
    for expected in [
        "乙方（债务人）：E1建材有限公司(E1)",
        "两种文本如有不一致，以中文文本为准",
        "乙方（签字/盖章）",
        "甲方（签字/盖章）",
        "加计50%（即1.5倍）",
        "第十八条第四款",
        "甲方所在地",
        "送达地址",
    ] {
        assert!(zh.contains(expected), "Chinese: {expected:?} missing:\n{text}");
    }
    assert!(!zh.contains("REPAYMENTPLANAGREEMENT"), "the Chinese pages hold no English clauses");
    // Each text's signature boxes share a page with its last clause.
    let page_of = |needle: &str| pages.iter().rposition(|p| squeeze(p).contains(needle)).unwrap();
    assert_eq!(page_of("PartyB(signature/seal)"), page_of("6.Thisagreementismade"));
    assert_eq!(page_of("乙方（签字/盖章）"), page_of("六、本确认书一式两份"));
    // The same agreement renders to the same bytes: it was frozen, and is served as frozen.
    assert_eq!(books.paper_pdf(&number, false).unwrap(), pdf);
}

#[test]
fn the_bilingual_plan_is_signed_in_the_chinese_text_and_its_hash_holds() {
    let mut books = books_on("2026-12-01");
    customer(&mut books, "E2", DocLanguage::En, None);
    let number = plan(&mut books, "E2");
    let original = books.paper_pdf(&number, false).unwrap();
    let (strokes, png) = drawn_signature(5);
    let form = SignForm {
        number: number.clone(),
        signer: "Mr Wang".into(),
        method: "pad".into(),
        strokes,
        image_base64: png,
        ..Default::default()
    };
    books.sign_paper(form).unwrap();
    assert!(books.plan(&number).unwrap().signed);
    assert_eq!(books.paper_pdf(&number, false).unwrap(), original, "the frozen original is untouched");
    let signed = pdf_text(&books.paper_pdf(&number, true).unwrap());
    let pages: Vec<&str> = signed.split('\x0c').filter(|p| !p.trim().is_empty()).collect();
    let last = pages.last().unwrap();
    assert!(
        squeeze(last).contains("乙方（签字/盖章）") && last.contains("Mr Wang"),
        "signed in the prevailing text:\n{signed}"
    );
}
