"""The settings page's backups: when the last one was made and where they are kept, "back
up now" (to the backups folder or a USB stick) with what was made, and restoring one
after saying what will happen and asking.

The panel works through the window's ``BackupRunner`` (made by the session that opened
the window); the same code makes the daily backup and restores as ``caseworker restore``.
"""

from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from caseworker.store.backups import KEEP_DAYS, BackupInfo
from caseworker.ui import ask
from caseworker.ui.backup_runner import BackupRunner, breakable, size_text, when
from caseworker.ui.widgets.flow import FlowLayout


def _wrapped() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    return label


class BackupPanel(QGroupBox):
    """Backing up and restoring, for the worker."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backups: BackupRunner | None = None
        self.about = _wrapped()
        self.folder_label = QLabel()
        self.folder = _wrapped()
        self.last_label = QLabel()
        self.last = _wrapped()
        self.back_up = QPushButton()
        self.back_up_elsewhere = QPushButton()
        self.restore = QPushButton()
        self.working = QProgressBar()
        self.working.setRange(0, 0)  # no telling how long: it moves while it works
        self.working.setMaximumHeight(12)
        self.working.setTextVisible(False)
        self.working.hide()
        self.result = _wrapped()
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.last_label, self.last)
        form.addRow(self.folder_label, self.folder)
        buttons = QWidget()
        row = FlowLayout(buttons)
        for button in (self.back_up, self.back_up_elsewhere, self.restore):
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.about)
        layout.addLayout(form)
        layout.addWidget(buttons)
        layout.addWidget(self.working)
        layout.addWidget(self.result)
        self.back_up.clicked.connect(lambda: self.back_up_now())
        self.back_up_elsewhere.clicked.connect(lambda: self.back_up_to(None))
        self.restore.clicked.connect(lambda: self.restore_from(None))
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Backing up and restoring"))
        self.about.setText(
            self.tr(
                "A backup of this laptop's records is made automatically once a day, after "
                "you sign in; the backups of the last {days} days are kept. Backups are "
                "encrypted like the records: they open only with this laptop's password or "
                "the county's recovery code."
            ).format(days=KEEP_DAYS)
        )
        self.last_label.setText(self.tr("Last backup:"))
        self.folder_label.setText(self.tr("Backups folder:"))
        self.back_up.setText(self.tr("Back up now"))
        self.back_up_elsewhere.setText(self.tr("Back up to a USB stick..."))
        self.restore.setText(self.tr("Restore from a backup..."))
        self.show_state()

    def attach(self, backups: BackupRunner) -> None:
        """Work through ``backups`` (the window's)."""
        if self.backups is backups:
            return
        self.backups = backups
        backups.busy_changed.connect(self.show_state)
        backups.finished.connect(self.show_state)
        self.show_state()

    def show_state(self) -> None:
        """Show the last backup, what is under way, and what became of the last action."""
        backups = self.backups
        if backups is None:
            self.last.setText(self.tr("Backups are made once the app has started."))
            self.folder.setText("")
            for button in (self.back_up, self.back_up_elsewhere, self.restore):
                button.setEnabled(False)
            return
        newest = backups.last_backup()
        self.last.setText(
            self.tr("{time} ({size})").format(
                time=when(newest.made_at), size=size_text(newest.size)
            )
            if newest is not None
            else self.tr("none yet")
        )
        self.folder.setText(breakable(backups.folder))
        busy = backups.busy
        for button in (self.back_up, self.back_up_elsewhere):
            button.setEnabled(not busy)
        self.restore.setEnabled(not busy and backups.restore_with is not None)
        self.working.setVisible(busy)
        if busy and backups.making_daily:
            self.result.setText(self.tr("Making today's automatic backup..."))
        elif not busy:
            self.result.setText(backups.last_message)

    # backing up ---------------------------------------------------------------------------
    def back_up_now(self) -> bool:
        """Back up into the backups folder; False if a backup is already under way."""
        return self._back_up(None)

    def back_up_to(self, folder: Path | None) -> bool:
        """Back up into ``folder`` (asked for when None, e.g. a USB stick)."""
        if folder is None:
            chosen = QFileDialog.getExistingDirectory(
                self, self.tr("Choose where to save the backup (e.g. a USB stick)")
            )
            if not chosen:
                return False
            folder = Path(chosen)
        return self._back_up(folder)

    def _back_up(self, folder: Path | None) -> bool:
        if self.backups is None or self.backups.back_up_now(folder) is None:
            return False
        self.result.setText(self.tr("Backing up..."))
        return True

    # restoring ----------------------------------------------------------------------------
    def restore_from(self, path: Path | None) -> bool:
        """Restore the backup at ``path`` (asked for, in the backups folder, when None):
        it is read through first, then the worker is told what will happen and asked."""
        backups = self.backups
        if backups is None or backups.restore_with is None or backups.busy:
            return False
        if path is None:
            start = backups.folder if backups.folder.is_dir() else backups.store.path.parent
            chosen, _ = QFileDialog.getOpenFileName(
                self,
                self.tr("Choose the backup to restore"),
                str(start),
                self.tr("Backups (caseworker-*.db);;All files (*)"),
            )
            if not chosen:
                return False
            path = Path(chosen)
        if backups.read_through(path, self._confirm, self._refused, on_locked=self._unlock) is None:
            return False
        self.result.setText(self.tr("Checking the backup..."))
        return True

    def _unlock(self, path: Path) -> None:
        """A backup made before the password was changed: ask for the password of that
        time (or the recovery code), then read it through with the key that opens."""
        from caseworker.ui.dialogs.signin import BackupPasswordDialog

        backups = self.backups
        assert backups is not None
        dialog = BackupPasswordDialog(path, parent=self)
        if not dialog.exec() or dialog.key is None:
            self.result.setText(self.tr("Not restored: nothing was changed."))
            return
        if backups.read_through(path, self._confirm, self._refused, key=dialog.key) is not None:
            self.result.setText(self.tr("Checking the backup..."))

    def _refused(self, why: str) -> None:
        self.result.setText(why)
        ask.warn(self, self.tr("Restore a backup"), why)

    def _confirm(self, backup: BackupInfo) -> None:
        backups = self.backups
        assert backups is not None
        question = self.tr(
            "Replace all the records on this laptop with the backup made on {time} "
            "({households} households)?\n\n"
            "Whatever was recorded after {time} will not be in the records: households, "
            "visits, applications, and changes not yet synced with the county. Visit forms "
            "not yet saved are kept. The records as they are now are copied beside them "
            "first, so nothing is deleted.\n\n"
            "The app closes its window, restores the backup and opens the restored records "
            "(this may take a minute). You do not need to sign in again."
        ).format(time=when(backup.made_at), households=backup.households)
        if not ask.confirm(self, self.tr("Restore a backup"), question):
            self.result.setText(self.tr("Not restored: nothing was changed."))
            return
        if not backups.restore(backup):
            self.result.setText(
                self.tr("Not restored (the window stayed open): nothing was changed.")
            )
