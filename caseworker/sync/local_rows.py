"""Reading and writing a household's rows in the laptop store, in wire form.

The sync works on wire rows (``caseworker.sync.wire``) so that the laptop, the county and
the last-agreed base compare like with like.
"""

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, delete, select, update

from caseworker.domain.validation import Collector, ValidationFailed
from caseworker.store.households import load_household
from caseworker.store.search import index_new_households, reindex_household
from caseworker.store.tables import SETTING, SYNC_BASE
from caseworker.sync.wire import SYNC_TABLES, TABLES, row_from_wire, row_to_wire

WireRows = dict[str, dict[str, dict[str, Any]]]  # table -> row id -> wire content
APPLYING = "sync.applying"
_CHUNK = 500


def empty_rows() -> WireRows:
    return {name: {} for name in SYNC_TABLES}


def read_rows(conn: Connection, household_ids: Sequence[str]) -> dict[str, WireRows]:
    """The wire rows of each household (one query per table per chunk of households)."""
    out = {hid: empty_rows() for hid in household_ids}
    for start in range(0, len(household_ids), _CHUNK):
        chunk = household_ids[start : start + _CHUNK]
        for name in SYNC_TABLES:
            table = TABLES[name]
            owner = table.c.id if name == "household" else table.c.household_id
            for row in conn.execute(select(table).where(owner.in_(chunk))).mappings():
                hid = row["id"] if name == "household" else row["household_id"]
                out[hid][name][row["id"]] = row_to_wire(name, dict(row))
    return out


def read_bases(conn: Connection, household_ids: Sequence[str]) -> dict[str, WireRows]:
    """The last-agreed copy of each household ({} tables for one never agreed)."""
    out: dict[str, WireRows] = {}
    for start in range(0, len(household_ids), _CHUNK):
        chunk = household_ids[start : start + _CHUNK]
        query = select(SYNC_BASE.c.household_id, SYNC_BASE.c.data).where(
            SYNC_BASE.c.household_id.in_(chunk)
        )
        out.update({row.household_id: row.data for row in conn.execute(query)})
    return {hid: {**empty_rows(), **out.get(hid, {})} for hid in household_ids}


def write_base(conn: Connection, household_id: str, rows: WireRows, server_seq: int | None) -> None:
    """Replace the last-agreed copy of a household."""
    data = {name: dict(table_rows) for name, table_rows in rows.items() if table_rows}
    old = conn.execute(
        select(SYNC_BASE.c.server_seq).where(SYNC_BASE.c.household_id == household_id)
    ).first()
    if old is None:
        conn.execute(
            SYNC_BASE.insert().values(
                household_id=household_id, server_seq=server_seq or 0, data=data
            )
        )
    else:
        values: dict[str, Any] = {"data": data}
        if server_seq is not None:
            values["server_seq"] = server_seq
        conn.execute(
            update(SYNC_BASE).where(SYNC_BASE.c.household_id == household_id).values(values)
        )


def to_store_values(table: str, row_id: str, data: Mapping[str, Any]) -> dict[str, Any]:
    """Store values of a wire row that came from the county (checked again all the same)."""
    collector = Collector()
    row = row_from_wire(table, row_id, data, complete=False, collector=collector)
    if row is None:
        raise ValidationFailed(collector.errors)
    return row


def write_row(
    conn: Connection,
    table: str,
    row_id: str,
    data: Mapping[str, Any],
    meta: Mapping[str, Any],
    *,
    exists: bool,
) -> None:
    """Insert or update one row from wire content plus sync metadata."""
    values = {**to_store_values(table, row_id, data), **meta}
    t = TABLES[table]
    if exists:
        conn.execute(update(t).where(t.c.id == row_id).values(values))
    else:
        conn.execute(t.insert().values(id=row_id, **values))


def delete_row(conn: Connection, table: str, row_id: str) -> None:
    t = TABLES[table]
    conn.execute(delete(t).where(t.c.id == row_id))


def parse_time(text: str) -> datetime:
    return datetime.fromisoformat(text)


def reindex(conn: Connection, household_ids: Iterable[str], new: set[str]) -> None:
    """Bring the search index up to date for households the sync wrote."""
    fresh = []
    for hid in household_ids:
        household = load_household(conn, hid)
        if household is None:
            continue
        if hid in new:
            fresh.append(household)
        else:
            reindex_household(conn, household)
    index_new_households(conn, fresh)


def set_applying(conn: Connection, on: bool) -> None:
    """Mark (inside the transaction) that rows written now come from the county, so the
    outbox triggers do not take them for local changes."""
    conn.execute(delete(SETTING).where(SETTING.c.key == APPLYING))
    if on:
        conn.execute(SETTING.insert().values(key=APPLYING, value="1"))
