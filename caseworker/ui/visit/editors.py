"""The kinds of editor a visit field can have (a line, a text, a date, a code, a count, a set
of tick boxes): how each is made, how it shows and gives back the field's value as the
visit's draft keeps it, how it says it changed and how it speaks the current language."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from caseworker.domain.codes import LabelledCode
from caseworker.ui.labels import label
from caseworker.ui.widgets.fields import CodeCombo, DateEdit

translate = QCoreApplication.translate
NOT_RECORDED = QT_TRANSLATE_NOOP("VisitForm", "Not recorded")  # an unknown code or count

W = TypeVar("W", bound=QWidget)


class EditorKind(Generic[W]):
    """What a field's editor is; subclasses make one kind of editor."""

    def make(self, today: date) -> W:
        raise NotImplementedError

    def read(self, editor: W) -> Any:
        """The field's value as the draft keeps it."""
        raise NotImplementedError

    def write(self, editor: W, value: Any) -> None:
        """Show ``value`` (None or missing: the empty field)."""
        raise NotImplementedError

    def watch(self, editor: W, changed: Callable[[], None]) -> None:
        """Call ``changed`` after each change the user makes."""
        raise NotImplementedError

    def retranslate(self, editor: W, text: str) -> None:
        """Words of the editor itself in the current language (``text``: the field's label)."""

    def focus(self, editor: W) -> QWidget:
        """Where the cursor goes to correct the field."""
        return editor


@dataclass(frozen=True)
class Line(EditorKind[QLineEdit]):
    """One line of text; ``placeholder``: a grey example in it (marked for translation)."""

    placeholder: object = None

    def make(self, today: date) -> QLineEdit:
        return QLineEdit()

    def read(self, editor: QLineEdit) -> str:
        return editor.text()

    def write(self, editor: QLineEdit, value: Any) -> None:
        editor.setText(value or "")

    def watch(self, editor: QLineEdit, changed: Callable[[], None]) -> None:
        editor.textChanged.connect(changed)

    def retranslate(self, editor: QLineEdit, text: str) -> None:
        if self.placeholder is not None:
            editor.setPlaceholderText(translate("VisitForm", str(self.placeholder)))


@dataclass(frozen=True)
class Text(EditorKind[QPlainTextEdit]):
    """Text of several lines."""

    def make(self, today: date) -> QPlainTextEdit:
        return QPlainTextEdit()

    def read(self, editor: QPlainTextEdit) -> str:
        return editor.toPlainText()

    def write(self, editor: QPlainTextEdit, value: Any) -> None:
        editor.setPlainText(value or "")

    def watch(self, editor: QPlainTextEdit, changed: Callable[[], None]) -> None:
        editor.textChanged.connect(changed)


@dataclass(frozen=True)
class Day(EditorKind[DateEdit]):
    """A date, at the latest the app's today; kept as ISO text."""

    def make(self, today: date) -> DateEdit:
        editor = DateEdit()
        editor.setMaximumDate(QDate(today))
        return editor

    def read(self, editor: DateEdit) -> str:
        return editor.iso()

    def write(self, editor: DateEdit, value: Any) -> None:
        editor.set_iso(value)

    def watch(self, editor: DateEdit, changed: Callable[[], None]) -> None:
        editor.dateChanged.connect(changed)


@dataclass(frozen=True)
class Code(EditorKind[CodeCombo]):
    """One code of ``codes``, by its label; ``unknown``: "not recorded" (None) may be chosen."""

    codes: type[LabelledCode]
    unknown: bool = False

    def make(self, today: date) -> CodeCombo:
        return CodeCombo(self.codes, unknown_text="" if self.unknown else None)

    def read(self, editor: CodeCombo) -> str | None:
        return editor.code()

    def write(self, editor: CodeCombo, value: Any) -> None:
        editor.set_code(value)

    def watch(self, editor: CodeCombo, changed: Callable[[], None]) -> None:
        editor.currentIndexChanged.connect(changed)

    def retranslate(self, editor: CodeCombo, text: str) -> None:
        if self.unknown:
            editor.set_unknown_text(translate("VisitForm", str(NOT_RECORDED)))
        else:
            editor.retranslate()


@dataclass(frozen=True)
class Count(EditorKind[QSpinBox]):
    """A whole number up to ``maximum``; ``unknown``: 0 shows and is kept as "not recorded"
    (None)."""

    maximum: int
    unknown: bool = False
    suffix: str = ""

    def make(self, today: date) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(0, self.maximum)
        spin.setAccelerated(True)
        if self.unknown:
            spin.setSpecialValueText("—")  # 0 shows as "not recorded"
        return spin

    def read(self, editor: QSpinBox) -> int | None:
        return (editor.value() or None) if self.unknown else editor.value()

    def write(self, editor: QSpinBox, value: Any) -> None:
        editor.setValue(int(value or 0))

    def watch(self, editor: QSpinBox, changed: Callable[[], None]) -> None:
        editor.valueChanged.connect(changed)

    def retranslate(self, editor: QSpinBox, text: str) -> None:
        if self.unknown:
            editor.setSpecialValueText(translate("VisitForm", str(NOT_RECORDED)))
        editor.setSuffix(self.suffix)


class TickGrid(QWidget):
    """A title over tick boxes, two to a row: one box per code."""

    def __init__(self, codes: Iterable[LabelledCode]) -> None:
        super().__init__()
        self.title = QLabel()
        self.boxes = {code: QCheckBox() for code in codes}
        grid = QGridLayout(self)
        grid.addWidget(self.title, 0, 0, 1, 2)
        for index, box in enumerate(self.boxes.values()):
            grid.addWidget(box, 1 + index // 2, index % 2)
        grid.setRowStretch(grid.rowCount(), 1)


@dataclass(frozen=True)
class Ticks(EditorKind[TickGrid]):
    """Any number of ``codes``, ticked; kept as the list of the codes ticked. The field's
    label is the title over the boxes."""

    codes: type[LabelledCode]

    def make(self, today: date) -> TickGrid:
        return TickGrid(self.codes)

    def read(self, editor: TickGrid) -> list[str]:
        return [code.value for code, box in editor.boxes.items() if box.isChecked()]

    def write(self, editor: TickGrid, value: Any) -> None:
        chosen = set(value or [])
        for code, box in editor.boxes.items():
            box.setChecked(code.value in chosen)

    def watch(self, editor: TickGrid, changed: Callable[[], None]) -> None:
        for box in editor.boxes.values():
            box.toggled.connect(changed)

    def retranslate(self, editor: TickGrid, text: str) -> None:
        editor.title.setText(text)
        for code, box in editor.boxes.items():
            box.setText(label(code))

    def focus(self, editor: TickGrid) -> QWidget:
        return next(iter(editor.boxes.values()))
