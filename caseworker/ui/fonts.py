"""The bundled CJK font, registered so Chinese renders where the system has no Chinese font."""

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from caseworker.config import resource_path

FONT_SUFFIXES = (".ttf", ".ttc", ".otf")


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
        font.setPointSize(max(app.font().pointSize(), 10))
        app.setFont(font)
    return families
