"""Home: the work to do first (reviews and applications overdue or due soon, households
likely eligible but not applied), then households in the area and beneficiaries by program
and by village (charts). Figures load off the GUI thread.

Home is the first page drawn at start-up, before the figures exist: the charts (QtCharts)
and the store's queries (SQLAlchemy) are loaded when the figures are, not before. On a
narrow page (a laptop at 150%) the lists and charts go below each other and the page
scrolls, rather than cutting their lines off.
"""

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from caseworker.domain.codes import Program, RegionLevel, Stage
from caseworker.operations.messages import in_words
from caseworker.store.db import Store
from caseworker.ui.fonts import make_heading
from caseworker.ui.i18n import is_chinese
from caseworker.ui.labels import label
from caseworker.ui.pages import dashboard_words as words
from caseworker.ui.pages.dashboard_parts import ChartSlot, TaskList
from caseworker.ui.runner import Progress, Task, run_task
from caseworker.ui.widgets.columns import ColumnsRow

if TYPE_CHECKING:
    from caseworker.operations.evidence import MissingEvidence
    from caseworker.screening import ScreeningRun
    from caseworker.store.dashboard import DashboardStats

    Figures = tuple[DashboardStats, list[MissingEvidence]]

MOST_VILLAGES = 12
# A list of work needs about this much width for its lines ("陈宗良 — 已超期 12 个工作日"
# and the program, date and stage under it); narrower pages stack the lists.
LIST_WIDTH = 330
CHART_WIDTH = 360
LIST_HEIGHT = 150


class _PageColumn(QVBoxLayout):
    """The scrolling part of the page, top to bottom. It claims no height-for-width (its
    wrapped sentences would make it do so): a scroll area then sizes it to the preferred
    heights of its lists and charts, and scrolls on a full-size laptop screen too, where
    the minimum heights fit."""

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return False


class DashboardPage(QWidget):
    household_opened = Signal(str)
    evidence_opened = Signal(str)  # a household to open on its Evidence tab

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
        self.stats: DashboardStats | None = None
        # Households whose applications under way lack documents (from records only).
        self.missing_evidence: list[MissingEvidence] = []
        self._task: Task[Figures] | None = None
        self.summary = QLabel()
        make_heading(self.summary, 1.3)
        self.summary.setWordWrap(True)
        self.screen_all = QPushButton()
        self.cancel = QPushButton()
        self.progress = QProgressBar()
        self.cancel.hide()
        self.progress.hide()
        self._screening: Task[ScreeningRun] | None = None
        # What the last screening of everyone did (its sentence stays until the next one).
        self.screened = QLabel()
        self.screened.setWordWrap(True)
        self.screened.hide()
        self.last_run: ScreeningRun | None = None
        self.work = self._work_lists()
        self.by_program = ChartSlot()
        self.by_village = ChartSlot()
        self.charts = ColumnsRow([self.by_program, self.by_village], min_width=CHART_WIDTH)
        body = QWidget()
        column = _PageColumn(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.work, 3)
        column.addWidget(self.charts, 2)
        self.scrolling = QScrollArea()
        self.scrolling.setWidgetResizable(True)
        self.scrolling.setFrameShape(QFrame.Shape.NoFrame)
        self.scrolling.setWidget(body)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.progress)
        top.addWidget(self.cancel)
        top.addWidget(self.screen_all)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.screened)
        layout.addWidget(self.scrolling, 1)
        self.screen_all.clicked.connect(self.screen_everyone)
        self.cancel.clicked.connect(self._cancel_screening)
        for task_list in (self.reviews, self.deadlines, self.flagged):
            task_list.list.itemActivated.connect(self._open)
            task_list.list.itemDoubleClicked.connect(self._open)
        self.evidence.list.itemActivated.connect(self._open_evidence)
        self.evidence.list.itemDoubleClicked.connect(self._open_evidence)
        self.retranslate()
        # What the first paint shows: the counting starts once the window is drawn.
        self.summary.setText(self.tr("Counting..."))

    def _work_lists(self) -> ColumnsRow:
        """The work to do, most pressing first: reviews, application time limits, the
        households a screening found likely eligible, and applications lacking documents."""
        self.reviews = TaskList()
        self.stages = QLabel()
        self.stages.setWordWrap(True)
        self.deadlines = TaskList()
        self.flagged = TaskList()
        self.evidence = TaskList()
        self.boxes = [QGroupBox() for _ in range(4)]
        contents: tuple[tuple[QWidget, ...], ...] = (
            (self.reviews,),
            (self.stages, self.deadlines),
            (self.flagged,),
            (self.evidence,),
        )
        for box, widgets in zip(self.boxes, contents, strict=True):
            box.setMinimumHeight(LIST_HEIGHT)
            inner = QVBoxLayout(box)
            for widget in widgets:
                inner.addWidget(widget)
        return ColumnsRow(self.boxes, min_width=LIST_WIDTH)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self._titles()
        self.screen_all.setText(self.tr("Screen all households"))
        self.cancel.setText(self.tr("Cancel"))
        self._say_screened()
        self.show_stats()

    def _titles(self) -> None:
        """The boxes' titles, with how many in each are overdue once that is known."""
        stats = self.stats
        if stats is None:
            titles = (
                self.tr("Reviews due"),
                self.tr("Applications and their time limits"),
                self.tr("Likely eligible, not yet applied"),
                self.tr("Documents missing"),
            )
        else:
            titles = (
                self.tr("Reviews due ({overdue} overdue, {soon} due within 30 days)").format(
                    overdue=len(stats.reviews_overdue),
                    soon=len(stats.reviews) - len(stats.reviews_overdue),
                ),
                self.tr("Application time limits ({overdue} overdue, {soon} due soon)").format(
                    overdue=len(stats.overdue),
                    soon=len(stats.deadlines) - len(stats.overdue),
                ),
                self.tr("Likely eligible, not yet applied ({n})").format(n=len(stats.flagged)),
                self.tr("Applications missing documents ({n})").format(
                    n=len(self.missing_evidence)
                ),
            )
        lists = (self.reviews, self.deadlines, self.flagged, self.evidence)
        for box, task_list, title in zip(self.boxes, lists, titles, strict=True):
            box.setTitle(title)
            task_list.list.setAccessibleName(title)

    def screen_everyone(self) -> "Task[ScreeningRun]":
        """Screen every household in the area off the GUI thread, with a progress bar
        (reading and screening, then writing) and cancel; a decision record is kept for
        each household whose result is new or changed, none if cancelled. Then says how
        many were screened and how many changed."""
        store, scope, today = self.store, self.scope, self.today()

        def work(progress: Progress) -> "ScreeningRun":
            from caseworker.screening import PolicyChooser, policy_library, screen_store
            from caseworker.store.regions import all_regions

            library = policy_library(store)
            villages = None
            if scope:
                with store.read() as conn:
                    villages = [
                        r.code
                        for r in all_regions(conn)
                        if r.level is RegionLevel.VILLAGE and r.code.startswith(scope)
                    ]
            return screen_store(
                store,
                on=today,
                policies=PolicyChooser(library),
                village_codes=villages,
                progress=progress.report,
            )

        self.screen_all.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel.show()
        self.screened.hide()
        self._screening = run_task(
            work,
            on_success=self._screened,
            on_failure=self._screening_failed,
            on_progress=self._screening_progress,
            on_cancelled=self._screening_cancelled,
        )
        return self._screening

    def _screened(self, run: "ScreeningRun") -> None:
        self.last_run = run
        self._say_screened()
        self._screening_done()

    def _say_screened(self) -> None:
        run = self.last_run
        if run is None:
            return
        self.screened.setText(
            self.tr("Screened {n} households; the results of {changed} are new or changed").format(
                n=run.screened, changed=run.changed
            )
        )
        self.screened.show()

    def _screening_cancelled(self) -> None:
        self.screened.setText(self.tr("Screening cancelled: nothing was stored"))
        self.screened.show()
        self._screening_done()

    def _screening_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, done))
        self.progress.setValue(done)

    def _cancel_screening(self) -> None:
        if self._screening is not None:
            self._screening.cancel()

    def _screening_failed(self, error: Exception) -> None:
        # In the line that stays until the next screening: the summary is redrawn by the
        # refresh that follows.
        self.screened.setText(
            self.tr("The screening stopped: {error}").format(
                error=in_words(error).text(is_chinese())
            )
        )
        self.screened.show()
        self._screening_done()

    def _screening_done(self) -> None:
        self._screening = None
        self.progress.hide()
        self.cancel.hide()
        self.screen_all.setEnabled(True)
        self.refresh()

    def refresh(self) -> "Task[Figures]":
        """Recompute the figures on a worker thread; the page fills in when they arrive.
        A refresh already under way is not started twice."""
        if self._task is not None:
            return self._task
        if self.stats is None:
            self.summary.setText(self.tr("Counting..."))
        store, scope, today = self.store, self.scope, self.today()

        def work(progress: Progress) -> "Figures":
            from caseworker.eligibility.reviews import review_rules_by_county
            from caseworker.operations.evidence import households_missing_evidence
            from caseworker.screening import PolicyChooser, policy_library
            from caseworker.store.dashboard import dashboard_stats

            library = policy_library(store)
            rules = review_rules_by_county(library, today)
            with store.read() as conn:
                stats = dashboard_stats(
                    conn,
                    scope=scope,
                    today=today,
                    review_rules=rules,
                    calendar=library.work_calendar(),
                )
            missing = households_missing_evidence(
                store, scope=scope, on=today, policy_of=PolicyChooser(library)
            )
            return stats, missing

        self._task = run_task(work, on_success=self._arrived, on_failure=self._failed)
        return self._task

    def _arrived(self, figures: "Figures") -> None:
        self._task = None
        self.stats, self.missing_evidence = figures
        self.show_stats()

    def _failed(self, error: Exception) -> None:
        # The reason is for a developer, not for the specialist reading the page.
        self._task = None
        self.summary.setText(
            self.tr(
                "The figures could not be counted just now. Open another page and come back "
                "to home to try again; if it keeps happening, restart the app."
            )
        )

    def show_stats(self) -> None:
        """Fill the page from the figures (again after a change of language)."""
        stats = self.stats
        if stats is None:
            return
        self._titles()
        self.summary.setText(words.summary(stats))
        self.reviews.show_entries(
            [words.review_entry(item, self.today()) for item in stats.reviews],
            empty=self.tr("No household needs a review in the next 30 days."),
        )
        parts = [
            f"{label(s)} {stats.applications_by_stage[s]}"
            for s in Stage
            if stats.applications_by_stage[s]
        ]
        self.stages.setText(self.tr("Open applications: {stages}").format(stages=" · ".join(parts)))
        self.stages.setVisible(bool(parts))
        self.deadlines.show_entries(
            [words.application_entry(item) for item in stats.deadlines],
            empty=self.tr("No application is overdue or due within 5 working days.")
            if parts
            else self.tr("No open applications."),
        )
        if stats.screened:
            nothing_flagged = self.tr(
                "The last screening found no household likely eligible that has not applied."
            )
        else:
            nothing_flagged = self.tr(
                "No household has been screened yet. Press \u201cScreen all households\u201d "
                "above: those likely eligible but not yet applied will be listed here."
            )
        self.flagged.show_entries(
            [words.flagged_entry(*flagged) for flagged in stats.flagged],
            empty=nothing_flagged,
        )
        self.evidence.show_entries(
            [words.evidence_entry(item) for item in self.missing_evidence],
            empty=self.tr("No application under way lacks a document."),
        )
        self.by_program.show_bars(
            self.tr("Households by program"),
            [
                (label(p), stats.beneficiary_households[p])
                for p in Program
                if stats.beneficiary_households[p]
            ][::-1],
            empty=self.tr("No household in your area receives assistance yet."),
        )
        villages = sorted(stats.beneficiaries_by_village.items(), key=lambda kv: -kv[1])
        self.by_village.show_bars(
            self.tr("Households receiving assistance by village (most first)"),
            villages[:MOST_VILLAGES][::-1],
            empty=self.tr("No household in your area receives assistance yet."),
        )

    def _open_evidence(self, item: QListWidgetItem) -> None:
        from PySide6.QtCore import Qt

        household_id = item.data(Qt.ItemDataRole.UserRole)
        if household_id:
            self.evidence_opened.emit(household_id)

    def _open(self, item: QListWidgetItem) -> None:
        from PySide6.QtCore import Qt

        household_id = item.data(Qt.ItemDataRole.UserRole)
        if household_id:
            self.household_opened.emit(household_id)
