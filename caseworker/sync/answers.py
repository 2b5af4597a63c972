"""Recording the county's answers to a push in the laptop store.

Accepted changes move the household's last-agreed copy forward by exactly what was sent.
For a same-field conflict the county's value is the one in force: the laptop shows it too
(unless the worker has edited that field again since), and keeps both values in a conflict
record until someone resolves it. A refused change is quarantined with the reasons.
"""

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, select, update

from caseworker.store.tables import OUTBOX, SYNC_CONFLICT, utcnow
from caseworker.sync.local_rows import (
    read_bases,
    read_rows,
    reindex,
    to_store_values,
    write_base,
)
from caseworker.sync.merge import ROW_DELETED
from caseworker.sync.outbox import Frozen, supersede_quarantined
from caseworker.sync.schemas import ConflictOut, RecordResult
from caseworker.sync.wire import TABLES


def save_conflicts(conn: Connection, conflicts: Sequence[ConflictOut]) -> None:
    """Insert or refresh conflict records reported by the county."""
    for c in conflicts:
        exists = conn.execute(select(SYNC_CONFLICT.c.id).where(SYNC_CONFLICT.c.id == c.id)).first()
        values = {
            "household_id": c.household_id,
            "table_name": c.table,
            "row_id": c.row_id,
            "field": c.field,
            "kept_value": c.kept_value,
            "other_value": c.other_value,
            "other_device": c.other_device,
        }
        if exists is None:
            conn.execute(SYNC_CONFLICT.insert().values(id=c.id, resolution_sent=True, **values))
        else:
            conn.execute(update(SYNC_CONFLICT).where(SYNC_CONFLICT.c.id == c.id).values(values))


def _apply_accepted(base: dict[str, Any], payload: dict[str, Any]) -> None:
    for rc in payload["rows"]:
        table = base.setdefault(rc["table"], {})
        if rc["op"] == "delete":
            table.pop(rc["id"], None)
        elif rc["op"] == "insert":
            table[rc["id"]] = dict(rc["new"])
        else:
            table.setdefault(rc["id"], {}).update(rc["new"])


def record_answers(
    conn: Connection, sent: Sequence[Frozen], results: dict[int, RecordResult], device_id: str
) -> None:
    """Store the answers to ``sent`` (those without an answer stay ``sent``)."""
    now = utcnow()
    answered = [f for f in sent if f.seq in results]
    ids = sorted({f.household_id for f in answered})
    bases, locals_ = read_bases(conn, ids), read_rows(conn, ids)
    reached: list[str] = []
    touched: set[str] = set()
    for f in answered:
        result = results[f.seq]
        conn.execute(
            update(OUTBOX)
            .where(OUTBOX.c.seq == f.seq)
            .values(
                state="quarantined" if result.status == "rejected" else result.status,
                result=result.model_dump(mode="json", exclude={"payload_sha256"}),
                answered_at=now,
            )
        )
        if result.status == "rejected":
            continue
        base = bases[f.household_id]
        _apply_accepted(base, f.payload)
        sent_values = {(rc["table"], rc["id"]): rc.get("new") or {} for rc in f.payload["rows"]}
        for c in result.conflicts:
            if c.field == ROW_DELETED:
                continue
            row = base.get(c.table, {}).get(c.row_id)
            if row is not None:
                row[c.field] = c.kept_value
            local = locals_[f.household_id].get(c.table, {}).get(c.row_id)
            mine = sent_values.get((c.table, c.row_id), {})
            # Show the county's value, unless the worker changed the field again since.
            if local is not None and local.get(c.field) == mine.get(c.field, c.other_value):
                values = to_store_values(c.table, c.row_id, {c.field: c.kept_value})
                t = TABLES[c.table]
                conn.execute(update(t).where(t.c.id == c.row_id).values(values))
                local[c.field] = c.kept_value
                touched.add(f.household_id)
        save_conflicts(conn, result.conflicts)
        write_base(conn, f.household_id, base, None)
        reached.append(f.household_id)
    supersede_quarantined(conn, reached)
    if touched:
        reindex(conn, sorted(touched), set())
