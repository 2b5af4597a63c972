"""Fixtures for driving the real widgets on a real temporary database."""

import gc
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from PySide6.QtWidgets import QApplication

from caseworker.demo.generator import generate_households
from caseworker.demo.places import demo_regions
from caseworker.domain.codes import Stage, WorkerRole
from caseworker.store.db import Store
from caseworker.store.households import save_households
from caseworker.store.workers import Worker, set_current_worker
from caseworker.ui import ask
from caseworker.ui.collector import collect_on_gui_thread
from caseworker.ui.i18n import install_language
from caseworker.ui.pages.household_page import HouseholdPage
from caseworker.ui.settings import AppSettings

DEMO_DAY = date(2026, 11, 1)

# The level whose worker records each stage, as the procedure has it: a test that walks an
# application through every stage hands the household page to that level's worker.
LEVEL = {
    Stage.APPLIED: WorkerRole.VILLAGE,
    Stage.REVIEW: WorkerRole.VILLAGE,
    Stage.INVESTIGATION: WorkerRole.VILLAGE,
    Stage.APPRAISAL: WorkerRole.VILLAGE,
    Stage.TOWNSHIP_REVIEW: WorkerRole.TOWNSHIP,
    Stage.PUBLICITY: WorkerRole.TOWNSHIP,
    Stage.COUNTY_DECISION: WorkerRole.COUNTY,
    Stage.APPROVED: WorkerRole.COUNTY,
    Stage.REFUSED: WorkerRole.COUNTY,
    Stage.CHANGED: WorkerRole.COUNTY,
    Stage.STOPPED: WorkerRole.COUNTY,
}


def screened_page(qtbot: object, county: Store, head: str) -> HouseholdPage:
    """The household page of the household whose head is ``head``, screened on the demo
    day, as the village specialist opens it."""
    from caseworker.screening import Screener
    from caseworker.store.search import search_households
    from caseworker.ui.household_editor import HouseholdEditor

    with county.read() as conn:
        household_id = search_households(conn, head)[0].id
    editor = HouseholdEditor.load(county, household_id)
    assert editor is not None
    page = HouseholdPage(
        editor,
        worker="王建华",
        role=WorkerRole.VILLAGE,
        today=lambda: DEMO_DAY,
        screener=Screener(county),
    )
    qtbot.addWidget(page)  # type: ignore[attr-defined]
    return page


def at_the_level_of(page: "HouseholdPage", stage: Stage) -> None:
    """The worker of the level that records ``stage`` has the household page."""
    page.role = LEVEL[stage]


@pytest.fixture
def county(store: Store) -> Store:
    """The store with 60 demo households (the seed-article stories first)."""
    save_households(store, generate_households(60, seed=11, as_of=DEMO_DAY), regions=demo_regions())
    return store


@pytest.fixture
def worker(county: Store) -> Worker:
    return set_current_worker(county, name="王建华", role="village", scope_code=None)


@pytest.fixture
def settings(tmp_path: Path) -> AppSettings:
    return AppSettings(tmp_path / "settings.ini")


@pytest.fixture(autouse=True, scope="session")
def garbage_collected_on_the_gui_thread(qapp: QApplication) -> Iterator[None]:
    """As in the app (``ui/collector.py``): never in a worker thread."""
    collect_on_gui_thread(qapp)
    yield
    gc.enable()


@pytest.fixture(autouse=True)
def garbage_of_a_test_collected_after_it() -> Iterator[None]:
    yield
    gc.collect()  # on the GUI thread, before the next test starts work in the background
    # What survives is left out of later collections: each then looks only at the next
    # test's objects, not the whole suite's heap (3-4 s a test late in a full run).
    gc.freeze()


@pytest.fixture(autouse=True, scope="session")
def background_work_ends_before_python(qapp: object) -> Iterator[None]:
    """Work still running on Qt's thread pool when the tests end (a backup, a refresh)
    would touch Python objects while the interpreter is being torn down: wait for it."""
    yield
    from PySide6.QtCore import QCoreApplication, QThreadPool

    QThreadPool.globalInstance().waitForDone()
    QCoreApplication.processEvents()


@pytest.fixture(autouse=True)
def chinese(qapp: object) -> Iterator[None]:
    """Every UI test starts in Chinese, the default language."""
    install_language("zh_CN")
    yield
    install_language("zh_CN")


@pytest.fixture(autouse=True)
def answers(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The user answers "yes" to every question; the questions and warnings shown are
    recorded (a real modal box would stop a headless test for good)."""
    asked: list[str] = []

    def confirm(parent: object, title: str, text: str) -> bool:
        asked.append(text)
        return True

    def warn(parent: object, title: str, text: str) -> None:
        asked.append(text)

    def choose(parent: object, title: str, text: str, choices: list[str]) -> int | None:
        asked.append(text)
        return 0  # the first answer offered

    monkeypatch.setattr(ask, "confirm", confirm)
    monkeypatch.setattr(ask, "warn", warn)
    monkeypatch.setattr(ask, "choose", choose)
    return asked


def drawn_signature(name: str, document: str, parent: object) -> bytes:
    """A person signing on the pad: a PNG of a few pen strokes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPoint
    from PySide6.QtGui import QColor, QImage, QPainter, QPen

    image = QImage(300, 100, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setPen(QPen(QColor("#0b1f66"), 3))
    tilt = sum(map(ord, name)) % 25  # everyone's hand differs
    for x in range(20, 260, 40):
        painter.drawLine(QPoint(x, 70), QPoint(x + 30, 30 + tilt))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())
