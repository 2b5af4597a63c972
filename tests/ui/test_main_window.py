"""The main window as a specialist finds it: every page opens, by click and by Ctrl+1..7,
and the window remembers how it was left."""

from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt

from caseworker.store.db import Store
from caseworker.store.search import search_households
from caseworker.store.workers import Worker
from caseworker.ui.main_window import HOUSEHOLD, SYNC, MainWindow
from caseworker.ui.settings import AppSettings
from tests.ui.conftest import DEMO_DAY


def active_window(qtbot: QtBot, county: Store, worker: Worker, settings: AppSettings) -> MainWindow:
    window = MainWindow(county, worker, settings, today=lambda: DEMO_DAY)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.waitUntil(lambda: window.nav.page_actions[0].shortcut().toString() != "")
    return window


def test_every_page_opens_by_its_shortcut_in_the_order_of_the_list(
    qtbot: QtBot, county: Store, worker: Worker, settings: AppSettings
) -> None:
    window = active_window(qtbot, county, worker, settings)
    with county.read() as conn:
        window.open_household(search_households(conn, "张学林")[0].id)
    for row in reversed(range(window.nav.count())):
        key = getattr(Qt.Key, f"Key_{row + 1}")
        qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
        assert window.pages.currentIndex() == row
        assert window.nav.currentRow() == row
        page = window.pages.currentWidget()
        assert page is not None and page.isVisible()
        assert f"Ctrl+{row + 1}" in window.nav.item(row).toolTip()
    assert window.household_page is not None
    assert window.pages.widget(HOUSEHOLD) is window.household_page


def test_the_sync_page_opens_from_the_navigation(
    qtbot: QtBot, county: Store, worker: Worker, settings: AppSettings
) -> None:
    window = active_window(qtbot, county, worker, settings)
    item = window.nav.item(SYNC)
    rect = window.nav.visualItemRect(item)
    qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.pages.currentIndex() == SYNC
    assert window.pages.currentWidget() is window.sync_page
    assert window.sync_page.isVisible()


def test_the_window_comes_back_as_it_was_left(
    qtbot: QtBot, county: Store, worker: Worker, settings: AppSettings
) -> None:
    window = MainWindow(county, worker, settings, today=lambda: DEMO_DAY)
    qtbot.addWidget(window)
    window.show_on_screen()
    window.showNormal()
    window.setGeometry(30, 40, 700, 520)  # the headless screen is 800x600
    window.close()
    again = MainWindow(county, worker, settings, today=lambda: DEMO_DAY)
    qtbot.addWidget(again)
    again.show_on_screen()
    assert (again.width(), again.height()) == (700, 520)
