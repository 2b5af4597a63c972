"""Home as a specialist reads it: the work to do, overdue first and flagged; a sentence
instead of an empty list; charts counted in whole numbers; only her own area."""

from collections.abc import Callable
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtGui import QColor

from caseworker.domain.codes import Program
from caseworker.domain.idnumber import check_character
from caseworker.interchange.household_format import parse_household
from caseworker.store.dashboard import DashboardStats
from caseworker.store.db import Store
from caseworker.store.households import save_household
from caseworker.store.search import search_households
from caseworker.ui.pages.dashboard_page import DashboardPage
from caseworker.ui.pages.dashboard_parts import URGENT_COLOUR, count_axis
from tests.conftest import VILLAGE
from tests.ui.conftest import DEMO_DAY


def test_screening_everyone_flags_households_likely_eligible_but_not_applied(
    qtbot: QtBot, county: Store
) -> None:
    page = DashboardPage(county, scope=None, today=lambda: DEMO_DAY)
    qtbot.addWidget(page)
    page.refresh()
    qtbot.waitUntil(lambda: page.stats is not None, timeout=10000)
    assert page.flagged.list.count() == 0  # nothing screened yet
    assert page.flagged.showing_hint
    assert "60" in page.summary.text()
    page.screen_everyone()
    assert not page.screen_all.isEnabled()  # one screening at a time
    qtbot.waitUntil(lambda: page.stats is not None and page.stats.flagged != [], timeout=20000)
    assert page.screen_all.isEnabled()
    flagged = {(head, program) for _, head, program in page.stats.flagged}
    assert ("朱国兵", Program.DIBAO_SINGLE_PERSON) in flagged  # the cancer patient
    # The stranded migrants applied and were approved: not "not yet applied".
    assert ("陈金松", Program.TEMPORARY_ASSISTANCE) not in flagged
    assert not any(head == "张学林" and p is Program.DIBAO for head, p in flagged)  # has Dibao
    assert page.flagged.list.count() == len(page.stats.flagged)
    assert not page.flagged.showing_hint


def test_the_household_list_filters_the_flagged_households(qtbot: QtBot, county: Store) -> None:
    from caseworker.ui.pages.households_page import HouseholdsPage

    page = DashboardPage(county, scope=None, today=lambda: DEMO_DAY)
    qtbot.addWidget(page)
    page.screen_everyone()
    qtbot.waitUntil(lambda: page.stats is not None and page.stats.flagged != [], timeout=20000)
    assert page.stats is not None
    flagged = {household_id for household_id, _, _ in page.stats.flagged}
    households = HouseholdsPage(county)
    qtbot.addWidget(households)
    households.flagged.setChecked(True)
    shown = {households.model.household_id(r) for r in range(households.model.rowCount())}
    assert shown == flagged


Make = Callable[..., dict[str, Any]]


def person(number: str, name: str) -> dict[str, Any]:
    """An elderly person living on a pension (reviewed yearly)."""
    return {
        "name": name,
        "id_number": number + check_character(number),
        "relation": "head",
        "labor_capacity": "none",
        "disability": {"type": "none", "grade": None},
        "serious_illness": "",
        "incomes": [{"kind": "basic_pension_rural", "monthly_yuan": "160.00"}],
    }


def opened_home(qtbot: QtBot, store: Store, *, scope: str | None = None) -> DashboardPage:
    page = DashboardPage(store, scope=scope, today=lambda: DEMO_DAY)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    page.refresh()
    qtbot.waitUntil(lambda: page.stats is not None, timeout=10000)
    return page


def test_overdue_reviews_and_applications_are_flagged_with_how_long_and_listed_first(
    qtbot: QtBot, store: Store, household_data: Make
) -> None:
    benefits = {
        "丁老汉": "2011-03-01",  # review due 2012-03-01
        "丙老汉": "2023-11-15",  # review due 2024-11-15
        "乙老汉": "2025-11-20",  # review due 2026-11-20, in 19 days
        "甲老汉": "2026-06-01",  # review due 2027-06-01: not listed yet
    }
    for n, (name, since) in enumerate(benefits.items()):
        data = household_data(
            members=[person(f"6104231940010100{n}", name)],
            benefits=[{"program": "dibao", "since": since, "category": "B", "monthly_yuan": "500"}],
        )
        save_household(store, parse_household(data))
    applied = {"超期久": "2026-07-01", "快到期": "2026-09-17", "新申请": "2026-10-26"}
    for n, (name, day) in enumerate(applied.items()):
        history = [{"stage": "applied", "date": day, "worker": "王建华", "note": ""}]
        data = household_data(
            members=[person(f"6104231950010100{n}", name)],
            applications=[{"program": "dibao", "history": history}],
        )
        save_household(store, parse_household(data))
    page = opened_home(qtbot, store)
    assert page.reviews.texts() == [
        "丁老汉 — 已逾期 14 年 8 个月\n应于 2012-03-01 复核",
        "丙老汉 — 已逾期 1 年 11 个月\n应于 2024-11-15 复核",
        "乙老汉 — 19 天后到期\n应于 2026-11-20 复核",
    ]
    assert page.deadlines.texts() == [
        "超期久 — 已超期 53 个工作日（超过最长时限）\n"
        "最低生活保障，2026-07-01 申请，现处于提出申请环节",
        "快到期 — 还剩 3 个工作日\n最低生活保障，2026-09-17 申请，现处于提出申请环节",
    ]
    red = QColor(URGENT_COLOUR)
    flags = ((page.reviews, [True, True, False]), (page.deadlines, [True, False]))
    for task_list, overdue in flags:
        items = [task_list.list.item(row) for row in range(task_list.list.count())]
        assert [item.foreground().color() == red for item in items] == overdue
        assert [item.font().bold() for item in items] == overdue
    assert page.boxes[0].title() == "到期复核（逾期 2 户，30 天内到期 1 户）"
    assert page.boxes[1].title() == "申请办理时限（超期 1 件，即将到期 1 件）"
    assert "申请 3" in page.stages.text()

    with qtbot.waitSignal(page.household_opened) as opened:
        page.reviews.list.itemActivated.emit(page.reviews.list.item(0))
    with store.read() as conn:
        assert opened.args == [search_households(conn, "丁老汉")[0].id]


def test_empty_lists_and_charts_say_there_is_nothing_to_do(qtbot: QtBot, store: Store) -> None:
    page = opened_home(qtbot, store)
    for task_list in (page.reviews, page.deadlines, page.flagged):
        assert task_list.showing_hint and task_list.hint.isVisible()
        assert not task_list.list.isVisible()
    assert page.reviews.hint.text() == "近期没有需要复核的家庭。"
    assert page.deadlines.hint.text() == "暂无在办申请。"
    assert "筛查全部家庭" in page.flagged.hint.text()  # what to do to fill it
    for chart in (page.by_program, page.by_village):
        assert chart.hint.isVisible() and "还没有享受救助的家庭" in chart.hint.text()


@pytest.mark.parametrize(
    ("largest", "ticks"),
    [
        (0, [0, 1]),
        (1, [0, 1]),
        (2, [0, 1, 2]),
        (7, [0, 2, 4, 6, 8]),
        (300, [0, 100, 200, 300]),
        (20_000, [0, 5000, 10_000, 15_000, 20_000]),
        (12_345, [0, 5000, 10_000, 15_000]),
    ],
)
def test_count_axes_tick_at_whole_numbers_sensibly_spaced(largest: int, ticks: list[int]) -> None:
    top, step = count_axis(largest)
    assert list(range(0, top + 1, step)) == ticks


def test_the_charts_count_in_whole_numbers_whatever_the_largest_count(
    qtbot: QtBot, store: Store
) -> None:
    from PySide6.QtCharts import QValueAxis

    page = opened_home(qtbot, store)
    for largest in (1, 2, 7, 300, 20_000):
        stats = DashboardStats(households=largest * 3)
        stats.beneficiary_households[Program.DIBAO] = largest
        stats.beneficiary_households[Program.TEMPORARY_ASSISTANCE] = max(largest // 3, 1)
        stats.beneficiaries_by_village = {"中街村": largest}
        page.stats = stats
        page.show_stats()
        for chart in (page.by_program, page.by_village):
            [axis] = [a for a in chart.view().chart().axes() if isinstance(a, QValueAxis)]
            assert axis.tickType() == QValueAxis.TickType.TicksDynamic
            assert axis.labelFormat() == "%d"
            assert axis.min() == 0 and axis.max() >= largest
            assert axis.tickInterval() == int(axis.tickInterval()) >= 1
            assert axis.max() % axis.tickInterval() == 0
            assert axis.max() / axis.tickInterval() <= 5


def test_a_village_worker_sees_only_her_villages_figures(qtbot: QtBot, county: Store) -> None:
    from caseworker.eligibility.library import PolicyLibrary
    from caseworker.eligibility.reviews import review_rules_by_county
    from caseworker.store.dashboard import dashboard_stats

    rules = review_rules_by_county(PolicyLibrary(), DEMO_DAY)
    with county.read() as conn:
        village = dashboard_stats(conn, scope=VILLAGE, today=DEMO_DAY, review_rules=rules)
    assert 0 < village.households < 60
    page = opened_home(qtbot, county, scope=VILLAGE)
    lines = page.summary.text().splitlines()
    assert lines[0].startswith(f"辖区共 {village.households} 户")
    # Every household is new on this laptop: all of hers, and none of the others', wait.
    assert lines[1].startswith(f"辖区有 {village.households} 户的修改尚未同步到县里")
    assert "本机还没有与县里同步过" in lines[1]


def decision_count(store: Store) -> int:
    with store.read() as conn:
        return int(conn.exec_driver_sql("SELECT COUNT(*) FROM decision").scalar_one())


def test_screening_everyone_ends_with_what_changed(qtbot: QtBot, county: Store) -> None:
    page = DashboardPage(county, scope=None, today=lambda: DEMO_DAY)
    qtbot.addWidget(page)
    steps: list[tuple[int, int]] = []
    task = page.screen_everyone()
    task.signals.progress.connect(lambda done, total: steps.append((done, total)))
    qtbot.waitUntil(lambda: page.screened.isVisibleTo(page), timeout=20000)
    assert page.screened.text() == "已筛查 60 户，其中 60 户结果有变化（含首次筛查）"
    assert decision_count(county) == 60
    assert steps and steps == sorted(steps) and steps[-1][0] == steps[-1][1]
    qtbot.waitUntil(lambda: page.screen_all.isEnabled(), timeout=10000)
    page.screen_everyone()
    qtbot.waitUntil(lambda: "其中 0 户" in page.screened.text(), timeout=20000)
    assert page.screened.text() == "已筛查 60 户，其中 0 户结果有变化（含首次筛查）"
    assert decision_count(county) == 60  # nothing changed: nothing new stored


def test_a_cancelled_screening_stores_nothing(qtbot: QtBot, county: Store) -> None:
    page = DashboardPage(county, scope=None, today=lambda: DEMO_DAY)
    qtbot.addWidget(page)
    page.screen_everyone()
    page.cancel.click()
    qtbot.waitUntil(lambda: page.screen_all.isEnabled(), timeout=20000)
    assert page.screened.text() == "已取消筛查，未保存任何结果"
    assert decision_count(county) == 0
