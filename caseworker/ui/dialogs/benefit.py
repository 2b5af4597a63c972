"""Editing what the payment list says of a benefit: its certificate number (低保证号,
救助证编号) and the members it covers (保障人数 can be fewer than the household)."""

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from caseworker.domain.validation import FieldError
from caseworker.ui.errors import beside_field, in_full
from caseworker.ui.widgets.fields import ErrorLabel
from caseworker.ui.widgets.form import Field, FieldForm
from caseworker.ui.widgets.guarded import GuardedDialog, fit_to_screen, scrolling

Submit = Callable[[dict[str, Any]], list[FieldError]]


class BenefitDialog(GuardedDialog):
    """``benefit`` is the benefit's interchange dict, ``members`` (id, name) pairs of the
    household; ``submit`` gets the two fields edited and returns the errors."""

    def __init__(
        self,
        benefit: dict[str, Any],
        members: Sequence[tuple[str, str]],
        *,
        submit: Submit,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Certificate and members covered"))
        self._submit = submit
        self.certificate = QLineEdit(benefit.get("certificate_number") or "")
        self.certificate.setPlaceholderText(self.tr("as written on the certificate"))
        covered = benefit.get("covered_members")
        self.everyone = QCheckBox(self.tr("The whole household"))
        self.everyone.setChecked(covered is None)
        self.member_boxes: dict[str, QCheckBox] = {}
        people = QWidget()
        column = QVBoxLayout(people)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.everyone)
        for member_id, name in members:
            box = QCheckBox(name)
            box.setChecked(covered is None or member_id in covered)
            self.member_boxes[member_id] = box
            column.addWidget(box)
        self.form = FieldForm(
            [
                Field(
                    "certificate_number", lambda: self.tr("Certificate number"), self.certificate
                ),
                Field(
                    "covered_members",
                    lambda: self.tr("Members covered"),
                    people,
                    hint=lambda: self.tr(
                        "The number of people paid for (保障人数) is the members ticked."
                    ),
                ),
            ]
        )
        self.general = ErrorLabel()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        layout = QVBoxLayout(self)
        layout.addWidget(scrolling(self.form), 1)
        layout.addWidget(self.general)
        layout.addWidget(buttons)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.everyone.toggled.connect(self._update_enabled)
        self._update_enabled()
        self._opened = self.fields()
        fit_to_screen(self, 480, 420)

    def has_typed_data(self) -> bool:
        return self.fields() != self._opened

    def _update_enabled(self) -> None:
        for box in self.member_boxes.values():
            box.setEnabled(not self.everyone.isChecked())
            if self.everyone.isChecked():
                box.setChecked(True)

    def fields(self) -> dict[str, Any]:
        """The benefit's fields this dialog edits, in the interchange format."""
        return {
            "certificate_number": self.certificate.text().strip(),
            "covered_members": None
            if self.everyone.isChecked()
            else [member_id for member_id, box in self.member_boxes.items() if box.isChecked()],
        }

    def save(self) -> None:
        errors = self._submit(self.fields())
        self.form.clear_errors()
        general = []
        for error in errors:
            key = error.field.rpartition(".")[2]
            if key in self.form.boxes:
                self.form.show_error(key, beside_field(error))
            else:
                general.append(error)
        self.general.show_message(in_full(general))
        if not errors:
            self.accept()
