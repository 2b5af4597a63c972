"""What a sync reports: its progress while it runs, and what it did."""

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime


@dataclass(frozen=True, slots=True)
class RefusedEvidence:
    """A file of evidence the county did not take, or whose record it refused, in the
    laptop's own words (the county's reason text is for the command line and the log; a
    page words the reason itself from these facts)."""

    about_zh: str  # "张学林家的户口簿（全户，2026-11-02）"
    about_en: str
    size: int  # bytes of the file
    limit: int = 0  # the county's largest file, bytes (0: not known)
    record: bool = False  # the file was taken, its record refused
    attachment_ids: tuple[str, ...] = ()  # the records it speaks of (ids: never shown)

    def to_dict(self) -> dict[str, object]:
        return {f: getattr(self, f) for f in self.__slots__}

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> "RefusedEvidence":
        """Read back what ``to_dict`` kept (ValueError, TypeError or KeyError if it cannot)."""
        ids = data["attachment_ids"]
        if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
            raise TypeError("attachment_ids")
        return cls(
            str(data["about_zh"]),
            str(data["about_en"]),
            int(str(data["size"])),
            int(str(data["limit"])),
            bool(data["record"]),
            tuple(ids),
        )


@dataclass(slots=True)
class SyncProgress:
    """Where a sync is: records sent of those to send, households received, and then
    attachments: records sent of those to send, records received, and their content in
    bytes (done: the county holds it now, sent by this sync or not needed)."""

    phase: str  # push, resolve, audit, pull, attachments, done
    sent: int = 0
    to_send: int = 0
    received: int = 0
    attachments_sent: int = 0
    attachments_to_send: int = 0
    attachments_received: int = 0
    content_to_send: int = 0
    content_done: int = 0
    content_received: int = 0

    def follow(self, report: "SyncReport") -> None:
        """Take the counts of ``report`` so far."""
        self.sent, self.received = report.sent, report.received
        self.attachments_sent = report.attachments_sent
        self.attachments_received = report.attachments_received
        self.content_done = report.content_sent + report.content_skipped
        self.content_received = report.content_received


@dataclass(slots=True)
class SyncReport:
    """What a sync did. ``synced`` is True only when every receipt matched and nothing is
    left unsent (quarantined changes count as unsent)."""

    sent: int = 0
    accepted: int = 0
    conflicts: int = 0
    rejected: int = 0
    received: int = 0
    policies: int = 0
    receipts_ok: bool = True
    pending: int = 0
    quarantined: int = 0
    open_conflicts: int = 0
    problems: list[str] = field(default_factory=list)
    # Attachments (evidence files): records the county took, records taken from it, and
    # records left unsent (sent next time; the reasons are among ``problems``).
    attachments_sent: int = 0
    attachments_received: int = 0
    attachments_pending: int = 0
    attachments_supported: bool = True  # False: the county predates attachments
    chunks_sent: int = 0  # chunks of content sent, and received
    chunks_received: int = 0
    # Bytes of content: sent in chunks the county took; of those to send, not sent because
    # the county did not need them (held already, refused, or taken in an earlier sync);
    # received.
    content_sent: int = 0
    content_skipped: int = 0
    content_received: int = 0
    evidence_refused: list[RefusedEvidence] = field(default_factory=list)
    resolutions_refused: int = 0  # choices on conflicts the county did not accept

    @property
    def synced(self) -> bool:
        return self.receipts_ok and self.pending == 0 and self.quarantined == 0


# Counts a summary kept by an earlier version does not have (read as 0).
_SINCE_ATTACHMENTS = ("attachments_sent", "attachments_received", "attachments_pending")


@dataclass(frozen=True, slots=True)
class SyncSummary:
    """The last sync that ran to its end, as kept in the store (``client.last_sync``): when
    it finished and what it did, so the app can show it after a restart."""

    at: datetime
    sent: int
    accepted: int
    conflicts: int
    rejected: int
    received: int
    policies: int
    receipts_ok: bool
    pending: int
    quarantined: int
    open_conflicts: int
    attachments_sent: int = 0
    attachments_received: int = 0
    attachments_pending: int = 0
    # Files of evidence (or their records) the county refused, kept so that the Sync page
    # names them after a restart too.
    refused_evidence: tuple[RefusedEvidence, ...] = ()

    @property
    def synced(self) -> bool:
        return self.receipts_ok and self.pending == 0 and self.quarantined == 0

    @classmethod
    def of(cls, report: SyncReport, at: datetime) -> "SyncSummary":
        return cls(
            at=at,
            sent=report.sent,
            accepted=report.accepted,
            conflicts=report.conflicts,
            rejected=report.rejected,
            received=report.received,
            policies=report.policies,
            receipts_ok=report.receipts_ok,
            pending=report.pending,
            quarantined=report.quarantined,
            open_conflicts=report.open_conflicts,
            attachments_sent=report.attachments_sent,
            attachments_received=report.attachments_received,
            attachments_pending=report.attachments_pending,
            refused_evidence=tuple(report.evidence_refused),
        )

    def to_json(self) -> str:
        values = {f: getattr(self, f) for f in self.__slots__ if f != "at"}
        values["refused_evidence"] = [r.to_dict() for r in self.refused_evidence]
        return json.dumps({"at": self.at.isoformat(), **values}, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> "SyncSummary | None":
        """The summary kept in ``text``; None if it cannot be read (then the app shows no
        last sync rather than a wrong one)."""
        try:
            data = json.loads(text)
            at = datetime.fromisoformat(data["at"])
            counts = {
                name: int(data[name] if name not in _SINCE_ATTACHMENTS else data.get(name, 0))
                for name in cls.__slots__
                if name not in ("at", "receipts_ok", "refused_evidence")
            }
            return cls(
                at=at if at.tzinfo else at.replace(tzinfo=UTC),
                receipts_ok=bool(data["receipts_ok"]),
                refused_evidence=tuple(
                    RefusedEvidence.from_dict(r) for r in data.get("refused_evidence", [])
                ),
                **counts,
            )
        except (ValueError, TypeError, KeyError):
            return None
