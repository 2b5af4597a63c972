"""When the store file itself fails (the disk is full, the file cannot be written), the
specialist reads what happened in words, nothing is half-saved, and what she typed stays."""

import sys

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from caseworker.store.db import Store
from caseworker.store.workers import Worker
from caseworker.ui.dialogs.register_household import RegisterHouseholdDialog
from caseworker.ui.error_hook import install_error_hook
from caseworker.ui.main_window import HOUSEHOLDS
from caseworker.ui.pages.dashboard_page import DashboardPage
from caseworker.ui.settings import AppSettings
from tests.ui.conftest import DEMO_DAY
from tests.ui.test_dashboard import decision_count
from tests.ui.test_register_household import HEAD, SPOUSE, fill, window_for


def on_every_connection(store: Store, pragma: str) -> None:
    """Every connection the store makes from now on runs ``pragma`` first."""
    store.engine.dispose()

    def run(dbapi_connection: object, _record: object) -> None:
        dbapi_connection.execute(pragma)  # type: ignore[attr-defined]

    event.listen(store.engine, "connect", run)


def fill_the_disk(store: Store) -> None:
    """From now on the store file cannot grow by a page, as on a full disk (SQLite answers
    SQLITE_FULL either way)."""
    with store.raw() as conn:  # no free pages left inside the file either
        conn.execute("VACUUM")
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
    on_every_connection(store, f"PRAGMA max_page_count = {pages}")


def household_count(store: Store) -> int:
    with store.read() as conn:
        return int(conn.exec_driver_sql("SELECT count(*) FROM household").scalar_one())


def test_screening_everyone_on_a_full_disk_says_so_and_stores_nothing(
    qtbot: QtBot, county: Store
) -> None:
    page = DashboardPage(county, scope=None, today=lambda: DEMO_DAY)
    qtbot.addWidget(page)
    fill_the_disk(county)
    page.screen_everyone()
    qtbot.waitUntil(lambda: page.screen_all.isEnabled(), timeout=20000)
    said = page.screened.text()
    assert "筛查中断" in said and "磁盘已满" in said and "原有数据没有改动" in said, said
    assert "sqlite" not in said.lower() and "INSERT" not in said
    assert decision_count(county) == 0


@pytest.mark.qt_no_exception_capture
def test_a_store_that_cannot_be_written_says_so_and_keeps_what_was_typed(
    qtbot: QtBot,
    county: Store,
    worker: Worker,
    settings: AppSettings,
    answers: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back after the test
    install_error_hook()
    window = window_for(qtbot, county, worker, settings)
    window.nav.setCurrentRow(HOUSEHOLDS)
    qtbot.keyClick(window.households.search, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    [dialog] = window.households.findChildren(RegisterHouseholdDialog)
    fill(dialog, [(*HEAD, "head"), (*SPOUSE, "spouse")])
    before = household_count(county)
    on_every_connection(county, "PRAGMA query_only = 1")  # as on a write-protected drive

    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    assert any("无法写入" in said and "没有保存" in said for said in answers), answers
    assert not any("sqlite" in said.lower() or "INSERT" in said for said in answers)
    assert dialog.isVisible()
    assert [row.name.text() for row in dialog.rows[:2]] == [HEAD[0], SPOUSE[0]]
    assert household_count(county) == before


def test_the_window_says_a_store_without_a_password_is_only_a_demo(
    qtbot: QtBot, county: Store, worker: Worker, settings: AppSettings
) -> None:
    window = window_for(qtbot, county, worker, settings)
    assert not county.encrypted
    assert window.demo_label.isVisible()
    assert "演示" in window.demo_label.text() and "未加密" in window.demo_label.text()
