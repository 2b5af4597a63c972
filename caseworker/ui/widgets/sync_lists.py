"""The two lists of the sync page that ask the specialist to act: conflicts (both values
side by side, keep one) and changes the county refused (the reason, open the household,
fix it, send again). Either opens its household on a double click."""

import html
import re

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from caseworker.store.db import Store
from caseworker.store.households import load_household
from caseworker.sync.conflicts import OpenConflict, UnknownConflict, resolve_conflict
from caseworker.sync.quarantine import QuarantinedChange, resend
from caseworker.ui import ask
from caseworker.ui.i18n import is_chinese
from caseworker.ui.widgets.sync_words import clean_text, conflict_values, what_words

# How the county names a row: 家庭成员（1a2b3c4d） / member (1a2b3c4d).
ID_OF_RECORD = re.compile(r" ?[（(]([0-9a-f]{8})[）)]")
REASONS_SHOWN = 4
REASON_LIMIT = 300
ROWS_SHOWN = 8  # rows a list shows before it scrolls


def people_of(store: Store, household_id: str) -> dict[str, str]:
    """Member and legal supporter ids of a household on this laptop -> their names."""
    with store.read() as conn:
        household = load_household(conn, household_id)
    if household is None:
        return {}
    names = {m.id: m.name for m in household.members}
    names.update({s.id: s.name for s in household.legal_supporters or [] if s.name})
    return names


def _table(columns: int) -> QTableWidget:
    table = QTableWidget(0, columns)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setWordWrap(True)
    table.setTextElideMode(Qt.TextElideMode.ElideNone)  # long labels wrap, never cut
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
    return table


def _item(text: str, household_id: str, key: object) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setData(Qt.ItemDataRole.UserRole, key)
    item.setData(Qt.ItemDataRole.UserRole + 1, household_id)
    # A tooltip would read text that looks like HTML as HTML: the county's text is escaped.
    item.setToolTip("<p>" + html.escape(text).replace("\n", "<br>") + "</p>")
    return item


class _ActionList(QWidget):
    """A hint, a table, an "empty" line and a row of buttons acting on the selected row."""

    household_opened = Signal(str)

    def __init__(self, store: Store, columns: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.empty = QLabel()
        self.empty.setStyleSheet("color: #555555;")
        self.table = _table(columns)
        self.open_button = QPushButton()
        self.action_buttons = [self.open_button]
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        self.buttons.addWidget(self.open_button)
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.addWidget(self.hint)
        self.column.addWidget(self.empty)
        self.column.addWidget(self.table)
        self.column.addLayout(self.buttons)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.horizontalHeader().sectionResized.connect(self._rows_rewrapped)
        self.table.itemDoubleClicked.connect(
            lambda item: self._open(item.data(Qt.ItemDataRole.UserRole + 1))
        )
        self.open_button.clicked.connect(lambda: self._open(self.selected_household()))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        raise NotImplementedError

    def _open(self, household_id: object) -> None:
        if isinstance(household_id, str) and household_id:
            self.household_opened.emit(household_id)

    def selected_key(self) -> object:
        rows = self.table.selectionModel().selectedRows()
        item = self.table.item(rows[0].row(), 0) if rows else None
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def selected_household(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        item = self.table.item(rows[0].row(), 0) if rows else None
        value = item.data(Qt.ItemDataRole.UserRole + 1) if item is not None else None
        return value if isinstance(value, str) else None

    def _fit_height(self) -> None:
        """As tall as its rows (up to ROWS_SHOWN of them), so a short list leaves no empty
        box and a long one scrolls inside the page."""
        shown = min(self.table.rowCount(), ROWS_SHOWN)
        rows = sum(self.table.rowHeight(r) for r in range(shown))
        rows += self.table.verticalHeader().defaultSectionSize() * max(0, 2 - shown)
        frame = 2 * self.table.frameWidth()
        scrollbar = self.table.horizontalScrollBar().sizeHint().height()
        self.table.setFixedHeight(self.table.horizontalHeader().height() + rows + frame + scrollbar)

    def _rows_rewrapped(self) -> None:
        # Wrapped cells take more or fewer lines at another column width.
        self.table.resizeRowsToContents()
        self._fit_height()

    def _selection_changed(self) -> None:
        chosen = self.selected_key() is not None
        for button in self.action_buttons:
            button.setEnabled(chosen)

    def _show_rows(self, rows: list[list[QTableWidgetItem]]) -> None:
        self.table.setRowCount(0)
        for cells in rows:
            row = self.table.rowCount()
            self.table.insertRow(row)
            for column, cell in enumerate(cells):
                self.table.setItem(row, column, cell)
        self.table.resizeRowsToContents()
        self._fit_height()
        if rows:  # the buttons work at once; the specialist confirms before anything changes
            self.table.selectRow(0)
        has_rows = bool(rows)
        self.table.setVisible(has_rows)
        self.hint.setVisible(has_rows)
        self.empty.setVisible(not has_rows)
        for button in self.action_buttons:
            button.setVisible(has_rows)
        self._selection_changed()


class ConflictList(_ActionList):
    """Open conflicts: the household's head, the field, the county's value and the other
    value; keep one or the other."""

    resolved = Signal(object)  # Callable[[], str]: says what was decided, in the language now

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(store, 4, parent)
        self.conflicts: list[OpenConflict] = []
        self.regions: dict[str, str] = {}
        self.keep_button = QPushButton()
        self.other_button = QPushButton()
        self.buttons.insertWidget(1, self.keep_button)
        self.buttons.insertWidget(2, self.other_button)
        self.action_buttons += [self.keep_button, self.other_button]
        self.keep_button.clicked.connect(lambda: self.resolve_selected("kept"))
        self.other_button.clicked.connect(lambda: self.resolve_selected("other"))
        self.retranslate()

    def retranslate(self) -> None:
        self.hint.setText(
            self.tr(
                "Two laptops changed the same item of a household. Check which value is right, "
                "select the row and choose. Double-click a row to open the household."
            )
        )
        self.empty.setText(self.tr("No conflicts to resolve."))
        self.table.setAccessibleName(self.tr("Conflicts to resolve"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Head of household"),
                self.tr("Item"),
                self.tr("County's value (in force)"),
                self.tr("Other value"),
            ]
        )
        self.keep_button.setText(self.tr("Keep the county's value"))
        self.other_button.setText(self.tr("Use the other value"))
        self.open_button.setText(self.tr("Open the household"))
        self.show_conflicts(self.conflicts, self.regions)

    def show_conflicts(self, conflicts: list[OpenConflict], regions: dict[str, str]) -> None:
        """Show ``conflicts`` (not the held-household notes: they have nothing to choose)."""
        self.conflicts = [c for c in conflicts if not c.held]
        self.regions = regions
        rows = []
        for c in self.conflicts:
            kept, other = conflict_values(c, regions, people_of(self.store, c.household_id))
            if c.other_device == self.store.device_id:
                other = self.tr("{value} (this laptop)").format(value=other)
            else:
                other = self.tr("{value} (another laptop)").format(value=other)
            head = clean_text(c.head_name, 40) or self.tr("(not on this laptop)")
            rows.append(
                [_item(text, c.household_id, c.id) for text in (head, what_words(c), kept, other)]
            )
        self._show_rows(rows)

    def resolve_selected(self, choice: str) -> bool:
        """Settle the selected conflict with the county's value ("kept") or the other one,
        after the specialist confirms; the next sync tells the county."""
        key = self.selected_key()
        conflict = next((c for c in self.conflicts if c.id == key), None)
        if conflict is None:
            return False
        people = people_of(self.store, conflict.household_id)
        kept, other = conflict_values(conflict, self.regions, people)
        value = kept if choice == "kept" else other
        head = clean_text(conflict.head_name, 40) or self.tr("this household")
        question = self.tr("Set “{what}” of {head}'s household to “{value}”?").format(
            what=what_words(conflict), head=head, value=value
        )
        if not ask.confirm(self, self.tr("Resolve the conflict"), question):
            return False
        try:
            resolve_conflict(self.store, conflict.id, "kept" if choice == "kept" else "other")
        except UnknownConflict:  # settled meanwhile (a sync brought the county's decision)
            self.resolved.emit(lambda: self.tr("This conflict had already been settled."))
            return False
        self.resolved.emit(
            lambda: self.tr("Decided: “{value}”. The next sync tells the county.").format(
                value=value
            )
        )
        return True


class RefusedList(_ActionList):
    """Changes the county refused: the household's head and the reasons; open it, fix it,
    send it again."""

    resent = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(store, 2, parent)
        self.changes: list[QuarantinedChange] = []
        self.held_notes: list[OpenConflict] = []
        self.held = QLabel()  # households from the county this laptop could not store
        self.held.setWordWrap(True)
        self.column.addWidget(self.held)
        self.resend_button = QPushButton()
        self.buttons.addWidget(self.resend_button)
        self.action_buttons.append(self.resend_button)
        self.resend_button.clicked.connect(self.resend_selected)
        self.retranslate()

    def retranslate(self) -> None:
        self.hint.setText(
            self.tr(
                "The county did not take these households' changes. Open the household, correct "
                "what the reason says, then press “Send again after fixing the household”. The "
                "other records are synced as usual."
            )
        )
        self.empty.setText(self.tr("The county has refused nothing."))
        self.table.setAccessibleName(self.tr("Refused by the county"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Head of household"), self.tr("Why the county refused it")]
        )
        self.open_button.setText(self.tr("Open the household"))
        self.resend_button.setText(self.tr("Send again after fixing the household"))
        self.show_changes(self.changes, self.held_notes)

    def show_changes(self, changes: list[QuarantinedChange], held: list[OpenConflict]) -> None:
        """Show refused ``changes``, and a line about ``held`` households (from the county,
        not storable here: fetched again at every sync, nothing to choose)."""
        self.changes, self.held_notes = changes, held
        self._show_held(held)
        rows = []
        for change in changes:
            head = clean_text(change.head_name, 40) or self.tr("(not on this laptop)")
            reasons = self.reasons(change)
            rows.append(
                [
                    _item(head, change.household_id, change.seq),
                    _item(reasons, change.household_id, change.seq),
                ]
            )
        self._show_rows(rows)

    def _show_held(self, held: list[OpenConflict]) -> None:
        self.held.setVisible(bool(held))
        if not held:
            return
        # The laptop noted why it could not store them (a database message, never shown):
        # a duplicated ID number is the one cause a specialist can fix here.
        if any("id_number" in str(c.other_value) for c in held):
            why = self.tr(
                "a member's ID number is already in another household on this laptop. Look for "
                "a person recorded in two households here and correct it"
            )
        else:
            why = self.tr("call the county if this stays after the next sync")
        self.held.setText(
            self.tr(
                "{n} household(s) from the county could not be stored on this laptop: {why}. "
                "They are fetched again at every sync."
            ).format(n=len(held), why=why)
        )

    def reasons(self, change: QuarantinedChange) -> str:
        """The county's reasons in the current language, one a line; a record the county
        names by its id is named by its person instead."""
        names = {key[:8]: name for key, name in people_of(self.store, change.household_id).items()}
        lines = []
        for error in change.errors[:REASONS_SHOWN]:
            if error.get("code") == "out_of_scope":
                lines.append(
                    self.tr(
                        "The household's village is outside the area this laptop works for; "
                        "the county does not take it from this laptop. Check its village."
                    )
                )
                continue
            text = error.get("message_zh" if is_chinese() else "message_en")
            if not isinstance(text, str) or not text.strip():
                lines.append(self.tr("The county gave no reason."))
                continue

            def named(match: re.Match[str]) -> str:
                name = names.get(match.group(1), "")
                if not name:
                    return ""
                return f"（{name}）" if is_chinese() else f" ({name})"

            lines.append(clean_text(ID_OF_RECORD.sub(named, text), REASON_LIMIT))
        if not lines:
            lines.append(self.tr("The county gave no reason."))
        more = len(change.errors) - REASONS_SHOWN
        if more > 0:
            lines.append(self.tr("… and {n} more problems.").format(n=more))
        return "\n".join(lines)

    def resend_selected(self) -> bool:
        key = self.selected_key()
        if not isinstance(key, int) or not resend(self.store, key):
            return False
        self.resent.emit()
        return True
