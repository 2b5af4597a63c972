"""Locking the app after some idle minutes: the window is covered until the worker signs
in again. Nothing is closed or lost; open forms stay as they were."""

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer

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
