"""Compacting the store: superseded screening records go (never one a signed document
uses), the free space goes back to the disk, and the day is noted."""

from datetime import date

from caseworker.demo.generator import generate_households
from caseworker.demo.places import demo_regions
from caseworker.eligibility.library import PolicyLibrary
from caseworker.screening import PolicyChooser, screen_store
from caseworker.store.db import Store
from caseworker.store.households import save_households
from caseworker.store.maintenance import compact, store_size

DAY = date(2026, 11, 1)


def decision_count(store: Store) -> int:
    with store.read() as conn:
        return int(conn.exec_driver_sql("SELECT count(*) FROM decision").scalar_one())


def test_compacting_gives_the_space_back_and_keeps_each_latest_record(store: Store) -> None:
    save_households(store, generate_households(300, seed=5, as_of=DAY), regions=demo_regions())
    screen_store(store, on=DAY, policies=PolicyChooser(PolicyLibrary()))
    assert store_size(store).compacted_at is None
    kept = decision_count(store)
    # Many households gone (moved away): their pages are free but still in the file.
    with store.begin() as conn:
        conn.exec_driver_sql(
            "DELETE FROM household WHERE id IN (SELECT id FROM household LIMIT 200)"
        )
    before, after = compact(store)
    assert after < before * 0.7, (before, after)
    assert store_size(store).compacted_at is not None
    assert 0 < decision_count(store) <= kept
    screen_store(
        store, on=DAY, policies=PolicyChooser(PolicyLibrary())
    )  # the store works as before
