"""File -> 导入表格: a roster spreadsheet previewed before anything is written.

The preview (read and checked on the runner) shows the mapping used, the first
households as they will be stored, every problem at its cell, and the people who may
already be known under another ID number, to confirm. Import is possible only when there
are no problems (and the possible duplicates are confirmed); it runs in the background
and the window refreshes from the operation's notice.
"""

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from caseworker.domain.regions import Region
from caseworker.domain.validation import ValidationFailed
from caseworker.importing.spreadsheet import SheetPreview, import_spreadsheet, preview_spreadsheet
from caseworker.interchange.sheets import ENCODING_WORDS
from caseworker.operations.changes import Changes
from caseworker.store.db import Store
from caseworker.store.households import ImportResult
from caseworker.store.regions import all_regions
from caseworker.ui.errors import in_full
from caseworker.ui.i18n import is_chinese
from caseworker.ui.labels import label, yuan
from caseworker.ui.runner import Progress, Task, run_task

SHOWN_ROWS = 50  # households shown as they will be stored (all are checked)


class ImportSheetDialog(QDialog):
    """Preview and import one roster spreadsheet."""

    imported = Signal(object)  # the Changes of the import

    def __init__(self, store: Store, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.path = path
        self.preview: SheetPreview | None = None
        self.outcome: ImportResult | None = None
        self._task: Task[Any] | None = None
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.village = QComboBox()
        self.village_label = QLabel()
        villages = QFormLayout()
        villages.addRow(self.village_label, self.village)
        self.rows = QTableWidget(0, 9)
        self.problems_label = QLabel()
        self.problems = QListWidget()
        self.duplicates_label = QLabel()
        self.duplicates = QListWidget()
        self.confirm = QCheckBox()
        self.progress = QProgressBar()
        self.buttons = QDialogButtonBox()
        self.import_button = QPushButton()
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(villages)
        layout.addWidget(self.rows, 3)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.problems, 2)
        layout.addWidget(self.duplicates_label)
        layout.addWidget(self.duplicates, 1)
        layout.addWidget(self.confirm)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        self.import_button.clicked.connect(self.start_import)
        self.buttons.rejected.connect(self.reject)
        self.confirm.toggled.connect(self._enable)
        with store.read() as conn:
            self._villages = [r for r in all_regions(conn) if len(r.code) == 12]
        self._fill_villages(self._villages)
        self.village.currentIndexChanged.connect(lambda _: self.start_preview())
        self.retranslate()
        self.resize(1000, 700)
        self.start_preview()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Import a spreadsheet"))
        self.village_label.setText(self.tr("Village of households without a village column"))
        self.rows.setHorizontalHeaderLabels(
            [
                self.tr("Row"),
                self.tr("Head"),
                self.tr("ID number"),
                self.tr("Members"),
                self.tr("Village"),
                self.tr("Address"),
                self.tr("Hukou"),
                self.tr("Benefit"),
                self.tr("Paid into"),
            ]
        )
        self.confirm.setText(
            self.tr("I have checked: these are different people; import them as they are")
        )
        self.import_button.setText(self.tr("Import"))

    def _fill_villages(self, villages: list[Region]) -> None:
        self.village.blockSignals(True)
        self.village.addItem(self.tr("(the sheet says)"), None)
        for region in villages:
            self.village.addItem(f"{region.name}（{region.code}）", region.code)
        self.village.blockSignals(False)

    # preview ------------------------------------------------------------------------------
    def start_preview(self) -> None:
        """Read and check the sheet in the background."""
        self.import_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()  # only while it works: a full bar after the preview misleads
        self.summary.setText(self.tr("Reading %1 ...").replace("%1", self.path.name))
        village = self.village.currentData()

        def work(progress: Progress) -> SheetPreview:
            return preview_spreadsheet(
                self.path, store=self.store, village=village, progress=progress.report
            )

        self._task = run_task(
            work,
            on_success=self._show_preview,
            on_failure=self._show_failure,
            on_progress=self._show_progress,
        )

    def _show_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _show_failure(self, error: Exception) -> None:
        self.progress.hide()
        self.preview = None
        self.rows.setRowCount(0)
        self.problems.clear()
        if isinstance(error, ValidationFailed):
            self.summary.setText(in_full(error.errors))
        else:
            raise error  # not the file's fault: the app's error hook says it in words
        self._enable()

    def _show_preview(self, preview: SheetPreview) -> None:
        self.preview = preview
        self.progress.hide()
        zh = is_chinese()
        lines = [
            self.tr("%1, sheet “%2”, header in row %3: %4 household(s)")
            .replace("%1", preview.file)
            .replace("%2", preview.sheet)
            .replace("%3", str(preview.header_row))
            .replace("%4", str(len(preview.drafts))),
        ]
        if preview.encoding is not None:
            words = ENCODING_WORDS[preview.encoding]
            lines.append(self.tr("Encoding: %1").replace("%1", words[0] if zh else words[1]))
        title = preview.mapping.title if zh else preview.mapping.title_en
        how = self.tr("chosen from the headers") if preview.mapping_chosen else ""
        lines.append(self.tr("Mapping: %1 %2").replace("%1", title).replace("%2", how))
        if preview.columns.ignored or preview.columns.unknown:
            left_out = "、".join(preview.columns.ignored + preview.columns.unknown)
            lines.append(self.tr("Columns not imported: %1").replace("%1", left_out))
        self.summary.setText("\n".join(lines))
        self._fill_rows(preview)
        self.problems.clear()
        self.problems.addItems([e.message_zh if zh else e.message_en for e in preview.problems])
        count = len(preview.problems) + preview.omitted
        if count:
            text = self.tr("%1 problem(s): correct the sheet and open it again").replace(
                "%1", str(count)
            )
            if preview.omitted:
                text += self.tr(" (the first %1 are listed)").replace(
                    "%1", str(len(preview.problems))
                )
            self.problems_label.setText(text)
        else:
            self.problems_label.setText(self.tr("No problems found"))
        self.duplicates.clear()
        self.duplicates.addItems([d.zh if zh else d.en for d in preview.duplicates])
        self.duplicates_label.setText(
            self.tr("Possible duplicates to confirm: %1").replace(
                "%1", str(len(preview.duplicates))
            )
        )
        visible = bool(preview.duplicates)
        for widget in (self.duplicates, self.duplicates_label, self.confirm):
            widget.setVisible(visible)
        self._enable()

    def _fill_rows(self, preview: SheetPreview) -> None:
        names = {r.code: r.name for r in self._villages}
        shown = list(zip(preview.rows, preview.households, strict=True))[:SHOWN_ROWS]
        self.rows.setRowCount(len(shown))
        for index, (row, household) in enumerate(shown):
            head = household.head
            benefit = household.benefits[0] if household.benefits else None
            benefit_words = ""
            if benefit is not None:
                benefit_words = " ".join(
                    part
                    for part in (
                        label(benefit.program),
                        label(benefit.category),
                        yuan(benefit.monthly_fen),
                    )
                    if part
                )
            cells = [
                str(row),
                head.name if head else "",
                head.id_number if head else "",
                str(len(household.members)),
                names.get(household.village_code, household.village_code),
                household.address,
                label(household.hukou),
                benefit_words,
                ""
                if household.payment is None
                else f"{household.payment.bank_name} {household.payment.account_number}",
            ]
            for column, text in enumerate(cells):
                self.rows.setItem(index, column, QTableWidgetItem(text))
        self.rows.resizeColumnsToContents()

    def _enable(self) -> None:
        preview = self.preview
        ready = preview is not None and preview.ok and bool(preview.households)
        if preview is not None and preview.duplicates:
            ready = ready and self.confirm.isChecked()
        self.import_button.setEnabled(ready and self.outcome is None)

    # import -------------------------------------------------------------------------------
    def start_import(self) -> None:
        """Write the previewed households in the background, all or nothing."""
        preview = self.preview
        if preview is None:
            return
        self.import_button.setEnabled(False)
        self.progress.setRange(0, 0)  # one transaction: no steps to count
        self.progress.show()
        confirmed = self.confirm.isChecked()

        def work(progress: Progress) -> ImportResult:
            return import_spreadsheet(self.store, preview, confirmed=confirmed)

        self._task = run_task(work, on_success=self._imported, on_failure=self._show_failure)

    def _imported(self, result: ImportResult) -> None:
        self.outcome = result
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.summary.setText(
            self.tr("Imported: %1 household(s) added").replace("%1", str(result.added))
        )
        self.imported.emit(Changes(household_list=True))
        self.accept()
