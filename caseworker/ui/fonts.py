"""The bundled CJK font, registered so Chinese renders where the system has no Chinese
font, and the type size a person chose for the whole app."""

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QWidget

from caseworker.config import resource_path
from caseworker.ui.settings import TYPE_SIZES

FONT_SUFFIXES = (".ttf", ".ttc", ".otf")
NORMAL_POINTS = 10  # the app's normal type size; "large" and "extra large" grow from it


def register_bundled_fonts(app: QApplication) -> list[str]:
    """Load every font in ``resources/fonts`` and make the first family the app's font.

    Returns the families loaded (empty if the folder holds none).
    """
    folder = resource_path("fonts")
    families: list[str] = []
    if folder.is_dir():
        for path in sorted(folder.iterdir()):
            if path.suffix.lower() in FONT_SUFFIXES:
                font_id = QFontDatabase.addApplicationFont(str(path))
                if font_id >= 0:
                    families.extend(QFontDatabase.applicationFontFamilies(font_id))
    if families:
        font = QFont(families[0])
        font.setPointSize(max(app.font().pointSize(), NORMAL_POINTS))
        app.setFont(font)
    return families


def apply_type_size(app: QApplication, size: str) -> None:
    """Set the whole app's type size at once (every window and widget that has no font of
    its own follows the application's font)."""
    font = app.font()
    font.setPointSize(round(NORMAL_POINTS * TYPE_SIZES[size]))
    app.setFont(font)
    for widget in app.allWidgets():
        if widget.property(HEADING_SCALE) is not None:
            _style_heading(widget, font.pointSizeF())


HEADING_SCALE = "headingScale"  # the dynamic property of a label drawn as a heading


def make_heading(label: QWidget, scale: float, *, bold: bool = False) -> None:
    """Draw ``label`` ``scale`` times the app's type size; it grows with the type size
    chosen in Settings."""
    label.setProperty(HEADING_SCALE, scale)
    label.setProperty("headingBold", bold)
    _style_heading(label, QApplication.font().pointSizeF())


def _style_heading(label: QWidget, points: float) -> None:
    scale = float(label.property(HEADING_SCALE))
    weight = " font-weight: bold;" if label.property("headingBold") else ""
    label.setStyleSheet(f"font-size: {points * scale:.0f}pt;{weight}")
