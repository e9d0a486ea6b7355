"""Shared books on a PostgreSQL server, in the real app: the welcome screen's server form
(connection test, a wrong password said plainly), the dashboard of the empty shared books,
Settings showing the server, the same through Settings in English, and a server that goes
away while the user types a new customer: the banner in the user's language, the typed
fields kept, and the app carrying on when the server is back.

Needs the server named by HUIKUAN_TEST_PG (scripts/test starts one); for the server that goes
away it starts a throwaway server of its own with scripts/pg.sh and stops it."""

import json
import os
import shutil
import subprocess
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from conftest import ROOT
from ui import count, fill, find, go, testid, wait, wait_text
from walk import axe_violations, describe

PG = os.environ.get("HUIKUAN_TEST_PG")
pytestmark = pytest.mark.skipif(not PG, reason="HUIKUAN_TEST_PG names no PostgreSQL server (scripts/test starts one)")


def parts(url: str) -> dict:
    u = urlsplit(url)
    return {"host": u.hostname, "port": str(u.port or 5432), "user": unquote(u.username or ""), "password": unquote(u.password or "")}


def parts_url(url: str, database: str) -> str:
    """The same server's URL for another database."""
    return urlsplit(url)._replace(path=f"/{database}").geturl()


def create_database(url: str, name: str) -> None:
    subprocess.run(["psql", url, "-v", "ON_ERROR_STOP=1", "-qc", f"CREATE DATABASE {name}"], check=True, capture_output=True)


def fill_server(d, server: dict, database: str, password: str | None = None) -> None:
    fill(d, "host", server["host"])
    fill(d, "port", server["port"])
    fill(d, "database", database)
    fill(d, "user", server["user"])
    fill(d, "password", server["password"] if password is None else password)


def set_language(d, language: str) -> None:
    testid(d, f"lang-{language}", seconds=20).click()
    wait("the language", lambda: d.execute_script("return document.documentElement.lang").startswith(language))


def no_axe_findings(d, screen: str, language: str) -> None:
    time.sleep(0.3)
    found = axe_violations(d)
    assert not found, describe(screen, language, found)


class ThrowawayServer:
    """A PostgreSQL server of the test's own (scripts/pg.sh), to stop and start again."""

    def __init__(self, folder: Path):
        self.folder = folder

    def sh(self, script: str) -> str:
        done = subprocess.run(
            ["bash", "-c", f". scripts/pg.sh && dir=$(realpath -m '{self.folder}') && {script}"],
            cwd=ROOT, capture_output=True, text=True, check=True,
        )
        return done.stdout

    def start(self) -> str:
        self.sh("pg_start \"$dir\"")
        self.url = (self.folder / "url").read_text().strip()
        return self.url

    def stop(self) -> None:
        self.sh("pg_stop \"$dir\"")

    def start_again(self) -> None:
        """The same cluster on the same port: what a restarted server looks like."""
        port = parts(self.url)["port"]
        self.sh(f'bin=$(_pg_bin) && _pg_run "$dir" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -o "-p {port}" -w -t 60 start')


def test_shared_books_through_the_form_in_both_languages_and_a_server_that_goes_away(app):
    d = app.driver
    d.set_window_size(1280, 800)
    server = parts(PG)
    stamp = f"{os.getpid()}_{int(time.time())}"
    first, second = f"e2e_shared_{stamp}", f"e2e_shared_en_{stamp}"
    create_database(PG, first)
    create_database(PG, second)

    # The welcome screen, in Chinese: the books on a server.
    set_language(d, "zh")
    testid(d, "where-server").click()
    testid(d, "server-form")
    fill_server(d, server, first, password="不是这个密码")
    testid(d, "server-test-button").click()
    refused = wait_text(d, "[data-testid='server-test']", "不接受")
    assert testid(d, "server-test").get_attribute("data-outcome") == "wrong_password", refused
    app.shot("01-zh-welcome-wrong-password")
    no_axe_findings(d, "welcome-server-form", "zh")

    fill(d, "password", server["password"])
    testid(d, "server-test-button").click()
    said = wait_text(d, "[data-testid='server-test']", "已连接", seconds=30)
    assert "空的" in said and server["password"] not in said, said
    assert f"postgresql://{server['user']}@{server['host']}:{server['port']}/{first}" in said
    app.shot("02-zh-welcome-connection-test")

    testid(d, "server-open").click()
    testid(d, "dashboard", seconds=30)
    app.shot("03-zh-dashboard-of-the-shared-books")
    no_axe_findings(d, "dashboard", "zh")

    go(d, "#/settings")
    shown = wait_text(d, "[data-testid='db-path']", first)
    assert shown.startswith("postgresql://") and server["password"] not in shown, shown
    assert not app.db.exists(), "no book file on this computer"
    settings = app.db.with_suffix(".settings.json").read_text()
    assert first in settings and server["password"] not in settings, "the server is remembered, never its password"
    find(d, "[data-testid='books-place']").location_once_scrolled_into_view
    app.shot("04-zh-settings-shared-books")

    # The same in English, through Settings, to the second database.
    set_language(d, "en")
    testid(d, "server-form")
    fill_server(d, server, second)
    testid(d, "server-test-button").click()
    wait_text(d, "[data-testid='server-test']", "Connected", seconds=30)
    find(d, "[data-testid='books-place']").location_once_scrolled_into_view
    app.shot("05-en-settings-connection-test")
    no_axe_findings(d, "settings-server-form", "en")
    testid(d, "server-open").click()
    testid(d, "dashboard", seconds=30)
    app.shot("06-en-dashboard-of-the-shared-books")
    go(d, "#/settings")
    wait_text(d, "[data-testid='db-path']", second)

    # A server that goes away while a new customer is being typed.
    gone = ThrowawayServer(ROOT / "target" / f"pg-e2e-{os.getpid()}")
    try:
        url = gone.start()
        create_database(url, "shop")
        wait("the settings' server form", lambda: testid(d, "server-form"))
        fill_server(d, parts(url), "shop")
        testid(d, "server-open").click()
        testid(d, "dashboard", seconds=30)

        for language in ("zh", "en"):
            set_language(d, language)
            go(d, "#/customers/new")
            fill(d, "code", f"K-{language}")
            name = "杭州新华超市" if language == "zh" else "Hangzhou Xinhua Market"
            fill(d, "name", name)
            time.sleep(4.5)  # the last "saved" note gone from the screen
            gone.stop()
            testid(d, "save-customer").click()
            banner = wait_text(d, "[data-testid='server-gone']", "无法连接" if language == "zh" else "cannot be reached", seconds=30)
            assert ("您填写的内容都还在" if language == "zh" else "What you typed is kept") in banner, banner
            assert find(d, "[name='code']").get_attribute("value") == f"K-{language}", "what was typed is kept"
            assert find(d, "[name='name']").get_attribute("value") == name, "what was typed is kept"
            d.execute_script("document.querySelector('main').scrollTop = 0")
            app.shot(f"07-{language}-server-gone")
            no_axe_findings(d, "server-gone", language)

            testid(d, "server-retry").click()
            wait_text(d, "[data-testid='server-still-gone']", "仍然" if language == "zh" else "Still", seconds=30)
            gone.start_again()
            testid(d, "server-retry").click()
            wait("the banner to go", lambda: count(d, "[data-testid='server-gone']") == 0, seconds=30)
            testid(d, "save-customer").click()
            # Saved once the server is back: the books on the server hold the customer.
            wait("the customer saved", lambda: f"/customers/K-{language}" in d.execute_script("return location.hash"), seconds=30)
            held = subprocess.run(["psql", parts_url(url, "shop"), "-Atc", f"SELECT name FROM customers WHERE code = 'K-{language}'"],
                                  check=True, capture_output=True, text=True).stdout.strip()
            assert held == name, held
            go(d, "#/customers")
            listed = "return document.querySelector(\"[data-testid='customers']\")?.textContent.includes(arguments[0])"
            wait("the customer listed", lambda: d.execute_script(listed, name), seconds=30)
            app.shot(f"08-{language}-carried-on")
        gone.stop()
        shutil.rmtree(gone.folder, ignore_errors=True)
    finally:
        gone.stop()


def test_remembered_shared_books_ask_for_the_password_at_start_where_no_keyring_keeps_it(launcher):
    server = parts(PG)
    name = f"e2e_unlock_{os.getpid()}_{int(time.time())}"
    create_database(PG, name)
    remembered = {"host": server["host"], "port": int(server["port"]), "database": name, "user": server["user"]}

    def prepare(db: Path) -> None:
        db.with_suffix(".settings.json").write_text(json.dumps({"language": "zh", "shared": remembered}))

    app = launcher(prepare)
    d = app.driver
    d.set_window_size(1280, 800)
    testid(d, "shared-unlock", seconds=20)
    for language in ("en", "zh"):
        set_language(d, language)
        assert f"{server['host']}:{server['port']}/{name}" in testid(d, "shared-unlock").text
        app.shot(f"01-{language}-password-asked-at-start")
        no_axe_findings(d, "shared-unlock", language)

    fill(d, "password", "不是这个密码")
    testid(d, "unlock").click()
    wait_text(d, "[data-testid='server-problem']", "不接受", seconds=30)
    assert testid(d, "server-problem").get_attribute("data-outcome") == "wrong_password"
    assert testid(d, "unlock-password").get_attribute("value") == "不是这个密码", "what was typed is kept"
    app.shot("02-zh-wrong-password")
    fill(d, "password", server["password"])
    testid(d, "unlock").click()
    testid(d, "dashboard", seconds=30)
    assert name in testid(d, "books-on-server").text
    app.shot("03-zh-dashboard-on-the-server")
