from pytestqt.qtbot import QtBot

from caseworker.domain.codes import Program
from caseworker.store.db import Store
from caseworker.ui.pages.dashboard_page import DashboardPage
from tests.ui.conftest import DEMO_DAY


def test_screening_everyone_flags_households_likely_eligible_but_not_applied(
    qtbot: QtBot, county: Store
) -> None:
    page = DashboardPage(county, scope=None, today=lambda: DEMO_DAY)
    qtbot.addWidget(page)
    page.refresh()
    qtbot.waitUntil(lambda: page.stats is not None, timeout=10000)
    assert page.flagged.count() == 0  # nothing screened yet
    assert "60" in page.summary.text()
    page.screen_everyone()
    assert not page.screen_all.isEnabled()  # one screening at a time
    qtbot.waitUntil(lambda: page.stats is not None and page.stats.flagged != [], timeout=20000)
    assert page.screen_all.isEnabled()
    flagged = {(head, program) for _, head, program in page.stats.flagged}
    assert ("朱国兵", Program.DIBAO_SINGLE_PERSON) in flagged  # the cancer patient
    assert ("陈金松", Program.TEMPORARY_ASSISTANCE) not in flagged  # approved already
    assert not any(head == "张学林" and p is Program.DIBAO for head, p in flagged)  # has Dibao
    assert page.flagged.count() == len(page.stats.flagged)


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
