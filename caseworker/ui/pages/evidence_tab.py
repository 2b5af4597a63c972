"""The household's evidence (证明材料): thumbnails by kind, the checklist of what its
applications under way need, adding files (picker, drag and drop, paste), viewing them at
full size, and removing one with a reason.

Files are read, checked and brought down in size off the GUI thread; the records shown
and the checklist come from the store's records only, never from a file's content.
"""

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QSize, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QIcon,
    QKeySequence,
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from caseworker.domain.evidence import Attachment, ChecklistItem, EvidenceKind
from caseworker.domain.records import Household
from caseworker.eligibility.policy import Policy
from caseworker.operations.changes import Changes
from caseworker.operations.evidence import (
    AttachRequest,
    FileToAttach,
    Source,
    attach_files,
    evidence_content,
    household_checklist,
    limits_of,
    read_to_attach,
    remove_evidence,
    thumbnails_of,
)
from caseworker.operations.messages import in_words
from caseworker.store.attachments import attachments_of
from caseworker.store.db import Store
from caseworker.ui import ask
from caseworker.ui.dialogs.attachment import AttachDialog, RemoveDialog
from caseworker.ui.dialogs.evidence_viewer import EvidenceViewer
from caseworker.ui.i18n import is_chinese
from caseworker.ui.labels import label
from caseworker.ui.runner import Task, run_task
from caseworker.ui.widgets.dropped_files import brings_something, sources_of
from caseworker.ui.widgets.evidence_checklist import ChecklistView, page_icon

THUMBNAIL = 96
FILE_FILTER = "*.jpg *.jpeg *.png *.heic *.heif *.pdf"


class EvidenceTab(QWidget):
    """The evidence of the household ``show_household`` was last given; ``changed`` says
    an attachment was added or removed, ``missing_changed`` gives the checklist items
    still missing (for the eligibility panel)."""

    changed = Signal(object)  # operations.changes.Changes
    missing_changed = Signal(list)  # list[ChecklistItem]

    def __init__(
        self,
        store: Store,
        *,
        worker: str,
        today: Callable[[], date],
        policy_of: Callable[[Household], Policy | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.worker = worker
        self.today = today
        self.policy_of = policy_of
        self.household: Household | None = None
        self.attachments: list[Attachment] = []  # removed ones too
        self.checklist: list[ChecklistItem] = []
        self.thumbnails: dict[str, bytes] = {}
        self.reading: Task[list[FileToAttach]] | None = None
        self.attach_dialog: AttachDialog | None = None  # the last opened (tests)
        self.remove_dialog: RemoveDialog | None = None
        self.viewer: EvidenceViewer | None = None
        self._thumbnail_task: Task[dict[str, bytes]] | None = None
        self._lines_shown: list[QTreeWidgetItem] = []  # groups and files, top to bottom
        self.setAcceptDrops(True)
        self.buttons = {key: QPushButton() for key in ("add", "paste", "view", "remove")}
        self.show_removed = QCheckBox()
        self.busy = QLabel()
        self.busy.hide()
        self.files = QTreeWidget()
        self.files.setIconSize(QSize(THUMBNAIL, THUMBNAIL))
        self.files.setHeaderHidden(True)
        self.files.setIndentation(12)  # room for the pictures on a small screen
        self.files.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.files.setWordWrap(True)
        self.checklist_view = ChecklistView()
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #5f6368;")
        row = QHBoxLayout()
        for button in self.buttons.values():
            row.addWidget(button)
        row.addStretch()
        # The box and the note share the hint's line, which wraps: beside the buttons
        # they made the tab wider than a laptop screen at 150%.
        under = QHBoxLayout()
        under.addWidget(self.hint, 1)
        under.addWidget(self.busy)
        under.addWidget(self.show_removed)
        files = QWidget()
        column = QVBoxLayout(files)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(row)
        column.addLayout(under)
        column.addWidget(self.files, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(files)
        split.addWidget(self.checklist_view)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        self.paste_action = QAction(self)
        self.paste_action.setShortcut(QKeySequence.StandardKey.Paste)
        self.paste_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.paste_action.triggered.connect(self.paste)
        self.addAction(self.paste_action)
        b = self.buttons
        b["add"].clicked.connect(self.choose_files)
        b["paste"].clicked.connect(self.paste)
        b["view"].clicked.connect(lambda: self.view(self.selected()))
        b["remove"].clicked.connect(lambda: self.remove(self.selected()))
        self.files.itemDoubleClicked.connect(lambda item: self.view(self._attachment_of(item)))
        self.files.itemSelectionChanged.connect(self._enable)
        self.show_removed.toggled.connect(lambda _: self._show_files())
        self.retranslate()

    # language ------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        words = {
            "add": self.tr("Add files\u2026"),
            "paste": self.tr("Paste"),
            "view": self.tr("View"),
            "remove": self.tr("Remove\u2026"),
        }
        for key, text in words.items():
            self.buttons[key].setText(text)
        self.show_removed.setText(self.tr("Show removed"))
        self.busy.setText(self.tr("Reading files\u2026"))
        self.hint.setText(
            self.tr("Drag files here or paste with Ctrl+V; double-click one to see it full size.")
        )
        self.files.setAccessibleName(self.tr("Evidence files"))
        self._show_files()
        self._show_checklist()

    # showing --------------------------------------------------------------------------------
    def show_household(self, household: Household) -> None:
        """Show ``household``'s evidence as the store has it now."""
        self.household = household
        with self.store.read() as conn:
            self.attachments = attachments_of(conn, household.id, include_removed=True)
        policy = self.policy_of(household)
        kept = [a for a in self.attachments if not a.removed]
        self.checklist = (
            [] if policy is None else household_checklist(household, policy, kept, self.today())
        )
        self._show_files()
        self._show_checklist()
        self.missing_changed.emit([i for i in self.checklist if i.missing])
        self._load_thumbnails(kept)

    def describe(self, a: Attachment) -> str:
        """An attachment in a few words: its kind, whose, when taken."""
        parts = [label(a.kind)]
        member = self._member_name(a.member_id)
        if member:
            parts.append(member)
        parts.append(a.taken_on.isoformat())
        return " \u00b7 ".join(parts)

    def _member_name(self, member_id: str | None) -> str:
        if member_id is None or self.household is None:
            return ""
        return next((m.name for m in self.household.members if m.id == member_id), "")

    def _lines(self, a: Attachment) -> str:
        lines = [self.describe(a)]
        if not a.media_type.is_image:
            lines.append(self.tr("PDF, %n page(s)", "", a.pages))
        if a.note:
            lines.append(a.note)
        if a.removed and a.removed_at is not None:
            lines.append(
                self.tr("Removed by {who} on {day}: {why}").format(
                    who=a.removed_by,
                    day=a.removed_at.astimezone().strftime("%Y-%m-%d %H:%M"),
                    why=a.removed_reason,
                )
            )
        return "\n".join(lines)

    def _icon(self, a: Attachment) -> QIcon:
        if not a.media_type.is_image:
            return QIcon(page_icon(a.pages, THUMBNAIL))
        small = self.thumbnails.get(a.id)
        if small is None:
            return QIcon()
        picture = QPixmap()
        picture.loadFromData(small)
        return QIcon(picture)

    def _group(self, title: str) -> QTreeWidgetItem:
        group = QTreeWidgetItem([title])
        font = group.font(0)
        font.setBold(True)
        group.setFont(0, font)
        group.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.files.addTopLevelItem(group)
        self._lines_shown.append(group)
        group.setExpanded(True)
        return group

    def _show_files(self) -> None:
        self.files.clear()
        self._lines_shown = []
        kept = [a for a in self.attachments if not a.removed]
        for kind in EvidenceKind:
            mine = [a for a in kept if a.kind is kind]
            if not mine:
                continue
            group = self._group(self.tr("{kind} ({n})").format(kind=label(kind), n=len(mine)))
            for a in mine:
                self._file_row(group, a)
        removed = [a for a in self.attachments if a.removed]
        if removed and self.show_removed.isChecked():
            group = self._group(self.tr("Removed ({n})").format(n=len(removed)))
            for a in removed:
                row = self._file_row(group, a)
                row.setForeground(0, Qt.GlobalColor.darkGray)
        if not kept and not (removed and self.show_removed.isChecked()):
            empty = QTreeWidgetItem([self.tr("No evidence attached yet.")])
            empty.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.files.addTopLevelItem(empty)
        self.show_removed.setVisible(bool(removed))
        self._enable()

    def _file_row(self, group: QTreeWidgetItem, a: Attachment) -> QTreeWidgetItem:
        row = QTreeWidgetItem(group, [self._lines(a)])
        row.setIcon(0, self._icon(a))
        row.setData(0, Qt.ItemDataRole.UserRole, a.id)
        row.setSizeHint(0, QSize(THUMBNAIL, THUMBNAIL + 8))
        self._lines_shown.append(row)
        return row

    def _show_checklist(self) -> None:
        self.checklist_view.show_items(
            self.checklist,
            self.attachments,
            self.describe,
            nothing=self.tr("No application under way needs documents from this household."),
        )

    def _load_thumbnails(self, kept: Sequence[Attachment]) -> None:
        wanted = [a for a in kept if a.media_type.is_image and a.id not in self.thumbnails]
        if not wanted:
            return
        store = self.store

        def arrived(found: dict[str, bytes]) -> None:
            self.thumbnails.update(found)
            self._thumbnail_task = None
            self._show_files()

        self._thumbnail_task = run_task(
            lambda _progress: thumbnails_of(store, wanted),
            on_success=arrived,
            on_failure=lambda _error: None,  # the files stay listed, without pictures
        )

    def row_texts(self) -> list[str]:
        """Every line of the file list, groups and files (tests)."""
        return [item.text(0) for item in self._lines_shown]

    # choosing ------------------------------------------------------------------------------
    def _attachment_of(self, item: QTreeWidgetItem | None) -> Attachment | None:
        if item is None:
            return None
        wanted = item.data(0, Qt.ItemDataRole.UserRole)
        return next((a for a in self.attachments if a.id == wanted), None)

    def selected(self) -> Attachment | None:
        return self._attachment_of(self.files.currentItem())

    def select(self, attachment_id: str) -> None:
        for item in self._lines_shown:
            if item.data(0, Qt.ItemDataRole.UserRole) == attachment_id:
                self.files.setCurrentItem(item)

    def _enable(self) -> None:
        chosen = self.selected()
        self.buttons["view"].setEnabled(chosen is not None)
        self.buttons["remove"].setEnabled(chosen is not None and not chosen.removed)

    # adding --------------------------------------------------------------------------------
    def choose_files(self) -> None:
        chosen, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Add evidence"),
            "",
            self.tr("Photos and scans ({patterns})").format(patterns=FILE_FILTER),
        )
        if chosen:
            self.add_files([Path(p) for p in chosen])

    def add_files(self, sources: Sequence[Source]) -> "Task[list[FileToAttach]] | None":
        """Read and check ``sources`` off the GUI thread, then ask what they are. A file
        refused is named in a message and nothing is added."""
        if self.household is None or not sources or self.reading is not None:
            return None
        limits = limits_of(self.policy_of(self.household), self.today())
        today = self.today()

        self._set_busy(True)
        self.reading = run_task(
            lambda progress: read_to_attach(sources, limits, today, progress.report),
            on_success=self._read,
            on_failure=lambda e: self._refused(e, len(sources)),
        )
        return self.reading

    def add_from(self, mime: QMimeData) -> "Task[list[FileToAttach]] | None":
        """Add the files (or the image) of a drop or of the clipboard."""
        return self.add_files(sources_of(mime))

    def paste(self) -> "Task[list[FileToAttach]] | None":
        mime = QGuiApplication.clipboard().mimeData()
        return None if mime is None else self.add_from(mime)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        mime = event.mimeData()
        if brings_something(mime):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        if self.add_from(event.mimeData()) is not None:
            event.acceptProposedAction()

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        for key in ("add", "paste"):
            self.buttons[key].setEnabled(not busy)

    def _refused(self, error: Exception, count: int) -> None:
        self.reading = None
        self._set_busy(False)
        text = in_words(error).text(is_chinese())
        if count > 1:  # the others are not added either: they are added together or not
            text += "\n\n" + self.tr(
                "None of the %n files chosen was added. Add the others again without this one.",
                "",
                count,
            )
        ask.warn(self, self.tr("Not added"), text)

    def _read(self, files: list[FileToAttach]) -> None:
        self.reading = None
        self._set_busy(False)
        household = self.household
        if household is None:
            return
        store, worker = self.store, self.worker

        def submit(kind: EvidenceKind, member: str | None, day: date | None, note: str) -> None:
            request = AttachRequest(household.id, kind, note, member_id=member, taken_on=day)
            attach_files(store, files, request, worker)

        dialog = AttachDialog(
            files,
            household.members,
            missing=[i for i in self.checklist if i.missing],
            today=self.today(),
            submit=submit,
            parent=self,
        )
        dialog.accepted.connect(self._recorded)
        self.attach_dialog = dialog
        dialog.open()

    def _recorded(self) -> None:
        if self.household is None:
            return
        self.changed.emit(Changes(households=frozenset({self.household.id})))
        self.show_household(self.household)

    # viewing and removing ------------------------------------------------------------------
    def view(self, attachment: Attachment | None) -> EvidenceViewer | None:
        """Open ``attachment`` at full size, with the others of the list to go through."""
        if attachment is None:
            return None
        shown = [a for a in self.attachments if not a.removed or a.removed == attachment.removed]
        store = self.store
        self.viewer = EvidenceViewer(
            shown,
            shown.index(attachment),
            load=lambda a: evidence_content(store, a),
            describe=self._lines,
            page_icon=lambda a: page_icon(a.pages, THUMBNAIL * 2),
            parent=self,
        )
        self.viewer.open()
        return self.viewer

    def remove(self, attachment: Attachment | None) -> RemoveDialog | None:
        """Ask why ``attachment`` is removed, then remove it (the record stays)."""
        if attachment is None or attachment.removed:
            return None
        store, worker = self.store, self.worker
        dialog = RemoveDialog(
            self.describe(attachment),
            submit=lambda reason: remove_evidence(store, attachment.id, reason, worker),
            parent=self,
        )
        dialog.accepted.connect(self._recorded)
        self.remove_dialog = dialog
        dialog.open()
        return dialog
