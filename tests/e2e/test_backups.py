"""Backups in the real app: a book that no longer opens is reported and left alone, and one
of its backups brings it back; a backup restored from the settings replaces the books."""

import subprocess
from pathlib import Path

from conftest import CLI
from ui import count, find, go, testid, wait_text

GARBAGE = b"this file was a book until something overwrote it"


def cli(db, *args):
    return subprocess.run([str(CLI), "--db", str(db), *args], check=True, capture_output=True, text=True).stdout


def a_book_with_a_backup(db: Path):
    """One customer, and a backup of the book named as the app names them."""
    cli(db, "init")
    cli(db, "customer", "add", "--code", "C100", "--name", "杭州新华超市", "--terms", "net:30")
    backups = db.parent / "backups"
    backups.mkdir()
    cli(db, "backup", "--to", str(backups / "books-20261130-180000.db"))


def a_book_with_a_backup_then_a_new_customer(db: Path):
    a_book_with_a_backup(db)
    cli(db, "customer", "add", "--code", "C200", "--name", "后来的客户", "--terms", "net:30")


def test_restoring_a_backup_from_the_settings_brings_back_its_books(launcher):
    app = launcher(a_book_with_a_backup_then_a_new_customer)
    d = app.driver
    go(d, "#/settings")
    row = find(d, "[data-testid='backup-row'][data-name='books-20261130-180000.db']")
    row.find_element("css selector", "[data-testid='backup-restore']").click()
    testid(d, "backup-restore-confirm").click()
    wait_text(d, "[data-testid='restored']", "books-before-restore-")
    app.shot("01-restored-in-settings")
    testid(d, "nav-customers").click()
    find(d, "[data-testid='customer-row'][data-code='C100']")
    assert count(d, "[data-testid='customer-row'][data-code='C200']") == 0, "the customer added after the backup is gone"


def a_book_overwritten_after_its_backup(db: Path):
    a_book_with_a_backup(db)
    db.write_bytes(GARBAGE)


def test_a_book_that_cannot_be_opened_is_left_alone_and_restored_from_its_backup(launcher):
    app = launcher(a_book_overwritten_after_its_backup)
    d = app.driver
    testid(d, "book-problem")
    wait_text(d, "[data-testid='book-problem'] [role='alert']", "不是回款账簿")
    assert app.db.read_bytes() == GARBAGE, "the file is never touched before a restore"
    find(d, "[data-testid='backup-row'][data-name='books-20261130-180000.db']")
    app.shot("01-cannot-open")
    testid(d, "backup-restore").click()
    testid(d, "backup-restore-confirm").click()
    testid(d, "dashboard", seconds=20)
    app.shot("02-restored")
    testid(d, "nav-customers").click()
    find(d, "[data-testid='customer-row'][data-code='C100']")
    kept = list((app.db.parent / "backups").glob("books-before-restore-*.db"))
    assert len(kept) == 1 and kept[0].read_bytes() == GARBAGE, "the replaced file is kept as it was"
