"""The way in, in the real app: the first day from empty books (the company first, the first
customer with the credit it gets, a delivery note with a customer added from the form, signed
on the pad, the seller's name on the paper), and "start my real books" from the demo company.
Screenshots in both languages at 1280×800 and 1024×700."""

import datetime
import subprocess
from pathlib import Path

from selenium.webdriver.common.keys import Keys

from conftest import CLI
from test_papers import draw_signature
from ui import fill, find, go, testid, wait, wait_text

SIZES = [(1280, 800), (1024, 700)]


def cli(db, *args):
    return subprocess.run([str(CLI), "--db", str(db), *args], check=True, capture_output=True, text=True).stdout


def shots(app, name: str, language_after: str = "zh") -> None:
    """The screen as it is, in both languages at both sizes; back to `language_after`."""
    d = app.driver
    for width, height in SIZES:
        d.set_window_size(width, height)
        for language in ("zh", "en"):
            testid(d, f"lang-{language}").click()
            wait("the language switched", lambda: d.execute_script("return document.documentElement.lang").startswith(language))
            app.shot(f"{name}-{language}-{width}x{height}")
    d.set_window_size(*SIZES[0])
    testid(d, f"lang-{language_after}").click()


def value(d, name: str) -> str:
    return find(d, f"[name='{name}']").get_attribute("value")


def test_the_first_day_from_empty_books_to_a_signed_first_delivery_note_with_the_sellers_name(app):
    d = app.driver
    today = datetime.date.today()
    testid(d, "start-empty").click()

    # The company first: what every paper prints.
    testid(d, "company-setup")
    company = {
        "legal_name": "杭州明远建材有限公司",
        "address": "浙江省杭州市拱墅区祥园路88号",
        "tax_id": "91330105MA27XK8L3Q",
        "phone": "0571-88236677",
        "bank_name": "中国工商银行杭州祥园支行",
        "bank_account": "1202 0210 0910 0123 456",
        "signatory": "陈明远",
    }
    for name, text in company.items():
        fill(d, name, text)
    shots(app, "01-company-first")
    testid(d, "save-company-setup").click()

    # The first customer: its credit shown, chosen on purpose (the policy's values for new customers).
    testid(d, "quick-customer")
    wait("the policy's limit", lambda: value(d, "credit_limit") == "50000.00")
    assert value(d, "payment_terms") == "net:15"
    fill(d, "code", "C001")
    fill(d, "name", "杭州新华超市")
    fill(d, "credit_limit", "30000")
    shots(app, "02-first-customer")
    testid(d, "save-quick-customer").click()
    wait_text(d, "[data-testid='customer-name']", "杭州新华超市", seconds=20)
    assert "¥30,000.00" in testid(d, "customer-page").text, "the limit chosen on purpose"
    assert cli(app.db, "company", "show", "--format", "json").count("杭州明远建材有限公司") == 1

    # A delivery note: the date typed as people type it; a line; then a customer added from the form.
    go(d, "#/delivery")
    testid(d, "delivery-new")
    date = find(d, "[name='date']")
    date.send_keys(Keys.CONTROL, "a")
    date.send_keys(Keys.DELETE)
    date.send_keys(f"{today.year}/{today.month}/{today.day}")
    fill(d, "lines.0.item", "水泥 P.O 42.5")  # leaving the date field reads it
    wait("the typed date read as the books store it", lambda: value(d, "date") == today.isoformat())
    fill(d, "lines.0.quantity", "10")
    fill(d, "lines.0.unit_price", "412.35")
    wait_text(d, "[data-testid='delivery-total']", "¥4,123.50")

    # The calendar: labelled, keyboard-driven, picks without leaving the form.
    testid(d, "due-date-calendar").click()
    wait_text(d, "[data-testid='calendar-month']", f"{today.year}年{today.month:02d}月")
    app.shot("03-calendar-zh-1280x800")  # switching language would close it
    d.switch_to.active_element.send_keys(Keys.ESCAPE)  # closes the calendar, not the form
    wait("the calendar closed", lambda: not d.find_elements("css selector", "[data-testid='calendar']"))
    testid(d, "delivery-new")

    # Esc on a half-typed note asks first; keeping it keeps every line.
    find(d, "[name='lines.0.item']").send_keys(Keys.ESCAPE)
    testid(d, "discard-confirm")
    shots(app, "04-esc-asks-first")
    testid(d, "keep-editing").click()
    assert value(d, "lines.0.item") == "水泥 P.O 42.5"

    testid(d, "delivery-new-customer").click()
    testid(d, "new-customer-dialog")
    wait("the dialog's form", lambda: value(d, "credit_limit") == "50000.00")
    fill(d, "code", "C002")
    fill(d, "name", "余杭新城建材")
    app.shot("05-new-customer-dialog-zh-1280x800")  # modal: the language buttons wait behind it
    testid(d, "save-quick-customer").click()
    wait("the new customer chosen", lambda: value(d, "customer_code") == "C002")
    shots(app, "06-the-note-kept-with-the-new-customer")
    assert value(d, "lines.0.item") == "水泥 P.O 42.5", "the note kept as typed"
    assert value(d, "lines.0.unit_price") == "412.35"

    # The customer picker finds by name and leaves closed customers out.
    find_box = testid(d, "customer-find")
    find_box.send_keys("新华")
    wait("found by name", lambda: value(d, "customer_code") == "C001")
    find_box.send_keys(Keys.CONTROL, "a")
    find_box.send_keys("新城")
    wait("found by name", lambda: value(d, "customer_code") == "C002")
    testid(d, "issue-delivery").click()

    # Issued: the way to print or sign it is right there.
    link = testid(d, "toast-link", seconds=20)
    number = f"SD-{today.year}-000001"
    assert number in testid(d, "toast").text
    app.shot("07-issued-with-a-link")
    link.click()
    wait("the preview drawn", lambda: find(d, "[data-testid='pdf-view'] .pages", seconds=20).get_attribute("data-rendered") == "1")
    fill(d, "signer", "王经理")
    draw_signature(d)
    wait_text(d, ".pad-foot", "已签字")
    testid(d, "sign-confirm").click()
    wait("the note signed", lambda: find(d, "[data-testid='paper-status']").get_attribute("data-status") == "signed_pad")
    wait("the signed preview drawn", lambda: find(d, "[data-testid='pdf-view'] .pages").get_attribute("data-rendered") == "1")
    shots(app, "08-first-note-signed")

    # The paper carries the seller: the company entered first.
    pdf = Path(app.db).parent / "first.pdf"
    cli(app.db, "document", "pdf", number, "--signed", "--out", str(pdf))
    text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    for printed in ("杭州明远建材有限公司", "91330105MA27XK8L3Q", "余杭新城建材"):
        assert printed in text, f"{printed} not on the paper:\n{text}"


def test_start_my_real_books_from_the_demo_keeps_the_demo_as_a_file_of_its_own(app):
    d = app.driver
    testid(d, "start-demo").click()
    testid(d, "demo-banner", seconds=180)
    shots(app, "01-the-demo-says-so")
    demo_customers = cli(app.db, "customer", "list").count("\n")
    assert demo_customers > 10

    testid(d, "start-real-books").click()
    testid(d, "confirm-real-books").click()
    testid(d, "setup", seconds=30)
    kept = Path(app.db).parent / "demo" / "books.db"
    wait_text(d, "[data-testid='toast']", str(kept))
    app.shot("02-real-books-start-with-the-company")

    # The demo is whole in its own file and still opens; the books are empty.
    assert cli(kept, "customer", "list").count("\n") == demo_customers
    assert "C0" not in cli(app.db, "customer", "list")
    go(d, "#/")
    testid(d, "way-in")
    assert not d.find_elements("css selector", "[data-testid='demo-banner']")
    testid(d, "way-in-company")
    testid(d, "way-in-customer")
    shots(app, "03-empty-books-lead-the-way-in")


def test_months_show_as_2026_11_or_2026年11月_and_are_typed_as_people_type_them(app):
    d = app.driver
    testid(d, "start-empty").click()
    testid(d, "setup-later").click()
    go(d, "#/month-end?period=2026-11")
    field = testid(d, "month-end-period")
    wait("the month in Chinese", lambda: field.get_attribute("value") == "2026年11月")
    testid(d, "lang-en").click()
    wait("the month in English", lambda: testid(d, "month-end-period").get_attribute("value") == "2026-11")
    assert "Nov" not in testid(d, "month-end").text
    field = testid(d, "month-end-period")
    field.send_keys(Keys.CONTROL, "a")
    field.send_keys("2026/10", Keys.ENTER)
    wait("the typed month chosen", lambda: d.execute_script("return location.hash") == "#/month-end?period=2026-10")
    testid(d, "month-end-period-months").click()
    wait("the twelve months offered", lambda: len(d.find_elements("css selector", "[data-month^='2026-']")) == 12)
    app.shot("01-month-list-en-1280x800")
    d.switch_to.active_element.send_keys(Keys.ESCAPE)
    wait("the month list closed", lambda: not d.find_elements("css selector", "[data-month^='2026-']"))
    testid(d, "month-end")
    shots(app, "02-month-end-period")
