"""Which attachment records the county does not have yet: the laptop's side of sending
them (each record's ``sent_version`` against its ``version``; a removal is a new version)."""

from collections.abc import Sequence

from sqlalchemy import Connection, func, select

from caseworker.domain.evidence import Attachment
from caseworker.store.attachments import attachment_of_row
from caseworker.store.tables import ATTACHMENT


def unsent(conn: Connection) -> list[Attachment]:
    """Attachments whose newest version the county does not have yet."""
    rows = conn.execute(
        select(ATTACHMENT)
        .where(ATTACHMENT.c.sent_version < ATTACHMENT.c.version)
        .order_by(ATTACHMENT.c.created_at, ATTACHMENT.c.id)
    )
    return [attachment_of_row(row) for row in rows]


def unsent_totals(conn: Connection) -> tuple[int, int]:
    """How many attachment records wait to be sent, and the bytes of their content (each
    content once, however many records share it), counted without reading the records."""
    waiting = ATTACHMENT.c.sent_version < ATTACHMENT.c.version
    records = conn.execute(select(func.count()).select_from(ATTACHMENT).where(waiting))
    contents = (
        select(func.max(ATTACHMENT.c.size).label("size"))
        .where(waiting)
        .group_by(ATTACHMENT.c.sha256)
        .subquery()
    )
    size = conn.execute(select(func.coalesce(func.sum(contents.c.size), 0)))
    return int(records.scalar_one()), int(size.scalar_one())


def waiting_among(conn: Connection, attachment_ids: Sequence[str]) -> set[str]:
    """Those of ``attachment_ids`` whose record still waits to be sent and is not removed."""
    found: set[str] = set()
    for start in range(0, len(attachment_ids), 500):
        found |= set(
            conn.execute(
                select(ATTACHMENT.c.id).where(
                    ATTACHMENT.c.id.in_(attachment_ids[start : start + 500]),
                    ATTACHMENT.c.sent_version < ATTACHMENT.c.version,
                    ATTACHMENT.c.removed_at.is_(None),
                )
            ).scalars()
        )
    return found


def mark_sent(conn: Connection, attachment_ids: Sequence[str]) -> None:
    """Note that the county has the current version of each of ``attachment_ids``."""
    for start in range(0, len(attachment_ids), 500):
        conn.execute(
            ATTACHMENT.update()
            .where(ATTACHMENT.c.id.in_(attachment_ids[start : start + 500]))
            .values(sent_version=ATTACHMENT.c.version)
        )
