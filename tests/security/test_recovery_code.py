"""The recovery code as a person copies it by hand: no look-alike letters when printed,
and forgiving of them when typed; codes printed by earlier versions still work."""

import base64
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from caseworker.security.keys import CODE_ALPHABET, WrongPassword, recovery_key_candidates
from caseworker.security.signin import recover, set_up, sign_in
from caseworker.store.db import open_store

PASSWORD = "zhongjie-2026"


@pytest.fixture
def laptop(tmp_path: Path, household_data: Callable[..., dict[str, Any]]) -> Path:
    path = tmp_path / "laptop.db"
    open_store(path).close()
    return path


def test_a_printed_code_has_no_letters_that_look_like_digits(laptop: Path) -> None:
    _, code = set_up(laptop, worker_id="w1", worker_name="王建华", password=PASSWORD)
    assert code is not None
    assert re.fullmatch(r"[0-9A-Z]{4}(-[0-9A-Z]{4}){12}", code), code
    assert not set(code) & set("ILOU")
    assert set(code.replace("-", "")) <= set(CODE_ALPHABET)


def test_look_alikes_spaces_and_small_letters_are_read_as_meant(laptop: Path) -> None:
    key, code = set_up(laptop, worker_id="w1", worker_name="王建华", password=PASSWORD)
    assert code is not None
    typed = code.replace("-", " ").replace("0", "O").replace("1", "l").lower()
    assert (
        recover(laptop, typed, worker_id="w1", worker_name="王建华", new_password="x" * 10) == key
    )
    assert sign_in(laptop, "w1", "x" * 10) == key


def test_a_code_printed_by_an_earlier_version_still_opens_the_records(laptop: Path) -> None:
    key, code = set_up(laptop, worker_id="w1", worker_name="王建华", password=PASSWORD)
    assert code is not None
    [private, *_] = recovery_key_candidates(code)
    old = base64.b32encode(private.private_bytes_raw()).decode("ascii").rstrip("=")
    old_code = "-".join(old[i : i + 4] for i in range(0, len(old), 4))
    assert (
        recover(laptop, old_code, worker_id="w1", worker_name="王建华", new_password="y" * 10)
        == key
    )


def test_a_wrong_code_opens_nothing(laptop: Path) -> None:
    _, code = set_up(laptop, worker_id="w1", worker_name="王建华", password=PASSWORD)
    assert code is not None
    wrong = ("Z" if code[0] != "Z" else "Y") + code[1:]
    with pytest.raises(WrongPassword):
        recover(laptop, wrong, worker_id="w1", worker_name="王建华", new_password="z" * 10)
    with pytest.raises(WrongPassword):
        recover(laptop, "not a code", worker_id="w1", worker_name="王建华", new_password="z" * 10)
