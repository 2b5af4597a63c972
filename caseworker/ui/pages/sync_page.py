"""Sync with the county: enroll once (server address, one-time code, certificate
fingerprint), then "Sync now" sends this laptop's changes and brings the county's down,
with progress and a Cancel that keeps what was sent. The status says when the last sync
finished, what it sent and received and whether the county's receipt matched ("synced" is
shown only then). Conflicts are resolved here and refused records opened, fixed and sent
again.

The page is in a scroll area so that it fits a 1366x768 laptop screen at 150% scaling.
"""

import logging
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from caseworker.store.db import Store
from caseworker.store.regions import region_names
from caseworker.sync import outbox
from caseworker.sync.attachment_refusals import still_refused
from caseworker.sync.attachments import count_unsent
from caseworker.sync.client import Cancelled as SyncCancelled
from caseworker.sync.client import SyncProgress, SyncReport, last_sync, sync
from caseworker.sync.conflicts import OpenConflict, open_conflicts
from caseworker.sync.quarantine import QuarantinedChange, quarantined
from caseworker.sync.schemas import EnrollResponse
from caseworker.sync.transport import SERVER
from caseworker.ui.backup_runner import size_text
from caseworker.ui.fonts import make_heading
from caseworker.ui.runner import Progress, Task, run_task
from caseworker.ui.widgets.enrollment_form import EnrollmentForm
from caseworker.ui.widgets.fields import ErrorLabel
from caseworker.ui.widgets.sync_errors import sync_problem
from caseworker.ui.widgets.sync_lists import ConflictList, RefusedList
from caseworker.ui.widgets.sync_status import ConnectionInfo, SyncState, plain_label

log = logging.getLogger(__name__)
Words = Callable[[], str]  # a sentence, asked for again after a language switch


class SyncPage(QWidget):
    """The 同步 page of the main window."""

    household_opened = Signal(str)
    synced = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        # Changes per push and households per pull page: small enough that progress moves
        # and Cancel takes effect within seconds on a slow village connection.
        self.batch_size = 50
        self.page_size = 200
        self.report: SyncReport | None = None  # of the last sync run in this session
        self._task: Task[SyncReport] | None = None
        self._latest: SyncProgress | None = None  # written by the sync's thread

        self.title = QLabel()
        make_heading(self.title, 1.6, bold=True)
        self.connection_box = self._connection_part()
        self.sync_box = self._sync_part()
        self.conflict_box = QGroupBox()
        self.conflicts = ConflictList(store)
        QVBoxLayout(self.conflict_box).addWidget(self.conflicts)
        self.refused_box = QGroupBox()
        self.refused = RefusedList(store)
        self.held = self.refused.held
        QVBoxLayout(self.refused_box).addWidget(self.refused)
        self._lay_out()

        self.progress.hide()
        self.progress_text.hide()
        self.cancel_button.hide()
        self.notice.hide()
        self.enrollment.enrolled.connect(self._enrolled)
        self.enrollment.cancelled.connect(self._stop_reenrolling)
        self.reenroll_button.clicked.connect(self.enroll_again)
        self.sync_button.clicked.connect(self.start_sync)
        self.cancel_button.clicked.connect(self.cancel)
        for lists in (self.conflicts, self.refused):
            lists.household_opened.connect(self.household_opened)
        self.conflicts.resolved.connect(self._resolved)
        self.refused.resent.connect(self._resent)
        self._reenrolling = False
        self._notice: Words | None = None
        self._problem: Words | None = None
        self.retranslate()

    def _connection_part(self) -> QGroupBox:
        """Connection: who this laptop is at the county, or the enrollment form."""
        box = QGroupBox()
        self.connection_info = ConnectionInfo()
        self.connection = self.connection_info.text
        self.reenroll_button = QPushButton()
        self.enrollment = EnrollmentForm(self.store)
        row = QHBoxLayout()
        row.addWidget(self.connection_info, 1)
        row.addWidget(self.reenroll_button, 0, Qt.AlignmentFlag.AlignTop)
        connection_layout = QVBoxLayout(box)
        connection_layout.addLayout(row)
        connection_layout.addWidget(self.enrollment)
        return box

    def _sync_part(self) -> QGroupBox:
        """Syncing: the state, the last sync, progress and the buttons."""
        box = QGroupBox()
        self.sync_state = SyncState()
        self.state, self.status = self.sync_state.state, self.sync_state.status
        self.progress = QProgressBar()
        self.progress_text = plain_label()
        self.progress_text.setWordWrap(False)  # one short line beside the buttons
        self.sync_button = QPushButton()
        self.sync_button.setDefault(True)
        self.cancel_button = QPushButton()
        self.message = ErrorLabel()
        self.notice = plain_label()
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress_text)
        buttons.addStretch(1)  # the buttons keep their size while no progress is shown
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.sync_button)
        sync_layout = QVBoxLayout(box)
        sync_layout.addWidget(self.sync_state)
        sync_layout.addWidget(self.progress)
        sync_layout.addLayout(buttons)
        sync_layout.addWidget(self.message)
        sync_layout.addWidget(self.notice)
        return box

    def _lay_out(self) -> None:
        """The parts top to bottom, in a scroll area (a laptop screen at 150%)."""
        content = QWidget()
        column = QVBoxLayout(content)
        for widget in (
            self.title,
            self.connection_box,
            self.sync_box,
            self.conflict_box,
            self.refused_box,
        ):
            column.addWidget(widget)
        column.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll_area)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Sync with the county"))
        self.connection_box.setTitle(self.tr("Connection to the county server"))
        self.reenroll_button.setText(self.tr("Enroll again…"))
        self.sync_box.setTitle(self.tr("Sync"))
        self.sync_button.setText(self.tr("Sync now"))
        self.cancel_button.setText(self.tr("Cancel"))
        self._tell(self._notice)
        self._warn(self._problem)
        self.refresh()

    # what is shown ------------------------------------------------------------------------
    @property
    def enrolled(self) -> bool:
        return self.store.setting(SERVER) is not None

    def refresh(self) -> None:
        """Show the store as it is now: connection, last sync, what waits, the lists."""
        enrolled = self.enrolled
        form_shown = not enrolled or self._reenrolling
        self.enrollment.setVisible(form_shown)
        self.enrollment.allow_cancel(enrolled)
        self.connection_info.setVisible(enrolled)
        self.reenroll_button.setVisible(enrolled and not form_shown)
        with self.store.read() as conn:
            names = region_names(conn)
            pending = outbox.count_open(conn)
        evidence = count_unsent(self.store)
        if enrolled:
            self.connection_info.show_store(self.store, names)
        conflicts = open_conflicts(self.store)
        refused = quarantined(self.store)
        summary = last_sync(self.store)
        to_resolve = sum(not c.held for c in conflicts)
        self.sync_state.show_state(
            enrolled=enrolled,
            summary=summary,
            pending=pending,
            refused=len(refused),
            to_resolve=to_resolve,
            evidence=evidence,
            refused_evidence=still_refused(self.store, summary.refused_evidence)
            if summary is not None and evidence
            else (),
        )
        self.sync_button.setEnabled(enrolled and self._task is None)
        self._show_lists(enrolled, conflicts, refused, names)

    def _show_lists(
        self,
        enrolled: bool,
        conflicts: list[OpenConflict],
        refused: list[QuarantinedChange],
        names: dict[str, str],
    ) -> None:
        held = [c for c in conflicts if c.held]
        to_resolve = len(conflicts) - len(held)
        self.conflicts.show_conflicts(conflicts, names)
        self.refused.show_changes(refused, held)
        self.conflict_box.setTitle(self.tr("Conflicts to resolve ({n})").format(n=to_resolve))
        self.refused_box.setTitle(self.tr("Refused by the county ({n})").format(n=len(refused)))
        self.conflict_box.setVisible(enrolled or to_resolve > 0)
        self.refused_box.setVisible(enrolled or bool(refused) or bool(held))

    # enrolling ----------------------------------------------------------------------------
    def enroll_again(self) -> None:
        """Show the enrollment form while connected (a new certificate, a revoked laptop);
        every change not yet synced stays."""
        self._reenrolling = True
        self.refresh()
        self.enrollment.server.setText(self.store.setting(SERVER) or "")
        self.enrollment.code.setFocus()

    def _stop_reenrolling(self) -> None:
        self._reenrolling = False
        self.enrollment.form.clear_errors()
        self.refresh()

    def _enrolled(self, _answer: EnrollResponse) -> None:
        # What the county answered is shown from the store by refresh(), as after a restart.
        self._reenrolling = False
        self._warn(None)
        self._tell(lambda: self.tr("Connected. Press “Sync now” to send this laptop's changes."))
        self.refresh()
        self.sync_button.setFocus()

    def _tell(self, text: Words | None) -> None:
        """Say how an action went (kept as a function, to be said again in another
        language after a switch)."""
        self._notice = text
        self.notice.setText(text() if text is not None else "")
        self.notice.setVisible(text is not None)

    def _warn(self, text: Words | None) -> None:
        """Say what went wrong, in red (again after a language switch)."""
        self._problem = text
        self.message.show_message(text() if text is not None else "")

    # syncing ------------------------------------------------------------------------------
    def start_sync(self) -> Task[SyncReport] | None:
        """Sync on a worker thread; progress shows households sent and received."""
        if self._task is not None or not self.enrolled:
            return None
        store, batch_size, page_size = self.store, self.batch_size, self.page_size

        def work(progress: Progress) -> SyncReport:
            def report(state: SyncProgress) -> None:
                self._latest = replace(state)  # a copy: the sync goes on changing its own
                progress.report(state.sent, state.to_send)  # raises once Cancel is pressed

            return sync(
                store,
                progress=report,
                cancelled=lambda: progress.cancelled,
                batch_size=batch_size,
                page_size=page_size,
            )

        self._latest = None
        self._warn(None)
        self._tell(None)
        self.progress.setRange(0, 0)
        self.progress_text.setText(self.tr("Connecting to the county server…"))
        for widget in (self.progress, self.progress_text, self.cancel_button):
            widget.show()
        self.cancel_button.setEnabled(True)
        self.cancel_button.setText(self.tr("Cancel"))
        self.sync_button.setEnabled(False)
        self.reenroll_button.setEnabled(False)
        self._task = run_task(
            work,
            on_success=self._done,
            on_failure=self._failed,
            on_progress=self._progress,
            on_cancelled=self._cancelled,
        )
        return self._task

    @property
    def running(self) -> bool:
        return self._task is not None

    def _progress(self, _done: int, _total: int) -> None:
        state = self._latest
        if state is None:
            return
        if state.phase == "push":
            self.progress.setRange(0, max(state.to_send, state.sent, 1))
            self.progress.setValue(state.sent)
            text = self.tr("Sending this laptop's changes: {sent} of {total} household(s)")
            self.progress_text.setText(text.format(sent=state.sent, total=state.to_send))
        elif state.phase in ("resolve", "audit"):
            self.progress_text.setText(
                self.tr("Sent {sent} household(s); sending the record of work…").format(
                    sent=state.sent
                )
            )
        elif state.phase == "attachments":
            self._evidence_progress(state)
        else:  # pull, done: how many are coming is not known beforehand
            self.progress.setRange(0, 0)
            self.progress_text.setText(
                self.tr("Sent {sent} household(s); received {received} so far…").format(
                    sent=state.sent, received=state.received
                )
            )

    def _evidence_progress(self, state: SyncProgress) -> None:
        """Evidence files going up (a bar of their megabytes), then coming down (how many,
        and how much so far: the total is not known beforehand)."""
        if state.content_done < state.content_to_send:
            # In KiB: a laptop's evidence can pass the 2 GiB a progress bar counts to.
            self.progress.setRange(0, max(state.content_to_send // 1024, 1))
            self.progress.setValue(state.content_done // 1024)
            text = self.tr("Sending evidence files: {done} of {total} ({sent} of {files} sent)")
            self.progress_text.setText(
                text.format(
                    done=size_text(state.content_done),
                    total=size_text(state.content_to_send),
                    sent=state.attachments_sent,
                    files=state.attachments_to_send,
                )
            )
            return
        self.progress.setRange(0, 0)
        text = self.tr("Evidence files sent; receiving: {received} file(s), {size} so far…")
        self.progress_text.setText(
            text.format(received=state.attachments_received, size=size_text(state.content_received))
        )

    def _finish(self) -> None:
        self._task = None
        for widget in (self.progress, self.progress_text, self.cancel_button):
            widget.hide()
        self.reenroll_button.setEnabled(True)
        self.refresh()

    def _done(self, report: SyncReport) -> None:
        self.report = report
        self._finish()
        to_resolve = len(self.conflicts.conflicts)

        def said() -> str:
            lines = [self.tr("Sync finished.")]
            if report.resolutions_refused:
                lines.append(
                    self.tr(
                        "The county did not accept your choice for {n} conflict(s): the item "
                        "was changed again meanwhile, or the value chosen is not allowed. "
                        "Choose again below."
                    ).format(n=report.resolutions_refused)
                )
            if to_resolve:
                lines.append(
                    self.tr("{n} conflict(s) need your decision: see below.").format(n=to_resolve)
                )
            if report.quarantined:
                lines.append(
                    self.tr("The county refused {n} household(s): see below.").format(
                        n=report.quarantined
                    )
                )
            return "\n".join(lines)

        self._tell(said)
        self.synced.emit()

    def _failed(self, error: Exception) -> None:
        if isinstance(error, SyncCancelled):  # the sync's own check, between two batches
            self._cancelled()
            return
        log.warning("sync failed", exc_info=error)  # the details are for the developers
        self._finish()
        self._warn(lambda: sync_problem(error))
        self.synced.emit()  # what was done before it stopped is shown everywhere

    def _cancelled(self) -> None:
        state = self._latest
        sent = state.sent if state is not None else 0
        self._finish()
        with self.store.read() as conn:
            left = outbox.count_open(conn)

        def said() -> str:
            if not sent:
                return self.tr(
                    "Sync cancelled before anything was sent. Every change stays on this laptop "
                    "and is sent next time."
                )
            if not left:
                return self.tr(
                    "Sync cancelled. Every change of this laptop has reached the county; what "
                    "the county has for this laptop comes with the next sync."
                )
            return self.tr(
                "Sync cancelled. The county has received and kept the changes of {sent} "
                "household(s); the other {left} stay on this laptop and are sent next time."
            ).format(sent=sent, left=left)

        self._tell(said)
        self.synced.emit()

    def cancel(self) -> None:
        """Stop after the batch on its way (its answer is kept); nothing is lost."""
        if self._task is not None:
            self._task.cancel()
            self.cancel_button.setEnabled(False)
            self.cancel_button.setText(self.tr("Cancelling…"))

    # acting on the lists ------------------------------------------------------------------
    def _resolved(self, text: Words) -> None:
        self._tell(text)
        self.refresh()

    def _resent(self) -> None:
        self.refresh()
        if self.start_sync() is None:
            self._tell(lambda: self.tr("It will be sent with the next sync."))
