"""The spreadsheet reports in the app (报表): choose the report, the month and the area,
see it as it will be saved, and save it as an Excel workbook or a CSV file.

The report is made off the GUI thread (a township's households are read from the store);
the preview shows the title lines, the header, the first rows and the total row exactly as
they are written. The file is written whole or not at all, and recorded in the audit trail.
"""

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from caseworker.operations.messages import in_words
from caseworker.operations.reports import REPORTS, ReportRequest, build_report, save_report
from caseworker.reports.history import Month
from caseworker.reports.sheets import Report, fen_to_decimal
from caseworker.store.db import Store
from caseworker.ui.i18n import is_chinese
from caseworker.ui.runner import Progress, Task, run_task
from caseworker.ui.widgets.areas import area_choices, regions_in_scope
from caseworker.ui.widgets.fields import ErrorLabel
from caseworker.ui.widgets.form import Field, FieldForm
from caseworker.ui.widgets.guarded import fit_to_screen

PREVIEW_ROWS = 200  # a township's roster has thousands; the preview shows how it looks
# (format, csv encoding, file suffix)
FILE_KINDS = (("xlsx", "", "xlsx"), ("csv", "gb18030", "csv"), ("csv", "utf-8-sig", "csv"))
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class ReportDialog(QDialog):
    """Make, preview and save one report of the worker's area."""

    def __init__(
        self,
        store: Store,
        *,
        scope: str | None,
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.report: Report | None = None
        self.request: ReportRequest | None = None
        self._task: Task[Report] | None = None
        self.setWindowTitle(self.tr("Reports (spreadsheets)"))
        self.kind = QComboBox()
        for key, (zh, en, _build) in REPORTS.items():
            self.kind.addItem(zh if is_chinese() else en, key)
        self.month = QDateEdit()
        self.month.setDisplayFormat("yyyy-MM")
        day = today()
        self.month.setDate(QDate(day.year, day.month, 1))
        self.area = QComboBox()
        with store.read() as conn:
            regions = regions_in_scope(conn, scope)
        if not scope:
            self.area.addItem(self.tr("Every village in this store"), None)
        for words, code in area_choices(regions):
            self.area.addItem(words, code)
        self.file_kind = QComboBox()
        self.file_kind.addItem(self.tr("Excel workbook (.xlsx)"), 0)
        self.file_kind.addItem(self.tr("CSV for Excel on Chinese Windows (GB18030)"), 1)
        self.file_kind.addItem(self.tr("CSV in UTF-8 (with BOM)"), 2)
        self.form = FieldForm(
            [
                Field("kind", lambda: self.tr("Report"), self.kind),
                Field("month", lambda: self.tr("Month"), self.month),
                Field("area", lambda: self.tr("Area"), self.area),
                Field("file", lambda: self.tr("Save as"), self.file_kind),
            ]
        )
        self.preview_button = QPushButton(self.tr("Preview"))
        self.save_button = QPushButton(self.tr("Save..."))
        self.save_button.setEnabled(False)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.table = QTableWidget()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.error = ErrorLabel()
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addLayout(buttons)
        layout.addWidget(self.error)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(close)
        self.preview_button.clicked.connect(self.preview)
        self.save_button.clicked.connect(lambda: self.save_as(None))
        close.rejected.connect(self.reject)
        for box in (self.kind, self.area):
            box.currentIndexChanged.connect(self._stale)
        self.month.dateChanged.connect(self._stale)
        fit_to_screen(self, 1000, 640)

    def chosen(self) -> ReportRequest:
        """The report, month and area chosen."""
        area = self.area.currentData()
        village = area if area and len(area) == 12 else None
        township = area if area and len(area) == 9 else None
        picked = self.month.date()
        return ReportRequest(
            str(self.kind.currentData()),
            Month(picked.year(), picked.month()),
            village=village,
            township=township,
        )

    def _stale(self) -> None:
        """Another choice: what is shown is no longer what would be saved."""
        self.report = None
        self.save_button.setEnabled(False)

    def preview(self) -> Task[Report]:
        """Make the chosen report (off the GUI thread) and show it."""
        self.error.show_message("")
        request = self.chosen()
        store = self.store
        self.preview_button.setEnabled(False)
        self.heading.setText(self.tr("Making the report..."))

        def work(_progress: Progress) -> Report:
            return build_report(store, request)

        def done(report: Report) -> None:
            self._task = None
            self.request, self.report = request, report
            self.show_report(report)
            self.preview_button.setEnabled(True)
            self.save_button.setEnabled(True)

        def failed(error: Exception) -> None:
            self._task = None
            self.heading.setText("")
            self.error.show_message(in_words(error).text(is_chinese()))
            self.preview_button.setEnabled(True)

        self._task = run_task(work, on_success=done, on_failure=failed)
        return self._task

    def show_report(self, report: Report) -> None:
        """The report's lines as they are written: title, unit and month, header, rows."""
        shown = report.rows[:PREVIEW_ROWS]
        lines = [*shown, *([report.total] if report.total else [])]
        self.heading.setText(
            self.tr("{title} · {unit} {month} · {rows} rows{more}").format(
                title=report.title,
                unit=report.unit,
                month=report.month,
                rows=len(report.rows),
                more=self.tr(" (the first {n} shown)").format(n=PREVIEW_ROWS)
                if len(report.rows) > PREVIEW_ROWS
                else "",
            )
        )
        self.table.clear()
        self.table.setColumnCount(len(report.columns))
        self.table.setRowCount(len(lines))
        self.table.setHorizontalHeaderLabels([c.header for c in report.columns])
        for r, line in enumerate(lines):
            for c, (column, value) in enumerate(zip(report.columns, line, strict=False)):
                if column.kind == "money" and isinstance(value, int):
                    text = str(fen_to_decimal(value))
                else:
                    text = str(value)
                item = QTableWidgetItem(text)
                if column.kind != "text":  # figures line up on the right, as in Excel
                    item.setTextAlignment(_RIGHT)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()

    def save_as(self, path: Path | None) -> Path | None:
        """Save the previewed report (asked where when ``path`` is None)."""
        if self.report is None or self.request is None:
            return None
        file_format, encoding, suffix = FILE_KINDS[int(self.file_kind.currentData())]
        if path is None:
            month = self.request.month
            name = f"{self.report.title}_{month.year:04d}-{month.month:02d}.{suffix}"
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save the report"), name, f"*.{suffix}"
            )
            if not chosen:
                return None
            path = Path(chosen)
        try:
            save_report(
                self.store,
                self.request,
                self.report,
                path,
                file_format=file_format,
                encoding=encoding or "gb18030",
            )
        except OSError as exc:
            self.error.show_message(in_words(exc).text(is_chinese()))
            return None
        self.heading.setText(self.tr("Saved: {path}").format(path=path))
        return path
