"""Screening says exactly what it said before the speed work: every finding of a few
hundred households, on several dates, under both example packs and a what-if variant,
compared in its JSON form (statuses, amounts, members, every reason's sentences, values
and cited parameters, and what is missing) with ``screening_expected.json.xz``, which the
engine made before it was changed (``make_screening_fixture.py``), whether the reasons are
made when read or at once (``screen(..., explain=True)``)."""

import functools
import json
import lzma
from datetime import date
from typing import Any

import pytest

from caseworker.domain.records import Household
from caseworker.eligibility.engine import screen
from caseworker.eligibility.findings import Screening, finding_to_dict
from caseworker.eligibility.policy import PolicyError
from caseworker.interchange.household_format import parse_household
from tests.eligibility.make_screening_fixture import DATES, FIXTURE, policies


@functools.cache
def _fixture() -> dict[str, Any]:
    document: dict[str, Any] = json.loads(lzma.decompress(FIXTURE.read_bytes()))
    return document


@functools.cache
def _households() -> list[Household]:
    document = _fixture()
    today = date.fromisoformat(document["parse_today"])
    return [parse_household(d, today=today) for d in document["households"]]


KEYS = [f"{key}@{on.isoformat()}" for key in policies() for on in DATES]


@pytest.mark.slow
@pytest.mark.parametrize("explain", [False, True], ids=["reasons-on-read", "reasons-at-once"])
@pytest.mark.parametrize("key", KEYS)
def test_screening_output_is_unchanged(key: str, explain: bool) -> None:
    expected_rows = _fixture()["screenings"][key]
    name, on = key.rsplit("@", 1)
    policy = policies()[name]
    households = _households()
    assert len(expected_rows) == len(households)
    # Screen every household first and read the findings afterwards, last first: whatever
    # screening shares between households or leaves to be worked out when read must give
    # the same sentences in any order.
    screened: list[Screening | PolicyError] = []
    for h in households:
        try:
            screened.append(screen(h, policy, date.fromisoformat(on), explain=explain))
        except PolicyError as exc:
            screened.append(exc)
    for index in reversed(range(len(households))):
        result, expected = screened[index], expected_rows[index]
        if isinstance(result, PolicyError):
            assert {"error": str(result)} == expected, f"household {index}"
            continue
        assert "findings" in expected, f"household {index}: {expected}"
        # As stored (a decision record is JSON): tuples in ``values`` become lists.
        actual = json.loads(json.dumps([finding_to_dict(f) for f in result.findings]))
        for got, want in zip(actual, expected["findings"], strict=True):
            assert got == want, f"household {index}, {want['program']}"
