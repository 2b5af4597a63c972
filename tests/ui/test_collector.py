"""Cyclic garbage is collected on the GUI thread, never in a worker thread, where
collecting Qt objects can crash the app."""

import gc
import threading
from typing import ClassVar

from pytestqt.qtbot import QtBot

from PySide6.QtWidgets import QApplication

from caseworker.ui.collector import GuiThreadCollector, collect_on_gui_thread


class Cycle:
    """Garbage only the cyclic collector can free; notes the thread that freed it."""

    freed_in: ClassVar[list[str]] = []

    def __init__(self) -> None:
        self.me = self

    def __del__(self) -> None:
        Cycle.freed_in.append(threading.current_thread().name)


def test_cycles_made_in_a_worker_thread_are_freed_on_the_gui_thread(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    collector = collect_on_gui_thread(app)
    assert collect_on_gui_thread(app) is collector  # one per application
    assert isinstance(collector, GuiThreadCollector) and not gc.isenabled()
    Cycle.freed_in.clear()

    def churn() -> None:  # far past every threshold: would collect here if it could
        for _ in range(20_000):
            Cycle()
            [[] for _ in range(5)]

    worker = threading.Thread(target=churn, name="worker")
    worker.start()
    worker.join()
    assert Cycle.freed_in == []
    qtbot.waitUntil(lambda: len(Cycle.freed_in) == 20_000, timeout=10_000)
    assert set(Cycle.freed_in) == {threading.main_thread().name}
