"""Audit trails go up to the county with each sync, and a tampered trail is refused."""

from collections.abc import Callable
from typing import Any

import pytest

from caseworker.interchange.household_format import parse_household
from caseworker.store import audit
from caseworker.store.db import Store
from caseworker.store.households import save_household
from caseworker.sync.client import sync
from caseworker.sync.county.audit_log import verify_devices
from caseworker.sync.transport import SyncError
from tests.sync.conftest import CountyServer, enroll_laptop

Make = Callable[..., dict[str, Any]]


def county_entries(county: CountyServer, device_id: str) -> list[str]:
    with county.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT action FROM audit_entry WHERE device_id = ? ORDER BY seq", (device_id,)
        )
        return [r[0] for r in rows]


@pytest.mark.parametrize("county_db", ["sqlite"], indirect=True)
def test_the_county_receives_each_laptops_audit_trail_intact(
    county: CountyServer, laptops: Callable[[str], Store], household_data: Make
) -> None:
    laptop = laptops("a")
    laptop.actor = "王建华"
    enroll_laptop(county, laptop)
    h = parse_household(household_data())
    save_household(laptop, h)
    h.address = "四组2号"
    save_household(laptop, h)
    assert sync(laptop).synced
    assert county_entries(county, laptop.device_id) == ["create", "update"]
    assert sync(laptop).synced  # the first sync's own entry goes up with the second
    assert county_entries(county, laptop.device_id) == ["create", "update", "sync"]
    assert all(check.ok for check in verify_devices(county.engine).values())


@pytest.mark.parametrize("county_db", ["sqlite"], indirect=True)
def test_an_altered_trail_is_refused_at_the_county(
    county: CountyServer, laptops: Callable[[str], Store], household_data: Make
) -> None:
    laptop = laptops("a")
    enroll_laptop(county, laptop)
    h = parse_household(household_data())
    save_household(laptop, h)
    with laptop.begin() as conn:  # someone rewrites history on the laptop
        conn.exec_driver_sql("DROP TRIGGER audit_no_update")
        conn.exec_driver_sql("UPDATE audit SET actor = 'nobody' WHERE seq = 1")
    with pytest.raises(SyncError) as refused:
        sync(laptop)
    assert "audit" in str(refused.value).lower() or "审计" in str(refused.value)
    assert county_entries(county, laptop.device_id) == []
    with laptop.read() as conn:
        assert not audit.verify_chain(audit.entries(conn)).ok
