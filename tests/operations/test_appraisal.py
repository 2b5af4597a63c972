"""A democratic appraisal (民主评议) is recorded with its meeting: place, who took part, the
votes, the outcome, the village's publicity and the objections received. Bad records are
refused field by field; where the county's pack requires an appraisal, the township
reviews only an application that went through one."""

from collections.abc import Callable
from typing import Any

import pytest

from caseworker.domain.codes import AppraisalOutcome, Program, RegionLevel, Stage, WorkerRole
from caseworker.domain.records import Appraisal, Objection
from caseworker.domain.regions import Region
from caseworker.domain.validation import ValidationFailed
from caseworker.interchange.household_format import household_to_dict, parse_household
from caseworker.operations.applications import record_stage, start_application
from caseworker.store.db import Store
from caseworker.store.households import load_household, save_household
from caseworker.store.regions import add_regions

Make = Callable[..., dict[str, Any]]
ENTRY = {"date": "2026-11-02", "worker": "张明", "note": "情况属实"}
RECORD = {
    "place": "中街村村委会议室",
    "attendees": "村两委成员、党员代表、村民代表",
    "present": 15,
    "agree": 13,
    "disagree": 1,
    "abstain": 1,
    "outcome": "passed",
    "publicity_from": "2026-11-06",
    "publicity_to": "2026-11-12",
    "objections": [
        {
            "received_on": "2026-11-08",
            "summary": "邻居反映其子在外务工",
            "handling": "经核实已计入收入",
        }
    ],
}
JIANGAN = "420102001001"


def _investigated(store: Store, data: dict[str, Any]) -> tuple[str, str]:
    """A household saved with a Dibao application the village has investigated."""
    h = parse_household(data)
    save_household(store, h)
    start_application(store, h.id, program=Program.DIBAO, entry=ENTRY, role=WorkerRole.VILLAGE)
    with store.read() as conn:
        app = load_household(conn, h.id).applications[0]  # type: ignore[union-attr]
    visit = {**ENTRY, "date": "2026-11-03", "stage": Stage.INVESTIGATION.value}
    record_stage(store, h.id, app.id, visit, role=WorkerRole.VILLAGE)
    return h.id, app.id


def test_an_appraisal_is_recorded_with_its_meeting_and_reads_back(
    store: Store, household_data: Make
) -> None:
    hid, app_id = _investigated(store, household_data())
    entry = {**ENTRY, "date": "2026-11-05", "stage": "appraisal", "appraisal": RECORD}
    record_stage(store, hid, app_id, entry, role=WorkerRole.VILLAGE)
    with store.read() as conn:
        household = load_household(conn, hid)
    assert household is not None
    recorded = household.applications[0].history[-1]
    assert recorded.appraisal == Appraisal(
        place="中街村村委会议室",
        attendees="村两委成员、党员代表、村民代表",
        present=15,
        agree=13,
        disagree=1,
        abstain=1,
        outcome=AppraisalOutcome.PASSED,
        publicity_from=recorded.date.replace(day=6),
        publicity_to=recorded.date.replace(day=12),
        objections=[
            Objection(recorded.date.replace(day=8), "邻居反映其子在外务工", "经核实已计入收入")
        ],
    )
    # The household format carries it whole, and reads it back to the same record.
    data = household_to_dict(household)
    assert data["applications"][0]["history"][-1]["appraisal"] == RECORD
    assert parse_household(data) == household
    # Entries without one are written as before (no key), so their hash is unchanged.
    assert "appraisal" not in data["applications"][0]["history"][0]


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"agree": 14}, "appraisal.present", "同意、反对、弃权共16票，多于到会人数"),
        ({"present": 0}, "appraisal.present", ""),
        ({"outcome": "maybe"}, "appraisal.outcome", ""),
        ({"place": ""}, "appraisal.place", "必须填写"),
        ({"publicity_from": "2026-11-01"}, "appraisal.publicity_from", "不能早于评议日期"),
        ({"publicity_to": "2026-11-05"}, "appraisal.publicity_to", "应在公示开始日期之后"),
        (
            {"objections": [{"received_on": "2026-11-04", "summary": "异议"}]},
            "appraisal.objections[0].received_on",
            "不能早于评议日期",
        ),
        ({"votes": 3}, "appraisal.votes", "不是本格式的字段"),
    ],
)
def test_a_bad_appraisal_is_refused_at_its_field_and_nothing_is_written(
    store: Store, household_data: Make, change: dict[str, Any], field: str, words: str
) -> None:
    hid, app_id = _investigated(store, household_data())
    entry = {**ENTRY, "date": "2026-11-05", "stage": "appraisal", "appraisal": RECORD | change}
    with pytest.raises(ValidationFailed) as refused:
        record_stage(store, hid, app_id, entry, role=WorkerRole.VILLAGE)
    [error] = [e for e in refused.value.errors if e.field.startswith("entry.")]
    assert error.field == f"entry.{field}"
    assert words in error.message_zh and error.message_en
    with store.read() as conn:
        household = load_household(conn, hid)
    assert household is not None and household.applications[0].stage is Stage.INVESTIGATION


def test_only_an_appraisal_entry_carries_a_record(store: Store, household_data: Make) -> None:
    hid, app_id = _investigated(store, household_data())
    entry = {**ENTRY, "stage": "township_review", "appraisal": RECORD}
    with pytest.raises(ValidationFailed) as refused:
        record_stage(store, hid, app_id, entry, role=WorkerRole.TOWNSHIP)
    assert refused.value.errors[0].field == "entry.appraisal"
    assert "只有“民主评议”环节才有评议记录" in refused.value.errors[0].message_zh


def _jiangan(store: Store, household_data: Make) -> dict[str, Any]:
    with store.begin() as conn:
        add_regions(
            conn,
            [
                Region("420102", "江岸区", RegionLevel.COUNTY),
                Region("420102001", "大智街道", RegionLevel.TOWNSHIP, "420102"),
                Region(JIANGAN, "一社区", RegionLevel.VILLAGE, "420102001"),
            ],
        )
    return household_data(village_code=JIANGAN)


def test_where_the_pack_requires_it_the_township_reviews_only_after_an_appraisal(
    store: Store, household_data: Make
) -> None:
    hid, app_id = _investigated(store, _jiangan(store, household_data))
    review = {**ENTRY, "date": "2026-11-09", "stage": "township_review"}
    with pytest.raises(ValidationFailed) as refused:
        record_stage(store, hid, app_id, review, role=WorkerRole.TOWNSHIP)
    [error] = refused.value.errors
    assert error.code == "appraisal_first" and "本县要求先经村民主评议" in error.message_zh
    # An appraisal without its record is refused too; with it, the review follows.
    bare = {**ENTRY, "date": "2026-11-05", "stage": "appraisal"}
    with pytest.raises(ValidationFailed) as refused:
        record_stage(store, hid, app_id, bare, role=WorkerRole.VILLAGE)
    assert refused.value.errors[0].field == "entry.appraisal"
    record_stage(store, hid, app_id, {**bare, "appraisal": RECORD}, role=WorkerRole.VILLAGE)
    record_stage(store, hid, app_id, review, role=WorkerRole.TOWNSHIP)


def test_where_the_pack_does_not_require_it_the_township_may_review_at_once(
    store: Store, household_data: Make
) -> None:
    hid, app_id = _investigated(store, household_data())
    review = {**ENTRY, "date": "2026-11-09", "stage": "township_review"}
    record_stage(store, hid, app_id, review, role=WorkerRole.TOWNSHIP)
