"""The dashboard's cash forecast in the real app: what is expected and what is promised,
planned or due both drawn (the dark bars were once hidden behind the light ones), and the
forecast made twelve weeks ago against what came in, in both languages."""

from ui import find, testid, wait, wait_text
from walk import set_language

EXPECTED, GROSS = "#2f7d5b", "#9fc7b1"

BARS = """
const svg = document.querySelector(`[data-testid='${arguments[0]}'] svg`);
if (!svg) return [];
return [...svg.querySelectorAll('path')]
  .filter(p => (p.getAttribute('fill') || '').toLowerCase() === arguments[1])
  .map(p => p.getBoundingClientRect())
  .filter(r => r.height > 2 && r.width > 2)
  .map(r => [Math.round(r.x), Math.round(r.height)]);
"""


def bars(driver, chart, colour):
    return driver.execute_script(BARS, chart, colour)


def test_the_dashboard_forecast_draws_both_series_and_the_check_against_what_came_in(app):
    d = app.driver
    testid(d, "start-demo").click()
    testid(d, "dashboard", seconds=90)
    for language, words in [("zh", "平均绝对百分比误差"), ("en", "mean absolute percentage error")]:
        set_language(d, language)
        wait("the forecast chart", lambda: find(d, "[data-testid='forecast-chart'] svg"), seconds=30)
        # Twelve weeks each (a legend mark may add one), side by side: no bar hidden by another.
        expected = wait("the expected bars", lambda: len(bars(d, "forecast-chart", EXPECTED)) >= 10 and bars(d, "forecast-chart", EXPECTED))
        gross = wait("the promised/due bars", lambda: len(bars(d, "forecast-chart", GROSS)) >= 6 and bars(d, "forecast-chart", GROSS))
        assert not {x for x, _ in expected} & {x for x, _ in gross}, "a dark bar drawn where a light one is"
        find(d, "[data-testid='forecast-check-chart'] svg")
        made = wait("the bars of the forecast made 12 weeks ago", lambda: len(bars(d, "forecast-check-chart", GROSS)) >= 10)
        assert made
        wait_text(d, "[data-testid='forecast-check-error']", words)
        d.execute_script("document.querySelector(\"[data-testid='forecast']\").scrollIntoView()")
        app.shot(f"{language}-dashboard-forecast")
