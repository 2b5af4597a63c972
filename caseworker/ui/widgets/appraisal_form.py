"""The record of a democratic appraisal (民主评议), filled in where a stage is recorded: the
place, who took part, the votes, the outcome, the village's publicity of the result and
the objections received with how each was handled. Its meeting date is the stage's date."""

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGroupBox,
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

from caseworker.domain.codes import AppraisalOutcome
from caseworker.domain.procedure import publicity_end
from caseworker.interchange.appraisal import PEOPLE_LIMIT
from caseworker.ui.widgets.fields import CodeCombo, DateEdit, ErrorLabel
from caseworker.ui.widgets.form import Field, FieldForm

KEY = "appraisal"  # the entry's field the record is kept in (error paths start with it)


def _people(minimum: int = 0) -> QSpinBox:
    box = QSpinBox()
    box.setRange(minimum, PEOPLE_LIMIT)
    return box


def _row(*widgets: QWidget) -> QWidget:
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget)
    layout.addStretch(1)
    return row


class AppraisalForm(QGroupBox):
    """The appraisal's fields under their title; ``record()`` gives the entry's
    ``appraisal`` object."""

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self.place = QLineEdit()
        self.attendees = QLineEdit()
        self.present = _people(minimum=0)
        self.agree, self.disagree, self.abstain = _people(), _people(), _people()
        self.vote_labels = [QLabel(), QLabel(), QLabel()]
        votes: list[QWidget] = []  # 同意 [ ] 反对 [ ] 弃权 [ ]
        for text, box in zip(self.vote_labels, self._vote_boxes(), strict=True):
            text.setBuddy(box)
            votes += [text, box]
        self.outcome = CodeCombo(AppraisalOutcome)
        self.published = QCheckBox()
        self.publicity_from, self.publicity_to = DateEdit(), DateEdit()
        self.until = QLabel()
        self.objections = QTableWidget(0, 3)
        self.objections.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.objections.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.objections.setMinimumHeight(110)
        self.add_objection, self.remove_objection = QPushButton(), QPushButton()
        objections = QWidget()
        column = QVBoxLayout(objections)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(_row(self.add_objection, self.remove_objection))
        column.addWidget(self.objections)
        self.form = FieldForm(
            [
                Field(f"{KEY}.place", lambda: self.tr("Place of the meeting"), self.place, True),
                Field(
                    f"{KEY}.attendees",
                    lambda: self.tr("Who took part"),
                    self.attendees,
                    True,
                    hint=lambda: self.tr(
                        "For example: village committee members, Party member and villager "
                        "representatives"
                    ),
                ),
                Field(f"{KEY}.present", lambda: self.tr("People present"), self.present, True),
                Field(
                    f"{KEY}.votes",
                    lambda: self.tr("Votes"),
                    _row(*votes),
                    hint=lambda: self.tr("Counted among the people present"),
                ),
                Field(f"{KEY}.outcome", lambda: self.tr("Outcome"), self.outcome, True),
                Field(
                    f"{KEY}.publicity_from",
                    lambda: self.tr("Published in the village"),
                    _row(self.published, self.publicity_from, self.until, self.publicity_to),
                ),
                Field(f"{KEY}.objections", lambda: self.tr("Objections received"), objections),
            ]
        )
        self.error = ErrorLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.error)
        layout.addWidget(self.form)
        self.published.toggled.connect(self._published)
        self.publicity_from.dateChanged.connect(self._suggest_end)
        self.add_objection.clicked.connect(lambda: self._add_objection(today.isoformat(), "", ""))
        self.remove_objection.clicked.connect(self._remove_objection)
        self._published(False)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Democratic appraisal record"))
        self.form.retranslate()
        self.outcome.retranslate()
        for label, box, text in zip(
            self.vote_labels,
            self._vote_boxes(),
            (self.tr("For"), self.tr("Against"), self.tr("Abstaining")),
            strict=True,
        ):
            label.setText(text)
            box.setAccessibleName(text)
        self.published.setText(self.tr("from"))
        self.until.setText(self.tr("to"))
        self.add_objection.setText(self.tr("Add an objection"))
        self.remove_objection.setText(self.tr("Remove the chosen objection"))
        self.objections.setHorizontalHeaderLabels(
            [self.tr("Received on"), self.tr("What was objected"), self.tr("How it was handled")]
        )

    def _vote_boxes(self) -> tuple[QSpinBox, QSpinBox, QSpinBox]:
        return self.agree, self.disagree, self.abstain

    def set_meeting_day(self, day: date) -> None:
        """The stage's date changed: the publicity starts from the day after, by default."""
        if not self.published.isChecked():
            self.publicity_from.setDate(QDate(day).addDays(1))

    def _published(self, on: bool) -> None:
        for widget in (self.publicity_from, self.publicity_to):
            widget.setEnabled(on)

    def _suggest_end(self) -> None:
        start = date.fromisoformat(self.publicity_from.iso())
        self.publicity_to.setDate(QDate(publicity_end(start)))

    def _add_objection(self, received_on: str, summary: str, handling: str) -> None:
        row = self.objections.rowCount()
        self.objections.insertRow(row)
        for column, text in enumerate((received_on, summary, handling)):
            self.objections.setItem(row, column, QTableWidgetItem(text))
        self.objections.setCurrentCell(row, 1)

    def _remove_objection(self) -> None:
        row = self.objections.currentRow()
        if row >= 0:
            self.objections.removeRow(row)

    def _cell(self, row: int, column: int) -> str:
        item = self.objections.item(row, column)
        return item.text().strip() if item is not None else ""

    def is_blank(self) -> bool:
        """Nothing typed yet (the stage may be recorded without a record where allowed)."""
        return not (self.place.text().strip() or self.attendees.text().strip()) and (
            self.present.value() == 0 and self.objections.rowCount() == 0
        )

    def record(self) -> dict[str, Any] | None:
        """The ``appraisal`` object as typed (checked by the household format), or None
        when nothing was filled in."""
        if self.is_blank():
            return None
        published = self.published.isChecked()
        return {
            "place": self.place.text().strip(),
            "attendees": self.attendees.text().strip(),
            "present": self.present.value(),
            "agree": self.agree.value(),
            "disagree": self.disagree.value(),
            "abstain": self.abstain.value(),
            "outcome": self.outcome.code(),
            "publicity_from": self.publicity_from.iso() if published else None,
            "publicity_to": self.publicity_to.iso() if published else None,
            "objections": [
                {
                    "received_on": self._cell(row, 0),
                    "summary": self._cell(row, 1),
                    "handling": self._cell(row, 2),
                }
                for row in range(self.objections.rowCount())
            ],
        }

    def clear_errors(self) -> None:
        self.error.show_message("")
        self.form.clear_errors()

    def show_error(self, key: str, text: str) -> bool:
        """Show an error of field ``key`` (``appraisal.present``, ``appraisal.objections[0]
        .summary``) at its field; False if it is not one of this form's."""
        if key in ("appraisal.agree", "appraisal.disagree", "appraisal.abstain"):
            key = f"{KEY}.votes"
        elif key == "appraisal.publicity_to":
            key = f"{KEY}.publicity_from"
        elif key.startswith(f"{KEY}.objections"):
            key = f"{KEY}.objections"
        if key not in self.form.boxes:
            return False
        self.form.show_error(key, text)
        return True
