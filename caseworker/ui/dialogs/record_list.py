"""Editing a list of a household's records (property, expenses, legal supporters) as a
table; each refused cell is marked and its message listed under the table."""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from caseworker.domain.codes import LabelledCode
from caseworker.domain.validation import FieldError
from caseworker.ui.errors import in_full
from caseworker.ui.widgets.fields import CodeCombo, DateEdit, ErrorLabel, TriState

Submit = Callable[[list[dict[str, Any]] | None], list[FieldError]]
ERROR_BRUSH = QBrush(QColor("#fde2e4"))


@dataclass(frozen=True)
class Column:
    """One field of the records: its key, heading, and how it is edited."""

    key: str
    title: str
    codes: Iterable[LabelledCode] | None = None  # a code picker
    kind: str = "text"  # text, date, bool, int
    default: Any = None


class RecordListDialog(QDialog):
    """A table of records; ``submit`` validates and saves the list (None = "not recorded")."""

    def __init__(
        self,
        title: str,
        key: str,
        columns: Sequence[Column],
        records: list[dict[str, Any]] | None,
        *,
        submit: Submit,
        recorded_text: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(720, 420)
        self._key = key
        self._columns = list(columns)
        self._submit = submit
        self._ids: list[str | None] = []
        self.recorded = QCheckBox(recorded_text)
        self.table = QTableWidget(0, len(self._columns))
        self.table.setAccessibleName(title)
        self.table.setHorizontalHeaderLabels([c.title for c in self._columns])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.add = QPushButton(self.tr("Add"))
        self.remove = QPushButton(self.tr("Remove"))
        self.error = ErrorLabel()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        row = QHBoxLayout()
        row.addWidget(self.recorded)
        row.addStretch()
        row.addWidget(self.add)
        row.addWidget(self.remove)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.add.clicked.connect(lambda: self._add_row({}))
        self.remove.clicked.connect(self._remove_row)
        self.recorded.toggled.connect(self._set_recorded)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        for record in records or ():
            self._add_row(record)
        self.recorded.setChecked(records is not None)
        self._set_recorded(records is not None)

    def _editor(self, column: Column, value: Any) -> QWidget | None:
        if column.codes is not None:
            combo = CodeCombo(column.codes)
            combo.set_code(value if value is not None else column.default)
            return combo
        if column.kind == "date":
            edit = DateEdit()
            edit.set_iso(value)
            return edit
        if column.kind == "bool":
            tri = TriState(self.tr("Not known"), self.tr("Yes"), self.tr("No"))
            tri.set_value(value)
            return tri
        return None

    def _add_row(self, record: dict[str, Any]) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self._ids.append(record.get("id"))
        for col, column in enumerate(self._columns):
            value = record.get(column.key, column.default)
            editor = self._editor(column, value)
            if editor is not None:
                self.table.setCellWidget(row, col, editor)
            else:
                self.table.setItem(row, col, QTableWidgetItem("" if value is None else str(value)))

    def _remove_row(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            del self._ids[row]

    def _set_recorded(self, recorded: bool) -> None:
        for widget in (self.table, self.add, self.remove):
            widget.setEnabled(recorded)

    def records(self) -> list[dict[str, Any]] | None:
        """The table as interchange dicts, or None when "not recorded"."""
        if not self.recorded.isChecked():
            return None
        out = []
        for row in range(self.table.rowCount()):
            record: dict[str, Any] = {}
            if self._ids[row]:
                record["id"] = self._ids[row]
            for col, column in enumerate(self._columns):
                widget = self.table.cellWidget(row, col)
                if isinstance(widget, CodeCombo):
                    value: Any = widget.code()
                elif isinstance(widget, DateEdit):
                    value = widget.iso()
                elif isinstance(widget, TriState):
                    value = widget.value()
                else:
                    item = self.table.item(row, col)
                    text = item.text().strip() if item else ""
                    value = text or None
                    if column.kind == "int" and text.isdigit():
                        value = int(text)
                record[column.key] = value
            out.append(record)
        return out

    def save(self) -> None:
        errors = self._submit(self.records())
        self._mark(errors)
        if not errors:
            self.accept()

    def _mark(self, errors: list[FieldError]) -> None:
        for row in range(self.table.rowCount()):
            for col in range(len(self._columns)):
                item = self.table.item(row, col)
                if item is not None:
                    item.setBackground(QBrush())
        prefix = f"{self._key}["
        for error in errors:
            if not error.field.startswith(prefix):
                continue
            index_text, _, key = error.field[len(prefix) :].partition("].")
            if not index_text.isdigit():
                continue
            cols = [i for i, c in enumerate(self._columns) if c.key == key]
            item = self.table.item(int(index_text), cols[0]) if cols else None
            if item is not None:
                item.setBackground(ERROR_BRUSH)
                item.setToolTip(error.problem_zh + "\n" + error.problem_en)
        self.error.show_message(in_full(errors))
        if errors:
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
