"""Home: households in the area, beneficiaries by program and by village (charts),
applications by stage and the overdue ones, reviews due. Figures load off the GUI thread.

Home is the first page drawn at start-up, before the figures exist: the charts (QtCharts)
and the store's queries (SQLAlchemy) are loaded when the figures are, not before.
"""

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from caseworker.domain.codes import Program, RegionLevel, Stage
from caseworker.store.db import Store
from caseworker.ui.labels import label
from caseworker.ui.runner import Progress, Task, run_task

if TYPE_CHECKING:
    from PySide6.QtCharts import QChartView

    from caseworker.store.dashboard import DashboardStats

CHART_HEIGHT = 220


class ChartSlot(QWidget):
    """Where a chart goes; the chart view is made with the first chart to show (an empty
    chart view draws as the empty space this is)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumHeight(CHART_HEIGHT)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._view: QChartView | None = None

    def view(self) -> "QChartView":
        """The chart view (QtCharts is imported with the first one)."""
        if self._view is None:
            from PySide6.QtCharts import QChart, QChartView
            from PySide6.QtGui import QPainter

            self._view = QChartView(QChart())
            self._view.setRenderHint(QPainter.RenderHint.Antialiasing)
            self._view.setMinimumHeight(CHART_HEIGHT)
            self._view.chart().legend().hide()
            self._layout.addWidget(self._view)
        return self._view


MOST_VILLAGES = 12


def _bars(
    view: "QChartView", title: str, values: list[tuple[str, int]], *, horizontal: bool = False
) -> None:
    """Replace the view's chart with a bar chart of ``values`` (name, count)."""
    from PySide6.QtCharts import (
        QAbstractBarSeries,
        QBarCategoryAxis,
        QBarSeries,
        QBarSet,
        QChart,
        QHorizontalBarSeries,
        QValueAxis,
    )
    from PySide6.QtCore import Qt

    chart = QChart()
    chart.setTitle(title)
    chart.legend().hide()
    bar_set = QBarSet(title)
    for _, value in values:
        bar_set.append(value)
    series: QAbstractBarSeries = QHorizontalBarSeries() if horizontal else QBarSeries()
    series.append(bar_set)
    series.setLabelsVisible(True)
    chart.addSeries(series)
    names = QBarCategoryAxis()
    names.append([name for name, _ in values])
    names.setTruncateLabels(False)
    counts = QValueAxis()
    counts.setLabelFormat("%d")
    counts.setRange(0, max([v for _, v in values] + [1]))
    chart.addAxis(names, Qt.AlignmentFlag.AlignLeft if horizontal else Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(
        counts, Qt.AlignmentFlag.AlignBottom if horizontal else Qt.AlignmentFlag.AlignLeft
    )
    series.attachAxis(names)
    series.attachAxis(counts)
    old = view.chart()
    view.setChart(chart)
    old.deleteLater()


class DashboardPage(QWidget):
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
        self.stats: DashboardStats | None = None
        self._task: Task[DashboardStats] | None = None
        self.summary = QLabel()
        self.summary.setStyleSheet("font-size: 13pt;")
        self.summary.setWordWrap(True)
        self.screen_all = QPushButton()
        self.cancel = QPushButton()
        self.progress = QProgressBar()
        self.cancel.hide()
        self.progress.hide()
        self._screening: Task[int] | None = None
        self.by_program = ChartSlot()
        self.by_village = ChartSlot()
        self.stages = QLabel()
        self.stages.setWordWrap(True)
        self.flagged = QListWidget()
        self.overdue = QListWidget()
        self.reviews = QListWidget()
        self.boxes = [QGroupBox() for _ in range(4)]
        lists = (self.stages, self.flagged, self.overdue, self.reviews)
        for box, widget in zip(self.boxes, lists, strict=True):
            inner = QVBoxLayout(box)
            inner.addWidget(widget)
        grid = QGridLayout()
        grid.addWidget(self.by_program, 0, 0, 1, 2)  # program names are the longer labels
        grid.addWidget(self.by_village, 0, 2)
        grid.addWidget(self.boxes[0], 1, 0, 1, 3)
        grid.addWidget(self.boxes[1], 2, 0)
        grid.addWidget(self.boxes[2], 2, 1)
        grid.addWidget(self.boxes[3], 2, 2)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.progress)
        top.addWidget(self.cancel)
        top.addWidget(self.screen_all)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(grid)
        self.screen_all.clicked.connect(self.screen_everyone)
        self.cancel.clicked.connect(self._cancel_screening)
        for widget in (self.flagged, self.overdue, self.reviews):
            widget.itemActivated.connect(self._open)
            widget.itemDoubleClicked.connect(self._open)
        self.retranslate()
        # What the first paint shows: the counting starts once the window is drawn.
        self.summary.setText(self.tr("Counting..."))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        titles = (
            self.tr("Applications by stage"),
            self.tr("Likely eligible, not yet applied"),
            self.tr("Overdue applications"),
            self.tr("Reviews due"),
        )
        for box, title in zip(self.boxes, titles, strict=True):
            box.setTitle(title)
        self.screen_all.setText(self.tr("Screen all households"))
        self.cancel.setText(self.tr("Cancel"))
        self.show_stats()

    def screen_everyone(self) -> Task[int]:
        """Screen every household in the area off the GUI thread (decision records kept),
        with a progress bar and cancel; nothing is stored if cancelled."""
        store, scope, today = self.store, self.scope, self.today()

        def work(progress: Progress) -> int:
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
            done = screen_store(
                store,
                on=today,
                policies=PolicyChooser(library),
                village_codes=villages,
                progress=progress.report,
            )
            return len(done)

        self.screen_all.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel.show()
        self._screening = run_task(
            work,
            on_success=lambda _: self._screening_done(),
            on_failure=self._screening_failed,
            on_progress=self._screening_progress,
            on_cancelled=self._screening_done,
        )
        return self._screening

    def _screening_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, done))
        self.progress.setValue(done)

    def _cancel_screening(self) -> None:
        if self._screening is not None:
            self._screening.cancel()

    def _screening_failed(self, error: Exception) -> None:
        self._screening_done()
        self.summary.setText(self.tr("The screening stopped: {error}").format(error=error))

    def _screening_done(self) -> None:
        self._screening = None
        self.progress.hide()
        self.cancel.hide()
        self.screen_all.setEnabled(True)
        self.refresh()

    def refresh(self) -> "Task[DashboardStats]":
        """Recompute the figures on a worker thread; the page fills in when they arrive.
        A refresh already under way is not started twice."""
        if self._task is not None:
            return self._task
        if self.stats is None:
            self.summary.setText(self.tr("Counting..."))
        store, scope, today = self.store, self.scope, self.today()

        def work(progress: Progress) -> "DashboardStats":
            from caseworker.store.dashboard import dashboard_stats

            with store.read() as conn:
                return dashboard_stats(conn, scope=scope, today=today)

        self._task = run_task(work, on_success=self._arrived, on_failure=self._failed)
        return self._task

    def _arrived(self, stats: "DashboardStats") -> None:
        self._task = None
        self.stats = stats
        self.show_stats()

    def _failed(self, error: Exception) -> None:
        self._task = None
        self.summary.setText(
            self.tr("The figures could not be computed: {error}").format(error=error)
        )

    def show_stats(self) -> None:
        stats = self.stats
        if stats is None:
            return
        # Qt's namespace of enums takes a hundredth of a second to load: not before the
        # first paint, which has no figures yet.
        from PySide6.QtCore import Qt

        receiving = sum(stats.beneficiary_households.values())
        lines = [
            self.tr("{households} households in your area; {receiving} receive assistance.").format(
                households=stats.households, receiving=receiving
            )
        ]
        if stats.last_sync is None:
            synced = self.tr("never synced")
        else:
            synced = self.tr("last synced {time}").format(
                time=stats.last_sync.astimezone().strftime("%Y-%m-%d %H:%M")
            )
        lines.append(
            self.tr("{n} households have changes not yet synced with the county; {synced}.").format(
                n=stats.unsynced, synced=synced
            )
        )
        self.summary.setText("\n".join(lines))
        _bars(
            self.by_program.view(),
            self.tr("Households by program"),
            [
                (label(p), stats.beneficiary_households[p])
                for p in Program
                if stats.beneficiary_households[p]
            ][::-1],
            horizontal=True,  # program names are long, in English above all
        )
        villages = sorted(stats.beneficiaries_by_village.items(), key=lambda kv: -kv[1])
        _bars(
            self.by_village.view(),
            self.tr("Households receiving assistance by village (most first)"),
            villages[:MOST_VILLAGES][::-1],
            horizontal=True,
        )
        parts = [
            f"{label(s)}: {stats.applications_by_stage[s]}"
            for s in Stage
            if stats.applications_by_stage[s]
        ]
        self.stages.setText(" · ".join(parts) or self.tr("No open applications."))
        self.flagged.clear()
        for household_id, head, program in stats.flagged:
            entry = QListWidgetItem(
                self.tr("{head}: {program}").format(head=head, program=label(program))
            )
            entry.setData(Qt.ItemDataRole.UserRole, household_id)
            self.flagged.addItem(entry)
        self.overdue.clear()
        for item in stats.overdue:
            app = item.application
            text = self.tr("{head}: {program}, applied {day}, now at {stage}").format(
                head=item.head_name,
                program=label(app.program),
                day=app.applied_on,
                stage=label(app.stage),
            )
            entry = QListWidgetItem(text)
            entry.setData(Qt.ItemDataRole.UserRole, item.household_id)
            self.overdue.addItem(entry)
        self.reviews.clear()
        for household_id, head, due in stats.reviews_due:
            entry = QListWidgetItem(self.tr("{head}: review due {day}").format(head=head, day=due))
            entry.setData(Qt.ItemDataRole.UserRole, household_id)
            self.reviews.addItem(entry)

    def _open(self, item: QListWidgetItem) -> None:
        from PySide6.QtCore import Qt

        household_id = item.data(Qt.ItemDataRole.UserRole)
        if household_id:
            self.household_opened.emit(household_id)
