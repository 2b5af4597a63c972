"""Property-based bad input: whatever arrives, the validators and the import never crash,
every rejection names a field, and a refused import writes nothing."""

import json
import sqlite3
from collections.abc import Callable
from copy import deepcopy
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from caseworker.domain.idnumber import IdNumberError, check_character, parse_id_number
from caseworker.domain.money import MoneyFormatError, yuan_to_fen
from caseworker.domain.validation import ValidationFailed
from caseworker.interchange.files import load_json, parse_households
from caseworker.interchange.household_format import household_to_dict, parse_household
from caseworker.store.db import Store
from caseworker.store.households import count_households, save_households
from tests.conftest import BASE_HOUSEHOLD

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=30) | st.decimals(allow_nan=False),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=12,
)
PATHS = [
    ("village_code",),
    ("address",),
    ("hukou",),
    ("local_resident",),
    ("registered_poor",),
    ("members",),
    ("members", 0, "name"),
    ("members", 0, "id_number"),
    ("members", 0, "relation"),
    ("members", 1, "disability"),
    ("members", 1, "self_care_impossible"),
    ("members", 1, "incomes"),
    ("members", 1, "incomes", 0, "monthly_yuan"),
    ("members", 1, "incomes", 0, "kind"),
    ("assets",),
    ("assets", 0, "value_yuan"),
    ("expenses",),
    ("benefits",),
    ("emergency",),
    ("visits",),
]


def replaced(path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    data = deepcopy(BASE_HOUSEHOLD)
    target: Any = data
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return data


def check(data: Any) -> None:
    """Either a valid household that round-trips, or errors that each name a field."""
    try:
        household = parse_household(data)
    except ValidationFailed as failed:
        assert failed.errors
        for error in failed.errors:
            assert error.message_zh and error.message_en
            assert error.label_zh and error.label_en
        return
    assert household_to_dict(parse_household(household_to_dict(household))) == household_to_dict(
        household
    )


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(PATHS), json_values)
def test_any_value_in_any_field_is_accepted_or_refused_by_name(
    path: tuple[Any, ...], value: Any
) -> None:
    check(replaced(path, value))


@settings(max_examples=150, deadline=None)
@given(json_values)
def test_any_json_document_is_handled(value: Any) -> None:
    try:
        parse_households(value)
    except ValidationFailed as failed:
        assert all(e.message_zh and e.message_en for e in failed.errors)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=20))
def test_id_numbers_never_crash(text: str) -> None:
    try:
        rid = parse_id_number(text)
    except IdNumberError as error:
        assert error.zh and error.en and error.code
    else:
        assert len(rid.number) in (15, 18)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=20) | st.decimals(allow_nan=True, allow_infinity=True) | st.integers())
def test_money_is_exact_or_refused(value: Any) -> None:
    try:
        fen = yuan_to_fen(value)
    except MoneyFormatError:
        return
    assert isinstance(fen, int)


def dump(path: Path) -> list[str]:
    db = sqlite3.connect(path)
    try:
        return list(db.iterdump())
    finally:
        db.close()


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.sampled_from(PATHS), json_values)
@example(("local_resident",), None)  # a valid batch: both households go in
def test_a_refused_import_writes_nothing(
    store: Store, household_data: Callable[..., dict[str, Any]], path: tuple[Any, ...], value: Any
) -> None:
    before = dump(store.path)
    good = household_data()  # a second, valid household with people of its own
    for member, first17 in zip(
        good["members"], ("61042319700101001", "61042319420202002"), strict=True
    ):
        member["id_number"] = first17 + check_character(first17)
    text = json.dumps([replaced(path, value), good], default=str, ensure_ascii=False)
    try:
        batch = parse_households(load_json(text))
        save_households(store, batch.households)
    except ValidationFailed:
        assert dump(store.path) == before
    else:
        with store.read() as conn:
            assert count_households(conn) == 2
        with store.begin() as conn:  # accepted: undo for the next example
            conn.exec_driver_sql("DELETE FROM household")
            conn.exec_driver_sql("DELETE FROM household_index")
            conn.exec_driver_sql(
                "INSERT INTO household_search(household_search) VALUES ('rebuild')"
            )
