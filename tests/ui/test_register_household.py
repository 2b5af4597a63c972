"""Registering a household that comes to apply (新建家庭), in the real main window."""

from pytestqt.qtbot import QtBot
from sqlalchemy import text

from PySide6.QtCore import Qt

from caseworker.store.db import Store
from caseworker.store.households import load_household
from caseworker.store.search import search_households
from caseworker.store.workers import Worker, set_current_worker
from caseworker.ui.dialogs.register_household import RegisterHouseholdDialog
from caseworker.ui.main_window import HOUSEHOLD, HOUSEHOLDS, MainWindow
from caseworker.ui.settings import AppSettings
from tests.ui.conftest import DEMO_DAY

HEAD = ("刘建国", "610423198203150612")
SPOUSE = ("赵秀兰", "610423198507220923")
CHILD = ("刘小宇", "610423201009010012")


def window_for(qtbot: QtBot, store: Store, worker: Worker, settings: AppSettings) -> MainWindow:
    window = MainWindow(store, worker, settings, today=lambda: DEMO_DAY)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()  # shortcuts go to the active window
    qtbot.waitActive(window)
    window.warm_up.wait()
    qtbot.waitUntil(lambda: window.nav.page_actions[0].shortcut().toString() != "")
    return window


def fill(dialog: object, people: list[tuple[str, str, str]], address: str = "五组7号") -> None:
    dialog.address.setText(address)  # type: ignore[attr-defined]
    while len(dialog.rows) < len(people):  # type: ignore[attr-defined]
        dialog.new_row()  # type: ignore[attr-defined]
    for row, (name, number, relation) in zip(dialog.rows, people, strict=True):  # type: ignore[attr-defined]
        row.name.setText(name)
        row.id_number.setText(number)
        row.relation.set_code(relation)


def test_ctrl_n_on_the_list_registers_a_household_shown_at_once(
    qtbot: QtBot, county: Store, worker: Worker, settings: AppSettings
) -> None:
    window = window_for(qtbot, county, worker, settings)
    window.nav.setCurrentRow(HOUSEHOLDS)
    before = window.households.model.total
    qtbot.keyClick(window.households.search, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    [dialog] = window.households.findChildren(RegisterHouseholdDialog)
    assert dialog.isVisible()
    fill(dialog, [(*HEAD, "head"), (*SPOUSE, "spouse"), (*CHILD, "child")])
    assert "1982-03-15" in dialog.rows[0].derived.text()  # birth date read from the number
    assert "男" in dialog.rows[0].derived.text() and "女" in dialog.rows[1].derived.text()
    assert dialog.save()
    assert window.pages.currentIndex() == HOUSEHOLD
    page = window.household_page
    assert page is not None
    assert [m.name for m in page.editor.household.members] == ["刘建国", "赵秀兰", "刘小宇"]
    assert window.households.model.total == before + 1
    with county.read() as conn:
        [found] = search_households(conn, "刘建国")
        pending = conn.execute(text("SELECT household_id FROM outbox")).scalars().all()
    assert found.id in pending  # on its way to the county
    window.households.search.setText("ljg")  # pinyin initials find it at once
    assert window.households.model.total == 1


def test_a_refused_household_shows_each_problem_at_its_row_and_saves_nothing(
    qtbot: QtBot, county: Store, worker: Worker, settings: AppSettings
) -> None:
    window = window_for(qtbot, county, worker, settings)
    dialog = window.households.register_household()
    with county.read() as conn:
        someone = load_household(conn, search_households(conn, "张学林")[0].id)
    assert someone is not None
    taken = someone.members[0].id_number
    fill(
        dialog,
        [(*HEAD, "head"), ("张某", taken, "spouse"), (CHILD[0], "610423201009010013", "head")],
    )
    assert "校验" in dialog.rows[2].error.text()  # said as it is typed
    assert not dialog.save()
    assert dialog.isVisible()
    assert dialog.rows[1].error.text() and taken in dialog.rows[1].error.text()
    assert dialog.rows[2].error.text()
    with county.read() as conn:
        assert search_households(conn, "刘建国") == []


def test_a_village_specialist_registers_in_her_own_village_only(
    qtbot: QtBot, county: Store, settings: AppSettings
) -> None:
    village = "610423100201"
    worker = set_current_worker(county, name="李秀英", role="village", scope_code=village)
    window = window_for(qtbot, county, worker, settings)
    dialog = window.households.register_household()
    assert dialog.village.count() == 1 and dialog.village.currentData() == village
    assert not dialog.village.isEnabled()
    fill(dialog, [(*HEAD, "head")])
    dialog.village.setItemData(0, "610423100202")  # a crafted choice outside her area
    assert not dialog.save()
    assert "负责区域" in dialog.details.boxes["village_code"].error.text()


def test_esc_asks_before_throwing_away_a_half_typed_household(
    qtbot: QtBot, county: Store, worker: Worker, settings: AppSettings, answers: list[str]
) -> None:
    window = window_for(qtbot, county, worker, settings)
    empty = window.households.register_household()
    empty.reject()
    assert answers == [] and not empty.isVisible()  # nothing typed, nothing to ask
    dialog = window.households.register_household()
    dialog.rows[0].name.setText("刘建国")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert answers and "放弃" in answers[-1]
