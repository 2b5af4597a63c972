"""Editing a household's own facts: address, hukou, residence, registered-poor history,
conflict of interest, an emergency the family is in, and the account assistance is paid
into."""

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from caseworker.domain.codes import EmergencyKind, Hukou, PoorStatus
from caseworker.domain.validation import FieldError
from caseworker.ui.errors import beside_field, in_full
from caseworker.ui.widgets.fields import (
    CodeCombo,
    DateEdit,
    ErrorLabel,
    FieldBox,
    TriState,
    first_input,
)
from caseworker.ui.widgets.guarded import GuardedDialog, fit_to_screen, scrolling

Submit = Callable[[dict[str, Any]], list[FieldError]]


class HouseholdInfoDialog(GuardedDialog):
    """``submit`` gets the household's changed top-level fields and returns the errors."""

    def __init__(
        self,
        data: dict[str, Any],
        *,
        submit: Submit,
        today: date | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Household details"))
        self._submit = submit
        unknown = self.tr("Not known")
        self.address = QLineEdit(data.get("address") or "")
        self.hukou = CodeCombo(Hukou)
        self.hukou.set_code(data.get("hukou"))
        self.local_resident = TriState(unknown, self.tr("Yes"), self.tr("No"))
        self.local_resident.set_value(data.get("local_resident"))
        poor = data.get("registered_poor") or {}
        self.poor_status = CodeCombo(PoorStatus, unknown_text=unknown)
        self.poor_status.set_code(poor.get("status"))
        self.exited_on = DateEdit()
        # Dates not recorded yet start at the app's today (a demo's day, not the computer's).
        shown_today = (today or date.today()).isoformat()
        self.exited_on.set_iso(poor.get("exited_on") or shown_today)
        self.cadre_relative = TriState(unknown, self.tr("Yes"), self.tr("No"))
        self.cadre_relative.set_value(data.get("cadre_relative"))
        emergency = data.get("emergency") or {}
        self.has_emergency = QCheckBox(self.tr("The family is in an emergency"))
        self.has_emergency.setChecked(bool(emergency))
        self.emergency_kind = CodeCombo(EmergencyKind)
        self.emergency_kind.set_code(emergency.get("kind"))
        self.emergency_date = DateEdit()
        self.emergency_date.set_iso(emergency.get("date") or shown_today)
        self.emergency_description = QLineEdit(emergency.get("description") or "")
        self._payment_editors(data.get("payment") or {})
        self.boxes: dict[str, FieldBox] = {}
        form = QFormLayout()
        for key, title, editor in (
            ("address", self.tr("Address"), self.address),
            ("hukou", self.tr("Hukou"), self.hukou),
            ("local_resident", self.tr("Local resident"), self.local_resident),
            ("registered_poor.status", self.tr("Registered-poor status"), self.poor_status),
            ("registered_poor.exited_on", self.tr("Shook off poverty on"), self.exited_on),
            ("cadre_relative", self.tr("Relative of a cadre or caseworker"), self.cadre_relative),
            ("emergency.kind", self.tr("Emergency"), self.emergency_kind),
            ("emergency.date", self.tr("Emergency date"), self.emergency_date),
            ("emergency.description", self.tr("What happened"), self.emergency_description),
            ("payment.bank_name", self.tr("Bank paid through"), self.bank_name),
            ("payment.bank_code", self.tr("Bank code"), self.bank_code),
            ("payment.account_name", self.tr("Account holder"), self.account_name),
            ("payment.account_number", self.tr("Account number"), self.account_number),
        ):
            self.boxes[key] = FieldBox(editor)
            form.addRow(QLabel(title), self.boxes[key])
            # The label is beside the box, not the input: a screen reader is told it.
            first_input(editor).setAccessibleName(title)
            if key == "cadre_relative":
                form.addRow("", self.has_emergency)
        self.general = ErrorLabel()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        body = QWidget()
        body.setLayout(form)
        layout = QVBoxLayout(self)
        layout.addWidget(scrolling(body), 1)
        layout.addWidget(self.general)
        layout.addWidget(buttons)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.poor_status.currentIndexChanged.connect(self._update_enabled)
        self.has_emergency.toggled.connect(self._update_enabled)
        self._update_enabled()
        self._opened = self.fields()
        fit_to_screen(self, 560, 560)

    def _payment_editors(self, payment: dict[str, Any]) -> None:
        """The account the household's assistance is paid into."""
        self.bank_name = QLineEdit(payment.get("bank_name") or "")
        self.bank_name.setPlaceholderText(self.tr("e.g. the county's rural credit cooperative"))
        self.bank_code = QLineEdit(payment.get("bank_code") or "")
        self.bank_code.setPlaceholderText(
            self.tr("optional: 3 digits, or the 12-digit branch number")
        )
        self.account_name = QLineEdit(payment.get("account_name") or "")
        self.account_number = QLineEdit(payment.get("account_number") or "")
        self.account_number.setPlaceholderText(self.tr("digits only"))

    def has_typed_data(self) -> bool:
        return self.fields() != self._opened

    def _update_enabled(self) -> None:
        self.exited_on.setEnabled(self.poor_status.code() == PoorStatus.EXITED.value)
        for widget in (self.emergency_kind, self.emergency_date, self.emergency_description):
            widget.setEnabled(self.has_emergency.isChecked())

    def fields(self) -> dict[str, Any]:
        """The top-level interchange fields this dialog edits."""
        status = self.poor_status.code()
        return {
            "address": self.address.text(),
            "hukou": self.hukou.code(),
            "local_resident": self.local_resident.value(),
            "registered_poor": None
            if status is None
            else {
                "status": status,
                "exited_on": self.exited_on.iso() if status == PoorStatus.EXITED.value else None,
            },
            "cadre_relative": self.cadre_relative.value(),
            "emergency": {
                "kind": self.emergency_kind.code(),
                "date": self.emergency_date.iso(),
                "description": self.emergency_description.text(),
            }
            if self.has_emergency.isChecked()
            else None,
            "payment": self._payment(),
        }

    def _payment(self) -> dict[str, str] | None:
        """The account as typed; None when every box is empty (not recorded)."""
        typed = {
            "bank_name": self.bank_name.text().strip(),
            "bank_code": self.bank_code.text().strip(),
            "account_name": self.account_name.text().strip(),
            "account_number": self.account_number.text().strip(),
        }
        return typed if any(typed.values()) else None

    def save(self) -> None:
        errors = self._submit(self.fields())
        general: list[FieldError] = []
        for box in self.boxes.values():
            box.error.show_message("")
        for error in errors:
            target = self.boxes.get(error.field)
            if target is not None:
                target.error.show_message(beside_field(error))
            else:
                general.append(error)
        self.general.show_message(in_full(general))
        if not errors:
            self.accept()
