"""Connecting this laptop to the county once: the server's address, the one-time code and
the certificate fingerprint from the county's enrollment sheet, each with its label, a
hint, and its own error line for what is wrong with it.

What is typed is checked here first (an address without https://, a fingerprint that is
not 64 hexadecimal characters), then the county is asked on a worker thread; its refusal
is shown under the field it is about.
"""

import re
import unicodedata
from collections.abc import Callable
from urllib.parse import urlsplit

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from caseworker.store.db import Store
from caseworker.sync.client import enroll
from caseworker.sync.schemas import EnrollResponse
from caseworker.sync.tls import is_loopback, normalize_pin
from caseworker.ui.runner import Progress, Task, run_task
from caseworker.ui.widgets.form import Field, FieldForm
from caseworker.ui.widgets.sync_errors import enroll_problem

PIN = re.compile(r"[0-9a-f]{64}")
ENROLL_TIMEOUT = 20.0  # seconds; a village connection is slow, but not this slow
CODE_MAX = 64  # what the county accepts


class EnrollmentForm(QWidget):
    """The three fields and the Connect button; ``enrolled`` carries the county's answer."""

    enrolled = Signal(object)  # EnrollResponse
    cancelled = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._task: Task[EnrollResponse] | None = None
        self._errors: dict[str, Callable[[], str]] = {}
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.server = QLineEdit()
        self.code = QLineEdit()
        self.pin = QLineEdit()
        latin = Qt.InputMethodHint.ImhLatinOnly | Qt.InputMethodHint.ImhNoPredictiveText
        for editor in (self.server, self.code, self.pin):
            editor.setInputMethodHints(latin)
            editor.returnPressed.connect(self.submit)
        self.server.setInputMethodHints(latin | Qt.InputMethodHint.ImhUrlCharactersOnly)
        self.form = FieldForm(
            [
                Field(
                    "server",
                    lambda: self.tr("County server address"),
                    self.server,
                    hint=lambda: self.tr(
                        "As on the enrollment sheet, for example "
                        "https://caseworker.county.local:8765"
                    ),
                ),
                Field(
                    "code",
                    lambda: self.tr("Enrollment code"),
                    self.code,
                    hint=lambda: self.tr(
                        "The one-time code from the county (valid 72 hours). Capital or small "
                        "letters, dashes and spaces do not matter."
                    ),
                ),
                Field(
                    "pin",
                    lambda: self.tr("Certificate fingerprint"),
                    self.pin,
                    hint=lambda: self.tr(
                        "The 64 digits and letters A to F after “server certificate pin” on "
                        "the sheet; colons, spaces and capitals do not matter. Leave it empty "
                        "only when the county says so."
                    ),
                ),
            ]
        )
        self.connect_button = QPushButton()
        self.connect_button.setDefault(True)
        self.cancel_button = QPushButton()
        self.busy = QLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.busy)
        buttons.addStretch(1)  # the buttons keep their size when "connecting" is hidden
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.connect_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.intro)
        layout.addWidget(self.form)
        layout.addLayout(buttons)
        self.busy.hide()
        self.cancel_button.hide()
        self.connect_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.cancelled)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.intro.setText(
            self.tr(
                "Fill in what is on the enrollment sheet the county civil affairs bureau gave "
                "you, then press Connect. This is needed once per laptop."
            )
        )
        self.form.retranslate()
        self.server.setPlaceholderText("https://")
        self.connect_button.setText(self.tr("Connect"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.busy.setText(self.tr("Connecting to the county server…"))
        for key, words in self._errors.items():
            self.form.show_error(key, words())

    def _error(self, key: str, words: Callable[[], str]) -> None:
        """Show a problem under a field; kept as a function to be said again after a
        language switch."""
        self._errors[key] = words
        self.form.show_error(key, words())

    def _clear_errors(self) -> None:
        self._errors.clear()
        self.form.clear_errors()

    def allow_cancel(self, allowed: bool) -> None:
        """Offer Cancel (enrolling again, while already connected) or not (the first time)."""
        self.cancel_button.setVisible(allowed)

    @property
    def busy_now(self) -> bool:
        return self._task is not None

    # checking what was typed -------------------------------------------------------------
    def _address(self) -> str | None:
        text = unicodedata.normalize("NFKC", self.server.text()).strip()
        if not text:
            self._error(
                "server", lambda: self.tr("Fill in the server address from the enrollment sheet.")
            )
            return None
        if any(ch.isspace() for ch in text):
            self._error("server", lambda: self.tr("The address cannot contain spaces."))
            return None
        if "://" not in text:
            text = "https://" + text  # the sheet's address without its beginning
        parts = urlsplit(text)
        try:
            port_ok = parts.port is None or parts.port > 0  # raises for a port not a number
        except ValueError:
            port_ok = False
        if not (parts.hostname and port_ok and parts.scheme in ("https", "http")):
            self._error(
                "server",
                lambda: self.tr(
                    "This is not a server address. Type it as on the enrollment sheet."
                ),
            )
            return None
        if parts.scheme == "http" and not is_loopback(parts.hostname):
            self._error(
                "server",
                lambda: self.tr(
                    "The address must begin with https:// (as on the enrollment sheet from the "
                    "county)."
                ),
            )
            return None
        return text

    def _code(self) -> str | None:
        text = unicodedata.normalize("NFKC", self.code.text()).strip()
        if not text:
            self._error("code", lambda: self.tr("Fill in the enrollment code."))
            return None
        letters = sum(ch.isalnum() for ch in text)
        if letters < 4 or len(text) > CODE_MAX:
            self._error(
                "code",
                lambda: self.tr(
                    "This does not look like an enrollment code. Check it against the sheet."
                ),
            )
            return None
        return text

    def _pin(self, address: str) -> tuple[bool, str | None]:
        """(acceptable, the pin or None when left empty)."""
        pin = normalize_pin(self.pin.text())
        if not pin:
            return True, None
        if address.startswith("http://"):
            self._error(
                "pin",
                lambda: self.tr(
                    "An address beginning with http:// has no certificate: leave this empty."
                ),
            )
            return False, None
        if PIN.fullmatch(pin):
            return True, pin
        if re.fullmatch(r"[0-9a-f]*", pin):
            self._error(
                "pin",
                lambda: self.tr(
                    "A fingerprint has 64 characters; this one has {n}. Check it against the sheet."
                ).format(n=len(pin)),
            )
        else:
            self._error(
                "pin",
                lambda: self.tr(
                    "A fingerprint has only the digits 0 to 9 and the letters A to F. Check it "
                    "against the sheet."
                ),
            )
        return False, None

    # asking the county --------------------------------------------------------------------
    def submit(self) -> Task[EnrollResponse] | None:
        """Check the fields; if they are fine, ask the county on a worker thread."""
        if self._task is not None:
            return None
        self._clear_errors()
        address, code = self._address(), self._code()
        pin_ok, pin = self._pin(address) if address else (True, None)
        if address is None or code is None or not pin_ok:
            self._focus_first_error()
            return None
        store = self.store

        def work(_progress: Progress) -> EnrollResponse:
            return enroll(store, address, code, pin_sha256=pin, timeout=ENROLL_TIMEOUT)

        self._set_busy(True)
        self._task = run_task(
            work,
            on_success=self._done,
            on_failure=lambda error: self._failed(error, pinned=pin is not None),
        )
        return self._task

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        for widget in (self.server, self.code, self.pin, self.connect_button):
            widget.setEnabled(not busy)

    def _done(self, answer: EnrollResponse) -> None:
        self._task = None
        self._set_busy(False)
        self.code.clear()  # used up: it works once
        self.pin.clear()
        self.enrolled.emit(answer)

    def _failed(self, error: Exception, *, pinned: bool) -> None:
        self._task = None
        self._set_busy(False)
        field, _ = enroll_problem(error, pinned=pinned)
        # The fields are keyed by the same names as the problems' fields.
        self._error(field.value, lambda: enroll_problem(error, pinned=pinned)[1])
        self.form.editor(field.value).setFocus()

    def _focus_first_error(self) -> None:
        for key in ("server", "code", "pin"):
            if not self.form.boxes[key].error.isHidden():
                self.form.editor(key).setFocus()
                return
