"""Every error a person can meet reads as words: the Chinese has no code names, class
names, data structures or English developer text, and nothing unknown is shown as it is."""

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from caseworker.commands.common import CommandError
from caseworker.domain.idnumber import parse_id_number
from caseworker.domain.money import yuan_to_fen
from caseworker.interchange.household_format import parse_household
from caseworker.operations.messages import UNEXPECTED, in_words
from caseworker.operations.printing import PrintJob, print_job
from caseworker.security.keys import KeyFileError, WrongPassword
from caseworker.security.signin import LockedOut
from caseworker.store.backups import inspect_backup
from caseworker.store.db import Store, open_store
from caseworker.sync.tls import check_url
from caseworker.sync.transport import SyncError

# What a developer wrote for a developer: snake_case codes, class names, Python values,
# data structures, and the English of the validation layer's paths.
DEVELOPER_TEXT = re.compile(
    r"[A-Za-z]+_[A-Za-z_]+|[A-Z][a-z]+(?:Error|Failed)|\b(?:None|True|False)\b"
    r"|[{}\[\]']|household of|member \d|Traceback"
)


def raised(action: Callable[[], Any]) -> BaseException:
    with pytest.raises(Exception) as caught:
        action()
    return caught.value


def errors(
    store: Store, tmp_path: Path, household_data: Callable[..., dict[str, Any]]
) -> dict[str, BaseException]:
    """One error of each kind a person can meet, raised where the app raises it."""
    folder = tmp_path / "a-folder"
    folder.mkdir()
    return {
        "validation": raised(lambda: parse_household(household_data(village_code="12"))),
        "printing": raised(
            lambda: print_job(
                store,
                PrintJob("dibao-application", date(2026, 11, 1), household_id="x"),
                tmp_path / "x.pdf",
            )
        ),
        "publicity of a township": raised(
            lambda: print_job(
                store,
                PrintJob("publicity", date(2026, 11, 1), area="610423100"),
                tmp_path / "y.pdf",
            )
        ),
        "id number": raised(lambda: parse_id_number("61042319740620799")),
        "money": raised(lambda: yuan_to_fen("12O0")),
        "store": raised(lambda: open_store(folder)),
        "backup": raised(lambda: inspect_backup(tmp_path / "missing.db", None)),
        "server address": raised(lambda: check_url("http://example.org:8443")),
        "sync": SyncError("县级服务器拒绝了本机的请求", "the county server refused this laptop"),
        "command": CommandError("请用 --out 指定输出的PDF文件", "name the PDF to write with --out"),
        "password": WrongPassword(),
        "key file": KeyFileError("bad_format: keyfile version 9"),
        "locked": LockedOut(30),
        "file": raised(lambda: (tmp_path / "no-such-folder" / "x.pdf").read_bytes()),
    }


def test_every_error_a_person_meets_reads_as_words_in_chinese_and_english(
    store: Store, tmp_path: Path, household_data: Callable[..., dict[str, Any]]
) -> None:
    for kind, error in errors(store, tmp_path, household_data).items():
        message = in_words(error)
        zh = message.zh.replace(str(tmp_path), "")
        assert message is not UNEXPECTED, kind
        assert re.search(r"[\u4e00-\u9fff]", zh), (kind, zh)
        assert not DEVELOPER_TEXT.search(zh), (kind, zh)
        assert message.en and not re.search(r"[\u4e00-\u9fff]", message.en), (kind, message.en)


def test_an_error_nobody_foresaw_is_not_shown_as_it_is() -> None:
    message = in_words(RuntimeError("household of 张学林: KeyError 'monthly_fen'"))
    assert message == UNEXPECTED
    assert not DEVELOPER_TEXT.search(message.zh)
