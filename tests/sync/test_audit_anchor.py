"""After a sync the laptop keeps what the county acknowledged of its audit trail, so that
``audit verify`` on the laptop finds a synced entry rewritten (the rest re-hashed to
match) or the last entries deleted, which the hash chain alone cannot show."""

import subprocess
import sys
from collections.abc import Callable
from typing import Any

import pytest

from caseworker.interchange.household_format import parse_household
from caseworker.store import audit
from caseworker.store.db import Store
from caseworker.store.households import save_household
from caseworker.sync.client import sync
from tests.sync.conftest import CountyServer, enroll_laptop

Make = Callable[..., dict[str, Any]]


def rehash_from(store: Store, seq: int, **changes: Any) -> None:
    """What someone holding the key can do: drop the guards, change entry ``seq`` and
    recompute every hash from there on, so the chain checks out again."""
    with store.begin() as conn:
        conn.exec_driver_sql("DROP TRIGGER IF EXISTS audit_no_update")
        conn.exec_driver_sql("DROP TRIGGER IF EXISTS audit_no_delete")
        chain = audit.entries(conn)
        prev = audit.GENESIS if seq == 1 else chain[seq - 2].hash
        for entry in chain[seq - 1 :]:
            values = {
                "id": entry.id,
                "at": entry.at,
                "device_id": entry.device_id,
                "actor": entry.actor,
                "action": entry.action,
                "household_id": entry.household_id,
                "detail": entry.detail,
            }
            if entry.seq == seq:
                values.update(changes)
            digest = audit.entry_hash(**values, prev_hash=prev)
            conn.exec_driver_sql(
                "UPDATE audit SET actor = ?, prev_hash = ?, hash = ? WHERE seq = ?",
                (values["actor"], prev, digest, entry.seq),
            )
            prev = digest
        assert audit.verify_chain(audit.entries(conn)).ok  # the chain alone sees nothing


def delete_after(store: Store, seq: int) -> None:
    with store.begin() as conn:
        conn.exec_driver_sql("DROP TRIGGER IF EXISTS audit_no_delete")
        conn.exec_driver_sql("DELETE FROM audit WHERE seq > ?", (seq,))
        assert audit.verify_chain(audit.entries(conn)).ok


def verify(store: Store) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "caseworker", "audit", "verify", "--db", str(store.path)],
        capture_output=True,
        text=True,
    )


@pytest.fixture
def synced(county: CountyServer, laptops: Callable[[str], Store], household_data: Make) -> Store:
    """A laptop whose five entries the county holds (four changes and the first sync)."""
    laptop = laptops("a")
    laptop.actor = "王建华"
    enroll_laptop(county, laptop)
    h = parse_household(household_data())
    save_household(laptop, h)
    for address in ("一组1号", "二组2号", "三组3号"):
        h.address = address
        save_household(laptop, h)
    assert sync(laptop).synced
    assert sync(laptop).synced  # the first sync's own entry goes up with the second
    with laptop.read() as conn:
        assert audit.verify_trail(conn).ok
    return laptop


@pytest.mark.parametrize("county_db", ["sqlite"], indirect=True)
def test_a_synced_entry_rewritten_and_rehashed_is_named(synced: Store) -> None:
    rehash_from(synced, 2, actor="别人")
    with synced.read() as conn:
        check = audit.verify_trail(conn)
    assert (check.ok, check.broken_at, check.problem) == (False, 2, "altered")
    result = verify(synced)
    assert result.returncode == 1
    assert "第2条" in result.stdout and "entry 2" in result.stdout
    assert "县里" in result.stdout and "county" in result.stdout


@pytest.mark.parametrize("county_db", ["sqlite"], indirect=True)
def test_the_last_synced_entries_deleted_are_found(synced: Store) -> None:
    delete_after(synced, 3)
    with synced.read() as conn:
        check = audit.verify_trail(conn)
    assert (check.ok, check.problem, check.broken_at) == (False, "removed_after", 3)
    result = verify(synced)
    assert result.returncode == 1
    assert "第3条之后" in result.stdout and "after entry 3" in result.stdout


@pytest.mark.parametrize("county_db", ["sqlite"], indirect=True)
def test_entries_made_after_the_sync_still_verify(synced: Store) -> None:
    with synced.begin() as conn:
        audit.record(conn, device_id=synced.device_id, actor="王建华", action=audit.Action.VIEW)
    result = verify(synced)
    assert result.returncode == 0 and "共7条" in result.stdout
