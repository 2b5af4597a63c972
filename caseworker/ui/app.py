"""Starting the desktop app: fonts, language, the worker, the main window."""

import sys

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication, QDialog

from caseworker import __version__
from caseworker.store.db import Store
from caseworker.store.workers import current_worker
from caseworker.ui.dialogs.first_run import FirstRunDialog
from caseworker.ui.fonts import register_bundled_fonts
from caseworker.ui.i18n import install_language
from caseworker.ui.main_window import MainWindow
from caseworker.ui.settings import AppSettings


def create_app(settings: AppSettings) -> QApplication:
    """The QApplication, with the bundled font and the chosen language installed."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setApplicationName("Caseworker")
    app.setOrganizationName("Caseworker")
    app.setApplicationVersion(__version__)
    register_bundled_fonts(app)
    install_language(settings.language)
    return app


def run_app(store: Store, settings: AppSettings | None = None) -> int:
    """Run the desktop app on an open store until the window closes; the exit status."""
    settings = settings or AppSettings()
    app = create_app(settings)
    worker = current_worker(store)
    if worker is None:
        dialog = FirstRunDialog(store)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.worker is None:
            return 0
        worker = dialog.worker
    window = MainWindow(store, worker, settings)
    window.show()
    window.offer_drafts_when_shown()
    status = int(app.exec())
    QThreadPool.globalInstance().waitForDone()  # let background work finish its writes
    return status
