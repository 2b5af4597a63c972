from pytestqt.qtbot import QtBot

from caseworker.domain.codes import Program
from caseworker.store.db import Store
from caseworker.ui.pages.policy_page import PolicyPage
from tests.ui.conftest import DEMO_DAY


def test_the_policy_in_force_shows_each_parameter_with_its_dates_and_references(
    qtbot: QtBot, county: Store
) -> None:
    page = PolicyPage(county, scope="610423", today=lambda: DEMO_DAY)
    qtbot.addWidget(page)
    page.load()
    assert page.policy is not None and "cn-610423-jingyang" in page.title.text()
    items = {
        page.tree.topLevelItem(i).text(0): page.tree.topLevelItem(i)
        for i in range(page.tree.topLevelItemCount())
    }
    standard = items["dibao.standard.rural"]
    assert standard.text(1) == "400.00"  # the value in force on the day
    dates = [standard.child(i).text(0) for i in range(standard.childCount())]
    assert any("2020-01-01" in d and "现行" in d for d in dates)
    assert "示例参数" in standard.child(standard.childCount() - 1).text(2)


def test_what_if_lists_the_households_whose_findings_change(qtbot: QtBot, county: Store) -> None:
    page = PolicyPage(county, scope=None, today=lambda: DEMO_DAY)
    qtbot.addWidget(page)
    page.load()
    page.parameter.setCurrentIndex(page.parameter.findData("dibao.standard.rural"))
    assert page.value.text() == "400.00"
    page.value.setText("800.00")
    task = page.run_what_if()
    assert task is not None
    qtbot.waitUntil(lambda: page.result is not None, timeout=20000)
    assert page.result is not None and page.result.households == 60
    brought_in = page.result.summary[Program.DIBAO].brought_in
    assert brought_in > 0 and "60" in page.summary.text()
    assert page.changes.rowCount() == len(page.result.changes) > 0
    page.value.setText("-3")
    page.run_what_if()
    qtbot.waitUntil(lambda: page.error.text() != "", timeout=20000)
    assert "dibao.standard.rural" in page.error.text()
