"""What a device may know of attachment content.

A device learns about content only where it may: content is "held" for a device when the
county has it and either an attachment of the device's scope refers to it or the device
itself sent it whole. Anything else is answered exactly as content the county does not
have, so a device cannot test the county for a file by guessing its hash.
"""

from collections.abc import Sequence

from sqlalchemy import Connection, select

from caseworker.sync.county.auth import Device
from caseworker.sync.county.tables import (
    ATTACHMENT,
    ATTACHMENT_CONTENT,
    ATTACHMENT_UPLOAD,
    HOUSEHOLD,
)


def scope_range(prefix: str) -> tuple[str, str]:
    """The lowest and highest village code (12 digits) of the scope ``prefix``."""
    return prefix, prefix + "9" * (12 - len(prefix))


def visible_contents(conn: Connection, device: Device, hashes: Sequence[str]) -> set[str]:
    """Those of ``hashes`` the county holds and may name to ``device``: referred to by an
    attachment of its scope (removed or not), or sent whole by the device itself."""
    wanted = sorted(set(hashes))
    if not wanted:
        return set()
    held: set[str] = set()
    for start in range(0, len(wanted), 500):
        part = wanted[start : start + 500]
        held |= set(
            conn.execute(
                select(ATTACHMENT_CONTENT.c.sha256).where(ATTACHMENT_CONTENT.c.sha256.in_(part))
            ).scalars()
        )
    if not held:
        return set()
    lo, hi = scope_range(device.scope)
    found = set(
        conn.execute(
            select(ATTACHMENT.c.sha256)
            .join(HOUSEHOLD, HOUSEHOLD.c.id == ATTACHMENT.c.household_id)
            .where(
                ATTACHMENT.c.sha256.in_(sorted(held)),
                HOUSEHOLD.c.village_code >= lo,
                HOUSEHOLD.c.village_code <= hi,
            )
        ).scalars()
    )
    found |= set(
        conn.execute(
            select(ATTACHMENT_UPLOAD.c.sha256).where(
                ATTACHMENT_UPLOAD.c.device_id == device.device_id,
                ATTACHMENT_UPLOAD.c.sha256.in_(sorted(held)),
                ATTACHMENT_UPLOAD.c.completed_at.is_not(None),
            )
        ).scalars()
    )
    return found
