"""Bank statements (cash application) through the bank screen, on the demo company: an ICBC
download saved as GBK is previewed (new lines, rows left out and why) and kept only on
"Import"; the line from a customer by name, of exactly one receivable's open amount, is
suggested with high confidence and its reasons in the user's language and accepted with one
key; the line with no clue gets no suggestion, the key does nothing to it, and it is marked
as not a customer payment with its reason; the same file again has nothing new. Another
line is given to a customer by hand, its allocation filled oldest first and checked."""

import datetime
import sqlite3
from pathlib import Path

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.file_detector import UselessFileDetector

from ui import count, find, go, testid, wait, wait_text
from walk import axe_violations, book_words, demo_books, describe, set_language, settle, untranslated, visible_text

NO_CLUE_PAYER = "刘海波"


def yuan(cents: int) -> str:
    return f"{cents // 100:,}.{cents % 100:02d}"


def a_customer_owed_an_amount(db: Path) -> tuple[str, str, str, int]:
    """A demo customer whose name no other shares, and one of its open receivables whose open
    amount no other of its receivables has: (code, name, receivable number, open cents)."""
    with sqlite3.connect(db) as conn:
        return conn.execute(
            "SELECT c.code, c.name, o.number, o.open_cents FROM open_items o JOIN customers c ON c.id = o.customer_id "
            "WHERE c.status = 'active' "
            "AND (SELECT count(*) FROM customers c2 WHERE c2.name = c.name) = 1 "
            "AND (SELECT count(*) FROM open_items o2 WHERE o2.customer_id = o.customer_id "
            "     AND o2.open_cents = o.open_cents) = 1 "
            "AND (SELECT count(*) FROM open_items o3 WHERE o3.customer_id = o.customer_id) > 1 "
            "ORDER BY c.code, o.due_date LIMIT 1"
        ).fetchone()


def another_customer_with_two_open(db: Path, other: str) -> tuple[str, list[tuple[str, int]]]:
    """An active customer (not `other`) with at least two open receivables: its code and
    its open receivables (number, open cents) in the app's oldest-first order."""
    with sqlite3.connect(db) as conn:
        code, customer_id = conn.execute(
            "SELECT c.code, c.id FROM customers c WHERE c.status = 'active' AND c.code <> ? "
            "AND (SELECT count(*) FROM open_items o WHERE o.customer_id = c.id) >= 2 ORDER BY c.code LIMIT 1",
            (other,),
        ).fetchone()
        items = conn.execute(
            "SELECT number, open_cents FROM open_items WHERE customer_id = ? ORDER BY due_date, doc_date, number",
            (customer_id,),
        ).fetchall()
    return code, items


def icbc_statement(folder: Path, lines: list[tuple[str, str, int, str, str]], outgoing: bool) -> Path:
    """An ICBC account-detail download as Excel on a Chinese Windows saves it (GBK): the
    bank's preamble, the heading, then the lines (date, memo, income cents, payer, account)."""
    rows = [
        "中国工商银行对公账户明细",
        "账号：1202020209000012345,户名：杭州明远建材有限公司",
        "币种：人民币,起始日期：2026-01-01,终止日期：2026-12-31",
        "交易日期,摘要,交易详情,交易场所,交易金额(收入),交易金额(支出),记账金额(收入/支出),余额,对方户名,对方账户",
    ]
    balance = 1_000_000_00
    for date, memo, cents, payer, account in lines:
        balance += cents
        rows.append(f'{date},{memo},网银转账,网上银行,"{yuan(cents)}",,"{yuan(cents)}","{yuan(balance)}",{payer},{account}')
    if outgoing:
        rows.append(f'{lines[-1][0]},付货款,网银转账,网上银行,,"3,000.00","-3,000.00","{yuan(balance - 300000)}",宁波恒通五金厂,3901020209000088776')
    path = folder / "icbc.csv"
    path.write_bytes(("\r\n".join(rows) + "\r\n").encode("gbk"))
    return path


def pick_file(d, path: Path) -> None:
    d.file_detector = UselessFileDetector()
    find(d, "[data-testid='bank-file']").send_keys(str(path))


def line_with(d, confidence: str):
    return find(d, f"[data-testid='bank-line'][data-confidence='{confidence}']", seconds=20)


def press(d, *keys) -> None:
    """Keys typed at whatever has the keyboard (a focused line is not a field)."""
    ActionChains(d).send_keys(*keys).perform()


def small_window(app, name: str) -> None:
    """The screen at the smallest size the app supports: the amount, the suggestion and the
    buttons of each line in view without scrolling sideways."""
    d = app.driver
    d.set_window_size(1024, 700)
    wait("the window at 1024 wide", lambda: d.execute_script("return window.innerWidth") <= 1024)
    settle(d)
    right = d.execute_script(
        "return Math.max(...[...document.querySelectorAll(\"[data-testid='bank-accept']\")]"
        ".map(b => b.getBoundingClientRect().right))"
    )
    app.shot(name)
    assert right <= d.execute_script("return window.innerWidth"), f"the buttons end at {right}px"
    d.set_window_size(1280, 800)
    wait("the window back at 1280 wide", lambda: d.execute_script("return window.innerWidth") > 1024)


def focused(d) -> dict:
    return d.execute_script(
        "const e = document.activeElement; return {testid: e?.dataset?.testid ?? '', id: e?.dataset?.id ?? ''}"
    )


def test_a_statement_is_previewed_imported_and_its_lines_accepted_or_ignored(launcher, tmp_path):
    app = launcher(demo_books)
    d = app.driver
    code, name, number, cents = a_customer_owed_an_amount(app.db)
    today = datetime.date.today().isoformat()
    statement = icbc_statement(
        tmp_path,
        [
            (today, "货款", cents, name, "6222020200112233445"),
            (today, "转账", 123456, NO_CLUE_PAYER, "6217000011112222333"),
        ],
        outgoing=True,
    )
    set_language(d, "zh")
    go(d, "#/bank")
    testid(d, "bank-empty", seconds=30)

    # The file is read and counted, nothing kept until "Import".
    pick_file(d, statement)
    wait_text(d, "[data-testid='bank-count-new']", "2", seconds=20)
    assert testid(d, "bank-count-known").text == "0"
    assert testid(d, "bank-count-ignored").text == "1"
    assert "工商银行" in testid(d, "bank-preview").text
    skipped = testid(d, "bank-skipped-row").text
    assert skipped.startswith("7"), f"the outgoing line is the file's 7th row: {skipped}"
    assert count(d, "[data-testid='bank-line']") == 0 and testid(d, "bank-empty"), "a preview keeps nothing"
    with sqlite3.connect(app.db) as conn:
        assert conn.execute("SELECT count(*) FROM bank_lines").fetchone()[0] == 0
    app.shot("01-preview-zh")
    testid(d, "bank-import-confirm").click()
    wait_text(d, "[data-testid='bank-imported']", "2")
    wait("the two lines", lambda: count(d, "[data-testid='bank-line']") == 2, seconds=20)

    # The customer's own name and exactly one receivable's open amount: sure, and why.
    sure = line_with(d, "high")
    assert f"{code} · {name}" in sure.find_element("css selector", "[data-testid='bank-customer']").text
    reasons = sure.find_element("css selector", "[data-testid='bank-reasons']").text
    assert f"付款人“{name}”就是客户名称" in reasons, reasons
    assert f"金额正好等于 {number} 的未收金额" in reasons, reasons
    assert number in sure.find_element("css selector", "[data-testid='bank-allocations']").text
    assert "可信度高" in sure.find_element("css selector", "[data-testid='bank-confidence']").text
    unknown = line_with(d, "none")
    assert NO_CLUE_PAYER in unknown.text
    testid(d, "bank-no-suggestion")
    settle(d)
    app.shot("02-suggestions-zh")
    small_window(app, "02-suggestions-zh-1024x700")
    # Every word in the user's language; the statement's own words (payers, memos) are theirs.
    words = untranslated(visible_text(d), "zh", book_words(app.db))
    assert not words, words
    findings = []
    found = axe_violations(d)
    if found:
        findings.append(describe("bank", "zh", found))

    set_language(d, "en")
    sure = line_with(d, "high")
    wait_text(d, "[data-testid='bank-line'][data-confidence='high'] [data-testid='bank-reasons']", f"the payer {name} is the customer's name")
    reasons = sure.find_element("css selector", "[data-testid='bank-reasons']").text
    assert f"the amount is exactly what is open on {number}" in reasons, reasons
    assert "High confidence" in sure.find_element("css selector", "[data-testid='bank-confidence']").text
    settle(d)
    app.shot("03-suggestions-en")
    small_window(app, "03-suggestions-en-1024x700")
    words = untranslated(visible_text(d), "en", book_words(app.db))
    assert not words, words
    found = axe_violations(d)
    if found:
        findings.append(describe("bank", "en", found))
    set_language(d, "zh")

    # Enter on the line with no suggestion records nothing: it says what to do instead.
    unknown_id = line_with(d, "none").get_attribute("data-id")
    line_with(d, "none").find_element("css selector", "td.date").click()
    wait("the unknown line focused", lambda: focused(d)["id"] == unknown_id)
    press(d, Keys.ENTER)
    wait_text(d, f"[data-testid='bank-line'][data-id='{unknown_id}'] [data-testid='bank-line-error']", "未找到对应客户")
    assert count(d, "[data-testid='bank-line']") == 2

    # One key accepts the confident suggestion as shown; the keyboard moves to the next open line.
    line_with(d, "high").find_element("css selector", "td.date").click()
    sure_id = line_with(d, "high").get_attribute("data-id")
    wait("the sure line focused", lambda: focused(d)["id"] == sure_id)
    press(d, "a")
    wait("the accepted line gone", lambda: count(d, "[data-testid='bank-line']") == 1, seconds=20)
    done = wait_text(d, "[data-testid='bank-done']", "已登记收款")
    payment = done.split("已登记收款 ")[1].split("：")[0]
    wait("the next open line focused", lambda: focused(d) == {"testid": "bank-line", "id": unknown_id})
    with sqlite3.connect(app.db) as conn:
        amount, kind = conn.execute("SELECT amount_cents, kind FROM entries WHERE kind = 'payment' AND number = ?", (payment,)).fetchone()
        assert (amount, kind) == (cents, "payment")
        assert conn.execute("SELECT count(*) FROM open_items WHERE number = ?", (number,)).fetchone()[0] == 0, (
            "the receivable is settled"
        )

    # Not a customer payment: N on the line, and a reason is required.
    press(d, "n")
    reason = testid(d, "bank-ignore-reason")
    wait("the reason field focused", lambda: focused(d)["testid"] == "bank-ignore-reason")
    testid(d, "bank-ignore-confirm").click()
    testid(d, "bank-reason-missing")
    assert count(d, "[data-testid='bank-line']") == 1
    reason.send_keys("股东个人借款转入", Keys.ENTER)
    testid(d, "bank-empty", seconds=20)
    wait_text(d, "[data-testid='bank-done']", "非客户回款")

    testid(d, "bank-status-accepted").click()
    wait_text(d, "[data-testid='bank-result']", payment)
    assert count(d, "[data-testid='bank-line']") == 1
    testid(d, "bank-status-ignored").click()
    wait_text(d, "[data-testid='bank-reason']", "股东个人借款转入")
    app.shot("04-ignored-zh")

    # The same file again: both lines known, nothing new to import.
    testid(d, "bank-status-open").click()
    pick_file(d, statement)
    wait_text(d, "[data-testid='bank-count-known']", "2", seconds=20)
    assert testid(d, "bank-count-new").text == "0"
    assert not testid(d, "bank-import-confirm").is_enabled()

    report = "\n".join(findings)
    assert not findings, f"axe found critical or serious violations:\n{report}"


def test_a_line_is_given_to_another_customer_with_its_allocation_checked(launcher, tmp_path):
    app = launcher(demo_books)
    d = app.driver
    code, items = another_customer_with_two_open(app.db, "")
    (first, first_open), (second, second_open) = items[0], items[1]
    # More than the oldest, less than the two oldest: the second is paid in part.
    cents = first_open + second_open // 2
    today = datetime.date.today().isoformat()
    # Only a customer code in the memo, and an amount nothing fits: a guess, of low confidence.
    guessed = another_customer_with_two_open(app.db, code)[0]
    statement = icbc_statement(
        tmp_path,
        [
            (today, "转账", cents, NO_CLUE_PAYER, "6217000011119999000"),
            (today, f"{guessed} 货款", 7777, "赵文静", "6217000011118888000"),
        ],
        outgoing=False,
    )
    set_language(d, "en")
    go(d, "#/bank")
    testid(d, "bank-empty", seconds=30)
    pick_file(d, statement)
    wait_text(d, "[data-testid='bank-count-new']", "2", seconds=20)
    testid(d, "bank-import-confirm").click()
    line = line_with(d, "none")
    line.find_element("css selector", "td.date").click()
    press(d, "c")
    testid(d, "bank-change-form")
    wait("the finder focused", lambda: focused(d)["testid"] == "customer-find")
    press(d, code, Keys.ENTER)
    wait("the open items of the customer", lambda: count(d, "[data-testid='bank-open-item']") == len(items), seconds=20)
    amounts = d.find_elements("css selector", "[data-testid='bank-amount']")
    assert [a.get_attribute("value") for a in amounts[:2]] == [
        f"{first_open // 100}.{first_open % 100:02d}",
        f"{(cents - first_open) // 100}.{(cents - first_open) % 100:02d}",
    ], "filled oldest first up to the line's amount"
    assert all(a.get_attribute("value") == "" for a in amounts[2:])

    # More than the line's amount is refused before anything is sent.
    amounts[1].send_keys(Keys.CONTROL, "a")
    amounts[1].send_keys(yuan(second_open))
    testid(d, "bank-over")
    assert not testid(d, "bank-accept-changed").is_enabled()
    app.shot("05-change-customer-over-en")
    amounts[1].send_keys(Keys.CONTROL, "a")
    amounts[1].send_keys("1")
    wait("the allocation fits", lambda: testid(d, "bank-accept-changed").is_enabled())
    app.shot("06-change-customer-en")
    amounts[1].send_keys(Keys.ENTER)
    done = wait_text(d, "[data-testid='bank-done']", "Recorded payment", seconds=20)
    payment = done.split("Recorded payment ")[1].split(":")[0]
    with sqlite3.connect(app.db) as conn:
        given = conn.execute(
            "SELECT r.number, a.amount_cents FROM allocations a JOIN entries p ON p.id = a.credit_entry_id "
            "JOIN entries r ON r.id = a.receivable_entry_id WHERE p.kind = 'payment' AND p.number = ? ORDER BY r.number",
            (payment,),
        ).fetchall()
    assert sorted(given) == sorted([(first, first_open), (second, 100)]), given

    # A guess is never taken by a key: Enter on the low-confidence line only says so; the
    # button takes it.
    low = line_with(d, "low")
    assert "Low confidence" in low.find_element("css selector", "[data-testid='bank-confidence']").text
    assert guessed in low.find_element("css selector", "[data-testid='bank-customer']").text
    assert f"the memo holds the customer code {guessed}" in low.find_element("css selector", "[data-testid='bank-reasons']").text
    wait("the low line focused", lambda: focused(d)["id"] == low.get_attribute("data-id"))
    press(d, Keys.ENTER)
    wait_text(d, "[data-testid='bank-line'][data-confidence='low'] [data-testid='bank-line-error']", "press Accept")
    settle(d)
    app.shot("07-low-confidence-en")
    assert count(d, "[data-testid='bank-line']") == 1
    find(d, "[data-testid='bank-line'][data-confidence='low'] [data-testid='bank-accept']").click()
    testid(d, "bank-empty", seconds=20)
    wait_text(d, "[data-testid='bank-done']", "¥77.77")
