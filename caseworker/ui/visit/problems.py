"""What stops a visit from being saved, and where the user fixes each: the form's own checks
(a field left empty, an amount mistyped) and the store's refusals, each turned into a line
that takes the user to its step and field."""

from collections.abc import Mapping
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from caseworker.domain.validation import FieldError
from caseworker.operations.visits import VISIT
from caseworker.ui.i18n import is_chinese
from caseworker.ui.visit.incomes import IncomeLines
from caseworker.ui.visit.steps import BASICS, INCOMES, fields_by_step, step_names
from caseworker.ui.widgets.fields import ErrorLabel

translate = QCoreApplication.translate


@dataclass(frozen=True)
class FormProblem:
    """One reason the visit cannot be saved yet, and where the user fixes it."""

    step: int
    widget: QWidget | None
    text: str


def _blank(value: object) -> bool:
    return not (value.strip() if isinstance(value, str) else value)


def local_problems(editors: Mapping[str, QWidget], incomes: IncomeLines) -> list[FormProblem]:
    """What the form itself can tell is missing or wrong, before asking the store."""
    found = []
    for step, f in fields_by_step():
        editor = editors[f.key]
        if f.missing is not None and _blank(f.kind.read(editor)):
            found.append(FormProblem(step, f.kind.focus(editor), f.missing()))
    for index, row in enumerate(incomes.rows):
        problem = row.problem()
        if problem:
            found.append(FormProblem(INCOMES, row.amount, f"{incomes.row_words(index)}：{problem}"))
    return found


def _within(path: str, key: str) -> bool:
    return path == key or path.startswith(key + "[") or path.startswith(key + ".")


def problem_of(
    error: FieldError, editors: Mapping[str, QWidget], incomes: IncomeLines
) -> FormProblem:
    """Where the user fixes a value the store refused, and what to tell them."""
    words = error.problem_zh if is_chinese() else error.problem_en
    shown = "" if error.value in (None, "") else f"“{error.value}”："
    message = error.message_zh if is_chinese() else error.message_en
    if not error.field.startswith(VISIT + "."):
        return FormProblem(INCOMES, None, message)
    path = error.field[len(VISIT) + 1 :]
    for step, f in fields_by_step():
        key = f.error_key
        if key is not None and _within(path, key):
            name = step_names()[step]
            text = error.label_zh if is_chinese() else error.label_en
            return FormProblem(step, f.kind.focus(editors[f.key]), f"{name} › {text}{shown}{words}")
    if path.startswith("observations.incomes["):
        index = int(path[len("observations.incomes[") : path.index("]")])
        if 0 <= index < len(incomes.rows):
            return FormProblem(
                INCOMES, incomes.rows[index].amount, f"{incomes.row_words(index)}：{shown}{words}"
            )
    return FormProblem(BASICS, None, message)


class ProblemList(QListWidget):
    """The problems found, under their ``title``; ``chosen`` with the one clicked."""

    chosen = Signal(object)  # FormProblem

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = ErrorLabel()
        self.problems: list[FormProblem] = []
        self.setMaximumHeight(110)
        self.hide()
        self.itemActivated.connect(self._choose)
        self.itemClicked.connect(self._choose)

    def show_problems(self, problems: list[FormProblem]) -> None:
        """List every problem; the first one is chosen at once."""
        self.clear()
        for problem in problems:
            item = QListWidgetItem(problem.text)
            item.setData(Qt.ItemDataRole.UserRole, problems.index(problem))
            self.addItem(item)
        self.problems = problems
        self.setVisible(bool(problems))
        self.title.show_message(
            translate(
                "VisitForm",
                "The visit is not saved yet: {n} thing(s) to fix. Click one to go there.",
            ).format(n=len(problems))
            if problems
            else ""
        )
        if problems:
            self.chosen.emit(problems[0])

    def _choose(self, item: QListWidgetItem) -> None:
        self.chosen.emit(self.problems[int(item.data(Qt.ItemDataRole.UserRole))])
