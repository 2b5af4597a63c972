"""Locking the app after some idle minutes: the window is covered until the worker signs
in again. Nothing is closed or lost; open forms stay as they were."""

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer

from caseworker.ui.first_paint import after_first_paint

if TYPE_CHECKING:
    from caseworker.ui.main_window import MainWindow

ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
    QEvent.Type.TabletPress,
}
DEFAULT_IDLE_MINUTES = 10


class IdleLock(QObject):
    """Calls ``lock`` after ``minutes`` without keyboard, mouse, pen or touch input."""

    def __init__(self, lock: Callable[[], object], minutes: float = DEFAULT_IDLE_MINUTES) -> None:
        super().__init__()
        self._lock = lock
        self.timer = QTimer(self, singleShot=True, interval=int(minutes * 60_000))
        self.timer.timeout.connect(self._fire)
        self.locked = False

    def start(self) -> None:
        self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if not self.locked and event.type() in ACTIVITY:
            self.timer.start()
        return False

    def _fire(self) -> None:
        self.locked = True
        self._lock()

    def unlocked(self) -> None:
        self.locked = False
        self.timer.start()


def lock_when_idle(
    app: QCoreApplication, window: "MainWindow", minutes: float = DEFAULT_IDLE_MINUTES
) -> IdleLock:
    """Lock ``window`` after ``minutes`` without input, counting from its first paint.

    The lock watches every event of the app, and PySide readies a Python type for each new
    kind of object such a watcher is shown (the window's many widgets, all at the first
    paint), so the watcher starts once the window is drawn, not before.
    """
    idle = IdleLock(window.lock, minutes)
    window.unlocked.connect(idle.unlocked)

    def watch() -> None:
        app.installEventFilter(idle)
        idle.start()

    after_first_paint(window, watch)
    return idle
