"""Drives the real built Huikuan app through tauri-driver + WebKitWebDriver under Xvfb.

Each test gets its own book file (HUIKUAN_DB) and its own app process; screenshots go to
tests/out/e2e/<test name>/.
"""

import os
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.options import ArgOptions
from selenium.webdriver.remote.client_config import ClientConfig

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "tests" / "out" / "e2e"
APP = Path(os.environ.get("HUIKUAN_APP", ROOT / "target" / "debug" / "huikuan")).resolve()
CLI = Path(os.environ.get("HUIKUAN_CLI", ROOT / "target" / "debug" / "huikuan-cli")).resolve()
DRIVER = shutil.which("tauri-driver") or str(Path.home() / ".cargo" / "bin" / "tauri-driver")


def wait_for_port(port: int, seconds: float = 20.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise TimeoutError(f"nothing listens on port {port}")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def display():
    """One X server for the whole run, so no window opens on the user's own screen
    (HUIKUAN_E2E_DISPLAY=:0 watches the run instead)."""
    if os.environ.get("HUIKUAN_E2E_DISPLAY"):
        yield os.environ["HUIKUAN_E2E_DISPLAY"]
        return
    number = 99
    while Path(f"/tmp/.X11-unix/X{number}").exists():
        number += 1
    xvfb = subprocess.Popen(
        ["Xvfb", f":{number}", "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while not Path(f"/tmp/.X11-unix/X{number}").exists():
        if time.monotonic() > deadline:
            raise TimeoutError("Xvfb did not start")
        time.sleep(0.05)
    yield f":{number}"
    xvfb.terminate()
    xvfb.wait()


class App:
    """The running app, its WebDriver session and where its screenshots go."""

    def __init__(self, driver: webdriver.Remote, db: Path, shots: Path, display: str):
        self.driver = driver
        self.db = db
        self.shots = shots
        self.display = display

    def shot(self, name: str) -> Path:
        # Let the frame that shows the last change reach the screen.
        time.sleep(0.3)
        self.shots.mkdir(parents=True, exist_ok=True)
        path = self.shots / f"{name}.png"
        self.driver.get_screenshot_as_file(str(path))
        return path


def apps_on(db: Path) -> list[int]:
    """Pids of our app running on this book."""
    pids = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            if Path(os.readlink(proc / "exe")) != APP:
                continue
            environ = (proc / "environ").read_bytes().split(b"\0")
        except OSError:
            continue
        if f"HUIKUAN_DB={db}".encode() in environ:
            pids.append(int(proc.name))
    return pids


def end_apps_on(db: Path, seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    signal_to_send = signal.SIGTERM
    while pids := apps_on(db):
        if time.monotonic() > deadline:
            signal_to_send = signal.SIGKILL
        for pid in pids:
            try:
                os.kill(pid, signal_to_send)
            except ProcessLookupError:
                pass
        time.sleep(0.1)


SINGLE_INSTANCE_NAME = "app.huikuan.desktop.SingleInstance"


def wait_for_bus_name_released(seconds: float = 10.0) -> None:
    """Until the session bus no longer lists the app's single-instance name (the bus frees it
    a moment after the process is gone; a launch in that moment hands over to no one)."""
    tool = shutil.which("dbus-send")
    if not tool:
        time.sleep(0.5)
        return
    def ask(method: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [tool, "--session", "--print-reply", "--dest=org.freedesktop.DBus", "/org/freedesktop/DBus",
             f"org.freedesktop.DBus.{method}", f"string:{SINGLE_INSTANCE_NAME}"],
            capture_output=True, text=True,
        )

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        answer = ask("NameHasOwner")
        if answer.returncode != 0 or "boolean false" in answer.stdout:
            return
        if time.monotonic() > deadline - seconds / 2:
            # Still held by a process that outlived its app (a helper, or one stuck
            # exiting): end it, or every later launch hands over to it and fails.
            owner = ask("GetConnectionUnixProcessID")
            words = owner.stdout.split()
            if owner.returncode == 0 and words and words[-1].isdigit():
                try:
                    os.kill(int(words[-1]), signal.SIGKILL)
                except ProcessLookupError:
                    pass
        time.sleep(0.1)


# The first start on a fresh machine is slow (WebKit and GStreamer build their caches, the
# debug build parses the fonts): a test begins when the app says it is ready, not after a
# fixed time. The bound only stops a start that never ends.
READY_SECONDS = 180


def wait_until_ready(driver: webdriver.Remote, record: Path) -> None:
    started = time.monotonic()
    while time.monotonic() - started < READY_SECONDS:
        try:
            if driver.execute_script("return document.documentElement.dataset.ready === 'true'"):
                record.write_text(f"ready after {time.monotonic() - started:.1f} s\n")
                return
        except WebDriverException:
            pass  # the page is still loading
        time.sleep(0.1)
    raise TimeoutError(f"the app did not say it was ready within {READY_SECONDS} s")


def launch(name: str, display: str, tmp_path: Path, prepare=None):
    if not APP.exists():
        raise FileNotFoundError(f"{APP} is not built: run `cargo build -p huikuan-desktop` first")
    db = tmp_path / "books.db"
    if prepare:
        prepare(db)
    port, native = free_port(), free_port()
    # Its own config folder too: the remembered window size must not leak between tests.
    env = dict(os.environ, DISPLAY=display, HUIKUAN_DB=str(db), XDG_CONFIG_HOME=str(tmp_path / "config"))
    env.pop("HUIKUAN_TODAY", None)
    log = open(tmp_path / "driver.log", "wb")
    driver_process = subprocess.Popen(
        [DRIVER, "--port", str(port), "--native-port", str(native)], env=env, stdout=log, stderr=log
    )
    # tauri-driver listens before WebKitWebDriver does; a session asked for too early fails.
    wait_for_port(port)
    wait_for_port(native)
    options = ArgOptions()
    options.set_capability("browserName", "wry")
    options.set_capability("tauri:options", {"application": str(APP)})
    url = f"http://127.0.0.1:{port}"
    # A bounded wait: a session that never comes must fail the test, not hang the run.
    config = ClientConfig(remote_server_addr=url, timeout=60)
    driver = webdriver.Remote(command_executor=url, options=options, client_config=config)
    driver.implicitly_wait(0)
    wait_until_ready(driver, tmp_path / "ready.txt")
    app = App(driver, db, OUT / name, display)

    def stop():
        try:
            driver.quit()
        except WebDriverException:
            pass  # the app already ended its session (a test closed its last window)
        finally:
            driver_process.terminate()
            try:
                driver_process.wait(10)
            except subprocess.TimeoutExpired:
                driver_process.kill()
            log.close()
            # The app is single-instance: one still closing would take over the next
            # test's launch. Make sure it is gone, and its name off the bus, before going on.
            end_apps_on(db)
            wait_for_bus_name_released()

    return app, stop


@pytest.fixture(scope="session", autouse=True)
def first_start(display, tmp_path_factory):
    """Starts the app once before any test and waits until it is ready: what a fresh
    machine's first start costs (WebKit's caches, the shaders compiled for its software
    renderer) is paid here, not inside a test's own waits."""
    folder = tmp_path_factory.mktemp("first-start")
    started = time.monotonic()
    _, stop = launch("first-start", display, folder)
    stop()
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "first-start.txt").write_text(f"first start of the app: ready after {time.monotonic() - started:.1f} s\n")


@pytest.fixture
def app(request, display, tmp_path):
    """The app on a book that does not exist yet: it opens on the welcome screen."""
    running, stop = launch(request.node.name, display, tmp_path)
    yield running
    stop()


@pytest.fixture
def launcher(request, display, tmp_path):
    """Starts the app on a book prepared by the test (e.g. with huikuan-cli)."""
    stops = []

    def start(prepare):
        running, stop = launch(request.node.name, display, tmp_path, prepare)
        stops.append(stop)
        return running

    yield start
    for stop in stops:
        stop()
