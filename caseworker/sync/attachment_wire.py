"""What the laptop's attachment sending and receiving share: an attachment's record on
the wire each way, answers read, and how a broken chunk is tried again."""

import time
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from pydantic import ValidationError

from caseworker.domain.evidence import Attachment, EvidenceKind, MediaType
from caseworker.sync.schemas import AttachmentOut
from caseworker.sync.transport import SyncError

RETRIES = 3  # tries again of a chunk whose connection broke, per content
RETRY_PAUSE = 0.5  # seconds, doubled at each try
WINDOW = 2  # chunks in flight at once, each way

Tick = Callable[[], None]


class CountyPredatesAttachments(Exception):
    """The county server answered 404 to the attachment requests: it is of an earlier
    version."""


def old_county(exc: SyncError) -> bool:
    """Whether a refusal says the county is of a version before attachments."""
    return exc.status in (404, 405)


def pause_before_retry(tries: int) -> None:
    """Wait before trying again after ``tries`` failures (``RETRY_PAUSE``, doubled each
    time)."""
    time.sleep(RETRY_PAUSE * 2**tries)


def wire_record(a: Attachment) -> dict[str, Any]:
    """An attachment's record as it goes to the county."""
    return {
        "id": a.id,
        "household_id": a.household_id,
        "member_id": a.member_id,
        "visit_id": a.visit_id,
        "application_id": a.application_id,
        "kind": a.kind.value,
        "taken_on": a.taken_on.isoformat(),
        "note": a.note,
        "added_by": a.added_by,
        "added_at": a.added_at.isoformat(),
        "sha256": a.sha256,
        "media_type": a.media_type.value,
        "size": a.size,
        "pages": a.pages,
        "removed_at": a.removed_at.isoformat() if a.removed_at else None,
        "removed_by": a.removed_by,
        "removed_reason": a.removed_reason,
    }


def from_wire(r: AttachmentOut) -> Attachment:
    """An attachment's record as the county sent it (SyncError if it cannot be read)."""
    try:
        return Attachment(
            id=r.id,
            household_id=r.household_id,
            kind=EvidenceKind(r.kind),
            taken_on=date.fromisoformat(r.taken_on),
            note=r.note,
            added_by=r.added_by,
            added_at=datetime.fromisoformat(r.added_at),
            sha256=r.sha256,
            media_type=MediaType(r.media_type),
            size=r.size,
            pages=r.pages,
            member_id=r.member_id,
            visit_id=r.visit_id,
            application_id=r.application_id,
            removed_at=datetime.fromisoformat(r.removed_at) if r.removed_at else None,
            removed_by=r.removed_by,
            removed_reason=r.removed_reason,
        )
    except ValueError as exc:
        raise SyncError(
            "县服务器发来的证明材料记录无法读取", f"unreadable attachment record: {exc}"
        ) from exc


def read_answer(kind: Any, raw: Any) -> Any:
    """The county's answer ``raw`` read as ``kind`` (SyncError if it cannot be)."""
    try:
        return kind.model_validate(raw)
    except ValidationError as exc:
        raise SyncError(
            "县服务器的回答无法读取", f"unreadable answer from the server: {exc}"
        ) from exc
