"""Home on a 1366x768 laptop at 100% and 150%: no line of a list is cut off (the lists go
below each other when three do not fit side by side), the summary shows in full, and the
page scrolls rather than squeezing. Each scale in its own process (Qt reads it once)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def probe() -> dict[str, object]:
    """Run inside the child process: open home on demo data, report what is cut off."""
    import tempfile
    from datetime import date

    from PySide6.QtCore import QThreadPool
    from PySide6.QtWidgets import QApplication

    from caseworker.demo.generator import generate_households
    from caseworker.demo.places import demo_regions
    from caseworker.store.db import open_store
    from caseworker.store.households import save_households
    from caseworker.store.workers import set_current_worker
    from caseworker.ui.main_window import MainWindow
    from caseworker.ui.qt_app import create_app
    from caseworker.ui.settings import AppSettings

    day = date(2026, 11, 1)
    tmp = Path(tempfile.mkdtemp())
    settings = AppSettings(tmp / "settings.ini")
    app = create_app(settings)
    store = open_store(tmp / "store.db")
    save_households(store, generate_households(400, seed=1, as_of=day), regions=demo_regions())
    worker = set_current_worker(store, name="王建华", role="county", scope_code=None)
    window = MainWindow(store, worker, settings, today=lambda: day)
    window.show_on_screen()
    page = window.dashboard
    for _ in range(50):
        QThreadPool.globalInstance().waitForDone()
        QApplication.processEvents()
        if page.stats is not None:
            break
    for _ in range(5):
        QApplication.processEvents()
    cut: list[str] = []
    for task_list in (page.reviews, page.deadlines, page.flagged):
        view = task_list.list
        if view.horizontalScrollBar().maximum() > 0:
            cut.append(f"a line of {task_list.parentWidget().title()}")
    summary = page.summary
    if summary.heightForWidth(summary.width()) > summary.height():
        cut.append("the summary")
    free = app.primaryScreen().availableGeometry()
    return {
        "cut": cut,
        "lines": len(page.reviews.texts()) + len(page.deadlines.texts()),
        "columns": page.work.columns,
        "page_width": page.width(),
        "fits": window.frameGeometry().width() <= free.width(),
    }


@pytest.mark.slow
@pytest.mark.parametrize(("scale", "columns"), [("1", 3), ("1.5", 2)])
def test_home_fits_a_laptop_screen_without_cutting_a_line(
    tmp_path: Path, scale: str, columns: int
) -> None:
    config = tmp_path / "screen.json"
    screen = {"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768, "dpr": 1}
    config.write_text(json.dumps({"screens": [screen]}))
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
        "QT_SCALE_FACTOR": scale,
    }
    command = [sys.executable, "-c", f"import json, {__name__} as t; print(json.dumps(t.probe()))"]
    done = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["cut"] == [], report
    assert report["lines"] > 5 and report["fits"], report  # demo data fills the lists
    assert report["columns"] == columns, report
