"""The main window's File menu: a village's roster spreadsheet imported (previewed before
it is written), and the spreadsheet reports of the worker's area (roster, payments,
changes, publicity list)."""

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QDialog, QMenu, QWidget

from caseworker.store.db import Store
from caseworker.ui import ask


class FileMenu(QMenu):
    """The File menu of ``window``; ``changed`` passes on what an import changed
    (operations.changes.Changes)."""

    changed = Signal(object)

    def __init__(
        self, store: Store, *, scope: str | None, today: Callable[[], date], window: QWidget
    ) -> None:
        super().__init__(window)
        self.store = store
        self.scope = scope
        self.today = today
        self.main_window = window  # the dialogs' parent
        self.import_sheet_action = self.addAction("")
        self.import_sheet_action.triggered.connect(lambda: self.import_spreadsheet())
        self.reports_action = self.addAction("")
        self.reports_action.triggered.connect(lambda: self.open_reports())
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setTitle(self.tr("&File"))
        self.import_sheet_action.setText(self.tr("Import spreadsheet..."))
        self.reports_action.setText(self.tr("Reports (spreadsheets)..."))

    def import_spreadsheet(self, path: Path | None = None) -> QDialog | None:
        """Open the preview of a roster spreadsheet (asking which file if not given)."""
        from caseworker.ui.dialogs.import_sheet import ImportSheetDialog

        if path is None:
            chosen = ask.open_file(
                self.main_window,
                self.tr("Import spreadsheet"),
                self.tr("Spreadsheets (*.xlsx *.xls *.csv)"),
            )
            if chosen is None:
                return None
            path = Path(chosen)
        dialog = ImportSheetDialog(self.store, path, parent=self.main_window)
        dialog.imported.connect(self.changed)
        dialog.open()
        return dialog

    def open_reports(self) -> QDialog:
        """The spreadsheet reports of the worker's area: roster, payments, changes,
        publicity list."""
        from caseworker.ui.dialogs.report import ReportDialog

        dialog = ReportDialog(
            self.store, scope=self.scope, today=self.today, parent=self.main_window
        )
        dialog.open()
        return dialog
