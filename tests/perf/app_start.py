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
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "e2e"))
import conftest  # noqa: E402  (the e2e launch helpers: ports, driver, app lookup)
from selenium import webdriver  # noqa: E402
from selenium.webdriver.common.options import ArgOptions  # noqa: E402
from selenium.webdriver.remote.client_config import ClientConfig  # noqa: E402


def pss_kib(pid: int) -> int:
    """Proportional set size: shared pages counted in part, so the sum over processes is real."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass  # the process ended between listing and reading
    return 0


def descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                ppid = int((proc / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(proc.name))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def name_of(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/comm").read_text().strip()
    except OSError:
        return "?"


def until(check, seconds: float = 60.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.01)
    raise TimeoutError("the dashboard did not show")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("book", type=Path)
    parser.add_argument("--app", type=Path, default=conftest.ROOT / "target" / "release" / "huikuan")
    parser.add_argument("--shot", type=Path, help="save a screenshot of the dashboard there")
    args = parser.parse_args()
    app = args.app.resolve()
    conftest.APP = app
    number = 90
    while Path(f"/tmp/.X11-unix/X{number}").exists():
        number += 1
    xvfb = subprocess.Popen(["Xvfb", f":{number}", "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    config_dir = Path(tempfile.mkdtemp())
    try:
        until(lambda: Path(f"/tmp/.X11-unix/X{number}").exists(), 10)
        port, native = conftest.free_port(), conftest.free_port()
        env = dict(os.environ, DISPLAY=f":{number}", HUIKUAN_DB=str(args.book.resolve()),
                   XDG_CONFIG_HOME=str(config_dir))
        driver_process = subprocess.Popen([conftest.DRIVER, "--port", str(port), "--native-port", str(native)],
                                          env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        conftest.wait_for_port(port)
        conftest.wait_for_port(native)
        options = ArgOptions()
        options.set_capability("browserName", "wry")
        options.set_capability("tauri:options", {"application": str(app)})
        url = f"http://127.0.0.1:{port}"
        started = time.monotonic()
        driver = webdriver.Remote(command_executor=url, options=options,
                                  client_config=ClientConfig(remote_server_addr=url, timeout=60))
        session = time.monotonic()
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
        time.sleep(1.0)  # let the page settle before reading memory
        if args.shot:
            driver.get_screenshot_as_file(str(args.shot))
        pids = conftest.apps_on(args.book.resolve())
        rows = []
        for pid in pids:
            rows.append((pid, name_of(pid), pss_kib(pid)))
            for child in descendants(pid):
                rows.append((child, name_of(child), pss_kib(child)))
        print(f"book: {args.book} ({args.book.stat().st_size / 2**20:.0f} MiB), app: {app}")
        print(f"WebDriver session (app launched, page loaded): {(session - started) * 1000:.0f} ms")
        print(f"app start to the dashboard's figures shown ({total}): {(shown - started) * 1000:.0f} ms (goal <= 2000 ms)")
        print(f"app start to the forecast chart drawn (ECharts loaded): {(forecast - started) * 1000:.0f} ms")
        for pid, name, kib in rows:
            print(f"  pss {name} ({pid}): {kib / 1024:.1f} MiB")
        print(f"app memory (PSS of the app + its web processes): {sum(k for _, _, k in rows) / 1024:.1f} MiB")
        driver.quit()
        driver_process.terminate()
        driver_process.wait(10)
        conftest.end_apps_on(args.book.resolve())
    finally:
        xvfb.terminate()
        shutil.rmtree(config_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
