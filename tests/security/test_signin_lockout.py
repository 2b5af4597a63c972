"""The delay after wrong passwords, attacked as someone at the laptop who can also change
its files would: deleting the state, editing it, putting back an older copy."""

import json
from pathlib import Path

import pytest

from caseworker.security.keys import WrongPassword, keyfile_path
from caseworker.security.signin import (
    FREE_ATTEMPTS,
    LONGEST_DELAY_SECONDS,
    LockedOut,
    change_password,
    recover,
    set_up,
    sign_in,
)

PASSWORD = "zhongjie-2026"


class Clock:
    """A clock the test moves, and the pauses sign-in asked for."""

    def __init__(self) -> None:
        self.now = 1_000_000.0
        self.paused: list[float] = []

    def __call__(self) -> float:
        return self.now

    def pause(self, seconds: float) -> None:
        self.paused.append(seconds)


@pytest.fixture
def locked(tmp_path: Path) -> Path:
    path = tmp_path / "laptop.db"
    set_up(path, worker_id="w1", worker_name="王建华", password=PASSWORD)
    return path


def guess(path: Path, clock: Clock, password: str = "guess-guess") -> None:
    sign_in(path, "w1", password, now=clock, pause=clock.pause)


def five_wrong(path: Path, clock: Clock) -> None:
    for _ in range(FREE_ATTEMPTS):
        with pytest.raises(WrongPassword):
            guess(path, clock)


def keyfile_json(path: Path) -> dict:  # type: ignore[type-arg]
    data: dict = json.loads(keyfile_path(path).read_text(encoding="utf-8"))  # type: ignore[type-arg]
    return data


def write_keyfile_json(path: Path, data: dict) -> None:  # type: ignore[type-arg]
    keyfile_path(path).write_text(json.dumps(data), encoding="utf-8")


def test_no_file_beside_the_store_holds_the_count(locked: Path) -> None:
    clock = Clock()
    five_wrong(locked, clock)
    beside = sorted(p.name for p in locked.parent.iterdir())
    assert beside == ["laptop.db.keys"]  # deleting a state file cannot reset anything


def test_deleting_any_file_but_the_key_file_does_not_reset_the_delay(locked: Path) -> None:
    clock = Clock()
    five_wrong(locked, clock)
    for other in locked.parent.iterdir():
        if other != keyfile_path(locked):
            other.unlink()
    with pytest.raises(LockedOut):
        guess(locked, clock, PASSWORD)


def test_deleting_the_count_from_the_key_file_locks_for_the_longest_delay(locked: Path) -> None:
    clock = Clock()
    data = keyfile_json(locked)
    del data["signin"]
    write_keyfile_json(locked, data)
    with pytest.raises(LockedOut) as waiting:
        guess(locked, clock, PASSWORD)
    assert waiting.value.seconds == LONGEST_DELAY_SECONDS
    clock.now += LONGEST_DELAY_SECONDS + 1
    guess(locked, clock, PASSWORD)  # the worker gets in afterwards, nothing is lost


def test_a_damaged_count_counts_as_the_worst_case(locked: Path) -> None:
    clock = Clock()
    data = keyfile_json(locked)
    data["signin"]["failures"] = "none"
    write_keyfile_json(locked, data)
    with pytest.raises(LockedOut) as waiting:
        guess(locked, clock)
    assert waiting.value.seconds == LONGEST_DELAY_SECONDS


def test_a_count_edited_down_is_found_at_the_next_sign_in(locked: Path) -> None:
    clock = Clock()
    five_wrong(locked, clock)
    data = keyfile_json(locked)
    data["signin"]["failures"] = []  # "no wrong passwords": more free guesses
    write_keyfile_json(locked, data)
    for _ in range(FREE_ATTEMPTS - 1):
        with pytest.raises(WrongPassword):
            guess(locked, clock)
    # The edit cannot be seen before the right password is given (no secret is at hand
    # then), but the right password finds it: the longest delay, as if deleted.
    with pytest.raises(LockedOut) as waiting:
        guess(locked, clock, PASSWORD)
    assert waiting.value.seconds == LONGEST_DELAY_SECONDS
    clock.now += LONGEST_DELAY_SECONDS + 1
    guess(locked, clock, PASSWORD)
    guess(locked, clock, PASSWORD)  # and from then on as before


def test_a_lock_time_edited_away_is_found_at_the_next_sign_in(locked: Path) -> None:
    clock = Clock()
    five_wrong(locked, clock)
    data = keyfile_json(locked)
    data["signin"]["failures"] = [0.0] * FREE_ATTEMPTS  # long ago: no wait now
    write_keyfile_json(locked, data)
    with pytest.raises(LockedOut) as waiting:
        guess(locked, clock, PASSWORD)
    assert waiting.value.seconds == LONGEST_DELAY_SECONDS


def test_each_wrong_password_is_slowed_and_a_right_one_is_not(
    locked: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.undo()  # the pause as the app has it (the tests' conftest sets it to 0)
    clock = Clock()
    with pytest.raises(WrongPassword):
        guess(locked, clock)
    assert len(clock.paused) == 1 and clock.paused[0] >= 1
    guess(locked, clock, PASSWORD)
    assert len(clock.paused) == 1


def test_an_older_copy_of_the_key_file_still_opens_with_its_password(locked: Path) -> None:
    """What remains possible: putting back a copy of the key file taken before guessing
    undoes the count (as copying the files away and guessing elsewhere always could).
    Only the cost of each guess (Argon2id) stands against that; this test documents it."""
    clock = Clock()
    copy = keyfile_path(locked).read_bytes()
    five_wrong(locked, clock)
    keyfile_path(locked).write_bytes(copy)
    with pytest.raises(WrongPassword):
        guess(locked, clock)


def test_changing_the_password_and_recovering_start_a_fresh_count(locked: Path) -> None:
    clock = Clock()
    with pytest.raises(WrongPassword):
        guess(locked, clock)
    change_password(locked, "w1", PASSWORD, "new-password-1")  # the data key changes
    assert keyfile_json(locked)["signin"]["failures"] == []
    guess(locked, clock, "new-password-1")
    five_wrong(locked, clock)
    with pytest.raises(LockedOut):
        guess(locked, clock, "new-password-1")


def test_the_recovery_code_lifts_the_delay(tmp_path: Path) -> None:
    path = tmp_path / "laptop.db"
    _, code = set_up(path, worker_id="w1", worker_name="王建华", password=PASSWORD)
    assert code is not None
    clock = Clock()
    five_wrong(path, clock)
    recover(path, code, worker_id="w1", worker_name="王建华", new_password="x" * 10)
    guess(path, clock, "x" * 10)


def test_a_key_file_of_an_earlier_version_keeps_working(locked: Path) -> None:
    clock = Clock()
    data = keyfile_json(locked)
    del data["signin"]
    data["format"] = "caseworker.keys/1"
    write_keyfile_json(locked, data)
    guess(locked, clock, PASSWORD)
    assert keyfile_json(locked)["format"] == "caseworker.keys/2"  # upgraded on sign-in
    five_wrong(locked, clock)
    with pytest.raises(LockedOut):
        guess(locked, clock, PASSWORD)
