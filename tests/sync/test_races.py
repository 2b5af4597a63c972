"""Two laptops register the same person at the same moment (a real county server on SQLite
and PostgreSQL): the county takes one household and answers the other with a reason in
words, round after round; never an internal error, nothing lost, nothing twice."""

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from caseworker.domain.idnumber import check_character
from caseworker.interchange.household_format import parse_household
from caseworker.store.db import Store
from caseworker.store.households import save_household
from caseworker.sync.client import SyncReport, sync
from caseworker.sync.county.tables import HOUSEHOLD, PERSON
from caseworker.sync.quarantine import quarantined
from caseworker.sync.transport import SyncError
from tests.sync.conftest import CountyServer, enroll_laptop

Make = Callable[..., dict[str, Any]]
ROUNDS = 10


def id_number(n: int, area: str = "610423") -> str:
    """A valid ID number, different for each ``n`` (born on a different day)."""
    first17 = f"{area}{date(1960, 1, 1) + timedelta(days=n):%Y%m%d}{(2 * n + 1) % 1000:03d}"
    return first17 + check_character(first17)


def one_person(household_data: Make, number: str, name: str, address: str) -> dict[str, Any]:
    """A household of one (the head) with ID number ``number``."""
    data = household_data(address=address)
    head = dict(data["members"][0], id_number=number, name=name)
    data["members"] = [head]
    return data


def at_once(*stores: Store) -> list[SyncReport]:
    """Sync every store at the same moment, each from its own thread."""
    start = threading.Barrier(len(stores))

    def run(store: Store) -> SyncReport:
        start.wait()
        return sync(store)

    with ThreadPoolExecutor(len(stores)) as pool:
        return list(pool.map(run, stores))


def test_two_laptops_registering_the_same_person_at_once_get_an_answer_in_words(
    county: CountyServer, laptops: Callable[[str], Store], household_data: Make
) -> None:
    a, b = laptops("a"), laptops("b")
    enroll_laptop(county, a)
    enroll_laptop(county, b, worker="李秀英")
    for n in range(ROUNDS):
        number = id_number(n)
        ha = parse_household(one_person(household_data, number, "赵德明", f"一组{n}号"))
        hb = parse_household(one_person(household_data, number, "赵德明", f"二组{n}号"))
        save_household(a, ha)
        save_household(b, hb)
        # Neither laptop raises (an internal error would): both get an answer.
        ra, rb = at_once(a, b)
        assert sorted([ra.accepted, rb.accepted]) == [0, 1], (n, ra, rb)
        assert sorted([ra.rejected, rb.rejected]) == [0, 1], (n, ra, rb)
        loser, lost_id, won_id = (b, hb.id, ha.id) if ra.accepted else (a, ha.id, hb.id)
        # The loser's household is held back on its laptop with the reason in words.
        [held] = [q for q in quarantined(loser) if q.household_id == lost_id]
        assert [e["code"] for e in held.errors] == ["id_in_other_household"]
        assert "另一户" in held.errors[0]["message_zh"]
        assert "another household" in held.errors[0]["message_en"]
        # The county holds the winner's household, once; the person in it, once.
        with county.engine.connect() as conn:
            owners = conn.execute(
                select(PERSON.c.household_id).where(PERSON.c.id_number == number)
            ).all()
            assert [o.household_id for o in owners] == [won_id]
            assert conn.execute(select(func.count()).select_from(HOUSEHOLD)).scalar() == n + 1
    assert county.alive


REFUSE_PERSON = {
    # A failure no check of the county foresees, raised by the database itself while it
    # stores a person; the database driver's error then carries the row's values.
    "sqlite": [
        "CREATE TRIGGER refuse_person BEFORE INSERT ON person "
        "BEGIN SELECT RAISE(ABORT, 'person refused'); END"
    ],
    "postgresql": [
        "CREATE FUNCTION refuse_person() RETURNS trigger LANGUAGE plpgsql AS "
        "$$ BEGIN RAISE EXCEPTION 'person refused'; END $$",
        "CREATE TRIGGER refuse_person BEFORE INSERT ON person "
        "FOR EACH ROW EXECUTE FUNCTION refuse_person()",
    ],
}


def test_a_failure_no_check_foresaw_is_answered_in_words_and_logged_without_values(
    county: CountyServer, laptops: Callable[[str], Store], household_data: Make
) -> None:
    a = laptops("a")
    enroll_laptop(county, a)
    h = parse_household(household_data())
    save_household(a, h)
    with county.engine.begin() as conn:
        for statement in REFUSE_PERSON[county.engine.dialect.name]:
            conn.exec_driver_sql(statement)
    with pytest.raises(SyncError) as failed:
        sync(a)
    # The worker reads what happened, in words; nothing was stored.
    assert failed.value.status in (409, 500)
    assert "未保存" in failed.value.zh and "nothing" in failed.value.en
    with county.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(HOUSEHOLD)).scalar() == 0
    # The log says what failed, by names, not values (the scan of every test checks them).
    log = county.log.read_text(errors="replace")
    assert "POST /v1/push" in log or "refused 409 /v1/push" in log, log
    assert "Traceback" not in log and "[parameters:" not in log, log
    # The database fixed, the same change goes up: nothing was lost on the laptop.
    with county.engine.begin() as conn:
        conn.exec_driver_sql("DROP TRIGGER refuse_person" + " ON person" * is_pg(county))
    assert sync(a).synced
    assert county.alive


def is_pg(county: CountyServer) -> bool:
    return county.engine.dialect.name == "postgresql"
