"""1,000 random edits by two laptops (through a misbehaving proxy) and the county office,
then everyone holds the same data: nothing lost, nothing duplicated, conflicts recorded."""

import random
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from caseworker.domain.codes import Employment, VisitPurpose
from caseworker.domain.records import Visit, VisitObservations
from caseworker.interchange.household_format import household_to_dict
from caseworker.store.db import Store
from caseworker.store.households import (
    iter_households,
    load_household,
    save_household,
    save_households,
)
from caseworker.store.tables import OUTBOX, SYNC_CONFLICT
from caseworker.sync.client import sync
from caseworker.sync.county.tables import APPLIED, CONFLICT, HOUSEHOLD, RECORD
from caseworker.sync.transport import SyncError
from tests.sync.conftest import VILLAGE_A, CountyServer, enroll_laptop, start_server
from tests.sync.faultproxy import FaultyProxy
from tests.sync.test_resilience import demo

EDITS = 1000


@pytest.fixture
def sqlite_county(tmp_path: Path) -> Any:
    server = start_server(str(tmp_path / "county.db"), tmp_path)
    yield server
    server.stop()
    server.engine.dispose()


def edit(
    store: Store,
    rng: random.Random,
    ids: list[str],
    written: dict[tuple[str, str], set[Any]],
    n: int,
) -> None:
    """One random edit of one household, remembering every value written."""
    with store.read() as conn:
        h = load_household(conn, rng.choice(ids))
    assert h is not None
    kind = rng.randrange(5)
    if kind == 0:
        h.address = f"{rng.randrange(1, 9)}组{n}号"
        written.setdefault((h.id, "address"), set()).add(h.address)
    elif kind == 1:
        m = rng.choice(h.members)
        m.serious_illness = rng.choice(["", "高血压", "糖尿病", f"病历{n}"])
        written.setdefault((m.id, "serious_illness"), set()).add(m.serious_illness)
    elif kind == 2:
        m = rng.choice(h.members)
        m.employment = rng.choice(list(Employment))
        written.setdefault((m.id, "employment"), set()).add(m.employment.value)
    elif kind == 3:
        h.visits.append(
            Visit(
                f"00000000-0000-4000-8000-{n:012d}",
                date(2026, 10, 1 + n % 28),
                ["王建华"],
                VisitPurpose.REVIEW,
                VisitObservations(property_notes=f"第{n}次记录"),
            )
        )
    else:
        h.cadre_relative = rng.choice([True, False])
        written.setdefault((h.id, "cadre_relative"), set()).add(h.cadre_relative)
    save_household(store, h)


def everything(store: Store) -> list[dict[str, Any]]:
    with store.read() as conn:
        return [household_to_dict(h) for h in iter_households(conn)]


@pytest.mark.slow
def test_random_edits_through_a_faulty_network_converge(
    sqlite_county: CountyServer, laptops: Callable[[str], Store]
) -> None:
    county = sqlite_county
    a, b, office = laptops("a"), laptops("b"), laptops("office")
    enroll_laptop(county, a)
    enroll_laptop(county, b, worker="李秀英")
    enroll_laptop(county, office, role="county", scope="610423", worker="赵主任")
    households = demo(15, 11, VILLAGE_A)
    save_households(a, households)
    assert sync(a).synced and sync(b).synced and sync(office).synced
    ids = [h.id for h in households]
    rng = random.Random(2026)
    written: dict[tuple[str, str], set[Any]] = {}
    failures = 0
    with FaultyProxy(county.url, seed=7, drop=0.2, duplicate=0.2) as proxy:
        actors = [(a, proxy.url), (b, proxy.url), (office, None)]
        for n in range(EDITS):
            store, via = actors[rng.randrange(3)]
            edit(store, rng, ids, written, n)
            if rng.random() < 0.08:
                try:
                    sync(store, server=via, batch_size=rng.randrange(1, 6), timeout=10)
                except SyncError:
                    failures += 1
        assert proxy.counts["dropped_before"] + proxy.counts["dropped_after"] > 0
        assert proxy.counts["duplicated"] > 0
    assert failures > 0
    # The network heals: two rounds bring everyone up to date.
    for _ in range(2):
        for store in (a, b, office):
            report = sync(store)
            assert report.receipts_ok
    for store in (a, b, office):
        assert sync(store).synced
    assert everything(a) == everything(b) == everything(office)
    final = everything(a)
    assert len(final) == 15
    with county.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(HOUSEHOLD)).scalar_one() == 15
        records = conn.execute(select(func.count()).select_from(RECORD)).scalar_one()
        applied = {(r.device_id, r.seq): r.status for r in conn.execute(select(APPLIED))}
        conflicts = list(conn.execute(select(CONFLICT)))
    expected_rows = (
        sum(len(h["members"]) + len(h["visits"]) + 1 for h in final)
        + sum(len(m["incomes"] or []) for h in final for m in h["members"])
        + sum(
            len(h["assets"] or [])
            + len(h["expenses"] or [])
            + len(h["legal_supporters"] or [])
            + len(h["benefits"])
            + len(h["applications"])
            + sum(len(x["history"]) for x in h["applications"])
            for h in final
        )
    )
    assert records == expected_rows  # no duplicated row anywhere
    visits = {v["id"] for h in final for v in h["visits"]}
    assert len(visits) == sum(len(h["visits"]) for h in final)
    # Every change a laptop holds as answered is answered the same way at the county.
    for store in (a, b, office):
        with store.read() as conn:
            mine = {
                (store.device_id, r.seq): r.state
                for r in conn.execute(
                    select(OUTBOX.c.seq, OUTBOX.c.state).where(
                        OUTBOX.c.state.in_(["accepted", "conflict"])
                    )
                )
            }
        assert all(applied.get(key) == state for key, state in mine.items())
    # Every same-field conflict is recorded with both values, each a value someone wrote.
    assert conflicts, "random edits of the same fields on three devices must conflict"
    for c in conflicts:
        values = written.get((c.row_id, c.field))
        assert values is not None and c.kept_value != c.other_value
        assert c.other_value in values
    # ... and shown on every device whose scope holds the household.
    open_ids = {c.id for c in conflicts if c.resolved_at is None}
    for store in (a, b, office):
        with store.read() as conn:
            shown = conn.execute(
                select(SYNC_CONFLICT.c.id).where(SYNC_CONFLICT.c.resolved_at.is_(None))
            )
            assert set(shown.scalars()) == open_ids
