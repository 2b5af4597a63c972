"""Compact decision records travel with their household: the county stores them as it
receives them, and another laptop reads them in the same words (the parameters they cite
worked out from the policy pack, which that laptop has too)."""

import json
from collections.abc import Callable
from datetime import date

from caseworker.demo.generator import generate_households
from caseworker.eligibility.findings import finding_to_dict
from caseworker.eligibility.library import PolicyLibrary
from caseworker.screening import PolicyChooser, screen_store
from caseworker.store.db import Store
from caseworker.store.decisions import latest_screening
from caseworker.store.households import save_households
from caseworker.sync.client import sync
from tests.sync.conftest import VILLAGE_A, CountyServer, enroll_laptop

DAY = date(2026, 11, 1)


def said(store: Store, household_id: str) -> str:
    with store.read() as conn:
        s = latest_screening(conn, household_id)
    assert s is not None
    return json.dumps([finding_to_dict(f) for f in s.findings], ensure_ascii=False)


def test_records_go_up_and_read_the_same_on_another_laptop(
    county: CountyServer, laptops: Callable[[str], Store]
) -> None:
    a, b = laptops("a"), laptops("b")
    enroll_laptop(county, a)
    enroll_laptop(county, b, worker="李秀英")
    households = generate_households(6, seed=2, as_of=DAY)
    for h in households:
        h.village_code = VILLAGE_A
    save_households(a, households)
    run = screen_store(a, on=DAY, policies=PolicyChooser(PolicyLibrary()))
    assert run.changed == 6
    report = sync(a)
    assert report.synced and report.accepted == 6
    assert sync(b).received == 6
    for h in households:
        assert said(b, h.id) == said(a, h.id)
    # Nothing changed: screening again sends nothing new.
    assert screen_store(a, on=DAY, policies=PolicyChooser(PolicyLibrary())).changed == 0
    assert sync(a).sent == 0
