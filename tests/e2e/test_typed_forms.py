"""Forms take what people type: amounts with ¥ and thousands, dates 2026/12/1 and 12月1日,
terms in words; every refused field shown at once and each cleared as it is edited; the
payment preview following typed amounts row by row and refusing too much on a row as it is
typed. Screenshots in both languages at 1280×800 and 1024×700."""

import datetime
import subprocess
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import CLI
from ui import count, fill, find, go, testid, wait, wait_text

SIZES = [(1280, 800), (1024, 700)]
TODAY = datetime.date.today()


def cli(db, *args):
    return subprocess.run([str(CLI), "--db", str(db), *args], check=True, capture_output=True, text=True).stdout


def typed(day: datetime.date) -> str:
    """A date as people type it: 2026/9/1."""
    return f"{day.year}/{day.month}/{day.day}"


def two_open_notes(db: Path):
    cli(db, "init")
    cli(db, "customer", "add", "--code", "C1", "--name", "杭州新华超市", "--terms", "月结30天", "--credit-limit", "¥100,000")
    older, newer = TODAY - datetime.timedelta(days=70), TODAY - datetime.timedelta(days=40)
    cli(db, "delivery", "--customer", "C1", "--date", typed(older), "--line", "水泥,1,¥20000")
    cli(db, "delivery", "--customer", "C1", "--date", typed(newer), "--line", "砂石,1,10000元")


def shots(app, name: str) -> None:
    for width, height in SIZES:
        app.driver.set_window_size(width, height)
        app.shot(f"{name}-{width}x{height}")
    app.driver.set_window_size(*SIZES[0])


def in_language(d, language: str) -> None:
    if language == "en":
        testid(d, "lang-en").click()
        wait_text(d, "[data-testid='nav-customers']", "Customers")


def row(number: str) -> str:
    return f"[data-testid='open-item'][data-number='{number}']"


def errors_shown(d) -> set[str]:
    return {e.get_attribute("data-error-for") for e in d.find_elements(By.CSS_SELECTOR, "[data-error-for]")}


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_payment_preview_follows_typed_amounts_and_refuses_too_much_on_a_row_as_typed(launcher, language):
    app = launcher(two_open_notes)
    d = app.driver
    in_language(d, language)
    go(d, "#/payment/new?customer=C1")
    testid(d, "payment-new")
    wait("two open notes", lambda: count(d, "[data-testid='open-item']") == 2)
    older, newer = [e.get_attribute("data-number") for e in d.find_elements(By.CSS_SELECTOR, "[data-testid='open-item']")]

    fill(d, "amount", "¥25,000")
    fill(d, f"allocations.{newer}", "¥5,000")
    # The typed row first, the rest oldest first: the newer note shows the ¥5,000 typed.
    wait_text(d, f"{row(newer)} [data-testid='applied']", "¥5,000.00")
    wait_text(d, f"{row(older)} [data-testid='applied']", "¥20,000.00")
    wait_text(d, "[data-testid='allocated']", "¥25,000.00")
    wait_text(d, "[data-testid='unapplied']", "¥0.00")
    shots(app, f"01-payment-typed-rows-{language}")

    # More than is open on the row: refused on that row as it is typed, before any save.
    fill(d, f"allocations.{newer}", "12,000")
    error = find(d, f"[data-error-for='allocations.{newer}']")
    assert "¥12,000.00" in error.text and "¥10,000.00" in error.text, error.text
    wait_text(d, f"{row(older)} [data-testid='applied']", "¥20,000.00")
    shots(app, f"02-payment-row-refused-as-typed-{language}")

    fill(d, f"allocations.{newer}", "5000")
    wait("the row's error gone", lambda: f"allocations.{newer}" not in errors_shown(d))
    testid(d, "record-payment").click()
    wait_text(d, "[data-testid='customer-balance']", "¥5,000.00")


@pytest.mark.parametrize("language", ["zh", "en"])
def test_a_form_shows_every_refused_field_at_once_clears_each_as_it_is_edited_and_takes_typed_values(
    launcher, language
):
    app = launcher(lambda db: cli(db, "init"))
    d = app.driver
    in_language(d, language)
    go(d, "#/customers/new")
    testid(d, "save-customer")
    fill(d, "code", "C 2")
    fill(d, "name", "")
    fill(d, "payment_terms", "月结")
    fill(d, "credit_limit", "5o,000")
    fill(d, "founded_year", "12年")
    testid(d, "save-customer").click()
    wanted = {"code", "name", "payment_terms", "credit_limit", "founded_year"}
    wait("every refused field shown at once", lambda: wanted <= errors_shown(d))
    focused = d.switch_to.active_element.get_attribute("name")
    assert focused == "code", f"the first field on the screen is focused, not {focused}"
    for field in wanted:
        message = find(d, f"[data-error-for='{field}']").text
        assert not any(key in message for key in wanted if "_" in key), f"{field}: no raw key in {message!r}"
    shots(app, f"03-customer-every-error-at-once-{language}")

    # Editing a field clears its error at once; the others stay until they are edited.
    find(d, "[name='code']").send_keys(Keys.BACKSPACE)
    wait("code's error cleared", lambda: "code" not in errors_shown(d))
    assert {"name", "credit_limit"} <= errors_shown(d)

    fill(d, "code", "C2")
    fill(d, "name", "苏州远东五金")
    fill(d, "payment_terms", "月结30天")
    fill(d, "credit_limit", "50,000")
    fill(d, "founded_year", "2012年")
    testid(d, "save-customer").click()
    wait_text(d, "[data-testid='customer-name']", "苏州远东五金")
    shots(app, f"04-customer-saved-from-typed-values-{language}")

    go(d, "#/delivery/new?customer=C2")
    testid(d, "delivery-new")
    # Several bad fields on a delivery note: each beside its field or row, nothing doubled above.
    fill(d, "date", "01/12/2026")
    find(d, "[name='date']").send_keys(Keys.TAB)
    fill(d, "lines.0.item", "水泥")
    fill(d, "lines.0.quantity", "x")
    fill(d, "lines.0.unit_price", "1.23456")
    testid(d, "issue-delivery").click()
    wait("the date and the line refused together", lambda: {"date", "lines.0"} <= errors_shown(d))
    assert count(d, "[data-testid='form-error']") == 0, "no refusal repeated above the form"
    shots(app, f"05-delivery-every-error-at-once-{language}")
    fill(d, "date", typed(TODAY - datetime.timedelta(days=3)))
    find(d, "[name='date']").send_keys(Keys.TAB)
    fill(d, "lines.0.item", "水泥")
    fill(d, "lines.0.quantity", "1,000")
    fill(d, "lines.0.unit_price", "¥4.15")
    wait_text(d, "[data-testid='delivery-total']", "¥4,150.00")
    shots(app, f"06-delivery-typed-{language}")
    testid(d, "issue-delivery").click()
    wait_text(d, "[data-testid='customer-balance']", "¥4,150.00")

    go(d, "#/payment/new?customer=C2")
    testid(d, "payment-new")
    fill(d, "date", f"{TODAY.month}月{TODAY.day}日")
    find(d, "[name='date']").send_keys(Keys.TAB)
    fill(d, "amount", "¥4,150.00")
    wait_text(d, "[data-testid='allocated']", "¥4,150.00")
    shots(app, f"07-payment-typed-{language}")
    testid(d, "record-payment").click()
    wait_text(d, "[data-testid='customer-balance']", "¥0.00")


def test_a_new_note_or_payment_starts_with_the_keyboard_in_the_customer_finder(launcher):
    d = launcher(two_open_notes).driver
    for route, screen in (("#/payment/new", "payment-new"), ("#/delivery/new", "delivery-new")):
        go(d, route)
        testid(d, screen)
        wait(
            f"focus in the customer finder on {route}",
            lambda: d.execute_script("return document.activeElement?.dataset.testid") == "customer-find",
        )
        d.switch_to.active_element.send_keys("新华")
        wait("the customer found by name", lambda: find(d, "[data-testid='customer-picker']").get_attribute("value") == "C1")
