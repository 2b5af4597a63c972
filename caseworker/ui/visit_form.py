"""The household investigation form (入户调查), a guided form in steps.

Every input has its label beside it (the steps are built from field lists), amounts are
checked as they are typed, and on saving every problem is listed: a click on one (and the
first one at once) takes the user to its step and field.

Everything typed goes into a draft (a short pause after each change, every few seconds,
and on closing), so a crash or a power cut loses nothing: the next start offers the draft
back. A draft is written only when the form differs from what it opened with, so opening
and closing a form, or switching language, leaves no draft behind. The visit keeps its id
from the moment the form opens (it is in the draft), so a recovered draft of a visit that
was in fact saved can never become a second visit.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from caseworker.domain.codes import (
    MEASURE_WORDS,
    HardshipCause,
    HousingCondition,
    HousingStructure,
    IncomeKind,
    LabelledCode,
    LivestockKind,
    VehicleKind,
    VisitPurpose,
)
from caseworker.domain.money import MoneyFormatError, format_yuan, yuan_to_fen
from caseworker.domain.records import Member
from caseworker.domain.validation import MONTHLY_INCOME_LIMIT_FEN, FieldError, ValidationFailed
from caseworker.operations.changes import Changes
from caseworker.operations.visits import (
    VISIT,
    HouseholdGone,
    IncomeChange,
    income_changes,
    save_visit,
)
from caseworker.store.db import Store
from caseworker.store.drafts import delete_draft, save_draft
from caseworker.store.households import load_household
from caseworker.store.tables import new_id
from caseworker.ui import ask
from caseworker.ui.fonts import make_heading
from caseworker.ui.i18n import is_chinese
from caseworker.ui.labels import label, yuan
from caseworker.ui.widgets.fields import CodeCombo, DateEdit, ErrorLabel
from caseworker.ui.widgets.form import Field, FieldForm
from caseworker.ui.widgets.guarded import GuardedDialog, fit_to_screen, scrolling

if TYPE_CHECKING:
    from caseworker.ui.signing import AskSignature

AUTOSAVE_PAUSE_MS = 400  # after a change
AUTOSAVE_EVERY_MS = 3000
MAX_AREA_M2 = 2000
MAX_COUNT = 9999
BASICS, HOUSING, LIVESTOCK, VEHICLES, INCOMES, EXPENSES, CAUSES, CONCLUSION = range(8)


def _spin(maximum: int, *, unknown: bool = False) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(0, maximum)
    spin.setAccelerated(True)
    if unknown:
        spin.setSpecialValueText("—")  # 0 shows as "not recorded"
    return spin


@dataclass(frozen=True)
class FormProblem:
    """One reason the visit cannot be saved yet, and where the user fixes it."""

    step: int
    widget: QWidget | None
    text: str


class MemberCombo(QComboBox):
    """Which member of the household (by name; the member's id is the data)."""

    def __init__(self, members: list[Member], selected: str | None) -> None:
        super().__init__()
        for member in members:
            self.addItem(member.name, member.id)
        self.setCurrentIndex(max(self.findData(selected), 0) if self.count() else -1)


class IncomeRow:
    """One income the visit found: whose, what kind, how much a month (checked as typed)."""

    def __init__(self, members: list[Member], member_id: str | None, kind: str | None, amount: str):
        self.member = MemberCombo(members, member_id)
        self.kind = CodeCombo(IncomeKind)
        self.kind.set_code(kind or IncomeKind.WAGE.value)
        self.amount = QLineEdit(amount)
        self.amount.setPlaceholderText("0.00")
        self.remove = QPushButton()
        self.error = ErrorLabel()
        self.check: Callable[[], None] = lambda: None

    def widgets(self) -> tuple[QWidget, ...]:
        return (self.member, self.kind, self.amount, self.remove)

    def data(self) -> dict[str, Any]:
        return {
            "member_id": self.member.currentData(),
            "kind": self.kind.code(),
            "monthly_yuan": self.amount.text().strip(),
        }


class VisitForm(GuardedDialog):
    """A visit in progress for one household; ``saved`` carries the change notice once the
    visit is stored."""

    saved = Signal(object)  # operations.changes.Changes

    def __init__(
        self,
        store: Store,
        household_id: str,
        *,
        worker: str,
        draft_id: str | None = None,
        state: dict[str, Any] | None = None,
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window)
        self.store = store
        self.household_id = household_id
        self.worker = worker
        self.draft_id = draft_id
        self.today = today
        self.ask_signature: AskSignature | None = None  # None: the signature pad
        with store.read() as conn:
            household = load_household(conn, household_id)
        if household is None:
            raise LookupError(household_id)
        self.household = household
        opened_with = state or self.initial_state()
        # Known before saving (signatures refer to it) and kept in the draft, so a
        # recovered draft saves the same visit, never a second one.
        self.visit_id: str = opened_with.get("visit_id") or new_id()
        self.income_rows: list[IncomeRow] = []
        self._problems: list[FormProblem] = []
        self._pause = QTimer(self, singleShot=True, interval=AUTOSAVE_PAUSE_MS)
        self._every = QTimer(self, interval=AUTOSAVE_EVERY_MS)
        self._build()
        self.load_state(opened_with)
        self._drafted = self.state()  # what the draft (or a new form) holds now
        self._pause.timeout.connect(self.save_draft)
        self._every.timeout.connect(self.save_draft)
        self._every.start()
        self._watch_changes()
        self.retranslate()
        fit_to_screen(self, 940, 640)

    # building -------------------------------------------------------------------------------
    def _build(self) -> None:
        self.steps = QListWidget()
        self.pages = QStackedWidget()
        self.day = DateEdit()
        self.day.setMaximumDate(QDate(self.today()))
        self.purpose = CodeCombo(VisitPurpose)
        self.investigator_1 = QLineEdit()
        self.investigator_2 = QLineEdit()
        self.structure = CodeCombo(HousingStructure, unknown_text="")
        self.area = _spin(MAX_AREA_M2, unknown=True)
        self.condition = CodeCombo(HousingCondition, unknown_text="")
        self.animals = {kind: _spin(MAX_COUNT) for kind in LivestockKind}
        self.vehicles = {kind: _spin(MAX_COUNT) for kind in VehicleKind}
        self.property_notes = QLineEdit()
        self.update_incomes = QCheckBox()
        self.add_income = QPushButton()
        self.income_headers = [QLabel() for _ in range(3)]
        self.income_grid = QGridLayout()
        self.incomes_help = QLabel()
        self.incomes_help.setWordWrap(True)
        self.expense_notes = QPlainTextEdit()
        self.causes = {cause: QCheckBox() for cause in HardshipCause}
        self.conclusion = QPlainTextEdit()
        self.notes = QPlainTextEdit()
        self.problems = QListWidget()
        self.problems.setMaximumHeight(110)
        self.problems.hide()
        self.problems_title = ErrorLabel()
        self.save_button = QPushButton()
        self.sign_button = QPushButton()
        self.discard_button = QPushButton()
        self.back = QPushButton()
        self.forward = QPushButton()
        self.draft_status = QLabel()

        self.forms = [
            FieldForm(
                [
                    Field("date", lambda: self.tr("Date of the visit"), self.day, required=True),
                    Field("purpose", lambda: self.tr("Purpose"), self.purpose, required=True),
                    Field(
                        "investigator_1",
                        lambda: self.tr("Investigator 1"),
                        self.investigator_1,
                        required=True,
                    ),
                    Field(
                        "investigator_2",
                        lambda: self.tr("Investigator 2"),
                        self.investigator_2,
                        hint=lambda: self.tr(
                            "A household visit is made by at least two people; both are "
                            "needed before the visit is signed."
                        ),
                    ),
                ]
            ),
            FieldForm(
                [
                    Field("structure", lambda: self.tr("How the house is built"), self.structure),
                    Field("area_m2", lambda: self.tr("Floor area (m²)"), self.area),
                    Field("condition", lambda: self.tr("Condition"), self.condition),
                ]
            ),
            FieldForm(
                [
                    Field(kind.value, self._count_label(kind), spin)
                    for kind, spin in self.animals.items()
                ]
            ),
            FieldForm(
                [
                    *(
                        Field(kind.value, self._count_label(kind), spin)
                        for kind, spin in self.vehicles.items()
                    ),
                    Field(
                        "property_notes",
                        lambda: self.tr("Other property seen"),
                        self.property_notes,
                    ),
                ]
            ),
        ]
        for form in self.forms:
            self.pages.addWidget(scrolling(form))
        self.pages.addWidget(scrolling(self._income_page()))
        self.expenses_form = FieldForm(
            [
                Field(
                    "expense_notes",
                    lambda: self.tr("Large expenses this year (medical, school, disaster)"),
                    self.expense_notes,
                )
            ]
        )
        self.pages.addWidget(scrolling(self.expenses_form))
        self.causes_title = QLabel()
        causes = QWidget()
        grid = QGridLayout(causes)
        grid.addWidget(self.causes_title, 0, 0, 1, 2)
        for index, box in enumerate(self.causes.values()):
            grid.addWidget(box, 1 + index // 2, index % 2)
        grid.setRowStretch(grid.rowCount(), 1)
        self.pages.addWidget(scrolling(causes))
        self.conclusion_form = FieldForm(
            [
                Field("conclusion", lambda: self.tr("Conclusion of the visit"), self.conclusion),
                Field("notes", lambda: self.tr("Notes"), self.notes),
            ]
        )
        self.pages.addWidget(scrolling(self.conclusion_form))
        for _ in range(self.pages.count()):
            self.steps.addItem("")
        self.steps.setFixedWidth(170)
        self.steps.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.steps.currentRowChanged.connect(self.reorder_tabs)
        self.steps.setCurrentRow(BASICS)

        nav = QHBoxLayout()
        nav.addWidget(self.draft_status, 1)
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
        body.addWidget(self.pages, 1)
        layout = QVBoxLayout(self)
        self.heading = QLabel()
        make_heading(self.heading, 1.4, bold=True)
        layout.addWidget(self.heading)
        layout.addLayout(body, 1)
        layout.addWidget(self.problems_title)
        layout.addWidget(self.problems)
        layout.addLayout(nav)
        self.back.clicked.connect(lambda: self.go_to_step(self.steps.currentRow() - 1))
        self.forward.clicked.connect(lambda: self.go_to_step(self.steps.currentRow() + 1))
        self.add_income.clicked.connect(self._add_empty_income)
        # Enter moves to the next step; saving is a deliberate click or Ctrl+S.
        for button in (self.back, self.discard_button, self.save_button, self.sign_button):
            button.setAutoDefault(False)
        self.forward.setDefault(True)
        self.save_button.clicked.connect(lambda: self.save_visit(sign=False))
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.sign_button.clicked.connect(lambda: self.save_visit(sign=True))
        self.discard_button.clicked.connect(self.discard)
        self.problems.itemActivated.connect(self._go_to_problem)
        self.problems.itemClicked.connect(self._go_to_problem)

    def _count_label(self, kind: LabelledCode) -> Callable[[], str]:
        def text() -> str:
            measure = MEASURE_WORDS.get(kind, "")
            if is_chinese():
                return f"{kind.zh}（{measure}）" if measure else kind.zh
            return kind.en[:1].upper() + kind.en[1:]

        return text

    def _income_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.incomes_help)
        grid = QWidget()
        grid.setLayout(self.income_grid)
        for column, header in enumerate(self.income_headers):
            self.income_grid.addWidget(header, 0, column)
        self.income_grid.setColumnStretch(0, 2)
        self.income_grid.setColumnStretch(1, 3)
        self.income_grid.setColumnStretch(2, 2)
        layout.addWidget(grid)
        layout.addWidget(self.add_income, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.update_incomes)
        layout.addStretch()
        return page

    def _watch_changes(self) -> None:
        for line in (self.investigator_1, self.investigator_2, self.property_notes):
            line.textChanged.connect(self.mark_changed)
        for text in (self.expense_notes, self.conclusion, self.notes):
            text.textChanged.connect(self.mark_changed)
        for combo in (self.purpose, self.structure, self.condition):
            combo.currentIndexChanged.connect(self.mark_changed)
        for spin in (self.area, *self.animals.values(), *self.vehicles.values()):
            spin.valueChanged.connect(self.mark_changed)
        for box in (*self.causes.values(), self.update_incomes):
            box.toggled.connect(self.mark_changed)
        self.day.dateChanged.connect(self.mark_changed)

    # income rows ---------------------------------------------------------------------------
    def add_income_row(self, member_id: str | None, kind: str | None, amount: str) -> IncomeRow:
        """A new line in step 5 (an income the visit found)."""
        row = IncomeRow(self.household.members, member_id, kind, amount)
        line = 2 * len(self.income_rows) + 1
        for column, widget in enumerate(row.widgets()):
            self.income_grid.addWidget(widget, line, column)
        self.income_grid.addWidget(row.error, line + 1, 0, 1, 4)
        self.income_rows.append(row)
        row.check = lambda: self._check_amount(row)
        row.amount.textChanged.connect(row.check)
        row.amount.textChanged.connect(self.mark_changed)
        row.member.currentIndexChanged.connect(self.mark_changed)
        row.kind.currentIndexChanged.connect(self.mark_changed)
        row.remove.clicked.connect(lambda: self.remove_income_row(row))
        self._retranslate_row(row)
        self.mark_changed()
        self.reorder_tabs()
        return row

    def _add_empty_income(self) -> None:
        self.add_income_row(None, None, "").amount.setFocus()

    def remove_income_row(self, row: IncomeRow) -> None:
        self.income_rows.remove(row)
        for widget in (*row.widgets(), row.error):
            widget.hide()
            widget.deleteLater()
        self.mark_changed()
        self.reorder_tabs()

    def _amount_problem(self, row: IncomeRow) -> str:
        text = row.amount.text().strip()
        if not text:
            return self.tr("Enter the amount a month, e.g. 600.00")
        try:
            fen = yuan_to_fen(text)
        except MoneyFormatError:
            return self.tr("“{value}” is not an amount of yuan (e.g. 600 or 600.50)").format(
                value=text
            )
        if fen < 0:
            return self.tr("An income cannot be negative (write a loss as 0)")
        if fen > MONTHLY_INCOME_LIMIT_FEN:
            return self.tr("{value} yuan a month is not a plausible income").format(value=text)
        return ""

    def _check_amount(self, row: IncomeRow) -> None:
        """Say at the row, as it is typed, what is wrong with the amount."""
        text = row.amount.text().strip()
        row.error.show_message(self._amount_problem(row) if text else "")

    def _row_words(self, index: int) -> str:
        row = self.income_rows[index]
        return self.tr("Income line {n} ({member}, {kind})").format(
            n=index + 1, member=row.member.currentText(), kind=row.kind.currentText()
        )

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
        for row, text in enumerate(self.step_names()):
            self.steps.item(row).setText(text)
        self.steps.setAccessibleName(self.tr("Steps"))
        self.problems.setAccessibleName(self.tr("Problems to correct"))
        for form in (*self.forms, self.expenses_form, self.conclusion_form):
            form.retranslate()
        unknown = self.tr("Not recorded")
        self.structure.set_unknown_text(unknown)
        self.condition.set_unknown_text(unknown)
        self.purpose.retranslate()
        self.area.setSpecialValueText(unknown)
        self.area.setSuffix(" m²")
        self.causes_title.setText(self.tr("Why the household is in hardship (tick all that apply)"))
        for cause, box in self.causes.items():
            box.setText(label(cause))
        self.incomes_help.setText(
            self.tr(
                "Each income the household has, per member and kind, in yuan a month. The "
                "lines start as the incomes last recorded; change them to what you found."
            )
        )
        for header, text in zip(
            self.income_headers,
            (self.tr("Member"), self.tr("Kind of income"), self.tr("Yuan a month")),
            strict=True,
        ):
            header.setText(text)
        for income in self.income_rows:
            self._retranslate_row(income)
        self.add_income.setText(self.tr("Add an income"))
        self.update_incomes.setText(
            self.tr("Update the members' incomes from this visit (changes are shown first)")
        )
        self.investigator_2.setPlaceholderText(self.tr("Name of the second investigator"))
        self.save_button.setText(self.tr("Save visit (Ctrl+S)"))
        self.sign_button.setText(self.tr("Save and sign"))
        self.discard_button.setText(self.tr("Discard draft"))
        self.back.setText(self.tr("Previous"))
        self.forward.setText(self.tr("Next"))

    def _retranslate_row(self, row: IncomeRow) -> None:
        row.kind.retranslate()
        row.remove.setText(self.tr("Remove"))
        row.member.setAccessibleName(self.tr("Member"))
        row.kind.setAccessibleName(self.tr("Kind of income"))
        row.amount.setAccessibleName(self.tr("Yuan a month"))
        row.check()

    def step_names(self) -> tuple[str, ...]:
        return (
            self.tr("1 Basics"),
            self.tr("2 Housing"),
            self.tr("3 Livestock"),
            self.tr("4 Vehicles and machinery"),
            self.tr("5 Income by member"),
            self.tr("6 Expenses"),
            self.tr("7 Causes of hardship"),
            self.tr("8 Conclusion"),
        )

    def go_to_step(self, step: int) -> None:
        self.steps.setCurrentRow(min(max(step, 0), self.pages.count() - 1))

    # state (what the draft holds) -----------------------------------------------------------
    def initial_state(self) -> dict[str, Any]:
        """A new visit: today, the worker as first investigator, the incomes as last
        recorded."""
        incomes = [
            {"member_id": m.id, "kind": i.kind.value, "monthly_yuan": format_yuan(i.monthly_fen)}
            for m in self.household.members
            for i in m.incomes or ()
        ]
        return {
            "household_id": self.household_id,
            "date": self.today().isoformat(),
            "purpose": VisitPurpose.REVIEW.value
            if self.household.benefits
            else VisitPurpose.APPLICATION.value,
            "workers": [self.worker, ""],
            "observations": {"incomes": incomes},
            "update_incomes": True,
            "conclusion": "",
            "notes": "",
        }

    def state(self) -> dict[str, Any]:
        """Everything on the form: the visit in interchange form plus the form's own
        choices (kept in the draft)."""
        return {
            "visit_id": self.visit_id,
            "household_id": self.household_id,
            "date": self.day.iso(),
            "purpose": self.purpose.code(),
            "workers": [self.investigator_1.text(), self.investigator_2.text()],
            "observations": self.observations(),
            "update_incomes": self.update_incomes.isChecked(),
            "conclusion": self.conclusion.toPlainText(),
            "notes": self.notes.toPlainText(),
        }

    def observations(self) -> dict[str, Any]:
        """What was seen, in the household format's shape."""
        housing = {
            "structure": self.structure.code(),
            "area_m2": self.area.value() or None,
            "condition": self.condition.code(),
        }
        return {
            "housing": housing if any(v is not None for v in housing.values()) else None,
            "livestock": {k.value: s.value() for k, s in self.animals.items() if s.value()},
            "vehicles": {k.value: s.value() for k, s in self.vehicles.items() if s.value()},
            "incomes": [row.data() for row in self.income_rows],
            "hardship_causes": [c.value for c, box in self.causes.items() if box.isChecked()],
            "property_notes": self.property_notes.text(),
            "expense_notes": self.expense_notes.toPlainText(),
        }

    def load_state(self, s: dict[str, Any]) -> None:
        self.day.set_iso(s.get("date"))
        self.purpose.set_code(s.get("purpose"))
        workers = [*s.get("workers", []), "", ""]
        self.investigator_1.setText(workers[0])
        self.investigator_2.setText(workers[1])
        seen = s.get("observations") or {}
        housing = seen.get("housing") or {}
        self.structure.set_code(housing.get("structure"))
        self.area.setValue(int(housing.get("area_m2") or 0))
        self.condition.set_code(housing.get("condition"))
        for kind, spin in self.animals.items():
            spin.setValue(int((seen.get("livestock") or {}).get(kind.value, 0)))
        for machine, spin in self.vehicles.items():
            spin.setValue(int((seen.get("vehicles") or {}).get(machine.value, 0)))
        self.property_notes.setText(seen.get("property_notes") or "")
        for row in list(self.income_rows):
            self.remove_income_row(row)
        for item in seen.get("incomes") or []:
            self.add_income_row(
                item.get("member_id"), item.get("kind"), item.get("monthly_yuan", "")
            )
        self.update_incomes.setChecked(bool(s.get("update_incomes", True)))
        self.expense_notes.setPlainText(seen.get("expense_notes") or "")
        chosen = set(seen.get("hardship_causes") or [])
        for cause, box in self.causes.items():
            box.setChecked(cause.value in chosen)
        self.conclusion.setPlainText(s.get("conclusion", ""))
        self.notes.setPlainText(s.get("notes", ""))

    # drafts ---------------------------------------------------------------------------------
    def has_unsaved_changes(self) -> bool:
        """Whether the form holds something its draft does not have yet."""
        return self.state() != self._drafted

    def has_typed_data(self) -> bool:
        return self.has_unsaved_changes() or self.draft_id is not None

    def mark_changed(self) -> None:
        self._pause.start()

    def save_draft(self) -> None:
        """Write what is on screen to the draft (nothing, if the draft already has it)."""
        state = self.state()
        if state == self._drafted:
            return
        self.draft_id = save_draft(
            self.store,
            kind="visit",
            data=state,
            household_id=self.household_id,
            worker=self.worker,
            draft_id=self.draft_id,
        )
        self._drafted = state
        self.draft_status.setText(
            self.tr("Draft saved at {time}").format(time=datetime.now().strftime("%H:%M:%S"))
        )

    def _stop_drafting(self) -> None:
        self._every.stop()
        self._pause.stop()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.save_draft()  # closing without saving keeps the draft
        self._stop_drafting()
        super().closeEvent(event)

    def reject(self) -> None:
        """Esc or the close button: nothing is thrown away, the draft keeps it."""
        if self.has_unsaved_changes() and not ask.confirm(
            self,
            self.tr("Close the visit"),
            self.tr("Close the form? What you typed is kept as a draft and offered again."),
        ):
            return
        self.save_draft()
        self._stop_drafting()
        super(GuardedDialog, self).reject()

    def discard(self) -> None:
        if not ask.confirm(
            self, self.tr("Discard draft"), self.tr("Throw away this unsaved visit?")
        ):
            return
        self._stop_drafting()
        if self.draft_id is not None:
            delete_draft(self.store, self.draft_id)
            self.draft_id = None
        self._drafted = self.state()
        super(GuardedDialog, self).reject()

    # saving the visit -----------------------------------------------------------------------
    def visit_data(self, *, sign: bool) -> dict[str, Any]:
        """The visit in interchange form."""
        s = self.state()
        return {
            "id": self.visit_id,
            "date": s["date"],
            "workers": [w.strip() for w in s["workers"] if w.strip()],
            "purpose": s["purpose"],
            "observations": s["observations"],
            "conclusion": s["conclusion"].strip(),
            "notes": s["notes"].strip(),
            "signed_at": datetime.now(UTC).isoformat(timespec="seconds") if sign else None,
        }

    def local_problems(self) -> list[FormProblem]:
        """What the form itself can tell is missing or wrong, before asking the store."""
        found = []
        if not self.investigator_1.text().strip():
            found.append(
                FormProblem(BASICS, self.investigator_1, self.tr("Enter the first investigator."))
            )
        for index, row in enumerate(self.income_rows):
            problem = self._amount_problem(row)
            if problem:
                found.append(
                    FormProblem(INCOMES, row.amount, f"{self._row_words(index)}：{problem}")
                )
        return found

    def _problem_of(self, error: FieldError) -> FormProblem:
        """Where the user fixes a refused value, and what to tell them."""
        words = error.problem_zh if is_chinese() else error.problem_en
        shown = "" if error.value in (None, "") else f"“{error.value}”："
        if not error.field.startswith(VISIT + "."):
            return FormProblem(
                INCOMES, None, error.message_zh if is_chinese() else error.message_en
            )
        path = error.field[len(VISIT) + 1 :]
        simple: dict[str, tuple[int, QWidget]] = {
            "date": (BASICS, self.day),
            "purpose": (BASICS, self.purpose),
            "workers": (BASICS, self.investigator_2),
            "conclusion": (CONCLUSION, self.conclusion),
            "notes": (CONCLUSION, self.notes),
            "observations.housing.structure": (HOUSING, self.structure),
            "observations.housing.area_m2": (HOUSING, self.area),
            "observations.housing.condition": (HOUSING, self.condition),
            "observations.property_notes": (VEHICLES, self.property_notes),
            "observations.expense_notes": (EXPENSES, self.expense_notes),
            "observations.hardship_causes": (CAUSES, next(iter(self.causes.values()))),
        }
        for kind, spin in self.animals.items():
            simple[f"observations.livestock.{kind.value}"] = (LIVESTOCK, spin)
        for machine, spin in self.vehicles.items():
            simple[f"observations.vehicles.{machine.value}"] = (VEHICLES, spin)
        for key, (step, widget) in simple.items():
            if path == key or path.startswith(key + "[") or path.startswith(key + "."):
                name = self.step_names()[step]
                return FormProblem(
                    step,
                    widget,
                    f"{name} › {error.label_zh if is_chinese() else error.label_en}{shown}{words}",
                )
        if path.startswith("observations.incomes["):
            index = int(path[len("observations.incomes[") : path.index("]")])
            if 0 <= index < len(self.income_rows):
                return FormProblem(
                    INCOMES,
                    self.income_rows[index].amount,
                    f"{self._row_words(index)}：{shown}{words}",
                )
        return FormProblem(BASICS, None, error.message_zh if is_chinese() else error.message_en)

    def show_problems(self, problems: list[FormProblem]) -> None:
        """List every problem; the first one's step and field are shown at once."""
        self.problems.clear()
        for problem in problems:
            item = QListWidgetItem(problem.text)
            item.setData(Qt.ItemDataRole.UserRole, problems.index(problem))
            self.problems.addItem(item)
        self._problems = problems
        self.problems.setVisible(bool(problems))
        self.problems_title.show_message(
            self.tr(
                "The visit is not saved yet: {n} thing(s) to fix. Click one to go there."
            ).format(n=len(problems))
            if problems
            else ""
        )
        if problems:
            self._go_to(problems[0])

    def _go_to_problem(self, item: QListWidgetItem) -> None:
        self._go_to(self._problems[int(item.data(Qt.ItemDataRole.UserRole))])

    def _go_to(self, problem: FormProblem) -> None:
        self.go_to_step(problem.step)
        if problem.widget is not None:
            problem.widget.setFocus()

    def _describe(self, incomes: tuple[tuple[IncomeKind, int], ...] | None) -> str:
        if incomes is None:
            return self.tr("not recorded")
        if not incomes:
            return self.tr("no income")
        return "、".join(f"{label(kind)} {yuan(fen)}" for kind, fen in incomes)

    def _confirm_incomes(self, changes: list[IncomeChange]) -> bool | None:
        """Show each member's incomes before and after; True to update them, False to
        save the visit only, None to go back to the form."""
        lines = [
            self.tr("{name}: {before} → {after}").format(
                name=c.name, before=self._describe(c.before), after=self._describe(c.after)
            )
            for c in changes
        ]
        choice = ask.choose(
            self,
            self.tr("Update the members' incomes?"),
            self.tr("Saving this visit would change these recorded incomes:")
            + "\n\n"
            + "\n".join(lines),
            [self.tr("Update the incomes and save"), self.tr("Save the visit only")],
        )
        return None if choice is None else choice == 0

    def save_visit(self, *, sign: bool) -> bool:
        """Validate and store the visit; the draft goes once it is stored."""
        self.save_draft()
        problems = self.local_problems()
        if sign and len([w for w in self.state()["workers"] if w.strip()]) < 2:
            problems.append(
                FormProblem(
                    BASICS,
                    self.investigator_2,
                    self.tr("A visit is signed by two investigators: enter the second one."),
                )
            )
        if problems:
            self.show_problems(problems)
            return False
        visit = self.visit_data(sign=sign)
        update = self.update_incomes.isChecked()
        if update:
            with self.store.read() as conn:
                current = load_household(conn, self.household_id)
            changes = income_changes(current, visit) if current is not None else []
            if changes:
                answer = self._confirm_incomes(changes)
                if answer is None:
                    self.go_to_step(INCOMES)
                    return False
                update = answer
        try:
            saved = save_visit(
                self.store,
                self.household_id,
                visit,
                update_incomes=update,
                draft_id=self.draft_id,
                today=self.today(),
            )
        except ValidationFailed as failed:
            self.show_problems([self._problem_of(e) for e in failed.errors])
            return False
        except HouseholdGone:
            ask.warn(
                self,
                self.tr("Not saved"),
                self.tr("This household is no longer in the store; the draft is kept."),
            )
            return False
        self._stop_drafting()
        self.draft_id = None
        self._drafted = self.state()
        if sign:
            from caseworker.ui.signing import ask_on_pad, sign_visit  # loads printing

            sign_visit(
                self.store,
                saved.household,
                self.visit_id,
                visit["workers"],
                on=date.fromisoformat(visit["date"]),
                ask=self.ask_signature or ask_on_pad,
                parent=self,
            )
        self.saved.emit(saved.changes | Changes(screening=True))
        super(GuardedDialog, self).accept()
        return True
