//! The desktop app's forms: what the user typed reaches the use cases, each mistake comes
//! back naming its field in both languages, and a refused form writes nothing.

use huikuan_app::forms::{AllocationForm, ContactForm, CustomerForm, DeliveryForm, LineForm, PaymentForm};
use huikuan_app::Books;
use huikuan_domain::DocLanguage;
use huikuan_tests::{books_on, dump};

fn customer(books: &mut Books, code: &str, terms: &str) {
    let form = CustomerForm {
        code: code.into(),
        name: format!("{code} 商贸"),
        payment_terms: terms.into(),
        credit_limit: "20000".into(),
        ..CustomerForm::default()
    };
    books.create_customer_form(form).unwrap();
}

fn line(item: &str, quantity: &str, unit_price: &str) -> LineForm {
    LineForm { item: item.into(), quantity: quantity.into(), unit_price: unit_price.into(), ..LineForm::default() }
}

fn delivery(code: &str, date: &str, lines: Vec<LineForm>) -> DeliveryForm {
    DeliveryForm { customer_code: code.into(), date: date.into(), lines, ..DeliveryForm::default() }
}

fn payment(code: &str, amount: &str, allocations: Vec<(&str, &str)>) -> PaymentForm {
    PaymentForm {
        customer_code: code.into(),
        date: "2026-11-20".into(),
        amount: amount.into(),
        allocations: allocations
            .into_iter()
            .map(|(r, a)| AllocationForm { receivable: r.into(), amount: a.into() })
            .collect(),
        ..PaymentForm::default()
    }
}

#[test]
fn the_delivery_preview_prices_each_line_half_up_and_dates_the_due_day_from_the_terms() {
    let mut books = books_on("2026-11-23");
    customer(&mut books, "C1", "eom:30");
    let form = delivery(
        "C1",
        "2026-11-05",
        vec![line("水泥", "10", "412.35"), line("螺丝", "333", "0.035"), line("", "", "")],
    );
    let preview = books.preview_delivery(&form).unwrap();
    let amounts: Vec<String> =
        preview.lines.iter().map(|l| l.amount.map(|a| a.to_string()).unwrap_or_default()).collect();
    assert_eq!(amounts, ["4123.50", "11.66", ""]);
    assert_eq!(preview.total.to_string(), "4135.16");
    assert_eq!(preview.due_date.unwrap().to_string(), "2026-12-30", "end of November + 30 days");
}

#[test]
fn blank_rows_are_left_out_and_a_bad_row_is_blamed_by_its_place_in_the_form() {
    let mut books = books_on("2026-11-23");
    customer(&mut books, "C1", "net:30");
    let before = dump(&mut books);
    let form =
        delivery("C1", "2026-11-05", vec![line("", "", ""), line("水泥", "1", "10"), line("沙子", "0.00001", "3")]);
    let error = books.create_delivery_form(form).unwrap_err();
    assert_eq!(error.field().as_deref(), Some("lines.2.quantity"));
    assert_eq!(error.message_in(DocLanguage::Zh), "“0.00001”超过 4 位小数");
    assert_eq!(dump(&mut books), before, "nothing was written");

    let note = books
        .create_delivery_form(delivery("C1", "2026-11-05", vec![line("", "", ""), line("水泥", "1", "10")]))
        .unwrap();
    assert_eq!(note.lines.len(), 1);
    assert_eq!(note.number.as_deref(), Some("SD-2026-000001"));
}

#[test]
fn a_payment_amount_with_three_decimals_is_refused_beside_the_amount_and_writes_nothing() {
    let mut books = books_on("2026-11-23");
    customer(&mut books, "C1", "net:30");
    let before = dump(&mut books);
    let error = books.record_payment_form(payment("C1", "12.345", vec![])).unwrap_err();
    let view = error.view(DocLanguage::En);
    assert_eq!((view.code.as_str(), view.field.as_deref()), ("too_many_decimals", Some("amount")));
    assert_eq!(error.view(DocLanguage::Zh).message, "金额：“12.345”超过 2 位小数");
    assert_eq!(dump(&mut books), before);
}

#[test]
fn the_payment_preview_settles_oldest_first_and_honours_amounts_typed_against_a_row() {
    let mut books = books_on("2026-11-23");
    customer(&mut books, "C1", "net:30");
    for day in ["2026-09-01", "2026-10-01"] {
        books.create_delivery_form(delivery("C1", day, vec![line("水泥", "1", "100")])).unwrap();
    }
    let oldest_first = books.preview_payment_form(&payment("C1", "150", vec![]), DocLanguage::Zh).unwrap();
    let parts: Vec<(String, String)> =
        oldest_first.applied.iter().map(|a| (a.number.clone(), a.amount.to_string())).collect();
    assert_eq!(parts, [("SD-2026-000001".into(), "100.00".into()), ("SD-2026-000002".into(), "50.00".into())]);
    assert_eq!(oldest_first.open_total.to_string(), "200.00");

    let by_hand =
        books.preview_payment_form(&payment("C1", "250", vec![("SD-2026-000002", "100")]), DocLanguage::Zh).unwrap();
    assert_eq!(by_hand.applied[0].number, "SD-2026-000002");
    assert_eq!(by_hand.unapplied.to_string(), "50.00", "the surplus is the customer's credit");

    let too_much = books.record_payment_form(payment("C1", "250", vec![("SD-2026-000002", "150")])).unwrap_err();
    assert_eq!(too_much.field().as_deref(), Some("allocations.SD-2026-000002"));
}

#[test]
fn the_preview_shows_open_items_before_the_amount_is_typed() {
    let mut books = books_on("2026-11-23");
    customer(&mut books, "C1", "net:30");
    books.create_delivery_form(delivery("C1", "2026-09-01", vec![line("水泥", "1", "100")])).unwrap();
    let preview = books.preview_payment_form(&payment("C1", "", vec![]), DocLanguage::Zh).unwrap();
    assert_eq!(preview.open_items.len(), 1);
    assert!(preview.applied.is_empty());
}

#[test]
fn a_contact_row_without_a_name_is_blamed_on_that_row_and_the_customer_is_not_created() {
    let mut books = books_on("2026-11-23");
    let form = CustomerForm {
        code: "C9".into(),
        name: "九号商行".into(),
        contacts: vec![ContactForm::default(), ContactForm { phone: "13800001111".into(), ..ContactForm::default() }],
        ..CustomerForm::default()
    };
    let error = books.create_customer_form(form).unwrap_err();
    assert_eq!(error.field().as_deref(), Some("contacts.1.name"), "blamed on the row the user sees");
    assert!(books.list_customers("").unwrap().is_empty());
}

#[test]
fn a_credit_limit_typed_with_three_decimals_or_bad_terms_is_refused_in_place() {
    let mut books = books_on("2026-11-23");
    let mut form = CustomerForm {
        code: "C1".into(),
        name: "一号".into(),
        credit_limit: "1.005".into(),
        ..CustomerForm::default()
    };
    assert_eq!(books.create_customer_form(form.clone()).unwrap_err().field().as_deref(), Some("credit_limit"));
    form.credit_limit = "1000".into();
    form.payment_terms = "net:abc".into();
    let error = books.create_customer_form(form).unwrap_err();
    assert_eq!(error.field().as_deref(), Some("payment_terms"));
    assert!(error.message_in(DocLanguage::Zh).starts_with("付款条件："), "{}", error.message_in(DocLanguage::Zh));
}

#[test]
fn the_edit_form_round_trips_a_stored_customer() {
    let mut books = books_on("2026-11-23");
    customer(&mut books, "C1", "eom:45");
    let stored = books.customer("C1").unwrap().customer;
    let mut form = CustomerForm::of(&stored, &[]);
    assert_eq!((form.payment_terms.as_str(), form.credit_limit.as_str()), ("eom:45", "20000.00"));
    form.phone = "0571-88886666".into();
    let updated = books.update_customer_form("C1", form).unwrap();
    assert_eq!(updated.fields.phone, "0571-88886666");
    assert_eq!(updated.fields.payment_terms, stored.fields.payment_terms);
}

#[test]
fn the_dashboard_sums_receivables_by_bucket_and_lists_the_largest_debtors_first() {
    let mut books = books_on("2026-11-23");
    customer(&mut books, "C1", "net:30");
    customer(&mut books, "C2", "net:30");
    books.create_delivery_form(delivery("C1", "2026-09-01", vec![line("水泥", "1", "100")])).unwrap();
    books.create_delivery_form(delivery("C2", "2026-11-20", vec![line("水泥", "3", "100")])).unwrap();
    books.record_payment_form(payment("C2", "350", vec![])).unwrap();
    let dashboard = books.dashboard().unwrap();
    assert_eq!(dashboard.total_receivable.to_string(), "100.00");
    assert_eq!(dashboard.overdue.to_string(), "100.00");
    assert_eq!(dashboard.credit.to_string(), "50.00");
    let debtors: Vec<&str> = dashboard.top_debtors.iter().map(|d| d.code.as_str()).collect();
    assert_eq!(debtors, ["C1"], "a customer in credit is not a debtor");
    let bucket = dashboard.buckets.iter().find(|b| b.label == "31-60").unwrap();
    assert_eq!(bucket.amount.to_string(), "100.00");
}

#[test]
fn editing_saves_the_profile_and_its_contacts_together() {
    let mut books = books_on("2026-11-23");
    let contact = |name: &str| ContactForm { name: name.into(), phone: "1".into(), ..ContactForm::default() };
    let form = CustomerForm {
        code: "C1".into(),
        name: "一号".into(),
        contacts: vec![contact("张三"), contact("李四")],
        ..CustomerForm::default()
    };
    books.create_customer_form(form).unwrap();
    let detail = books.customer("C1").unwrap();
    let mut edit = CustomerForm::of(&detail.customer, &detail.contacts);
    assert_eq!(edit.contacts.len(), 2);
    edit.contacts.remove(0);
    edit.contacts[0].phone = "13900000000".into();
    edit.contacts.push(contact("王五"));
    edit.name = "一号商行".into();
    books.update_customer_form("C1", edit.clone()).unwrap();
    let after = books.customer("C1").unwrap();
    let people: Vec<(&str, &str)> =
        after.contacts.iter().map(|c| (c.fields.name.as_str(), c.fields.phone.as_str())).collect();
    assert_eq!(people, [("李四", "13900000000"), ("王五", "1")]);
    assert_eq!(after.customer.fields.name, "一号商行");

    // A refused edit leaves profile and contacts as they were.
    let before = dump(&mut books);
    edit.contacts[0].name = String::new();
    edit.name = "改名".into();
    assert_eq!(books.update_customer_form("C1", edit).unwrap_err().field().as_deref(), Some("contacts.0.name"));
    assert_eq!(dump(&mut books), before);
}

#[test]
fn a_document_form_offers_every_customer_by_code() {
    let mut books = books_on("2026-11-23");
    customer(&mut books, "C2", "net:30");
    customer(&mut books, "C1", "cod");
    let choices: Vec<(String, String)> =
        books.customer_choices().unwrap().into_iter().map(|c| (c.code, c.name)).collect();
    assert_eq!(choices, [("C1".into(), "C1 商贸".into()), ("C2".into(), "C2 商贸".into())]);
}

#[test]
fn amounts_and_dates_are_taken_as_people_type_them() {
    let mut books = books_on("2026-12-06");
    let form = CustomerForm {
        code: "C1".into(),
        name: "一号".into(),
        payment_terms: "月结30天".into(),
        credit_limit: "50,000".into(),
        founded_year: "2012年".into(),
        registered_capital: "50万".into(),
        ..CustomerForm::default()
    };
    let created = books.create_customer_form(form).unwrap();
    assert_eq!(created.fields.payment_terms.to_string(), "eom:30");
    assert_eq!(created.fields.credit_limit.to_string(), "50000.00");
    assert_eq!(created.fields.business.founded_year, Some(2012));
    assert_eq!(created.fields.business.registered_capital.map(|m| m.to_string()).as_deref(), Some("500000.00"));

    let note = books.create_delivery_form(delivery("C1", "2026/11/5", vec![line("水泥", "10", "415")])).unwrap();
    assert_eq!(note.doc_date.to_string(), "2026-11-05");
    let mut form = payment("C1", "¥4,150.00", vec![]);
    form.date = "12月1日".into();
    let receipt = books.record_payment_form(form).unwrap();
    assert_eq!(
        (receipt.entry.amount.to_string(), receipt.entry.doc_date.to_string()),
        ("4150.00".into(), "2026-12-01".into()),
        "12月1日 is this year's"
    );
}

#[test]
fn a_date_whose_day_and_month_could_be_swapped_is_refused_not_guessed() {
    let mut books = books_on("2026-12-06");
    customer(&mut books, "C1", "net:30");
    let error = books.create_delivery_form(delivery("C1", "01/05/2026", vec![line("水泥", "1", "10")])).unwrap_err();
    assert_eq!((error.code(), error.field().as_deref()), ("ambiguous_date", Some("date")));
    assert!(error.message_in(DocLanguage::Zh).contains("请先写年份"), "{}", error.message_in(DocLanguage::Zh));
}

#[test]
fn a_customer_form_with_several_bad_fields_returns_all_of_them_at_once_and_writes_nothing() {
    let mut books = books_on("2026-12-06");
    let form = CustomerForm {
        code: "C 1".into(),
        name: "".into(),
        payment_terms: "月结".into(),
        credit_limit: "5o,000".into(),
        founded_year: "12年".into(),
        contacts: vec![ContactForm { phone: "138".into(), ..ContactForm::default() }],
        ..CustomerForm::default()
    };
    let error = books.create_customer_form(form).unwrap_err();
    let view = error.view(DocLanguage::Zh);
    assert_eq!(view.code, "invalid_fields");
    let mut fields: Vec<&str> = view.fields.iter().map(|f| f.field.as_str()).collect();
    fields.sort();
    assert_eq!(fields, ["code", "contacts.0.name", "credit_limit", "founded_year", "name", "payment_terms"]);
    for field in &view.fields {
        let raw =
            ["payment_terms", "credit_limit", "founded_year", "contacts.0"].iter().any(|k| field.message.contains(k));
        assert!(!field.message.is_empty() && !raw, "{field:?} in Chinese, no raw key");
    }
    assert!(view.message.starts_with("有 6 处需要更正："), "{}", view.message);
    assert!(books.list_customers("").unwrap().is_empty());
}

#[test]
fn a_delivery_form_with_several_bad_fields_returns_all_of_them() {
    let mut books = books_on("2026-12-06");
    customer(&mut books, "C1", "net:30");
    let before = dump(&mut books);
    let form = delivery("C1", "2026/13/1", vec![line("水泥", "x", "10"), line("", "1", "1.23456")]);
    let error = books.create_delivery_form(form).unwrap_err();
    let fields: Vec<String> = error.view(DocLanguage::En).fields.into_iter().map(|f| f.field).collect();
    assert_eq!(fields, ["date", "lines.0.quantity", "lines.1.item", "lines.1.unit_price"]);
    assert_eq!(dump(&mut books), before);
}

#[test]
fn the_payment_preview_shows_typed_amounts_on_their_rows_and_refuses_too_much_on_a_row_as_typed() {
    let mut books = books_on("2026-12-06");
    customer(&mut books, "C1", "net:30");
    for day in ["2026-09-01", "2026-10-01"] {
        books.create_delivery_form(delivery("C1", day, vec![line("水泥", "1", "10000")])).unwrap();
    }
    let typed = payment("C1", "¥15,000", vec![("SD-2026-000002", "¥5,000")]);
    let preview = books.preview_payment_form(&typed, DocLanguage::Zh).unwrap();
    let parts: Vec<(String, String)> =
        preview.applied.iter().map(|a| (a.number.clone(), a.amount.to_string())).collect();
    assert_eq!(
        parts,
        [("SD-2026-000002".into(), "5000.00".into()), ("SD-2026-000001".into(), "10000.00".into())],
        "the typed row first, the rest oldest first"
    );
    assert_eq!((preview.allocated.to_string(), preview.unapplied.to_string()), ("15000.00".into(), "0.00".into()));
    assert!(preview.refusals.is_empty());

    let too_much = payment("C1", "30000", vec![("SD-2026-000002", "12,000")]);
    let preview = books.preview_payment_form(&too_much, DocLanguage::Zh).unwrap();
    assert_eq!(preview.refusals.len(), 1);
    assert_eq!(preview.refusals[0].field, "allocations.SD-2026-000002");
    assert!(preview.refusals[0].message.contains("¥12,000.00"), "{}", preview.refusals[0].message);
    assert_eq!(preview.applied[0].number, "SD-2026-000001", "the refused row is left out; the rest oldest first");

    let before = dump(&mut books);
    let mut two_bad = payment("C1", "abc", vec![("SD-2026-000002", "12,000")]);
    two_bad.date = "1/12/2026".into();
    let error = books.record_payment_form(two_bad).unwrap_err();
    let fields: Vec<String> = error.view(DocLanguage::Zh).fields.into_iter().map(|f| f.field).collect();
    assert_eq!(fields, ["date", "amount", "allocations.SD-2026-000002"]);
    assert_eq!(dump(&mut books), before);

    let mut nobody = payment("C9", "", vec![]);
    nobody.date = "yesterday".into();
    let fields: Vec<String> = books
        .record_payment_form(nobody)
        .unwrap_err()
        .view(DocLanguage::En)
        .fields
        .into_iter()
        .map(|f| f.field)
        .collect();
    assert_eq!(fields, ["customer_code", "date", "amount"], "an unknown customer does not hide the other fields");
}
