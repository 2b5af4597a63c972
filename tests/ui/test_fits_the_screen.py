"""Nothing is cut off on a 1366x768 laptop screen, at 100% and at 150% scaling, and in
large type at 100%: every page
of the main window, the visit form and the dialogs fit the screen (their content scrolls
if it must), and the window opens maximised there.

Qt reads the scale factor when it starts, so each scale is checked in its own process.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def probe() -> dict[str, object]:
    """Run inside the child process: open everything, report what does not fit."""
    import tempfile
    from datetime import date

    from PySide6.QtCore import QThreadPool
    from PySide6.QtWidgets import QApplication, QWidget

    from caseworker.demo.generator import generate_households
    from caseworker.demo.places import demo_regions
    from caseworker.store.db import open_store
    from caseworker.store.households import save_households
    from caseworker.store.search import search_households
    from caseworker.store.workers import set_current_worker
    from caseworker.ui.main_window import MainWindow
    from caseworker.ui.qt_app import create_app
    from caseworker.ui.settings import AppSettings

    day = date(2026, 11, 1)
    tmp = Path(tempfile.mkdtemp())
    settings = AppSettings(tmp / "settings.ini")
    settings.type_size = os.environ.get("TYPE_SIZE", "normal")
    app = create_app(settings)
    store = open_store(tmp / "store.db")
    save_households(store, generate_households(40, seed=3, as_of=day), regions=demo_regions())
    worker = set_current_worker(store, name="王建华", role="village", scope_code=None)
    window = MainWindow(store, worker, settings, today=lambda: day)
    window.show_on_screen()
    free = app.primaryScreen().availableGeometry()
    too_big: dict[str, list[int]] = {}

    def check(name: str, widget: QWidget) -> None:
        for _ in range(5):
            QThreadPool.globalInstance().waitForDone()
            QApplication.processEvents()
        hint = widget.minimumSizeHint().expandedTo(widget.minimumSize())
        size = widget.frameGeometry()
        if (
            hint.width() > free.width()
            or hint.height() > free.height()
            or size.width() > free.width()
            or size.height() > free.height()
        ):
            too_big[name] = [max(hint.width(), size.width()), max(hint.height(), size.height())]

    with store.read() as conn:
        household_id = search_households(conn, "张学林")[0].id
    window.open_household(household_id)
    for row in range(window.nav.count()):
        window.nav.page_actions[row].trigger()
        check(f"page {row + 1} {window.nav.item(row).text()}", window)
    page = window.open_household(household_id)
    assert page is not None
    form = window.new_visit(household_id)
    for step in range(form.pages.count()):
        form.go_to_step(step)
        check(f"visit step {step + 1}", form)
    form.close()
    check("register household", window.households.register_household())
    member = page.edit_member(0)
    assert member is not None
    check("member", member)
    check("household details", page.edit_household_info())
    check("new application", page.start_application(None))
    check("property", page.edit_assets())
    # The evidence tab with a removed file (its "show removed" box appears), in both
    # languages; then the window back in Chinese.
    from caseworker.ui.i18n import install_language
    from tests.sync.attachment_helpers import attach, pdf_bytes, remove

    removed = attach(store, household_id, pdf_bytes(2000, seed=1))
    remove(store, removed.id)
    attach(store, household_id, pdf_bytes(2000, seed=2))
    window.open_household_evidence(household_id)
    check("evidence with a removed file", window)
    install_language("en")
    check("evidence with a removed file, in English", window)
    install_language("zh_CN")
    window.nav.page_actions[0].trigger()
    check("home after English", window)
    return {
        "screen": [free.width(), free.height()],
        "maximised": window.isMaximized(),
        "too_big": too_big,
    }


@pytest.mark.slow
@pytest.mark.parametrize(
    ("scale", "type_size"),
    [("1", "normal"), ("1.5", "normal"), ("1", "large"), ("1", "extra_large")],
)
def test_every_page_and_dialog_fits_a_laptop_screen(
    tmp_path: Path, scale: str, type_size: str
) -> None:
    config = tmp_path / "screen.json"
    screen = {"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768, "dpr": 1}
    config.write_text(json.dumps({"screens": [screen]}))
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
        "QT_SCALE_FACTOR": scale,
        "TYPE_SIZE": type_size,
    }
    command = [sys.executable, "-c", f"import json, {__name__} as t; print(json.dumps(t.probe()))"]
    done = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["maximised"], report
    assert report["too_big"] == {}, report
