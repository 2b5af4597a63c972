"""Take the screenshots in docs/screenshots from demo data (headless).

QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/take.py
"""

import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from PySide6.QtCore import QCoreApplication, QThreadPool  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from caseworker.demo.generator import generate_households  # noqa: E402
from caseworker.demo.places import demo_regions  # noqa: E402
from caseworker.store.db import open_store  # noqa: E402
from caseworker.store.households import save_households  # noqa: E402
from caseworker.store.search import search_households  # noqa: E402
from caseworker.store.workers import set_current_worker  # noqa: E402
from caseworker.ui.app import create_app  # noqa: E402
from caseworker.ui.i18n import install_language  # noqa: E402
from caseworker.ui.main_window import POLICY, SYNC, MainWindow  # noqa: E402
from caseworker.ui.settings import AppSettings  # noqa: E402

DAY = date(2026, 11, 1)
SIZE = (1280, 800)


def settle(app: QApplication) -> None:
    """Let background work and rendering (charts, PDF pages) finish before a picture."""
    for _ in range(30):
        QThreadPool.globalInstance().waitForDone()
        app.processEvents()
        time.sleep(0.03)


def shoot(widget: QWidget, name: str, app: QApplication) -> None:
    settle(app)
    widget.grab().save(str(HERE / f"{name}.png"))
    print(f"docs/screenshots/{name}.png")


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        settings = AppSettings(Path(tmp) / "settings.ini")
        settings.language = "zh_CN"
        app = create_app(settings)
        store = open_store(Path(tmp) / "demo.db")
        save_households(store, generate_households(400, seed=1, as_of=DAY), regions=demo_regions())
        worker = set_current_worker(store, name="王建华", role="village", scope_code=None)
        window = MainWindow(store, worker, settings, today=lambda: DAY)
        window.resize(*SIZE)
        window.show()
        task = window.dashboard.screen_everyone()
        task.signals.finished.connect(lambda: None)
        settle(app)
        shoot(window, "home", app)
        window.focus_search()
        window.households.search.setText("zhang")
        shoot(window, "households", app)
        with store.read() as conn:
            zhang = search_households(conn, "张学林")[0].id
            chen = search_households(conn, "陈宗良")[0].id
        window.open_household(zhang)
        shoot(window, "household", app)
        page = window.open_household(chen)
        assert page is not None
        page.tabs.setCurrentIndex(6)
        shoot(window, "applications", app)
        form = window.new_visit(chen)
        form.resize(1000, 640)
        form.conclusion.setPlainText("儿子已返岗务工，家庭人均收入超过低保标准，建议按渐退办理")
        form.steps.setCurrentRow(7)
        shoot(form, "visit-form", app)
        form.close()
        window.open_household(zhang)
        centre = window.open_print_centre()
        centre.form.setCurrentIndex(centre.form.findData("dibao-application"))
        centre.preview()
        settle(app)
        shoot(window, "print-centre", app)
        window.nav.setCurrentRow(POLICY)
        policy = window.policy_page
        policy.parameter.setCurrentIndex(policy.parameter.findData("dibao.standard.rural"))
        policy.value.setText("450.00")
        policy.run_what_if()
        settle(app)
        shoot(window, "policy", app)
        window.nav.setCurrentRow(SYNC)
        shoot(window, "sync", app)
        install_language("en")
        QCoreApplication.processEvents()
        window.nav.setCurrentRow(0)
        shoot(window, "home-en", app)
        window.close()
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
