"""Forms built from a list of fields: one entry gives a field's label, editor, hint and
whether it is required, so a label can never be lost from its field, and every field gets
its error line, its accessible name and its translation from that one entry."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from caseworker.ui.widgets.fields import FieldBox

Text = Callable[[], str]  # a translated text, asked for again at each language switch


@dataclass(frozen=True)
class Field:
    """One row of a form: ``key`` names it for errors (a path of the record)."""

    key: str
    label: Text
    editor: QWidget
    required: bool = False
    hint: Text | None = None


class FieldForm(QWidget):
    """The rows of ``fields``, each as: label (with * when required), editor, error line,
    and a grey hint under it when the field has one."""

    def __init__(self, fields: Sequence[Field], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields = list(fields)
        self.labels: dict[str, QLabel] = {}
        self.boxes: dict[str, FieldBox] = {}
        self.hints: dict[str, QLabel] = {}
        self.layout_ = QFormLayout(self)
        self.layout_.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for f in self.fields:
            label = QLabel()
            label.setBuddy(f.editor)
            box = FieldBox(f.editor)
            if f.hint is not None:
                hint = QLabel()
                hint.setWordWrap(True)
                hint.setStyleSheet("color: #555555;")
                box.column.addWidget(hint)
                self.hints[f.key] = hint
            self.labels[f.key] = label
            self.boxes[f.key] = box
            self.layout_.addRow(label, box)
        self.retranslate()

    def retranslate(self) -> None:
        """Set every label, hint and accessible name in the current language."""
        for f in self.fields:
            text = f.label()
            self.labels[f.key].setText(f"{text} *" if f.required else text)
            f.editor.setAccessibleName(text)
            if f.hint is not None:
                self.hints[f.key].setText(f.hint())

    def show_row(self, key: str, visible: bool) -> None:
        """Show or hide a field with its label (a field that does not apply now)."""
        self.layout_.setRowVisible(self.boxes[key], visible)

    def editor(self, key: str) -> QWidget:
        return self.boxes[key].editor

    def show_error(self, key: str, text: str) -> None:
        self.boxes[key].error.show_message(text)

    def clear_errors(self) -> None:
        for box in self.boxes.values():
            box.error.show_message("")
