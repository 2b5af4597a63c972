"""Long work off the GUI thread: run a function on a pool thread, report progress, deliver
its result or its error back on the GUI thread, and let the user cancel.

The function receives a ``Progress`` to report ``(done, total)`` and to check whether the
user pressed cancel; domain code stays free of Qt (it only sees a callable and a flag).
"""

import contextlib
import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

T = TypeVar("T")


class Cancelled(Exception):
    """Raised inside a task when the user cancelled it."""


class Progress:
    """Handed to a task: report progress, and stop when ``cancelled`` turns true."""

    def __init__(self, emit: Callable[[int, int], None]) -> None:
        self._emit = emit
        self._cancel = threading.Event()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def report(self, done: int, total: int) -> None:
        """Say how far the task is; raises Cancelled if the user has cancelled."""
        if self._cancel.is_set():
            raise Cancelled
        self._emit(done, total)


class _Signals(QObject):
    progress = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    finished = Signal()


class Task(QRunnable, Generic[T]):
    """One run of a function on the pool; connect to ``signals`` before starting."""

    def __init__(self, work: Callable[[Progress], T]) -> None:
        super().__init__()
        self.signals = _Signals()
        self.progress = Progress(self.signals.progress.emit)
        self._work = work

    def run(self) -> None:
        try:
            result = self._work(self.progress)
        except Cancelled:
            self._emit(self.signals.cancelled)
        except Exception as exc:  # delivered to the GUI thread, shown to the user there
            self._emit(self.signals.failed, exc)
        else:
            self._emit(self.signals.succeeded, result)
        finally:
            self._emit(self.signals.finished)

    @staticmethod
    def _emit(signal: Any, *args: Any) -> None:
        # RuntimeError: the window that asked has closed meanwhile, nobody to tell.
        with contextlib.suppress(RuntimeError):
            signal.emit(*args)

    def cancel(self) -> None:
        self.progress.cancel()


def run_task(
    work: Callable[[Progress], T],
    *,
    on_success: Callable[[T], Any],
    on_failure: Callable[[Exception], Any],
    on_progress: Callable[[int, int], Any] | None = None,
    on_cancelled: Callable[[], Any] | None = None,
    pool: QThreadPool | None = None,
) -> Task[T]:
    """Start ``work`` on a pool thread; the callbacks run on the GUI thread."""
    task: Task[T] = Task(work)
    task.setAutoDelete(False)  # the caller keeps it to cancel it
    task.signals.succeeded.connect(on_success)
    task.signals.failed.connect(on_failure)
    if on_progress is not None:
        task.signals.progress.connect(on_progress)
    if on_cancelled is not None:
        task.signals.cancelled.connect(on_cancelled)
    (pool or QThreadPool.globalInstance()).start(task)
    return task
