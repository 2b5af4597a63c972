"""Where the main window appears: where the worker last left it; the first time,
maximised on a laptop-sized screen (or at 150% scaling), else at a comfortable size."""

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from caseworker.ui.settings import AppSettings

# A laptop screen this size or smaller gets the whole screen: an unmaximised window of
# any useful size puts its status bar below the taskbar there.
SMALL_SCREEN = (1366, 768)
GEOMETRY_KEY = "window/geometry"


def show_where_left(window: QWidget, settings: AppSettings) -> None:
    """Show ``window`` where ``remember_place`` last saved it, else as fits the screen."""
    saved = settings.value(GEOMETRY_KEY)
    if isinstance(saved, QByteArray) and window.restoreGeometry(saved):
        window.show()
        return
    screen = window.screen() or QGuiApplication.primaryScreen()
    whole = screen.geometry().size() if screen is not None else None
    if whole is None or whole.width() <= SMALL_SCREEN[0] or whole.height() <= SMALL_SCREEN[1]:
        window.showMaximized()
    else:
        window.show()


def remember_place(window: QWidget, settings: AppSettings) -> None:
    """Save where ``window`` is and its size, for the next start."""
    settings.set_value(GEOMETRY_KEY, window.saveGeometry())
