"""axe-core inside the real app, on every screen in both languages (demo company's books),
and what axe cannot see: the keyboard's way through the app and what a screen reader says."""

import time

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from ui import count, find, go, testid, wait, wait_text
from walk import (
    a_customer_and_a_paper,
    axe_violations,
    demo_books,
    describe,
    open_screen,
    screens,
    set_language,
    settle,
)


@pytest.mark.parametrize("language", ["zh", "en"])
def test_axe_finds_nothing_critical_or_serious_on_any_screen(launcher, language):
    app = launcher(demo_books)
    d = app.driver
    code, paper = a_customer_and_a_paper(app.db)
    set_language(d, language)
    findings = []
    for screen in screens(code, paper):
        open_screen(d, screen)
        found = axe_violations(d)
        if found:
            findings.append(describe(screen.name, language, found))
            app.shot(f"{language}-{screen.name}")
    report = "\n".join(findings)
    print(report)
    assert not findings, f"axe found critical or serious violations:\n{report}"


def test_axe_finds_nothing_critical_or_serious_on_the_welcome_screen(app):
    d = app.driver
    findings = []
    for language in ("zh", "en"):
        testid(d, f"lang-{language}", seconds=20).click()
        wait("the language", lambda: d.execute_script("return document.documentElement.lang").startswith(language))
        time.sleep(0.3)
        found = axe_violations(d)
        if found:
            findings.append(describe("welcome", language, found))
    report = "\n".join(findings)
    assert not findings, f"axe found critical or serious violations:\n{report}"


def focused(d):
    return d.execute_script(
        "const e = document.activeElement; return e ? [e.tagName, e.textContent.trim().slice(0, 60), e.dataset.testid || ''] : null"
    )


def test_changing_screens_moves_focus_to_the_heading_and_names_the_screen_in_the_title(launcher):
    app = launcher(demo_books)
    d = app.driver
    set_language(d, "zh")
    testid(d, "nav-customers").click()
    find(d, "[data-testid='customer-row']", seconds=20)
    wait("focus on the heading", lambda: focused(d)[0] == "H1")
    assert focused(d)[1] == "客户"
    wait("the title", lambda: d.title.startswith("客户") and "回款" in d.title)

    testid(d, "nav-reports").click()
    wait("focus on the reports heading", lambda: focused(d)[0] == "H1" and focused(d)[1] == "报表")
    set_language(d, "en")
    wait("the title in English", lambda: d.title.startswith("Reports") and "Huikuan" in d.title)

    # The skip link is the first Tab stop and takes the keyboard past the sidebar.
    d.execute_script("document.activeElement.blur(); window.scrollTo(0, 0)")
    d.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    wait("the skip link focused", lambda: focused(d)[2] == "skip-link")
    app.shot("01-skip-link")
    d.switch_to.active_element.send_keys(Keys.ENTER)
    wait("the heading focused", lambda: focused(d)[0] == "H1")


def test_on_the_worklist_enter_on_a_button_does_what_the_button_says_and_the_chosen_row_is_announced(launcher):
    app = launcher(demo_books)
    d = app.driver
    set_language(d, "zh")
    go(d, "#/collections")
    find(d, "[data-testid='work-detail']", seconds=20)
    settle(d)
    first = find(d, "[data-testid='work-row']").get_attribute("data-code")

    # ↓ chooses the next row, and a screen reader hears which.
    d.execute_script("document.activeElement.blur()")
    d.find_element(By.TAG_NAME, "body").send_keys(Keys.ARROW_DOWN)
    second = d.find_elements(By.CSS_SELECTOR, "[data-testid='work-row']")[1]
    wait("the second row chosen", lambda: second.get_attribute("aria-current") == "true")
    name = second.find_element(By.CSS_SELECTOR, "a").text
    live = find(d, "[data-testid='work-chosen']")
    assert live.get_attribute("aria-live") == "polite"
    # Said, not shown: read what a screen reader reads.
    wait("the chosen row announced", lambda: name in live.get_attribute("textContent"))
    assert "第 2/" in live.get_attribute("textContent")

    # The one to call and the number to call, beside the log form.
    call = find(d, "[data-testid='work-call']")
    assert "致电" in call.text or "请在客户档案中添加" in call.text, call.text

    # Enter on the Excel button exports: it does not also open the customer.
    excel = testid(d, "export-xlsx")
    d.execute_script("arguments[0].focus()", excel)
    excel.send_keys(Keys.ENTER)
    wait_text(d, "[data-testid='export-result']", ".xlsx", seconds=20)
    time.sleep(0.5)
    assert d.execute_script("return window.location.hash") == "#/collections", "Enter on a button opened a customer"
    app.shot("01-worklist-after-enter-on-excel")

    # Enter away from any control still opens the chosen customer.
    d.execute_script("document.activeElement.blur()")
    d.find_element(By.TAG_NAME, "body").send_keys(Keys.ENTER)
    wait("the customer opened", lambda: d.execute_script("return window.location.hash").startswith("#/customers/"))
    assert first not in d.execute_script("return window.location.hash")


def test_the_aging_chart_carries_its_figures_as_text_and_a_delivery_line_can_be_removed_by_keyboard(launcher):
    app = launcher(demo_books)
    d = app.driver
    set_language(d, "zh")
    chart = find(d, "[data-testid='aging-chart']", seconds=20)
    spoken = chart.get_attribute("role")
    assert spoken != "img", "the figures inside are not hidden behind one label"
    assert "¥" in chart.text
    go(d, "#/reports")
    table = find(d, "[data-testid='report-aging-chart-figures']", seconds=20)
    wait("the chart's figures", lambda: d.execute_script("return arguments[0].querySelectorAll('tbody tr').length", table) >= 3)

    go(d, "#/delivery/new")
    find(d, "[data-testid='delivery-new']", seconds=20)
    lines = lambda: count(d, "input[name^='lines.'][name$='.item']")
    before = lines()
    find(d, "[data-testid='delivery-new'] form .below button").click()
    wait("a line added", lambda: lines() == before + 1)
    last = before  # lines are numbered from 0
    item = find(d, f"input[name='lines.{last}.item']")
    assert item.get_attribute("aria-label"), "a line's field has a name"
    # Tab from the line's last field reaches its remove button; Enter removes the line.
    price = find(d, f"input[name='lines.{last}.unit_price']")
    price.click()
    price.send_keys(Keys.TAB)
    wait("the remove button focused", lambda: "remove" in (d.switch_to.active_element.get_attribute("class") or ""))
    d.switch_to.active_element.send_keys(Keys.ENTER)
    wait("the line removed", lambda: lines() == before)
