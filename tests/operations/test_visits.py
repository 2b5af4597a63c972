"""Saving a visit: the same visit saved twice is one visit; incomes change only as shown."""

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from caseworker.domain.codes import HardshipCause, HousingStructure, IncomeKind, LivestockKind
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


def test_a_visit_as_the_form_makes_it_is_saved_typed_and_a_bad_count_is_named(
    store: Store, household_data: Callable[..., dict[str, Any]]
) -> None:
    household_id = stored(store, household_data)
    with store.read() as conn:
        household = load_household(conn, household_id)
    visit = a_visit(household, [(0, "farming", "600.00"), (1, "basic_pension_rural", "160.50")])
    visit["observations"].update(
        housing={"structure": "adobe", "area_m2": None, "condition": "dangerous"},
        livestock={"sheep": 4},
        vehicles={},
        hardship_causes=["illness", "disability"],
        property_notes="",
        expense_notes="王桂芝患肺癌",
    )
    bad = {**visit, "observations": {**visit["observations"], "livestock": {"cattle": -1}}}
    with pytest.raises(ValidationFailed) as refused:
        save_visit(store, household_id, bad, update_incomes=False, today=DAY)
    [error] = refused.value.errors
    assert error.field == f"{VISIT}.observations.livestock.cattle"
    visit["signed_at"] = "2026-10-30T10:00:00+08:00"
    saved = save_visit(store, household_id, visit, update_incomes=True, today=DAY)
    with store.read() as conn:
        after = load_household(conn, household_id)
    assert after is not None and after.visits == saved.household.visits
    seen = after.visits[0].observations
    assert seen.housing is not None and seen.housing.condition is not None
    assert (seen.housing.structure, seen.housing.area_m2) == (HousingStructure.ADOBE, None)
    assert seen.livestock == {LivestockKind.SHEEP: 4}
    assert [i.monthly_fen for i in seen.incomes or ()] == [60_000, 16_050]
    assert seen.hardship_causes == [HardshipCause.ILLNESS, HardshipCause.DISABILITY]


def test_a_visit_signed_by_one_investigator_is_refused_at_the_second_investigator(
    store: Store, household_data: Callable[..., dict[str, Any]]
) -> None:
    household_id = stored(store, household_data)
    with store.read() as conn:
        household = load_household(conn, household_id)
    visit = a_visit(household, [])
    visit["workers"] = ["王建华"]
    visit["signed_at"] = "2026-10-30T10:00:00+08:00"
    with pytest.raises(ValidationFailed) as refused:
        save_visit(store, household_id, visit, update_incomes=False, today=DAY)
    [error] = refused.value.errors
    assert (error.field, error.code) == (f"{VISIT}.workers", "too_few_investigators")
    assert "至少2名调查人员" in error.message_zh
