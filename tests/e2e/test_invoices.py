"""VAT invoices on a demo customer's Invoices tab: the invoices issued with what they cover and
how they reached the customer, the header's invoiced and uninvoiced figures; a new invoice for
this month's deliveries, refused beside its fields while wrong (a 19-digit number, covers that
do not add up) and recorded once right; its sending recorded; then the invoicing report.
Screenshots in both languages, axe on the tab and the form."""

import sqlite3
from pathlib import Path

from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.file_detector import UselessFileDetector
from selenium.webdriver.support.ui import Select

from ui import count, find, go, testid, wait, wait_text
from walk import axe_violations, demo_books, describe, set_language, settle


def an_invoiced_customer_with_uninvoiced_deliveries(db: Path) -> tuple[str, list[tuple[str, int]]]:
    """A demo customer with invoices and with deliveries no invoice covers: its code and those
    deliveries (number, cents), oldest first."""
    with sqlite3.connect(db) as conn:
        code, customer_id = conn.execute(
            "SELECT c.code, c.id FROM customers c WHERE EXISTS (SELECT 1 FROM invoices i WHERE i.customer_id = c.id) "
            "AND EXISTS (SELECT 1 FROM entries e WHERE e.customer_id = c.id AND e.kind = 'delivery' "
            "AND NOT EXISTS (SELECT 1 FROM invoice_covers v WHERE v.entry_id = e.id)) ORDER BY c.code LIMIT 1"
        ).fetchone()
        rows = conn.execute(
            "SELECT number, amount_cents FROM entries e WHERE customer_id = ? AND kind = 'delivery' "
            "AND NOT EXISTS (SELECT 1 FROM invoice_covers v WHERE v.entry_id = e.id) ORDER BY doc_date, number",
            (customer_id,),
        ).fetchall()
    return code, rows


def yuan(cents: int) -> str:
    return f"{cents // 100}.{cents % 100:02d}"


def tap(d, element) -> None:
    """Clicks a button below the fold: brought into view first, as a user scrolls to it."""
    d.execute_script("arguments[0].scrollIntoView({block: 'center', inline: 'center'})", element)
    element.click()


def click(d, name: str) -> None:
    tap(d, testid(d, name))


def no_serious_findings(d, screen: str, language: str) -> None:
    found = axe_violations(d)
    assert not found, describe(screen, language, found)


def test_an_invoice_is_recorded_for_this_months_deliveries_and_shown_everywhere(launcher):
    app = launcher(demo_books)
    d = app.driver
    code, open_deliveries = an_invoiced_customer_with_uninvoiced_deliveries(app.db)
    number, cents = open_deliveries[-1]
    set_language(d, "zh")
    go(d, f"#/customers/{code}?tab=invoices")
    wait("the invoices listed", lambda: count(d, "[data-testid='invoice-row']") > 0, seconds=60)
    assert "已开票未回款" in testid(d, "customer-invoiced-unpaid").text
    assert "税务平台" in testid(d, "invoice-list").text
    settle(d)
    app.shot("01-invoices-tab-zh")
    no_serious_findings(d, "invoices tab", "zh")

    set_language(d, "en")
    testid(d, "invoice-new").click()
    form = testid(d, "invoice-form")
    wait("the deliveries left to invoice", lambda: count(d, "[data-testid='invoice-room']") >= 1, seconds=20)
    find(d, "[data-testid='invoice-number']").send_keys("2633200000001234567")
    find(d, "[data-testid='invoice-amount']").send_keys(yuan(cents))
    find(d, "[data-testid='invoice-tax']").send_keys(yuan((cents * 26 + 113) // 226))
    cover = find(d, f"[data-testid='invoice-room'][data-number='{number}'] [data-testid='invoice-cover']")
    cover.send_keys(yuan(cents - 1))
    wait_text(d, "[data-testid='invoice-form']", "20 digits", seconds=10)
    wait_text(d, "[data-testid='invoice-covers-error']", "not the invoice's amount with tax", seconds=10)
    settle(d)
    app.shot("02-invoice-form-refused-en")
    no_serious_findings(d, "invoice form", "en")
    before = sqlite3.connect(app.db).execute("SELECT count(*) FROM invoices").fetchone()[0]
    click(d, "invoice-save")
    wait("the refusal kept the form", lambda: "20 digits" in form.text)
    assert sqlite3.connect(app.db).execute("SELECT count(*) FROM invoices").fetchone()[0] == before

    field = find(d, "[data-testid='invoice-number']")
    field.send_keys(Keys.CONTROL, "a")
    field.send_keys("26332000000099990001")
    cover.send_keys(Keys.CONTROL, "a")
    cover.send_keys(yuan(cents))
    wait("the form is right", lambda: "20 digits" not in form.text and count(d, "[data-testid='invoice-covers-error']") == 0)
    click(d, "invoice-save")
    row = find(d, "[data-testid='invoice-row'][data-number='26332000000099990001']", seconds=20)
    assert number in row.text and "Not recorded" in row.text
    with sqlite3.connect(app.db) as conn:
        covers = conn.execute(
            "SELECT e.number, v.amount_cents FROM invoice_covers v JOIN invoices i ON i.id = v.invoice_id "
            "JOIN entries e ON e.id = v.entry_id WHERE i.number = '26332000000099990001'"
        ).fetchall()
    assert covers == [(number, cents)], covers

    tap(d, row.find_element("css selector", "[data-testid='invoice-reach']"))
    reach = testid(d, "invoice-reach-form")
    tap(d, reach.find_element("css selector", "button.primary"))
    wait_text(d, "[data-testid='invoice-row'][data-number='26332000000099990001']", "Express", seconds=20)
    # A photo of the invoice, for the evidence pack.
    scan = app.db.parent / "invoice-photo.png"
    scan.write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 64)
    d.file_detector = UselessFileDetector()
    find(d, "[data-testid='invoice-row'][data-number='26332000000099990001'] [data-testid='invoice-scan']").send_keys(str(scan))
    wait_text(d, "[data-testid='invoice-row'][data-number='26332000000099990001']", "invoice-photo.png", seconds=20)
    settle(d)
    app.shot("03-invoices-tab-en")

    go(d, "#/reports?tab=invoicing")
    wait("the invoicing report", lambda: count(d, "[data-testid='invoicing-row']") > 0, seconds=30)
    settle(d)
    app.shot("04-invoicing-report-en")
    no_serious_findings(d, "invoicing report", "en")
    set_language(d, "zh")
    wait_text(d, "[data-testid='invoicing-report']", "已开票未回款")
    settle(d)
    app.shot("05-invoicing-report-zh")

    # An invoice list from the tax platform: the delivery it matches is recorded, a buyer no
    # customer is stays for review.
    with sqlite3.connect(app.db) as conn:
        name, other_number, other_cents = conn.execute(
            "SELECT c.name, e.number, e.amount_cents FROM entries e JOIN customers c ON c.id = e.customer_id "
            "WHERE e.kind = 'delivery' AND NOT EXISTS (SELECT 1 FROM invoice_covers v WHERE v.entry_id = e.id) "
            "AND (SELECT count(*) FROM entries e2 WHERE e2.customer_id = e.customer_id AND e2.kind = 'delivery' "
            "     AND e2.amount_cents = e.amount_cents) = 1 ORDER BY e.doc_date DESC LIMIT 1"
        ).fetchone()
    today = sqlite3.connect(app.db).execute("SELECT max(doc_date) FROM entries").fetchone()[0]
    listing = app.db.parent / "发票清单.csv"
    rows = [
        "序号,数电票号码,购买方名称,开票日期,价税合计,税额,发票票种",
        f"1,26332000000099990002,{name},{today},{yuan(other_cents)},{yuan((other_cents * 26 + 113) // 226)},数电票（普通发票）",
        f"2,26332000000099990003,不认识的公司,{today},113.00,13.00,数电票（普通发票）",
    ]
    listing.write_bytes(("\r\n".join(rows) + "\r\n").encode("gbk"))
    d.file_detector = UselessFileDetector()
    find(d, "[data-testid='invoice-import-file']").send_keys(str(listing))
    wait_text(d, "[data-testid='invoice-import-counts']", "将登记 1 张", seconds=20)
    assert "不认识的公司" in testid(d, "invoice-import-review").text
    settle(d)
    app.shot("06-invoice-import-preview-zh")
    no_serious_findings(d, "invoice import", "zh")
    click(d, "invoice-import-confirm")
    wait_text(d, "[data-testid='invoice-import-counts']", "已登记 1 张", seconds=20)
    with sqlite3.connect(app.db) as conn:
        covered = conn.execute(
            "SELECT e.number FROM invoice_covers v JOIN invoices i ON i.id = v.invoice_id JOIN entries e ON e.id = v.entry_id "
            "WHERE i.number = '26332000000099990002'"
        ).fetchall()
    assert covered == [(other_number,)], covered

    # A list kept by hand, headings of its own: its columns are chosen, then it is read.
    with sqlite3.connect(app.db) as conn:
        name, third_cents = conn.execute(
            "SELECT c.name, e.amount_cents FROM entries e JOIN customers c ON c.id = e.customer_id "
            "WHERE e.kind = 'delivery' AND NOT EXISTS (SELECT 1 FROM invoice_covers v WHERE v.entry_id = e.id) "
            "AND (SELECT count(*) FROM entries e2 WHERE e2.customer_id = e.customer_id AND e2.kind = 'delivery' "
            "     AND e2.amount_cents = e.amount_cents) = 1 ORDER BY e.doc_date DESC LIMIT 1"
        ).fetchone()
    kept = app.db.parent / "手工开票登记.csv"
    kept.write_bytes(("票号,客户,开票日,合计金额,税金\r\n"
                      f"26332000000099990004,{name},{today},{yuan(third_cents)},{yuan((third_cents * 26 + 113) // 226)}\r\n").encode("gbk"))
    find(d, "[data-testid='invoice-import-file']").send_keys(str(kept))
    testid(d, "invoice-import-unknown", seconds=20)
    testid(d, "invoice-columns")
    for field, column in [("number", "0"), ("buyer", "1"), ("date", "2"), ("total", "3"), ("tax", "4")]:
        Select(testid(d, f"invoice-col-{field}")).select_by_value(column)
    settle(d)
    app.shot("07-invoice-columns-zh")
    no_serious_findings(d, "invoice columns", "zh")
    click(d, "invoice-columns-read")
    wait_text(d, "[data-testid='invoice-import-counts']", "将登记 1 张", seconds=20)
    click(d, "invoice-import-confirm")
    wait_text(d, "[data-testid='invoice-import-counts']", "已登记 1 张", seconds=20)
