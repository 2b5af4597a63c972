"""The household investigation form (入户调查), a guided form in steps.

Everything typed goes into a draft at once (a short pause after each change, every few
seconds, and on closing), so a crash or power cut loses nothing: the next start offers the
draft back. Saving adds the visit to the household; a signed visit can never be changed.
"""

from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from caseworker.domain.codes import HardshipCause, IncomeKind, VisitPurpose
from caseworker.domain.money import format_yuan
from caseworker.domain.validation import ValidationFailed
from caseworker.interchange.household_format import household_to_dict, parse_household
from caseworker.store.db import Store
from caseworker.store.drafts import delete_draft, save_draft
from caseworker.store.households import load_household, save_household
from caseworker.store.tables import new_id
from caseworker.ui import ask
from caseworker.ui.errors import in_full
from caseworker.ui.labels import label
from caseworker.ui.widgets.fields import CodeCombo, DateEdit, ErrorLabel

if TYPE_CHECKING:
    from caseworker.ui.signing import AskSignature

AUTOSAVE_PAUSE_MS = 400  # after a change
AUTOSAVE_EVERY_MS = 3000
HOUSING_STRUCTURES = ("砖混", "砖木", "土木", "土坯", "楼房", "其他")
HOUSING_CONDITIONS = ("good", "fair", "poor", "dangerous")
ANIMALS = ("cattle", "sheep", "pigs", "poultry")
VEHICLES = ("car", "motorcycle", "tricycle", "tractor", "harvester")


class VisitForm(QDialog):
    """A visit in progress for one household; ``saved`` fires once the visit is stored."""

    saved = Signal(str)  # household id

    def __init__(
        self,
        store: Store,
        household_id: str,
        *,
        worker: str,
        draft_id: str | None = None,
        state: dict[str, Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window)
        self.store = store
        self.household_id = household_id
        self.worker = worker
        self.draft_id = draft_id
        self.visit_id = new_id()  # known before saving, so signatures can refer to it
        self.ask_signature: AskSignature | None = None  # None: the signature pad
        with store.read() as conn:
            household = load_household(conn, household_id)
        if household is None:
            raise LookupError(household_id)
        self.household = household
        self._build()
        self._dirty = False
        self._loading = True
        self.load_state(state or self.initial_state())
        self._loading = False
        self._pause = QTimer(self, singleShot=True, interval=AUTOSAVE_PAUSE_MS)
        self._pause.timeout.connect(self.save_draft)
        self._every = QTimer(self, interval=AUTOSAVE_EVERY_MS)
        self._every.timeout.connect(self.save_draft)
        self._every.start()
        self._watch_changes()
        self.retranslate()
        self.resize(860, 560)

    # building -------------------------------------------------------------------------------
    def _build(self) -> None:
        self.steps = QListWidget()
        self.pages = QStackedWidget()
        self.day = DateEdit()
        self.purpose = CodeCombo(VisitPurpose)
        self.investigator_1 = QLineEdit()
        self.investigator_2 = QLineEdit()
        self.structure = QComboBox()
        self.structure.setEditable(True)
        self.structure.addItems(HOUSING_STRUCTURES)
        self.area = QSpinBox()
        self.area.setRange(0, 2000)
        self.condition = QComboBox()
        self.housing_notes = QLineEdit()
        self.animals = {key: QSpinBox() for key in ANIMALS}
        self.vehicles = {key: QSpinBox() for key in VEHICLES}
        for spin in (*self.animals.values(), *self.vehicles.values()):
            spin.setRange(0, 9999)
        self.property_notes = QLineEdit()
        self.incomes = QTableWidget(0, 3)
        self.incomes.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.add_income = QPushButton()
        self.remove_income = QPushButton()
        self.update_incomes = QCheckBox()
        self.expense_notes = QPlainTextEdit()
        self.causes = {cause: QCheckBox() for cause in HardshipCause}
        self.conclusion = QPlainTextEdit()
        self.notes = QPlainTextEdit()
        self.error = ErrorLabel()
        self.save_button = QPushButton()
        self.sign_button = QPushButton()
        self.discard_button = QPushButton()
        self.back = QPushButton()
        self.forward = QPushButton()
        self.draft_status = QLabel()

        self._forms: list[QFormLayout] = []
        basics = self._page()
        basics.addRow("", self.day)
        basics.addRow("", self.purpose)
        basics.addRow("", self.investigator_1)
        basics.addRow("", self.investigator_2)
        housing = self._page()
        for widget in (self.structure, self.area, self.condition, self.housing_notes):
            housing.addRow("", widget)
        livestock = self._page()
        for spin in self.animals.values():
            livestock.addRow("", spin)
        vehicles = self._page()
        for spin in self.vehicles.values():
            vehicles.addRow("", spin)
        vehicles.addRow("", self.property_notes)
        income_page = QWidget()
        income_layout = QVBoxLayout(income_page)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_income)
        buttons.addWidget(self.remove_income)
        buttons.addStretch()
        income_layout.addLayout(buttons)
        income_layout.addWidget(self.incomes)
        income_layout.addWidget(self.update_incomes)
        self.pages.addWidget(income_page)
        expenses = self._page()
        expenses.addRow("", self.expense_notes)
        causes = self._page()
        for box in self.causes.values():
            causes.addRow(box)
        conclusion = self._page()
        conclusion.addRow("", self.conclusion)
        conclusion.addRow("", self.notes)
        for _ in range(self.pages.count()):
            self.steps.addItem("")
        self.steps.setFixedWidth(170)
        self.steps.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.steps.setCurrentRow(0)

        nav = QHBoxLayout()
        nav.addWidget(self.draft_status)
        nav.addStretch()
        for button in (
            self.back,
            self.forward,
            self.discard_button,
            self.save_button,
            self.sign_button,
        ):
            nav.addWidget(button)
        body = QHBoxLayout()
        body.addWidget(self.steps)
        body.addWidget(self.pages)
        layout = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 14pt; font-weight: bold;")
        layout.addWidget(self.heading)
        layout.addLayout(body)
        layout.addWidget(self.error)
        layout.addLayout(nav)
        self.back.clicked.connect(
            lambda: self.steps.setCurrentRow(max(self.steps.currentRow() - 1, 0))
        )
        self.forward.clicked.connect(
            lambda: self.steps.setCurrentRow(
                min(self.steps.currentRow() + 1, self.pages.count() - 1)
            )
        )
        self.add_income.clicked.connect(
            lambda: self._add_income_row(self.household.members[0].id, None, "")
        )
        self.remove_income.clicked.connect(self._remove_income_row)
        self.save_button.clicked.connect(lambda: self.save_visit(sign=False))
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.sign_button.clicked.connect(lambda: self.save_visit(sign=True))
        self.discard_button.clicked.connect(self.discard)

    def _page(self) -> QFormLayout:
        page = QWidget()
        form = QFormLayout(page)
        self._forms.append(form)
        self.pages.addWidget(page)
        return form

    def _watch_changes(self) -> None:
        for line in (
            self.investigator_1,
            self.investigator_2,
            self.housing_notes,
            self.property_notes,
        ):
            line.textChanged.connect(self.mark_changed)
        for text in (self.expense_notes, self.conclusion, self.notes):
            text.textChanged.connect(self.mark_changed)
        for combo in (self.purpose, self.structure, self.condition):
            combo.currentIndexChanged.connect(self.mark_changed)
        self.structure.editTextChanged.connect(self.mark_changed)
        for spin in (self.area, *self.animals.values(), *self.vehicles.values()):
            spin.valueChanged.connect(self.mark_changed)
        for box in (*self.causes.values(), self.update_incomes):
            box.toggled.connect(self.mark_changed)
        self.day.dateChanged.connect(self.mark_changed)
        self.incomes.itemChanged.connect(self.mark_changed)

    # language ------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        head = self.household.head
        name = head.name if head else ""
        self.setWindowTitle(self.tr("Household investigation: {name}").format(name=name))
        self.heading.setText(self.tr("Household investigation: {name}").format(name=name))
        steps = (
            self.tr("1 Basics"),
            self.tr("2 Housing"),
            self.tr("3 Livestock"),
            self.tr("4 Vehicles and machinery"),
            self.tr("5 Income by member"),
            self.tr("6 Expenses"),
            self.tr("7 Causes of hardship"),
            self.tr("8 Conclusion"),
        )
        for row, text in enumerate(steps):
            self.steps.item(row).setText(text)
        rows = [
            (
                self.tr("Date"),
                self.tr("Purpose"),
                self.tr("Investigator 1"),
                self.tr("Investigator 2"),
            ),
            (
                self.tr("Structure"),
                self.tr("Floor area (m²)"),
                self.tr("Condition"),
                self.tr("Notes"),
            ),
            (self.tr("Cattle"), self.tr("Sheep and goats"), self.tr("Pigs"), self.tr("Poultry")),
            (
                self.tr("Cars"),
                self.tr("Motorcycles"),
                self.tr("Tricycles"),
                self.tr("Tractors"),
                self.tr("Harvesters"),
                self.tr("Other property"),
            ),
            (self.tr("Large expenses this year (medical, school, disaster)"),),
            (),
            (self.tr("Conclusion"), self.tr("Notes")),
        ]
        for form, labels in zip(self._forms, rows, strict=True):
            for row, text in enumerate(labels):
                item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
                if item is not None and isinstance(item.widget(), QLabel):
                    item.widget().setText(text)  # type: ignore[union-attr]
        current = self.condition.currentData()
        self.condition.clear()
        for key, text in zip(
            HOUSING_CONDITIONS,
            (self.tr("Good"), self.tr("Fair"), self.tr("Poor"), self.tr("Dangerous (危房)")),
            strict=True,
        ):
            self.condition.addItem(text, key)
        self.condition.setCurrentIndex(max(self.condition.findData(current), 0))
        self.purpose.retranslate()
        for cause, box in self.causes.items():
            box.setText(label(cause))
        self.incomes.setHorizontalHeaderLabels(
            [self.tr("Member"), self.tr("Kind"), self.tr("Yuan per month")]
        )
        self.add_income.setText(self.tr("Add income"))
        self.remove_income.setText(self.tr("Remove income"))
        self.update_incomes.setText(self.tr("Update the members' incomes from this visit"))
        self.save_button.setText(self.tr("Save visit"))
        self.sign_button.setText(self.tr("Save and sign"))
        self.discard_button.setText(self.tr("Discard draft"))
        self.back.setText(self.tr("Previous"))
        self.forward.setText(self.tr("Next"))

    # state (what the draft holds) -----------------------------------------------------------
    def initial_state(self) -> dict[str, Any]:
        """A new visit: today, two investigators, the incomes as last recorded."""
        incomes = [
            {"member_id": m.id, "kind": i.kind.value, "monthly_yuan": format_yuan(i.monthly_fen)}
            for m in self.household.members
            for i in m.incomes or ()
        ]
        return {
            "household_id": self.household_id,
            "date": date.today().isoformat(),
            "purpose": VisitPurpose.REVIEW.value
            if self.household.benefits
            else VisitPurpose.APPLICATION.value,
            "workers": [self.worker, ""],
            "housing": {"structure": "", "area_m2": 0, "condition": "fair", "notes": ""},
            "livestock": dict.fromkeys(ANIMALS, 0),
            "vehicles": dict.fromkeys(VEHICLES, 0),
            "property_notes": "",
            "incomes": incomes,
            "update_incomes": True,
            "expense_notes": "",
            "hardship_causes": [],
            "conclusion": "",
            "notes": "",
        }

    def state(self) -> dict[str, Any]:
        incomes = []
        for row in range(self.incomes.rowCount()):
            member = self.incomes.cellWidget(row, 0)
            kind = self.incomes.cellWidget(row, 1)
            amount = self.incomes.item(row, 2)
            incomes.append(
                {
                    "member_id": member.currentData() if isinstance(member, QComboBox) else None,
                    "kind": kind.code() if isinstance(kind, CodeCombo) else None,
                    "monthly_yuan": amount.text().strip() if amount else "",
                }
            )
        return {
            "household_id": self.household_id,
            "date": self.day.iso(),
            "purpose": self.purpose.code(),
            "workers": [self.investigator_1.text(), self.investigator_2.text()],
            "housing": {
                "structure": self.structure.currentText(),
                "area_m2": self.area.value(),
                "condition": self.condition.currentData(),
                "notes": self.housing_notes.text(),
            },
            "livestock": {key: spin.value() for key, spin in self.animals.items()},
            "vehicles": {key: spin.value() for key, spin in self.vehicles.items()},
            "property_notes": self.property_notes.text(),
            "incomes": incomes,
            "update_incomes": self.update_incomes.isChecked(),
            "expense_notes": self.expense_notes.toPlainText(),
            "hardship_causes": [
                cause.value for cause, box in self.causes.items() if box.isChecked()
            ],
            "conclusion": self.conclusion.toPlainText(),
            "notes": self.notes.toPlainText(),
        }

    def load_state(self, s: dict[str, Any]) -> None:
        self.day.set_iso(s.get("date"))
        self.purpose.set_code(s.get("purpose"))
        workers = [*s.get("workers", []), "", ""]
        self.investigator_1.setText(workers[0])
        self.investigator_2.setText(workers[1])
        housing = s.get("housing", {})
        self.structure.setCurrentText(housing.get("structure", ""))
        self.area.setValue(int(housing.get("area_m2", 0)))
        self._pending_condition = housing.get("condition")
        self.housing_notes.setText(housing.get("notes", ""))
        for key, spin in self.animals.items():
            spin.setValue(int(s.get("livestock", {}).get(key, 0)))
        for key, spin in self.vehicles.items():
            spin.setValue(int(s.get("vehicles", {}).get(key, 0)))
        self.property_notes.setText(s.get("property_notes", ""))
        self.incomes.setRowCount(0)
        for item in s.get("incomes", []):
            self._add_income_row(
                item.get("member_id"), item.get("kind"), item.get("monthly_yuan", "")
            )
        self.update_incomes.setChecked(bool(s.get("update_incomes", True)))
        self.expense_notes.setPlainText(s.get("expense_notes", ""))
        chosen = set(s.get("hardship_causes", []))
        for cause, box in self.causes.items():
            box.setChecked(cause.value in chosen)
        self.conclusion.setPlainText(s.get("conclusion", ""))
        self.notes.setPlainText(s.get("notes", ""))
        if self.condition.count():
            self.condition.setCurrentIndex(max(self.condition.findData(self._pending_condition), 0))

    def _add_income_row(self, member_id: str | None, kind: str | None, amount: str) -> None:
        row = self.incomes.rowCount()
        self.incomes.insertRow(row)
        member = QComboBox()
        for m in self.household.members:
            member.addItem(m.name, m.id)
        member.setCurrentIndex(max(member.findData(member_id), 0))
        member.currentIndexChanged.connect(self.mark_changed)
        kinds = CodeCombo(IncomeKind)
        kinds.set_code(kind or IncomeKind.WAGE.value)
        kinds.currentIndexChanged.connect(self.mark_changed)
        self.incomes.setCellWidget(row, 0, member)
        self.incomes.setCellWidget(row, 1, kinds)
        self.incomes.setItem(row, 2, QTableWidgetItem(amount))
        self.mark_changed()

    def _remove_income_row(self) -> None:
        row = self.incomes.currentRow()
        if row >= 0:
            self.incomes.removeRow(row)
            self.mark_changed()

    # drafts ---------------------------------------------------------------------------------
    def mark_changed(self) -> None:
        if self._loading:
            return
        self._dirty = True
        self._pause.start()

    def save_draft(self) -> None:
        """Write what is on screen to the draft (does nothing if nothing changed)."""
        if not self._dirty:
            return
        self.draft_id = save_draft(
            self.store,
            kind="visit",
            data=self.state(),
            household_id=self.household_id,
            worker=self.worker,
            draft_id=self.draft_id,
        )
        self._dirty = False
        self.draft_status.setText(
            self.tr("Draft saved at {time}").format(time=datetime.now().strftime("%H:%M:%S"))
        )

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.save_draft()  # closing without saving keeps the draft
        self._every.stop()
        super().closeEvent(event)

    def discard(self) -> None:
        if not ask.confirm(
            self, self.tr("Discard draft"), self.tr("Throw away this unsaved visit?")
        ):
            return
        self._every.stop()
        self._pause.stop()
        self._dirty = False
        if self.draft_id is not None:
            delete_draft(self.store, self.draft_id)
            self.draft_id = None
        self.reject()

    # saving the visit -----------------------------------------------------------------------
    def visit_data(self, *, sign: bool) -> dict[str, Any]:
        s = self.state()
        observations = {
            key: s[key]
            for key in (
                "housing",
                "livestock",
                "vehicles",
                "property_notes",
                "incomes",
                "expense_notes",
            )
        }
        observations["hardship_causes"] = s["hardship_causes"]
        return {
            "id": self.visit_id,
            "date": s["date"],
            "workers": [w.strip() for w in s["workers"] if w.strip()],
            "purpose": s["purpose"],
            "observations": observations,
            "conclusion": s["conclusion"].strip(),
            "notes": s["notes"].strip(),
            "signed_at": datetime.now(UTC).isoformat(timespec="seconds") if sign else None,
        }

    def household_with_visit(self, *, sign: bool) -> dict[str, Any]:
        """The household as it will be saved: the new visit, and the incomes if chosen."""
        with self.store.read() as conn:
            current = load_household(conn, self.household_id)
        assert current is not None
        data = household_to_dict(current)
        data["visits"].append(self.visit_data(sign=sign))
        s = self.state()
        if s["update_incomes"]:
            by_member: dict[str, list[dict[str, Any]]] = {m["id"]: [] for m in data["members"]}
            for item in s["incomes"]:
                if item["member_id"] in by_member:
                    by_member[item["member_id"]].append(
                        {"kind": item["kind"], "monthly_yuan": item["monthly_yuan"]}
                    )
            for member in data["members"]:
                member["incomes"] = by_member[member["id"]]
        return data

    def save_visit(self, *, sign: bool) -> bool:
        """Validate and store the visit; the draft goes once it is stored."""
        self.save_draft()
        workers = [w.strip() for w in self.state()["workers"] if w.strip()]
        if sign and len(workers) < 2:
            self.error.show_message(
                self.tr("A household visit needs at least two investigators before it is signed.")
            )
            return False
        try:
            household = parse_household(self.household_with_visit(sign=sign))
            save_household(self.store, household)
        except ValidationFailed as failed:
            self.error.show_message(in_full(failed.errors))
            return False
        self._every.stop()
        self._pause.stop()
        if self.draft_id is not None:
            delete_draft(self.store, self.draft_id)
            self.draft_id = None
        self._dirty = False
        if sign:
            from caseworker.ui.signing import ask_on_pad, sign_visit  # loads printing

            sign_visit(
                self.store,
                household,
                self.visit_id,
                workers,
                on=date.fromisoformat(self.day.iso()),
                ask=self.ask_signature or ask_on_pad,
                parent=self,
            )
        self.saved.emit(self.household_id)
        self.accept()
        return True
