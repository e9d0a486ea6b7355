"""The figures that matter stay in view at 1280×800 and 1024×700, in both languages: the aging
report's balance, the customer list's balance and overdue, the worklist's reasons; long names
readable; wide tables scroll sideways. Screenshots of each for a person to look at."""

import pytest

from ui import find, go, testid
from walk import demo_books, settle, set_language

SIZES = [(1280, 800), (1024, 700)]

# Whether an element is drawn whole inside the window and inside every box that clips it.
SHOWN_WHOLE = """
const el = arguments[0];
const r = el.getBoundingClientRect();
if (r.width === 0 || r.height === 0) return false;
if (r.left < 0 || r.right > window.innerWidth + 0.5) return false;
for (let box = el.parentElement; box; box = box.parentElement) {
  const style = getComputedStyle(box);
  if (style.overflowX === 'visible' && style.overflow === 'visible') continue;
  const b = box.getBoundingClientRect();
  if (r.left < b.left - 0.5 || r.right > b.right + 0.5) return false;
}
return true;
"""


def shown_whole(d, element) -> bool:
    return d.execute_script(SHOWN_WHOLE, element)


def window_at(d, width: int, height: int) -> None:
    d.set_window_size(width, height)
    # The content area takes the size it was given (a window manager may refuse odd sizes).
    inner = d.execute_script("return [window.innerWidth, window.innerHeight]")
    assert abs(inner[0] - width) <= 40, f"the window is {inner}, not {width}×{height}"


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_figures_that_matter_stay_in_view_at_1280x800_and_1024x700(launcher, language):
    app = launcher(demo_books)
    d = app.driver
    set_language(d, language)
    problems = []
    for width, height in SIZES:
        window_at(d, width, height)
        size = f"{width}x{height}"

        go(d, "#/reports")
        table = find(d, "[data-testid='aging-summary'] table", seconds=20)
        settle(d)
        balance_head = table.find_element("css selector", "thead tr > :last-child")
        total_balance = table.find_element("css selector", "[data-testid='aging-total'] > :last-child")
        if not (shown_whole(d, balance_head) and shown_whole(d, total_balance)):
            problems.append(f"{size} {language}: the aging report's balance column is cut")
        app.shot(f"{language}-{size}-aging-report")

        go(d, "#/customers")
        row = find(d, "[data-testid='customer-row']", seconds=20)
        settle(d)
        cells = row.find_elements("css selector", ":scope > span")
        balance, overdue = cells[-2], cells[-1]
        if not (shown_whole(d, balance) and shown_whole(d, overdue)):
            problems.append(f"{size} {language}: the customer list's balance or overdue is cut")
        names = row.find_elements("css selector", ".name")
        if names and names[0].get_attribute("title") != names[0].get_attribute("textContent"):
            problems.append(f"{size} {language}: a long customer name has no way to be read whole")
        app.shot(f"{language}-{size}-customers")

        go(d, "#/collections")
        find(d, "[data-testid='work-detail']", seconds=20)
        settle(d)
        reasons = d.find_elements("css selector", "[data-testid='work-row'] .reason")
        cut = [r.text for r in reasons[:40] if not shown_whole(d, r)]
        if cut:
            problems.append(f"{size} {language}: worklist reasons cut: {cut[:5]}")
        app.shot(f"{language}-{size}-worklist")

        code = find(d, "[data-testid='work-row']").get_attribute("data-code")
        go(d, f"#/customers/{code}?tab=ledger")
        testid(d, "ledger", seconds=20)
        settle(d)
        app.shot(f"{language}-{size}-customer-ledger")

        go(d, "#/")
        testid(d, "total-receivable", seconds=20)
        settle(d)
        app.shot(f"{language}-{size}-dashboard")
    assert not problems, "\n".join(problems)
