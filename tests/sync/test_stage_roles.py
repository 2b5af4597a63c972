"""Each level records its own stages, at the county too: a village laptop that records the
county's approval (its own check bypassed, as a tampered laptop would) is refused with the
reason, the approval never reaches the county, and the county's own worker records it."""

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select

from caseworker.domain.codes import Program, Stage, WorkerRole
from caseworker.interchange.household_format import parse_household
from caseworker.operations.applications import record_stage, start_application
from caseworker.store.db import Store
from caseworker.store.households import load_household, save_household
from caseworker.sync.client import sync
from caseworker.sync.county.tables import RECORD
from caseworker.sync.quarantine import quarantined
from tests.sync.conftest import COUNTY, TOWNSHIP, CountyServer, enroll_laptop

Make = Callable[..., dict[str, Any]]
TODAY = date.today()


def county_stages(county: CountyServer, household_id: str) -> list[str]:
    with county.engine.connect() as conn:
        rows = conn.execute(select(RECORD).where(RECORD.c.household_id == household_id))
        return sorted(r.data["stage"] for r in rows if r.table_name == "application_stage")


def applied(laptop: Store, household_id: str) -> str:
    entry = {"date": TODAY.isoformat(), "worker": "王建华", "note": "申请低保"}
    start_application(
        laptop, household_id, program=Program.DIBAO, entry=entry, role=WorkerRole.VILLAGE
    )
    with laptop.read() as conn:
        household = load_household(conn, household_id)
    assert household is not None
    return household.applications[-1].id


def step(laptop: Store, household_id: str, app: str, stage: Stage, role: WorkerRole) -> None:
    entry = {"stage": stage.value, "date": TODAY.isoformat(), "worker": "周敏", "note": "同意"}
    if stage is Stage.APPROVED:
        entry["amount_yuan"] = "300.00"
    record_stage(laptop, household_id, app, entry, role=role)


def test_a_village_laptop_cannot_record_the_countys_stages(
    county: CountyServer, laptops: Callable[[str], Store], household_data: Make
) -> None:
    village, office = laptops("village"), laptops("office")
    enroll_laptop(county, village)
    enroll_laptop(county, office, role="county", scope=COUNTY, worker="周敏")
    h = parse_household(household_data())
    save_household(village, h)
    app = applied(village, h.id)
    step(village, h.id, app, Stage.INVESTIGATION, WorkerRole.VILLAGE)
    assert sync(village).synced
    # Tampered: the laptop records the township's and the county's stages itself.
    for stage, pretending in (
        (Stage.TOWNSHIP_REVIEW, WorkerRole.TOWNSHIP),
        (Stage.PUBLICITY, WorkerRole.TOWNSHIP),
        (Stage.COUNTY_DECISION, WorkerRole.COUNTY),
    ):
        step(village, h.id, app, stage, pretending)
    report = sync(village)
    assert report.rejected >= 1 and not report.synced
    [held] = quarantined(village)
    reasons = " ".join(e["message_zh"] + e["message_en"] for e in held.errors)
    assert (
        "“乡镇审核”由乡镇民政干部记录" in reasons and "this device belongs to a village" in reasons
    )
    assert county_stages(county, h.id) == ["applied", "investigation"]

    # The township and the county record theirs on their own laptops: accepted.
    township = laptops("township")
    enroll_laptop(county, township, role="township", scope=TOWNSHIP, worker="张明")
    assert sync(township).synced
    for stage in (Stage.TOWNSHIP_REVIEW, Stage.PUBLICITY):
        step(township, h.id, app, stage, WorkerRole.TOWNSHIP)
    assert sync(township).synced
    assert sync(office).synced
    for stage in (Stage.COUNTY_DECISION, Stage.APPROVED):
        step(office, h.id, app, stage, WorkerRole.COUNTY)
    assert sync(office).synced
    assert "approved" in county_stages(county, h.id)


def test_history_from_before_the_laptop_was_enrolled_comes_in_with_the_household(
    county: CountyServer, laptops: Callable[[str], Store], household_data: Make
) -> None:
    """A village's earlier files: an approval of last year arrives with the household on the
    first sync (it was not recorded on this laptop)."""
    village = laptops("village")
    enroll_laptop(county, village)
    long_ago = (TODAY - timedelta(days=400)).isoformat()
    history = [
        {"stage": "applied", "date": long_ago, "worker": "王建华", "note": ""},
        {"stage": "approved", "date": long_ago, "worker": "县民政局", "note": "同意",
         "amount_yuan": "300.00"},
    ]  # fmt: skip
    data = household_data(applications=[{"program": "dibao", "history": history}])
    h = parse_household(data)
    save_household(village, h)
    assert sync(village).synced
    assert county_stages(county, h.id) == ["applied", "approved"]


def test_an_appraisal_reaches_the_township_and_a_tampered_one_is_refused(
    county: CountyServer, laptops: Callable[[str], Store], household_data: Make
) -> None:
    """The village's appraisal record arrives at the township whole; one edited in the store
    file to claim more votes than people present is refused by the county in words."""
    village, township = laptops("village"), laptops("township")
    enroll_laptop(county, village)
    enroll_laptop(county, township, role="township", scope=TOWNSHIP, worker="张明")
    h = parse_household(household_data())
    save_household(village, h)
    app = applied(village, h.id)
    step(village, h.id, app, Stage.INVESTIGATION, WorkerRole.VILLAGE)
    record = {
        "place": "村委会议室", "attendees": "村民代表", "present": 9, "agree": 7,
        "disagree": 1, "abstain": 1, "outcome": "passed", "publicity_from": None,
        "publicity_to": None, "objections": [],
    }  # fmt: skip
    entry = {"stage": "appraisal", "date": TODAY.isoformat(), "worker": "王建华", "note": ""}
    record_stage(village, h.id, app, {**entry, "appraisal": record}, role=WorkerRole.VILLAGE)
    assert sync(village).synced
    assert sync(township).synced
    with township.read() as conn:
        arrived = load_household(conn, h.id)
    assert arrived is not None and arrived.applications[0].history[-1].appraisal is not None
    assert arrived.applications[0].history[-1].appraisal.agree == 7

    with village.begin() as conn:  # tampered: 20 votes for, 9 people present
        conn.exec_driver_sql(
            "UPDATE application_stage SET appraisal = json_set(appraisal, '$.agree', 20), "
            "version = version + 1 WHERE stage = 'appraisal'"
        )
        conn.exec_driver_sql(
            "INSERT INTO outbox (household_id, kind, recorded_at, state) "
            "VALUES (?, 'update', datetime('now'), 'pending')",
            (h.id,),
        )
    report = sync(village)
    assert report.rejected == 1
    [held] = quarantined(village)
    reasons = " ".join(e["message_zh"] + e["message_en"] for e in held.errors)
    assert "多于到会人数" in reasons
    with county.engine.connect() as conn:
        rows = conn.execute(select(RECORD).where(RECORD.c.table_name == "application_stage"))
        [stored] = [r.data["appraisal"] for r in rows if r.data["stage"] == "appraisal"]
    assert stored["agree"] == 7
