"""The household investigation form (入户调查), a guided form in steps.

The steps are built from field lists (``caseworker.ui.visit.steps``): every input has its
label beside it, amounts are checked as they are typed, and on saving every problem is
listed: a click on one (and the first one at once) takes the user to its step and field.

Everything typed goes into a draft (``caseworker.ui.visit.autosave``), so a crash or a
power cut loses nothing: the next start offers the draft back. The visit keeps its id from
the moment the form opens (it is in the draft), so a recovered draft of a visit that was
in fact saved can never become a second visit.
"""

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from caseworker.domain.codes import HardshipCause, LivestockKind, VehicleKind, VisitPurpose
from caseworker.domain.money import format_yuan
from caseworker.domain.records import Household
from caseworker.domain.validation import ValidationFailed
from caseworker.operations.changes import Changes
from caseworker.operations.visits import HouseholdGone, income_changes, save_visit
from caseworker.store.db import Store
from caseworker.store.households import load_household
from caseworker.store.tables import new_id
from caseworker.ui import ask
from caseworker.ui.fonts import make_heading
from caseworker.ui.visit.autosave import Autosave
from caseworker.ui.visit.editors import TickGrid
from caseworker.ui.visit.incomes import IncomeLines, confirm_income_changes
from caseworker.ui.visit.problems import FormProblem, ProblemList, local_problems, problem_of
from caseworker.ui.visit.state import read_fields, write_fields
from caseworker.ui.visit.steps import BASICS, INCOMES, STEPS, Step, step_names
from caseworker.ui.widgets.fields import CodeCombo
from caseworker.ui.widgets.form import Field, FieldForm
from caseworker.ui.widgets.guarded import GuardedDialog, fit_to_screen, scrolling

if TYPE_CHECKING:
    from caseworker.ui.signing import AskSignature

W = TypeVar("W", bound=QWidget)


class EditorAt(Generic[W]):
    """The editor of the field ``key``, by a name of the form's (``form.conclusion``)."""

    def __init__(self, key: str, kind: type[W]) -> None:
        self.key = key
        self.kind = kind

    def __get__(self, form: "VisitForm", owner: object) -> W:
        return cast(W, form.editors[self.key])


class VisitForm(GuardedDialog):
    """A visit in progress for one household; ``saved`` carries the change notice once the
    visit is stored."""

    saved = Signal(object)  # operations.changes.Changes

    investigator_1 = EditorAt("workers[0]", QLineEdit)
    investigator_2 = EditorAt("workers[1]", QLineEdit)
    structure = EditorAt("observations.housing.structure", CodeCombo)
    area = EditorAt("observations.housing.area_m2", QSpinBox)
    condition = EditorAt("observations.housing.condition", CodeCombo)
    expense_notes = EditorAt("observations.expense_notes", QPlainTextEdit)
    conclusion = EditorAt("conclusion", QPlainTextEdit)
    notes = EditorAt("notes", QPlainTextEdit)

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
        self.today = today
        self.ask_signature: AskSignature | None = None  # None: the signature pad
        self.household = self._household()
        opened_with = state or self.initial_state()
        # Known before saving (signatures refer to it) and kept in the draft, so a
        # recovered draft saves the same visit, never a second one.
        self.visit_id: str = opened_with.get("visit_id") or new_id()
        self.fields = [f for step in STEPS for f in step.fields]
        self.editors: dict[str, QWidget] = {f.key: f.kind.make(today()) for f in self.fields}
        self.incomes = IncomeLines(self.household.members)
        self.problems = ProblemList()
        self.autosave = Autosave(
            store,
            self.state,
            household_id=household_id,
            worker=worker,
            draft_id=draft_id,
            written=self._show_draft_time,
            parent=self,
        )
        self.incomes.edited.connect(self.mark_changed)
        self.incomes.rows_changed.connect(self.reorder_tabs)
        self._build()
        self.load_state(opened_with)
        self.autosave.start()
        for f in self.fields:
            f.kind.watch(self.editors[f.key], self.mark_changed)
        self.retranslate()
        fit_to_screen(self, 940, 640)

    def _household(self) -> Household:
        with self.store.read() as conn:
            household = load_household(conn, self.household_id)
        if household is None:
            raise LookupError(self.household_id)
        return household

    @property
    def draft_id(self) -> str | None:
        return self.autosave.draft_id

    @property
    def animals(self) -> dict[LivestockKind, QSpinBox]:
        return {
            k: cast(QSpinBox, self.editors[f"observations.livestock.{k.value}"])
            for k in LivestockKind
        }

    @property
    def vehicles(self) -> dict[VehicleKind, QSpinBox]:
        return {
            k: cast(QSpinBox, self.editors[f"observations.vehicles.{k.value}"]) for k in VehicleKind
        }

    @property
    def causes(self) -> dict[HardshipCause, QCheckBox]:
        grid = cast(TickGrid, self.editors["observations.hardship_causes"])
        return cast(dict[HardshipCause, QCheckBox], grid.boxes)

    # building -------------------------------------------------------------------------------
    def _build(self) -> None:
        self.steps = QListWidget()
        self.pages = QStackedWidget()
        self.forms: list[FieldForm] = []
        for step in STEPS:
            self.pages.addWidget(scrolling(self._page(step)))
            self.steps.addItem("")
        self.steps.setFixedWidth(170)
        self.steps.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.steps.currentRowChanged.connect(self.reorder_tabs)
        self.steps.setCurrentRow(BASICS)
        self.save_button = QPushButton()
        self.sign_button = QPushButton()
        self.discard_button = QPushButton()
        self.back = QPushButton()
        self.forward = QPushButton()
        self.draft_status = QLabel()
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
        layout.addWidget(self.problems.title)
        layout.addWidget(self.problems)
        layout.addLayout(nav)
        self._connect_buttons()

    def _page(self, step: Step) -> QWidget:
        """A step's page: its fields in labelled rows, its one field, or the income lines."""
        if step.income_lines:
            return self.incomes
        if not step.framed:
            return self.editors[step.fields[0].key]
        form = FieldForm(
            [
                Field(f.key, f.label, self.editors[f.key], required=f.required, hint=f.hint)
                for f in step.fields
            ]
        )
        self.forms.append(form)
        return form

    def _connect_buttons(self) -> None:
        self.back.clicked.connect(lambda: self.go_to_step(self.steps.currentRow() - 1))
        self.forward.clicked.connect(lambda: self.go_to_step(self.steps.currentRow() + 1))
        # Enter moves to the next step; saving is a deliberate click or Ctrl+S.
        for button in (self.back, self.discard_button, self.save_button, self.sign_button):
            button.setAutoDefault(False)
        self.forward.setDefault(True)
        self.save_button.clicked.connect(lambda: self.save_visit(sign=False))
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.sign_button.clicked.connect(lambda: self.save_visit(sign=True))
        self.discard_button.clicked.connect(self.discard)
        self.problems.chosen.connect(self._go_to)

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
        for row, text in enumerate(step_names()):
            self.steps.item(row).setText(text)
        self.steps.setAccessibleName(self.tr("Steps"))
        self.problems.setAccessibleName(self.tr("Problems to correct"))
        for form in self.forms:
            form.retranslate()
        for f in self.fields:
            f.kind.retranslate(self.editors[f.key], f.label())
        self.incomes.retranslate()
        self.save_button.setText(self.tr("Save visit (Ctrl+S)"))
        self.sign_button.setText(self.tr("Save and sign"))
        self.discard_button.setText(self.tr("Discard draft"))
        self.back.setText(self.tr("Previous"))
        self.forward.setText(self.tr("Next"))

    def go_to_step(self, step: int) -> None:
        self.steps.setCurrentRow(min(max(step, 0), self.pages.count() - 1))

    def _go_to(self, problem: FormProblem) -> None:
        self.go_to_step(problem.step)
        if problem.widget is not None:
            problem.widget.setFocus()

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
        state: dict[str, Any] = {"visit_id": self.visit_id, "household_id": self.household_id}
        read_fields(self.fields, self.editors, state)
        state["observations"]["incomes"] = self.incomes.state()
        state["update_incomes"] = self.incomes.update_incomes.isChecked()
        return state

    def load_state(self, s: dict[str, Any]) -> None:
        write_fields(self.fields, self.editors, s)
        seen = s.get("observations") or {}
        self.incomes.load(seen.get("incomes") or [], bool(s.get("update_incomes", True)))

    # drafts ---------------------------------------------------------------------------------
    def has_unsaved_changes(self) -> bool:
        """Whether the form holds something its draft does not have yet."""
        return self.autosave.unsaved()

    def has_typed_data(self) -> bool:
        return self.has_unsaved_changes() or self.draft_id is not None

    def mark_changed(self) -> None:
        self.autosave.changed()

    def save_draft(self) -> None:
        """Write what is on screen to the draft (nothing, if the draft already has it)."""
        self.autosave.save()

    def _show_draft_time(self) -> None:
        self.draft_status.setText(
            self.tr("Draft saved at {time}").format(time=datetime.now().strftime("%H:%M:%S"))
        )

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.save_draft()  # closing without saving keeps the draft
        self.autosave.stop()
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
        self.autosave.stop()
        super(GuardedDialog, self).reject()

    def discard(self) -> None:
        if not ask.confirm(
            self, self.tr("Discard draft"), self.tr("Throw away this unsaved visit?")
        ):
            return
        self.autosave.discard()
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

    def local_problems(self, *, sign: bool) -> list[FormProblem]:
        """What the form itself can tell is missing or wrong, before asking the store."""
        problems = local_problems(self.editors, self.incomes)
        if sign and len([w for w in self.state()["workers"] if w.strip()]) < 2:
            problems.append(
                FormProblem(
                    BASICS,
                    self.investigator_2,
                    self.tr("A visit is signed by two investigators: enter the second one."),
                )
            )
        return problems

    def _update_incomes(self, visit: dict[str, Any]) -> bool | None:
        """Whether to update the members' incomes from ``visit`` (None: back to the form)."""
        if not self.incomes.update_incomes.isChecked():
            return False
        with self.store.read() as conn:
            current = load_household(conn, self.household_id)
        changes = income_changes(current, visit) if current is not None else []
        if not changes:
            return True
        answer = confirm_income_changes(self, changes)
        if answer is None:
            self.go_to_step(INCOMES)
        return answer

    def save_visit(self, *, sign: bool) -> bool:
        """Validate and store the visit; the draft goes once it is stored."""
        self.save_draft()
        problems = self.local_problems(sign=sign)
        if problems:
            self.problems.show_problems(problems)
            return False
        visit = self.visit_data(sign=sign)
        update = self._update_incomes(visit)
        if update is None:
            return False
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
            self.problems.show_problems(
                [problem_of(e, self.editors, self.incomes) for e in failed.errors]
            )
            return False
        except HouseholdGone:
            ask.warn(
                self,
                self.tr("Not saved"),
                self.tr("This household is no longer in the store; the draft is kept."),
            )
            return False
        self.autosave.done()
        if sign:
            self._sign(saved.household, visit)
        self.saved.emit(saved.changes | Changes(screening=True))
        super(GuardedDialog, self).accept()
        return True

    def _sign(self, household: Household, visit: dict[str, Any]) -> None:
        """The investigators sign the stored visit (on the pad, or as the test asks)."""
        from caseworker.ui.signing import ask_on_pad, sign_visit  # loads printing

        sign_visit(
            self.store,
            household,
            self.visit_id,
            visit["workers"],
            on=date.fromisoformat(visit["date"]),
            ask=self.ask_signature or ask_on_pad,
            parent=self,
        )
