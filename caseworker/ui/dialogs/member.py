"""Adding or editing a household member, with each validation message next to its field."""

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from caseworker.domain.codes import DisabilityType, Employment, IncomeKind, LaborCapacity, Relation
from caseworker.domain.idnumber import IdNumberError, age_on, parse_id_number
from caseworker.domain.validation import FieldError
from caseworker.ui.errors import beside_field, in_full
from caseworker.ui.labels import label
from caseworker.ui.widgets.fields import CodeCombo, ErrorLabel, TriState
from caseworker.ui.widgets.form import Field, FieldForm
from caseworker.ui.widgets.guarded import GuardedDialog, fit_to_screen, scrolling

Submit = Callable[[dict[str, Any]], list[FieldError]]
FLAGS = ("in_school", "orphan", "de_facto_unsupported_child", "returned_to_work")


class MemberDialog(GuardedDialog):
    """Edit one member as an interchange dict; ``submit`` validates and saves it, returning
    the errors (an empty list once saved). Errors under ``prefix`` land next to fields."""

    def __init__(
        self,
        member: dict[str, Any] | None,
        *,
        prefix: str,
        submit: Submit,
        today: Any = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._submit = submit
        self._prefix = prefix
        self._original = dict(member or {})
        self._today = today
        self.name = QLineEdit()
        self.id_number = QLineEdit()
        self.id_number.setMaxLength(18)
        self.derived = QLabel()
        self.relation = CodeCombo(Relation, unknown_text="")
        self.labor = CodeCombo(LaborCapacity, unknown_text="")
        self.disability_type = CodeCombo(DisabilityType, unknown_text="")
        self.disability_grade = QSpinBox()
        self.disability_grade.setRange(0, 4)
        self.illness = QLineEdit()
        self.illness_known = QCheckBox()
        self.self_care = QSpinBox()
        self.self_care.setRange(-1, 6)
        self.employment = CodeCombo(Employment, unknown_text="")
        self.flags = {key: TriState("", "", "") for key in FLAGS}
        self.form = self._member_form()
        self.incomes = QTableWidget(0, 2)
        self.incomes.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.incomes.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.incomes_title = QLabel()
        self.incomes_recorded = QCheckBox()
        self.add_income = QPushButton()
        self.remove_income = QPushButton()
        self.general_error = ErrorLabel()
        self.income_error = ErrorLabel()
        self._lay_out()
        self.id_number.textChanged.connect(self._show_derived)
        self.illness_known.toggled.connect(self.illness.setEnabled)
        self.incomes_recorded.toggled.connect(self._incomes_recorded_changed)
        self.add_income.clicked.connect(lambda: self._add_income_row(None, ""))
        self.remove_income.clicked.connect(self._remove_income_row)
        self.retranslate()
        self._load(self._original)
        self._opened = self.member_data()
        fit_to_screen(self, 560, 720)

    def _member_form(self) -> FieldForm:
        """The member's fields, each with its label; what an ID number says (birth date,
        sex, age) on a line of its own under it."""
        flag_words = {
            "in_school": lambda: self.tr("In school"),
            "orphan": lambda: self.tr("Orphan"),
            "de_facto_unsupported_child": lambda: self.tr("De facto unsupported child"),
            "returned_to_work": lambda: self.tr("Returned to work"),
        }
        illness = self._row(self.illness_known, self.illness)
        form = FieldForm(
            [
                Field("name", lambda: self.tr("Name"), self.name),
                Field("id_number", lambda: self.tr("ID number"), self.id_number),
                Field("relation", lambda: self.tr("Relation to head"), self.relation),
                Field("labor_capacity", lambda: self.tr("Labour capacity"), self.labor),
                Field("disability.type", lambda: self.tr("Disability"), self.disability_type),
                Field(
                    "disability.grade", lambda: self.tr("Disability grade"), self.disability_grade
                ),
                Field("serious_illness", lambda: self.tr("Serious illness"), illness),
                Field(
                    "self_care_impossible",
                    lambda: self.tr("Daily activities impossible (of 6)"),
                    self.self_care,
                ),
                Field("employment", lambda: self.tr("Employment"), self.employment),
                *(Field(key, flag_words[key], self.flags[key]) for key in FLAGS),
            ]
        )
        form.layout_.setContentsMargins(0, 0, 0, 0)
        form.layout_.insertRow(2, "", self.derived)
        return form

    def _lay_out(self) -> None:
        """The form, then the incomes table with its buttons, in a scrolling body; the
        general errors and the buttons stay below it."""
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        body = self.body = QWidget()
        inner = QVBoxLayout(body)
        inner.addWidget(self.form)
        inner.addWidget(self.incomes_title)
        inner.addWidget(self._row(self.incomes_recorded, self.add_income, self.remove_income))
        inner.addWidget(self.incomes)
        inner.addWidget(self.income_error)
        layout = QVBoxLayout(self)
        self.body_area = scrolling(body)
        layout.addWidget(self.body_area, 1)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

    def has_typed_data(self) -> bool:
        return self.member_data() != self._opened

    @staticmethod
    def _row(*widgets: QWidget) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in widgets:
            layout.addWidget(widget)
        return row

    # language ------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Household member"))
        self.form.retranslate()
        # The illness's label is beside its tick box and text: a screen reader is told it
        # at the text (the tick box has words of its own).
        self.illness.setAccessibleName(self.form.labels["serious_illness"].text())
        unknown = self.tr("Not known")
        for combo in (self.labor, self.disability_type, self.employment):
            combo.set_unknown_text(unknown)
        self.relation.set_unknown_text(self.tr("Choose..."))
        for tri in self.flags.values():
            for index, text in enumerate((unknown, self.tr("Yes"), self.tr("No"))):
                tri.setItemText(index, text)
        self.disability_grade.setSpecialValueText(self.tr("No grade"))
        self.self_care.setSpecialValueText(unknown)
        self.illness_known.setText(self.tr("Has a serious illness:"))
        self.incomes_title.setText(self.tr("Monthly income"))
        self.incomes.setAccessibleName(self.incomes_title.text())
        self.incomes_recorded.setText(self.tr("Incomes recorded"))
        self.add_income.setText(self.tr("Add income"))
        self.remove_income.setText(self.tr("Remove income"))
        self.incomes.setHorizontalHeaderLabels([self.tr("Kind"), self.tr("Yuan per month")])
        self._show_derived(self.id_number.text())

    # loading and reading back --------------------------------------------------------------
    def _load(self, m: dict[str, Any]) -> None:
        self.name.setText(m.get("name") or "")
        self.id_number.setText(m.get("id_number") or "")
        self.relation.set_code(m.get("relation"))
        self.labor.set_code(m.get("labor_capacity"))
        disability = m.get("disability") or {}
        self.disability_type.set_code(disability.get("type"))
        self.disability_grade.setValue(disability.get("grade") or 0)
        illness = m.get("serious_illness")
        self.illness_known.setChecked(bool(illness))
        self.illness.setEnabled(bool(illness))
        self.illness.setText(illness or "")
        care = m.get("self_care_impossible")
        self.self_care.setValue(-1 if care is None else care)
        self.employment.set_code(m.get("employment"))
        for key, tri in self.flags.items():
            tri.set_value(m.get(key))
        incomes = m.get("incomes")
        self.incomes_recorded.setChecked(incomes is not None)
        for item in incomes or ():
            self._add_income_row(item.get("kind"), item.get("monthly_yuan", ""), item.get("id"))
        self._incomes_recorded_changed(incomes is not None)

    def member_data(self) -> dict[str, Any]:
        """The member as an interchange dict (ids of existing records kept)."""
        m: dict[str, Any] = {k: v for k, v in self._original.items() if k == "id"}
        m["name"] = self.name.text()
        m["id_number"] = self.id_number.text().strip().upper()
        m["relation"] = self.relation.code()
        m["labor_capacity"] = self.labor.code()
        dtype = self.disability_type.code()
        grade = self.disability_grade.value() or None
        m["disability"] = None if dtype is None else {"type": dtype, "grade": grade}
        m["serious_illness"] = self.illness.text() if self.illness_known.isChecked() else ""
        care = self.self_care.value()
        m["self_care_impossible"] = None if care < 0 else care
        m["employment"] = self.employment.code()
        for key, tri in self.flags.items():
            m[key] = tri.value()
        if self.incomes_recorded.isChecked():
            incomes = []
            for row in range(self.incomes.rowCount()):
                combo = self.incomes.cellWidget(row, 0)
                amount = self.incomes.item(row, 1)
                item: dict[str, Any] = {
                    "kind": combo.code() if isinstance(combo, CodeCombo) else None,
                    "monthly_yuan": amount.text().strip() if amount else "",
                }
                income_id = amount.data(Qt.ItemDataRole.UserRole) if amount else None
                if income_id:
                    item["id"] = income_id
                incomes.append(item)
            m["incomes"] = incomes
        else:
            m["incomes"] = None
        return m

    # incomes table --------------------------------------------------------------------------
    def _add_income_row(self, kind: str | None, amount: str, income_id: str | None = None) -> None:
        row = self.incomes.rowCount()
        self.incomes.insertRow(row)
        combo = CodeCombo(IncomeKind)
        combo.set_code(kind or IncomeKind.WAGE.value)
        self.incomes.setCellWidget(row, 0, combo)
        item = QTableWidgetItem(amount)
        item.setData(Qt.ItemDataRole.UserRole, income_id)
        self.incomes.setItem(row, 1, item)

    def _remove_income_row(self) -> None:
        row = self.incomes.currentRow()
        if row >= 0:
            self.incomes.removeRow(row)

    def _incomes_recorded_changed(self, recorded: bool) -> None:
        for widget in (self.incomes, self.add_income, self.remove_income):
            widget.setEnabled(recorded)

    def _show_derived(self, text: str) -> None:
        number = text.strip()
        if len(number) not in (15, 18):
            self.derived.setText("")
            return
        try:
            rid = parse_id_number(number)
        except IdNumberError:
            self.derived.setText("")
            return
        age = age_on(rid.birth_date, self._today or date.today())
        self.derived.setText(
            self.tr("Born {date}, {sex}, {age} years old").format(
                date=rid.birth_date.isoformat(), sex=label(rid.sex), age=age
            )
        )

    # saving ---------------------------------------------------------------------------------
    def save(self) -> None:
        """Validate and save through ``submit``; stay open and show errors if refused."""
        errors = self._submit(self.member_data())
        self.show_errors(errors)
        if not errors:
            self.accept()

    def show_errors(self, errors: list[FieldError]) -> None:
        self.form.clear_errors()
        self.income_error.show_message("")
        general: list[FieldError] = []
        income: list[str] = []
        shown: list[QWidget] = []  # where messages appear in the scrolling body
        for error in errors:
            if not error.field.startswith(self._prefix + "."):
                general.append(error)
                continue
            key = error.field[len(self._prefix) + 1 :]
            if key.startswith("incomes"):
                income.append(in_full([error]))
                shown.append(self.income_error)
            elif key in self.form.boxes:
                self.form.show_error(key, beside_field(error))
                shown.append(self.form.boxes[key])
            else:
                general.append(error)
        self.income_error.show_message("\n".join(income))
        self.general_error.show_message(in_full(general))
        if shown:
            self._scroll_to(shown)

    def _scroll_to(self, shown: list[QWidget]) -> None:
        """Bring the topmost message into view: the body scrolls on a small screen, and a
        message below its visible part would make Save seem to do nothing."""

        def bring_into_view() -> None:  # once the messages just shown are laid out
            top = min(shown, key=lambda w: w.mapTo(self.body, QPoint(0, 0)).y())
            self.body_area.ensureWidgetVisible(top)

        QTimer.singleShot(0, self, bring_into_view)
