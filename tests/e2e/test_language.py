"""Every word in the user's language: each screen of the demo company walked in Chinese and in
English fails on a message key shown raw, English words on the Chinese UI or Chinese on the
English UI; the book's own words (names, items, notes) are the user's and stay as typed."""

import pytest

from ui import fill, find, go, testid, wait
from walk import (
    IMPORT_SHEET,
    a_customer_and_a_paper,
    book_words,
    demo_books,
    open_screen,
    screens,
    set_language,
    settle,
    untranslated,
    visible_text,
)


@pytest.mark.parametrize("language", ["zh", "en"])
def test_every_screen_speaks_the_users_language(launcher, language):
    app = launcher(demo_books)
    d = app.driver
    code, paper = a_customer_and_a_paper(app.db)
    data = book_words(app.db) + "\n" + IMPORT_SHEET.replace(",", "\n")
    set_language(d, language)
    findings = []
    for screen in screens(code, paper):
        open_screen(d, screen)
        found = untranslated(visible_text(d), language, data)
        if found:
            findings.append(f"[{language}] {screen.name}:\n  " + "\n  ".join(sorted(set(found))))
            app.shot(f"{language}-{screen.name}")
    report = "\n".join(findings)
    print(report)
    assert not findings, f"words not in the user's language:\n{report}"


def test_the_welcome_screen_speaks_the_users_language(app):
    d = app.driver
    findings = []
    for language in ("zh", "en"):
        testid(d, f"lang-{language}", seconds=20).click()
        wait("the language", lambda: d.execute_script("return document.documentElement.lang").startswith(language))
        findings += untranslated(visible_text(d), language, "")
    assert not findings, "\n".join(findings)


@pytest.mark.parametrize("language", ["zh", "en"])
def test_a_refused_promise_names_its_field_in_words(launcher, language):
    app = launcher(demo_books)
    d = app.driver
    data = book_words(app.db)
    set_language(d, language)
    go(d, "#/collections")
    find(d, "[data-testid='contact-log-form']", seconds=20)
    settle(d)
    d.execute_script(
        "const s = document.querySelector(\"[data-testid='contact-log-form'] [name='outcome']\");"
        "s.value = 'promised'; s.dispatchEvent(new Event('change', {bubbles: true}));"
    )
    fill(d, "promise_amount", "abc")
    testid(d, "log-contact").click()
    error = wait("the refusal", lambda: d.execute_script(
        "const e = document.querySelector(\"[data-testid='log-error'], [data-testid='contact-log-form'] [role='alert']\");"
        "return e && e.textContent.trim()"
    ))
    app.shot(f"01-refused-promise-{language}")
    assert "promise_amount" not in error, error
    assert ("承诺金额" if language == "zh" else "promised amount") in error, error
    # What the user typed ("abc") is quoted as typed; the rest is in their language.
    assert not untranslated([["log-error", error.replace("abc", "")]], language, data), error
