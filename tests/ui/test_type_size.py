"""Large type: a person with weaker eyes chooses 大 or 特大 in Settings; the whole app
grows at once, headings with it, and the choice is remembered."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtWidgets import QApplication

from caseworker.store.db import Store
from caseworker.store.search import search_households
from caseworker.store.workers import Worker
from caseworker.ui.fonts import apply_type_size
from caseworker.ui.main_window import MainWindow
from caseworker.ui.settings import AppSettings
from tests.ui.conftest import DEMO_DAY


@pytest.fixture
def normal_type_after() -> Iterator[None]:
    yield
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_type_size(app, "normal")  # the other tests read the app in normal type


def test_large_type_applies_to_the_whole_app_at_once_and_is_remembered(
    qtbot: QtBot,
    county: Store,
    worker: Worker,
    settings: AppSettings,
    tmp_path: Path,
    normal_type_after: None,
) -> None:
    window = MainWindow(county, worker, settings, today=lambda: DEMO_DAY)
    qtbot.addWidget(window)
    window.show()
    with county.read() as conn:
        page = window.open_household(search_households(conn, "张学林")[0].id)
    assert page is not None
    members = page.members
    before = (members.font().pointSize(), page.title.fontInfo().pointSize())
    choice = window.settings_page.type_size
    assert [choice.itemText(i) for i in range(choice.count())] == ["标准", "大", "特大"]

    choice.setCurrentIndex(choice.findData("large"))
    QApplication.processEvents()  # Qt tells each widget of the new font by an event
    assert (members.font().pointSize(), page.title.fontInfo().pointSize()) > before
    assert members.font().pointSize() == 12
    assert AppSettings(tmp_path / "settings.ini").type_size == "large"  # read afresh

    choice.setCurrentIndex(choice.findData("extra_large"))
    QApplication.processEvents()
    assert members.font().pointSize() == 15
    assert page.title.fontInfo().pointSize() == 27  # a heading grows with the type
