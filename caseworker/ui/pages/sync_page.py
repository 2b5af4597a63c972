"""Sync with the county: enroll once, then a button that sends local changes and brings
the county's down, with progress, the receipt check, records the county refused (fix and
resend) and conflicts to resolve. "Synced" is shown only when the receipt matches."""

import json
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from caseworker.domain.validation import FIELD_LABELS
from caseworker.store.db import Store
from caseworker.sync.client import Cancelled as SyncCancelled
from caseworker.sync.client import SyncProgress, SyncReport, enroll, sync
from caseworker.sync.conflicts import OpenConflict, open_conflicts, resolve_conflict
from caseworker.sync.quarantine import quarantined, resend
from caseworker.sync.transport import SERVER, SyncError
from caseworker.ui.i18n import is_chinese
from caseworker.ui.runner import Progress, Task, run_task
from caseworker.ui.widgets.fields import ErrorLabel


def _value(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


class SyncPage(QWidget):
    household_opened = Signal(str)
    synced = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.report: SyncReport | None = None
        self._task: Task[SyncReport] | None = None
        self.server = QLineEdit()
        self.code = QLineEdit()
        self.pin = QLineEdit()
        self.enroll_button = QPushButton()
        self.enrolment = QGroupBox()
        form = QFormLayout(self.enrolment)
        self.labels = [QLabel(), QLabel(), QLabel()]
        form.addRow(self.labels[0], self.server)
        form.addRow(self.labels[1], self.code)
        form.addRow(self.labels[2], self.pin)
        form.addRow("", self.enroll_button)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setStyleSheet("font-size: 13pt;")
        self.sync_button = QPushButton()
        self.cancel_button = QPushButton()
        self.progress = QProgressBar()
        self.message = ErrorLabel()
        self.refused = QListWidget()
        self.resend_button = QPushButton()
        self.conflicts = QListWidget()
        self.keep_button = QPushButton()
        self.other_button = QPushButton()
        self.boxes = [QGroupBox(), QGroupBox()]
        refused_box = QVBoxLayout(self.boxes[0])
        refused_box.addWidget(self.refused)
        refused_box.addWidget(self.resend_button)
        conflict_box = QVBoxLayout(self.boxes[1])
        conflict_box.addWidget(self.conflicts)
        row = QHBoxLayout()
        row.addWidget(self.keep_button)
        row.addWidget(self.other_button)
        conflict_box.addLayout(row)
        top = QHBoxLayout()
        top.addWidget(self.status, 1)
        top.addWidget(self.progress)
        top.addWidget(self.cancel_button)
        top.addWidget(self.sync_button)
        lists = QHBoxLayout()
        lists.addWidget(self.boxes[0])
        lists.addWidget(self.boxes[1])
        layout = QVBoxLayout(self)
        layout.addWidget(self.enrolment)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addLayout(lists)
        self.progress.hide()
        self.cancel_button.hide()
        self.enroll_button.clicked.connect(self.enroll)
        self.sync_button.clicked.connect(self.start_sync)
        self.cancel_button.clicked.connect(self.cancel)
        self.resend_button.clicked.connect(self.resend_selected)
        self.keep_button.clicked.connect(lambda: self.resolve_selected("kept"))
        self.other_button.clicked.connect(lambda: self.resolve_selected("other"))
        for widget in (self.refused, self.conflicts):
            widget.itemDoubleClicked.connect(
                lambda item: self.household_opened.emit(item.data(Qt.ItemDataRole.UserRole + 1))
            )
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.enrolment.setTitle(self.tr("Connect this laptop to the county (once)"))
        for label, text in zip(
            self.labels,
            (
                self.tr("County server"),
                self.tr("Enrollment code"),
                self.tr("Certificate pin (if given)"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.server.setPlaceholderText("https://county.example:8765")
        self.enroll_button.setText(self.tr("Connect"))
        self.sync_button.setText(self.tr("Sync now"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.resend_button.setText(self.tr("Send again (after fixing the household)"))
        self.keep_button.setText(self.tr("Keep the county's value"))
        self.other_button.setText(self.tr("Use the other value"))
        self.boxes[0].setTitle(self.tr("Refused by the county"))
        self.boxes[1].setTitle(self.tr("Conflicts to resolve"))
        self.refresh()

    # what is shown ------------------------------------------------------------------------
    def refresh(self) -> None:
        enrolled = self.store.setting(SERVER) is not None
        self.enrolment.setVisible(not enrolled)
        self.sync_button.setEnabled(enrolled and self._task is None)
        self.status.setText(self._status_text(enrolled))
        self.refused.clear()
        for change in quarantined(self.store):
            reasons = "; ".join(
                e.get("message_zh" if is_chinese() else "message_en", "") for e in change.errors
            )
            item = QListWidgetItem(f"#{change.seq} {reasons}")
            item.setData(Qt.ItemDataRole.UserRole, change.seq)
            item.setData(Qt.ItemDataRole.UserRole + 1, change.household_id)
            self.refused.addItem(item)
        self.conflicts.clear()
        for conflict in open_conflicts(self.store):
            item = QListWidgetItem(self._conflict_text(conflict))
            item.setData(Qt.ItemDataRole.UserRole, conflict.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, conflict.household_id)
            self.conflicts.addItem(item)

    def _status_text(self, enrolled: bool) -> str:
        if not enrolled:
            return self.tr("Not connected to a county server yet.")
        report = self.report
        if report is None:
            return self.tr("Connected to {server}.").format(server=self.store.setting(SERVER))
        if report.synced:
            return self.tr(
                "Synced: {sent} sent and confirmed by the county, {received} received."
            ).format(sent=report.sent, received=report.received)
        return self.tr(
            "Not fully synced: {pending} waiting, {refused} refused, receipt {receipt}."
        ).format(
            pending=report.pending,
            refused=report.quarantined,
            receipt=self.tr("matches") if report.receipts_ok else self.tr("does NOT match"),
        )

    def _conflict_text(self, c: OpenConflict) -> str:
        zh, en = FIELD_LABELS.get(c.field, (c.field, c.field))
        what = zh if is_chinese() else en
        return self.tr("{field}: county keeps “{kept}”, other laptop had “{other}”").format(
            field=what, kept=_value(c.kept_value), other=_value(c.other_value)
        )

    # actions ------------------------------------------------------------------------------
    def enroll(self) -> bool:
        try:
            answer = enroll(
                self.store,
                self.server.text().strip(),
                self.code.text().strip(),
                pin_sha256=self.pin.text().strip() or None,
            )
        except SyncError as exc:
            self.message.show_message(str(exc))
            return False
        self.message.show_message(
            self.tr("Connected as {worker}, area {scope}.").format(
                worker=answer.worker, scope=answer.scope
            )
        )
        self.refresh()
        return True

    def start_sync(self) -> Task[SyncReport] | None:
        """Sync on a worker thread; progress shows records sent and received."""
        if self._task is not None:
            return None
        store = self.store

        def work(progress: Progress) -> SyncReport:
            def report(state: SyncProgress) -> None:
                progress.report(state.sent + state.received, state.to_send + state.received)

            return sync(store, progress=report, cancelled=lambda: progress.cancelled)

        self.message.show_message("")
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self._task = run_task(
            work,
            on_success=self._done,
            on_failure=self._failed,
            on_progress=self._progress,
            on_cancelled=self._cancelled,
        )
        self.sync_button.setEnabled(False)
        return self._task

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, done, 1))
        self.progress.setValue(done)

    def _finish(self) -> None:
        self._task = None
        self.progress.hide()
        self.cancel_button.hide()
        self.refresh()

    def _done(self, report: SyncReport) -> None:
        self.report = report
        self._finish()
        self.synced.emit()

    def _failed(self, error: Exception) -> None:
        if isinstance(error, SyncCancelled):
            self._cancelled()
            return
        self.message.show_message(
            self.tr("The sync stopped: {error}. Nothing is lost; try again.").format(error=error)
        )
        self._finish()

    def _cancelled(self) -> None:
        self.message.show_message(self.tr("Sync cancelled; what was sent is kept."))
        self._finish()

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()

    def resend_selected(self) -> None:
        item = self.refused.currentItem()
        if item is not None:
            resend(self.store, int(item.data(Qt.ItemDataRole.UserRole)))
            self.refresh()

    def resolve_selected(self, choice: str) -> None:
        item = self.conflicts.currentItem()
        if item is not None:
            conflict_id = str(item.data(Qt.ItemDataRole.UserRole))
            resolve_conflict(self.store, conflict_id, "kept" if choice == "kept" else "other")
            self.refresh()
