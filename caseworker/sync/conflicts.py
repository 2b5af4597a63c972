"""Conflicts the county reported, as the worker sees and resolves them on the laptop.

Resolving sets the chosen value here (a local change, recorded in the outbox) and queues
the resolution for the county; the next sync sends both.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from sqlalchemy import Connection, select, update

from caseworker.store.db import Store
from caseworker.store.households import load_household, record_changes
from caseworker.store.search import reindex_household
from caseworker.store.tables import HOUSEHOLD_INDEX, SYNC_BASE, SYNC_CONFLICT, utcnow
from caseworker.sync.local_apply import HELD
from caseworker.sync.local_rows import to_store_values
from caseworker.sync.merge import ROW_DELETED
from caseworker.sync.wire import TABLES


@dataclass(frozen=True, slots=True)
class OpenConflict:
    """Both values of a field changed on two devices; ``kept_value`` is in force.

    For showing it: ``head_name`` of the household (as this laptop holds it),
    ``person_name`` the member or supporter a member, income or supporter row is about,
    ``row_kind`` the code (or date) that says which row it is (an income's kind, a
    benefit's program, a visit's date); empty when not known here.
    """

    id: str
    household_id: str
    table: str
    row_id: str
    field: str
    kept_value: Any
    other_value: Any
    other_device: str
    head_name: str = ""
    person_name: str = ""
    row_kind: str = ""

    @property
    def held(self) -> bool:
        """Not a conflict but a note: a household from the county that this laptop could
        not store (fetched again at every sync until it can be); nothing to resolve."""
        return self.field == HELD


# The column that says which row of a table a conflict is about, for naming it to a person.
KIND_COLUMNS = {
    "member": "relation",
    "income": "kind",
    "asset": "kind",
    "expense": "kind",
    "legal_supporter": "relation",
    "benefit": "program",
    "visit": "date",
    "application": "program",
    "application_stage": "stage",
}


def _about(conn: Connection, table: str, row_id: str, household_id: str) -> tuple[str, str]:
    """(person name, kind) of a row: read here, or from the copy last agreed with the
    county when the row is gone here (a delete that met an edit)."""
    if table not in TABLES or table == "household":
        return "", ""
    rows = TABLES[table]
    found = conn.execute(select(rows).where(rows.c.id == row_id)).mappings().first()
    row: Mapping[str, Any] | None = dict(found) if found is not None else None
    if row is None:
        agreed = conn.execute(
            select(SYNC_BASE.c.data).where(SYNC_BASE.c.household_id == household_id)
        ).scalar()
        wire = agreed.get(table, {}).get(row_id) if isinstance(agreed, dict) else None
        row = wire if isinstance(wire, dict) else None
    if row is None:
        return "", ""
    name: Any = row.get("name") if table in ("member", "legal_supporter") else None
    if table == "income":
        members = TABLES["member"]
        name = conn.execute(
            select(members.c.name).where(members.c.id == row.get("member_id"))
        ).scalar()
    kind = row.get(KIND_COLUMNS.get(table, ""))
    return (
        name if isinstance(name, str) else "",
        kind.isoformat() if isinstance(kind, date) else str(kind) if kind is not None else "",
    )


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
        rows = list(conn.execute(query))
        heads = dict(
            conn.execute(
                select(HOUSEHOLD_INDEX.c.household_id, HOUSEHOLD_INDEX.c.head_name).where(
                    HOUSEHOLD_INDEX.c.household_id.in_({r.household_id for r in rows})
                )
            ).all()
        )
        return [
            OpenConflict(
                r.id, r.household_id, r.table_name, r.row_id, r.field,
                r.kept_value, r.other_value, r.other_device,
                heads.get(r.household_id, ""),
                *_about(conn, r.table_name, r.row_id, r.household_id),
            )
            for r in rows
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
