"""The letters screen on the demo company's books: nothing ticked until the owner ticks, the
count and total on the button, each letter previewed unnumbered before it is issued, the
rows not issued keeping their ticks, and a skipped level refused without a written reason.
Screenshots in both languages at 1280×800 and 1024×700."""

import datetime
import json
import subprocess
from decimal import Decimal
from pathlib import Path

from conftest import CLI
from ui import choose, fill, find, testid, wait, wait_text

SIZES = [(1280, 800), (1024, 700)]

TICKED = """
return [...document.querySelectorAll("[data-testid='letter-due']")]
  .filter((row) => row.querySelector("input[type=checkbox]").checked)
  .map((row) => row.dataset.code);
"""


def cli(db, *args):
    return subprocess.run([str(CLI), "--db", str(db), *args], check=True, capture_output=True, text=True).stdout


def demo_books(db: Path):
    cli(db, "demo")


def yuan(amount: Decimal) -> str:
    return f"¥{amount:,.2f}"


def shots(app, name: str) -> None:
    """The screen as it is, at each size."""
    for width, height in SIZES:
        app.driver.set_window_size(width, height)
        app.shot(f"{name}-{width}x{height}")
    app.driver.set_window_size(*SIZES[0])


IN_VIEW = """
const r = arguments[0].getBoundingClientRect();
return r.top >= 0 && r.bottom <= window.innerHeight && r.left >= 0 && r.right <= window.innerWidth;
"""


def in_view_at_each_size(d, name: str) -> None:
    for width, height in SIZES:
        d.set_window_size(width, height)
        wait(f"{name} in view at {width}x{height}", lambda: d.execute_script(IN_VIEW, testid(d, name)))
    d.set_window_size(*SIZES[0])


def click(d, name: str) -> None:
    """Clicks once nothing lies over the button (a toast fading out may, for a moment)."""
    wait(f"{name} clicked", lambda: testid(d, name).click() or True)


def tick(d, code: str) -> None:
    box = find(d, f"[data-testid='letter-due'][data-code='{code}'] input[type=checkbox]")
    # Clear of the sticky bar at the bottom, however far down the row is.
    d.execute_script("arguments[0].scrollIntoView({block: 'center'})", box)
    box.click()


def preview_drawn(d):
    return wait("the letter's preview drawn", lambda: find(d, "[data-testid='letters-review'] [data-testid='pdf-view'] .pages").get_attribute("data-rendered"), seconds=30)


def test_nothing_is_ticked_until_the_owner_ticks_and_the_rows_not_issued_keep_their_ticks(launcher):
    app = launcher(demo_books)
    d = app.driver
    d.set_window_size(*SIZES[0])
    due = json.loads(cli(app.db, "--format", "json", "letters-due"))
    first, second = [row for row in due if row["suggestion"]["state"] == "due"][:2]

    testid(d, "nav-letters").click()
    wait("the letters due", lambda: len(d.find_elements("css selector", "[data-testid='letter-due']")) == len(due), seconds=20)
    assert d.execute_script(TICKED) == [], "nothing is ticked before the owner ticks"
    wait_text(d, "[data-testid='letters-generate']", "预览 0 封")
    assert not testid(d, "letters-generate").is_enabled()
    shots(app, "01-nothing-ticked-zh")

    click(d, "letters-select-all")
    assert sorted(d.execute_script(TICKED)) == sorted(r["code"] for r in due if r["suggestion"]["state"] == "due"), "only the rows due now"
    click(d, "letters-select-none")
    assert d.execute_script(TICKED) == []

    papers_before = cli(app.db, "document", "list", first["code"])
    tick(d, first["code"])
    tick(d, second["code"])
    total = Decimal(first["overdue"]) + Decimal(second["overdue"])
    wait_text(d, "[data-testid='letters-generate']", f"预览 2 封催款函 · 合计 {yuan(total)}")
    in_view_at_each_size(d, "letters-generate")
    shots(app, "02-two-ticked-zh")

    # The preview: each chosen letter as it will be, unnumbered; the second left out.
    click(d, "letters-generate")
    preview_drawn(d)
    wait_text(d, "[data-testid='review-of']", f"第 1 / 2 封：{first['code']}")
    shots(app, "03-preview-first-zh")
    click(d, "review-next")
    wait_text(d, "[data-testid='review-of']", f"第 2 / 2 封：{second['code']}")
    preview_drawn(d)
    click(d, "review-include")
    wait_text(d, "[data-testid='letters-confirm']", f"确认开具 1 封 · 合计 {yuan(Decimal(first['overdue']))}")
    in_view_at_each_size(d, "letters-confirm")
    shots(app, "04-preview-second-left-out-zh")
    assert cli(app.db, "document", "list", first["code"]) == papers_before, "nothing numbered by previewing"

    click(d, "letters-confirm")
    wait_text(d, "[data-testid='letters-issued']", "DL-", seconds=30)
    issued = testid(d, "letters-issued").text
    assert first["name"] in issued and second["name"] not in issued
    wait("the list reloaded with the ticks left", lambda: d.execute_script(TICKED) == [second["code"]])
    # The customer just written to is offered the new suggestion, never the level just sent.
    after = {r["code"]: r for r in json.loads(cli(app.db, "--format", "json", "letters-due"))}
    if first["code"] in after and "level" in after[first["code"]]["suggestion"]:
        level = str(after[first["code"]]["suggestion"]["level"])
        wait("the new level chosen", lambda: find(d, f"[name='level.{first['code']}']").get_attribute("value") == level)
    wait_text(d, "[data-testid='letters-generate']", "预览 1 封")
    shots(app, "05-after-issuing-one-zh")

    testid(d, "lang-en").click()
    wait_text(d, "[data-testid='letters-generate']", f"Preview letters (1) · {yuan(Decimal(second['overdue']))}")
    assert d.execute_script(TICKED) == [second["code"]], "switching language keeps the ticks"
    shots(app, "06-after-issuing-one-en")
    click(d, "letters-generate")
    preview_drawn(d)
    wait_text(d, "[data-testid='review-of']", f"Letter 1 of 1: {second['code']}")
    shots(app, "07-preview-en")
    click(d, "review-back")
    assert d.execute_script(TICKED) == [second["code"]]


def test_a_level_above_the_one_due_is_refused_without_a_reason_and_previewed_with_one(launcher):
    app = launcher(demo_books)
    d = app.driver
    d.set_window_size(*SIZES[0])
    due = json.loads(cli(app.db, "--format", "json", "letters-due"))
    row = next(r for r in due if r["suggestion"]["state"] == "due" and r["suggestion"]["level"] < 3)
    code, level = row["code"], row["suggestion"]["level"]
    named = {1: "提醒函", 2: "催款函"}[level]

    testid(d, "nav-letters").click()
    find(d, f"[data-testid='letter-due'][data-code='{code}']", seconds=20)
    tick(d, code)
    choose(d, f"level.{code}", "3")
    find(d, f"[name='skip_reason.{code}']")
    click(d, "letters-generate")
    wait_text(d, "[data-testid='skip-refused']", f"下一封应发第 {level} 级（{named}）")
    assert not d.find_elements("css selector", "[data-testid='letters-review']"), "no preview, nothing issued"
    shots(app, "01-skip-refused-zh")

    testid(d, "lang-en").click()
    click(d, "letters-generate")
    wait_text(d, "[data-testid='skip-refused']", f"is level {level}")
    shots(app, "02-skip-refused-en")

    fill(d, f"skip_reason.{code}", "The customer refused in writing to pay")
    click(d, "letters-generate")
    preview_drawn(d)
    shots(app, "03-skip-with-reason-preview-en")
    click(d, "letters-confirm")
    wait_text(d, "[data-testid='letters-issued']", "DL-", seconds=30)
    find(d, "[data-testid='letters-issued'] a").click()
    wait_text(d, "[data-testid='letter-skipped']", "The customer refused in writing to pay")
    shots(app, "04-letter-with-its-reason-en")


def demo_with_a_letter_today(db: Path):
    """The demo with a reminder sent today to a customer a demand is due to: it waits for the gap."""
    cli(db, "demo")
    due = json.loads(cli(db, "--format", "json", "letters-due"))
    code = next(r["code"] for r in due if r["suggestion"] == {"state": "due", "level": 2})
    cli(db, "letter", code, "--level", "1", "--out", str(db.parent / "reminder.pdf"))


def test_a_letter_inside_the_gap_or_skipping_a_level_on_an_earlier_date_is_refused_beside_its_row_until_a_reason_is_given(launcher):
    app = launcher(demo_with_a_letter_today)
    d = app.driver
    d.set_window_size(*SIZES[0])
    due = json.loads(cli(app.db, "--format", "json", "letters-due"))
    waiting = next(r for r in due if r["suggestion"]["state"] == "wait")
    code, until = waiting["code"], waiting["suggestion"]["until"]

    testid(d, "nav-letters").click()
    find(d, f"[data-testid='letter-due'][data-code='{code}']", seconds=20)
    click(d, "letters-select-all")
    assert code not in d.execute_script(TICKED), "select all leaves a row waiting for the gap"
    click(d, "letters-select-none")
    tick(d, code)
    click(d, "letters-generate")
    wait_text(d, f"[data-testid='letter-due'][data-code='{code}'] [data-testid='skip-refused']", f"{until} 起才可发")
    assert not d.find_elements("css selector", "[data-testid='letters-review']"), "no preview, nothing issued"
    shots(app, "01-too-soon-refused-zh")
    fill(d, f"skip_reason.{code}", "客户承诺的付款日已过，提前催告")
    click(d, "letters-generate")
    preview_drawn(d)
    click(d, "letters-confirm")
    wait_text(d, "[data-testid='letters-issued']", "DL-", seconds=30)

    # A demand due today is a skip on a day it was only a reminder's due: the date typed as
    # people type it, the refusal and the reason field shown though the row looked in order.
    row = next(r for r in due if r["suggestion"] == {"state": "due", "level": 2} and r["last_letter"] is None and r["code"] != code)
    earlier = datetime.date.today() - datetime.timedelta(days=row["days_overdue"] - 30)
    click(d, "letters-select-none")
    tick(d, row["code"])
    fill(d, "letter_date", f"{earlier.year}/{earlier.month}/{earlier.day}")
    # A letter dated before today goes out only with the reason for the back date.
    fill(d, "back_date_reason", "补记：当日已寄出")
    click(d, "letters-generate")
    wait_text(d, f"[data-testid='letter-due'][data-code='{row['code']}'] [data-testid='skip-refused']", "下一封应发第 1 级")
    find(d, f"[name='skip_reason.{row['code']}']")
    assert not d.find_elements("css selector", "[data-testid='letters-review']:not([hidden])"), "the review closed"
    shots(app, "02-skip-on-an-earlier-date-zh")
