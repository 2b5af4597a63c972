"""Twenty laptops against one county server on PostgreSQL, all at once, for a while: each
registers people other laptops register too (the same ID numbers, names) and edits the
same fields of the same households, syncing as fast as it can.

Afterwards: no request failed; every change the laptops sent was answered once (accepted,
a conflict, or refused with reasons in words), and the county's answers are the laptops'
records of them; no person is in two households; and no accepted edit was lost: the
accepted writes of each field form one unbroken chain (each started from the value the
one before left) ending in the county's value.

The normal run lasts a few seconds; ``-m soak`` runs a minute
(``CASEWORKER_SOAK_SECONDS`` to change it).
"""

import json
import os
import random
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from caseworker.domain.validation import ValidationFailed
from caseworker.interchange.household_format import household_to_dict, parse_household
from caseworker.store.db import Store
from caseworker.store.households import load_household, save_household
from caseworker.store.tables import OUTBOX, SYNC_BASE
from caseworker.sync.client import sync
from caseworker.sync.county.tables import APPLIED, CONFLICT, RECORD
from caseworker.sync.transport import SyncError
from tests.sync.conftest import CountyServer, enroll_laptop, start_server
from tests.sync.logscan import LogScan, county_values, refusal_lines
from tests.sync.postgres import PostgresServer
from tests.sync.test_races import id_number, one_person

Make = Callable[..., dict[str, Any]]
LAPTOPS = 20
# Every laptop registers the person of the moment (a new one every PERSON_EVERY seconds) or
# the next, and edits one of the HOT households: they race each other all the time.
PERSON_EVERY = 0.3
HOT = 3
NAMES = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许"
# The fields edited (by every laptop, of the same households) and checked for lost edits.
EDITED = (("household", "address"), ("member", "serious_illness"))
PASSED_STATES = {"accepted": "accepted", "conflict": "conflict"}
REFUSED_STATES = {"quarantined", "superseded"}


@dataclass
class Tally:
    """What one laptop did."""

    syncs: int = 0
    sent: int = 0
    accepted: int = 0
    conflicts: int = 0
    rejected: int = 0
    held_locally: int = 0  # the laptop itself refused a registration (it knew the person)
    failures: list[str] = field(default_factory=list)


def person(n: int) -> tuple[str, str]:
    return id_number(n), NAMES[n % len(NAMES)] + "德明"


def register(store: Store, n: int, tag: str, household_data: Make) -> bool:
    number, name = person(n)
    data = one_person(household_data, number, name, f"{tag}号")
    try:
        save_household(store, parse_household(data))
    except ValidationFailed:  # it holds that person already (pulled from the county)
        return False
    return True


def edit(store: Store, rng: random.Random, tag: str) -> bool:
    with store.read() as conn:
        known = conn.execute(
            select(SYNC_BASE.c.household_id).order_by(SYNC_BASE.c.household_id).limit(HOT)
        ).scalars()
        hot = list(known)
        if not hot:
            return False
        h = load_household(conn, rng.choice(hot))
    if h is None:
        return False
    data = household_to_dict(h)
    if rng.random() < 0.5:
        data["address"] = f"{tag}号"
    else:
        data["members"][0]["serious_illness"] = f"病{tag}"
    try:
        save_household(store, parse_household(data))
    except ValidationFailed:
        return False
    return True


def drive(
    store: Store, index: int, deadline: float, tally: Tally, start: threading.Barrier, make: Make
) -> None:
    """One laptop: register or edit, then sync, until ``deadline``."""
    rng = random.Random(index)
    start.wait()
    began = time.monotonic()
    step = 0
    while time.monotonic() < deadline:
        step += 1
        tag = f"{index}-{step}"
        if rng.random() < 0.4:
            n = int((time.monotonic() - began) / PERSON_EVERY) + rng.randrange(2)
            if not register(store, n, tag, make):
                tally.held_locally += 1
        else:
            edit(store, rng, tag)
        try:
            report = sync(store)
        except SyncError as exc:
            tally.failures.append(f"laptop {index}: {exc.en}")
            continue
        tally.syncs += 1
        tally.sent += report.sent
        tally.accepted += report.accepted
        tally.conflicts += report.conflicts
        tally.rejected += report.rejected


def sent_changes(store: Store) -> list[Any]:
    """The changes this laptop sent and the county answered (seq, state, payload, result)."""
    with store.read() as conn:
        return list(
            conn.execute(
                select(OUTBOX.c.seq, OUTBOX.c.state, OUTBOX.c.payload, OUTBOX.c.result).where(
                    OUTBOX.c.payload.is_not(None)
                )
            )
        )


def check_answers(county: CountyServer, stores: list[Store]) -> Counter[str]:
    """Every sent change answered once, as the laptop recorded it; refusals in words,
    conflicts kept at the county. The count of answers by kind."""
    kinds: Counter[str] = Counter()
    with county.engine.connect() as conn:
        applied = {(r.device_id, r.seq): r for r in conn.execute(select(APPLIED))}
        conflict_ids = set(conn.execute(select(CONFLICT.c.id)).scalars())
    mine = set()
    for store in stores:
        for row in sent_changes(store):
            key = (store.device_id, row.seq)
            mine.add(key)
            assert row.state in {*PASSED_STATES, *REFUSED_STATES}, row  # answered
            answer = applied[key]
            kinds[answer.status] += 1
            if answer.status == "rejected":
                assert row.state in REFUSED_STATES
                assert answer.result["errors"], answer.result
                for error in answer.result["errors"]:
                    assert error["message_zh"] and error["message_en"], error
            else:
                assert PASSED_STATES[row.state] == answer.status, (row, answer.status)
                for c in answer.result["conflicts"]:
                    assert c["id"] in conflict_ids
    assert mine == set(applied)  # nothing answered that no laptop sent, nothing twice
    return kinds


def check_people(county: CountyServer) -> None:
    """No person is a member of two households at the county."""
    with county.engine.connect() as conn:
        members = conn.execute(
            select(RECORD.c.household_id, RECORD.c.data).where(RECORD.c.table_name == "member")
        ).all()
    holders: dict[str, set[str]] = {}
    for m in members:
        holders.setdefault(m.data["id_number"], set()).add(m.household_id)
    assert all(len(h) == 1 for h in holders.values()), holders


def check_no_lost_edit(county: CountyServer, stores: list[Store]) -> int:
    """The accepted writes of each edited field chain up to the county's value; how many
    writes there were."""
    start: dict[tuple[str, str], Any] = {}
    writes: dict[tuple[str, str], list[tuple[Any, Any]]] = {}
    for store in stores:
        for row in sent_changes(store):
            if row.state not in PASSED_STATES:
                continue
            payload = json.loads(row.payload)
            kept = {(c["row_id"], c["field"]) for c in (row.result or {}).get("conflicts", [])}
            for rc in payload["rows"]:
                for table, name in EDITED:
                    if rc["table"] != table or name not in (rc.get("new") or {}):
                        continue
                    key = (rc["id"], name)
                    if rc["op"] == "insert":
                        start[key] = rc["new"][name]
                    elif key not in kept and rc["base"][name] != rc["new"][name]:
                        writes.setdefault(key, []).append((rc["base"][name], rc["new"][name]))
    with county.engine.connect() as conn:
        final = {r.id: r.data for r in conn.execute(select(RECORD.c.id, RECORD.c.data))}
    for key, chain in writes.items():
        row_id, name = key
        value, left = start[key], list(chain)
        while left:
            following = [w for w in left if w[0] == value]
            assert len(following) == 1, (key, value, following)  # two from one value: one lost
            left.remove(following[0])
            value = following[0][1]
        assert final[row_id][name] == value, (key, final[row_id][name], value)
    return sum(len(c) for c in writes.values())


def run_laptops(
    scan: LogScan,
    postgres: PostgresServer | None,
    tmp_path: Path,
    laptops: Callable[[str], Store],
    household_data: Make,
    seconds: float,
) -> None:
    if postgres is None:
        pytest.skip("PostgreSQL is not installed here (Debian package postgresql)")
    county = start_server(postgres.new_database(), tmp_path, extra=["--rate", "100000"])
    try:
        stores = [laptops(f"laptop{i}") for i in range(LAPTOPS)]
        for i, store in enumerate(stores):
            enroll_laptop(county, store, worker=f"{NAMES[i]}工作员")
        tallies = [Tally() for _ in stores]
        begin = threading.Barrier(LAPTOPS)
        deadline = time.monotonic() + seconds
        threads = [
            threading.Thread(target=drive, args=(s, i, deadline, tallies[i], begin, household_data))
            for i, s in enumerate(stores)
        ]
        began = time.monotonic()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        took = time.monotonic() - began
        assert [f for t in tallies for f in t.failures] == []
        for store in stores:  # everything answered, everyone up to date
            assert sync(store).pending == 0
        kinds = check_answers(county, stores)
        check_people(county)
        writes = check_no_lost_edit(county, stores)
        log = county.log.read_text(errors="replace")
        assert "failed:" not in log and "Traceback" not in log, log[-2000:]
        print(
            f"\n{LAPTOPS} laptops, {took:.0f} s: {sum(t.syncs for t in tallies)} syncs, "
            f"{sum(kinds.values())} changes pushed and answered ({dict(kinds)}), "
            f"{kinds['rejected']} refused with reasons, "
            f"{sum(t.conflicts for t in tallies)} field conflicts, {writes} edits chained, "
            f"{sum(t.held_locally for t in tallies)} registrations the laptop refused itself"
        )
        assert kinds["rejected"] > 0 and kinds["accepted"] > 0  # clashes happened
    finally:
        scan.personal |= county_values(county.engine)  # the log scan looks for these too
        scan.refusals += refusal_lines(county.engine)
        county.stop()
        county.engine.dispose()


@pytest.mark.slow
def test_twenty_laptops_at_once_lose_and_duplicate_nothing(
    postgres: PostgresServer | None,
    tmp_path: Path,
    laptops: Callable[[str], Store],
    household_data: Make,
    no_personal_data_in_logs: LogScan,
) -> None:
    run_laptops(no_personal_data_in_logs, postgres, tmp_path, laptops, household_data, seconds=8)


def soak_selected(config: pytest.Config) -> bool:
    return "soak" in (config.getoption("markexpr", "") or "")


@pytest.mark.soak
def test_twenty_laptops_for_a_minute(
    request: pytest.FixtureRequest,
    postgres: PostgresServer | None,
    tmp_path: Path,
    laptops: Callable[[str], Store],
    household_data: Make,
    no_personal_data_in_logs: LogScan,
) -> None:
    if not soak_selected(request.config):
        pytest.skip("a minute long: run with -m soak")
    seconds = float(os.environ.get("CASEWORKER_SOAK_SECONDS", "60"))
    run_laptops(no_personal_data_in_logs, postgres, tmp_path, laptops, household_data, seconds)
