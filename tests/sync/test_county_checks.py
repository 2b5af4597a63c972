"""The county's one-pass household check refuses everything the earlier two-pass check
(wire parsers, then the interchange parser on the assembled household) refused.

The earlier check is kept in ``reference_checks.py`` as the reference. Every column of
every table gets a series of bad values, and a series of whole-household mistakes is
made; the new check must refuse each case the reference refuses. Where the new check is
stricter (values the reference never looked at because the household did not use them),
the case is listed in ``STRICTER`` with the reason.
"""

import copy
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest

from caseworker.demo.generator import generate_households
from caseworker.domain.records import Household
from caseworker.interchange.household_rows import household_rows
from caseworker.sync.county.checks import household_errors
from caseworker.sync.wire import CONTENT_COLUMNS, SYNC_TABLES, row_to_wire
from tests.sync import reference_checks

TODAY = date(2026, 11, 1)
BAD_VALUES: list[Any] = [
    None,
    0,
    -1,
    5,
    10**12,
    True,
    "",
    "   ",
    " 张三 ",
    "x",
    "a" * 250,
    "a" * 2100,
    "a\x01b",
    "a\rb",
    "a\r",
    "1899-12-31",
    "2999-01-01",
    "2020-02-30",
    "20200101",
    "0000000-0000",
    "6104231980010100XX",
    [],
    ["张三", 1],
    {},
    {"a": 1},
    [["a", 1]],
]
MISSING = object()  # the key removed from the row


def wire_rows(h: Household) -> dict[str, dict[str, dict[str, Any]]]:
    rows: dict[str, dict[str, dict[str, Any]]] = {name: {} for name in SYNC_TABLES}
    for table, table_rows in household_rows(h).items():
        for row in table_rows:
            rows[table][row["id"]] = row_to_wire(table, row)
    return rows


def covering_households() -> list[Household]:
    """A few demo households that together have rows in every household table."""
    chosen: list[Household] = []
    seen: set[str] = set()
    for h in generate_households(300, seed=5, as_of=TODAY):
        tables = {t for t, rows in household_rows(h).items() if rows}
        if tables - seen:
            chosen.append(h)
            seen |= tables
    return chosen


def refused(old: list[Any]) -> bool:
    return bool(old)


def mutations(h: Household) -> Iterator[tuple[str, dict[str, dict[str, dict[str, Any]]]]]:
    base = wire_rows(h)
    for table, rows in base.items():
        if not rows:
            continue
        row_id = next(iter(rows))
        for key in CONTENT_COLUMNS[table]:
            for value in [*BAD_VALUES, MISSING]:
                changed = copy.deepcopy(base)
                if value is MISSING:
                    changed[table][row_id].pop(key, None)
                else:
                    changed[table][row_id][key] = value
                yield f"{table}.{key}={value!r:.20}", changed
        changed = copy.deepcopy(base)
        changed[table][row_id]["nickname"] = "老张"
        yield f"{table}.nickname", changed


def stricter(name: str, h: Household) -> bool:
    """Cases the reference let through without looking, refused now (see module doc)."""
    table, _, rest = name.partition(".")
    key = rest.split("=")[0]
    unused = (
        (table == "income" and not all(m.incomes is not None for m in h.members))
        or (table == "asset" and h.assets is None)
        or (table == "expense" and h.expenses is None)
        or (table == "legal_supporter" and h.legal_supporters is None)
        or (key == "poor_exited_on" and h.registered_poor is None)
        or (key in ("emergency_date", "emergency_description") and h.emergency is None)
        or (key == "disability_grade" and h.members[0].disability is None)
        # Without an account number no payment is recorded: the rest is not read.
        or (key in ("bank_code", "bank_name", "account_name") and h.payment is None)
    )
    # A dict of names as the investigators, or pairs as the observations, read as a list
    # of names and a mapping by accident of ``list()`` and ``dict()``.
    accidental = name in (
        "visit.workers={}",
        "visit.workers={'a': 1}",
        "visit.observations=[['a', 1]]",
    )
    return unused or accidental


HOUSEHOLDS = covering_households()


@pytest.mark.parametrize("h", HOUSEHOLDS, ids=lambda h: h.id[:8])
def test_every_refusal_of_the_reference_is_kept(h: Household) -> None:
    assert household_errors(h.id, wire_rows(h), today=TODAY) == []
    missed, extra = [], []
    for name, rows in mutations(h):
        old = reference_checks.household_errors(h.id, rows, today=TODAY)
        new = household_errors(h.id, rows, today=TODAY)
        if old and not new:
            missed.append(name)
        if new and not old and not stricter(name, h):
            extra.append(name)
        for error in new:
            assert error.record_zh and error.record_en and error.field, (name, error)
    assert missed == [], "refused by the reference, accepted now"
    assert extra == [], "refused now, accepted by the reference (not listed as stricter)"


def test_household_rules_are_kept() -> None:
    h = next(h for h in HOUSEHOLDS if len(h.members) > 1 and h.applications)
    cases: dict[str, Any] = {}
    rows = wire_rows(h)
    heads = copy.deepcopy(rows)
    for member in heads["member"].values():
        member["relation"] = "head"
    cases["two_heads"] = heads
    none = copy.deepcopy(rows)
    for member in none["member"].values():
        member["relation"] = "child"
    cases["no_head"] = none
    twins = copy.deepcopy(rows)
    first, second = list(twins["member"].values())[:2]
    for key in ("id_number", "birth_date", "sex"):
        second[key] = first[key]
    cases["duplicate_in_household"] = twins
    empty = copy.deepcopy(rows)
    for stage in list(empty["application_stage"]):
        del empty["application_stage"][stage]
    cases["required"] = empty
    mismatch = copy.deepcopy(rows)
    member = next(iter(mismatch["member"].values()))
    member["sex"] = "female" if member["sex"] == "male" else "male"
    cases["id_mismatch"] = mismatch
    for code, case in cases.items():
        old = reference_checks.household_errors(h.id, case, today=TODAY)
        new = household_errors(h.id, case, today=TODAY)
        assert old and new, code
        assert code in {e.code for e in new}, (code, new)
        assert all(e.message_zh and e.message_en for e in new)


def test_demo_households_pass_both() -> None:
    for h in generate_households(200, seed=9, as_of=TODAY):
        rows = wire_rows(h)
        assert reference_checks.household_errors(h.id, rows, today=TODAY) == []
        assert household_errors(h.id, rows, today=TODAY) == []
