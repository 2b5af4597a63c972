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
from caseworker.ui.startup_probe import MODULES_MARKER
from tests.ui.conftest import DEMO_DAY

# Not needed to draw the main window: each would add to the wait at every start.
HEAVY = ("sqlalchemy", "sqlmodel", "pydantic", "alembic", "reportlab", "PySide6.QtCharts")

# What benchmarks/ui.py times, with the modules loaded by the first paint reported too.
FIRST_PAINT = """
import sys
from pathlib import Path
from caseworker.ui.startup_probe import show_main_window
show_main_window(Path(sys.argv[1]), bytes.fromhex(sys.argv[2]), Path(sys.argv[3]), True)
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
    [modules] = [x for x in done.stdout.splitlines() if x.startswith(MODULES_MARKER + " ")]
    loaded = set(json.loads(modules.split(" ", 1)[1]))
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


# The app as `make run` starts it on the demo store, reporting the modules loaded by the
# first window it draws (the first-run dialog: no worker and no password yet).
FIRST_RUN = """
import sys
from pathlib import Path
import caseworker.ui.app as app_module
from caseworker.ui.startup_probe import _FirstPaint

def report_first_paint(app):
    app.installEventFilter(_FirstPaint(app, None, with_modules=True))

app_module.install_if_asked = report_first_paint
app_module.run_app(Path(sys.argv[1]))
"""


def test_the_first_run_dialog_loads_no_heavy_library(tmp_path: Path, store: Store) -> None:
    path = store.path
    store.close()
    done = subprocess.run(
        [sys.executable, "-c", FIRST_RUN, str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr
    [shown] = [x for x in done.stdout.splitlines() if x.startswith("CASEWORKER_SHOWN ")]
    assert shown.endswith("FirstRunDialog")
    [modules] = [x for x in done.stdout.splitlines() if x.startswith(MODULES_MARKER + " ")]
    loaded = set(json.loads(modules.split(" ", 1)[1]))
    assert not [m for m in HEAVY if m in loaded]
