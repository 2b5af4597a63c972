"""What the sync page says about the connection and the last sync: who this laptop is at
the county (worker, role, area), and a headline ("已同步" only when the last sync finished
with a matching receipt and nothing waits) over the details of the last sync and of what
is still waiting."""

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from caseworker.domain.codes import WorkerRole
from caseworker.domain.regions import ancestors
from caseworker.store.db import Store
from caseworker.sync.client import SyncSummary
from caseworker.sync.report import RefusedEvidence
from caseworker.sync.transport import ROLE, SCOPE, SERVER, WORKER
from caseworker.ui.backup_runner import size_text
from caseworker.ui.i18n import is_chinese
from caseworker.ui.labels import label
from caseworker.ui.widgets.fields import ErrorLabel
from caseworker.ui.widgets.sync_words import clean_text, moment_text

GREEN, ORANGE, GREY = "#1b5e20", "#b35900", "#555555"


def plain_label() -> QLabel:
    """A wrapped label that shows its text as it is (text that came from the county is
    never read as HTML)."""
    shown = QLabel()
    shown.setTextFormat(Qt.TextFormat.PlainText)
    shown.setWordWrap(True)
    return shown


class ConnectionInfo(QWidget):
    """Which county server this laptop is enrolled with, as whom, for which area."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = plain_label()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text)

    def show_store(self, store: Store, names: dict[str, str]) -> None:
        """Show what the store keeps of the enrollment; ``names``: region code -> name."""
        worker = clean_text(store.setting(WORKER) or "", 40)
        role = WorkerRole.parse(store.setting(ROLE))
        scope = store.setting(SCOPE) or ""
        who = (
            self.tr("{worker} ({role})").format(worker=worker, role=label(role))
            if role is not None
            else worker
        )
        self.text.setText(
            "\n".join(
                [
                    self.tr("This laptop is connected to the county server."),
                    self.tr("Server: {server}").format(
                        server=clean_text(store.setting(SERVER) or "")
                    ),
                    self.tr("Connected as: {who}").format(who=who),
                    self.tr("Area: {area}").format(area=self._area(scope, names)),
                ]
            )
        )

    def _area(self, scope: str, names: dict[str, str]) -> str:
        """The area's full name (泾阳县云阳镇中街村); its code while the regions have not
        come down yet (before the first sync)."""
        if not (scope.isdigit() and len(scope) in (6, 9, 12)):
            return self.tr("(not known)")
        parts = [names.get(code) for code in [*ancestors(scope), scope]]
        if all(parts):
            return clean_text(("" if is_chinese() else " ").join(p for p in parts if p))
        return self.tr("area code {code} (its name comes with the first sync)").format(code=scope)


class SyncState(QWidget):
    """The headline and the lines under it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = plain_label()
        self.status = plain_label()
        self.refused_files = ErrorLabel()  # files the county did not take, still here
        self.refused_files.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.state)
        layout.addWidget(self.status)
        layout.addWidget(self.refused_files)

    def show_state(
        self,
        *,
        enrolled: bool,
        summary: SyncSummary | None,
        pending: int,
        refused: int,
        to_resolve: int,
        evidence: int = 0,
        refused_evidence: Sequence[RefusedEvidence] = (),
    ) -> None:
        """``pending``: households with changes not yet answered; ``refused``: changes the
        county refused; ``to_resolve``: open conflicts; ``evidence``: files of evidence
        the county does not have yet, ``refused_evidence`` those of them it did not take
        at the last sync (named in red, with why)."""
        self._headline(enrolled, summary, pending + refused + evidence, to_resolve)
        not_taken = sum(len(r.attachment_ids) for r in refused_evidence)
        self.status.setText(self._details(enrolled, summary, pending, refused, evidence, not_taken))
        self.refused_files.show_message(
            refused_evidence_text(refused_evidence) if refused_evidence else ""
        )

    def _headline(
        self, enrolled: bool, summary: SyncSummary | None, unsent: int, to_resolve: int
    ) -> None:
        if not enrolled:
            text, colour = self.tr("Not connected to the county yet"), GREY
        elif summary is None:
            text, colour = self.tr("Not synced yet"), GREY
        elif not summary.receipts_ok:
            text, colour = self.tr("Not synced: the county's receipt did not match"), ORANGE
        elif unsent:
            text, colour = self.tr("Not fully synced"), ORANGE
        elif to_resolve:
            text = self.tr("Synced; {n} conflict(s) to resolve").format(n=to_resolve)
            colour = ORANGE
        else:
            text, colour = self.tr("Synced"), GREEN
        self.state.setText(text)
        self.state.setStyleSheet(f"font-size: 14pt; font-weight: bold; color: {colour};")

    def _details(
        self,
        enrolled: bool,
        summary: SyncSummary | None,
        pending: int,
        refused: int,
        evidence: int,
        not_taken: int,
    ) -> str:
        if not enrolled:
            return self.tr("Fill in the enrollment sheet above to connect this laptop.")
        lines = []
        if summary is None:
            lines.append(self.tr("This laptop has not synced with the county yet."))
        else:
            lines.append(self.tr("Last sync: {time}").format(time=moment_text(summary.at)))
            if summary.rejected:
                sent = self.tr(
                    "Sent changes of {sent} household(s) (the county took {taken} and refused "
                    "{refused}); received {received} household(s)."
                )
            else:
                sent = self.tr(
                    "Sent changes of {sent} household(s); received {received} household(s)."
                )
            lines.append(
                sent.format(
                    sent=summary.sent,
                    taken=summary.accepted + summary.conflicts,
                    refused=summary.rejected,
                    received=summary.received,
                )
            )
            if summary.policies:
                lines.append(self.tr("Received {n} new policy pack(s).").format(n=summary.policies))
            lines += self._evidence_lines(summary)
            if summary.sent == 0:
                lines.append(self.tr("There was nothing to send, so there was no receipt."))
            elif summary.receipts_ok:
                lines.append(self.tr("The county's receipt matches what this laptop sent."))
            else:
                lines.append(
                    self.tr(
                        "The county's receipt does NOT match what this laptop sent: those "
                        "changes are not counted as synced and are sent again next time."
                    )
                )
        if pending:
            lines.append(
                self.tr("Changes of {n} household(s) on this laptop are not synced yet.").format(
                    n=pending
                )
            )
        if refused:
            lines.append(
                self.tr(
                    "The county refused the changes of {n} household(s): fix them and send them "
                    "again (see below)."
                ).format(n=refused)
            )
        if evidence and not_taken:
            lines.append(
                self.tr(
                    "{n} file(s) of evidence on this laptop have not reached the county yet; "
                    "at the last sync the county did not take {refused} of them."
                ).format(n=evidence, refused=min(not_taken, evidence))
            )
        elif evidence:
            lines.append(
                self.tr(
                    "{n} file(s) of evidence on this laptop have not reached the county yet; "
                    "they are sent at the next sync."
                ).format(n=evidence)
            )
        if not pending and not refused and not evidence and summary is not None:
            lines.append(self.tr("Every change on this laptop has reached the county."))
        return "\n".join(lines)

    def _evidence_lines(self, summary: SyncSummary) -> list[str]:
        """What the last sync did with files of evidence, when it had any to move (those
        still waiting are counted as they are now, with the households waiting)."""
        if not (summary.attachments_sent or summary.attachments_received):
            return []
        return [
            self.tr("Evidence: sent {sent} file(s), received {received}.").format(
                sent=summary.attachments_sent, received=summary.attachments_received
            )
        ]


def refused_evidence_text(refused: Sequence[RefusedEvidence]) -> str:
    """What the county did not take of this laptop's evidence, one line each: which
    document, and why in the page's own words (a file over the county's limit, or its
    record refused); the county's reason text is never shown as it came."""
    lines = [
        QCoreApplication.translate(
            "SyncStatus", "The county did not take {n} file(s) of evidence:"
        ).format(n=len(refused))
    ]
    for r in refused:
        about = r.about_zh if is_chinese() else r.about_en
        if r.record:
            why = QCoreApplication.translate(
                "SyncStatus", "its details were refused; ask the county civil affairs bureau"
            )
        elif r.limit and r.size > r.limit:
            why = QCoreApplication.translate(
                "SyncStatus",
                "the file is {size}, more than the {limit} the county takes; "
                "remove it and add a smaller one (e.g. scan fewer pages at a time)",
            ).format(size=size_text(r.size), limit=size_text(r.limit))
        else:
            why = QCoreApplication.translate(
                "SyncStatus", "the county refused the file; ask the county civil affairs bureau"
            )
        lines.append(f"• {about}: {why}" if not is_chinese() else f"• {about}：{why}")
    return "\n".join(lines)
