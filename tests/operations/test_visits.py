"""Saving a visit: the same visit saved twice is one visit; incomes change only as shown."""

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from caseworker.domain.codes import IncomeKind
from caseworker.domain.validation import ValidationFailed
from caseworker.interchange.household_format import parse_household
from caseworker.operations.visits import VISIT, income_changes, save_visit
from caseworker.store.db import Store
from caseworker.store.households import load_household, save_household

DAY = date(2026, 11, 1)
VISIT_ID = "5b7c3a53-8a44-4c4e-9a5e-3f1e8f1d2c01"


def stored(store: Store, household_data: Callable[..., dict[str, Any]]) -> str:
    household = parse_household(household_data())
    save_household(store, household)
    return household.id


def a_visit(household: Any, incomes: list[tuple[int, str, str]]) -> dict[str, Any]:
    return {
        "id": VISIT_ID,
        "date": "2026-10-30",
        "workers": ["王建华", "李秀英"],
        "purpose": "review",
        "observations": {
            "incomes": [
                {"member_id": household.members[i].id, "kind": kind, "monthly_yuan": amount}
                for i, kind, amount in incomes
            ]
        },
        "conclusion": "",
        "notes": "",
        "signed_at": None,
    }


def test_saving_the_same_visit_twice_keeps_one_visit(
    store: Store, household_data: Callable[..., dict[str, Any]]
) -> None:
    household_id = stored(store, household_data)
    with store.read() as conn:
        household = load_household(conn, household_id)
    visit = a_visit(household, [(0, "farming", "600.00")])
    save_visit(store, household_id, visit, update_incomes=False, today=DAY)
    visit["conclusion"] = "补充：种植玉米"
    save_visit(store, household_id, visit, update_incomes=False, today=DAY)
    with store.read() as conn:
        after = load_household(conn, household_id)
    assert after is not None
    assert [v.conclusion for v in after.visits] == ["补充：种植玉米"]


def test_a_member_without_a_row_is_shown_losing_the_income_never_silently(
    store: Store, household_data: Callable[..., dict[str, Any]]
) -> None:
    household_id = stored(store, household_data)
    with store.read() as conn:
        household = load_household(conn, household_id)
    assert household is not None
    visit = a_visit(household, [(0, "wage", "1200.00")])  # the parent's pension row is gone
    changes = income_changes(household, visit)
    assert [(c.name, c.before, c.after) for c in changes] == [
        ("张学林", ((IncomeKind.FARMING, 60000),), ((IncomeKind.WAGE, 120000),)),
        ("王桂芝", ((IncomeKind.BASIC_PENSION_RURAL, 16050),), ()),
    ]
    save_visit(store, household_id, visit, update_incomes=False, today=DAY)
    with store.read() as conn:
        kept = load_household(conn, household_id)
    assert kept is not None and kept.members[1].incomes is not None
    assert kept.members[1].incomes[0].monthly_fen == 16050  # not asked to update: untouched


def test_a_refused_visit_names_its_own_fields_and_writes_nothing(
    store: Store, household_data: Callable[..., dict[str, Any]]
) -> None:
    household_id = stored(store, household_data)
    with store.read() as conn:
        household = load_household(conn, household_id)
    visit = a_visit(household, [(0, "wage", "12OO")])
    visit["date"] = "2027-01-01"  # in the future
    with pytest.raises(ValidationFailed) as refused:
        save_visit(store, household_id, visit, update_incomes=True, today=DAY)
    fields = {e.field for e in refused.value.errors}
    assert f"{VISIT}.date" in fields
    with store.read() as conn:
        after = load_household(conn, household_id)
    assert after is not None and after.visits == []
