"""Each level records its own stages of an application: the village takes it and visits,
the township reviews and publishes, the county decides; a wrong level is refused in words
and nothing is written."""

from collections.abc import Callable
from typing import Any

import pytest

from caseworker.domain.codes import Program, Stage, WorkerRole
from caseworker.domain.validation import ValidationFailed
from caseworker.interchange.household_format import parse_household
from caseworker.operations.applications import record_stage, start_application, start_review
from caseworker.store.db import Store
from caseworker.store.households import load_household, save_household

Make = Callable[..., dict[str, Any]]
ENTRY = {"date": "2026-11-02", "worker": "张明", "note": "意见"}


def test_only_the_village_takes_an_application(store: Store, household_data: Make) -> None:
    h = parse_household(household_data())
    save_household(store, h)
    with pytest.raises(ValidationFailed) as refused:
        start_application(store, h.id, program=Program.DIBAO, entry=ENTRY, role=WorkerRole.COUNTY)
    [error] = refused.value.errors
    assert error.code == "stage_role"
    assert "“提出申请”由村级社会救助专干记录，县级民政干部不能记录" in error.message_zh
    with store.read() as conn:
        assert load_household(conn, h.id).applications == []  # type: ignore[union-attr]
    with pytest.raises(ValidationFailed):
        start_review(store, h.id, program=Program.DIBAO, entry=ENTRY, role=WorkerRole.COUNTY)


@pytest.mark.parametrize(
    ("stage", "wrong", "right"),
    [
        (Stage.INVESTIGATION, WorkerRole.TOWNSHIP, WorkerRole.VILLAGE),
        (Stage.TOWNSHIP_REVIEW, WorkerRole.VILLAGE, WorkerRole.TOWNSHIP),
    ],
)
def test_each_stage_is_recorded_by_its_level(
    store: Store, household_data: Make, stage: Stage, wrong: WorkerRole, right: WorkerRole
) -> None:
    h = parse_household(household_data())
    save_household(store, h)
    start_application(store, h.id, program=Program.DIBAO, entry=ENTRY, role=WorkerRole.VILLAGE)
    with store.read() as conn:
        app = load_household(conn, h.id).applications[0]  # type: ignore[union-attr]
    if stage is Stage.TOWNSHIP_REVIEW:
        visit = {**ENTRY, "stage": Stage.INVESTIGATION.value}
        record_stage(store, h.id, app.id, visit, role=WorkerRole.VILLAGE)
    entry = {**ENTRY, "stage": stage.value}
    with pytest.raises(ValidationFailed) as refused:
        record_stage(store, h.id, app.id, entry, role=wrong)
    assert refused.value.errors[0].code == "stage_role"
    record_stage(store, h.id, app.id, entry, role=right)
    with store.read() as conn:
        assert load_household(conn, h.id).applications[0].stage is stage  # type: ignore[union-attr]
