from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from caseworker.domain.idnumber import check_character
from caseworker.interchange.household_format import parse_household
from caseworker.security.keys import new_data_key
from caseworker.store.backups import (
    BackupError,
    backup_folder,
    backup_now,
    check_backup,
    daily_backup,
    list_backups,
    restore,
)
from caseworker.store.db import Store, open_store
from caseworker.store.households import count_households, save_household

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
    assert len(kept) == 15  # 14 days back, and today
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


def test_an_encrypted_store_gives_an_encrypted_backup(tmp_path: Path, household_data: Make) -> None:
    from caseworker.demo.places import demo_regions
    from caseworker.store.regions import add_regions

    key = new_data_key()
    store = open_store(tmp_path / "enc.db", key=key)
    with store.begin() as conn:
        add_regions(conn, demo_regions())
    save_household(store, parse_household(household_data()))
    backup = backup_now(store, tmp_path / "usb")
    store.close()
    assert b"SQLite format 3" not in backup.read_bytes()[:16]
    assert check_backup(backup, key) == 1
    with pytest.raises(BackupError):
        check_backup(backup, new_data_key())
