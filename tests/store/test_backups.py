import os
import sqlite3
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from caseworker.demo.places import demo_regions
from caseworker.domain.idnumber import check_character
from caseworker.interchange.household_format import parse_household
from caseworker.security.keys import new_data_key
from caseworker.store.backups import (
    BackupError,
    backup_folder,
    backup_now,
    check_backup,
    daily_backup,
    inspect_backup,
    last_backup,
    list_backups,
    made_at,
    restore,
)
from caseworker.store.db import Store, connect_raw, open_store
from caseworker.store.drafts import list_drafts, save_draft
from caseworker.store.households import count_households, save_household
from caseworker.store.regions import add_regions

Make = Callable[..., dict[str, Any]]


def test_daily_backups_are_made_once_a_day_and_kept_for_two_weeks(
    store: Store, household_data: Make
) -> None:
    save_household(store, parse_household(household_data()))
    start = datetime(2026, 11, 1, 9, 0)
    assert daily_backup(store, now=start) is not None
    assert daily_backup(store, now=start + timedelta(hours=5)) is None  # already today
    for day in range(1, 20):
        daily_backup(store, now=start + timedelta(days=day))
    kept = list_backups(backup_folder(store))
    assert len(kept) == 14  # the guide: kept for 14 days
    assert made_at(kept[0]).date() == (start + timedelta(days=6)).date()
    assert check_backup(kept[-1], None) == 1


def test_a_backup_restores_and_the_replaced_store_is_kept(
    tmp_path: Path, store: Store, household_data: Make
) -> None:
    save_household(store, parse_household(household_data()))
    usb = tmp_path / "usb"
    backup = backup_now(store, usb)
    later = household_data()
    later["members"] = later["members"][:1]
    later["members"][0]["id_number"] = "61042319800101001" + check_character("61042319800101001")
    save_household(store, parse_household(later))
    with store.read() as conn:
        assert count_households(conn) == 2
    path = store.path
    store.close()
    kept = restore(backup, path, None)
    assert kept is not None and kept.exists()
    again = open_store(path)
    with again.read() as conn:
        assert count_households(conn) == 1
    again.close()


def test_a_damaged_backup_is_refused_before_anything_is_replaced(
    tmp_path: Path, store: Store
) -> None:
    bad = tmp_path / "caseworker-20260101-000000.db"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 4000)
    before = store.path.read_bytes()
    with pytest.raises(BackupError):
        restore(bad, store.path, None)
    assert store.path.read_bytes() == before


def encrypted_store(tmp_path: Path, key: bytes | None, household_data: Make) -> Store:
    """A store with the demo regions and one household (plain without a key)."""
    store = open_store(tmp_path / "enc.db", key=key)
    with store.begin() as conn:
        add_regions(conn, demo_regions())
    save_household(store, parse_household(household_data()))
    return store


def test_an_encrypted_store_gives_an_encrypted_backup(tmp_path: Path, household_data: Make) -> None:
    key = new_data_key()
    store = encrypted_store(tmp_path, key, household_data)
    backup = backup_now(store, tmp_path / "usb")
    store.close()
    assert b"SQLite format 3" not in backup.read_bytes()[:16]
    assert check_backup(backup, key) == 1
    with pytest.raises(BackupError):
        check_backup(backup, new_data_key())


def test_the_daily_backup_is_one_per_calendar_day_and_a_laptop_left_off_keeps_its_last_ones(
    store: Store, household_data: Make
) -> None:
    save_household(store, parse_household(household_data()))
    evening = datetime(2026, 11, 1, 17, 30)
    for day in range(5):
        assert daily_backup(store, now=evening + timedelta(days=day)) is not None
    # The next morning, less than a day after yesterday evening's: still a new day.
    assert daily_backup(store, now=evening + timedelta(days=5, hours=-9)) is not None
    # Back after two months: the new backup is made and none of the old ones goes.
    assert daily_backup(store, now=evening + timedelta(days=65)) is not None
    assert len(list_backups(backup_folder(store))) == 7


def test_a_backup_stopped_half_way_leaves_nothing_that_looks_like_a_backup(
    tmp_path: Path, household_data: Make
) -> None:
    key = new_data_key()
    store = encrypted_store(tmp_path, key, household_data)
    (tmp_path / "enc.db.keys").write_text("{}")  # the wrapped keys, beside the store
    with store.begin() as conn:  # enough pages for several steps
        for n in range(3000):
            conn.exec_driver_sql(
                "INSERT INTO setting (key, value) VALUES (?, ?)", (f"filler.{n}", "x" * 200)
            )
    steps: list[tuple[int, int]] = []

    def unplugged(done: int, total: int) -> None:
        steps.append((done, total))
        if len(steps) == 2:
            raise OSError("the USB stick was pulled out")

    usb = tmp_path / "usb"
    with pytest.raises(OSError):
        backup_now(store, usb, progress=unplugged)
    assert steps[0][0] < steps[0][1]  # stopped in the middle
    assert list(usb.iterdir()) == []  # no backup, no key file, no temporary file
    made = backup_now(store, usb, progress=lambda done, total: None)
    assert sorted(p.name for p in usb.iterdir()) == [made.name, made.name + ".keys"]
    info = inspect_backup(made, key)
    assert info.households == 1 and info.size > 3000 * 200
    store.close()


def test_the_daily_backup_clears_what_a_stopped_backup_left(
    store: Store, household_data: Make
) -> None:
    folder = backup_folder(store)
    folder.mkdir()
    left = folder / "caseworker-20261031-090000.db.part"
    left.write_bytes(b"half a backup")
    old = datetime(2026, 10, 31, 9, 0).timestamp()
    os.utime(left, (old, old))
    daily_backup(store, now=datetime(2026, 11, 1, 9, 0))
    assert not left.exists()
    assert [p.suffix for p in folder.iterdir()] == [".db"]


def test_two_backups_in_one_second_are_both_kept(store: Store) -> None:
    moment = datetime(2026, 11, 1, 9, 0)
    first = backup_now(store, now=moment)
    second = backup_now(store, now=moment)
    assert first != second and first.exists() and second.exists()
    assert made_at(second) == moment
    newest = last_backup(backup_folder(store))
    assert newest is not None and newest.made_at == moment


def test_what_is_wrong_with_a_file_that_is_not_a_backup_is_named(tmp_path: Path) -> None:
    with pytest.raises(BackupError) as missing:
        inspect_backup(tmp_path / "gone.db", None)
    assert missing.value.reason == "missing"
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE something (x)")
    conn.close()
    with pytest.raises(BackupError) as foreign:
        inspect_backup(other, None)
    assert foreign.value.reason == "not_a_store"
    text = tmp_path / "notes.db"
    text.write_text("a shopping list")
    with pytest.raises(BackupError) as unreadable:
        inspect_backup(text, None)
    assert unreadable.value.reason == "unreadable"


def outbox_numbers_used(path: Path, key: bytes | None) -> int:
    conn = connect_raw(path, key)
    try:
        return int(
            conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'outbox'").fetchone()[0]
        )
    finally:
        conn.close()


@pytest.mark.parametrize("encrypted", [False, True])
def test_a_restore_keeps_the_drafts_typed_since_and_never_reuses_an_outbox_number(
    tmp_path: Path, household_data: Make, encrypted: bool
) -> None:
    key = new_data_key() if encrypted else None
    store = encrypted_store(tmp_path, key, household_data)
    with store.read() as conn:
        household_id = conn.exec_driver_sql("SELECT id FROM household").scalar_one()
    backup = backup_now(store, tmp_path / "usb")
    later = household_data()
    later["members"] = later["members"][:1]
    later["members"][0]["id_number"] = "61042319800101001" + check_character("61042319800101001")
    save_household(store, parse_household(later))  # sent to the county after the backup
    draft = save_draft(
        store, kind="visit", household_id=household_id, data={"notes": "typed after"}
    )
    used = outbox_numbers_used(store.path, key)
    assert used > outbox_numbers_used(backup, key)
    path = store.path
    store.close()
    restore(backup, path, key)
    again = open_store(path, key=key)
    with again.read() as conn:
        assert count_households(conn) == 1
        drafts = list_drafts(conn, kind="visit")
    assert [(d.id, d.data) for d in drafts] == [(draft, {"notes": "typed after"})]
    save_household(again, parse_household(later))
    assert outbox_numbers_used(path, key) > used
    again.close()
