//! Letters, statements and the plan agreement read back as a court would read them
//! (pdftotext -layout): the signature block on the page of the last paragraph, the recipient
//! block, the receipt's boxes and the customer's name on it, a one-page statement staying one
//! page, a continuation page saying what it belongs to, a back date only with a reason, and a
//! receipt signed "no objection" acknowledging the debt.

use huikuan_app::collections::PlanForm;
use huikuan_app::documents::SignForm;
use huikuan_app::letters::{LetterAnswerForm, LetterChoice};
use huikuan_app::{Books, ContactFields, CustomerFields};
use huikuan_domain::limitation::RestartKind;
use huikuan_domain::{ContactRole, DocLanguage, Money, PaperKind, PaymentTerms, Period};
use huikuan_tests::{books_on, date, deliver, drawn_signature, pay, pdf_pages, pdf_text};

const TODAY: &str = "2026-12-01";

fn customer(books: &mut Books, code: &str, language: DocLanguage, contact: Option<(&str, ContactRole)>) -> String {
    let name = match language {
        DocLanguage::Zh => format!("{code} 装饰工程有限公司"),
        DocLanguage::En => format!("{code} Interiors (Suzhou) Co., Ltd."),
    };
    let mut fields = CustomerFields::new(code, &name);
    fields.doc_language = language;
    fields.payment_terms = PaymentTerms::Net(30);
    fields.credit_limit = Money::from_cents(1_000_000_000);
    fields.address = "杭州市西湖区文三路 100 号".into();
    fields.tax_id = "91330106MA2KXXXX1Q".into();
    let contacts = contact
        .map(|(who, role)| ContactFields {
            name: who.into(),
            role,
            phone: "13900001111".into(),
            wechat: String::new(),
            email: String::new(),
            notes: String::new(),
        })
        .into_iter()
        .collect();
    books.create_customer(fields, contacts).unwrap();
    name
}

fn letter_pdf(books: &mut Books, code: &str, level: u8) -> (String, Vec<u8>) {
    let choice = LetterChoice { skip_reason: "测试 / test".into(), ..LetterChoice::new(code, level) };
    let letter = books.issue_chosen_letter(&choice, None).unwrap();
    let pdf = books.paper_pdf_of_kind(&letter.number, Some(PaperKind::Letter), false).unwrap();
    (letter.number, pdf)
}

fn pages(pdf: &[u8]) -> Vec<String> {
    pdf_text(pdf).split('\x0c').filter(|p| !p.trim().is_empty()).map(String::from).collect()
}

/// The page holding `needle` (spaces aside: "回 执" reads 回执), from 0.
fn page_of(pages: &[String], needle: &str) -> usize {
    let bare = |t: &str| t.split_whitespace().collect::<String>();
    pages
        .iter()
        .position(|p| bare(p).contains(&bare(needle)))
        .unwrap_or_else(|| panic!("{needle:?} on no page:\n{pages:#?}"))
}

#[test]
fn the_signature_block_stays_on_the_page_of_the_last_paragraph_for_every_level_and_language() {
    let mut books = books_on(TODAY);
    // From one overdue item to a table long enough to run onto a second page, so that the
    // last paragraph falls at every height of a page somewhere along the way.
    for (language, seal, end) in
        [(DocLanguage::Zh, "（盖章）", "我司。"), (DocLanguage::En, "(company seal)", "fine).")]
    {
        for items in [1usize, 4, 7, 10, 13, 16, 19, 22, 25, 28] {
            let code = format!("{}{items}", if language == DocLanguage::Zh { "Z" } else { "E" });
            customer(&mut books, &code, language, None);
            for i in 0..items {
                deliver(&mut books, &code, &format!("2026-0{}-{:02}", 1 + i % 9, 1 + i), 1000 + i as i64);
            }
            for level in 1..=3 {
                let (number, pdf) = letter_pdf(&mut books, &code, level);
                let pages = pages(&pdf);
                let at = page_of(&pages, seal);
                let lines: Vec<&str> = pages[at].lines().collect();
                let seal_line = lines.iter().position(|l| l.contains(seal)).unwrap();
                let before = lines[..seal_line].iter().rev().map(|l| l.trim()).find(|l| !l.is_empty()).unwrap();
                assert!(
                    before.ends_with(end),
                    "{number} ({items} items, level {level}): the seal block is not under the last paragraph on \
                     page {}:\n{}",
                    at + 1,
                    pages[at]
                );
            }
        }
    }
}

#[test]
fn a_letter_names_its_recipient_and_its_receipt_prints_the_customer_and_the_answer_boxes() {
    let mut books = books_on(TODAY);
    let zh_name = customer(&mut books, "R1", DocLanguage::Zh, Some(("王丽", ContactRole::Finance)));
    let en_name = customer(&mut books, "R2", DocLanguage::En, Some(("Li Wei", ContactRole::DecisionMaker)));
    let bare = customer(&mut books, "R3", DocLanguage::En, None);
    for code in ["R1", "R2", "R3"] {
        deliver(&mut books, code, "2026-09-01", 5000);
    }
    let (number, pdf) = letter_pdf(&mut books, "R1", 2);
    let text = pdf_text(&pdf);
    for expected in [
        format!("致：{zh_name}"),
        "地址：杭州市西湖区文三路 100 号".into(),
        "收件人：王丽".into(),
        "电话：13900001111".into(),
        "对上述欠款无异议，确认截至 2026-12-01 结欠贵司 ¥5,000.00".into(),
        "有异议（请注明）：__".into(),
        format!("签收单位：{zh_name}"),
        format!("本单位 {zh_name} 已收到贵司编号为 {number}、日期为 {TODAY} 的《催款函》"),
        "暂停向贵司供货及发货".into(),
    ] {
        assert!(text.contains(&expected), "{expected:?} missing:\n{text}");
    }
    let receipt = pages(&pdf);
    let at = page_of(&receipt, "回 执");
    assert!(at == 0 || receipt[at].contains(&number) && receipt[at].contains(&zh_name), "{}", receipt[at]);

    let (number, pdf) = letter_pdf(&mut books, "R2", 2);
    // Lines joined with one space: a phrase reads the same wherever the line broke.
    let text = pdf_text(&pdf).split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in [
        format!("To: {en_name}"),
        "Attn.: Li Wei".into(),
        "Dear Li Wei,".into(),
        format!("We agree that as of {TODAY} we owe your company ¥5,000.00"),
        "We object (please state): __".into(),
        format!("Company: {en_name}"),
        format!("letter {number} dated {TODAY} (demand for payment)"),
    ] {
        assert!(text.contains(&expected), "{expected:?} missing:\n{text}");
    }
    assert!(!text.contains("demandforpayment") && !text.contains(&format!("Dear {en_name}")), "{text}");
    assert!(!text.contains("Mr/Ms"), "the books do not know Mr from Ms: {text}");

    let (_, pdf) = letter_pdf(&mut books, "R3", 1);
    let text = pdf_text(&pdf);
    assert!(text.contains("Dear Sir or Madam,") && !text.contains(&format!("Dear {bare}")), "{text}");
    assert!(!text.contains("disregard") && text.contains("send us proof of payment"), "{text}");
}

#[test]
fn the_reminder_never_calls_the_debt_an_oversight_nor_tells_the_customer_to_ignore_it() {
    let mut books = books_on(TODAY);
    customer(&mut books, "W1", DocLanguage::Zh, None);
    deliver(&mut books, "W1", "2026-09-01", 5000);
    let text = pdf_text(&letter_pdf(&mut books, "W1", 1).1).split_whitespace().collect::<String>();
    assert!(!text.contains("疏忽") && !text.contains("忽略本函"), "{text}");
    assert!(text.contains("如贵司已付款，请将付款凭证发送我司核对。"), "{text}");
    assert_eq!(text.matches("请于20").count(), 1, "the date to pay by, said once: {text}");
    let text = pdf_text(&letter_pdf(&mut books, "W1", 3).1).split_whitespace().collect::<String>();
    assert!(text.contains("依约定或依法") && text.contains("依约承担律师费"), "{text}");
    assert!(!text.contains("利息计至") && !text.contains("本息合计"), "no interest line without a claim: {text}");
}

#[test]
fn a_final_notice_says_which_items_each_earlier_letter_demanded() {
    let mut books = books_on("2026-10-20");
    customer(&mut books, "W1", DocLanguage::Zh, None);
    deliver(&mut books, "W1", "2026-08-01", 4000);
    let (first, _) = letter_pdf(&mut books, "W1", 1);
    books.set_clock(Box::new(huikuan_app::FixedClock::on(date(TODAY))));
    deliver(&mut books, "W1", "2026-10-01", 3000);
    let text = pdf_text(&letter_pdf(&mut books, "W1", 3).1).split_whitespace().collect::<String>();
    assert!(text.contains(&format!("我司已于2026-10-20（{first}，提醒函）就上表第1项向贵司发函催告")), "{text}");
    assert!(!text.contains("就上述欠款"), "the reminder did not demand the second item: {text}");
}

#[test]
fn a_back_dated_letter_is_refused_without_a_reason_and_the_reason_is_audited() {
    let mut books = books_on(TODAY);
    customer(&mut books, "W1", DocLanguage::Zh, None);
    deliver(&mut books, "W1", "2026-08-01", 4000);
    let back = Some(date("2026-11-01"));
    let refused = books.issue_chosen_letter(&LetterChoice::new("W1", 1), back).unwrap_err();
    assert_eq!(refused.code(), "letter_back_dated");
    assert_eq!(refused.field().as_deref(), Some("back_date_reason"));
    assert!(refused.to_string().contains("2026-11-01 is before today"), "{refused}");
    assert!(refused.message_in(DocLanguage::Zh).contains("倒签理由"), "{}", refused.message_in(DocLanguage::Zh));
    // The field named as the user knows it: the screen's label and the command line's flag.
    for said in [refused.to_string(), refused.message_in(DocLanguage::Zh)] {
        assert!(said.contains("--back-date-reason") && !said.contains("(back date reason)"), "{said}");
    }
    assert!(refused.to_string().contains("Reason for the earlier date"), "{refused}");
    let blank = LetterChoice { back_date_reason: "  ".into(), ..LetterChoice::new("W1", 1) };
    assert_eq!(books.preview_letter(&blank, back).unwrap_err().code(), "letter_back_dated", "the preview too");
    assert!(books.issue_letter("W1", 1, None).is_ok(), "today needs no reason");

    let mut books = books_on(TODAY);
    customer(&mut books, "W1", DocLanguage::Zh, None);
    deliver(&mut books, "W1", "2026-08-01", 4000);
    let choice =
        LetterChoice { back_date_reason: "11 月 1 日已寄出，补录".into(), ..LetterChoice::new("W1", 1) };
    let letter = books.issue_chosen_letter(&choice, back).unwrap();
    assert_eq!(letter.date, date("2026-11-01"));
    let log = books.audit_log(10).unwrap();
    let record = log.iter().find(|r| r.action == "back_date").expect("the back date is audited");
    let said = record.after.as_ref().unwrap();
    assert_eq!(said["reason"], "11 月 1 日已寄出，补录");
    assert_eq!(said["date"], "2026-11-01");
    assert_eq!(said["issued_on"], TODAY);
}

fn receipt_signed(number: &str, seed: u32) -> SignForm {
    let (strokes, png) = drawn_signature(seed);
    SignForm {
        number: number.into(),
        signer: "王总".into(),
        method: "pad".into(),
        strokes,
        image_base64: png,
        ..SignForm::default()
    }
}

#[test]
fn a_receipt_signed_with_no_objection_acknowledges_the_debt_and_restarts_the_period() {
    let mut books = books_on(TODAY);
    customer(&mut books, "W1", DocLanguage::Zh, None);
    let note = deliver(&mut books, "W1", "2026-08-01", 4000);
    let (number, _) = letter_pdf(&mut books, "W1", 1);
    let sign = receipt_signed(&number, 1);
    let refused = books.answer_letter(LetterAnswerForm { sign: sign.clone(), ..LetterAnswerForm::default() });
    assert_eq!(refused.unwrap_err().field().as_deref(), Some("objection"), "an objection must say what it is");
    let view = books.answer_letter(LetterAnswerForm { sign, no_objection: true, objection: String::new() }).unwrap();
    assert!(view.answer.as_ref().is_some_and(|a| a.no_objection));
    let report = books.customer_limitation("W1", Some(date(TODAY))).unwrap();
    let row = report.rows.iter().find(|r| r.number == note).unwrap();
    let restart = row.last_restart.as_ref().unwrap();
    assert_eq!((restart.kind, restart.date), (RestartKind::LetterAcknowledged, date(TODAY)));
    assert_eq!(row.ends_on, date("2029-12-01"));
    let signed = pdf_text(&books.paper_pdf_of_kind(&number, Some(PaperKind::Letter), true).unwrap());
    assert!(signed.contains("王总"), "{signed}");

    // An objection: the signature still proves the demand arrived, but is no acknowledgement.
    customer(&mut books, "W2", DocLanguage::Zh, None);
    let note = deliver(&mut books, "W2", "2026-08-01", 4000);
    let (number, _) = letter_pdf(&mut books, "W2", 1);
    let sign = receipt_signed(&number, 2);
    let view = books
        .answer_letter(LetterAnswerForm { sign, no_objection: false, objection: "货物有质量问题".into() })
        .unwrap();
    assert_eq!(view.answer.unwrap().objection, "货物有质量问题");
    let report = books.customer_limitation("W2", Some(date(TODAY))).unwrap();
    let row = report.rows.iter().find(|r| r.number == note).unwrap();
    assert_eq!(row.last_restart.as_ref().unwrap().kind, RestartKind::LetterReceipt);
}

#[test]
fn a_short_statement_is_one_page_with_its_slip_and_a_long_one_repeats_its_head() {
    let mut books = books_on("2026-12-05");
    let name = customer(&mut books, "S1", DocLanguage::Zh, Some(("王丽", ContactRole::Finance)));
    for day in 1..=3 {
        deliver(&mut books, "S1", &format!("2026-11-{day:02}"), 1000 + day);
    }
    pay(&mut books, "S1", "2026-11-20", 2000);
    let november = Period::month("2026-11").unwrap();
    let number = books.issue_statement("S1", november, false).unwrap().summary.number;
    let pdf = books.paper_pdf(&number, false).unwrap();
    let text = pdf_text(&pdf);
    assert_eq!(pdf_pages(&pdf), 1, "a short statement and its slip fit on one page:\n{text}");
    assert!(text.split_whitespace().collect::<String>().contains("第1页/共1页"), "{text}");
    for expected in [
        "本单位结欠贵司 ¥1,006.00",
        "对上述余额无异议，确认截至 2026-11-30 结欠贵司 ¥1,006.00",
        "有异议（请注明）",
        &format!("客户：{name} (S1)"),
        "联系人",
        "王丽",
    ] {
        assert!(text.contains(expected), "{expected:?} missing:\n{text}");
    }

    let name = customer(&mut books, "S2", DocLanguage::En, None);
    for day in 1..=30 {
        deliver(&mut books, "S2", &format!("2026-11-{day:02}"), 10000 + day * 7);
        pay(&mut books, "S2", &format!("2026-11-{day:02}"), 5000);
    }
    let number = books.issue_statement("S2", november, false).unwrap().summary.number;
    let pdf = books.paper_pdf(&number, false).unwrap();
    let pages = pages(&pdf);
    assert!(pages.len() >= 3, "{} pages", pages.len());
    for (i, page) in pages.iter().enumerate().skip(1) {
        let head = page.lines().find(|l| !l.trim().is_empty()).unwrap();
        for expected in [number.as_str(), name.as_str(), "2026-12-05"] {
            assert!(head.contains(expected), "page {}: {expected:?} not in its head {head:?}", i + 1);
        }
        // The footer numbers the page in the paper's language; the head does not repeat it.
        assert!(!head.contains("Page") && !head.contains("页"), "page {}: {head:?}", i + 1);
        assert!(page.contains(&format!("Page {} of {}", i + 1, pages.len())) && !page.contains("页"), "{page}");
    }
    let text = pdf_text(&pdf);
    assert!(
        text.contains("We agree that as of 2026-11-30 we owe your company")
            && text.contains(&format!("Customer: {name} (S2)"))
    );
}

#[test]
fn the_plan_agreement_names_the_debtor_its_notes_the_court_and_the_address_for_service() {
    let mut books = books_on(TODAY);
    let name = customer(&mut books, "P1", DocLanguage::Zh, None);
    let first = deliver(&mut books, "P1", "2026-08-01", 4000);
    let second = deliver(&mut books, "P1", "2026-09-01", 2000);
    let form = |code: &str| PlanForm {
        customer_code: code.into(),
        total: "6000".into(),
        equal_count: 3,
        first_date: "2026-12-15".into(),
        ..PlanForm::default()
    };
    let plan = books.create_plan(form("P1")).unwrap();
    let text = pdf_text(&books.paper_pdf(&plan.number, false).unwrap());
    for expected in [
        format!("乙方（债务人）：{name} (P1)"),
        "统一社会信用代码 / 身份证号码：91330106MA2KXXXX1Q".into(),
        "地址：杭州市西湖区文三路 100 号".into(),
        first.clone(),
        second.clone(),
        "2026-08-01".into(),
        "¥4,000.00".into(),
        "逾期付款损失".into(),
        "甲方所在地".into(),
        "送达地址".into(),
    ] {
        assert!(text.contains(&expected), "{expected:?} missing:\n{text}");
    }
    customer(&mut books, "P2", DocLanguage::En, None);
    deliver(&mut books, "P2", "2026-08-01", 6000);
    let plan = books.create_plan(form("P2")).unwrap();
    let text =
        pdf_text(&books.paper_pdf(&plan.number, false).unwrap()).split_whitespace().collect::<Vec<_>>().join(" ");
    // No interest terms: the plan agrees none, and keeps the claim the law gives on late payment.
    for expected in [
        "the Chinese text (attached) prevails",
        "where Party A is located",
        "address for service",
        "as the law provides",
    ] {
        assert!(text.contains(expected), "{expected:?} missing:\n{text}");
    }
}

#[test]
fn a_slip_for_a_credit_balance_says_we_owe_the_customer_in_the_customers_words() {
    let mut books = books_on("2026-12-05");
    customer(&mut books, "S3", DocLanguage::Zh, None);
    customer(&mut books, "S4", DocLanguage::En, None);
    for code in ["S3", "S4"] {
        deliver(&mut books, code, "2026-11-02", 1000);
        pay(&mut books, code, "2026-11-20", 1500);
    }
    let november = Period::month("2026-11").unwrap();
    let number = books.issue_statement("S3", november, false).unwrap().summary.number;
    let text = pdf_text(&books.paper_pdf(&number, false).unwrap());
    for expected in [
        "截至 2026-11-30 贵司结欠本单位 ¥500.00",
        "为本单位预付或多付的款项",
        "确认截至 2026-11-30 贵司结欠本单位 ¥500.00",
    ] {
        assert!(text.contains(expected), "{expected:?} missing:\n{text}");
    }
    // The slip is the customer's word: "我司" (our word for ourselves) has no place on it.
    let slip = &text[text.find("请沿虚线剪下").expect("the slip")..];
    assert!(!slip.contains("本单位结欠贵司") && !slip.contains("我司"), "{slip}");
    let number = books.issue_statement("S4", november, false).unwrap().summary.number;
    let text = pdf_text(&books.paper_pdf(&number, false).unwrap()).split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in [
        "As of 2026-11-30, your company owes us ¥500.00",
        "We agree that as of 2026-11-30 your company owes us ¥500.00",
    ] {
        assert!(text.contains(expected), "{expected:?} missing:\n{text}");
    }
    assert!(!text.contains("we owe your company"), "{text}");
}

#[test]
fn letters_and_statements_number_their_pages_in_their_own_language_and_claim_no_pdf_x() {
    let mut books = books_on(TODAY);
    customer(&mut books, "F1", DocLanguage::Zh, None);
    customer(&mut books, "F2", DocLanguage::En, None);
    let mut papers = Vec::new();
    for code in ["F1", "F2"] {
        deliver(&mut books, code, "2026-09-01", 5000);
        papers.push((code, letter_pdf(&mut books, code, 1).1));
        let number = books.issue_statement(code, Period::month("2026-09").unwrap(), false).unwrap().summary.number;
        papers.push((code, books.paper_pdf(&number, false).unwrap()));
    }
    for (code, pdf) in papers {
        // Spaces aside: pdftotext reads the narrow ones beside CJK as none.
        let text: String = pdf_text(&pdf).split_whitespace().collect();
        let count = pdf_pages(&pdf);
        let (own, other) = if code == "F1" {
            (format!("第1页/共{count}页"), "Page")
        } else {
            (format!("Page1of{count}"), "页/共")
        };
        assert!(text.contains(&own) && !text.contains(other), "{code}: footer {own:?} alone:\n{text}");
        assert!(!pdf.windows(8).any(|w| w == b"GTS_PDFX"), "{code}: a PDF/X key in the info");
    }
}

#[test]
fn a_later_letter_names_the_earlier_one_without_a_space_before_its_closing_bracket() {
    let mut books = books_on("2026-10-20");
    customer(&mut books, "W1", DocLanguage::Zh, None);
    deliver(&mut books, "W1", "2026-08-01", 4000);
    let (first, _) = letter_pdf(&mut books, "W1", 1);
    books.set_clock(Box::new(huikuan_app::FixedClock::on(date(TODAY))));
    let text = pdf_text(&letter_pdf(&mut books, "W1", 2).1);
    let said = text.lines().map(str::trim).collect::<String>();
    assert!(said.contains(&format!("（{first}，提醒函）就上述欠款")), "{said}");
}
