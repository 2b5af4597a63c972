"""Loading, after the first paint, what the pages after the first one import.

The modules are imported on a pool thread, so the window stays responsive meanwhile. Two
threads importing the same package at once can deadlock on Python's import locks (the
store's libraries import each other in circles), so anything else that may import them,
on the GUI thread or in a background task, first waits for the warm-up to finish.
"""

import importlib
import threading
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Signal

from caseworker.ui.runner import Progress, Task, run_task

# What the household list, a household's page and home's figures import, loaded off the
# GUI thread after the first paint so that opening them does not stall (none touches Qt).
PAGE_MODULES = (
    "sqlalchemy",
    "caseworker.store.tables",
    "caseworker.store.search",
    "caseworker.store.regions",
    "caseworker.store.dashboard",
    "caseworker.store.audit",
    "caseworker.store.drafts",
    "caseworker.store.households",
    "caseworker.domain.validation",
    "caseworker.eligibility",
)


class WarmUp(QObject):
    """Imports ``modules`` once ``start`` is called, then runs ``prepare`` (on the pool
    thread too); ``finished`` is emitted on the GUI thread afterwards, even if an import
    failed (each page still imports what it needs itself)."""

    finished = Signal()

    def __init__(
        self,
        modules: Sequence[str],
        *,
        prepare: Callable[[], object] = lambda: None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._modules = tuple(modules)
        self._prepare = prepare
        self._done = threading.Event()
        self._task: Task[None] | None = None

    @property
    def started(self) -> bool:
        return self._task is not None

    @property
    def done(self) -> bool:
        return self._done.is_set()

    def start(self) -> None:
        """Begin loading on a pool thread (once)."""
        if self._task is None:
            self._task = run_task(self._load, on_success=self._ended, on_failure=self._ended)

    def _ended(self, _result: object) -> None:
        self.finished.emit()

    def _load(self, progress: Progress) -> None:
        try:
            for name in self._modules:
                importlib.import_module(name)
            self._prepare()
        finally:
            self._done.set()

    def wait(self) -> None:
        """Block until the warm-up has finished, if it has started (GUI thread: before
        importing what it may be importing)."""
        if self._task is not None:
            self._done.wait()
