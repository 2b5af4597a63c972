"""Measuring start-up: with ``CASEWORKER_EXIT_WHEN_SHOWN=1`` the app quits as soon as its
first window has been drawn, after printing when that happened.

The printed line is ``CASEWORKER_SHOWN <unix time> <window class>``; ``benchmarks/package.py``
subtracts the moment it started the process, so the figure covers everything a worker
waits through: the bundle's loader, Python, imports, Qt and the first paint. Nothing
happens unless the variable is set.
"""

import os
import sys
import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

ENV = "CASEWORKER_EXIT_WHEN_SHOWN"
MARKER = "CASEWORKER_SHOWN"


class _FirstPaint(QObject):
    """Sees every event of the app; on the first paint of a window, reports and quits."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (
            not self.done
            and event.type() == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and watched.isWindow()
        ):
            self.done = True
            print(f"{MARKER} {time.time():.6f} {type(watched).__name__}", flush=True)
            # After this paint has finished; exit() ends every running event loop, so the
            # sign-in dialog's exec() returns as if cancelled and the app closes normally.
            QTimer.singleShot(0, lambda: QCoreApplication.exit(0))
        return False


def install_if_asked(app: QCoreApplication) -> None:
    """Install the probe when ``CASEWORKER_EXIT_WHEN_SHOWN=1``."""
    if os.environ.get(ENV) == "1":
        app.installEventFilter(_FirstPaint(app))
        print(f"{ENV}: the app quits after its first window is drawn", file=sys.stderr)
