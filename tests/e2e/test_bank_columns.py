"""A corporate bank download no layout reads, through the bank screen: the file is refused as
unknown and the column form opens on the row of its headings, with columns proposed from the
headings' words; the user corrects the payer's column (the proposal took the payee, which is
the shop itself), reads the file with the columns, imports it, and next month's download with
the same headings is read without asking. Screenshots of the form in both languages."""

import sqlite3
from pathlib import Path

from selenium.webdriver.support.ui import Select

from test_bank import a_customer_owed_an_amount, line_with, pick_file, yuan
from ui import count, go, testid, wait, wait_text
from walk import axe_violations, demo_books, describe, set_language, settle

HEADINGS = (
    "交易日期[ Transaction Date ],交易时间[ Transaction time ],收款人名称[ Payee's Name ],"
    "交易金额[ Trade Amount ],付款人账号[ Debit Account No. ],付款人名称[ Payer's Name ],"
    "用途[ Purpose ],交易流水号[ Transaction reference number ]"
)
SHOP = "杭州明远建材有限公司"


def corporate_statement(path: Path, payer: str, cents: int, serial: str) -> Path:
    """A corporate download with bilingual headings (GBK): a preamble of two-cell rows, the
    headings, one payment in from `payer` and one payment out."""
    rows = [
        "账号:,1202020209000012345",
        f"账户名称:,{SHOP}",
        "查询日期:,2026-12-01 至 2026-12-31",
        HEADINGS,
        f'20261203,10:21:07,{SHOP},"{yuan(cents)}",6222 0212 3456 7890 123,{payer},货款,{serial}',
        f'20261204,09:00:00,宁波恒通五金厂,"-3,000.00",1202020209000012345,{SHOP},付货款,{serial}9',
    ]
    path.write_bytes(("\r\n".join(rows) + "\r\n").encode("gbk"))
    return path


def chosen(d, field: str) -> str:
    return Select(testid(d, f"bank-col-{field}")).first_selected_option.text


def test_a_statement_no_layout_reads_is_read_by_the_columns_chosen_and_remembered(launcher, tmp_path):
    app = launcher(demo_books)
    d = app.driver
    code, name, number, cents = a_customer_owed_an_amount(app.db)
    first = corporate_statement(tmp_path / "december.csv", name, cents, "ZJ20261203001")
    set_language(d, "en")
    go(d, "#/bank")
    testid(d, "bank-empty", seconds=30)

    pick_file(d, first)
    wait_text(d, "[data-testid='bank-import-error']", "No layout we know reads this file", seconds=20)
    form = testid(d, "bank-columns")
    wait("the heading row found", lambda: Select(testid(d, "bank-columns-heading-row")).first_selected_option.text.startswith("Row 4:"))
    assert chosen(d, "date").startswith("1 · 交易日期")
    assert chosen(d, "amount").startswith("4 · 交易金额")
    assert chosen(d, "payer").startswith("3 · 收款人名称"), "the proposal takes the first name column"
    assert "交易金额[ Trade Amount ]" in form.text and "6222 0212 3456 7890 123" in form.text, "the rows are shown"
    settle(d)
    app.shot("08-columns-en")
    found = axe_violations(d)
    assert not found, describe("bank columns", "en", found)

    # The payer is the payer's column, not the payee's (the shop itself).
    Select(testid(d, "bank-col-payer")).select_by_value("5")
    testid(d, "bank-columns-read").click()
    wait_text(d, "[data-testid='bank-count-new']", "1", seconds=20)
    assert testid(d, "bank-count-ignored").text == "1", "the payment out is left out"
    assert "your columns" in testid(d, "bank-preview").text
    assert count(d, "[data-testid='bank-columns']") == 0
    testid(d, "bank-import-confirm").click()
    line = line_with(d, "high")
    assert code in line.find_element("css selector", "[data-testid='bank-customer']").text
    assert name in line.text

    with sqlite3.connect(app.db) as conn:
        kept = conn.execute("SELECT payer, payer_account, serial, amount_cents FROM bank_lines").fetchall()
    assert kept == [(name, "6222021234567890123", "ZJ20261203001", cents)], kept

    # Next month's download, same headings: read as chosen, no form.
    set_language(d, "zh")
    second = corporate_statement(tmp_path / "january.csv", "王建国", 50000, "ZJ20270105001")
    pick_file(d, second)
    wait_text(d, "[data-testid='bank-count-new']", "1", seconds=20)
    assert "您指定的列" in testid(d, "bank-preview").text
    assert count(d, "[data-testid='bank-columns']") == 0 and count(d, "[data-testid='bank-import-error']") == 0

    # The form in Chinese: another file with headings of its own.
    other = tmp_path / "other.csv"
    other.write_bytes(first.read_bytes().replace("交易金额[ Trade Amount ]".encode("gbk"), "发生额(元)".encode("gbk")))
    pick_file(d, other)
    wait_text(d, "[data-testid='bank-import-error']", "无法识别此文件的格式", seconds=20)
    wait("the proposal", lambda: chosen(d, "amount").startswith("4 · 发生额"))
    testid(d, "bank-columns")
    settle(d)
    app.shot("09-columns-zh")
