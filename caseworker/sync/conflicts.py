"""Conflicts the county reported, as the worker sees and resolves them on the laptop.

Resolving sets the chosen value here (a local change, recorded in the outbox) and queues
the resolution for the county; the next sync sends both.
"""

from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import select, update

from caseworker.store.db import Store
from caseworker.store.households import load_household, record_changes
from caseworker.store.search import reindex_household
from caseworker.store.tables import SYNC_CONFLICT, utcnow
from caseworker.sync.local_rows import to_store_values
from caseworker.sync.merge import ROW_DELETED
from caseworker.sync.wire import TABLES


@dataclass(frozen=True, slots=True)
class OpenConflict:
    """Both values of a field changed on two devices; ``kept_value`` is in force."""

    id: str
    household_id: str
    table: str
    row_id: str
    field: str
    kept_value: Any
    other_value: Any
    other_device: str


class UnknownConflict(LookupError):
    """No open conflict has that id."""


def open_conflicts(store: Store, *, household_id: str | None = None) -> list[OpenConflict]:
    """Conflicts nobody has resolved yet (optionally of one household), oldest first."""
    query = (
        select(SYNC_CONFLICT)
        .where(SYNC_CONFLICT.c.resolved_at.is_(None))
        .order_by(SYNC_CONFLICT.c.created_at, SYNC_CONFLICT.c.id)
    )
    if household_id is not None:
        query = query.where(SYNC_CONFLICT.c.household_id == household_id)
    with store.read() as conn:
        return [
            OpenConflict(
                r.id, r.household_id, r.table_name, r.row_id, r.field,
                r.kept_value, r.other_value, r.other_device,
            )
            for r in conn.execute(query)
        ]  # fmt: skip


def resolve_conflict(
    store: Store, conflict_id: str, choice: Literal["kept", "other", "value"], value: Any = None
) -> None:
    """Settle a conflict with the kept value, the other value or a new ``value`` (wire
    form, e.g. "2020-01-31" for a date)."""
    with store.begin() as conn:
        row = conn.execute(
            select(SYNC_CONFLICT).where(
                SYNC_CONFLICT.c.id == conflict_id, SYNC_CONFLICT.c.resolved_at.is_(None)
            )
        ).first()
        if row is None:
            raise UnknownConflict(conflict_id)
        chosen = {"kept": row.kept_value, "other": row.other_value, "value": value}[choice]
        if row.field != ROW_DELETED and row.table_name in TABLES:
            table = TABLES[row.table_name]
            values = to_store_values(row.table_name, row.row_id, {row.field: chosen})
            current = conn.execute(select(table).where(table.c.id == row.row_id)).mappings().first()
            if current is not None and current[row.field] != values[row.field]:
                conn.execute(
                    update(table)
                    .where(table.c.id == row.row_id)
                    .values(
                        **values,
                        version=current["version"] + 1,
                        updated_at=utcnow(),
                        device_id=store.device_id,
                    )
                )
                household = load_household(conn, row.household_id)
                if household is not None:
                    reindex_household(conn, household)
                record_changes(conn, [row.household_id], kind="resolve")
        conn.execute(
            update(SYNC_CONFLICT)
            .where(SYNC_CONFLICT.c.id == conflict_id)
            .values(resolved_at=utcnow(), resolution=chosen, resolution_sent=False)
        )
