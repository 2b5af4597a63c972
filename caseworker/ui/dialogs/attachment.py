"""Adding files to a household's evidence (what they are, whose, when taken, a note) and
removing one (which needs a reason; the record stays)."""

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from caseworker.domain.evidence import ChecklistItem, EvidenceKind, belongs_to_a_member
from caseworker.domain.records import Member
from caseworker.operations.evidence import FileToAttach
from caseworker.operations.messages import in_words
from caseworker.store.attachments import NOTE_MAX, REASON_MAX
from caseworker.ui.i18n import is_chinese
from caseworker.ui.labels import label
from caseworker.ui.widgets.fields import ErrorLabel
from caseworker.ui.widgets.guarded import GuardedDialog, grows_with_its_messages

# (kind, member id or None, taken on or None for each file's own date, note)
AttachSubmit = Callable[[EvidenceKind, str | None, date | None, str], None]


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class AttachDialog(GuardedDialog):
    """What the files are. ``missing`` (the household's checklist items still missing)
    chooses the kind and member offered first; ``submit`` attaches them or raises the
    error to show (the dialog then stays open, with what was chosen)."""

    def __init__(
        self,
        files: Sequence[FileToAttach],
        members: Sequence[Member],
        *,
        missing: Sequence[ChecklistItem],
        today: date,
        submit: AttachSubmit,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add evidence"))
        self.files = list(files)
        self._submit = submit
        self._missing = list(missing)
        self.listing = QLabel("\n".join(self._file_words(f) for f in self.files))
        self.listing.setWordWrap(True)
        self.kind = QComboBox()
        for kind in EvidenceKind:
            self.kind.addItem(label(kind), kind.value)
        self.member = QComboBox()
        self.member.addItem(self.tr("The whole household"), None)
        for m in members:
            self.member.addItem(m.name, m.id)
        self.member_hint = QLabel()
        self.member_hint.setWordWrap(True)
        self.member_hint.setStyleSheet("color: #8a5a00;")
        self.taken_on = QDateEdit()
        self.taken_on.setCalendarPopup(True)
        self.taken_on.setDisplayFormat("yyyy-MM-dd")
        self.taken_on.setMaximumDate(_qdate(today))
        self.taken_on.setDate(_qdate(self.files[0].taken_on if self.files else today))
        self._own_dates = _qdate(self.files[0].taken_on) if self.files else None
        self.note = QLineEdit()
        self.note.setMaxLength(NOTE_MAX)
        self.note.setPlaceholderText(self.tr("optional, e.g. front and back"))
        self.error = ErrorLabel()
        form = QFormLayout()
        form.addRow(self.tr("Files"), self.listing)
        form.addRow(self.tr("What it is"), self.kind)
        form.addRow(self.tr("Whose"), self.member)
        form.addRow("", self.member_hint)
        form.addRow(self.tr("Taken on"), self.taken_on)
        form.addRow(self.tr("Note"), self.note)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Add"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        grows_with_its_messages(self, layout)
        self.kind.currentIndexChanged.connect(self._kind_chosen)
        self.member.currentIndexChanged.connect(self._say_whose)
        first = self._missing[0] if self._missing else None
        self.choose(first.kind if first else EvidenceKind.OTHER)

    def _file_words(self, f: FileToAttach) -> str:
        """A file as listed here: its name, and its pages for a PDF."""
        if f.prepared.media_type.is_image:
            return f.name
        return self.tr("{name} (PDF, {pages} pages)").format(name=f.name, pages=f.prepared.pages)

    def choose(self, kind: EvidenceKind, member_id: str | None = None) -> None:
        """Choose the kind (and its member; by default the first still missing it)."""
        self.kind.setCurrentIndex(self.kind.findData(kind.value))
        self._kind_chosen()
        if member_id is not None:
            self.member.setCurrentIndex(self.member.findData(member_id))

    def chosen_kind(self) -> EvidenceKind:
        return EvidenceKind(self.kind.currentData())

    def _kind_chosen(self) -> None:
        kind = self.chosen_kind()
        if belongs_to_a_member(kind):
            wanted = next(
                (i.member.id for i in self._missing if i.kind is kind and i.member is not None),
                None,
            )
            if wanted is not None:
                self.member.setCurrentIndex(self.member.findData(wanted))
            elif self.member.currentData() is None and self.member.count() > 1:
                self.member.setCurrentIndex(1)
        else:  # the household's paper, unless the user says whose
            self.member.setCurrentIndex(0)
        self._say_whose()

    def _say_whose(self) -> None:
        kind = self.chosen_kind()
        lacking = belongs_to_a_member(kind) and self.member.currentData() is None
        self.member_hint.setText(
            self.tr("A {kind} belongs to one member: choose whose it is.").format(kind=label(kind))
            if lacking
            else ""
        )
        self.member_hint.setVisible(lacking)

    def has_typed_data(self) -> bool:
        return bool(self.note.text().strip())

    def accept(self) -> None:
        chosen = self.taken_on.date()
        # Several files keep each their own date unless the date was changed here.
        same = len(self.files) > 1 and chosen == self._own_dates
        taken_on = None if same else date(chosen.year(), chosen.month(), chosen.day())
        try:
            self._submit(self.chosen_kind(), self.member.currentData(), taken_on, self.note.text())
        except Exception as exc:  # refused: say why, keep what was chosen
            self.error.show_message(in_words(exc).text(is_chinese()))
            return
        super().accept()


class RemoveDialog(GuardedDialog):
    """Why an attachment is taken out of the file; ``submit`` removes it or raises."""

    def __init__(
        self, what: str, *, submit: Callable[[str], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Remove evidence"))
        self._submit = submit
        intro = QLabel(
            self.tr(
                "Remove {what} from the file? It stays in the record, shown under "
                "\u201cRemoved\u201d with who removed it, when and why."
            ).format(what=what)
        )
        intro.setWordWrap(True)
        self.reason = QPlainTextEdit()
        self.reason.setPlaceholderText(self.tr("Reason (required), e.g. wrong household"))
        self.reason.setAccessibleName(self.tr("Reason"))
        self.reason.setMaximumHeight(90)
        self.error = ErrorLabel()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Remove"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.reason)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        grows_with_its_messages(self, layout)

    def has_typed_data(self) -> bool:
        return bool(self.reason.toPlainText().strip())

    def accept(self) -> None:
        reason = self.reason.toPlainText().strip()
        if not reason:
            self.error.show_message(self.tr("Say why it is removed: the reason is required."))
            return
        if len(reason) > REASON_MAX:
            self.error.show_message(
                self.tr("The reason is too long: at most {n} characters.").format(n=REASON_MAX)
            )
            return
        try:
            self._submit(reason)
        except Exception as exc:  # refused: say why, keep the reason typed
            self.error.show_message(in_words(exc).text(is_chinese()))
            return
        super().accept()
