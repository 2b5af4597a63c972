"""Start-up: the main window is drawn before the heavy libraries are loaded, and is usable
at once; the household list is built just after the first paint."""

import json
import os
import subprocess
import sys
from pathlib import Path

from pytestqt.qtbot import QtBot

from caseworker.security.signin import set_up
from caseworker.store.db import Store, open_store
from caseworker.store.workers import Worker, current_worker
from caseworker.ui.main_window import HOUSEHOLD, HOUSEHOLDS, MainWindow
from caseworker.ui.pages.households_page import HouseholdsPage
from caseworker.ui.settings import AppSettings
from tests.ui.conftest import DEMO_DAY

# Not needed to draw the main window: each would add to the wait at every start.
HEAVY = ("sqlalchemy", "sqlmodel", "pydantic", "alembic", "reportlab", "PySide6.QtCharts")

FIRST_PAINT = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QEvent, QObject, QTimer
from caseworker.store.db import open_store
from caseworker.store.workers import current_worker
from caseworker.ui.app import create_app
from caseworker.ui.main_window import MainWindow
from caseworker.ui.settings import AppSettings
settings = AppSettings(Path(sys.argv[3]))
app = create_app(settings)
store = open_store(Path(sys.argv[1]), key=bytes.fromhex(sys.argv[2]))
window = MainWindow(store, current_worker(store), settings)
class Probe(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and watched is window:
            window.removeEventFilter(self)
            print(json.dumps(sorted(sys.modules)), flush=True)
            QTimer.singleShot(0, app.quit)
        return False
probe = Probe()
window.installEventFilter(probe)
window.show()
app.exec()
"""


def test_the_first_paint_loads_no_heavy_library(
    tmp_path: Path, county: Store, worker: Worker
) -> None:
    path = county.path
    county.close()
    key, _ = set_up(path, worker_id=worker.id, worker_name=worker.name, password="a long password")
    done = subprocess.run(
        [sys.executable, "-c", FIRST_PAINT, str(path), key.hex(), str(tmp_path / "s.ini")],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr
    loaded = set(json.loads(done.stdout.splitlines()[-1]))
    assert "caseworker.ui.main_window" in loaded
    assert not [m for m in HEAVY if m in loaded]


def test_an_encrypted_store_at_the_newest_schema_opens_without_sqlalchemy(
    county: Store, worker: Worker
) -> None:
    path, device_id = county.path, county.device_id
    county.close()
    key, _ = set_up(path, worker_id=worker.id, worker_name=worker.name, password="a long password")
    store = open_store(path, key=key)
    try:
        assert store._engine is None  # made when first used
        assert store.device_id == device_id
        assert current_worker(store) == worker
        assert store.setting("device_id") == device_id  # and the engine works when asked
    finally:
        store.close()


def test_the_window_is_usable_and_the_list_comes_after_the_first_paint(
    qtbot: QtBot, county: Store, worker: Worker, settings: AppSettings
) -> None:
    window = MainWindow(county, worker, settings, today=lambda: DEMO_DAY)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: isinstance(window.pages.widget(HOUSEHOLDS), HouseholdsPage))
    qtbot.waitUntil(lambda: window.dashboard.stats is not None)
    assert not window.find_action.shortcut().isEmpty()
    window.nav.setCurrentRow(HOUSEHOLDS)
    assert window.pages.currentWidget() is window.households
    assert window.households.model.total == 60
    qtbot.keyClicks(window.households.search, "zxl")
    assert window.households.model.index(0, 0).data() == "张学林"
    window.households.table.doubleClicked.emit(window.households.model.index(0, 0))
    assert window.pages.currentIndex() == HOUSEHOLD


def test_the_list_opens_before_the_warm_up_too(
    qtbot: QtBot, county: Store, worker: Worker, settings: AppSettings
) -> None:
    window = MainWindow(county, worker, settings, today=lambda: DEMO_DAY)
    qtbot.addWidget(window)
    window.nav.setCurrentRow(HOUSEHOLDS)  # never shown: nothing was warmed
    assert window.pages.currentWidget() is window.households
    assert window.households.model.total == 60
