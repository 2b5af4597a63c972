"""Printed documents say what the household's data and policy say on the print day, even
when an older screening was stored before the data changed."""

from datetime import date
from pathlib import Path

import pytest

from caseworker.demo.generator import generate_households
from caseworker.demo.places import demo_regions
from caseworker.domain.codes import IncomeKind, Program, Stage, WorkerRole
from caseworker.domain.records import Household, IncomeItem
from caseworker.eligibility.findings import Status
from caseworker.operations.applications import record_stage, start_review
from caseworker.operations.findings import CurrentFindings
from caseworker.operations.printing import PrintJob, print_job
from caseworker.printing.errors import PrintError
from caseworker.screening import Screener
from caseworker.store.db import Store
from caseworker.store.decisions import latest_screening
from caseworker.store.households import load_household, save_household, save_households
from caseworker.store.search import search_households
from tests.printing.helpers import page_texts

DAY = date(2026, 11, 1)

VILLAGE, TOWNSHIP, COUNTY = WorkerRole.VILLAGE, WorkerRole.TOWNSHIP, WorkerRole.COUNTY


@pytest.fixture
def zhang(store: Store) -> Household:
    """张学林's Dibao family, screened and recorded on ``DAY``."""
    save_households(store, generate_households(6, seed=11, as_of=DAY), regions=demo_regions())
    with store.read() as conn:
        household = load_household(conn, search_households(conn, "张学林")[0].id)
    assert household is not None
    Screener(store)(household, DAY)
    return household


def printed(store: Store, form: str, household: Household, out: Path) -> str:
    print_job(store, PrintJob(form, DAY, household_id=household.id), out)
    return "".join(page_texts(out.read_bytes()))


def test_a_recorded_screening_is_reused_only_for_the_same_data_policy_and_day(
    store: Store, zhang: Household
) -> None:
    with store.read() as conn:
        stored = latest_screening(conn, zhang.id)
        assert CurrentFindings.of_store(store, DAY)(conn, zhang) == stored
        next_day = CurrentFindings.of_store(store, date(2026, 11, 2))(conn, zhang)
    assert next_day.on == date(2026, 11, 2)


def test_after_an_income_rises_a_review_stops_the_benefit_and_the_notice_says_why(
    store: Store, zhang: Household, tmp_path: Path
) -> None:
    with pytest.raises(PrintError, match="no 'benefit stopped' decision"):
        printed(store, "notice-stoppage", zhang, tmp_path / "before.pdf")
    assert not (tmp_path / "before.pdf").exists()

    zhang.members[0].incomes = [
        IncomeItem("6f1f0c2e-5b1e-4d7a-9a55-2c7f3e4b9a01", IncomeKind.WAGE, 600_000)
    ]  # 6,000 yuan
    save_household(store, zhang)
    with store.read() as conn:
        today = CurrentFindings.of_store(store, DAY)(conn, zhang)
    assert today.finding(Program.DIBAO).status is Status.EXIT  # not a stale "continue"

    start_review(store, zhang.id, program=Program.DIBAO, entry={"date": "2026-11-01"}, role=VILLAGE)
    for stage, role, note in (
        (Stage.INVESTIGATION, VILLAGE, "入户核实：户主外出务工，月工资约6000元"),
        (Stage.TOWNSHIP_REVIEW, TOWNSHIP, "经审核，家庭人均收入超过低保标准，建议停发"),
        (Stage.COUNTY_DECISION, COUNTY, ""),
        (Stage.STOPPED, COUNTY, "家庭人均收入超过低保标准，停止保障"),
    ):
        with store.read() as conn:
            household = load_household(conn, zhang.id)
        assert household is not None
        review = household.applications[-1]
        entry = {"stage": stage.value, "date": "2026-11-01", "worker": "周敏", "note": note}
        record_stage(store, zhang.id, review.id, entry, role=role)

    notice = printed(store, "notice-stoppage", zhang, tmp_path / "after.pdf")
    assert "停止最低生活保障通知书" in notice and "原每月900.00元" in notice
    assert "审批意见：家庭人均收入超过低保标准，停止保障" in notice
    assert "不低于低保标准" in notice  # the day's screening says why
    with store.read() as conn:
        household = load_household(conn, zhang.id)
    assert household is not None
    assert not any(b.program is Program.DIBAO for b in household.benefits)
