"""The audit trail's hash chain: an entry's seal, and the check of a chain of entries.

Each entry holds the hash of the one before it, so changing or removing an entry breaks
the chain from there on. The laptop's store and the county's copy of each laptop's trail
check chains the same way; neither needs the other's storage for it.
"""

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

GENESIS = "0" * 64


@dataclass(frozen=True, slots=True)
class AuditEntry:
    seq: int
    id: str
    at: datetime
    device_id: str
    actor: str
    action: str
    household_id: str | None
    detail: dict[str, Any]
    prev_hash: str
    hash: str


def _default(value: Any) -> Any:
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, bytes):
        return hashlib.sha256(value).hexdigest()  # images: their fingerprint, not the bytes
    return str(value)


def canonical(value: Any) -> Any:
    """``value`` as plain JSON (dates as ISO text, bytes as their SHA-256)."""
    return json.loads(json.dumps(value, default=_default, ensure_ascii=False, sort_keys=True))


def entry_hash(
    *,
    id: str,
    at: datetime,
    device_id: str,
    actor: str,
    action: str,
    household_id: str | None,
    detail: dict[str, Any],
    prev_hash: str,
) -> str:
    """The hash that seals an entry (and, through ``prev_hash``, every entry before it)."""
    text = json.dumps(
        {
            "id": id,
            "at": at.isoformat(),
            "device_id": device_id,
            "actor": actor,
            "action": action,
            "household_id": household_id,
            "detail": detail,
            "prev_hash": prev_hash,
        },
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class ChainCheck:
    entries: int
    broken_at: int | None  # seq of the first entry that does not match, or None
    reason: str = ""
    # "altered": this entry was changed; "missing": an entry before it is missing or
    # changed (its link does not match)
    problem: str = ""

    @property
    def ok(self) -> bool:
        return self.broken_at is None


def verify_chain(chain: Sequence[AuditEntry], *, start: str = GENESIS) -> ChainCheck:
    """Recompute every hash and link; the first entry that does not match."""
    prev = start
    for entry in chain:
        if entry.prev_hash != prev:
            return ChainCheck(
                len(chain), entry.seq, "an entry before this one is missing or altered", "missing"
            )
        expected = entry_hash(
            id=entry.id,
            at=entry.at,
            device_id=entry.device_id,
            actor=entry.actor,
            action=entry.action,
            household_id=entry.household_id,
            detail=entry.detail,
            prev_hash=entry.prev_hash,
        )
        if expected != entry.hash:
            return ChainCheck(len(chain), entry.seq, "this entry was altered", "altered")
        prev = entry.hash
    return ChainCheck(len(chain), None)
