"""Attachments given out by the county: pages of the records of a device's scope, and
content chunk by chunk (only content the device may have, see ``attachment_visibility``).
"""

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, select

from caseworker.sync.county.attachment_checks import check_sha256, out_of_range
from caseworker.sync.county.attachment_visibility import scope_range, visible_contents
from caseworker.sync.county.auth import Device, Refused, device_ref
from caseworker.sync.county.tables import (
    ATTACHMENT,
    ATTACHMENT_CHUNK,
    ATTACHMENT_CONTENT,
    HOUSEHOLD,
)

NO_CONTENT_ZH = "县里没有这份材料的文件内容，或本设备无权取得"
NO_CONTENT_EN = "the county has no such content, or this device may not have it"


def _iso(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    return aware.astimezone(UTC).isoformat()


def attachment_page(engine: Engine, device: Device, *, after: int, limit: int) -> dict[str, Any]:
    """The records of the device's scope changed after cursor ``after``, in cursor order."""
    lo, hi = scope_range(device.scope)
    with engine.connect() as conn:
        rows = list(
            conn.execute(
                select(ATTACHMENT)
                .join(HOUSEHOLD, HOUSEHOLD.c.id == ATTACHMENT.c.household_id)
                .where(
                    ATTACHMENT.c.seq > after,
                    HOUSEHOLD.c.village_code >= lo,
                    HOUSEHOLD.c.village_code <= hi,
                )
                .order_by(ATTACHMENT.c.seq)
                .limit(limit)
            )
        )
    out = []
    for r in rows:
        out.append(
            {
                "id": r.id,
                "household_id": r.household_id,
                "member_id": r.member_id,
                "visit_id": r.visit_id,
                "application_id": r.application_id,
                "kind": r.kind,
                "taken_on": r.taken_on.isoformat(),
                "note": r.note,
                "added_by": r.added_by,
                "added_at": _iso(r.added_at),
                "sha256": r.sha256,
                "media_type": r.media_type,
                "size": r.size,
                "pages": r.pages,
                "removed_at": _iso(r.removed_at),
                "removed_by": r.removed_by,
                "removed_reason": r.removed_reason,
                "version": r.version,
                "seq": r.seq,
                "device_id": device_ref(device, r.device_id),
            }
        )
    return {
        "attachments": out,
        "next_cursor": rows[-1].seq if rows else after,
        "more": len(rows) == limit,
    }


@dataclass(frozen=True, slots=True)
class Chunk:
    """One chunk of content and how the content is cut."""

    data: bytes
    index: int
    chunks: int
    chunk_size: int
    size: int


def content_chunk(engine: Engine, device: Device, sha256: str, index: int) -> Chunk:
    """Chunk ``index`` of content the device may have (see ``visible_contents``); content
    it may not have is answered as content the county does not hold (404)."""
    check_sha256(sha256)
    with engine.connect() as conn:
        if sha256 not in visible_contents(conn, device, [sha256]):
            raise Refused(404, NO_CONTENT_ZH, NO_CONTENT_EN)
        content = conn.execute(
            select(ATTACHMENT_CONTENT).where(ATTACHMENT_CONTENT.c.sha256 == sha256)
        ).one()
        if not 0 <= index < content.chunks:
            raise out_of_range(index, content.chunks)
        data = conn.execute(
            select(ATTACHMENT_CHUNK.c.data).where(
                ATTACHMENT_CHUNK.c.device_id == content.device_id,
                ATTACHMENT_CHUNK.c.sha256 == sha256,
                ATTACHMENT_CHUNK.c.chunk_index == index,
            )
        ).scalar_one()
    return Chunk(bytes(data), index, content.chunks, content.chunk_size, content.size)
