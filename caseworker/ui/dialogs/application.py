"""Starting an application and moving it through the procedure stages, with the date, who
did it, and their opinion; the publicity stage shows its 7 days."""

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from caseworker.domain.codes import Program, Stage
from caseworker.domain.procedure import publicity_end
from caseworker.ui.labels import label
from caseworker.ui.widgets.fields import CodeCombo, DateEdit, ErrorLabel


class StageDialog(QDialog):
    """Record a stage: for a new application (``program`` chosen here) or the next stage."""

    def __init__(
        self,
        *,
        stages: tuple[Stage, ...],
        worker: str,
        program: Program | None = None,
        choose_program: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New application") if choose_program else self.tr("Next stage"))
        self.program = CodeCombo(Program)
        if program is not None:
            self.program.set_code(program.value)
        self.program.setEnabled(choose_program)
        self.stage = QComboBox()
        for stage in stages:
            self.stage.addItem(label(stage), stage.value)
        self.day = DateEdit()
        self.worker = QLineEdit(worker)
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(self.tr("Opinion or note (printed on the forms)"))
        self.publicity = QLabel()
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(self.tr("e.g. 900.00"))
        self.amount_label = QLabel(self.tr("Monthly amount approved (yuan)"))
        self.error = ErrorLabel()
        form = QFormLayout()
        form.addRow(self.tr("Program"), self.program)
        form.addRow(self.tr("Stage"), self.stage)
        form.addRow(self.tr("Date"), self.day)
        form.addRow(self.tr("Done by"), self.worker)
        form.addRow(self.tr("Opinion"), self.note)
        form.addRow("", self.publicity)
        form.addRow(self.amount_label, self.amount)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.stage.currentIndexChanged.connect(self._show_publicity)
        self.day.dateChanged.connect(self._show_publicity)
        self._show_publicity()

    def chosen_stage(self) -> Stage:
        return Stage(self.stage.currentData())

    def chosen_date(self) -> date:
        return date.fromisoformat(self.day.iso())

    def _show_publicity(self) -> None:
        approving = self.stage.count() > 0 and self.chosen_stage() is Stage.APPROVED
        self.amount.setVisible(approving)
        self.amount_label.setVisible(approving)
        if self.stage.count() and self.chosen_stage() is Stage.PUBLICITY:
            start = self.chosen_date()
            self.publicity.setText(
                self.tr("Publicity from {start} to {end} (7 days)").format(
                    start=start.isoformat(), end=publicity_end(start).isoformat()
                )
            )
        else:
            self.publicity.setText("")

    def approved_benefit(self, program: str) -> dict[str, str | None] | None:
        """The benefit an approval starts (from the first day of the next month), in
        interchange form; None unless approving with an amount."""
        amount = self.amount.text().strip()
        if self.chosen_stage() is not Stage.APPROVED or not amount:
            return None
        day = self.chosen_date()
        since = date(day.year + day.month // 12, day.month % 12 + 1, 1)
        return {"program": program, "since": since.isoformat(), "monthly_yuan": amount}

    def entry(self) -> dict[str, str]:
        """The stage-history entry, in interchange form."""
        return {
            "stage": self.chosen_stage().value,
            "date": self.day.iso(),
            "worker": self.worker.text().strip(),
            "note": self.note.toPlainText().strip(),
        }
