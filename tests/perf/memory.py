"""The app's memory as PSS beside a floor, and a soak run (issue 22).

    target/e2e-venv/bin/python tests/perf/memory.py --floor-only
    target/e2e-venv/bin/python tests/perf/memory.py --book BOOK.db [--soak N]
    target/e2e-venv/bin/python tests/perf/memory.py --demo [--soak N]

Memory is PSS: the sum of `Pss:` in /proc/PID/smaps_rollup over the app and every process it
started (WebKitWebProcess, WebKitNetworkProcess). RSS would count WebKit's shared libraries
once per process; PSS shares them out, so the sum is what the app costs the machine.

Measured, each through tauri-driver under its own Xvfb as the end-to-end tests start the app:
  (a) the floor: a minimal Tauri 2 window on the same WebKitGTK (tests/perf/floor, built with
      `cargo build --release --manifest-path tests/perf/floor/Cargo.toml --target-dir target`);
  (b) the app on the book right after the dashboard shows its figures;
  (c) the app after every screen of tests/e2e/walk.py has been opened once, and its ratio to (a);
  (d) with --soak N, every screen visited N times: PSS after round 1, every --every rounds (25) and after
      round N, and the growth from round 1.
The book is copied first (the app may write to it). Each process's PSS is shown split by kind of
mapping (anonymous memory, libraries, fonts). To find what grows: --per-screen (PSS after each
screen of round 1), --only/--skip (a soak of some screens), --collect (after the soak, make the
page collect its garbage and measure again). Figures, never a test: nothing fails on a number.
"""

import argparse
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "e2e"))
import conftest  # noqa: E402  (the e2e launch helpers: ports, driver)
import walk  # noqa: E402  (every screen of the app and how to open it)
from session import Running, until  # noqa: E402

TARGET = conftest.ROOT / "target" / "release"
TODAY = "2026-12-06"


def kinds_of(pid: int) -> dict[str, int]:
    """PSS in KiB by kind of mapping: what a process's memory is made of (heap, fonts, code)."""
    kinds: dict[str, int] = {}
    kind = "anonymous"
    try:
        lines = Path(f"/proc/{pid}/smaps").read_text().splitlines()
    except OSError:
        return kinds
    for line in lines:
        first = line.split(maxsplit=5)
        if first and "-" in first[0] and not first[0].endswith(":"):
            name = first[5] if len(first) > 5 else ""
            kind = ("anonymous" if not name or name.startswith("[anon") or name == "[heap]"
                    else "fonts" if name.endswith((".ttf", ".otf", ".ttc"))
                    else "libraries" if ".so" in name
                    else "shared memory" if name.startswith(("/memfd", "/dev/shm", "/SYSV"))
                    else "other files" if name.startswith("/") else name)
        elif line.startswith("Pss:"):
            kinds[kind] = kinds.get(kind, 0) + int(first[1])
    return kinds


def total(rows) -> float:
    return sum(k for _, _, k in rows) / 1024


def show(label: str, rows) -> float:
    print(f"{label}: {total(rows):.1f} MiB PSS")
    for pid, name, kib in rows:
        kinds = ", ".join(f"{k} {v / 1024:.1f}" for k, v in sorted(kinds_of(pid).items(), key=lambda kv: -kv[1]) if v >= 1024)
        print(f"    {name} ({pid}): {kib / 1024:.1f} MiB ({kinds})")
    return total(rows)


def measure_floor(floor: Path) -> float:
    running = Running(floor, {})
    try:
        until(lambda: running.driver.execute_script(
            "return document.readyState === 'complete' && !!document.querySelector('h1')"), 60)
        return show("floor (minimal Tauri 2 window, one static page)", running.pss())
    finally:
        running.stop()


def customer_and_paper(db: Path) -> tuple[str, str]:
    """The customer with the most papers and one of its papers (a delivery note if the book has
    any: the generated books hold statements, letters and plans only)."""
    with sqlite3.connect(db) as conn:
        code, number = conn.execute(
            "SELECT c.code, max(d.number) FROM documents d JOIN customers c ON c.id = d.customer_id "
            "GROUP BY c.code ORDER BY max(d.kind = 'delivery_note') DESC, count(*) DESC, c.code LIMIT 1"
        ).fetchone()
    return code, number


# What the page holds that could pile up over a day: elements in the document, Tauri's pending
# IPC callbacks, Resource Timing entries (every IPC call is a fetch), stylesheets.
PAGE_COUNTS = """
return {
  elements: document.getElementsByTagName('*').length,
  ipc_callbacks: window.__TAURI_INTERNALS__?.callbacks?.size ?? -1,
  timing_entries: performance.getEntries().length,
  stylesheets: document.styleSheets.length,
  fonts: document.fonts.size,
};
"""


def page_counts(driver) -> str:
    counts = driver.execute_script(PAGE_COUNTS)
    return ", ".join(f"{k} {v}" for k, v in counts.items())


def visit(driver, screen: walk.Screen, failures: dict[str, int]) -> None:
    """Opens a screen as the accessibility walk does; a screen that fails is counted, not fatal,
    so one slow screen does not end a soak of hours."""
    try:
        walk.open_screen(driver, screen)
    except Exception as error:  # noqa: BLE001
        failures[screen.name] = failures.get(screen.name, 0) + 1
        if failures[screen.name] == 1:
            print(f"    ! {screen.name}: {str(error).splitlines()[0][:160]}", flush=True)


def measure_app(app: Path, db: Path, floor_mib: float | None, soak: int, every: int, only: str, skip: str,
                collect: bool, per_screen: bool) -> None:
    code, paper = customer_and_paper(db)
    screens = [s for s in walk.screens(code, paper)
               if (not only or s.name in only.split(",")) and s.name not in skip.split(",")]
    running = Running(app, {"HUIKUAN_DB": str(db), "HUIKUAN_TODAY": TODAY})
    failures: dict[str, int] = {}
    try:
        conftest.wait_until_ready(running.driver, Path(tempfile.mkdtemp()) / "ready.txt")
        until(lambda: running.driver.execute_script(
            "const e = document.querySelector('[data-testid=total-receivable]');"
            "return e && /[0-9]/.test(e.textContent);"), 120)
        walk.settle(running.driver, 60)
        dashboard = show("app after the dashboard shows", running.pss())
        if floor_mib:
            print(f"    ratio app/floor: {dashboard / floor_mib:.2f}")
        rounds = max(soak, 1)
        first = None
        started = time.monotonic()
        for round_number in range(1, rounds + 1):
            for screen in screens:
                visit(running.driver, screen, failures)
                if per_screen and round_number == 1:
                    rows = running.pss(settle=1.0)
                    each = ", ".join(f"{name} {kib / 1024:.0f}" for _, name, kib in rows)
                    print(f"    after {screen.name}: {total(rows):.1f} MiB PSS ({each})", flush=True)
            visit(running.driver, screens[0], failures)  # end each round where a user starts
            if round_number == 1:
                names = ", ".join(s.name for s in screens)
                print(f"screens of a round ({len(screens)}): {names}")
                first = show("app after every screen once (round 1)", running.pss())
                print(f"    page: {page_counts(running.driver)}")
                if floor_mib:
                    print(f"    ratio app/floor: {first / floor_mib:.2f} (goal <= 1.3)")
            elif round_number % every == 0 or round_number == rounds:
                rows = running.pss()
                now = total(rows)
                minutes = (time.monotonic() - started) / 60
                each = ", ".join(f"{name} {kib / 1024:.0f}" for _, name, kib in rows)
                print(f"  round {round_number}: {now:.1f} MiB PSS ({each}), {100 * (now - first) / first:+.1f}% "
                      f"from round 1 ({minutes:.1f} min)", flush=True)
        if rounds > 1:
            last = show(f"app after round {rounds}", running.pss())
            print(f"    page: {page_counts(running.driver)}")
            print(f"soak: {rounds} rounds, {first:.1f} MiB after round 1, {last:.1f} MiB after round {rounds}, "
                  f"growth {100 * (last - first) / first:+.1f}% (goal <= 10%)")
        if collect and rounds > 1:
            # Whether what grew is garbage JavaScriptCore has not collected yet: allocating and
            # dropping large buffers makes it run a full collection (a diagnosis, not what a user does).
            running.driver.execute_script(
                "for (let i = 0; i < 64; i++) { new Uint8Array(8 << 20).fill(1); }")
            after = show("after making the page collect its garbage", running.pss(settle=10.0))
            print(f"    growth from round 1 after collecting: {100 * (after - first) / first:+.1f}%")
        if failures:
            print("screens that did not finish: " + ", ".join(f"{k} x{v}" for k, v in failures.items()))
    finally:
        running.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    book = parser.add_mutually_exclusive_group()
    book.add_argument("--book", type=Path, help="measure the app on a copy of this book")
    book.add_argument("--demo", action="store_true", help="measure the app on the demo company")
    book.add_argument("--floor-only", action="store_true", help="measure the floor window only")
    parser.add_argument("--app", type=Path, default=TARGET / "huikuan")
    parser.add_argument("--cli", type=Path, default=TARGET / "huikuan-cli")
    parser.add_argument("--floor", type=Path, default=TARGET / "huikuan-floor")
    parser.add_argument("--no-floor", action="store_true", help="skip measuring the floor")
    parser.add_argument("--soak", type=int, default=1, help="rounds of every screen (default 1)")
    parser.add_argument("--every", type=int, default=25, help="print PSS every this many rounds")
    parser.add_argument("--only", default="", help="visit only these screens (names, comma-separated): to find what grows")
    parser.add_argument("--per-screen", action="store_true", help="in round 1, PSS after each screen")
    parser.add_argument("--collect", action="store_true",
                        help="after the soak, make the page collect its garbage and measure again")
    parser.add_argument("--skip", default="", help="leave these screens out (names, comma-separated)")
    args = parser.parse_args()
    print(f"{time.strftime('%Y-%m-%d %H:%M')}; WebKitGTK: {webkit_version()}")
    floor_mib = None if args.no_floor else measure_floor(args.floor.resolve())
    if args.floor_only:
        return
    work = Path(tempfile.mkdtemp(prefix="memory-book-"))
    db = work / "books.db"
    try:
        if args.demo:
            subprocess.run([str(args.cli), "--db", str(db), "demo"], check=True, capture_output=True,
                           env=dict(os.environ, HUIKUAN_TODAY=TODAY))
            print("book: the demo company (huikuan-cli demo)")
        elif args.book:
            shutil.copyfile(args.book, db)
            print(f"book: a copy of {args.book} ({db.stat().st_size / 2**20:.0f} MiB)")
        else:
            parser.error("give --book, --demo or --floor-only")
        measure_app(args.app.resolve(), db, floor_mib, args.soak, args.every, args.only, args.skip, args.collect, args.per_screen)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def webkit_version() -> str:
    found = subprocess.run(["dpkg-query", "-W", "-f", "${Version}", "libwebkit2gtk-4.1-0"],
                           capture_output=True, text=True)
    return found.stdout.strip() or "?"


if __name__ == "__main__":
    main()
