"""The policy in force: which county pack, its version, and every parameter with its dated
values and the document each comes from; and what-if: change one parameter and see which
households' findings would change (nothing is stored)."""

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from caseworker.eligibility.findings import Finding
from caseworker.eligibility.library import PolicyLibrary
from caseworker.eligibility.policy import Policy, PolicyError
from caseworker.eligibility.whatif import WhatIf
from caseworker.screening import policy_library, what_if
from caseworker.store.db import Store
from caseworker.store.regions import village_codes
from caseworker.ui.errors import in_full
from caseworker.ui.i18n import is_chinese
from caseworker.ui.labels import label, yuan
from caseworker.ui.runner import Progress, Task, run_task
from caseworker.ui.widgets.eligibility_panel import status_words
from caseworker.ui.widgets.fields import ErrorLabel

DEMO_COUNTY = "610423"


def _shown(value: Any) -> str:
    if isinstance(value, list | tuple):
        return (
            "、".join(_shown(v) for v in value)
            if is_chinese()
            else ", ".join(_shown(v) for v in value)
        )
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_shown(v)}" for k, v in value.items())
    return str(value)


def _finding_words(f: Finding) -> str:
    amount = yuan(f.monthly_fen) if f.monthly_fen is not None else yuan(f.one_off_fen)
    return f"{status_words(f.status)} {amount}".strip()


class PolicyPage(QWidget):
    """The pack of the worker's county, and what-if runs over the households in scope."""

    household_opened = Signal(str)

    def __init__(
        self,
        store: Store,
        *,
        scope: str | None,
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.scope = scope
        self.today = today
        self.library: PolicyLibrary | None = None
        self.policy: Policy | None = None
        self.result: WhatIf | None = None
        self.heads: dict[str, str] = {}
        self._task: Task[tuple[WhatIf, dict[str, str]]] | None = None
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-size: 13pt;")
        self.tree = QTreeWidget()
        self.tree.setColumnCount(3)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.parameter = QComboBox()
        self.parameter.setEditable(False)
        self.value = QLineEdit()
        self.run_button = QPushButton()
        self.progress = QProgressBar()
        self.progress.hide()
        self.error = ErrorLabel()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.changes = QTableWidget(0, 4)
        self.changes.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.changes.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.changes.doubleClicked.connect(self._open)
        whatif = QWidget()
        box = QVBoxLayout(whatif)
        row = QHBoxLayout()
        row.addWidget(self.parameter, 2)
        row.addWidget(self.value, 1)
        row.addWidget(self.run_button)
        self.whatif_title = QLabel()
        box.addWidget(self.whatif_title)
        box.addLayout(row)
        box.addWidget(self.progress)
        box.addWidget(self.error)
        box.addWidget(self.summary)
        box.addWidget(self.changes)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.tree)
        split.addWidget(whatif)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(split)
        self.parameter.currentIndexChanged.connect(self._suggest_value)
        self.run_button.clicked.connect(self.run_what_if)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.tree.setHeaderLabels([self.tr("Parameter"), self.tr("Value"), self.tr("Reference")])
        self.whatif_title.setText(
            self.tr("<b>What if</b>: change a parameter, see whose findings change (not saved)")
        )
        self.run_button.setText(self.tr("Compare"))
        self.value.setPlaceholderText(self.tr("new value, e.g. 450.00"))
        self.changes.setHorizontalHeaderLabels(
            [self.tr("Household"), self.tr("Program"), self.tr("Now"), self.tr("With the change")]
        )
        self.show_policy()
        self._show_result()

    def load(self) -> None:
        """Read the packs (bundled and received from the county) and show the county's."""
        self.library = policy_library(self.store)
        county = (self.scope or DEMO_COUNTY)[:6]
        try:
            self.policy = self.library.policy_for_county(county)
        except PolicyError as exc:
            self.policy = None
            self.error.show_message(in_full(exc.errors))
        self.show_policy()

    def show_policy(self) -> None:
        policy = self.policy
        if policy is None:
            self.title.setText(self.tr("No policy pack loaded."))
            return
        today = self.today()
        name = policy.name_zh if is_chinese() else policy.name_en
        self.title.setText(
            self.tr("<b>{name}</b>: pack {id}, version {version}, for county {counties}").format(
                name=name, id=policy.id, version=policy.version, counties="、".join(policy.counties)
            )
        )
        self.tree.clear()
        current = self.parameter.currentData()
        self.parameter.blockSignals(True)
        self.parameter.clear()
        for parameter, entries in sorted(policy.parameters.items()):
            self.parameter.addItem(parameter, parameter)
            item = QTreeWidgetItem([parameter])
            for entry in entries:
                in_force = entry is _in_force(entries, today)
                start = entry.start.isoformat()
                when = self.tr("from {day} (in force)") if in_force else self.tr("from {day}")
                child = QTreeWidgetItem([when.format(day=start), _shown(entry.shown), entry.ref])
                child.setToolTip(2, entry.ref)
                item.addChild(child)
                if in_force:
                    item.setText(1, _shown(entry.shown))
            self.tree.addTopLevelItem(item)
        self.parameter.setCurrentIndex(max(self.parameter.findData(current), 0))
        self.parameter.blockSignals(False)

    def _suggest_value(self) -> None:
        policy, name = self.policy, self.parameter.currentData()
        if policy is None or not name:
            return
        entry = _in_force(policy.parameters[name], self.today())
        if entry is not None and isinstance(entry.shown, str | int):
            self.value.setText(str(entry.shown))

    # what-if --------------------------------------------------------------------------
    def run_what_if(self) -> Task[tuple[WhatIf, dict[str, str]]] | None:
        name, value = self.parameter.currentData(), self.value.text().strip()
        if not name or not value or self.library is None:
            return None
        store, library, on, scope = self.store, self.library, self.today(), self.scope

        def work(progress: Progress) -> tuple[WhatIf, dict[str, str]]:
            villages = None
            if scope:
                with store.read() as conn:
                    villages = sorted(v for v in village_codes(conn) if v.startswith(scope))
            return what_if(
                store,
                {name: value},
                on=on,
                library=library,
                village_codes=villages,
                progress=progress.report,
            )

        self.error.show_message("")
        self.run_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()
        self._task = run_task(work, on_success=self._arrived, on_failure=self._failed)
        return self._task

    def _arrived(self, outcome: tuple[WhatIf, dict[str, str]]) -> None:
        self.result, self.heads = outcome
        self._done()
        self._show_result()

    def _failed(self, error: Exception) -> None:
        self._done()
        if isinstance(error, PolicyError):
            self.error.show_message(in_full(error.errors))
        else:
            self.error.show_message(str(error))

    def _done(self) -> None:
        self._task = None
        self.progress.hide()
        self.run_button.setEnabled(True)

    def _show_result(self) -> None:
        result = self.result
        if result is None:
            self.summary.setText("")
            self.changes.setRowCount(0)
            return
        lines = [self.tr("{n} households compared.").format(n=result.households)]
        for program, s in result.summary.items():
            lines.append(
                self.tr(
                    "{program}: {brought_in} in, {dropped} out, {other} other; monthly {delta}"
                ).format(
                    program=label(program),
                    brought_in=s.brought_in,
                    dropped=s.dropped,
                    other=s.other,
                    delta=yuan(s.monthly_fen_delta),
                )
            )
        if not result.changes:
            lines.append(self.tr("No household's findings change."))
        self.summary.setText("\n".join(lines))
        self.changes.setRowCount(len(result.changes))
        for row, change in enumerate(result.changes):
            cells = (
                self.heads.get(change.household_id, change.household_id),
                label(change.program),
                _finding_words(change.before),
                _finding_words(change.after),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, change.household_id)
                self.changes.setItem(row, column, item)

    def _open(self, index: Any) -> None:
        item = self.changes.item(index.row(), 0)
        if item is not None:
            self.household_opened.emit(item.data(Qt.ItemDataRole.UserRole))


def _in_force(entries: tuple[Any, ...], on: date) -> Any:
    current = None
    for entry in entries:
        if entry.start <= on:
            current = entry
    return current
