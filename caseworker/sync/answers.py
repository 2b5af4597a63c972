"""Recording the county's answers to a push in the laptop store.

Accepted changes move the household's last-agreed copy forward by exactly what was sent.
For a same-field conflict the county's value is the one in force: the laptop shows it too
(unless the worker has edited that field again since), and keeps both values in a conflict
record until someone resolves it. A refused change is quarantined with the reasons.
"""

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, bindparam, select, update

from caseworker.interchange.jsontext import json_text
from caseworker.store.packed import pack
from caseworker.store.tables import OUTBOX, SYNC_BASE, SYNC_CONFLICT, utcnow
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
    conn: Connection, sent: Sequence[Frozen], results: dict[int, RecordResult]
) -> None:
    """Store the answers to ``sent`` (those without an answer stay ``sent``)."""
    now = utcnow()
    answered = [f for f in sent if f.seq in results]
    if not answered:
        return
    conn.execute(
        update(OUTBOX)
        .where(OUTBOX.c.seq == bindparam("b_seq"))
        .values(state=bindparam("b_state"), result=bindparam("b_result"), answered_at=now),
        [
            {
                "b_seq": f.seq,
                "b_state": "quarantined" if r.status == "rejected" else r.status,
                "b_result": r.model_dump(mode="json", exclude={"payload_sha256"}),
            }
            for f in answered
            for r in (results[f.seq],)
        ],
    )
    reached = [f for f in answered if results[f.seq].status != "rejected"]
    ids = sorted({f.household_id for f in reached})
    have_base: set[str] = set()
    for start in range(0, len(ids), 500):
        query = select(SYNC_BASE.c.household_id).where(
            SYNC_BASE.c.household_id.in_(ids[start : start + 500])
        )
        have_base.update(conn.execute(query).scalars())
    fresh = [f for f in reached if f.household_id not in have_base and not results[f.seq].conflicts]
    if fresh:
        # A first upload without conflicts: the agreed copy is exactly what was sent.
        rows = []
        for f in fresh:
            base: dict[str, Any] = {}
            _apply_accepted(base, f.payload)
            rows.append((f.household_id, pack(json_text(base))))
        conn.exec_driver_sql(
            "INSERT INTO sync_base (household_id, server_seq, data) VALUES (?, 0, ?)", rows
        )
    fresh_ids = {f.household_id for f in fresh}
    rest = [f for f in reached if f.household_id not in fresh_ids]
    rest_ids = sorted({f.household_id for f in rest})
    bases = read_bases(conn, rest_ids)
    with_conflicts = sorted({f.household_id for f in rest if results[f.seq].conflicts})
    locals_ = read_rows(conn, with_conflicts)
    touched: set[str] = set()
    for f in rest:
        result = results[f.seq]
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
    supersede_quarantined(conn, ids)
    if touched:
        reindex(conn, sorted(touched), set())
