"""The shop owner's daily flows in the real app: customers, delivery notes, payments, the
customer page and the dashboard, both languages, and bad input refused in place."""

import datetime
import os
import subprocess
import time

from selenium.webdriver.common.keys import Keys

from conftest import APP, CLI
from ui import count, fill, find, go, testid, wait, wait_text


def start_empty(app):
    testid(app.driver, "start-empty").click()
    testid(app.driver, "setup-later").click()  # the company can wait for these tests
    testid(app.driver, "dashboard")


def create_customer(driver, code, name, terms="net:30", limit="50000"):
    go(driver, "#/customers/new")
    fill(driver, "code", code)
    fill(driver, "name", name)
    fill(driver, "payment_terms", terms)
    fill(driver, "credit_limit", limit)
    fill(driver, "contacts.0.name", "王经理")
    fill(driver, "contacts.0.phone", "13800001111")
    testid(driver, "save-customer").click()
    wait_text(driver, "[data-testid='customer-name']", name)


def ledger_rows(driver, code) -> int:
    go(driver, f"#/customers/{code}")
    testid(driver, "tab-ledger").click()
    find(driver, "[data-testid='ledger']")
    return count(driver, "[data-testid='ledger-line']")


def days_ago(n: int) -> str:
    return (datetime.date.today() - datetime.timedelta(days=n)).isoformat()


def test_a_delivery_and_a_payment_change_the_balance_and_aging_on_the_customer_page_and_dashboard(app):
    d = app.driver
    app.shot("01-welcome")
    start_empty(app)
    create_customer(d, "C100", "杭州新华超市")
    app.shot("02-customer-new-page")

    # A delivery dated 45 days ago on net:30 is 15 days overdue today.
    testid(d, "customer-new-delivery").click()
    testid(d, "delivery-new")
    fill(d, "date", days_ago(45))
    fill(d, "lines.0.item", "水泥 P.O 42.5")
    fill(d, "lines.0.unit", "吨")
    fill(d, "lines.0.quantity", "10")
    fill(d, "lines.0.unit_price", "412.35")
    fill(d, "lines.1.item", "螺丝")
    fill(d, "lines.1.quantity", "333")
    fill(d, "lines.1.unit_price", "0.035")
    # 10 × 412.35 = 4,123.50; 333 × 0.035 = 11.655 → 11.66 (half-up at the line).
    wait_text(d, "[data-testid='delivery-total']", "¥4,135.16")
    wait_text(d, "[data-testid='due-preview']", days_ago(15))
    app.shot("03-delivery-form-zh")
    testid(d, "issue-delivery").click()

    wait_text(d, "[data-testid='customer-balance']", "¥4,135.16")
    wait_text(d, "[data-testid='customer-overdue']", "¥4,135.16")
    testid(d, "tab-aging").click()
    wait_text(d, "[data-testid='customer-aging'] [data-bucket='1-30']", "¥4,135.16")
    app.shot("04-customer-aging-after-delivery")

    go(d, "#/")
    wait_text(d, "[data-testid='total-receivable']", "¥4,135.16")
    wait_text(d, "[data-testid='total-overdue']", "¥4,135.16")
    wait_text(d, "[data-testid='aging-chart'] [data-bucket='1-30']", "¥4,135.16")

    go(d, "#/payment/new?customer=C100")
    testid(d, "payment-new")
    fill(d, "amount", "4000")
    wait_text(d, "[data-testid='open-item'] [data-testid='applied']", "¥4,000.00")
    app.shot("05-payment-form-zh")
    find(d, "[name='reference']").send_keys("BANK-778", Keys.ENTER)  # Enter submits

    wait_text(d, "[data-testid='customer-balance']", "¥135.16")
    testid(d, "tab-ledger").click()
    wait("two ledger lines", lambda: count(d, "[data-testid='ledger-line']") == 2)
    wait_text(d, "[data-testid='ledger']", "¥135.16")
    app.shot("06-customer-ledger-zh")

    go(d, "#/")
    wait_text(d, "[data-testid='total-receivable']", "¥135.16")
    wait_text(d, "[data-testid='top-debtors']", "杭州新华超市")
    app.shot("07-dashboard-zh")


def test_switching_language_shows_the_same_page_in_the_other_language(app):
    d = app.driver
    start_empty(app)
    create_customer(d, "C7", "苏州远东五金")
    wait_text(d, "[data-testid='customer-balance']", "余额")
    wait_text(d, "[data-testid='nav-customers']", "客户")
    app.shot("01-customer-page-zh")

    testid(d, "lang-en").click()
    wait_text(d, "[data-testid='customer-balance']", "Balance")
    wait_text(d, "[data-testid='nav-customers']", "Customers")
    assert "苏州远东五金" in testid(d, "customer-name").text, "the data stays as typed"
    app.shot("02-customer-page-en")

    go(d, "#/")
    wait_text(d, "[data-testid='total-receivable']", "Total receivables")
    testid(d, "lang-zh").click()
    wait_text(d, "[data-testid='total-receivable']", "应收账款合计")


def test_bad_input_shows_its_message_beside_the_field_and_changes_nothing(app):
    d = app.driver
    start_empty(app)
    create_customer(d, "C1", "宁波华联商贸")

    # An empty name.
    go(d, "#/customers/new")
    fill(d, "code", "C2")
    testid(d, "save-customer").click()
    wait_text(d, "[data-error-for='name']", "名称不能为空")
    app.shot("01-empty-name")

    # A duplicate code, case aside.
    fill(d, "code", "c1")
    fill(d, "name", "另一家公司")
    testid(d, "save-customer").click()
    wait_text(d, "[data-error-for='code']", "已被使用")
    app.shot("02-duplicate-code")
    go(d, "#/customers")
    wait("one customer row", lambda: count(d, "[data-testid='customer-row']") == 1)

    # An amount with three decimals.
    rows_before = ledger_rows(d, "C1")
    go(d, "#/payment/new?customer=C1")
    testid(d, "payment-new")
    fill(d, "amount", "12.345")
    testid(d, "record-payment").click()
    wait_text(d, "[data-error-for='amount']", "超过 2 位小数")
    app.shot("03-three-decimals-zh")
    testid(d, "lang-en").click()
    testid(d, "record-payment").click()
    wait_text(d, "[data-error-for='amount']", "has more than 2 decimals")
    app.shot("04-three-decimals-en")
    assert ledger_rows(d, "C1") == rows_before
    wait_text(d, "[data-testid='customer-balance']", "¥0.00")

    # A quantity that is not a number, on its own line.
    go(d, "#/delivery/new?customer=C1")
    testid(d, "delivery-new")
    fill(d, "lines.0.item", "Cement")
    fill(d, "lines.0.quantity", "ten")
    fill(d, "lines.0.unit_price", "5")
    testid(d, "issue-delivery").click()
    wait_text(d, "[data-error-for='lines.0']", "not a number")
    assert ledger_rows(d, "C1") == rows_before


def test_the_demo_company_opens_as_a_living_business(app):
    d = app.driver
    testid(d, "start-demo").click()
    testid(d, "dashboard", seconds=60)
    wait("ten top debtors", lambda: count(d, "[data-testid='top-debtors'] tbody tr") == 10)
    overdue = testid(d, "total-overdue").text
    assert "¥0.00" not in overdue, overdue
    app.shot("01-dashboard-zh")
    testid(d, "lang-en").click()
    wait_text(d, "[data-testid='total-receivable']", "Total receivables")
    app.shot("02-dashboard-en")

    testid(d, "nav-customers").click()
    count_text = wait_text(d, "[data-testid='customer-count']", "customers")
    shown = int(count_text.split()[0])
    assert 55 <= shown <= 65, count_text
    app.shot("03-customers-en")
    first = find(d, "[data-testid='customer-row']")
    code = first.get_attribute("data-code")
    first.click()
    testid(d, "customer-page")
    testid(d, "tab-ledger").click()
    wait("a long ledger", lambda: count(d, "[data-testid='ledger-line']") > 10)
    app.shot("04-customer-ledger-en")
    testid(d, "tab-profile").click()
    app.shot("05-customer-profile-en")
    testid(d, "lang-zh").click()
    wait_text(d, "[data-testid='customer-balance']", "余额")
    app.shot("06-customer-profile-zh")

    go(d, f"#/delivery/new?customer={code}")
    fill(d, "lines.0.item", "瓷砖 600×600")
    fill(d, "lines.0.quantity", "120")
    fill(d, "lines.0.unit_price", "38.5")
    wait_text(d, "[data-testid='delivery-total']", "¥4,620.00")
    app.shot("07-delivery-form-zh")
    testid(d, "lang-en").click()
    wait_text(d, "[data-testid='delivery-new']", "New delivery note")
    app.shot("08-delivery-form-en")

    go(d, f"#/payment/new?customer={code}")
    fill(d, "amount", "1000")
    find(d, "[data-testid='applied']")
    app.shot("09-payment-form-en")
    go(d, "#/settings")
    testid(d, "backup-now").click()
    wait_text(d, "[data-testid='backup-done']", "backups")
    app.shot("10-settings-en")

    # The owner's credit work in the demo: reviews falling due, and each customer's behaviour
    # computed from its ledger beside the assessment that was approved.
    testid(d, "lang-zh").click()
    go(d, "#/")
    wait("reviews due on the dashboard", lambda: count(d, "[data-testid='due-reviews'] li") > 0)
    find(d, "[data-testid='top-debtors'] tbody tr a").click()
    testid(d, "tab-credit").click()
    testid(d, "credit-panel")
    wait("a computed behaviour", lambda: testid(d, "avg-days-to-pay").text not in ("", "—"))
    testid(d, "assessment-grade")
    app.shot("11-customer-credit-zh")


def test_ten_thousand_customers_scroll_and_search_without_rendering_them_all(launcher, tmp_path):
    csv = tmp_path / "customers.csv"
    rows = ["code,name,kind,phone,address,tax_id,salesperson,payment_terms,credit_limit,statement_day"]
    rows += [f"K{i:05d},客户{i:05d} 商贸有限公司,shop,1380000{i:04d},,,张三,net:30,10000," for i in range(10000)]
    csv.write_text("\n".join(rows) + "\n", encoding="utf-8")

    def prepare(db):
        subprocess.run([str(CLI), "--db", str(db), "init"], check=True, capture_output=True)
        subprocess.run([str(CLI), "--db", str(db), "import", "customers", str(csv)], check=True, capture_output=True)

    app = launcher(prepare)
    d = app.driver
    testid(d, "nav-customers", seconds=20).click()
    wait_text(d, "[data-testid='customer-count']", "10,000", seconds=20)
    rendered = count(d, "[data-testid='customer-row']")
    assert 0 < rendered < 100, f"{rendered} rows in the DOM for 10,000 customers"
    d.execute_script("document.querySelector('[data-testid=virtual-list]').scrollTop = 34 * 5000")
    wait("row K05000", lambda: find(d, "[data-code='K05000']"))
    app.shot("01-scrolled-to-5000")

    search = testid(d, "customer-search")
    started = time.monotonic()
    search.send_keys("K0999")
    wait("ten matching rows", lambda: count(d, "[data-testid='customer-row']") == 10)
    elapsed = time.monotonic() - started
    print(f"search of 10,000 customers to 10 rows: {elapsed * 1000:.0f} ms (including WebDriver typing)")
    assert elapsed < 3.0


def test_a_second_launch_hands_over_to_the_running_app_and_exits(app):
    start_empty(app)
    env = dict(os.environ, HUIKUAN_DB=str(app.db), DISPLAY=app.display)
    started = time.monotonic()
    second = subprocess.run([str(APP)], env=env, capture_output=True, timeout=30)
    assert second.returncode == 0, second.stderr.decode(errors="replace")
    assert time.monotonic() - started < 10
    # The first one is still there and still answers.
    testid(app.driver, "nav-customers").click()
    testid(app.driver, "customers")


def test_the_window_opens_at_the_size_it_was_closed_at(launcher):
    first = launcher(lambda db: None)
    testid(first.driver, "start-empty").click()
    first.driver.set_window_rect(width=1100, height=700)
    wait("the window to take the new size", lambda: first.driver.get_window_rect()["width"] == 1100)
    first.driver.close()  # the last window: the app exits and saves its window state
    time.sleep(1)

    second = launcher(lambda db: None)
    testid(second.driver, "dashboard", seconds=20)
    rect = second.driver.get_window_rect()
    assert (rect["width"], rect["height"]) == (1100, 700), rect


def test_editing_a_customer_updates_the_profile_and_contacts_in_place(app):
    d = app.driver
    start_empty(app)
    create_customer(d, "C5", "绍兴恒通建材")
    testid(d, "edit-customer").click()
    testid(d, "customer-edit")
    wait("the stored contact in the form", lambda: find(d, "[name='contacts.0.name']").get_attribute("value") == "王经理")
    fill(d, "phone", "0575-88001122")
    find(d, "[data-testid='customer-edit'] button[type='button']:not(.remove)").click()  # add a contact
    fill(d, "contacts.1.name", "赵会计")
    fill(d, "contacts.1.phone", "13700002222")
    app.shot("01-edit-form")
    find(d, "[name='contacts.1.phone']").send_keys(Keys.ENTER)
    wait_text(d, "[data-testid='customer-page']", "0575-88001122")
    wait_text(d, "[data-testid='customer-page']", "赵会计")
    wait_text(d, "[data-testid='customer-page']", "王经理")
    app.shot("02-profile-after-edit")

    # Esc leaves the form without saving.
    testid(d, "edit-customer").click()
    fill(d, "name", "不该保存的名字")
    find(d, "[name='name']").send_keys(Keys.ESCAPE)
    wait_text(d, "[data-testid='customer-name']", "绍兴恒通建材")


def test_a_delivery_over_the_limit_is_blocked_with_its_figures_then_let_through_with_a_reason_shown_on_the_customer_page(app):
    d = app.driver
    start_empty(app)
    create_customer(d, "C300", "宏达建材商行", terms="net:30", limit="5000")
    testid(d, "customer-new-delivery").click()
    testid(d, "delivery-new")
    fill(d, "lines.0.item", "瓷砖 600×600")
    fill(d, "lines.0.quantity", "100")
    fill(d, "lines.0.unit_price", "50.01")
    # 100 × 50.01 = 5,001.00 against a limit of 5,000.00: the form warns before issuing.
    wait_text(d, "[data-testid='credit-block-preview']", "超出信用额度")
    testid(d, "issue-delivery").click()
    message = wait_text(d, "[data-testid='credit-block-message']", "C300 宏达建材商行 的赊销被拦截")
    assert "现欠 ¥0.00，本单 ¥5,001.00，占用额度 ¥5,001.00，信用额度 ¥5,000.00（超出 ¥1.00）" in message, message
    app.shot("01-blocked-zh")

    testid(d, "lang-en").click()
    testid(d, "issue-delivery").click()
    wait_text(
        d,
        "[data-testid='credit-block-message']",
        "delivery on credit to C300 宏达建材商行 is blocked: over the credit limit: owes ¥0.00, this delivery "
        "¥5,001.00, exposure ¥5,001.00 against a limit of ¥5,000.00 (¥1.00 over)",
    )
    app.shot("02-blocked-en")
    testid(d, "lang-zh").click()

    fill(d, "override_reason", "老客户，老板电话同意先发货")
    wait_text(d, "[data-testid='issue-delivery']", "放行并开单")
    testid(d, "issue-delivery").click()
    wait_text(d, "[data-testid='customer-balance']", "¥5,001.00")
    testid(d, "tab-credit").click()
    overrides = wait_text(d, "[data-testid='credit-overrides']", "老客户，老板电话同意先发货")
    assert "SD-" in overrides and "¥5,001.00" in overrides, overrides
    app.shot("03-override-on-customer-page")


def test_the_owner_scores_a_customer_and_approves_a_limit_that_the_customer_page_then_shows(app):
    d = app.driver
    start_empty(app)
    create_customer(d, "C400", "安心口腔诊所", terms="cod", limit="0")
    go(d, "#/customers/C400/assess")
    testid(d, "assessment-new")
    for factor in ["business_scale", "operating_condition", "years_in_business", "relationship", "industry_risk", "guarantees"]:
        find(d, f"[data-testid='score-{factor}-4']").find_element("xpath", "..").click()
    fill(d, "expected_monthly_sales", "20000")
    # 4 on six factors, payment history a neutral 3: 3.70 → B, 1.5 months of 20,000, net 30 days.
    wait_text(d, "[data-testid='preview-grade']", "B")
    wait_text(d, "[data-testid='preview-recommendation']", "¥30,000.00")
    testid(d, "signal-lawsuits").click()
    wait_text(d, "[data-testid='preview-grade']", "C")
    app.shot("01-assessment-form")
    testid(d, "approve-assessment").click()
    testid(d, "credit-panel")
    wait_text(d, "[data-testid='assessment-grade']", "C")
    wait_text(d, "[data-testid='customer-grade']", "C 级")
    wait_text(d, "[data-testid='assessment']", "涉及诉讼")
    app.shot("02-customer-credit-tab")
