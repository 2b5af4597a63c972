"""Working by keyboard: Tab follows what the eye reads in every form, Enter moves on, Esc
asks before anything typed is thrown away."""

from itertools import pairwise

from pytestqt.qtbot import QtBot

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QWidget

from caseworker.store.db import Store
from caseworker.store.search import search_households
from caseworker.store.workers import Worker
from caseworker.ui.main_window import MainWindow
from caseworker.ui.settings import AppSettings
from caseworker.ui.widgets.tab_order import reading_order
from tests.ui.conftest import DEMO_DAY


def tab_walk(root: QWidget) -> list[QWidget]:
    """The inputs Tab visits from the first one, in the order it visits them."""
    wanted = reading_order(root)
    seen: list[QWidget] = []
    widget = wanted[0]
    for _ in range(500):
        if widget in wanted and widget not in seen:
            seen.append(widget)
        widget = widget.nextInFocusChain()
        if widget is wanted[0]:
            break
    return seen


def settle(qtbot: QtBot) -> None:
    qtbot.wait(20)
    QApplication.processEvents()


def positions(widgets: list[QWidget], root: QWidget) -> list[tuple[int, int]]:
    return [(w.mapTo(root, QPoint(0, 0)).y(), w.mapTo(root, QPoint(0, 0)).x()) for w in widgets]


def assert_reading_order(root: QWidget) -> None:
    walked = tab_walk(root)
    assert walked == reading_order(root), positions(walked, root)
    tops = [y for y, _ in positions(walked, root)]
    # Never back up the page by more than a row's height.
    assert all(b >= a - 12 for a, b in pairwise(tops)), tops


def test_tab_follows_the_page_in_the_forms_a_specialist_fills_in(
    qtbot: QtBot, county: Store, worker: Worker, settings: AppSettings
) -> None:
    window = MainWindow(county, worker, settings, today=lambda: DEMO_DAY)
    qtbot.addWidget(window)
    window.show()
    register = window.households.register_household()
    register.new_row()
    register.new_row()
    settle(qtbot)
    assert_reading_order(register)
    walked = tab_walk(register)
    rows = register.rows
    assert walked.index(rows[0].name) < walked.index(rows[0].id_number) < walked.index(rows[1].name)

    with county.read() as conn:
        household_id = search_households(conn, "张学林")[0].id
    form = window.new_visit(household_id)
    for step in range(form.pages.count()):
        form.go_to_step(step)
        settle(qtbot)
        assert_reading_order(form)
    page = window.open_household(household_id)
    assert page is not None
    member = page.edit_member(0)
    assert member is not None
    settle(qtbot)
    assert_reading_order(member)


def test_enter_goes_to_the_next_step_of_a_visit(
    qtbot: QtBot, county: Store, worker: Worker, settings: AppSettings
) -> None:
    window = MainWindow(county, worker, settings, today=lambda: DEMO_DAY)
    qtbot.addWidget(window)
    window.show()
    with county.read() as conn:
        household_id = search_households(conn, "张学林")[0].id
    form = window.new_visit(household_id)
    form.investigator_2.setFocus()
    qtbot.keyClick(form.investigator_2, Qt.Key.Key_Return)
    assert form.steps.currentRow() == 1
    assert form.isVisible()  # nothing saved by accident
