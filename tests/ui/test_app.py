from datetime import date

from pytestqt.qtbot import QtBot

from caseworker.demo.generator import generate_households
from caseworker.demo.places import demo_regions
from caseworker.store.db import Store
from caseworker.store.households import save_households
from caseworker.ui.app import MainWindow


def test_the_window_lists_households_and_searches_by_initials(qtbot: QtBot, store: Store) -> None:
    save_households(
        store, generate_households(30, seed=5, as_of=date(2026, 11, 1)), regions=demo_regions()
    )
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    assert window.model.rowCount() == 30
    qtbot.keyClicks(window.search, "zxl")
    assert window.model.rowCount() == 1
    assert window.model.index(0, 0).data() == "张学林"
