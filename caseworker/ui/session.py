"""A signed-in worker's session: the open store and its main window, the idle lock, and
the backups; restoring a backup replaces the store under all of them.

``run_app`` opens a session after sign-in; tests open one the same way. A restore closes
the main window (asking about open visit forms exactly as quitting does), waits for work
in the background to finish, closes the store, restores the backup with the same code as
``caseworker restore`` and opens the restored store in a new main window: the pages then
show the restored records, never a mix of old and new, and the worker does not sign in
again (the backup was read through with her key).
"""

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool, Signal
from PySide6.QtWidgets import QApplication, QProgressDialog

from caseworker.store.backups import BackupInfo
from caseworker.store.db import Store
from caseworker.store.workers import Worker
from caseworker.ui import ask
from caseworker.ui.backup_runner import BackupRunner, breakable, start_daily_backup, when
from caseworker.ui.idle_lock import IdleLock, lock_when_idle
from caseworker.ui.main_window import SETTINGS, MainWindow
from caseworker.ui.runner import Progress, run_task
from caseworker.ui.settings import AppSettings


class RestoreFailed(Exception):
    """A restore did not complete; the records are as they were before it."""


class Session(QObject):
    """The worker's time in the app, from sign-in to closing it."""

    window_opened = Signal(object)  # the MainWindow, each time one opens
    restore_finished = Signal(bool)  # True once a restored store is open

    def __init__(
        self,
        app: QApplication,
        store: Store,
        worker: Worker,
        settings: AppSettings,
        *,
        today: Callable[[], date] = date.today,
        backup_delay_ms: int | None = None,
    ) -> None:
        super().__init__()
        self.app = app
        self.store = store
        self.worker = worker
        self.settings = settings
        self.today = today
        self.window: MainWindow | None = None
        self.backups: BackupRunner | None = None
        self._idle: IdleLock | None = None
        self._backup_delay = backup_delay_ms
        self._progress: QProgressDialog | None = None

    def open(self, *, message: Callable[[], str] | None = None) -> MainWindow:
        """Show the main window on the store, lock it when idle, offer unsaved visits back,
        and start the daily backup after the first paint and the warm-up. ``message`` is
        shown on the settings page (after a restore)."""
        window = MainWindow(self.store, self.worker, self.settings, today=self.today)
        self._idle = lock_when_idle(self.app, window)
        self.backups = BackupRunner(self.store, restore_with=self.restore, parent=window)
        if message is not None:
            self.backups.say = message
        if self._backup_delay is None:
            start_daily_backup(window, self.backups)
        else:
            start_daily_backup(window, self.backups, delay_ms=self._backup_delay)
        window.show_on_screen()
        window.offer_drafts_when_shown()
        if message is not None:
            window.nav.setCurrentRow(SETTINGS)
        self.window = window
        self.window_opened.emit(window)
        return window

    def close(self) -> None:
        """The app is closing: stop a daily backup, let other background work finish its
        writes, close the store."""
        if self.backups is not None:
            self.backups.shut_down()
        QThreadPool.globalInstance().waitForDone()
        self.store.close()

    # restoring ----------------------------------------------------------------------------
    def restore(self, backup: Path, info: BackupInfo) -> bool:
        """Replace the records with ``backup`` (already read through) and reopen the app on
        them. False if the worker kept the window open (a visit form she did not want
        closed): then nothing is changed."""
        old = self.window
        assert old is not None
        self.app.setQuitOnLastWindowClosed(False)  # the window closes; the app goes on
        if not old.close():
            self.app.setQuitOnLastWindowClosed(True)
            return False
        self._forget(old)
        self._progress = QProgressDialog(
            self.tr("Restoring the backup of {time}...").format(time=when(info.made_at)),
            "",
            0,
            0,
        )
        self._progress.setWindowTitle(self.tr("Restore a backup"))
        self._progress.setCancelButton(None)  # a restore half done is not a state to leave
        self._progress.setMinimumDuration(0)
        self._progress.show()
        QThreadPool.globalInstance().waitForDone()  # nothing else is reading the store
        self.store.close()
        path, key = self.store.path, self.store.key

        def work(progress: Progress) -> tuple[Store, Path | None]:
            return _restore_and_open(backup, path, key, info.key)

        def restored(result: tuple[Store, Path | None]) -> None:
            store, kept = result
            self.store = store
            self._reopened(
                lambda: self.tr(
                    "The backup of {time} was restored: {households} households. The records "
                    "as they were before are kept in {kept}."
                ).format(
                    time=when(info.made_at),
                    households=info.households,
                    kept=breakable(kept) if kept else "-",
                ),
                ok=True,
            )

        def failed(error: Exception) -> None:
            from caseworker.store.db import open_store

            try:
                self.store = open_store(path, key=key)
            except Exception:  # the records were put back but will not open: say so, stop
                self._cannot_reopen(path)
                return
            self._reopened(
                lambda: self.tr(
                    "The backup was not restored: {why} The records are as they were before."
                ).format(why=self._why(error)),
                ok=False,
            )

        run_task(work, on_success=restored, on_failure=failed)
        return True

    def _forget(self, window: MainWindow) -> None:
        """Stop everything that watches a window being replaced."""
        if self._idle is not None:
            self.app.removeEventFilter(self._idle)
            self._idle.timer.stop()
            self._idle = None
        if self.backups is not None:
            self.backups.shut_down()
            self.backups = None
        window.deleteLater()

    def _reopened(self, message: Callable[[], str], *, ok: bool) -> None:
        if self._progress is not None:
            self._progress.close()
            self._progress.deleteLater()
            self._progress = None
        window = self.open(message=message)
        self.app.setQuitOnLastWindowClosed(True)
        if not ok:
            ask.warn(window, self.tr("Restore a backup"), message())
        self.restore_finished.emit(ok)

    def _cannot_reopen(self, path: Path) -> None:
        if self._progress is not None:
            self._progress.close()
        ask.warn(
            None,
            self.tr("Restore a backup"),
            self.tr(
                "The records in {path} could not be opened again. Nothing has been deleted: "
                "close the app and start it again; if it still does not open, ask the county "
                "for help before doing anything else."
            ).format(path=breakable(path)),
        )
        self.app.setQuitOnLastWindowClosed(True)
        self.app.quit()

    def _why(self, error: Exception) -> str:
        if isinstance(error, OSError):
            return self.tr("the disk is full or cannot be written to.")
        return self.tr("the restored records could not be opened.")


def _restore_and_open(
    backup: Path, path: Path, key: bytes | None, opens_with: bytes | None
) -> tuple[Store, Path | None]:
    """Restore ``backup`` (which ``opens_with`` opens: re-keyed to ``key`` if made before
    the password was changed) over the store at ``path`` and open it (upgrading a backup
    made by an older version); if it will not open, the replaced store is put back."""
    from caseworker.security.backup_keys import restore_rekeyed
    from caseworker.store.backups import restore
    from caseworker.store.db import open_store

    kept = restore_rekeyed(backup, path, key, opens_with)
    try:
        return open_store(path, key=key), kept
    except Exception as exc:
        if kept is not None:
            restore(kept, path, key)
        raise RestoreFailed from exc
