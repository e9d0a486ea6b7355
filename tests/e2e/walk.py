"""Every screen of the app on the demo company, in either language: the walk the
accessibility, language and layout tests share, and the checks they run on each screen."""

import re
import sqlite3
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional

from conftest import CLI, ROOT
from ui import find, go, testid, wait

AXE = ROOT / "ui" / "node_modules" / "axe-core" / "axe.min.js"
LOADING = ("正在加载…", "Loading…")


def demo_books(db: Path) -> None:
    subprocess.run([str(CLI), "--db", str(db), "demo"], check=True, capture_output=True, text=True)


def a_customer_and_a_paper(db: Path) -> tuple[str, str]:
    """The demo customer with the most papers (every tab has something to show) and its newest delivery note."""
    with sqlite3.connect(db) as conn:
        code, number = conn.execute(
            "SELECT c.code, max(d.number) FROM documents d JOIN customers c ON c.id = d.customer_id "
            "WHERE d.kind = 'delivery_note' GROUP BY c.code ORDER BY count(*) DESC, c.code LIMIT 1"
        ).fetchone()
    return code, number


@dataclass
class Screen:
    name: str
    route: str
    ready: str  # a CSS selector present once the screen has drawn its data
    then: Optional[Callable] = None  # what to do on the screen before checking it (open a view)


def choose_view(view: str):
    def act(driver):
        find(driver, "[data-testid='aging-view']")
        driver.execute_script(
            "const s = document.querySelector(\"[data-testid='aging-view']\"); s.value = arguments[0];"
            "s.dispatchEvent(new Event('change', {bubbles: true}));",
            view,
        )
        find(driver, f"[data-testid='aging-{view}']", seconds=20)

    return act


# The user's own sheet: its headings and cells are their words, shown as they wrote them.
IMPORT_SHEET = "客户编号,客户名称,付款条件,电话\nX900,余杭新城建材,net:30,13800001111\n"


def a_file_to_import(driver):
    """The import screen with a file chosen: its column mapping and the rows' fate shown."""
    from selenium.webdriver.remote.file_detector import UselessFileDetector

    sheet = Path(tempfile.mkdtemp()) / "customers.csv"
    sheet.write_text(IMPORT_SHEET, encoding="utf-8")
    driver.file_detector = UselessFileDetector()
    find(driver, "[data-testid='import-file']").send_keys(str(sheet))
    find(driver, "[data-testid='import-report']", seconds=20)


def screens(code: str, paper: str) -> list[Screen]:
    customer = [
        Screen(f"customer-{tab}", f"#/customers/{code}?tab={tab}", "[data-testid='customer-name']")
        for tab in ("profile", "ledger", "aging", "collection", "documents", "credit")
    ]
    return [
        Screen("dashboard", "#/", "[data-testid='total-receivable']"),
        Screen("customers", "#/customers", "[data-testid='customer-row']"),
        *customer,
        Screen("customer-new", "#/customers/new", "[data-testid='customer-edit']"),
        Screen("customer-edit", f"#/customers/{code}/edit", "[data-testid='customer-edit'] input[name='name']"),
        Screen("assessment", f"#/customers/{code}/assess", "[data-testid='assessment-new']"),
        Screen("delivery-new", f"#/delivery/new?customer={code}", "[data-testid='delivery-new']"),
        Screen("payment-new", f"#/payment/new?customer={code}", "[data-testid='open-item']"),
        Screen("collections", "#/collections", "[data-testid='work-detail']"),
        Screen("letters", "#/letters", "[data-testid='letters']"),
        Screen("month-end", "#/month-end", "[data-testid='month-end-run']"),
        Screen("reports-aging", "#/reports", "[data-testid='aging-summary']"),
        Screen("reports-aging-detail", "#/reports", "[data-testid='aging-summary']", choose_view("detail")),
        Screen("reports-aging-salesperson", "#/reports", "[data-testid='aging-summary']", choose_view("salesperson")),
        Screen("reports-collection", "#/reports?tab=collection", "[data-testid='collection-report']"),
        Screen("reports-provision", "#/reports?tab=provision", "[data-testid='provision-report']"),
        Screen("reports-write-offs", "#/reports?tab=write_offs", "[data-testid='write-offs-report']"),
        Screen("settings", "#/settings", "[data-testid='settings']"),
        Screen("import", "#/import", "[data-testid='import']"),
        Screen("import-preview", "#/import", "[data-testid='import']", a_file_to_import),
        Screen("bank", "#/bank", "[data-testid='bank-empty'], [data-testid='bank-line']"),
        Screen("write-off", f"#/write-off?customer={code}", "[data-testid='write-off-item']"),
        Screen("paper", f"#/papers/{paper}", "[data-testid='pdf-page']"),
    ]


def settle(driver, seconds: float = 20.0) -> None:
    """Until nothing on screen says it is loading, and a moment for the last frame."""
    wait(
        "the screen to finish loading",
        lambda: not driver.execute_script(
            "return [...document.querySelectorAll('main *')].some(e => e.children.length === 0 && arguments[0].includes(e.textContent.trim()))",
            list(LOADING),
        ),
        seconds,
    )
    time.sleep(0.4)


def open_screen(driver, screen: Screen) -> None:
    if driver.execute_script("return window.location.hash") == screen.route:
        go(driver, "#/__away")  # the same route twice would not redraw: pass by another
        time.sleep(0.2)
    go(driver, screen.route)
    find(driver, screen.ready, seconds=30)
    if screen.then:
        screen.then(driver)
    settle(driver)


def set_language(driver, language: str) -> None:
    testid(driver, f"lang-{language}", seconds=20).click()
    want = "zh-CN" if language == "zh" else "en"
    wait(f"the UI in {language}", lambda: driver.execute_script("return document.documentElement.lang") == want)


# --- axe-core -------------------------------------------------------------------------------

RUN_AXE = """
const done = arguments[arguments.length - 1];
axe.run(document, {resultTypes: ['violations']}).then(result => done(result.violations.map(v => ({
  id: v.id, impact: v.impact, help: v.help,
  nodes: v.nodes.map(n => ({target: n.target.join(' '), summary: n.failureSummary, html: n.html.slice(0, 160)})),
})))).catch(error => done({error: String(error)}));
"""


def axe_violations(driver) -> list[dict]:
    """axe-core's critical and serious findings on what is on screen now."""
    if not driver.execute_script("return typeof window.axe === 'object'"):
        driver.execute_script(AXE.read_text() + "\n;window.axe = axe;")
    driver.set_script_timeout(120)
    found = driver.execute_async_script(RUN_AXE)
    if isinstance(found, dict):
        raise AssertionError(f"axe failed: {found['error']}")
    return [v for v in found if v["impact"] in ("critical", "serious")]


def describe(screen: str, language: str, violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"[{language}] {screen}: {v['impact']} {v['id']}: {v['help']} ({len(v['nodes'])})")
        for node in v["nodes"][:6]:
            lines.append(f"    {node['target']}  {node['html']}")
            lines.append("      " + node["summary"].replace("\n", "\n      "))
    return "\n".join(lines)


# --- words in the user's language -------------------------------------------------------------

# Each piece of text a person sees or hears: text nodes that are drawn (sr-only ones too, and
# the charts' SVG labels), the chosen option of each select, and the names given in aria-label,
# title and placeholder. An element marked with its own lang (the language buttons) is
# exempt: it speaks that language on purpose.
VISIBLE_TEXT = """
const docLang = document.documentElement.lang.slice(0, 2);
const out = [];
const exempt = (el) => { const l = el.closest('[lang]'); return l && l !== document.documentElement && l.lang.slice(0, 2) !== docLang; };
const drawn = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
const where = (el) => (el.closest('[data-testid]')?.dataset.testid ?? el.tagName.toLowerCase());
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
for (let node = walker.nextNode(); node; node = walker.nextNode()) {
  const el = node.parentElement, text = node.textContent.trim();
  if (!text || !el || ['SCRIPT', 'STYLE', 'OPTION', 'TEXTAREA'].includes(el.tagName) || exempt(el)) continue;
  if (!drawn(el) && !el.closest('.sr-only')) continue;
  out.push([where(el), text]);
}
for (const el of document.querySelectorAll('select')) {
  const chosen = el.selectedOptions[0];
  if (chosen && drawn(el) && !exempt(chosen)) out.push([where(el), chosen.textContent.trim()]);
}
for (const el of document.querySelectorAll('[aria-label], [title], [placeholder]')) {
  if (!drawn(el) || exempt(el)) continue;
  for (const name of ['aria-label', 'title', 'placeholder']) {
    const value = el.getAttribute(name);
    if (value && value.trim()) out.push([where(el) + '@' + name, value.trim()]);
  }
}
return out;
"""

# Words that are the same in both languages: names of products and file formats, the date
# pattern shown as a hint, grades, paper sizes.
ALLOWED_ASCII = {
    "huikuan", "excel", "csv", "pdf", "xlsx", "xls", "ods", "sqlite", "dso", "cei", "yyyy", "mm", "dd", "id", "a4", "a5",
    "en", "cny", "rmb", "pm", "am",
    "enter", "esc", "ctrl", "tab", "shift",  # keys are named as printed on the keyboard
    "kb", "mb", "gb", "kib", "mib", "gib",  # units of size
    # What is typed in a field, shown as the example to type: payment terms (cod, net:30,
    # eom:30) and collection days (mon,25).
    "cod", "net", "eom", "mon", "tue", "wed", "thu", "fri", "sat", "sun",
}
ALLOWED_CJK = {"回款"}  # the brand, printed beside "Huikuan"
# What is not words at all: paths, file names, e-mail and web addresses, document numbers.
NOT_WORDS = re.compile(
    r"(?:[A-Za-z]:)?(?:/[^\s/：，、]+)+/?|\S+\.(?:db|pdf|xlsx|csv|json|png|jpg|zip|partial)\b|\S+@\S+|https?://\S+|\b[A-Z]{1,4}-\d[\w-]*|\b[0-9a-f]{16,}\b|\{[a-z_]+\}|\b[a-z]+/(?=\s|$)"
)
SNAKE_KEY = re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b")
DOTTED_KEY = re.compile(r"\b[a-z_]{2,}\.[a-z_]{2,}(?:\.[a-z_0-9]+)*\b")
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]+")
ASCII_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")


def book_words(db: Path) -> str:
    """Everything the book holds that people typed (names, items, addresses, notes): their
    words stay as they wrote them whatever the UI's language. Closed-vocabulary values
    (open, delivery_note, net:30) are left out, so a raw one on screen is still caught."""
    words = []
    with sqlite3.connect(db) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        for table in tables:
            columns = [r[1] for r in conn.execute(f"PRAGMA table_info('{table}')")]
            for column in columns:
                for (value,) in conn.execute(f"SELECT DISTINCT \"{column}\" FROM \"{table}\" WHERE typeof(\"{column}\") = 'text'"):
                    if not re.fullmatch(r"[a-z0-9_:.\-]*", value):
                        words.append(value)
    return "\n".join(words)


def untranslated(pieces: list[list[str]], language: str, data: str) -> list[str]:
    """The pieces of text that are not in `language`: raw message keys, English words on the
    Chinese UI, Chinese on the English UI. People's own words (in `data`) are theirs."""
    found = []
    for where, text in pieces:
        if "⟦" in text:
            found.append(f"{where}: missing translation: {text!r}")
            continue
        if text in data:
            continue
        plain = NOT_WORDS.sub(" ", text)
        keys = [k for k in SNAKE_KEY.findall(plain) + DOTTED_KEY.findall(plain) if k not in data]
        if keys:
            found.append(f"{where}: raw key {keys}: {text!r}")
        if language == "zh":
            english = [
                w for w in ASCII_WORD.findall(plain)
                if len(w) >= 2 and not w.isupper() and w.lower() not in ALLOWED_ASCII and w not in data
            ]
            if english:
                found.append(f"{where}: English on the Chinese UI {english}: {text!r}")
        else:
            chinese = [run for run in CJK.findall(plain) if run not in ALLOWED_CJK and run not in data]
            if chinese:
                found.append(f"{where}: Chinese on the English UI {chinese}: {text!r}")
    return found


def visible_text(driver) -> list[list[str]]:
    return driver.execute_script(VISIBLE_TEXT)
