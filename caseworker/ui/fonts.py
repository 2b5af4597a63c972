"""The bundled CJK fonts, registered so Chinese renders where the system has no Chinese
font, rare characters in names (䶮, 𠮷) included; and the type size a person chose for
the whole app."""

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QWidget

from caseworker.config import resource_path
from caseworker.font_files import FALLBACK_FONT_FILE, MAIN_FONT_FILE
from caseworker.ui.settings import TYPE_SIZES

NORMAL_POINTS = 10  # the app's normal type size; "large" and "extra large" grow from it
HEADING_SCALE = "headingScale"  # the dynamic property of a label drawn as a heading


def _add(file: str) -> list[str]:
    """Load one font file from ``resources/fonts``; its families (none if absent or bad)."""
    path = resource_path("fonts", file)
    if not path.is_file():
        return []
    font_id = QFontDatabase.addApplicationFont(str(path))
    return QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []


def register_bundled_fonts(app: QApplication) -> list[str]:
    """Load the bundled fonts and make the main one the app's font, with the fallback for
    rare characters behind it.

    Returns the families loaded, the main font's first (empty if neither file is there).
    """
    main = _add(MAIN_FONT_FILE)
    fallback = _add(FALLBACK_FONT_FILE)
    if main:
        # Where the main font has no glyph (CJK Extension A and B), Qt takes the next
        # family of the list before any system font: a village laptop may have none.
        font = QFont()
        font.setFamilies([main[0], *fallback[:1]])
        font.setPointSize(max(app.font().pointSize(), NORMAL_POINTS))
        app.setFont(font)
        if fallback:
            # Also for a widget given a font of its own that names only the main family.
            QFont.insertSubstitution(main[0], fallback[0])
    return main + fallback


def apply_type_size(app: QApplication, size: str) -> None:
    """Set the whole app's type size at once (every window and widget that has no font of
    its own follows the application's font)."""
    font = app.font()
    font.setPointSize(round(NORMAL_POINTS * TYPE_SIZES[size]))
    app.setFont(font)
    for widget in app.allWidgets():
        if widget.property(HEADING_SCALE) is not None:
            _style_heading(widget, font.pointSizeF())


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
