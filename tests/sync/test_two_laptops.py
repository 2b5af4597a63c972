"""Two laptops and a real county server: push, pull, per-field merge and conflicts."""

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

import pytest

from caseworker.cli import main
from caseworker.domain.codes import (
    HardshipCause,
    HousingCondition,
    HousingStructure,
    IncomeKind,
    LivestockKind,
    VehicleKind,
    VisitPurpose,
)
from caseworker.domain.records import Housing, Visit, VisitIncome, VisitObservations
from caseworker.interchange.household_format import household_to_dict, parse_household
from caseworker.store.db import Store
from caseworker.store.households import load_household, save_household
from caseworker.store.tables import new_id
from caseworker.sync.client import sync
from caseworker.sync.conflicts import open_conflicts, resolve_conflict
from caseworker.sync.county.admin import list_conflicts
from tests.conftest import paid_household
from tests.sync.conftest import CountyServer, enroll_laptop

Make = Callable[..., dict[str, Any]]


def snapshot(store: Store, household_id: str) -> dict[str, Any]:
    with store.read() as conn:
        h = load_household(conn, household_id)
    assert h is not None
    return household_to_dict(h)


def test_a_household_goes_up_from_one_laptop_and_down_to_the_other(
    county: CountyServer, laptops: Callable[[str], Store], household_data: Make
) -> None:
    a, b = laptops("a"), laptops("b")
    enroll_laptop(county, a)
    enroll_laptop(county, b, worker="李秀英")
    h = parse_household(household_data())
    save_household(a, h)
    report = sync(a)
    assert report.synced and report.accepted == 1 and report.sent == 1
    report_b = sync(b)
    assert report_b.synced and report_b.received == 1
    assert snapshot(b, h.id) == snapshot(a, h.id) == household_to_dict(h)


def test_an_account_and_a_benefits_members_go_up_and_down_and_conflict_by_field(
    county: CountyServer, laptops: Callable[[str], Store], household_data: Make
) -> None:
    a, b = laptops("a"), laptops("b")
    enroll_laptop(county, a)
    enroll_laptop(county, b, worker="李秀英")
    h = paid_household(household_data(), program="dibao_single_person", covered=1)
    save_household(a, h)
    assert sync(a).accepted == 1
    assert sync(b).received == 1
    assert snapshot(b, h.id) == snapshot(a, h.id) == household_to_dict(h)
    # Both change the account number: the county keeps one and records the conflict.
    for laptop, number in ((a, "6217000012345678902"), (b, "6217000012345678903")):
        with laptop.read() as conn:
            mine = load_household(conn, h.id)
        assert mine is not None and mine.payment is not None
        mine.payment.account_number = number
        save_household(laptop, mine)
    sync(a)
    assert sync(b).conflicts == 1
    [conflict] = open_conflicts(b)
    assert (conflict.table, conflict.field) == ("household", "account_number")
    assert {conflict.kept_value, conflict.other_value} == {
        "6217000012345678902",
        "6217000012345678903",
    }


def test_edits_to_different_fields_merge_and_the_same_field_conflicts(
    county: CountyServer,
    laptops: Callable[[str], Store],
    household_data: Make,
    capsys: pytest.CaptureFixture[str],
) -> None:
    a, b = laptops("a"), laptops("b")
    enroll_laptop(county, a)
    enroll_laptop(county, b, worker="李秀英")
    h = parse_household(household_data())
    save_household(a, h)
    sync(a)
    sync(b)
    # Offline: A changes the address and a member's illness; B changes the head's
    # employment and the same illness to something else.
    ha = parse_household(snapshot(a, h.id))
    ha.address = "四组2号"
    ha.members[1].serious_illness = "肺癌晚期"
    save_household(a, ha)
    hb = parse_household(snapshot(b, h.id))
    hb.members[0].returned_to_work = True
    hb.members[1].serious_illness = "肺癌（已手术）"
    save_household(b, hb)

    ra = sync(a)
    assert ra.accepted == 1 and ra.conflicts == 0
    rb = sync(b)
    assert rb.conflicts == 1 and rb.open_conflicts == 1
    sync(a)  # A learns of B's edit and of the conflict

    merged_a, merged_b = snapshot(a, h.id), snapshot(b, h.id)
    assert merged_a == merged_b
    assert merged_a["address"] == "四组2号"  # from A
    assert merged_a["members"][0]["returned_to_work"] is True  # from B
    assert merged_a["members"][1]["serious_illness"] == "肺癌晚期"  # first to arrive stays

    [ca] = open_conflicts(a)
    [cb] = open_conflicts(b)
    assert ca.id == cb.id and ca.field == "serious_illness"
    assert {ca.kept_value, ca.other_value} == {"肺癌晚期", "肺癌（已手术）"}  # both kept
    assert [c.id for c in list_conflicts(county.engine)] == [ca.id]

    # The command line names it by household and person, never by id or field code.
    assert main(["sync", "status", "--db", str(b.path)]) == 0
    said = capsys.readouterr().out
    head, ill = ha.members[0].name, ha.members[1].name
    assert "未解决冲突 / open conflicts: 1（在“同步”页面" in said
    assert f"  {head}家：1处，涉及{ill} / {head}'s household: 1, about {ill}" in said
    assert cb.id not in said and "serious_illness" not in said and "member" not in said

    # B's worker decides for B's value; after syncing everyone has it and nothing is open.
    resolve_conflict(b, cb.id, "other")
    assert sync(b).synced
    sync(a)
    assert snapshot(a, h.id)["members"][1]["serious_illness"] == "肺癌（已手术）"
    assert snapshot(b, h.id) == snapshot(a, h.id)
    assert open_conflicts(a) == [] and open_conflicts(b) == []
    assert list_conflicts(county.engine) == []


def test_a_signed_visit_with_every_kind_of_observation_goes_up_and_comes_down_unchanged(
    county: CountyServer, laptops: Callable[[str], Store], household_data: Make
) -> None:
    a, b = laptops("a"), laptops("b")
    enroll_laptop(county, a)
    enroll_laptop(county, b, worker="李秀英")
    h = parse_household(household_data())
    head, parent = h.members
    observations = VisitObservations(
        housing=Housing(HousingStructure.EARTH_WOOD, 64, HousingCondition.DANGEROUS),
        livestock={LivestockKind.CATTLE: 2, LivestockKind.SHEEP: 10},
        vehicles={VehicleKind.TRICYCLE: 1, VehicleKind.TRACTOR: 1},
        incomes=[
            VisitIncome(head.id, IncomeKind.WAGE, 120_000),
            VisitIncome(parent.id, IncomeKind.BASIC_PENSION_RURAL, 16_050),
        ],
        hardship_causes=[HardshipCause.ILLNESS, HardshipCause.DISABILITY],
        property_notes="自述存款约2,000元",
        expense_notes="王桂芝患肺癌，需长期治疗",
    )
    signed = datetime(2026, 10, 1, 9, 0, tzinfo=UTC)
    visit = Visit(
        new_id(), date(2026, 10, 1), ["王建华", "李秀英"], VisitPurpose.REVIEW, observations,
        signed_at=signed,
    )  # fmt: skip
    h.visits.append(visit)
    save_household(a, h)
    report = sync(a)
    assert report.synced and report.receipts_ok  # both ends hashed the same text
    assert sync(b).received == 1
    with b.read() as conn:
        pulled = load_household(conn, h.id)
    assert pulled is not None and pulled.visits[0].observations == observations
    assert household_to_dict(pulled) == household_to_dict(h)
