"""The print centre: a form for one household, or case files and publicity lists for a
village or township; preview in the app, print on the system printer, or save as PDF.
Batches run off the GUI thread with a progress bar and cancel.

A preview is kept in memory, never in a file: a PDF with names, ID numbers and illnesses
must not be left in a temporary folder by a crash. Only what the user saves is written."""

import io
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from caseworker.operations.messages import in_words
from caseworker.operations.printing import BUNDLE, PUBLICITY, PrintJob, print_job
from caseworker.printing.documents import list_forms
from caseworker.printing.errors import PrintCancelled
from caseworker.printing.render import atomic_output
from caseworker.store.db import Store
from caseworker.ui import ask
from caseworker.ui.i18n import is_chinese
from caseworker.ui.printer import print_document
from caseworker.ui.runner import Progress, Task, run_task
from caseworker.ui.widgets.areas import area_choices, regions_in_scope
from caseworker.ui.widgets.fields import ErrorLabel


class PrintCentre(QWidget):
    """Choose what to print; the result is previewed, then printed or saved."""

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
        self.today = today
        self.household_id: str | None = None
        self.household_name = ""
        self.output: bytes | None = None  # the PDF on preview
        self.document_title = ""
        self._task: Task[bytes] | None = None
        self._buffer: QBuffer | None = None  # what the preview reads ``output`` through
        with store.read() as conn:
            self.regions = regions_in_scope(conn, scope)
        self.one_household = QRadioButton()
        self.batch = QRadioButton()
        self.one_household.setChecked(True)
        self.household_label = QLabel()
        self.form = QComboBox()
        self.area = QComboBox()
        self.batch_kind = QComboBox()
        self.preview_button = QPushButton()
        self.print_button = QPushButton()
        self.save_button = QPushButton()
        self.cancel_button = QPushButton()
        self.reports_button = QPushButton()  # the spreadsheets, beside the printed forms
        self.progress = QProgressBar()
        self.error = ErrorLabel()
        self.document = QPdfDocument(self)
        self.view = QPdfView()
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.cancel_button.hide()
        self.progress.hide()
        controls = QVBoxLayout()
        controls.addWidget(self.one_household)
        controls.addWidget(self.household_label)
        controls.addWidget(self.form)
        controls.addSpacing(12)
        controls.addWidget(self.batch)
        controls.addWidget(self.area)
        controls.addWidget(self.batch_kind)
        controls.addSpacing(12)
        below: tuple[QWidget, ...] = (
            self.preview_button,
            self.print_button,
            self.save_button,
            self.progress,
            self.cancel_button,
            self.error,
        )
        for widget in below:
            controls.addWidget(widget)
        controls.addStretch()
        controls.addWidget(self.reports_button)
        side = QWidget()
        side.setLayout(controls)
        side.setFixedWidth(300)
        layout = QHBoxLayout(self)
        layout.addWidget(side)
        layout.addWidget(self.view, 1)
        self.preview_button.clicked.connect(self.preview)
        self.print_button.clicked.connect(self.print_on_paper)
        self.save_button.clicked.connect(lambda: self.save_as(None))
        self.cancel_button.clicked.connect(self.cancel)
        self.reports_button.clicked.connect(self.open_reports)
        self.scope = scope
        self.retranslate()
        self._update_buttons()

    # language ---------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.one_household.setText(self.tr("A form for one household"))
        self.batch.setText(self.tr("A village or township"))
        self.preview_button.setText(self.tr("Preview"))
        self.print_button.setText(self.tr("Print... (Ctrl+P)"))
        self.save_button.setText(self.tr("Save as PDF..."))
        self.cancel_button.setText(self.tr("Cancel"))
        self.reports_button.setText(self.tr("Reports (spreadsheets)..."))
        self._fill_choices()
        self.show_household(self.household_id, self.household_name)

    def _fill_choices(self) -> None:
        chosen = self.form.currentData()
        self.form.clear()
        for info in list_forms():
            if info.scope in ("household", "visit", "bundle"):
                self.form.addItem(info.title_zh if is_chinese() else info.title_en, info.name)
        self.form.setCurrentIndex(max(self.form.findData(chosen), 0))
        area = self.area.currentData()
        self.area.clear()
        for words, code in area_choices(self.regions):
            self.area.addItem(words, code)
        self.area.setCurrentIndex(max(self.area.findData(area), 0))
        kind = self.batch_kind.currentData()
        self.batch_kind.clear()
        self.batch_kind.addItem(self.tr("Case files (档案)"), BUNDLE)
        self.batch_kind.addItem(self.tr("Publicity list (公示名单), villages only"), PUBLICITY)
        self.batch_kind.setCurrentIndex(max(self.batch_kind.findData(kind), 0))

    def show_household(self, household_id: str | None, name: str = "") -> None:
        """The household a single form is printed for (the one open in the app)."""
        self.household_id, self.household_name = household_id, name
        if household_id is None:
            self.household_label.setText(self.tr("Open a household first."))
            self.one_household.setEnabled(False)
            self.batch.setChecked(True)
        else:
            self.household_label.setText(self.tr("Household of {name}").format(name=name))
            self.one_household.setEnabled(True)
            self.one_household.setChecked(True)

    def _update_buttons(self) -> None:
        ready = self.output is not None and self._task is None
        self.print_button.setEnabled(ready)
        self.save_button.setEnabled(ready)
        self.preview_button.setEnabled(self._task is None)

    # making the PDF ---------------------------------------------------------------------
    def preview(self) -> Task[bytes] | None:
        """Make the chosen PDF (batches on a worker thread) and show it."""
        self.error.show_message("")
        store = self.store
        if self.one_household.isChecked() and self.household_id is not None:
            job = PrintJob(
                str(self.form.currentData()), self.today(), household_id=self.household_id
            )
            self.document_title = self.form.currentText()
        else:
            area, kind = str(self.area.currentData()), str(self.batch_kind.currentData())
            job = PrintJob(kind, self.today(), area=area)
            self.document_title = f"{self.area.currentText()} {self.batch_kind.currentText()}"

        def work(progress: Progress) -> bytes:
            pdf = io.BytesIO()
            print_job(
                store, job, pdf, progress=progress.report, cancelled=lambda: progress.cancelled
            )
            return pdf.getvalue()

        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self._task = run_task(
            work,
            on_success=self._show_pdf,
            on_failure=self._failed,
            on_progress=self._progress,
            on_cancelled=self._cancelled,
        )
        self._update_buttons()
        return self._task

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _finish(self) -> None:
        self._task = None
        self.progress.hide()
        self.cancel_button.hide()
        self._update_buttons()

    def _show_pdf(self, pdf: bytes) -> None:
        self.output = pdf
        self.document.close()
        if self._buffer is not None:
            self._buffer.close()
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(pdf))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        self._finish()

    def _failed(self, error: Exception) -> None:
        if isinstance(error, PrintCancelled):
            self._cancelled()
            return
        self.error.show_message(in_words(error).text(is_chinese()))
        self._finish()

    def _cancelled(self) -> None:
        self.error.show_message(self.tr("Cancelled; nothing was printed."))
        self._finish()

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()

    # out of the app ---------------------------------------------------------------------
    def save_as(self, path: Path | None) -> Path | None:
        """Copy the previewed PDF to ``path`` (asked for when None)."""
        if self.output is None:
            return None
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save as PDF"), f"{self.document_title}.pdf", "PDF (*.pdf)"
            )
            if not chosen:
                return None
            path = Path(chosen)
        try:
            with atomic_output(path) as out:
                out.write(self.output)
        except OSError as exc:
            ask.warn(self, self.tr("Not saved"), in_words(exc).text(is_chinese()))
            return None
        return path

    def open_reports(self) -> QDialog:
        """The roster, payment list, monthly changes and publicity list as spreadsheets."""
        from caseworker.ui.dialogs.report import ReportDialog

        dialog = ReportDialog(self.store, scope=self.scope, today=self.today, parent=self)
        dialog.open()
        return dialog

    def print_on_paper(self) -> None:
        """Send the previewed PDF to a printer chosen in the system print dialog."""
        if self.output is not None:
            print_document(self, self.document)
