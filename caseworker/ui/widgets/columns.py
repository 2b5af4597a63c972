"""Widgets side by side when there is room, below each other when there is not.

A page laid out for a 1366-pixel laptop screen gets about 750 pixels of width at 150%
scaling: three lists side by side would then cut off their lines. This row gives each
widget at least ``min_width`` and uses as many columns as fit; the last widget of an
incomplete row spans the rest of it, so no space is left empty.
"""

from collections.abc import Sequence

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QWidget


class ColumnsRow(QWidget):
    """``widgets`` in as many columns as ``min_width`` allows (at least one)."""

    def __init__(
        self, widgets: Sequence[QWidget], *, min_width: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._widgets = list(widgets)
        self._min_width = min_width
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self.columns = 0
        self._arrange(len(self._widgets))

    def columns_for(self, width: int) -> int:
        """How many columns a row ``width`` pixels wide holds."""
        return max(1, min(len(self._widgets), width // self._min_width))

    def _arrange(self, columns: int) -> None:
        if columns == self.columns:
            return
        for widget in self._widgets:
            self._grid.removeWidget(widget)
        last = len(self._widgets) - 1
        for index, widget in enumerate(self._widgets):
            row, column = divmod(index, columns)
            span = columns - column if index == last else 1
            self._grid.addWidget(widget, row, column, 1, span)
        for column in range(len(self._widgets)):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)
        rows = -(-len(self._widgets) // columns)
        for row in range(len(self._widgets)):
            self._grid.setRowStretch(row, 1 if row < rows else 0)
        self.columns = columns

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        self._arrange(self.columns_for(event.size().width()))
        super().resizeEvent(event)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        # Never wider than one column needs: a narrower page gets fewer columns, not a
        # horizontal scroll bar.
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), self._min_width), hint.height())
