"""Small waits and actions on the app's DOM: the tests assert on what the user sees."""

import time

from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys


def wait(what, check, seconds: float = 10.0):
    deadline = time.monotonic() + seconds
    last = None
    while time.monotonic() < deadline:
        try:
            value = check()
            if value:
                return value
        except (StaleElementReferenceException, WebDriverException) as error:
            last = error
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}" + (f" ({last})" if last else ""))


def find(driver, css: str, seconds: float = 10.0):
    return wait(css, lambda: (driver.find_elements(By.CSS_SELECTOR, css) or [None])[0], seconds)


def testid(driver, name: str, seconds: float = 10.0):
    return find(driver, f"[data-testid='{name}']", seconds)


def text_of(driver, css: str) -> str:
    return find(driver, css).text


def wait_text(driver, css: str, expected: str, seconds: float = 10.0) -> str:
    return wait(f"{css} to show {expected!r}", lambda: expected in find(driver, css).text and find(driver, css).text, seconds)


def fill(driver, name: str, value: str) -> None:
    field = find(driver, f"[name='{name}']")
    field.click()
    field.send_keys(Keys.CONTROL, "a")
    field.send_keys(Keys.DELETE)
    if value:
        field.send_keys(value)


def choose(driver, name: str, value: str) -> None:
    """Selects an option by value, as a user picking from the list would."""
    find(driver, f"[name='{name}'] option[value='{value}']")
    driver.execute_script(
        "const s = document.querySelector(arguments[0]); s.value = arguments[1];"
        "s.dispatchEvent(new Event('change', {bubbles: true}));",
        f"[name='{name}']",
        value,
    )


def go(driver, hash_route: str) -> None:
    driver.execute_script("window.location.hash = arguments[0]", hash_route)


def count(driver, css: str) -> int:
    return len(driver.find_elements(By.CSS_SELECTOR, css))
