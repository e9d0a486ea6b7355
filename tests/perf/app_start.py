"""App start on a big book, measured in the real app under Xvfb (issue 9).

    target/e2e-venv/bin/python tests/perf/app_start.py BOOK.db [--app target/release/huikuan]

Starts the app through tauri-driver (as the end-to-end tests do) on a copy-free book, and
prints: the time from asking for the app to the dashboard's figures on screen, the time to
its forecast chart, and the memory of the app and its web processes as PSS (issue 22: RSS counted
WebKit's shared libraries once per process; tests/perf/memory.py measures it beside a floor). The time
includes tauri-driver's own session set-up, so it is an upper bound on what a user waits.
Figures, not a test: it never fails on speed.
"""

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "e2e"))
import conftest  # noqa: E402  (the e2e launch helpers: ports, driver, app lookup)
from session import Running, until  # noqa: E402  (the app under its own Xvfb, its processes' PSS)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("book", type=Path)
    parser.add_argument("--app", type=Path, default=conftest.ROOT / "target" / "release" / "huikuan")
    parser.add_argument("--shot", type=Path, help="save a screenshot of the dashboard there")
    args = parser.parse_args()
    app = args.app.resolve()
    running = Running(app, {"HUIKUAN_DB": str(args.book.resolve())})
    try:
        driver, started, session = running.driver, running.asked, time.monotonic()
        try:
            total = until(lambda: driver.execute_script(
            "const e = document.querySelector('[data-testid=total-receivable] .money, [data-testid=total-receivable]');"
            "return e && /[0-9]/.test(e.textContent) ? e.textContent.trim() : null;"))
        except TimeoutError:
            driver.get_screenshot_as_file("/tmp/app_start_failed.png")
            raise
        shown = time.monotonic()
        until(lambda: driver.execute_script(
            "return !!document.querySelector('[data-testid=forecast-chart] svg');"))
        forecast = time.monotonic()
        if args.shot:
            driver.get_screenshot_as_file(str(args.shot))
        rows = running.pss(settle=1.0)  # the page settled before memory is read
        print(f"book: {args.book} ({args.book.stat().st_size / 2**20:.0f} MiB), app: {app}")
        print(f"WebDriver session (app launched, page loaded): {(session - started) * 1000:.0f} ms")
        print(f"app start to the dashboard's figures shown ({total}): {(shown - started) * 1000:.0f} ms (goal <= 2000 ms)")
        print(f"app start to the forecast chart drawn (ECharts loaded): {(forecast - started) * 1000:.0f} ms")
        for pid, name, kib in rows:
            print(f"  pss {name} ({pid}): {kib / 1024:.1f} MiB")
        print(f"app memory (PSS of the app + its web processes): {sum(k for _, _, k in rows) / 1024:.1f} MiB")
    finally:
        running.stop()


if __name__ == "__main__":
    main()
