//! Late-payment interest through the use cases: a customer's terms set and kept, the claim
//! to a date worked out item by item, and the final notice printing it with its basis.

use huikuan_app::interest::{ClaimRequest, InterestTerms};
use huikuan_app::letters::LetterChoice;
use huikuan_app::{Books, CustomerFields};
use huikuan_domain::{Money, PaymentTerms};
use huikuan_tests::{books_on, deliver, pdf_text};

/// I1 (net 30) owes 4,000 due 2026-07-03 and 3,000 due 2026-10-20; its contract agrees
/// 万分之五 a day.
fn story() -> Books {
    let mut books = books_on("2026-12-01");
    let mut fields = CustomerFields::new("I1", "I1 装饰工程有限公司");
    fields.payment_terms = PaymentTerms::Net(30);
    fields.credit_limit = Money::from_cents(100_000_000);
    books.create_customer(fields, Vec::new()).unwrap();
    deliver(&mut books, "I1", "2026-06-03", 4000);
    deliver(&mut books, "I1", "2026-09-20", 3000);
    books
}

#[test]
fn a_customers_terms_are_kept_and_the_claim_is_worked_item_by_item() {
    let mut books = story();
    assert_eq!(books.interest_terms("I1").unwrap(), InterestTerms::None, "no terms: no interest");
    let daily = InterestTerms::DailyRate { rate: "0.0005".parse().unwrap() };
    books.set_interest_terms("I1", daily.clone()).unwrap();
    assert_eq!(books.interest_terms("I1").unwrap(), daily);
    let refused = books.set_interest_terms("I1", InterestTerms::DailyRate { rate: "0.05".parse().unwrap() });
    assert_eq!(refused.unwrap_err().code(), "rule", "5% a day is a slip for 万分之五");

    let claim = books.interest_claim(&ClaimRequest { customer_code: "I1".into(), as_of: None }).unwrap();
    // 4,000 × 0.0005 × 151 days (4 Jul .. 1 Dec) = 302.00; 3,000 × 0.0005 × 42 days (21 Oct .. 1 Dec) = 63.00
    let items: Vec<(i64, String)> = claim.items.iter().map(|i| (i.days, i.interest.to_string())).collect();
    assert_eq!(items, vec![(151, "302.00".into()), (42, "63.00".into())]);
    assert_eq!((claim.principal.to_string(), claim.total.to_string()), ("7000.00".into(), "7365.00".into()));
}

#[test]
fn the_final_notice_prints_the_interest_with_its_basis_and_a_reminder_does_not() {
    let mut books = story();
    books.set_interest_terms("I1", InterestTerms::DailyRate { rate: "0.0005".parse().unwrap() }).unwrap();
    let reminder = books.issue_letter("I1", 1, None).unwrap();
    let text = pdf_text(&books.paper_pdf(&reminder.number, false).unwrap());
    assert!(!text.contains("利息计算依据"), "a reminder claims no interest:\n{text}");

    let choice = LetterChoice { skip_reason: "客户拒绝付款".into(), ..LetterChoice::new("I1", 3) };
    let notice = books.issue_chosen_letter(&choice, None).unwrap();
    let text = pdf_text(&books.paper_pdf(&notice.number, false).unwrap());
    assert!(text.contains("365.00"), "the interest to the letter's date:\n{text}");
    assert!(text.contains("7,365.00") || text.contains("7365.00"), "principal + interest:\n{text}");
    assert!(text.contains("万分之5"), "its basis:\n{text}");
}

/// I2 owes 5,000 due 2019-07-04 (before the LPR existed) and 4,000 due 2026-07-03; no rate
/// agreed, so LPR × 1.5 at the breach (art. 18(4)).
#[test]
fn on_lpr_terms_the_final_notice_cites_art_18_4_and_names_an_item_breached_before_the_lpr() {
    let mut books = books_on("2026-12-01");
    let mut fields = CustomerFields::new("I2", "I2 装饰工程有限公司");
    fields.payment_terms = PaymentTerms::Net(30);
    fields.credit_limit = Money::from_cents(100_000_000);
    books.create_customer(fields, Vec::new()).unwrap();
    let old = deliver(&mut books, "I2", "2019-06-04", 5000);
    let new = deliver(&mut books, "I2", "2026-06-03", 4000);
    books.set_interest_terms("I2", InterestTerms::Lpr { uplift: "1.5".parse().unwrap() }).unwrap();

    let claim = books.interest_claim(&ClaimRequest { customer_code: "I2".into(), as_of: None }).unwrap();
    let items: Vec<(&str, bool, String)> =
        claim.items.iter().map(|i| (i.number.as_str(), i.before_lpr, i.interest.to_string())).collect();
    // 4,000 × 3.00% × 1.5 × 151 days (4 Jul .. 1 Dec 2026) / 365 = 74.4657… → 74.47
    assert_eq!(items, vec![(old.as_str(), true, "0.00".into()), (new.as_str(), false, "74.47".into())]);
    assert_eq!(claim.principal.to_string(), "9000.00", "the old item's principal is still claimed");
    assert!(claim.basis_en.contains(&old) && claim.basis_en.contains("art. 18(4)"), "{}", claim.basis_en);
    assert!(claim.basis_zh.contains(&old) && claim.basis_zh.contains("基准利率"), "{}", claim.basis_zh);

    let choice = LetterChoice { skip_reason: "客户拒绝付款".into(), ..LetterChoice::new("I2", 3) };
    let notice = books.issue_chosen_letter(&choice, None).unwrap();
    let text: String = pdf_text(&books.paper_pdf(&notice.number, false).unwrap()).split_whitespace().collect();
    for expected in ["第十八条第四款", "违约行为发生时", "加计50%", &old, "基准利率"] {
        assert!(text.contains(expected), "{expected:?} missing from the final notice:\n{text}");
    }
    assert!(!text.contains("每日适用"), "the rate is not re-read each day:\n{text}");
}
