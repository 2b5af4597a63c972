"""Dialogs that never lose typed data by accident and always fit the screen.

Esc, Cancel and the window's close button ask before throwing away what was typed; the
dialog is never taller or wider than the screen it opens on (its content scrolls), so at
1366x768 and at 150% scaling no button falls off the screen.
"""

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QLayout,
    QScrollArea,
    QSizePolicy,
    QSpacerItem,
    QWidget,
)

from caseworker.ui import ask
from caseworker.ui.widgets.tab_order import tab_in_reading_order


def scrolling(content: QWidget) -> QScrollArea:
    """``content`` in a frameless area that scrolls when the window is too small for it."""
    area = QScrollArea()
    area.setWidget(content)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    return area


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Resize ``window`` to ``width`` x ``height``, or to the screen's free area if smaller."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        free = screen.availableGeometry()
        width = min(width, free.width() - 16)
        height = min(height, free.height() - 48)  # the title bar and the taskbar
    window.resize(width, height)


SMALL_DIALOG_WIDTH = 420


def grows_with_its_messages(dialog: QDialog, layout: QLayout) -> None:
    """A small dialog wide enough to read, which grows when a message appears under its
    fields instead of squeezing them."""
    # The layout sets the dialog's minimum size (so a message makes it taller); a strut in
    # the layout keeps it wide enough to read.
    fixed = QSizePolicy.Policy.Fixed
    layout.addItem(QSpacerItem(SMALL_DIALOG_WIDTH, 0, fixed, fixed))
    layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)


class GuardedDialog(QDialog):
    """A dialog that asks before Esc or Cancel throws away what was typed, and whose Tab
    order follows its layout."""

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self.reorder_tabs()

    def reorder_tabs(self) -> None:
        """Put Tab back in reading order once the layout has settled (after rows or steps
        appear or disappear)."""
        QTimer.singleShot(0, self, lambda: tab_in_reading_order(self))

    def has_typed_data(self) -> bool:
        """Whether closing now would lose something the user typed (subclasses say)."""
        return False

    def reject(self) -> None:
        if self.has_typed_data() and not ask.confirm(
            self,
            QCoreApplication.translate("GuardedDialog", "Discard what you typed?"),
            QCoreApplication.translate(
                "GuardedDialog", "What you typed here has not been saved. Close and discard it?"
            ),
        ):
            return
        super().reject()
