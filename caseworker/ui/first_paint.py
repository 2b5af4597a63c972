"""Running work once a window has been drawn for the first time.

Start-up draws the main window first and does everything else afterwards (counting the
home page's figures, loading what the other pages import): the worker sees a usable window
sooner, and nothing competes with the first paint for the interpreter.
"""

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class _FirstPaint(QObject):
    """Watches one window's events until its first paint, then schedules ``then``."""

    def __init__(self, window: QWidget, then: Callable[[], object]) -> None:
        super().__init__(window)
        self._window = window
        self._then = then

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            self._window.removeEventFilter(self)
            # After this paint has finished and reached the screen.
            QTimer.singleShot(0, self._window, self._then)
            self.deleteLater()
        return False


def after_first_paint(window: QWidget, then: Callable[[], object]) -> None:
    """Call ``then`` on the GUI thread just after ``window`` is first drawn (never, if it
    is never shown)."""
    window.installEventFilter(_FirstPaint(window, then))
