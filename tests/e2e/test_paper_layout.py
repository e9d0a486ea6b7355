"""A delivery note's paper page at 1280×800 and 1024×700, in both languages: the side panel
(signature, fingerprint) is never cut off at the right, and the PDF is drawn again at the new
width when the window is resized. Screenshots of each for a person to look at."""

import sqlite3

import pytest

from ui import find, go, testid, wait
from walk import demo_books, settle, set_language

# Each element's right edge against the window's, and whether the page scrolls sideways.
RIGHT_EDGES = """
const side = document.querySelector("[data-testid='paper-side']");
const parts = [side, ...side.querySelectorAll('section, canvas, button, input, textarea')];
const main = document.querySelector('main');
return {
  inner: window.innerWidth,
  cut: parts.filter(e => e.getBoundingClientRect().width > 0 && e.getBoundingClientRect().right > window.innerWidth + 0.5)
            .map(e => (e.dataset.testid || e.tagName) + ' ' + Math.round(e.getBoundingClientRect().right)),
  sideways: main.scrollWidth > main.clientWidth + 1,
};
"""

# The width the pages were drawn at, and the width the viewer now offers them.
PDF_WIDTHS = """
const pages = document.querySelector("[data-testid='pdf-view'] .pages");
const canvas = pages.querySelector("canvas[data-testid='pdf-page']");
return {offered: pages.clientWidth - 24, drawn: canvas ? canvas.getBoundingClientRect().width : 0};
"""


def an_unsigned_delivery_note(db) -> str:
    with sqlite3.connect(db) as conn:
        (number,) = conn.execute(
            "SELECT number FROM documents WHERE kind = 'delivery_note' "
            "AND id NOT IN (SELECT document_id FROM signatures) ORDER BY number DESC LIMIT 1"
        ).fetchone()
    return number


def resize(d, width: int, height: int) -> None:
    d.set_window_size(width, height)
    inner = wait(f"the window at {width}×{height}", lambda: (w := d.execute_script("return window.innerWidth")) and abs(w - width) <= 40 and w)
    assert inner, f"the window did not take {width}×{height}"


def drawn_at_the_viewers_width(d) -> float:
    """Waits until the PDF is drawn at the width its viewer now offers (within a pixel)."""

    def follows():
        w = d.execute_script(PDF_WIDTHS)
        return w["drawn"] if w["drawn"] and abs(w["drawn"] - w["offered"]) <= 1.5 else None

    return wait("the PDF drawn at the viewer's width", follows, seconds=20)


@pytest.mark.parametrize("language", ["zh", "en"])
def test_a_delivery_notes_paper_page_fits_at_1280x800_and_1024x700_and_redraws_the_pdf_on_resize(launcher, language):
    app = launcher(demo_books)
    d = app.driver
    number = an_unsigned_delivery_note(app.db)
    set_language(d, language)
    resize(d, 1280, 800)
    go(d, f"#/papers/{number}")
    wait("the preview drawn", lambda: find(d, "[data-testid='pdf-view'] .pages", seconds=30).get_attribute("data-rendered") == "1")
    testid(d, "signature-pad")
    settle(d)

    widths = {}
    # The same page stays open while the window changes size: the PDF must follow it.
    for width, height in [(1280, 800), (1024, 700), (1280, 800)]:
        resize(d, width, height)
        drawn = drawn_at_the_viewers_width(d)
        widths.setdefault((width, height), []).append(drawn)
        edges = d.execute_script(RIGHT_EDGES)
        assert not edges["cut"], f"{language} {width}×{height}: cut at the right of {edges['inner']}: {edges['cut']}"
        assert not edges["sideways"], f"{language} {width}×{height}: the paper page scrolls sideways"
        app.shot(f"{language}-{width}x{height}-paper")
        d.execute_script("document.querySelector(\"[data-testid='paper-side']\").scrollIntoView({block: 'end'})")
        app.shot(f"{language}-{width}x{height}-paper-side")
        d.execute_script("document.querySelector('main').scrollTop = 0")

    # The layout differs between the two sizes, so the drawing width must too; and back again.
    assert widths[(1280, 800)][0] != widths[(1024, 700)][0], widths
    assert abs(widths[(1280, 800)][0] - widths[(1280, 800)][1]) <= 1.5, widths
