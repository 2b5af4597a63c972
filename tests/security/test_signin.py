from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from caseworker.demo.places import demo_regions
from caseworker.interchange.household_format import parse_household
from caseworker.security.encryption import is_plain_sqlite
from caseworker.security.keys import WrongPassword, keyfile_path
from caseworker.security.signin import (
    LockedOut,
    WeakPassword,
    add_worker,
    change_password,
    delay_after,
    recover,
    set_up,
    sign_in,
    workers_on,
)
from caseworker.store.db import open_store
from caseworker.store.failures import StoreError
from caseworker.store.households import save_household
from caseworker.store.search import search_households

Make = Callable[..., dict[str, Any]]
PASSWORD = "zhongjie-2026"


@pytest.fixture
def plain_db(tmp_path: Path, household_data: Make) -> Path:
    path = tmp_path / "laptop.db"
    store = open_store(path)
    with store.begin() as conn:
        from caseworker.store.regions import add_regions

        add_regions(conn, demo_regions())
    save_household(store, parse_household(household_data()))
    store.close()
    return path


def names_in(path: Path, key: bytes) -> list[str]:
    store = open_store(path, key=key)
    try:
        with store.read() as conn:
            return [h.head_name for h in search_households(conn, "zxl")]
    finally:
        store.close()


def test_setting_a_password_encrypts_the_existing_store_and_keeps_its_records(
    plain_db: Path,
) -> None:
    assert is_plain_sqlite(plain_db)
    key, code = set_up(plain_db, worker_id="w1", worker_name="王建华", password=PASSWORD)
    assert not is_plain_sqlite(plain_db)
    assert code is not None and len(code.replace("-", "")) >= 50
    assert "张学林".encode() not in plain_db.read_bytes()
    assert "张学林".encode() not in keyfile_path(plain_db).read_bytes()
    assert list(plain_db.parent.glob("*.bak")) == []  # no readable copy left behind
    assert names_in(plain_db, key) == ["张学林"]
    assert [w.name for w in workers_on(plain_db)] == ["王建华"]


def test_a_wrong_password_reveals_nothing_and_slows_down_guessing(plain_db: Path) -> None:
    set_up(plain_db, worker_id="w1", worker_name="王建华", password=PASSWORD)
    clock = [1000.0]
    for _ in range(5):
        with pytest.raises(WrongPassword):
            sign_in(plain_db, "w1", "guess-guess", now=lambda: clock[0])
    with pytest.raises(LockedOut) as locked:
        sign_in(plain_db, "w1", PASSWORD, now=lambda: clock[0])
    assert locked.value.seconds == delay_after(5) == 30
    clock[0] += 31
    key = sign_in(plain_db, "w1", PASSWORD, now=lambda: clock[0])
    assert names_in(plain_db, key) == ["张学林"]  # the data is all still there
    with pytest.raises(StoreError):
        open_store(plain_db)  # without the key it is not even a database


def test_delays_grow_but_are_capped() -> None:
    assert [delay_after(n) for n in (4, 5, 6, 7)] == [0, 30, 60, 120]
    assert delay_after(40) == 15 * 60


def test_changing_the_password_rekeys_without_losing_data(plain_db: Path) -> None:
    old_key, _ = set_up(plain_db, worker_id="w1", worker_name="王建华", password=PASSWORD)
    new_key = change_password(plain_db, "w1", PASSWORD, "new-password-1")
    assert new_key != old_key
    with pytest.raises(WrongPassword):
        sign_in(plain_db, "w1", PASSWORD)
    assert sign_in(plain_db, "w1", "new-password-1") == new_key
    assert names_in(plain_db, new_key) == ["张学林"]
    with pytest.raises(StoreError):
        open_store(plain_db, key=old_key)


def test_the_county_recovery_code_sets_a_new_password(plain_db: Path) -> None:
    key, code = set_up(plain_db, worker_id="w1", worker_name="王建华", password=PASSWORD)
    assert code is not None
    with pytest.raises(WrongPassword):
        recover(
            plain_db,
            "AAAA-" + code[5:],
            worker_id="w1",
            worker_name="王建华",
            new_password="x" * 10,
        )
    assert (
        recover(plain_db, code.lower(), worker_id="w1", worker_name="王建华", new_password="x" * 10)
        == key
    )
    assert sign_in(plain_db, "w1", "x" * 10) == key


def test_a_second_worker_has_a_password_of_their_own(plain_db: Path) -> None:
    key, _ = set_up(plain_db, worker_id="w1", worker_name="王建华", password=PASSWORD)
    add_worker(plain_db, key, worker_id="w2", worker_name="李秀英", password="li-xiuying")
    assert sign_in(plain_db, "w2", "li-xiuying") == key
    assert change_password(plain_db, "w2", "li-xiuying", "li-xiuying-2") == key  # shared key kept
    assert sign_in(plain_db, "w1", PASSWORD) == key


def test_short_passwords_are_refused(tmp_path: Path) -> None:
    with pytest.raises(WeakPassword):
        set_up(tmp_path / "x.db", worker_id="w1", worker_name="王建华", password="123")
