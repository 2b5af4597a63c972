"""The app's backups, off the GUI thread: the daily backup once the main window is up and
its modules are loaded, "back up now" from the settings page, and reading a backup
through before it is restored.

One backup runs at a time. A daily backup still running when the app closes is stopped:
it leaves no file named like a backup (``caseworker.store.backups`` writes under a
temporary name) and is made again at the next start. A backup the worker asked for is
finished before the app exits (``Session.close`` waits for it).
"""

import errno
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from caseworker.store.backups import (
    BackupError,
    BackupInfo,
    backup_folder,
    daily_backup,
    inspect_backup,
    last_backup,
    made_at,
    make_backup,
)
from caseworker.store.db import Store
from caseworker.ui.runner import Cancelled, Progress, Task, run_task

if TYPE_CHECKING:
    from caseworker.ui.main_window import MainWindow

# After the warm-up, the home page's figures and the household list are made first: the
# backup waits this long so that they do not share the laptop's two cores with it.
DAILY_DELAY_MS = 2000


def when(moment: datetime) -> str:
    """A time as the app shows it."""
    return moment.strftime("%Y-%m-%d %H:%M")


def size_text(size: int) -> str:
    """A file size people can read: "850 KB", "12.3 MB" (a few bytes are "1 KB", none
    "0 KB")."""
    if size < 1024 * 1024:
        return f"{min(size, max(size // 1024, 1))} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def breakable(path: Path) -> str:
    """A path a wrapped label may break after any folder: a long path in one piece would
    make the page wider than a laptop screen at 150%."""
    text = str(path)
    for separator in ("/", "\\"):
        text = text.replace(separator, separator + "\u200b")
    return text


class BackupRunner(QObject):
    """Backups of one open store. ``restore_with`` (the session's) replaces the store with
    a backup and reopens the app on it; without it the app offers no restore."""

    busy_changed = Signal(bool)
    finished = Signal(str)  # a sentence for the worker: what was done, or what went wrong
    daily_finished = Signal(str)  # the same, of the daily backup only

    def __init__(
        self,
        store: Store,
        *,
        restore_with: Callable[[Path, BackupInfo], object] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.folder = backup_folder(store)
        self.restore_with = restore_with
        # What the settings page says under its buttons, worded when read (in the language
        # chosen by then).
        self.say: Callable[[], str] = lambda: ""
        self.last_made: BackupInfo | None = None
        self._task: Task[object] | None = None
        self._kind = ""
        self._closing = False

    # state ---------------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        """Whether a backup (or the reading of one) is under way."""
        return self._task is not None

    @property
    def making_daily(self) -> bool:
        return self._kind == "daily"

    @property
    def last_message(self) -> str:
        """What became of the last backup, restore or check, in the current language."""
        return self.say()

    def _tell(self, say: Callable[[], str], *, daily: bool = False) -> None:
        self.say = say
        self.finished.emit(say())
        if daily:
            self.daily_finished.emit(say())

    def last_backup(self) -> BackupInfo | None:
        """The newest backup in the backups folder (a quick look, not read through)."""
        try:
            return last_backup(self.folder)
        except OSError:
            return None

    def _start(
        self,
        kind: str,
        work: Callable[[Progress], object],
        on_success: Callable[[object], object],
        on_failure: Callable[[Exception], object],
    ) -> Task[object] | None:
        if self._task is not None or self._closing:
            return None
        self._kind = kind

        def succeeded(result: object) -> None:
            self._ended()
            on_success(result)

        def failed(error: Exception) -> None:
            self._ended()
            on_failure(error)

        def stoppable(progress: Progress) -> object:
            try:
                return work(progress)
            except Exception:
                if progress.cancelled:  # stopped while being read through
                    raise Cancelled from None
                raise

        self._task = run_task(
            stoppable, on_success=succeeded, on_failure=failed, on_cancelled=self._ended
        )
        self.busy_changed.emit(True)
        return self._task

    def _ended(self) -> None:
        self._task = None
        self._kind = ""
        self.busy_changed.emit(False)

    # the daily backup ----------------------------------------------------------------------
    def start_daily(self) -> Task[object] | None:
        """Make today's backup (if none was made today) and drop those past keeping."""
        store = self.store

        def work(progress: Progress) -> object:
            return daily_backup(store, progress=progress.report, stop=lambda: progress.cancelled)

        return self._start("daily", work, self._daily_done, self._daily_failed)

    def _daily_done(self, made: object) -> None:
        if isinstance(made, Path):
            self._tell(
                lambda: self.tr("Today's backup was made at {time}.").format(
                    time=when(made_at(made))
                ),
                daily=True,
            )

    def _daily_failed(self, error: Exception) -> None:
        self._tell(
            lambda: self.tr("Today's automatic backup was not made: {why}").format(
                why=self.why_not_made(error, self.folder)
            ),
            daily=True,
        )

    # a backup the worker asks for ----------------------------------------------------------
    def back_up_now(self, folder: Path | None = None) -> Task[object] | None:
        """Back up now, into ``folder`` (a USB stick) or the backups folder."""
        store, target = self.store, folder or self.folder

        def work(progress: Progress) -> object:
            return make_backup(
                store, target, progress=progress.report, stop=lambda: progress.cancelled
            )

        def failed(error: Exception) -> None:
            self._tell(
                lambda: self.tr("The backup was not made: {why}").format(
                    why=self.why_not_made(error, target)
                )
            )

        return self._start("manual", work, self._made, failed)

    def _made(self, result: object) -> None:
        assert isinstance(result, BackupInfo)
        self.last_made = result
        self._tell(
            lambda: self.tr(
                "Backed up at {time}: {households} households, {size}, saved as {path}"
            ).format(
                time=when(result.made_at),
                households=result.households,
                size=size_text(result.size),
                path=breakable(result.path),
            )
        )

    # before a restore ----------------------------------------------------------------------
    def read_through(
        self,
        path: Path,
        on_read: Callable[[BackupInfo], object],
        on_refused: Callable[[str], object],
        *,
        on_locked: Callable[[Path], object] | None = None,
        key: bytes | None = None,
    ) -> Task[object] | None:
        """Check that ``path`` is a backup of these records that reads through (off the
        GUI thread: a large one takes seconds); ``on_read`` gets what it holds, or
        ``on_refused`` a sentence saying why it cannot be used. A backup that the key in
        force does not open but that has its own key file (made before the password was
        changed) goes to ``on_locked``, which may ask for the backup's own password and
        read it through again with ``key``, the key that opens it."""
        if path.resolve() == self.store.path.resolve():
            on_refused(self.tr("This is the file of the records in use, not a backup of them."))
            return None
        first_try = key is None
        key = key or self.store.key

        def work(progress: Progress) -> object:
            return inspect_backup(path, key, stop=lambda: progress.cancelled)

        def read(result: object) -> None:
            assert isinstance(result, BackupInfo)
            on_read(result)

        def refused(error: Exception) -> None:
            locked = isinstance(error, BackupError) and error.reason == "unreadable"
            if locked and first_try and on_locked is not None and self._own_keys(path):
                on_locked(path)
            else:
                on_refused(self.why_unusable(error))

        return self._start("read", work, read, refused)

    def _own_keys(self, path: Path) -> bool:
        from caseworker.security.backup_keys import has_own_keys

        return self.store.key is not None and has_own_keys(path)

    def restore(self, backup: BackupInfo) -> object:
        """Hand a backup that reads through to the session, which restores it."""
        if self.restore_with is None:
            return None
        return self.restore_with(backup.path, backup)

    # closing ---------------------------------------------------------------------------------
    def shut_down(self) -> None:
        """The app is closing: stop a daily backup (it is made again at the next start) or
        the reading of a backup; a backup the worker asked for runs to its end."""
        self._closing = True
        if self._task is not None and self._kind in ("daily", "read"):
            self._task.cancel()

    # words -----------------------------------------------------------------------------------
    def why_not_made(self, error: Exception, folder: Path) -> str:
        """Why a backup was not made, in the worker's words (never the exception's)."""
        if isinstance(error, OSError) and error.errno == errno.ENOSPC:
            why = self.tr("there is not enough room in {folder}.")
        elif isinstance(error, OSError):
            why = self.tr(
                "{folder} could not be written to. If it is a USB stick, check that it is "
                "plugged in and not write-protected."
            )
        else:
            why = self.tr("the records could not be read for copying. Please try again.")
        return self.tr("{sentence} {sentence_after}").format(
            sentence=why.format(folder=breakable(folder)),
            sentence_after=self.tr("No unfinished backup file was left behind."),
        )

    def why_unusable(self, error: Exception) -> str:
        """Why a file cannot be restored, in the worker's words."""
        if isinstance(error, BackupError):
            reasons = {
                "missing": self.tr("The file {name} is not there any more."),
                "unreadable": self.tr(
                    "The file {name} cannot be read as a backup of this laptop's records: it "
                    "may be damaged, or made on another laptop or before the password was "
                    "changed."
                ),
                "damaged": self.tr("The backup {name} is damaged and cannot be used."),
                "not_a_store": self.tr("The file {name} is not a backup of this app's records."),
            }
            reason = reasons[error.reason].format(name=error.path.name)
        else:
            reason = self.tr("The file could not be read.")
        return self.tr("{sentence} {sentence_after}").format(
            sentence=reason, sentence_after=self.tr("Nothing was changed.")
        )


def start_daily_backup(
    window: "MainWindow", backups: BackupRunner, *, delay_ms: int = DAILY_DELAY_MS
) -> None:
    """Start the daily backup once ``window`` has been drawn and its warm-up (the imports
    the pages need, which the backup's own must not race) has finished, and a moment more
    for the home page's figures. What became of it is shown in the window's status bar."""

    def begin() -> None:
        QTimer.singleShot(delay_ms, backups, backups.start_daily)

    # The worker may be on any page: the status bar tells her (a backup she makes herself
    # is reported on the settings page, where she made it).
    backups.daily_finished.connect(lambda text: window.statusBar().showMessage(text, 30_000))
    if window.warm_up.done:
        begin()
    else:
        window.warm_up.finished.connect(begin)
