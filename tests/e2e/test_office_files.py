"""Files from a real office through the import screen: a GBK customer list as Excel on a
Chinese Windows saves it, shown with its encoding and each cell as read, in both languages;
an Excel 97-2003 workbook of delivery notes with the old system's own numbers, one of which
is then opened as a paper and printed."""

import subprocess
from pathlib import Path

import pytest
from selenium.webdriver.remote.file_detector import UselessFileDetector

from conftest import CLI
from ui import find, go, testid, wait, wait_text
from walk import set_language

OFFICE = Path(__file__).resolve().parents[1] / "fixtures" / "office"


def cli(db, *args):
    return subprocess.run([str(CLI), "--db", str(db), *args], check=True, capture_output=True, text=True).stdout


def a_new_shop(db):
    cli(db, "init")
    cli(db, "company", "set", "--legal-name", "杭州明远建材有限公司", "--address", "浙江省杭州市拱墅区祥园路88号")


def pick(driver, kind: str, name: str):
    driver.execute_script(
        "const s = document.querySelector(\"[data-testid='import-kind']\"); s.value = arguments[0];"
        "s.dispatchEvent(new Event('change', {bubbles: true}));",
        kind,
    )
    find(driver, "[data-testid='import-file']").send_keys(str(OFFICE / name))


@pytest.mark.parametrize("language", ["zh", "en"])
def test_a_gbk_customer_list_is_previewed_with_its_encoding_and_readings(launcher, language):
    app = launcher(a_new_shop)
    d = app.driver
    d.file_detector = UselessFileDetector()
    set_language(d, language)
    go(d, "#/import")
    pick(d, "customers", "customers_gbk.csv")
    wait_text(d, "[data-testid='import-ready']", "3")
    source = find(d, "[data-testid='import-source']").text
    assert "GBK" in source and "customers_gbk.csv" in source, source
    readings = find(d, "[data-testid='import-readings']").text
    terms = "月结30天 → 月结 30 天" if language == "zh" else "月结30天 → end of month + 30 days"
    assert terms in readings, readings
    assert "华联超市" in readings, "the GBK name is read as the Chinese it is"
    app.shot(f"01-gbk-preview-{language}")
    testid(d, "import-confirm").click()
    wait_text(d, "[data-testid='import-done']", "3")


def test_an_xls_of_notes_keeps_their_numbers_and_a_note_opens_as_a_paper(launcher):
    app = launcher(a_new_shop)
    d = app.driver
    d.file_detector = UselessFileDetector()
    set_language(d, "zh")
    go(d, "#/import")
    pick(d, "customers", "customers_gbk.csv")
    wait_text(d, "[data-testid='import-ready']", "3")
    testid(d, "import-confirm").click()
    wait_text(d, "[data-testid='import-done']", "3")
    pick(d, "deliveries", "deliveries.xls")
    wait_text(d, "[data-testid='import-ready']", "4")
    assert "送货明细" in find(d, "[data-testid='import-source']").text, "the sheet with the notes is read"
    app.shot("02-xls-preview")
    testid(d, "import-confirm").click()
    wait_text(d, "[data-testid='import-done']", "4")
    go(d, "#/papers/ZC-001")
    wait("the note's paper", lambda: "ZC-001" in find(d, "[data-testid='paper-title']", seconds=20).text)
    find(d, "[data-testid='pdf-page']", seconds=20)
    app.shot("03-imported-note-paper")
    assert "ZC-001" in cli(app.db, "document", "list", "C001")
    assert "No.0012345" in cli(app.db, "document", "list", "C002")
