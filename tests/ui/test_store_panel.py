"""Settings shows how much disk the records take and when the store was last compacted,
and compacts it on request without blocking the window."""

from pytestqt.qtbot import QtBot

from caseworker.store.db import Store
from caseworker.store.workers import Worker
from caseworker.ui.main_window import SETTINGS
from caseworker.ui.settings import AppSettings
from tests.ui.test_register_household import window_for


def test_settings_shows_the_store_size_and_compacts_it(
    qtbot: QtBot, county: Store, worker: Worker, settings: AppSettings
) -> None:
    window = window_for(qtbot, county, worker, settings)
    window.nav.setCurrentRow(SETTINGS)
    panel = window.settings_page.store_panel
    assert panel.isVisible()
    assert panel.title() == "本机记录"
    assert panel.size_value.text().endswith(("KB", "MB"))
    assert panel.compacted_value.text() == "从未整理"
    task = panel.compact_now()
    assert task is not None and not panel.compact_button.isEnabled()
    qtbot.waitUntil(lambda: panel.compact_button.isEnabled(), timeout=20000)
    assert panel.result.text().startswith("整理完成：整理前")
    assert panel.compacted_value.text()[:4].isdigit()  # a date and time now
