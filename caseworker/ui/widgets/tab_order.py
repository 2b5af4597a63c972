"""Tab goes through a window's inputs in the order a person reads them: top to bottom,
and left to right along a row, whatever order the widgets were made in."""

from itertools import pairwise

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QScrollArea, QWidget

ROW_TOLERANCE = 20  # px: inputs whose tops differ by less are on one row


def _focusable(widget: QWidget, root: QWidget) -> bool:
    if not widget.isVisibleTo(root) or not widget.isEnabled():
        return False
    if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus or isinstance(widget, QScrollArea):
        return False  # a scroll area only frames the inputs inside it
    # The line edit inside a spin box or an editable combo is reached through its owner.
    return not isinstance(widget.parentWidget(), QAbstractSpinBox | QComboBox)


def reading_order(root: QWidget) -> list[QWidget]:
    """The visible inputs of ``root`` in reading order."""
    placed = []
    for widget in root.findChildren(QWidget):
        if _focusable(widget, root):
            top_left = widget.mapTo(root, QPoint(0, 0))
            placed.append((top_left.y(), top_left.x(), widget))
    placed.sort(key=lambda p: (p[0], p[1]))
    rows: list[list[tuple[int, int, QWidget]]] = []
    for entry in placed:
        if rows and entry[0] < rows[-1][0][0] + ROW_TOLERANCE:
            rows[-1].append(entry)
        else:
            rows.append([entry])
    return [widget for row in rows for (_y, _x, widget) in sorted(row, key=lambda p: p[1])]


def tab_in_reading_order(root: QWidget) -> None:
    """Chain ``root``'s visible inputs for Tab in reading order (call once laid out)."""
    order = reading_order(root)
    for first, second in pairwise(order):
        QWidget.setTabOrder(first, second)
