"""What a sync reports: its progress while it runs, and what it did."""

from dataclasses import dataclass, field


@dataclass(slots=True)
class SyncProgress:
    """Where a sync is: records sent of those to send, households received."""

    phase: str  # push, resolve, pull, done
    sent: int = 0
    to_send: int = 0
    received: int = 0


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

    @property
    def synced(self) -> bool:
        return self.receipts_ok and self.pending == 0 and self.quarantined == 0
