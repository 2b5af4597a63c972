"""A laptop's first pull stores the county's households in bulk; one it cannot store (an ID
number it holds in a household of its own) is held back as a note, the others arrive, and
the held one arrives once the clash is gone."""

import copy
import dataclasses
from collections.abc import Callable

from sqlalchemy import select

from caseworker.interchange.household_format import household_to_dict
from caseworker.store.db import Store
from caseworker.store.households import count_households, iter_households, save_households
from caseworker.store.search import search_households
from caseworker.store.tables import SYNC_CONFLICT, new_id
from caseworker.sync.client import sync
from caseworker.sync.local_apply import HELD
from tests.sync.conftest import CountyServer, enroll_laptop
from tests.sync.test_resilience import demo

VILLAGE = "610423100201"


def held_notes(store: Store) -> list[str]:
    with store.read() as conn:
        query = select(SYNC_CONFLICT.c.household_id).where(
            SYNC_CONFLICT.c.field == HELD, SYNC_CONFLICT.c.resolved_at.is_(None)
        )
        return list(conn.execute(query).scalars())


def test_first_pull_in_bulk_holds_back_only_the_household_that_clashes(
    county: CountyServer, laptops: Callable[[str], Store]
) -> None:
    a, b = laptops("a"), laptops("b")
    enroll_laptop(county, a)
    enroll_laptop(county, b, worker="李秀英")
    households = demo(12, 21, VILLAGE)
    save_households(a, households)
    assert sync(a).synced
    clash = next(h for h in households if len(h.members) > 1)
    # B recorded, on its own, a household with one of the same people in it.
    mine = copy.deepcopy(next(h for h in demo(30, 22, VILLAGE) if len(h.members) > 1))
    own_member = mine.members[1]
    mine.members[1] = dataclasses.replace(clash.members[1], id=new_id(), incomes=None)
    save_households(b, [mine])
    report = sync(b, page_size=5)
    assert report.rejected == 1 and report.received == 11  # its own is refused (quarantined)
    assert held_notes(b) == [clash.id]
    with b.read() as conn:
        assert count_households(conn) == 12  # 11 from the county and its own
        other = next(h for h in households if h.id != clash.id)
        found = search_households(conn, other.members[0].id_number)
        assert [s.id for s in found] == [other.id]  # indexed for search
    # The worker corrects the member; the household goes up and the held one comes down.
    mine.members[1] = own_member
    save_households(b, [mine])
    assert sync(b).synced
    assert held_notes(b) == []
    with a.read() as ca, b.read() as cb:
        theirs = {h.id: household_to_dict(h) for h in iter_households(cb)}
        for h in iter_households(ca):
            assert theirs[h.id] == household_to_dict(h)
        assert count_households(cb) == 13
