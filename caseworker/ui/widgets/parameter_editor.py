"""What-if editors, one per kind of parameter value: a money box, a number, a whole number,
yes or no, one choice, a checkable list, a list of words.

Each starts at the value in force, selected, so what the user types replaces it; each
hands the value on as YAML text for ``parse_overrides`` (the one parser of pack values,
which says what is wrong in words). Values too structured to type here (category rules,
amounts by emergency, monthly series) have no editor: ``editor_for`` returns None.
"""

import contextlib
import json
import re
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QWidget,
)

from caseworker.domain.money import MoneyFormatError, format_yuan, yuan_to_fen
from caseworker.eligibility.param_model import Kind, ParamSpec
from caseworker.eligibility.parameter_words import unit_words, value_words
from caseworker.ui.labels import label, language
from caseworker.ui.widgets.fields import CodeCombo

# Items of a list of words may be separated the ways people write lists.
_ITEM_SEPARATORS = re.compile(r"[、,，;；\s]+")
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class _SelectOnFocus(QObject):
    """Selects an editor's whole text when it gets the focus, so typing replaces it (the
    selection is made after the click that gave the focus, which would undo it)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.FocusIn and isinstance(event, QFocusEvent):
            target = watched
            QTimer.singleShot(0, lambda: _select_all(target))
        return False


def _select_all(widget: QObject) -> None:
    if isinstance(widget, QLineEdit | QAbstractSpinBox):
        widget.selectAll()


class ParameterEditor(QWidget):
    """Edits one parameter's what-if value; ``submitted`` when the user presses Enter."""

    submitted = Signal()

    def __init__(self, spec: ParamSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self._selector = _SelectOnFocus(self)

    def set_shown(self, shown: Any) -> None:
        """Start at this value (as a pack's entry shows it)."""
        raise NotImplementedError

    def yaml_text(self) -> str:
        """The value as YAML text for ``parse_overrides``; "" when nothing is given."""
        raise NotImplementedError

    def finish(self) -> None:
        """Tidy what was typed (``450`` -> ``450.00``) before it is used."""

    def focus_editor(self) -> None:
        """Put the focus on the input and select its value, ready to be typed over."""
        self.focus_widget().setFocus(Qt.FocusReason.OtherFocusReason)
        _select_all(self.focus_widget())

    def focus_widget(self) -> QWidget:
        return self

    def _add_unit(self) -> None:
        unit = unit_words(self.spec.unit, language())
        if unit:
            self.unit = QLabel(unit)
            self.row.addWidget(self.unit)
        self.row.addStretch(1)


class _LineEditor(ParameterEditor):
    """Money or a number, typed; its unit beside it."""

    def __init__(self, spec: ParamSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.line = QLineEdit()
        self.line.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.line.setMaximumWidth(self.fontMetrics().horizontalAdvance("0") * 18)
        self.line.installEventFilter(self._selector)
        self.line.returnPressed.connect(self.submitted)
        self.row.addWidget(self.line, 1)
        self._add_unit()

    def set_shown(self, shown: Any) -> None:
        self.line.setText("" if shown is None else str(shown))
        self.line.selectAll()

    def yaml_text(self) -> str:
        text = self.line.text().strip()
        # Quoted, so whatever is typed reaches the parser as text and is judged there
        # (never read as YAML syntax, whose errors would mean nothing to the user).
        return json.dumps(text, ensure_ascii=False) if text else ""

    def finish(self) -> None:
        if self.spec.kind is not Kind.MONEY:
            return
        text = self.line.text().strip().replace(",", "").replace("，", "")
        # Left as typed when it is not an amount: the parser says what is wrong with it.
        with contextlib.suppress(MoneyFormatError):
            self.line.setText(format_yuan(yuan_to_fen(text)))

    def focus_widget(self) -> QWidget:
        return self.line


class _WholeSpin(QSpinBox):
    """A whole-number box whose Enter submits (its editingFinished also fires on leaving)."""

    entered = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        super().keyPressEvent(event)
        if event.key() in _ENTER:
            self.entered.emit()


class _WholeEditor(ParameterEditor):
    def __init__(self, spec: ParamSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.spin = _WholeSpin()
        low, high = spec.value.low, spec.value.high
        self.spin.setRange(int(low or 0), int(high if high is not None else 999_999))
        self.spin.installEventFilter(self._selector)
        self.spin.entered.connect(self.submitted)
        self.row.addWidget(self.spin)
        self._add_unit()

    def set_shown(self, shown: Any) -> None:
        self.spin.setValue(int(shown))
        self.spin.selectAll()

    def yaml_text(self) -> str:
        return str(self.spin.value())

    def focus_widget(self) -> QWidget:
        return self.spin


class _ComboEditor(ParameterEditor):
    """Yes or no, or one of a parameter's codes, by their words."""

    def __init__(self, spec: ParamSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        options = spec.value.options
        if spec.kind is Kind.YES_NO or options is None:
            self.combo: QComboBox = QComboBox()
            for value in (True, False):
                self.combo.addItem(value_words(spec.name, value, language()), value)
        else:
            self.combo = CodeCombo(list(options))
        self.row.addWidget(self.combo)
        self.row.addStretch(1)

    def set_shown(self, shown: Any) -> None:
        self.combo.setCurrentIndex(max(self.combo.findData(shown), 0))

    def yaml_text(self) -> str:
        return json.dumps(self.combo.currentData(), ensure_ascii=False)

    def focus_widget(self) -> QWidget:
        return self.combo


class _CodesEditor(ParameterEditor):
    """A set of codes: every code of the kind, ticked when in the set."""

    def __init__(self, spec: ParamSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.list = QListWidget()
        for code in spec.value.options or ():
            item = QListWidgetItem(label(code))
            item.setData(Qt.ItemDataRole.UserRole, code.value)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        rows = min(self.list.count(), 6)
        self.list.setMaximumHeight(self.list.sizeHintForRow(0) * rows + 2 * self.list.frameWidth())
        self.row.addWidget(self.list, 1)

    def _items(self) -> list[QListWidgetItem]:
        return [self.list.item(i) for i in range(self.list.count())]

    def set_shown(self, shown: Any) -> None:
        chosen = set(shown or ())
        for item in self._items():
            ticked = item.data(Qt.ItemDataRole.UserRole) in chosen
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)

    def checked(self) -> list[str]:
        return [
            item.data(Qt.ItemDataRole.UserRole)
            for item in self._items()
            if item.checkState() == Qt.CheckState.Checked
        ]

    def yaml_text(self) -> str:
        return json.dumps(self.checked(), ensure_ascii=False)

    def focus_widget(self) -> QWidget:
        return self.list


class _WordsEditor(ParameterEditor):
    """A list of words or region codes, typed with "、" between them."""

    def __init__(self, spec: ParamSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.line = QLineEdit()
        self.line.installEventFilter(self._selector)
        self.line.returnPressed.connect(self.submitted)
        self.row.addWidget(self.line, 1)

    def set_shown(self, shown: Any) -> None:
        self.line.setText("、".join(str(item) for item in shown or ()))
        self.line.selectAll()

    def yaml_text(self) -> str:
        items = [item for item in _ITEM_SEPARATORS.split(self.line.text()) if item]
        return json.dumps(items, ensure_ascii=False)

    def focus_widget(self) -> QWidget:
        return self.line


_EDITORS: dict[Kind, type[ParameterEditor]] = {
    Kind.MONEY: _LineEditor,
    Kind.NUMBER: _LineEditor,
    Kind.WHOLE: _WholeEditor,
    Kind.YES_NO: _ComboEditor,
    Kind.ONE_OF: _ComboEditor,
    Kind.CODES: _CodesEditor,
    Kind.TEXTS: _WordsEditor,
    Kind.REGIONS: _WordsEditor,
}


def editor_for(spec: ParamSpec, parent: QWidget | None = None) -> ParameterEditor | None:
    """The what-if editor for a parameter, or None when its values cannot be typed here."""
    editor = _EDITORS.get(spec.kind)
    return editor(spec, parent) if editor is not None else None
