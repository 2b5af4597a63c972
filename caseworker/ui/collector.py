"""Python's cyclic garbage collection, on the GUI thread only.

The collector runs in whichever thread happens to allocate when a threshold is crossed.
When that is a worker thread (a sync, a backup, a screening) and the garbage holds Qt
objects, Qt deletes them off the thread they belong to, and the app can crash: a sync
test once ended in a segmentation fault, the collector running inside the sync's thread.
So automatic collection is switched off and the GUI thread collects on a timer, each
generation as often as the collector's own thresholds would have asked.
"""

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


class GuiThreadCollector(QObject):
    """Collects cyclic garbage on the GUI thread; made once, with the application."""

    def __init__(self, parent: QObject, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.collect)
        self.timer.start(interval_ms)

    def collect(self) -> int:
        """Collect the generations whose allocation counts passed their thresholds; the
        number of objects found unreachable."""
        first, second, third = gc.get_threshold()
        young, middle, old = gc.get_count()
        if old > third:
            return gc.collect(2)
        if middle > second:
            return gc.collect(1)
        if young > first:
            return gc.collect(0)
        return 0


def collect_on_gui_thread(app: QObject) -> GuiThreadCollector:
    """Switch automatic collection off and collect on ``app``'s (the GUI) thread instead."""
    existing = app.findChild(GuiThreadCollector)
    return existing if isinstance(existing, GuiThreadCollector) else GuiThreadCollector(app)
