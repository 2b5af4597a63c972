"""The county checks a visit's observations exactly as a laptop's import does, and a
laptop pulling from a county not yet upgraded stores its visits typed, agreeing with it."""

import copy
import json
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import select, update

from caseworker.domain.codes import HardshipCause, IncomeKind, LivestockKind, VisitPurpose
from caseworker.domain.records import Household, Visit, VisitIncome, VisitObservations
from caseworker.domain.validation import ValidationFailed
from caseworker.interchange.household_format import household_to_dict, parse_household
from caseworker.store.db import Store
from caseworker.store.households import load_household, save_household
from caseworker.store.tables import new_id
from caseworker.sync.client import sync
from caseworker.sync.county.checks import household_errors
from caseworker.sync.county.tables import RecordEntry
from tests.sync.conftest import CountyServer, enroll_laptop
from tests.sync.test_county_checks import wire_rows

TODAY = date(2026, 11, 1)
Make = Callable[..., dict[str, Any]]


def visited(household_data: Make, *, signed: bool = True, workers: int = 2) -> Household:
    h = parse_household(household_data())
    head, parent = h.members
    h.visits = [
        Visit(
            new_id(),
            date(2026, 10, 20),
            ["王建华", "李秀英"][:workers],
            VisitPurpose.REVIEW,
            VisitObservations(
                livestock={LivestockKind.SHEEP: 3},
                incomes=[
                    VisitIncome(head.id, IncomeKind.FARMING, 60_000),
                    VisitIncome(parent.id, IncomeKind.BASIC_PENSION_RURAL, 16_050),
                ],
                hardship_causes=[HardshipCause.ILLNESS],
            ),
            signed_at=datetime(2026, 10, 20, 2, 0, tzinfo=UTC) if signed else None,
        )
    ]
    return h


def visit_row(rows: dict[str, dict[str, dict[str, Any]]]) -> dict[str, Any]:
    return next(iter(rows["visit"].values()))


BAD_OBSERVATIONS: list[dict[str, Any]] = [
    {"housing": "砖混平房"},
    {"housing": {"structure": "palace", "area_m2": 85, "condition": "fair"}},
    {"housing": {"structure": None, "area_m2": 0, "condition": None}},
    {"livestock": {"cattle": -2}},
    {"livestock": {"horses": 1}},
    {"vehicles": {"tractor": 10_000}},
    {"incomes": [{"member_id": "not-an-id", "kind": "wage", "monthly_yuan": "1.00"}]},
    {"incomes": [{"kind": "wage", "monthly_yuan": "1.00"}]},
    {"hardship_causes": ["illness", "illness"]},
    {"weather": "晴"},
]


@pytest.mark.parametrize("bad", BAD_OBSERVATIONS, ids=lambda b: json.dumps(b)[:40])
def test_the_county_refuses_what_an_import_refuses_naming_the_same_field(
    household_data: Make, bad: dict[str, Any]
) -> None:
    h = visited(household_data)
    rows = wire_rows(h)
    assert household_errors(h.id, rows, today=TODAY) == []
    observations = {**visit_row(rows)["observations"], **bad}
    visit_row(rows)["observations"] = observations
    county = household_errors(h.id, rows, today=TODAY)
    data = household_to_dict(h)
    data["visits"][0]["observations"] = observations
    with pytest.raises(ValidationFailed) as laptop:
        parse_household(data, today=TODAY)
    # The same fields and reasons; the county says which visit by its row, the laptop by
    # its place in the household.
    assert [(e.field, e.code) for e in county] == [
        (e.field.removeprefix("visits[0]."), e.code) for e in laptop.value.errors
    ]
    for error in county:
        assert error.record_zh.startswith("入户调查记录（") and error.message_zh
        assert error.field.startswith("observations")


def test_the_county_names_a_bad_count_in_chinese(household_data: Make) -> None:
    h = visited(household_data)
    rows = wire_rows(h)
    visit_row(rows)["observations"]["livestock"] = {"cattle": -2}
    [error] = household_errors(h.id, rows, today=TODAY)
    assert error.field == "observations.livestock.cattle"
    assert error.message_zh == (
        f"入户调查记录（{h.visits[0].id[:8]}）：调查情况的牲畜养殖的牛“-2”：应在0到9999之间"
    )


def test_the_county_applies_the_household_rules_to_visits(household_data: Make) -> None:
    h = visited(household_data, workers=1)
    [error] = household_errors(h.id, wire_rows(h), today=TODAY)
    assert (error.field, error.code) == ("visits[0].workers", "too_few_investigators")
    assert "已签字的入户调查须由至少2名调查人员进行" in error.message_zh
    # Unsigned, one investigator is enough.
    assert household_errors(h.id, wire_rows(visited(household_data, signed=False, workers=1))) == []
    # An income of someone who is not a member of this household.
    h = visited(household_data)
    rows = wire_rows(h)
    incomes = visit_row(rows)["observations"]["incomes"]
    incomes[0] = {**incomes[0], "member_id": new_id()}
    [error] = household_errors(h.id, rows, today=TODAY)
    assert (error.field, error.code) == (
        "visits[0].observations.incomes[0].member_id",
        "not_a_member",
    )


def test_a_county_not_yet_upgraded_sends_old_visits_and_the_laptop_stores_them_typed(
    county: CountyServer, laptops: Callable[[str], Store], household_data: Make
) -> None:
    a, b = laptops("a"), laptops("b")
    enroll_laptop(county, a)
    enroll_laptop(county, b, worker="李秀英")
    h = visited(household_data)
    save_household(a, h)
    assert sync(a).synced
    # The county's copy of the visit as a county before the upgrade holds it.
    old = {"housing": "砖混平房", "livestock": {"sheep": 3}, "incomes": [], "水源": "自来水"}
    with county.engine.begin() as conn:
        record = conn.execute(select(RecordEntry).where(RecordEntry.id == h.visits[0].id)).one()
        data = copy.deepcopy(dict(record.data))
        data["observations"] = old
        conn.execute(update(RecordEntry).where(RecordEntry.id == h.visits[0].id).values(data=data))
    report = sync(b)
    assert report.received == 1 and report.synced
    with b.read() as conn:
        pulled = load_household(conn, h.id)
    assert pulled is not None
    assert pulled.visits[0].observations == VisitObservations(
        livestock={LivestockKind.SHEEP: 3}, incomes=[]
    )
    assert pulled.visits[0].notes == "住房：砖混平房；水源：自来水"
    # The laptop agrees with the county's copy as converted: nothing to send back (a
    # signed visit could not be changed at the county anyway).
    again = sync(b)
    assert again.sent == 0 and again.synced
