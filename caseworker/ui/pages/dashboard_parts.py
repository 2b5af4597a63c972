"""The pieces of the home page: count charts with whole-number axes, and lists of work to
do that say so when there is nothing to do.

Nothing here loads QtCharts or Qt's namespace of enums before the first figures arrive:
home is drawn at start-up before any figure exists.
"""

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from PySide6.QtCharts import QChartView

CHART_HEIGHT = 220
CHART_BASE_HEIGHT = 80  # the title, the count axis and margins
BAR_HEIGHT = 24  # per bar: room for its name on a line of its own
# Count axes get at most this many steps: their labels stay readable on a chart about 300
# pixels wide (a laptop at 150%), whatever the largest count.
MOST_AXIS_STEPS = 5
URGENT_COLOUR = "#b3261e"  # dark red, readable on white and in grey-scale print-outs
HINT_STYLE = "color: #555; padding: 12px;"


def count_axis(largest: int, *, most_steps: int = MOST_AXIS_STEPS) -> tuple[int, int]:
    """The top of an axis of counts and the step between its ticks, both whole numbers.

    The step is 1, 2 or 5 times a power of ten (what people count in), the smallest such
    that at most ``most_steps`` steps reach ``largest``; the top is the first tick at or
    above it. Nothing to count still gets an axis from 0 to 1.
    """
    largest = max(largest, 1)
    magnitude = 1
    while True:
        for factor in (1, 2, 5):
            step = factor * magnitude
            steps = -(-largest // step)
            if steps <= most_steps:
                return steps * step, step
        magnitude *= 10


class ChartSlot(QWidget):
    """Where a chart goes; the chart view is made with the first chart to show (an empty
    chart view draws as the empty space this is). With nothing to chart, a sentence says
    so instead of an empty frame."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumHeight(CHART_HEIGHT)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._view: QChartView | None = None
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(HINT_STYLE)
        self.hint.hide()
        self._layout.addWidget(self.hint)

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

    def show_bars(self, title: str, values: list[tuple[str, int]], *, empty: str) -> None:
        """A horizontal bar chart of ``values`` (name, count), the first at the bottom;
        ``empty`` (under the title) when there is nothing to count."""
        from PySide6.QtCore import Qt

        view = self.view()
        if not values:
            view.hide()
            self.hint.setText(f"<b>{title}</b><br><br>{empty}")
            self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.hint.show()
            return
        self.hint.hide()
        bars(view, title, values)
        # Every name needs its line: twelve villages in the height of two leave half of
        # them unnamed.
        height = max(CHART_HEIGHT, CHART_BASE_HEIGHT + BAR_HEIGHT * len(values))
        view.setMinimumHeight(height)
        self.setMinimumHeight(height)
        view.show()


def bars(view: "QChartView", title: str, values: list[tuple[str, int]]) -> None:
    """Replace the view's chart with a horizontal bar chart of ``values`` (name, count):
    names are long (program names, in English above all), so they go down the side."""
    from PySide6.QtCharts import (
        QAbstractBarSeries,
        QBarCategoryAxis,
        QBarSet,
        QChart,
        QHorizontalBarSeries,
        QValueAxis,
    )
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor

    chart = QChart()
    chart.setTitle(title)
    chart.legend().hide()
    bar_set = QBarSet(title)
    for _, value in values:
        bar_set.append(value)
    bar_set.setLabelColor(QColor("#202020"))
    series = QHorizontalBarSeries()
    series.append(bar_set)
    series.setLabelsVisible(True)
    # Beside the bar, where even the count of a bar too short to hold it can be read.
    series.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd)
    # One or two bars drawn across the whole height look like a mistake.
    series.setBarWidth(0.4 if len(values) < 3 else 0.7)
    chart.addSeries(series)
    names = QBarCategoryAxis()
    names.append([name for name, _ in values])
    names.setTruncateLabels(False)
    largest = max(v for _, v in values)
    top, step = count_axis(largest + max(largest // 10, 1))  # room for the count beside
    counts = QValueAxis()
    counts.setLabelFormat("%d")
    counts.setRange(0, top)
    counts.setTickType(QValueAxis.TickType.TicksDynamic)
    counts.setTickAnchor(0)
    counts.setTickInterval(step)
    counts.setMinorTickCount(0)
    chart.addAxis(names, Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(counts, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(names)
    series.attachAxis(counts)
    old = view.chart()
    view.setChart(chart)
    old.deleteLater()


@dataclass(frozen=True, slots=True)
class Entry:
    """One line of a list of work: what it says, the household it opens, and whether it
    is overdue (drawn in red and bold, besides saying so in words)."""

    text: str
    household_id: str
    urgent: bool = False


class TaskList(QWidget):
    """A list of households to attend to, or, when there are none, a sentence saying so
    (an empty white box tells a new user nothing)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget()
        self.list.setSpacing(3)  # each entry is two lines: keep entries apart
        # A line longer than the list is wide wraps (at 150% a list is some 330 pixels
        # wide) instead of hiding its end behind a sideways scroll bar.
        self.list.setWordWrap(True)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(HINT_STYLE)
        self._stack = QStackedLayout(self)
        self._stack.setContentsMargins(0, 0, 0, 0)
        self._stack.addWidget(self.list)
        self._stack.addWidget(self.hint)

    def show_entries(self, entries: list[Entry], *, empty: str) -> None:
        """Show ``entries`` in order, or ``empty`` if there are none."""
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QBrush, QColor

        self.list.clear()
        for entry in entries:
            item = QListWidgetItem(entry.text)
            item.setData(Qt.ItemDataRole.UserRole, entry.household_id)
            item.setToolTip(entry.text)
            if entry.urgent:
                item.setForeground(QBrush(QColor(URGENT_COLOUR)))
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.list.addItem(item)
        self.hint.setText(empty)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._stack.setCurrentWidget(self.list if entries else self.hint)

    @property
    def showing_hint(self) -> bool:
        """Whether the list is empty and its sentence is what the user sees."""
        return self._stack.currentWidget() is self.hint

    def texts(self) -> list[str]:
        """The lines shown, top to bottom."""
        return [self.list.item(row).text() for row in range(self.list.count())]
