"""The QApplication of the desktop app: name, icon, bundled fonts, type size, language."""

import sys

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from caseworker import __version__
from caseworker.config import resource_path
from caseworker.ui.collector import collect_on_gui_thread
from caseworker.ui.fonts import apply_type_size, register_bundled_fonts
from caseworker.ui.i18n import install_language
from caseworker.ui.settings import AppSettings


def create_app(settings: AppSettings) -> QApplication:
    """The QApplication, with the bundled font and the chosen language installed."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setApplicationName("Caseworker")
    app.setOrganizationName("Caseworker")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(resource_path("icons", "caseworker.png"))))
    collect_on_gui_thread(app)  # never in a worker thread, where it can crash Qt
    register_bundled_fonts(app)
    apply_type_size(app, settings.type_size)
    install_language(settings.language)
    return app
