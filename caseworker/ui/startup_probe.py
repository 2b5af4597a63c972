"""Measuring start-up: a process reports the moment its first window has been drawn, then
quits.

The printed line is ``CASEWORKER_SHOWN <unix time> <window class>``; the measuring script
subtracts the moment it started the process, so the figure covers everything a worker
waits through: Python (or the bundle's loader), imports, Qt and the first paint.

- With ``CASEWORKER_EXIT_WHEN_SHOWN=1`` the app itself does this for whichever window
  comes first (the sign-in dialog on a laptop; ``benchmarks/package.py``). Nothing
  happens unless the variable is set.
- ``show_main_window`` opens the main window the way the app does after the password and
  reports its first paint (``benchmarks/ui.py``, ``tests/ui/test_startup.py``).
"""

import json
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QThreadPool, QTimer
from PySide6.QtWidgets import QWidget

ENV = "CASEWORKER_EXIT_WHEN_SHOWN"
MARKER = "CASEWORKER_SHOWN"
MODULES_MARKER = "CASEWORKER_MODULES"


class _FirstPaint(QObject):
    """On the first paint of ``window`` (or, with None, of any window: installed on the
    app, it then sees every event), reports and quits."""

    def __init__(self, parent: QObject, window: QWidget | None, with_modules: bool) -> None:
        # Set first: becoming the window's child already sends the window an event.
        self._window = window
        self._with_modules = with_modules
        self.done = False
        super().__init__(parent)

    def _is_first_paint(self, watched: QObject, event: QEvent) -> bool:
        if self.done or event.type() != QEvent.Type.Paint:
            return False
        if self._window is not None:
            return watched is self._window
        return isinstance(watched, QWidget) and watched.isWindow()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if self._is_first_paint(watched, event):
            self.done = True
            print(f"{MARKER} {time.time():.6f} {type(watched).__name__}", flush=True)
            if self._with_modules:  # what had to be loaded before the window could be drawn
                print(f"{MODULES_MARKER} {json.dumps(sorted(sys.modules))}", flush=True)
            # After this paint has finished; exit() ends every running event loop, so the
            # sign-in dialog's exec() returns as if cancelled and the app closes normally.
            QTimer.singleShot(0, lambda: QCoreApplication.exit(0))
        return False


def install_if_asked(app: QCoreApplication) -> None:
    """Install the probe when ``CASEWORKER_EXIT_WHEN_SHOWN=1``.

    It watches every event of the app, since the first window is not known yet; that slows
    the first paint (PySide readies a Python type for each new kind of object it is
    shown), which the figure therefore includes.
    """
    if os.environ.get(ENV) == "1":
        app.installEventFilter(_FirstPaint(app, None, with_modules=False))
        print(f"{ENV}: the app quits after its first window is drawn", file=sys.stderr)


def show_main_window(path: Path, key: bytes, settings_file: Path, with_modules: bool) -> int:
    """Open the main window on the encrypted store at ``path`` (its worker already signed
    in) as the app does after the password, report its first paint, and quit.

    Only the window is watched, so the measurement adds nothing to what it measures.
    """
    from caseworker.store.db import open_store
    from caseworker.store.workers import current_worker
    from caseworker.ui.main_window import MainWindow
    from caseworker.ui.qt_app import create_app
    from caseworker.ui.settings import AppSettings

    settings = AppSettings(settings_file)
    app = create_app(settings)
    store = open_store(path, key=key)
    worker = current_worker(store)
    assert worker is not None, "the store's worker signs in first"
    window = MainWindow(store, worker, settings)
    window.installEventFilter(_FirstPaint(window, window, with_modules))
    window.show()
    try:
        return int(app.exec())
    finally:
        QThreadPool.globalInstance().waitForDone()  # the warm-up may still be importing
        store.close()
