"""One household: members, incomes, property, expenses, legal supporters, visits, benefits
and applications, every edit validated, saved at once and undoable.

The tabs are built, filled and retranslated from their list (``household_tabs``); what
the buttons open is in ``household_actions``."""

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from caseworker.domain.codes import WorkerRole
from caseworker.domain.procedure import next_stages
from caseworker.domain.records import Household
from caseworker.domain.workdays import OFFICIAL, WorkCalendar
from caseworker.eligibility.findings import Screening
from caseworker.eligibility.policy import Policy
from caseworker.ui import ask
from caseworker.ui.fonts import make_heading
from caseworker.ui.household_editor import HouseholdEditor
from caseworker.ui.pages.evidence_tab import EvidenceTab
from caseworker.ui.pages.household_actions import HouseholdActions
from caseworker.ui.pages.household_facts import facts_line
from caseworker.ui.pages.household_tabs import (
    HISTORY,
    TABS,
    Showing,
    Tab,
    fill,
    make_table,
    retranslate_table,
    words,
)
from caseworker.ui.widgets.eligibility_panel import EligibilityPanel
from caseworker.ui.widgets.flow import flow_row

EVIDENCE_TAB = len(TABS)  # after the tabs of tables


class HouseholdPage(HouseholdActions):
    """The page of one household; ``visit_requested`` asks the window for a visit form."""

    visit_requested = Signal(str)

    def __init__(
        self,
        editor: HouseholdEditor,
        *,
        worker: str,
        role: WorkerRole,
        today: Callable[[], date] = date.today,
        screener: Callable[[Household, date], Screening] | None = None,
        calendar: WorkCalendar = OFFICIAL,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.editor = editor
        self.calendar = calendar  # time limits count its working days
        self.worker = worker
        self.role = role
        self.today = today
        self.screener = screener
        self.ask_signature = None
        self.eligibility = EligibilityPanel()
        self.eligibility.apply_clicked.connect(self.start_application)
        self.eligibility.field_clicked.connect(self.go_to_field)
        self.title = QLabel()
        make_heading(self.title, 1.8, bold=True)
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.edit_info = QPushButton()
        self.edit_info.clicked.connect(self.edit_household_info)
        self.sign_authorization = QPushButton()
        self.sign_authorization.clicked.connect(self.open_authorization)
        self._make_actions()
        self._make_tabs()
        self._lay_out()
        editor.changed.connect(self.refresh)
        editor.failed.connect(lambda text: ask.warn(self, self.tr("Not saved"), text))
        self.retranslate()

    def _make_actions(self) -> None:
        """Undo, redo and a new visit, with their shortcuts."""
        self.undo_action = self.editor.undo_stack.createUndoAction(self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.editor.undo_stack.createRedoAction(self)
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self.addActions([self.undo_action, self.redo_action])
        self.undo_button = QPushButton()
        self.redo_button = QPushButton()
        self.undo_button.clicked.connect(self.undo_action.trigger)
        self.redo_button.clicked.connect(self.redo_action.trigger)
        self.new_visit_action = QAction(self)
        self.new_visit_action.setShortcut(QKeySequence("Ctrl+N"))
        # Ctrl+N on the household list registers a household: each page's own.
        self.new_visit_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.new_visit_action.triggered.connect(self.request_visit)
        self.addAction(self.new_visit_action)

    def _make_tabs(self) -> None:
        """A tab per entry of the list: its buttons over its table."""
        self.tabs = QTabWidget()
        self.tables = {tab.name: make_table(tab) for tab in TABS}
        self.members = self.tables["members"]
        self.assets = self.tables["assets"]
        self.expenses = self.tables["expenses"]
        self.supporters = self.tables["supporters"]
        self.visits = self.tables["visits"]
        self.benefits = self.tables["benefits"]
        self.applications = self.tables["applications"]
        self.history = make_table(HISTORY)
        self.buttons: dict[str, QPushButton] = {}
        for tab in TABS:
            page = self._tab(tab)
            if tab.name == "applications":  # the chosen application's stages under it
                split = QSplitter(Qt.Orientation.Vertical)
                split.addWidget(page)
                split.addWidget(self.history)
                page = split
            self.tabs.addTab(page, "")
        self.evidence = EvidenceTab(
            self.editor.store, worker=self.worker, today=self.today, policy_of=self._policy_of
        )
        self.evidence.changed.connect(self.changed.emit)
        self.evidence.missing_changed.connect(self.eligibility.show_missing_evidence)
        self.tabs.addTab(self.evidence, "")
        self.members.doubleClicked.connect(lambda index: self.edit_member(index.row()))
        self.applications.currentCellChanged.connect(lambda *_: self._show_history())

    def _tab(self, tab: Tab) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        row = QHBoxLayout()
        for b in tab.buttons:
            button = QPushButton()
            button.clicked.connect(lambda *_, act=b.action: act(self))
            self.buttons[b.key] = button
            row.addWidget(button)
        row.addStretch()
        layout.addLayout(row)
        layout.addWidget(self.tables[tab.name])
        return page

    def _lay_out(self) -> None:
        # The title and its buttons wrap onto a second line rather than widen the page
        # past a small screen; the findings beside them can be made narrower by hand.
        header = flow_row(
            self.title, self.undo_button, self.redo_button, self.sign_authorization, self.edit_info
        )
        main_column = QWidget()
        main = QVBoxLayout(main_column)
        main.setContentsMargins(0, 0, 0, 0)
        main.addWidget(header)
        main.addWidget(self.facts)
        main.addWidget(self.tabs, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(main_column)
        split.addWidget(self.eligibility)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        layout = QHBoxLayout(self)
        layout.addWidget(split)

    def request_visit(self) -> None:
        """Ask the window for a visit form for this household."""
        self.visit_requested.emit(self.editor.household.id)

    # language ------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        for index, tab in enumerate(TABS):
            self.tabs.setTabText(index, words(tab.title))
            retranslate_table(self.tables[tab.name], tab)
            for b in tab.buttons:
                self.buttons[b.key].setText(words(b.text))
        self.tabs.setTabText(EVIDENCE_TAB, self.tr("Evidence"))
        retranslate_table(self.history, HISTORY)
        self.edit_info.setText(self.tr("Edit household details"))
        self.sign_authorization.setText(self.tr("Sign the authorisation"))
        self.undo_button.setText(self.tr("Undo"))
        self.redo_button.setText(self.tr("Redo"))
        self.refresh()

    # showing --------------------------------------------------------------------------------
    def refresh(self) -> None:
        h = self.editor.household
        head = h.head
        self.title.setText(head.name if head else self.tr("(no head)"))
        self.facts.setText(facts_line(h))
        today = self.today()
        shown = Showing(h, today, self.calendar)
        current = self.applications.currentRow()
        for tab in TABS:
            fill(self.tables[tab.name], tab, tab.records(h), shown)
        if h.applications:
            self.applications.selectRow(min(max(current, 0), len(h.applications) - 1))
        self._show_history()
        if self.screener is not None:
            self.eligibility.show_screening(self.screener(h, today))
        self.evidence.show_household(h)

    def _policy_of(self, household: Household) -> Policy | None:
        """The policy the household is screened under (None: no screener, no checklist)."""
        policies = getattr(self.screener, "policies", None)
        return None if policies is None else policies(household)

    def show_evidence(self) -> EvidenceTab:
        """Show the Evidence tab (from home's list of households missing documents)."""
        self.tabs.setCurrentIndex(EVIDENCE_TAB)
        return self.evidence

    def _show_history(self) -> None:
        row = self.applications.currentRow()
        h = self.editor.household
        apps = h.applications
        entries = apps[row].history if 0 <= row < len(apps) else []
        fill(self.history, HISTORY, entries, Showing(h, self.today(), self.calendar))
        stages = next_stages(apps[row]) if 0 <= row < len(apps) else ()
        self.buttons["next_stage"].setEnabled(bool(stages))

    def household(self) -> Household:
        return self.editor.household
