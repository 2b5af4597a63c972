"""Changes the county refused (or that lie outside this laptop's scope): shown with the
reasons, fixable (edit the household as usual) and re-sendable."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from caseworker.store.db import Store
from caseworker.store.tables import HOUSEHOLD_INDEX, OUTBOX
from caseworker.sync import outbox


@dataclass(frozen=True, slots=True)
class QuarantinedChange:
    seq: int
    household_id: str
    recorded_at: datetime
    errors: list[dict[str, Any]]  # field, value, code, message_zh, message_en
    head_name: str = ""  # of the household as this laptop holds it


def quarantined(store: Store) -> list[QuarantinedChange]:
    """Every refused change still waiting for a fix, oldest first."""
    query = select(OUTBOX).where(OUTBOX.c.state == "quarantined").order_by(OUTBOX.c.seq)
    with store.read() as conn:
        rows = list(conn.execute(query))
        heads = dict(
            conn.execute(
                select(HOUSEHOLD_INDEX.c.household_id, HOUSEHOLD_INDEX.c.head_name).where(
                    HOUSEHOLD_INDEX.c.household_id.in_({r.household_id for r in rows})
                )
            ).all()
        )
    return [
        QuarantinedChange(
            r.seq,
            r.household_id,
            r.recorded_at,
            list((r.result or {}).get("errors", [])),
            heads.get(r.household_id, ""),
        )
        for r in rows
    ]


def resend(store: Store, seq: int) -> bool:
    """Queue a quarantined change to be sent again with the household as it is now."""
    with store.begin() as conn:
        return outbox.requeue(conn, seq)
