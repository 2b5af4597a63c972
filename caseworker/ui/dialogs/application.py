"""Starting an application, and recording each level's step of it: the village's opinion,
the township's review, the county's approval or refusal, with the date, who did it, the
opinion, and for an approval the monthly amount (and for a single-person inclusion, the
member it is for); a democratic appraisal with its meeting's record. The publicity stage
shows its 7 days."""

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from caseworker.domain.codes import APPLICATION_PROGRAMS, Program, Stage
from caseworker.domain.money import format_yuan
from caseworker.domain.procedure import publicity_end
from caseworker.domain.records import Member
from caseworker.domain.validation import FieldError, ValidationFailed
from caseworker.operations.applications import ENTRY, WITH_AMOUNT
from caseworker.operations.changes import Changes
from caseworker.ui.errors import beside_field, in_full
from caseworker.ui.labels import label
from caseworker.ui.widgets.appraisal_form import KEY as APPRAISAL
from caseworker.ui.widgets.appraisal_form import AppraisalForm
from caseworker.ui.widgets.fields import CodeCombo, DateEdit, ErrorLabel
from caseworker.ui.widgets.form import Field, FieldForm
from caseworker.ui.widgets.guarded import GuardedDialog, fit_to_screen, scrolling

# What is recorded: the entry (interchange form), and for a new application its program and
# member. Returns the change notice, or raises ValidationFailed.
Record = Callable[[dict[str, Any], Program, str | None], Changes]


class StageDialog(GuardedDialog):
    """Record a stage: a new application (``choose_program``) or the next step of one."""

    def __init__(
        self,
        *,
        stages: tuple[Stage, ...],
        worker: str,
        record: Record,
        members: list[Member],
        today: date,
        program: Program | None = None,
        member_id: str | None = None,
        suggested_fen: Callable[[Program], int | None] = lambda _: None,
        choose_program: bool = False,
        programs: Sequence[Program] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._record = record
        self._suggested_fen = suggested_fen
        self.changes: Changes | None = None
        self.choose_program = choose_program
        # A new application: the programs one applies for; a review: those received.
        self.program = CodeCombo(
            list(programs)
            if programs is not None
            else [p for p in Program if p in APPLICATION_PROGRAMS]
        )
        if program is not None:
            self.program.set_code(program.value)
        self.program.setEnabled(choose_program)
        self.member = QComboBox()
        for m in members:
            self.member.addItem(m.name, m.id)
        self.member.setCurrentIndex(max(self.member.findData(member_id), 0))
        self.stage = QComboBox()
        for stage in stages:
            self.stage.addItem(label(stage), stage.value)
        self.day = DateEdit()
        self.day.setDate(QDate(today))
        self.day.setMaximumDate(QDate(today))
        self.worker = QLineEdit(worker)
        self.note = QPlainTextEdit()
        self.note.setMinimumHeight(70)
        self.note.setMaximumHeight(160)
        self.publicity = QLabel()
        self.amount = QLineEdit()
        self.amount.setPlaceholderText("900.00")
        self.appraisal = AppraisalForm(today)
        self.form = self._stage_form()
        self.error = ErrorLabel()
        self._lay_out()
        self.stage.currentIndexChanged.connect(self._stage_chosen)
        self.program.currentIndexChanged.connect(self._stage_chosen)
        self.day.dateChanged.connect(self._stage_chosen)
        self.appraisal.hide()
        fit_to_screen(self, 560, 520)  # wider once the appraisal's record shows
        self._stage_chosen()
        self._opened = self.entry()
        self.retranslate()

    def _stage_form(self) -> FieldForm:
        """The step's fields; the publicity's 7 days are shown under the stage."""
        form = FieldForm(
            [
                Field("program", lambda: self.tr("Program"), self.program, required=True),
                Field(
                    "member_id",
                    lambda: self.tr("For which member"),
                    self.member,
                    required=True,
                    hint=lambda: self.tr(
                        "Single-person inclusion covers this member alone, as a one-person "
                        "household."
                    ),
                ),
                Field("stage", lambda: self.tr("Stage"), self.stage, required=True),
                Field("date", lambda: self.tr("Date"), self.day, required=True),
                Field("worker", lambda: self.tr("Done by"), self.worker, required=True),
                Field("note", self._opinion_label, self.note),
                Field(
                    "amount_yuan",
                    lambda: self.tr("Monthly amount approved (yuan)"),
                    self.amount,
                    required=True,
                ),
            ]
        )
        form.boxes["stage"].column.addWidget(self.publicity)
        return form

    def _lay_out(self) -> None:
        """The form and the appraisal's record in a scrolling body; the errors that belong
        to no field and the buttons stay below it."""
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        layout = QVBoxLayout(self)
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.form)
        column.addWidget(self.appraisal)
        column.addStretch(1)
        layout.addWidget(scrolling(body), 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

    # what the form shows ------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(
            self.tr("New application") if self.choose_program else self.tr("Record the next step")
        )
        self.form.retranslate()
        self.note.setPlaceholderText(self.tr("Printed in this level's box of the forms"))

    def _opinion_label(self) -> str:
        stage = self.chosen_stage() if self.stage.count() else None
        words = {
            Stage.APPLIED: self.tr("What the household asks for"),
            Stage.INVESTIGATION: self.tr("Village committee's opinion"),
            Stage.APPRAISAL: self.tr("Village committee's opinion"),
            Stage.TOWNSHIP_REVIEW: self.tr("Township review opinion"),
            Stage.PUBLICITY: self.tr("Publicity"),
            Stage.COUNTY_DECISION: self.tr("Sent to the county"),
            Stage.APPROVED: self.tr("County approval opinion"),
            Stage.REFUSED: self.tr("Why it is refused"),
            Stage.WITHDRAWN: self.tr("Why it is withdrawn"),
            Stage.REVIEW: self.tr("What the review is about"),
            Stage.CHANGED: self.tr("County's decision on the amount"),
            Stage.STOPPED: self.tr("Why the benefit stops"),
        }
        return words.get(stage, self.tr("Opinion")) if stage else self.tr("Opinion")

    def chosen_program(self) -> Program:
        return Program(self.program.code() or Program.DIBAO.value)

    def chosen_stage(self) -> Stage:
        return Stage(self.stage.currentData() or self.stage.itemData(0))

    def chosen_date(self) -> date:
        return date.fromisoformat(self.day.iso())

    def _stage_chosen(self) -> None:
        stage = self.chosen_stage()
        approving = stage is Stage.APPROVED
        with_amount = stage in WITH_AMOUNT
        single = self.chosen_program() is Program.DIBAO_SINGLE_PERSON
        new = self.choose_program and stage is Stage.APPLIED
        self.form.show_row("member_id", single and (new or approving))
        self.form.show_row("stage", not self.choose_program)
        self.form.show_row("amount_yuan", with_amount)
        appraising = stage is Stage.APPRAISAL
        if appraising and self.appraisal.isHidden():
            fit_to_screen(self, max(self.width(), 760), max(self.height(), 740))
        self.appraisal.setVisible(appraising)
        self.appraisal.set_meeting_day(self.chosen_date())
        if with_amount and not self.amount.text():
            suggested = self._suggested_fen(self.chosen_program())
            if suggested:
                self.amount.setText(format_yuan(suggested))
        if stage is Stage.PUBLICITY:
            start = self.chosen_date()
            self.publicity.setText(
                self.tr("Publicity from {start} to {end} (7 days)").format(
                    start=start.isoformat(), end=publicity_end(start).isoformat()
                )
            )
        else:
            self.publicity.setText("")
        self.form.retranslate()  # the opinion's label names this level

    # saving -------------------------------------------------------------------------------
    def entry(self) -> dict[str, Any]:
        """The stage-history entry, in interchange form."""
        stage = self.chosen_stage()
        single = self.chosen_program() is Program.DIBAO_SINGLE_PERSON
        return {
            "stage": stage.value,
            "date": self.day.iso(),
            "worker": self.worker.text().strip(),
            "note": self.note.toPlainText().strip(),
            "amount_yuan": self.amount.text().strip() or None if stage in WITH_AMOUNT else None,
            "member_id": self.member.currentData() if single and stage is Stage.APPROVED else None,
            APPRAISAL: self.appraisal.record() if stage is Stage.APPRAISAL else None,
        }

    def has_typed_data(self) -> bool:
        return self.entry() != self._opened

    def accept(self) -> None:
        """Save (the Save button, Enter): the dialog closes only once it is recorded."""
        self.save()

    def save(self) -> bool:
        """Record the step; on refusal each problem shows at its field."""
        single = self.chosen_program() is Program.DIBAO_SINGLE_PERSON
        member = self.member.currentData() if single else None
        try:
            self.changes = self._record(self.entry(), self.chosen_program(), member)
        except ValidationFailed as failed:
            self.show_errors(failed.errors)
            return False
        super().accept()
        return True

    def show_errors(self, errors: list[FieldError]) -> None:
        self.form.clear_errors()
        self.appraisal.clear_errors()
        general = []
        for error in errors:
            key = error.field[len(ENTRY) + 1 :] if error.field.startswith(ENTRY + ".") else ""
            # An objection is named (第1条异议); other fields speak for themselves.
            text = in_full([error]) if ".objections" in key else beside_field(error)
            if key in self.form.boxes:
                self.form.show_error(key, text)
            elif key == APPRAISAL:
                self.appraisal.error.show_message(text)
            elif not self.appraisal.show_error(key, text):
                general.append(error)
        self.error.show_message(in_full(general))
