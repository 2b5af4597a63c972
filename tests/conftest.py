"""Shared fixtures: real SQLite files in a temporary folder, headless Qt."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Iterator
from copy import deepcopy
from pathlib import Path
from typing import Any

import pytest

from caseworker.demo.places import demo_regions
from caseworker.domain.records import Household
from caseworker.interchange.household_format import household_to_dict, parse_household
from caseworker.store.db import Store, open_store
from caseworker.store.regions import add_regions

VILLAGE = "610423100201"  # 中街村, 云阳镇, 泾阳县 (demo county)
VALID_ID = "11010519491231002X"  # female, born 1949-12-31


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """An empty store on a fresh SQLite file, with the demo county's regions."""
    s = open_store(tmp_path / "caseworker.db")
    with s.begin() as conn:
        add_regions(conn, demo_regions())
    yield s
    s.close()


BASE_HOUSEHOLD: dict[str, Any] = {
    "format": "caseworker.household/1",
    "village_code": VILLAGE,
    "address": "三组18号",
    "hukou": "rural",
    "local_resident": True,
    "registered_poor": {"status": "none", "exited_on": None},
    "members": [
        {
            "name": "张学林",
            "id_number": "610423197401080657",
            "relation": "head",
            "labor_capacity": "full",
            "disability": {"type": "none", "grade": None},
            "serious_illness": "",
            "incomes": [{"kind": "farming", "monthly_yuan": "600.00"}],
        },
        {
            "name": "王桂芝",
            "id_number": VALID_ID,
            "relation": "parent",
            "labor_capacity": "none",
            "disability": {"type": "physical", "grade": 2},
            "serious_illness": "肺癌",
            "self_care_impossible": 4,
            "incomes": [{"kind": "basic_pension_rural", "monthly_yuan": "160.50"}],
        },
    ],
    "assets": [{"kind": "deposit", "value_yuan": "2000.00", "count": 1}],
    "expenses": [],
    "legal_supporters": None,
    "benefits": [],
}


@pytest.fixture
def household_data() -> Callable[..., dict[str, Any]]:
    """A factory of valid household objects; keyword arguments replace top-level fields."""

    def make(**changes: Any) -> dict[str, Any]:
        data = deepcopy(BASE_HOUSEHOLD)
        data.update(changes)
        return data

    return make


def paid_household(data: dict[str, Any], *, program: str = "dibao", covered: int = 0) -> Household:
    """The household of ``data`` paid into a bank account, with one benefit of ``program``
    that has a certificate number and covers one member (the one at ``covered``)."""
    h = parse_household(
        {
            **data,
            "payment": {
                "bank_code": "402",
                "bank_name": "陕西泾阳农村商业银行",
                "account_name": "张学林",
                "account_number": "6217000012345678901",
            },
        }
    )
    with_benefit = household_to_dict(h)
    with_benefit["benefits"] = [
        {
            "program": program,
            "since": "2024-01-01",
            "monthly_yuan": "300.00",
            "certificate_number": "泾民低字〔2024〕0012号",
            "covered_members": [h.members[covered].id],
        }
    ]
    return parse_household(with_benefit)
