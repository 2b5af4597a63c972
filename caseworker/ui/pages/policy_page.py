"""The policy in force, for people: every parameter of the county's pack by program, by
its name, with the value in force in words and each dated value with the document it
comes from; and what-if: give one parameter another value and see which households'
findings would change (nothing is stored)."""

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
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
from caseworker.eligibility.parameter_words import name_words, program_words, value_words
from caseworker.eligibility.params import SPECS
from caseworker.eligibility.policy import Policy, PolicyError, parse_overrides
from caseworker.eligibility.whatif import WhatIf
from caseworker.screening import policy_library, what_if
from caseworker.store.db import Store
from caseworker.store.regions import village_codes
from caseworker.ui.errors import in_full
from caseworker.ui.i18n import is_chinese
from caseworker.ui.labels import label, language, yuan
from caseworker.ui.runner import Progress, Task, run_task
from caseworker.ui.widgets.eligibility_panel import status_words
from caseworker.ui.widgets.fields import ErrorLabel
from caseworker.ui.widgets.parameter_editor import ParameterEditor, editor_for
from caseworker.ui.widgets.parameter_history import ParameterHistory, in_force

DEMO_COUNTY = "610423"
FIRST_SHOWN = "dibao.standard.rural"  # what a worker asks about first
KEY_ROLE = Qt.ItemDataRole.UserRole


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
        self.chosen: str | None = None  # the parameter shown and tried
        self.editor: ParameterEditor | None = None
        self._task: Task[tuple[WhatIf, dict[str, str]]] | None = None
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-size: 13pt;")
        self.tree = self._parameter_tree()
        self.history = ParameterHistory()
        # what-if, under the chosen parameter
        self.whatif_title = QLabel()
        self.whatif_title.setWordWrap(True)
        self.editor_slot = QHBoxLayout()
        self.no_editor = QLabel()
        self.no_editor.setWordWrap(True)
        self.run_button = QPushButton()
        self.run_button.clicked.connect(self.run_what_if)
        self.progress = QProgressBar()
        self.progress.hide()
        self.error = ErrorLabel()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.changes = QTableWidget(0, 4)
        self.changes.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.changes.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.changes.doubleClicked.connect(self._open)
        self._lay_out()
        self.retranslate()

    def _parameter_tree(self) -> QTreeWidget:
        tree = QTreeWidget()
        tree.setColumnCount(2)
        tree.setUniformRowHeights(True)
        # Names and values share the width, so both show on a small screen; what is cut
        # short ends in "…", and the whole is beside the tree when the row is chosen.
        tree.header().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        tree.currentItemChanged.connect(self._chosen_in_tree)
        return tree

    def _lay_out(self) -> None:
        # The chosen parameter's history scrolls rather than being cut off on a small
        # screen (1366x768 at 150%); the what-if controls stay in sight under it, and the
        # results below take what height is left.
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.history)
        whatif = QWidget()
        column = QVBoxLayout(whatif)
        column.setContentsMargins(0, 0, 0, 0)
        rule = QFrame()
        rule.setFrameShape(QFrame.Shape.HLine)
        column.addWidget(rule)
        column.addWidget(self.whatif_title)
        row = QHBoxLayout()
        row.addLayout(self.editor_slot, 1)
        row.addWidget(self.run_button, 0, Qt.AlignmentFlag.AlignTop)
        column.addLayout(row)
        column.addWidget(self.no_editor)
        column.addWidget(self.error)
        column.addWidget(self.progress)
        column.addStretch(1)
        results = QWidget()
        box = QVBoxLayout(results)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.summary)
        box.addWidget(self.changes, 1)
        right = QSplitter(Qt.Orientation.Vertical)
        right.setChildrenCollapsible(False)
        right.addWidget(scroll)
        right.addWidget(whatif)
        right.addWidget(results)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 0)
        right.setStretchFactor(2, 2)
        # In proportion at first: the what-if controls need little more than their height.
        right.setSizes([300, 1, 200])
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.tree)
        split.addWidget(right)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(split, 1)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.tree.setHeaderLabels([self.tr("Parameter"), self.tr("In force now")])
        self.whatif_title.setText(
            self.tr(
                "<b>What if</b> it were different? Give a new value and compare: see whose "
                "findings would change (nothing is saved)."
            )
        )
        self.run_button.setText(self.tr("Compare"))
        self.no_editor.setText(
            self.tr("This parameter cannot be changed here; choose another to compare.")
        )
        self.changes.setHorizontalHeaderLabels(
            [self.tr("Household"), self.tr("Program"), self.tr("Now"), self.tr("With the change")]
        )
        self.tree.setAccessibleName(self.tr("Parameters"))
        self.changes.setAccessibleName(self.tr("Findings that would change"))
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

    # the policy ---------------------------------------------------------------------
    def show_policy(self) -> None:
        policy = self.policy
        if policy is None:
            self.title.setText(self.tr("No policy pack loaded."))
            return
        name = policy.name_zh if is_chinese() else policy.name_en
        self.title.setText(
            self.tr("<b>{name}</b>: policy version {version}, for county {counties}").format(
                name=name, version=policy.version, counties="、".join(policy.counties)
            )
        )
        self.title.setToolTip(self.tr("Policy pack: {id}").format(id=policy.id))
        self._fill_tree(policy)
        self.choose(self.chosen or FIRST_SHOWN)

    def _fill_tree(self, policy: Policy) -> None:
        lang, today = language(), self.today()
        self.tree.blockSignals(True)
        self.tree.clear()
        groups: dict[Any, QTreeWidgetItem] = {}
        bold = QFont(self.tree.font())
        bold.setBold(True)
        for name, spec in SPECS.items():  # the table's order: program by program
            entries = policy.parameters.get(name)
            if not entries:
                continue
            group = groups.get(spec.program)
            if group is None:
                group = QTreeWidgetItem([program_words(spec.program, lang)])
                group.setFont(0, bold)
                group.setFlags(group.flags() & ~Qt.ItemFlag.ItemIsSelectable)
                self.tree.addTopLevelItem(group)
                groups[spec.program] = group
            current = in_force(entries, today)
            said = value_words(name, current.shown, lang) if current else ""
            item = QTreeWidgetItem([name_words(name, lang), said])
            item.setData(0, KEY_ROLE, name)
            item.setToolTip(0, self.tr("Parameter key (for county staff): {key}").format(key=name))
            item.setToolTip(1, said)
            group.addChild(item)
        self.tree.expandAll()
        self.tree.blockSignals(False)

    def _item_of(self, name: str) -> QTreeWidgetItem | None:
        for g in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(g)
            for c in range(group.childCount() if group is not None else 0):
                item = group.child(c) if group is not None else None
                if item is not None and item.data(0, KEY_ROLE) == name:
                    return item
        return None

    def choose(self, name: str) -> None:
        """Show parameter ``name`` and make it the one a what-if changes."""
        item = self._item_of(name)
        if item is not None and self.tree.currentItem() is not item:
            self.tree.setCurrentItem(item)  # shows it, through _chosen_in_tree
        elif item is not None:
            self._show_parameter(name)

    def _chosen_in_tree(self, item: QTreeWidgetItem | None, _: object = None) -> None:
        name = item.data(0, KEY_ROLE) if item is not None else None
        if isinstance(name, str):
            self._show_parameter(name)

    def _show_parameter(self, name: str) -> None:
        policy = self.policy
        if policy is None:
            return
        entries = policy.parameters[name]
        today = self.today()
        self.chosen = name
        self.history.show_parameter(name, entries, today)
        self.error.show_message("")
        if self.editor is not None:
            # Out of sight at once: deleteLater waits for the event loop.
            self.editor_slot.removeWidget(self.editor)
            self.editor.hide()
            self.editor.deleteLater()
        self.editor = editor_for(SPECS[name])
        self.no_editor.setVisible(self.editor is None)
        self.run_button.setVisible(self.editor is not None)
        self.run_button.setEnabled(self.editor is not None and self._task is None)
        if self.editor is not None:
            current = in_force(entries, today)
            if current is not None:
                self.editor.set_shown(current.shown)
            self.editor.submitted.connect(self.run_what_if)
            self.editor_slot.addWidget(self.editor)

    # what-if --------------------------------------------------------------------------
    def run_what_if(self) -> Task[tuple[WhatIf, dict[str, str]]] | None:
        """Compare the households' findings now and with the chosen parameter changed;
        a value that cannot be used is refused at once, in words."""
        name, editor = self.chosen, self.editor
        if name is None or editor is None or self.library is None or self._task is not None:
            return None
        editor.finish()
        value = editor.yaml_text()
        if not value:
            self.error.show_message(
                self.tr("Give a new value for {name}.").format(name=name_words(name, language()))
            )
            return None
        try:
            parse_overrides({name: value})
        except PolicyError as refused:
            self.error.show_message(in_full(refused.errors))
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
            self.error.show_message(
                self.tr("The comparison could not be made: {error}").format(error=error)
            )

    def _done(self) -> None:
        self._task = None
        self.progress.hide()
        self.run_button.setEnabled(self.editor is not None)

    def _show_result(self) -> None:
        result = self.result
        if result is None:
            self.summary.setText("")
            self.changes.setRowCount(0)
            return
        lang = language()
        lines = [
            self.tr("If {name} were {value}:").format(
                name=name_words(name, lang), value=value_words(name, shown, lang)
            )
            for name, shown in result.overrides.items()
        ]
        lines.append(self.tr("{n} households compared.").format(n=result.households))
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
