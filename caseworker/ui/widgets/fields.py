"""Small editors for household data: code pickers, yes/no/unknown, amounts, and a form row
that shows its validation message right under the field."""

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from caseworker.domain.codes import LabelledCode
from caseworker.ui.labels import label


class CodeCombo(QComboBox):
    """Choose one code of a LabelledCode enum; optionally "unknown" (None) first."""

    def __init__(
        self,
        codes: Iterable[LabelledCode],
        *,
        unknown_text: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._codes = list(codes)
        self._unknown_text = unknown_text
        self.retranslate()

    def set_unknown_text(self, text: str) -> None:
        """Rename the "unknown" choice (after a language switch) and relabel the codes."""
        self._unknown_text = text
        self.retranslate()

    def retranslate(self) -> None:
        current = self.code()
        self.blockSignals(True)
        self.clear()
        if self._unknown_text is not None:
            self.addItem(self._unknown_text, None)
        for code in self._codes:
            self.addItem(label(code), code.value)
        self.set_code(current)
        self.blockSignals(False)

    def code(self) -> str | None:
        value = self.currentData()
        return value if isinstance(value, str) else None

    def set_code(self, code: str | None) -> None:
        index = self.findData(code) if code is not None else (0 if self._unknown_text else -1)
        self.setCurrentIndex(max(index, 0) if self.count() else -1)


class TriState(QComboBox):
    """Yes / no / not known (None): unknown is never taken as "no"."""

    def __init__(self, unknown: str, yes: str, no: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.addItem(unknown, None)
        self.addItem(yes, True)
        self.addItem(no, False)

    def value(self) -> bool | None:
        data = self.currentData()
        return data if isinstance(data, bool) else None

    def set_value(self, value: bool | None) -> None:
        self.setCurrentIndex({None: 0, True: 1, False: 2}[value])


class DateEdit(QDateEdit):
    """A date picker with a calendar and ISO output."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setDate(QDate.currentDate())

    def iso(self) -> str:
        return str(self.date().toString("yyyy-MM-dd"))

    def set_iso(self, value: str | None) -> None:
        self.setDate(QDate.fromString(value, "yyyy-MM-dd") if value else QDate.currentDate())


class ErrorLabel(QLabel):
    """A red message under a field; hidden while there is nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet("color: #b00020;")
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def show_message(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))


class FieldBox(QWidget):
    """An editor with its error message underneath, for QFormLayout rows. The message goes
    as soon as the user changes the field: it spoke of the value that is no longer there."""

    def __init__(self, editor: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.error = ErrorLabel()
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.setSpacing(2)
        self.column.addWidget(editor)
        self.column.addWidget(self.error)
        for signal in _change_signals(editor):
            signal.connect(lambda *_: self.error.show_message(""))


def first_input(editor: QWidget) -> QWidget:
    """The input a field's label names: the editor, or in a composite editor (a tick box
    with a text field) its first input that has no words of its own."""
    if not _is_input(editor):
        for child in editor.findChildren(QWidget):
            if _is_input(child) and not isinstance(child, QCheckBox):
                return child
    return editor


def _is_input(editor: QWidget) -> bool:
    return isinstance(editor, QLineEdit | QPlainTextEdit | QComboBox | QDateEdit | QSpinBox)


def _change_signals(editor: QWidget) -> list[Any]:
    """The signals by which an editor says its value changed."""
    if isinstance(editor, QLineEdit | QPlainTextEdit):
        return [editor.textChanged]
    if isinstance(editor, QComboBox):
        return [editor.currentIndexChanged]
    if isinstance(editor, QDateEdit):
        return [editor.dateChanged]
    if isinstance(editor, QSpinBox):
        return [editor.valueChanged]
    if isinstance(editor, QCheckBox):
        return [editor.toggled]
    # A composite editor (e.g. a tick box with a text field): any of its inputs.
    return [
        signal
        for child in editor.findChildren(QWidget)
        if child.parentWidget() is editor
        for signal in _change_signals(child)
    ]
