"""Signing in: the worker's password opens the encrypted store; after several wrong
passwords the dialog waits (never deletes anything). Also: setting the first password, and
the recovery code shown once."""

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from caseworker.security.keys import MIN_PASSWORD_LENGTH, KeyFileError, WrongPassword
from caseworker.security.signin import LockedOut, sign_in, workers_on
from caseworker.ui.widgets.fields import ErrorLabel
from caseworker.ui.widgets.guarded import grows_with_its_messages


def _in_words(error: Exception) -> str:
    # Loaded on the first error only: sign-in is on the way to the first window.
    from caseworker.operations.messages import in_words
    from caseworker.ui.i18n import is_chinese

    return in_words(error).text(is_chinese())


class SignInDialog(QDialog):
    """Ask for a worker's password; ``key`` holds the data key once accepted."""

    def __init__(
        self, db_path: Path, *, locked_worker: str | None = None, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.db_path = db_path
        self.key: bytes | None = None
        self.setWindowTitle(self.tr("Sign in"))
        self.worker = QComboBox()
        for w in workers_on(db_path):
            self.worker.addItem(w.name, w.id)
        if locked_worker is not None:  # unlocking after idle: the same worker
            self.worker.setCurrentIndex(max(self.worker.findData(locked_worker), 0))
            self.worker.setEnabled(False)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = ErrorLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        form = QFormLayout()
        form.addRow(self.tr("Worker"), self.worker)
        form.addRow(self.tr("Password"), self.password)
        layout = QVBoxLayout(self)
        grows_with_its_messages(self, layout)
        title = QLabel(self.tr("Caseworker: the records on this laptop are encrypted."))
        title.setWordWrap(True)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.try_sign_in)
        self.password.returnPressed.connect(self.try_sign_in)
        self._countdown = QTimer(self, interval=1000)
        self._countdown.timeout.connect(self._tick)
        self._wait = 0
        self._pausing = False

    def try_sign_in(self) -> None:
        if self._wait > 0 or self._pausing:
            return
        try:
            self.key = sign_in(
                self.db_path, self.worker.currentData(), self.password.text(), pause=self._pause
            )
        except WrongPassword:
            self.password.clear()
            self.message.show_message(self.tr("Wrong password."))
            return
        except LockedOut as locked:
            self._lock_for(locked.seconds)
            return
        except KeyFileError as exc:
            self.message.show_message(_in_words(exc))
            return
        self.accept()

    def _pause(self, seconds: float) -> None:
        """The pause after a wrong password, without freezing the window: the password
        field is closed for that long."""
        if seconds <= 0:
            return
        self._pausing = True
        self.password.setEnabled(False)

        def over() -> None:
            self._pausing = False
            if self._wait <= 0:
                self.password.setEnabled(True)
                self.password.setFocus()

        QTimer.singleShot(int(seconds * 1000), self, over)

    def _lock_for(self, seconds: int) -> None:
        self._wait = seconds
        self.password.setEnabled(False)
        self._countdown.start()
        self._tick(advance=False)

    def _tick(self, advance: bool = True) -> None:
        if advance:
            self._wait -= 1
        if self._wait <= 0:
            self._countdown.stop()
            self.password.setEnabled(True)
            self.message.show_message("")
            return
        self.message.show_message(
            self.tr("Too many wrong passwords. Try again in {n} seconds.").format(n=self._wait)
        )


class NewPasswordDialog(QDialog):
    """Choose a password (typed twice); ``password`` holds it once accepted."""

    def __init__(self, intro: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Set a password"))
        self.password: str | None = None
        self.first = QLineEdit()
        self.second = QLineEdit()
        for line in (self.first, self.second):
            line.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = ErrorLabel()
        form = QFormLayout()
        form.addRow(self.tr("New password"), self.first)
        form.addRow(self.tr("Again"), self.second)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        text = QLabel(intro)
        text.setWordWrap(True)
        layout = QVBoxLayout(self)
        grows_with_its_messages(self, layout)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        buttons.accepted.connect(self.check)

    def check(self) -> None:
        first = self.first.text()
        if len(first) < MIN_PASSWORD_LENGTH:
            self.message.show_message(
                self.tr("A password needs at least {n} characters.").format(n=MIN_PASSWORD_LENGTH)
            )
        elif first != self.second.text():
            self.message.show_message(self.tr("The two passwords differ."))
        else:
            self.password = first
            self.accept()


class RecoveryCodeDialog(QDialog):
    """Show the recovery code once, to print (or save as PDF) and give to the county civil
    affairs bureau."""

    def __init__(self, code: str, *, worker: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.code = code
        self.worker = worker
        self.setWindowTitle(self.tr("Recovery code"))
        text = QLabel(
            self.tr(
                "Write down or print this recovery code and give it to the county civil affairs "
                "bureau. If the password is forgotten, only this code opens the records again. "
                "It is shown only now."
            )
        )
        text.setWordWrap(True)
        self.shown = QPlainTextEdit(code)
        self.shown.setReadOnly(True)
        self.shown.setMaximumHeight(70)
        self.shown.setAccessibleName(self.tr("Recovery code"))
        self.message = ErrorLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.print_button = buttons.addButton(
            self.tr("Print..."), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.save_button = buttons.addButton(
            self.tr("Save as PDF..."), QDialogButtonBox.ButtonRole.ActionRole
        )
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.shown)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        buttons.accepted.connect(self.accept)
        self.print_button.clicked.connect(self.print_on_paper)
        self.save_button.clicked.connect(lambda: self.save_as(None))

    def _sheet(self) -> bytes:
        from datetime import date

        from caseworker.printing.recovery_sheet import recovery_sheet  # loads ReportLab

        return recovery_sheet(self.code, worker=self.worker, on=date.today())

    def save_as(self, path: Path | None) -> Path | None:
        """Write the code's sheet as a PDF (where the user chooses when ``path`` is None)."""
        if path is None:
            from PySide6.QtWidgets import QFileDialog

            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save as PDF"), self.tr("recovery code") + ".pdf", "PDF (*.pdf)"
            )
            if not chosen:
                return None
            path = Path(chosen)
        from datetime import date

        from caseworker.printing.recovery_sheet import write_recovery_sheet  # loads ReportLab

        try:
            write_recovery_sheet(path, self.code, worker=self.worker, on=date.today())
        except OSError as exc:
            self.message.show_message(_in_words(exc))
            return None
        self.message.show_message(self.tr("Saved: {path}").format(path=path))
        return path

    def print_on_paper(self) -> bool:
        """Print the code's sheet on a printer chosen in the system's print dialog."""
        from caseworker.ui.printer import print_pdf

        return print_pdf(self, self._sheet())


class BackupPasswordDialog(QDialog):
    """Ask for the password a backup was made with (it was made before the password was
    changed) or the county's recovery code; ``key`` holds the key that opens it."""

    def __init__(self, backup: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backup = backup
        self.key: bytes | None = None
        self.setWindowTitle(self.tr("Restore a backup"))
        text = QLabel(
            self.tr(
                "This backup was made before the password was changed. Type the password "
                "that was in use when it was made, or the recovery code kept by the county. "
                "The restored records will open with the password in use now."
            )
        )
        text.setWordWrap(True)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password when the backup was made"))
        self.message = ErrorLabel()
        form = QFormLayout()
        form.addRow(self.tr("Password then, or recovery code"), self.password)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        layout = QVBoxLayout(self)
        grows_with_its_messages(self, layout)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        buttons.accepted.connect(self.try_open)
        buttons.rejected.connect(self.reject)
        self.password.returnPressed.connect(self.try_open)

    def try_open(self) -> None:
        """Open the backup's key file with what was typed: as a password, else as a
        recovery code."""
        from caseworker.security.backup_keys import backup_key

        typed = self.password.text()
        for given in ({"password": typed}, {"code": typed}):
            try:
                self.key = backup_key(self.backup, **given)
            except WrongPassword:
                continue
            except KeyFileError as exc:
                self.message.show_message(_in_words(exc))
                return
            self.accept()
            return
        self.password.clear()
        self.message.show_message(
            self.tr("This does not open the backup: neither its password nor the recovery code.")
        )
