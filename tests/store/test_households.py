import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from caseworker.domain.idnumber import check_character
from caseworker.domain.validation import ValidationFailed
from caseworker.interchange.household_format import household_to_dict, parse_household
from caseworker.store.db import Store
from caseworker.store.households import (
    TABLES,
    iter_households,
    load_household,
    save_household,
    save_households,
)
from tests.conftest import paid_household

Make = Callable[..., dict[str, Any]]
NEW_PERSON = "61042319800101001" + check_character("61042319800101001")


def content(path: Path) -> list[str]:
    """Everything the database holds, as SQL text."""
    db = sqlite3.connect(path)
    try:
        return list(db.iterdump())
    finally:
        db.close()


def test_a_saved_household_loads_back_the_same(store: Store, household_data: Make) -> None:
    h = parse_household(household_data())
    assert save_household(store, h)
    with store.read() as conn:
        loaded = load_household(conn, h.id)
    assert loaded is not None
    assert household_to_dict(loaded) == household_to_dict(h)


def test_an_account_certificate_and_members_covered_are_stored_and_read_back(
    store: Store, household_data: Make
) -> None:
    h = paid_household(household_data())
    assert h.payment is not None
    h.payment.bank_code = ""  # not known
    assert save_household(store, h)
    with store.read() as conn:
        loaded = load_household(conn, h.id)
        row = conn.exec_driver_sql(
            "SELECT bank_code, account_number FROM household WHERE id = ?", (h.id,)
        ).one()
    assert loaded is not None and household_to_dict(loaded) == household_to_dict(h)
    assert tuple(row) == (None, "6217000012345678901")  # an unknown bank code is null
    assert loaded.benefits[0].covered_members == [h.members[0].id]


def test_rows_carry_sync_metadata_and_versions_rise_only_when_content_changes(
    store: Store, household_data: Make
) -> None:
    h = parse_household(household_data())
    save_household(store, h)
    with store.read() as conn:
        member = TABLES["member"]
        row = conn.execute(select(member).where(member.c.id == h.members[1].id)).mappings().one()
        assert row["version"] == 1 and row["device_id"] == store.device_id
        assert row["created_at"].tzinfo is not None
    h.members[1].serious_illness = "肺癌晚期"
    assert save_household(store, h)
    assert not save_household(store, h)  # nothing changed the second time
    with store.read() as conn:
        versions = row_versions(conn, "member", h.id)
        assert versions == {h.members[0].id: 1, h.members[1].id: 2}
        assert row_versions(conn, "household", h.id) == {h.id: 1}


def row_versions(conn: Any, table_name: str, household_id: str) -> dict[str, Any]:
    """id -> version of one table's rows for a household (what sync compares)."""
    table = TABLES[table_name]
    owner = table.c.id if table_name == "household" else table.c.household_id
    rows = conn.execute(select(table.c.id, table.c.version).where(owner == household_id))
    return {row_id: version for row_id, version in rows}


def test_a_bad_household_leaves_the_database_exactly_as_it_was(
    store: Store, household_data: Make
) -> None:
    good = parse_household(household_data())
    save_household(store, good)
    before = content(store.path)
    other = household_data()
    other["members"][0]["id_number"] = NEW_PERSON
    other["members"][1]["id_number"] = good.members[1].id_number  # already in `good`
    new = parse_household(other)
    with pytest.raises(ValidationFailed) as caught:
        save_households(store, [new])
    [error] = caught.value.errors
    assert error.code == "id_in_other_household"
    assert "户主张学林" in error.message_zh
    assert content(store.path) == before


def test_a_failure_in_the_last_household_rolls_back_the_first(
    store: Store, household_data: Make
) -> None:
    before = content(store.path)
    first = parse_household(household_data())
    second = parse_household(household_data(village_code="610423999201"))  # no such village
    second.members = []
    with pytest.raises(ValidationFailed) as caught:
        save_households(store, [first, second])
    assert [e.code for e in caught.value.errors] == ["unknown_village"]
    assert content(store.path) == before


def test_a_record_id_already_used_by_another_household_is_refused(
    store: Store, household_data: Make
) -> None:
    first = parse_household(household_data())
    save_household(store, first)
    copy = household_to_dict(first)  # same member ids, new household id and person
    copy["id"] = "00000000-0000-4000-8000-000000000001"
    copy["members"] = copy["members"][:1]
    copy["members"][0]["id_number"] = NEW_PERSON
    before = content(store.path)
    with pytest.raises(ValidationFailed) as caught:
        save_household(store, parse_household(copy))
    assert {e.code for e in caught.value.errors} == {"id_in_use"}
    assert content(store.path) == before


def test_a_signed_visit_is_append_only(store: Store, household_data: Make) -> None:
    visit = {
        "date": "2026-01-05",
        "workers": ["王建华", "李秀英"],
        "purpose": "review",
        "conclusion": "情况属实",
        "signed_at": "2026-01-05T10:00:00+08:00",
    }
    h = parse_household(household_data(visits=[visit]))
    save_household(store, h)
    h.visits[0].conclusion = "改过的结论"
    with pytest.raises(ValidationFailed) as caught:
        save_household(store, h)
    assert caught.value.errors[0].code == "signed_visit"
    h.visits = []
    with pytest.raises(ValidationFailed):
        save_household(store, h)
    with store.read() as conn:
        stored = load_household(conn, h.id)
    assert stored is not None and stored.visits[0].conclusion == "情况属实"
    assert stored.visits[0].signed_at == datetime(2026, 1, 5, 2, 0, tzinfo=UTC)


def test_removing_a_member_and_re_adding_the_person_works(
    store: Store, household_data: Make
) -> None:
    h = parse_household(household_data())
    save_household(store, h)
    again = household_data()
    again["id"] = h.id
    again["members"][0]["id"] = h.members[0].id  # the parent gets a new member id
    result = save_households(store, [parse_household(again)])
    assert (result.added, result.updated) == (0, 1)
    with store.read() as conn:
        assert len(list(iter_households(conn))) == 1


def test_import_counts_added_updated_unchanged(store: Store, household_data: Make) -> None:
    a = parse_household(household_data())
    result = save_households(store, [a])
    assert (result.added, result.updated, result.unchanged) == (1, 0, 0)
    result = save_households(store, [a])
    assert (result.added, result.updated, result.unchanged) == (0, 0, 1)


def test_one_villages_households_are_read_whole_and_only_theirs(store: Store) -> None:
    from datetime import date

    from caseworker.demo.generator import generate_households
    from caseworker.demo.places import demo_regions
    from caseworker.store.households import iter_households, save_households

    save_households(
        store, generate_households(400, seed=8, as_of=date(2026, 11, 1)), regions=demo_regions()
    )
    with store.read() as conn:
        everyone = list(iter_households(conn, chunk=37))
        villages = sorted({h.village_code for h in everyone})
        assert len(villages) > 3
        for village in villages[:4]:
            # Small chunks: many reads, each of households spread across the id range.
            theirs = list(iter_households(conn, village_codes=[village], chunk=7))
            expected = [h for h in everyone if h.village_code == village]
            assert [household_to_dict(h) for h in theirs] == [
                household_to_dict(h) for h in expected
            ]
