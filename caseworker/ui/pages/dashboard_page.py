"""Home: households in the area, beneficiaries by program and by village (charts),
applications by stage and the overdue ones, reviews due. Figures load off the GUI thread."""

from collections.abc import Callable
from datetime import date

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from caseworker.domain.codes import Program, Stage
from caseworker.store.dashboard import DashboardStats, dashboard_stats
from caseworker.store.db import Store
from caseworker.ui.labels import label
from caseworker.ui.runner import Progress, Task, run_task


def _chart_view() -> QChartView:
    view = QChartView(QChart())
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(220)
    view.chart().legend().hide()
    return view


def _bars(view: QChartView, title: str, values: list[tuple[str, int]]) -> None:
    chart = QChart()
    chart.setTitle(title)
    chart.legend().hide()
    bar_set = QBarSet(title)
    for _, value in values:
        bar_set.append(value)
    series = QBarSeries()
    series.append(bar_set)
    chart.addSeries(series)
    axis_x = QBarCategoryAxis()
    axis_x.append([name for name, _ in values])
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(axis_x)
    axis_y = QValueAxis()
    axis_y.setLabelFormat("%d")
    axis_y.setRange(0, max([v for _, v in values] + [1]))
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(axis_y)
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
        self.by_program = _chart_view()
        self.by_village = _chart_view()
        self.stages = QLabel()
        self.stages.setWordWrap(True)
        self.overdue = QListWidget()
        self.reviews = QListWidget()
        self.boxes = [QGroupBox() for _ in range(3)]
        for box, widget in zip(self.boxes, (self.stages, self.overdue, self.reviews), strict=True):
            inner = QVBoxLayout(box)
            inner.addWidget(widget)
        grid = QGridLayout()
        grid.addWidget(self.by_program, 0, 0)
        grid.addWidget(self.by_village, 0, 1)
        grid.addWidget(self.boxes[0], 1, 0, 1, 2)
        grid.addWidget(self.boxes[1], 2, 0)
        grid.addWidget(self.boxes[2], 2, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(grid)
        for widget in (self.overdue, self.reviews):
            widget.itemActivated.connect(self._open)
            widget.itemDoubleClicked.connect(self._open)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        titles = (
            self.tr("Applications by stage"),
            self.tr("Overdue applications"),
            self.tr("Reviews due"),
        )
        for box, title in zip(self.boxes, titles, strict=True):
            box.setTitle(title)
        self.show_stats()

    def refresh(self) -> Task[DashboardStats]:
        """Recompute the figures on a worker thread; the page fills in when they arrive."""
        if self.stats is None:
            self.summary.setText(self.tr("Counting..."))
        store, scope, today = self.store, self.scope, self.today()

        def work(progress: Progress) -> DashboardStats:
            with store.read() as conn:
                return dashboard_stats(conn, scope=scope, today=today)

        self._task = run_task(work, on_success=self._arrived, on_failure=self._failed)
        return self._task

    def _arrived(self, stats: DashboardStats) -> None:
        self.stats = stats
        self.show_stats()

    def _failed(self, error: Exception) -> None:
        self.summary.setText(
            self.tr("The figures could not be computed: {error}").format(error=error)
        )

    def show_stats(self) -> None:
        stats = self.stats
        if stats is None:
            return
        receiving = sum(stats.beneficiary_households.values())
        self.summary.setText(
            self.tr("{households} households in your area; {receiving} receive assistance.").format(
                households=stats.households, receiving=receiving
            )
        )
        _bars(
            self.by_program,
            self.tr("Households by program"),
            [
                (label(p), stats.beneficiary_households[p])
                for p in Program
                if stats.beneficiary_households[p]
            ],
        )
        _bars(
            self.by_village,
            self.tr("Households receiving assistance by village"),
            list(stats.beneficiaries_by_village.items()),
        )
        parts = [
            f"{label(s)}: {stats.applications_by_stage[s]}"
            for s in Stage
            if stats.applications_by_stage[s]
        ]
        self.stages.setText(" · ".join(parts) or self.tr("No open applications."))
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
        household_id = item.data(Qt.ItemDataRole.UserRole)
        if household_id:
            self.household_opened.emit(household_id)
