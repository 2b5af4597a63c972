"""Reading and writing a household's rows in the laptop store, in wire form.

The sync works on wire rows (``caseworker.sync.wire``) so that the laptop, the county and
the last-agreed base compare like with like.
"""

import base64
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection, delete, select, update

from caseworker.domain.validation import Collector, ValidationFailed
from caseworker.interchange.jsontext import read_json
from caseworker.store.households import load_household
from caseworker.store.packed import unpack
from caseworker.store.search import index_new_households, reindex_household
from caseworker.store.tables import SETTING, SYNC_BASE
from caseworker.sync.wire import CONTENT_COLUMNS, SYNC_TABLES, TABLES, row_from_wire

WireRows = dict[str, dict[str, dict[str, Any]]]  # table -> row id -> wire content
APPLYING = "sync.applying"
_CHUNK = 500


def empty_rows() -> WireRows:
    return {name: {} for name in SYNC_TABLES}


def _wire_time(text: str) -> str:
    # Stored as naive UTC ("2026-01-24 14:00:00.000000"); on the wire with its offset.
    return datetime.fromisoformat(text).replace(tzinfo=UTC).isoformat()


def _wire_bytes(value: bytes) -> str:
    return base64.b64encode(value).decode("ascii")


def _raw_converter(column: sa.Column[Any]) -> Callable[[Any], Any] | None:
    """How a value as SQLite stores it becomes its wire form (None: it already is).

    Dates are stored as ``YYYY-MM-DD`` text, which is their wire form; booleans as 0/1.
    ``tests/sync/test_local_rows.py`` compares with reading through SQLAlchemy's types.
    """
    column_type = column.type
    if isinstance(column_type, sa.TypeDecorator):
        column_type = column_type.impl_instance
    if isinstance(column_type, sa.Boolean):
        return bool
    if isinstance(column_type, sa.DateTime):
        return _wire_time
    if isinstance(column_type, sa.Date):
        return None
    if isinstance(column_type, sa.LargeBinary):
        return _wire_bytes
    if isinstance(column_type, sa.JSON):
        return read_json
    return None


# Per table: the SELECT of its content columns, and the converters of those columns.
_RAW_PLAN: dict[str, tuple[str, tuple[str, ...], tuple[tuple[int, Callable[[Any], Any]], ...]]]
_RAW_PLAN = {}
for _name in SYNC_TABLES:
    _columns = CONTENT_COLUMNS[_name]
    _owner = "id" if _name == "household" else "household_id"
    _select = ", ".join(f'"{c}"' for c in ("id", _owner, *_columns))
    _RAW_PLAN[_name] = (
        f'SELECT {_select} FROM "{_name}" WHERE "{_owner}" IN ',
        _columns,
        tuple(
            (index, convert)
            for index, c in enumerate(_columns)
            if (convert := _raw_converter(TABLES[_name].c[c])) is not None
        ),
    )


def read_rows(conn: Connection, household_ids: Sequence[str]) -> dict[str, WireRows]:
    """The wire rows of each household (one query per table per chunk of households).

    Values are read as SQLite stores them and turned into wire form directly: going
    through SQLAlchemy's types (text to date, then date back to text) cost more than the
    rest of preparing a push.
    """
    out = {hid: empty_rows() for hid in household_ids}
    for start in range(0, len(household_ids), _CHUNK):
        chunk = tuple(household_ids[start : start + _CHUNK])
        marks = "(" + ", ".join("?" * len(chunk)) + ")"
        for name in SYNC_TABLES:
            select_sql, columns, converters = _RAW_PLAN[name]
            # The driver's cursor, inside the caller's transaction: plain tuples.
            cursor = conn.connection.driver_connection.execute(select_sql + marks, chunk)  # type: ignore[union-attr]
            for row in cursor.fetchall():
                values = list(row[2:])
                for index, convert in converters:
                    if values[index] is not None:
                        values[index] = convert(values[index])
                out[row[1]][name][row[0]] = dict(zip(columns, values, strict=True))
    return out


def read_bases(conn: Connection, household_ids: Sequence[str]) -> dict[str, WireRows]:
    """The last-agreed copy of each household ({} tables for one never agreed)."""
    out: dict[str, WireRows] = {}
    for start in range(0, len(household_ids), _CHUNK):
        chunk = household_ids[start : start + _CHUNK]
        marks = ", ".join("?" * len(chunk))
        query = f"SELECT household_id, data FROM sync_base WHERE household_id IN ({marks})"
        out.update(
            {
                hid: read_json(unpack(data))
                for hid, data in conn.exec_driver_sql(query, tuple(chunk))
            }
        )
    return {hid: {**empty_rows(), **out.get(hid, {})} for hid in household_ids}


def read_versions(conn: Connection, household_ids: Sequence[str]) -> dict[str, int]:
    """Row id -> version of every row of these households."""
    out: dict[str, int] = {}
    for start in range(0, len(household_ids), _CHUNK):
        chunk = household_ids[start : start + _CHUNK]
        for name in SYNC_TABLES:
            table = TABLES[name]
            owner = table.c.id if name == "household" else table.c.household_id
            query = select(table.c.id, table.c.version).where(owner.in_(chunk))
            out.update({row.id: row.version for row in conn.execute(query)})
    return out


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
