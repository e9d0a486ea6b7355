"""Reports, write-offs, spreadsheet import and the evidence pack, in the real app on the
demo company's books: what the screen shows agrees with the books and with huikuan-cli."""

import json
import sqlite3
import subprocess
import zipfile
from pathlib import Path

from selenium.webdriver.remote.file_detector import UselessFileDetector

from conftest import CLI
from ui import count, find, go, testid, wait, wait_text


def cli(db, *args):
    return subprocess.run([str(CLI), "--db", str(db), *args], check=True, capture_output=True, text=True).stdout


def demo_books(db: Path):
    cli(db, "demo")


def yuan(amount: str) -> str:
    """1234.5 -> ¥1,234.50: how the screen prints an amount."""
    whole, cents = f"{float(amount):.2f}".split(".")
    return f"¥{int(whole):,}.{cents}"


def test_the_aging_report_shows_the_books_totals_and_exports_to_xlsx(launcher):
    app = launcher(demo_books)
    d = app.driver
    testid(d, "nav-reports").click()
    testid(d, "aging-summary", seconds=20)
    as_of = find(d, "[data-testid='report-as-of']").get_attribute("value")
    books = json.loads(cli(app.db, "--format", "json", "report", "aging", "--as-of", as_of))
    wait_text(d, "[data-testid='aging-total']", yuan(books["totals"]["balance"]))
    assert count(d, "[data-testid='aging-row']") == len(books["customers"])
    find(d, "[data-testid='report-aging-chart'] svg")
    app.shot("01-aging-report")

    testid(d, "export-xlsx").click()
    wait_text(d, "[data-testid='export-result']", ".xlsx")
    xlsx = app.db.parent / "exports" / f"aging-{as_of}.xlsx"
    with zipfile.ZipFile(xlsx) as book:
        strings = book.read("xl/sharedStrings.xml").decode()
    first = books["customers"][0]
    assert first["name"] in strings and "应收账款账龄分析表" in strings

    testid(d, "report-tab-collection").click()
    find(d, "[data-testid='dso-chart'] svg", seconds=20)
    testid(d, "collection-report")
    app.shot("02-collection-performance")
    testid(d, "report-tab-provision").click()
    testid(d, "provision-report", seconds=20)
    app.shot("03-provision")


def smallest_open_receivable(db: Path) -> tuple[str, str, str]:
    """(customer code, number, open amount) of the smallest receivable still open."""
    aging = json.loads(cli(db, "--format", "json", "report", "aging", "--as-of", "2999-12-31", "--detail"))
    item = min(aging["items"], key=lambda i: float(i["open"]))
    return item["code"], item["number"], item["open"]


def test_writing_off_a_small_receivable_puts_it_in_the_ledger_and_the_write_off_report(launcher):
    app = launcher(demo_books)
    d = app.driver
    code, number, open_amount = smallest_open_receivable(app.db)
    go(d, f"#/customers/{code}")
    testid(d, "customer-write-off", seconds=20).click()
    find(d, f"[data-testid='write-off-item'][data-number='{number}'] input[type='checkbox']").click()
    wait_text(d, "[data-testid='write-off-total']", yuan(open_amount))
    reason = find(d, "[name='reason']")
    reason.send_keys("客户已注销，无法收回")
    app.shot("01-write-off-form")
    testid(d, "write-off-submit").click()
    wait_text(d, "[data-testid='toast']", "核销")
    testid(d, "ledger", seconds=20)
    wait_text(d, "[data-testid='ledger']", "WO-")
    d.execute_script(
        "const row = [...document.querySelectorAll(\"[data-testid='ledger'] tr\")].find(r => r.textContent.includes('WO-'));"
        "row.scrollIntoView({block: 'center'});"
    )
    app.shot("02-ledger-with-write-off")

    report = json.loads(cli(app.db, "--format", "json", "report", "write-offs", "--from", "2000-01-01", "--to", "2999-12-31"))
    assert [(l["code"], l["receivable"], l["amount"]) for l in report["lines"]] == [(code, number, open_amount)]
    go(d, "#/reports?tab=write_offs")
    find(d, "[data-testid='report-from']").clear()
    find(d, "[data-testid='report-from']").send_keys("2000-01-01")
    wait("the write-off listed", lambda: count(d, "[data-testid='write-off-line']") == 1)
    app.shot("03-write-off-report")


def a_customer_with_signed_papers(db: Path) -> str:
    with sqlite3.connect(db) as conn:
        (code,) = conn.execute(
            "SELECT c.code FROM signatures s JOIN documents d ON d.id = s.document_id "
            "JOIN customers c ON c.id = d.customer_id GROUP BY c.code ORDER BY count(*) DESC, c.code LIMIT 1"
        ).fetchone()
    return code


def test_the_evidence_pack_of_a_demo_customer_verifies_with_the_cli(launcher):
    app = launcher(demo_books)
    d = app.driver
    code = a_customer_with_signed_papers(app.db)
    go(d, f"#/customers/{code}?tab=documents")
    testid(d, "build-evidence", seconds=20).click()
    built = wait_text(d, "[data-testid='evidence-built']", "evidence-", seconds=30)
    assert count(d, "[data-testid='evidence-file']") >= 3
    d.execute_script("document.querySelector(\"[data-testid='evidence']\").scrollIntoView()")
    app.shot("01-evidence-pack")
    folders = sorted(f for f in (app.db.parent / "exports").glob(f"evidence-{code}-*") if not f.name.endswith(".partial"))
    assert len(folders) == 1 and folders[0].name in built
    manifest = json.loads((folders[0] / "manifest.json").read_text())
    assert any(doc["signer"] for doc in manifest["documents"]), "signed delivery notes are in the pack"
    out = subprocess.run([str(CLI), "verify-evidence", str(folders[0])], capture_output=True, text=True)
    assert out.returncode == 0 and "the pack is intact" in out.stdout, out.stdout + out.stderr

    # A pack for one chosen receivable holds only it.
    find(d, "[data-testid='evidence'] details summary").click()
    first = find(d, "[data-testid='evidence-item']")
    number = first.text.split(" · ")[0].strip()
    first.find_element("css selector", "input").click()
    testid(d, "build-evidence").click()
    def packs():
        found = (app.db.parent / "exports").glob(f"evidence-{code}-*")
        return [f for f in found if not f.name.endswith(".partial") and (f / "manifest.json").exists()]

    wait("the second pack", lambda: len(packs()) == 2)
    second = [f for f in packs() if f != folders[0]][0]
    manifest = json.loads((second / "manifest.json").read_text())
    assert manifest["chosen"] == [number] and [r["number"] for r in manifest["receivables"]] == [number]


def test_an_xlsx_file_of_customers_is_previewed_then_imported(launcher, tmp_path):
    source = tmp_path / "old" / "books.db"
    source.parent.mkdir()
    cli(source, "init")
    cli(source, "customer", "add", "--code", "X001", "--name", "=HYPERLINK(\"x\") 五金店", "--terms", "net:30")
    cli(source, "customer", "add", "--code", "X002", "--name", "余杭新城建材", "--terms", "eom:30")
    xlsx = tmp_path / "customers.xlsx"
    cli(source, "report", "customers", "--out", str(xlsx))

    app = launcher(demo_books)
    d = app.driver
    d.file_detector = UselessFileDetector()
    testid(d, "nav-import", seconds=20).click()
    find(d, "[data-testid='import-file']").send_keys(str(xlsx))
    wait_text(d, "[data-testid='import-ready']", "2")
    assert find(d, "[data-testid='map-code']").get_attribute("value") == "0", "客户编号 is found as the code"
    app.shot("01-import-preview")
    testid(d, "import-confirm").click()
    wait_text(d, "[data-testid='import-done']", "2")
    app.shot("02-imported")
    shown = json.loads(cli(app.db, "--format", "json", "customer", "show", "X001"))
    assert "=HYPERLINK" in json.dumps(shown, ensure_ascii=False), "the formula-like name came back as text"
