"""Registering a new household (新建家庭): the village, address and hukou, then the head
and the other members by name, ID number and relation. Birth date and sex are read from
each ID number as it is typed; the same validation as an import decides, and every refused
value is shown at its field."""

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from caseworker.domain.codes import Hukou, Relation
from caseworker.domain.idnumber import IdNumberError, age_on, parse_id_number
from caseworker.domain.regions import Region
from caseworker.domain.validation import FieldError, ValidationFailed
from caseworker.operations.households import Registered, register_household
from caseworker.store.db import Store
from caseworker.ui.errors import beside_field, in_full
from caseworker.ui.i18n import is_chinese
from caseworker.ui.labels import label
from caseworker.ui.widgets.fields import CodeCombo, ErrorLabel, TriState
from caseworker.ui.widgets.form import Field, FieldForm
from caseworker.ui.widgets.guarded import GuardedDialog, fit_to_screen, scrolling

Describe = Callable[[date, str, int], str]  # birth date, sex, age -> a line to show


class MemberRow:
    """One member's line: name, ID number, relation, what the ID number says, remove."""

    def __init__(self, grid: QGridLayout, row: int, *, today: date, describe: Describe) -> None:
        self.today = today
        self.describe = describe
        self.name = QLineEdit()
        self.id_number = QLineEdit()
        self.id_number.setMaxLength(18)
        self.relation = CodeCombo(Relation, unknown_text="")
        self.derived = QLabel()
        self.error = ErrorLabel()
        self.remove = QPushButton()
        self.widgets: tuple[QWidget, ...] = (self.name, self.id_number, self.relation, self.remove)
        for column, widget in enumerate(self.widgets):
            grid.addWidget(widget, 2 * row, column)
        below = QWidget()
        notes = QVBoxLayout(below)
        notes.setContentsMargins(0, 0, 0, 4)
        notes.addWidget(self.derived)
        notes.addWidget(self.error)
        grid.addWidget(below, 2 * row + 1, 0, 1, len(self.widgets))
        self.below = below
        self.id_number.textChanged.connect(self.check_id_number)

    def check_id_number(self) -> None:
        """Say at once what the typed ID number means, or why it cannot be right."""
        number = self.id_number.text().strip().upper()
        self.derived.setText("")
        self.error.show_message("")
        if len(number) < 18 and len(number) != 15:
            return
        try:
            rid = parse_id_number(number)
        except IdNumberError as exc:
            self.error.show_message(exc.zh if is_chinese() else exc.en)
            return
        self.derived.setText(
            self.describe(rid.birth_date, label(rid.sex), age_on(rid.birth_date, self.today))
        )

    def data(self) -> dict[str, Any]:
        return {
            "name": self.name.text().strip(),
            "id_number": self.id_number.text().strip().upper(),
            "relation": self.relation.code(),
        }

    def typed(self) -> bool:
        return bool(self.name.text().strip() or self.id_number.text().strip())

    def discard(self) -> None:
        for widget in (*self.widgets, self.below):
            widget.hide()
            widget.deleteLater()


class RegisterHouseholdDialog(GuardedDialog):
    """``registered`` holds the new household once it is saved."""

    def __init__(
        self,
        store: Store,
        *,
        villages: list[Region],
        scope: str | None,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.scope = scope
        self.today = today
        self.registered: Registered | None = None
        self.village = QComboBox()
        for village in villages:
            self.village.addItem(village.name, village.code)
        self.village.setEnabled(len(villages) > 1)
        self.address = QLineEdit()
        self.hukou = CodeCombo(Hukou)
        self.local_resident = TriState("", "", "")
        self.local_resident.set_value(True)
        self.details = FieldForm(
            [
                Field("village_code", lambda: self.tr("Village"), self.village, required=True),
                Field(
                    "address",
                    lambda: self.tr("Address"),
                    self.address,
                    required=True,
                    hint=lambda: self.tr("Within the village, e.g. 三组18号"),
                ),
                Field("hukou", lambda: self.tr("Hukou"), self.hukou, required=True),
                Field("local_resident", lambda: self.tr("Local resident"), self.local_resident),
            ]
        )
        self.members_title = QLabel()
        self.members_title.setStyleSheet("font-weight: bold;")
        self.members_help = QLabel()
        self.members_help.setWordWrap(True)
        self.headers = [QLabel() for _ in range(3)]
        self.grid = QGridLayout()
        for column, header in enumerate(self.headers):
            self.grid.addWidget(header, 0, column)
        self.grid.setColumnStretch(0, 2)
        self.grid.setColumnStretch(1, 3)
        self.grid.setColumnStretch(2, 2)
        self.rows: list[MemberRow] = []
        self.add_member = QPushButton()
        self.general = ErrorLabel()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        body = QWidget()
        inner = QVBoxLayout(body)
        inner.addWidget(self.details)
        inner.addWidget(self.members_title)
        inner.addWidget(self.members_help)
        members = QWidget()
        members.setLayout(self.grid)
        inner.addWidget(members)
        inner.addWidget(self.add_member)
        inner.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(scrolling(body), 1)
        layout.addWidget(self.general)
        layout.addWidget(self.buttons)
        self.add_member.clicked.connect(lambda: self.new_row().name.setFocus())
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.new_row().relation.set_code(Relation.HEAD.value)
        self.retranslate()
        fit_to_screen(self, 820, 620)

    # rows -------------------------------------------------------------------------------
    def new_row(self) -> MemberRow:
        """Add an empty member line under the others."""
        row = MemberRow(self.grid, len(self.rows) + 1, today=self.today, describe=self._born)
        row.remove.clicked.connect(lambda: self._remove(row))
        self.rows.append(row)
        self.retranslate()
        self.reorder_tabs()
        return row

    def _born(self, birth: date, sex: str, age: int) -> str:
        return self.tr("Born {date}, {sex}, {age} years old").format(
            date=birth.isoformat(), sex=sex, age=age
        )

    def _remove(self, row: MemberRow) -> None:
        if len(self.rows) > 1:
            self.rows.remove(row)
            row.discard()
            self.reorder_tabs()

    # language ---------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Register a new household"))
        self.details.retranslate()
        for index, text in enumerate((self.tr("Yes"), self.tr("No")), start=1):
            self.local_resident.setItemText(index, text)
        self.local_resident.setItemText(0, self.tr("Not known"))
        self.members_title.setText(self.tr("Members living together"))
        self.members_help.setText(
            self.tr(
                "The head first. Birth date and sex are read from the ID number. Health, "
                "work and income are recorded afterwards on the household's page or in a visit."
            )
        )
        for header, text in zip(
            self.headers,
            (self.tr("Name *"), self.tr("ID number *"), self.tr("Relation to head *")),
            strict=True,
        ):
            header.setText(text)
        for row in self.rows:
            row.relation.set_unknown_text(self.tr("Choose..."))
            row.remove.setText(self.tr("Remove"))
            row.name.setAccessibleName(self.tr("Name"))
            row.id_number.setAccessibleName(self.tr("ID number"))
            row.relation.setAccessibleName(self.tr("Relation to head"))
            row.check_id_number()
        self.add_member.setText(self.tr("Add a member"))

    # saving -----------------------------------------------------------------------------
    def household_data(self) -> dict[str, Any]:
        """What was typed, in interchange form."""
        return {
            "village_code": self.village.currentData(),
            "address": self.address.text().strip(),
            "hukou": self.hukou.code(),
            "local_resident": self.local_resident.value(),
            "members": [row.data() for row in self.rows],
        }

    def has_typed_data(self) -> bool:
        return bool(self.address.text().strip()) or any(row.typed() for row in self.rows)

    def save(self) -> bool:
        """Register the household; on refusal every problem is shown at its field."""
        try:
            self.registered = register_household(
                self.store, self.household_data(), scope=self.scope
            )
        except ValidationFailed as failed:
            self.show_errors(failed.errors)
            return False
        super().accept()
        return True

    def show_errors(self, errors: list[FieldError]) -> None:
        self.details.clear_errors()
        for row in self.rows:
            row.error.show_message("")
        general: list[FieldError] = []
        by_row: dict[int, list[str]] = {}
        for error in errors:
            if error.field in self.details.boxes:
                self.details.show_error(error.field, beside_field(error))
            elif error.field.startswith("members[") and "]" in error.field:
                index = int(error.field[len("members[") : error.field.index("]")])
                if 0 <= index < len(self.rows):
                    by_row.setdefault(index, []).append(in_full([error]))
                else:
                    general.append(error)
            else:
                general.append(error)
        for index, texts in by_row.items():
            self.rows[index].error.show_message("\n".join(texts))
        self.general.show_message(in_full(general))
        first = next(iter(sorted(by_row)), None)
        if first is not None:
            self.rows[first].name.setFocus()
