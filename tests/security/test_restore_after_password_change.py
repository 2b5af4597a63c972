"""A backup made before the password was changed is restored with the password it was made
with (or the county's recovery code), and the restored records open with the password in
force now."""

from pathlib import Path

import pytest

from caseworker.security.signin import change_password, sign_in
from caseworker.store.backups import list_backups
from caseworker.store.db import open_store
from tests.security.test_password_cli import caseworker

OLD, NEW = "zhongjie-2026", "new-password-9"


@pytest.fixture
def changed(tmp_path: Path) -> tuple[Path, Path, str]:
    """A locked store with a backup made under the old password, then the password
    changed (the database re-keyed) and a household more recorded: (store, backup, code)."""
    db = tmp_path / "laptop.db"
    assert caseworker("demo", "--households", "20", "--db", db).returncode == 0
    locked = caseworker(
        "password", "set", "--worker", "王建华", "--db", db, CASEWORKER_NEW_PASSWORD=OLD
    )
    assert locked.returncode == 0, locked.stderr
    code = locked.stdout.strip().splitlines()[-1]
    made = caseworker("backup", "--to", tmp_path / "usb", "--db", db, CASEWORKER_PASSWORD=OLD)
    assert made.returncode == 0, made.stderr
    (backup,) = list_backups(tmp_path / "usb")
    change_password(db, sign_in_worker(db), OLD, NEW)
    return db, backup, code


def sign_in_worker(db: Path) -> str:
    from caseworker.security.signin import workers_on

    return workers_on(db)[0].id


def households_with(db: Path, password: str) -> int:
    key = sign_in(db, sign_in_worker(db), password)
    store = open_store(db, key=key)
    try:
        with store.read() as conn:
            return int(conn.exec_driver_sql("SELECT COUNT(*) FROM household").scalar_one())
    finally:
        store.close()


def test_the_old_backup_restores_with_the_password_it_was_made_with(
    changed: tuple[Path, Path, str],
) -> None:
    db, backup, _ = changed
    asked = caseworker("restore", backup, "--db", db, CASEWORKER_PASSWORD=NEW)
    assert asked.returncode == 2
    assert "备份时的密码" in asked.stderr and "CASEWORKER_BACKUP_PASSWORD" in asked.stderr
    wrong = caseworker(
        "restore", backup, "--db", db, CASEWORKER_PASSWORD=NEW, CASEWORKER_BACKUP_PASSWORD="x" * 9
    )
    assert wrong.returncode == 2 and "备份时的密码或恢复码不正确" in wrong.stderr
    restored = caseworker(
        "restore", backup, "--db", db, CASEWORKER_PASSWORD=NEW, CASEWORKER_BACKUP_PASSWORD=OLD
    )
    assert restored.returncode == 0, restored.stderr
    assert "20户" in restored.stdout
    assert households_with(db, NEW) == 20  # the password in force now opens it


def test_the_recovery_code_restores_it_too(changed: tuple[Path, Path, str]) -> None:
    db, backup, code = changed
    restored = caseworker("restore", backup, "--code", code, "--db", db, CASEWORKER_PASSWORD=NEW)
    assert restored.returncode == 0, restored.stderr
    assert households_with(db, NEW) == 20
    searched = caseworker("search", "zxl", "--db", db, CASEWORKER_PASSWORD=NEW)
    assert "张学林" in searched.stdout


def test_a_backup_of_the_current_key_needs_no_second_password(tmp_path: Path) -> None:
    db = tmp_path / "laptop.db"
    assert caseworker("demo", "--households", "5", "--db", db).returncode == 0
    assert (
        caseworker(
            "password", "set", "--worker", "王建华", "--db", db, CASEWORKER_NEW_PASSWORD=OLD
        ).returncode
        == 0
    )
    assert caseworker("backup", "--db", db, CASEWORKER_PASSWORD=OLD).returncode == 0
    (backup,) = list_backups(db.with_name(db.name + ".backups"))
    restored = caseworker("restore", backup, "--db", db, CASEWORKER_PASSWORD=OLD)
    assert restored.returncode == 0, restored.stderr
