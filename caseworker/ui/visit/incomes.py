"""Step 5 of the visit form: the incomes the visit found, one line per member and kind,
each amount checked as it is typed, and whether the members' recorded incomes are updated
from them."""

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from caseworker.domain.codes import IncomeKind
from caseworker.domain.money import MoneyFormatError, yuan_to_fen
from caseworker.domain.records import Member
from caseworker.domain.validation import MONTHLY_INCOME_LIMIT_FEN
from caseworker.operations.visits import IncomeChange
from caseworker.ui import ask
from caseworker.ui.labels import label, yuan
from caseworker.ui.widgets.fields import CodeCombo, ErrorLabel

translate = QCoreApplication.translate


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

    def problem(self) -> str:
        """What is wrong with the amount ("" when nothing is)."""
        text = self.amount.text().strip()
        if not text:
            return translate("VisitForm", "Enter the amount a month, e.g. 600.00")
        try:
            fen = yuan_to_fen(text)
        except MoneyFormatError:
            return translate(
                "VisitForm", "“{value}” is not an amount of yuan (e.g. 600 or 600.50)"
            ).format(value=text)
        if fen < 0:
            return translate(
                "VisitForm", "“{value}”: an income cannot be negative (write a loss as 0)"
            ).format(value=text)
        if fen > MONTHLY_INCOME_LIMIT_FEN:
            return translate("VisitForm", "{value} yuan a month is not a plausible income").format(
                value=text
            )
        return ""


class IncomeLines(QWidget):
    """The page of income lines; ``edited`` after any change, ``rows_changed`` after a
    line comes or goes (the Tab order follows)."""

    edited = Signal()
    rows_changed = Signal()

    def __init__(self, members: list[Member], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.members = members
        self.rows: list[IncomeRow] = []
        self.help = QLabel()
        self.help.setWordWrap(True)
        self.headers = [QLabel() for _ in range(3)]
        self.grid = QGridLayout()
        self.add = QPushButton()
        self.update_incomes = QCheckBox()
        layout = QVBoxLayout(self)
        layout.addWidget(self.help)
        grid = QWidget()
        grid.setLayout(self.grid)
        for column, header in enumerate(self.headers):
            self.grid.addWidget(header, 0, column)
        self.grid.setColumnStretch(0, 2)
        self.grid.setColumnStretch(1, 3)
        self.grid.setColumnStretch(2, 2)
        layout.addWidget(grid)
        layout.addWidget(self.add, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.update_incomes)
        layout.addStretch()
        self.add.clicked.connect(lambda: self.add_row(None, None, "").amount.setFocus())
        self.update_incomes.toggled.connect(self.edited)

    def add_row(self, member_id: str | None, kind: str | None, amount: str) -> IncomeRow:
        """A new line (an income the visit found)."""
        row = IncomeRow(self.members, member_id, kind, amount)
        line = 2 * len(self.rows) + 1
        for column, widget in enumerate(row.widgets()):
            self.grid.addWidget(widget, line, column)
        self.grid.addWidget(row.error, line + 1, 0, 1, 4)
        self.rows.append(row)
        row.check = self._check_all
        for changed in (
            row.amount.textChanged,
            row.member.currentIndexChanged,
            row.kind.currentIndexChanged,
        ):
            changed.connect(self._check_all)
            changed.connect(self.edited)
        row.remove.clicked.connect(lambda: self.remove_row(row))
        self._retranslate_row(row)
        self.edited.emit()
        self.rows_changed.emit()
        return row

    def remove_row(self, row: IncomeRow) -> None:
        self.rows.remove(row)
        for widget in (*row.widgets(), row.error):
            widget.hide()
            widget.deleteLater()
        self._check_all()
        self.edited.emit()
        self.rows_changed.emit()

    def state(self) -> list[dict[str, Any]]:
        return [row.data() for row in self.rows]

    def load(self, incomes: list[dict[str, Any]], update: bool) -> None:
        """Show the lines of a draft (replacing those shown)."""
        for row in list(self.rows):
            self.remove_row(row)
        for item in incomes:
            self.add_row(item.get("member_id"), item.get("kind"), item.get("monthly_yuan", ""))
        self.update_incomes.setChecked(update)

    def _check_all(self) -> None:
        """Say at each row, as it is typed, what is wrong with its amount; else whether an
        earlier line has the same member and kind (an income added twice by mistake would
        be counted twice; two jobs of one person may rightly be two lines, so it is said,
        not refused)."""
        first: dict[tuple[Any, str | None], int] = {}
        for index, row in enumerate(self.rows):
            said = row.problem() if row.amount.text().strip() else ""
            earlier = first.setdefault((row.member.currentData(), row.kind.code()), index)
            if not said and earlier != index:
                said = translate(
                    "VisitForm",
                    "Line {n} already has this member's {kind}: if it is the same income, "
                    "remove one line (two different incomes of one kind may stay as two lines)",
                ).format(n=earlier + 1, kind=row.kind.currentText())
            row.error.show_message(said)

    def row_words(self, index: int) -> str:
        """How a problem names line ``index``: its number, member and kind."""
        row = self.rows[index]
        return translate("VisitForm", "Income line {n} ({member}, {kind})").format(
            n=index + 1, member=row.member.currentText(), kind=row.kind.currentText()
        )

    def retranslate(self) -> None:
        self.help.setText(
            translate(
                "VisitForm",
                "Each income the household has, per member and kind, in yuan a month. The "
                "lines start as the incomes last recorded; change them to what you found.",
            )
        )
        for header, text in zip(
            self.headers,
            (
                translate("VisitForm", "Member"),
                translate("VisitForm", "Kind of income"),
                translate("VisitForm", "Yuan a month"),
            ),
            strict=True,
        ):
            header.setText(text)
        for row in self.rows:
            self._retranslate_row(row)
        self.add.setText(translate("VisitForm", "Add an income"))
        self.update_incomes.setText(
            translate(
                "VisitForm",
                "Update the members' incomes from this visit (changes are shown first)",
            )
        )

    def _retranslate_row(self, row: IncomeRow) -> None:
        row.kind.retranslate()
        row.remove.setText(translate("VisitForm", "Remove"))
        row.member.setAccessibleName(translate("VisitForm", "Member"))
        row.kind.setAccessibleName(translate("VisitForm", "Kind of income"))
        row.amount.setAccessibleName(translate("VisitForm", "Yuan a month"))
        row.check()


def _describe(incomes: tuple[tuple[IncomeKind, int], ...] | None) -> str:
    if incomes is None:
        return translate("VisitForm", "not recorded")
    if not incomes:
        return translate("VisitForm", "no income")
    return "、".join(f"{label(kind)} {yuan(fen)}" for kind, fen in incomes)


def confirm_income_changes(parent: QWidget, changes: list[IncomeChange]) -> bool | None:
    """Show each member's incomes before and after; True to update them, False to save
    the visit only, None to go back to the form."""
    lines = [
        translate("VisitForm", "{name}: {before} → {after}").format(
            name=c.name, before=_describe(c.before), after=_describe(c.after)
        )
        for c in changes
    ]
    choice = ask.choose(
        parent,
        translate("VisitForm", "Update the members' incomes?"),
        translate("VisitForm", "Saving this visit would change these recorded incomes:")
        + "\n\n"
        + "\n".join(lines),
        [
            translate("VisitForm", "Update the incomes and save"),
            translate("VisitForm", "Save the visit only"),
        ],
    )
    return None if choice is None else choice == 0
