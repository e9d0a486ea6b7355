"""Starting the real app (or the floor window) under its own Xvfb through tauri-driver, as the
end-to-end tests do, and reading its processes' memory: shared by the perf scripts here."""

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "e2e"))
import conftest  # noqa: E402  (the e2e launch helpers: ports, driver)
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


def exe_of(pid: int) -> Path | None:
    try:
        return Path(os.readlink(f"/proc/{pid}/exe"))
    except OSError:
        return None


class Running:
    """One app (or the floor) started through tauri-driver on its own X server."""

    def __init__(self, app: Path, env: dict[str, str]):
        self.app = app
        number = 90
        while Path(f"/tmp/.X11-unix/X{number}").exists():
            number += 1
        self.xvfb = subprocess.Popen(["Xvfb", f":{number}", "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.config = Path(tempfile.mkdtemp(prefix="memory-config-"))
        until(lambda: Path(f"/tmp/.X11-unix/X{number}").exists(), 10)
        port, native = conftest.free_port(), conftest.free_port()
        env = dict(os.environ, DISPLAY=f":{number}", XDG_CONFIG_HOME=str(self.config), **env)
        self.driver_process = subprocess.Popen([conftest.DRIVER, "--port", str(port), "--native-port", str(native)],
                                               env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        conftest.wait_for_port(port)
        conftest.wait_for_port(native)
        options = ArgOptions()
        options.set_capability("browserName", "wry")
        options.set_capability("tauri:options", {"application": str(app)})
        url = f"http://127.0.0.1:{port}"
        # When the app was asked for: what a start time counts from (tauri-driver's session
        # set-up included, X and the driver not).
        self.asked = time.monotonic()
        self.driver = webdriver.Remote(command_executor=url, options=options,
                                       client_config=ClientConfig(remote_server_addr=url, timeout=120))
        self.driver.implicitly_wait(0)

    def pids(self) -> list[int]:
        """The app's own process (a descendant of tauri-driver running the binary) and its children."""
        apps = [p for p in descendants(self.driver_process.pid) if exe_of(p) == self.app]
        found = []
        for pid in apps:
            found += [pid, *descendants(pid)]
        return found

    def pss(self, settle: float = 2.0) -> list[tuple[int, str, int]]:
        time.sleep(settle)  # let the last screen's work and its frame finish before reading
        return [(pid, name_of(pid), pss_kib(pid)) for pid in self.pids()]

    def stop(self) -> None:
        apps = [p for p in descendants(self.driver_process.pid) if exe_of(p) == self.app]
        try:
            self.driver.quit()
        except Exception:  # noqa: BLE001  (the session may already be gone; we end it anyway)
            pass
        self.driver_process.terminate()
        try:
            self.driver_process.wait(10)
        except subprocess.TimeoutExpired:
            self.driver_process.kill()
        for pid in apps:
            try:
                os.kill(pid, 15)
            except ProcessLookupError:
                pass
        self.xvfb.terminate()
        self.xvfb.wait()
        shutil.rmtree(self.config, ignore_errors=True)
        conftest.wait_for_bus_name_released()
