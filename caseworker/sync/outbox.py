"""The laptop's outbox: local changes waiting for the county, and what became of them.

States of an entry (entries are never deleted):

- ``pending``: recorded by a save, not yet prepared for sending;
- ``sent``: its payload is frozen (the exact JSON, and its hash) and it is sent until the
  county answers; a retry sends the same bytes, so the county applies it once;
- ``merged``: an earlier change of the same household, carried by entry ``merged_into``;
- ``accepted`` / ``conflict``: the county applied it (conflict: with same-field conflicts);
- ``quarantined``: refused (by the county, with its reasons, or here because the
  household lies outside this laptop's scope); shown to the worker and re-sendable;
- ``superseded``: a quarantined change carried again by a later accepted one;
- ``unchanged``: nothing differed from what the county already has.
"""

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, bindparam, func, select, update

from caseworker.interchange.jsontext import canonical_text
from caseworker.store.tables import OUTBOX, utcnow
from caseworker.sync.local_rows import WireRows, read_bases, read_rows
from caseworker.sync.schemas import PROTOCOL
from caseworker.sync.wire import SYNC_TABLES

OPEN_STATES = ("pending", "sent")


@dataclass(frozen=True, slots=True)
class Frozen:
    """A change ready to send: its sequence number, payload, the payload's exact JSON text
    (what is sent, byte for byte, and hashed) and the hash."""

    seq: int
    household_id: str
    payload: dict[str, Any]
    sha256: str
    text: str


def diff_rows(household_id: str, local: WireRows, base: WireRows) -> list[dict[str, Any]]:
    """The row changes that turn ``base`` into ``local`` (inserts parents first, deletes
    children first)."""
    changes: list[dict[str, Any]] = []
    for name in SYNC_TABLES:
        mine, theirs = local.get(name, {}), base.get(name, {})
        for row_id in sorted(mine):
            row, old = mine[row_id], theirs.get(row_id)
            if old is None:
                changes.append(
                    {"table": name, "id": row_id, "op": "insert", "base": None, "new": row}
                )
                continue
            changed = [k for k, v in row.items() if old.get(k) != v]
            if changed:
                changes.append(
                    {
                        "table": name,
                        "id": row_id,
                        "op": "update",
                        "base": {k: old.get(k) for k in changed},
                        "new": {k: row[k] for k in changed},
                    }
                )
    for name in reversed(SYNC_TABLES):
        mine, theirs = local.get(name, {}), base.get(name, {})
        for row_id in sorted(set(theirs) - set(mine)):
            changes.append(
                {"table": name, "id": row_id, "op": "delete", "base": theirs[row_id], "new": None}
            )
    return changes


def _village_of(local: WireRows, base: WireRows, household_id: str) -> str | None:
    for rows in (local, base):
        head = rows.get("household", {}).get(household_id)
        if head is not None:
            return str(head["village_code"])
    return None


def freeze_pending(conn: Connection, *, scope: str, limit: int) -> list[Frozen]:
    """Prepare the pending changes of up to ``limit`` households for sending.

    All pending entries of a household travel as one change under the newest entry's seq.
    A household outside ``scope`` is quarantined here, never sent.
    """
    # A household with a change still on its way waits for the answer: its next change is
    # the difference from the copy the county agrees to then.
    on_the_way = select(OUTBOX.c.household_id).where(OUTBOX.c.state == "sent")
    newest = (
        select(OUTBOX.c.household_id, func.max(OUTBOX.c.seq).label("seq"))
        .where(OUTBOX.c.state == "pending", OUTBOX.c.household_id.not_in(on_the_way))
        .group_by(OUTBOX.c.household_id)
        .order_by(func.max(OUTBOX.c.seq))
        .limit(limit)
    )
    groups = {row.household_id: row.seq for row in conn.execute(newest)}
    if not groups:
        return []
    ids = sorted(groups)
    locals_, bases = read_rows(conn, ids), read_bases(conn, ids)
    now = utcnow()
    frozen = []
    updates: list[dict[str, Any]] = []
    for hid in sorted(ids, key=groups.__getitem__):
        seq = groups[hid]
        village = _village_of(locals_[hid], bases[hid], hid)
        rows = diff_rows(hid, locals_[hid], bases[hid])
        if village is None or not rows:
            _close(conn, hid, seq, "unchanged", None, now)
            continue
        if not village.startswith(scope):
            reason = {
                "status": "rejected",
                "errors": [
                    {
                        "field": "village_code",
                        "value": village,
                        "code": "out_of_scope",
                        "message_zh": f"该户所在村{village}不在本设备的工作范围（{scope}）内",
                        "message_en": f"village {village} is outside this device's scope ({scope})",
                    }
                ],
            }
            _close(conn, hid, seq, "quarantined", reason, now)
            continue
        payload = {"seq": seq, "household_id": hid, "village_code": village, "rows": rows}
        text = canonical_text(payload)
        sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
        updates.append({"b_seq": seq, "b_payload": text, "b_sha": sha, "b_hid": hid})
        frozen.append(Frozen(seq, hid, payload, sha, text))
    if updates:
        conn.execute(
            update(OUTBOX)
            .where(OUTBOX.c.seq == bindparam("b_seq"))
            .values(
                state="sent", payload=bindparam("b_payload"), payload_sha256=bindparam("b_sha")
            ),
            updates,
        )
        conn.execute(
            update(OUTBOX)
            .where(
                OUTBOX.c.household_id == bindparam("b_hid"),
                OUTBOX.c.state == "pending",
                OUTBOX.c.seq < bindparam("b_seq"),
            )
            .values(state="merged", merged_into=bindparam("b_seq")),
            [{"b_hid": u["b_hid"], "b_seq": u["b_seq"]} for u in updates],
        )
    return frozen


def _close(conn: Connection, hid: str, seq: int, state: str, result: Any, now: datetime) -> None:
    conn.execute(
        update(OUTBOX)
        .where(OUTBOX.c.seq == seq)
        .values(state=state, result=result, answered_at=now)
    )
    conn.execute(
        update(OUTBOX)
        .where(OUTBOX.c.household_id == hid, OUTBOX.c.state == "pending", OUTBOX.c.seq < seq)
        .values(state="merged", merged_into=seq)
    )


def unanswered(conn: Connection, *, limit: int | None = None) -> list[Frozen]:
    """Changes sent (or exported) that the county has not answered yet, oldest first."""
    query = select(OUTBOX).where(OUTBOX.c.state == "sent").order_by(OUTBOX.c.seq)
    if limit is not None:
        query = query.limit(limit)
    return [
        Frozen(r.seq, r.household_id, json.loads(r.payload), r.payload_sha256, r.payload)
        for r in conn.execute(query)
    ]


def unanswered_seqs(conn: Connection) -> list[int]:
    """The sequence numbers of changes sent (or exported) and not answered, oldest first."""
    query = select(OUTBOX.c.seq).where(OUTBOX.c.state == "sent").order_by(OUTBOX.c.seq)
    return list(conn.execute(query).scalars())


def frozen(conn: Connection, seqs: Sequence[int]) -> list[Frozen]:
    """The frozen changes with these sequence numbers that are still unanswered."""
    query = (
        select(OUTBOX)
        .where(OUTBOX.c.seq.in_(list(seqs)), OUTBOX.c.state == "sent")
        .order_by(OUTBOX.c.seq)
    )
    return [
        Frozen(r.seq, r.household_id, json.loads(r.payload), r.payload_sha256, r.payload)
        for r in conn.execute(query)
    ]


def count_open(conn: Connection) -> int:
    """How many households have changes not yet answered by the county."""
    query = select(func.count(func.distinct(OUTBOX.c.household_id))).where(
        OUTBOX.c.state.in_(OPEN_STATES)
    )
    return int(conn.execute(query).scalar_one())


def requeue(conn: Connection, seq: int) -> bool:
    """Send a quarantined change again (after the worker fixed the household): it becomes
    a new pending change under a new sequence number. False if ``seq`` is not quarantined."""
    row = conn.execute(
        select(OUTBOX.c.household_id).where(OUTBOX.c.seq == seq, OUTBOX.c.state == "quarantined")
    ).first()
    if row is None:
        return False
    conn.execute(
        OUTBOX.insert().values(household_id=row.household_id, kind="resend", state="pending")
    )
    conn.execute(update(OUTBOX).where(OUTBOX.c.seq == seq).values(state="superseded"))
    return True


def supersede_quarantined(conn: Connection, household_ids: Sequence[str]) -> None:
    """A later change of these households reached the county: older refusals are carried."""
    for start in range(0, len(household_ids), 500):
        conn.execute(
            update(OUTBOX)
            .where(
                OUTBOX.c.household_id.in_(household_ids[start : start + 500]),
                OUTBOX.c.state == "quarantined",
            )
            .values(state="superseded")
        )


def pending_document(conn: Connection, device_id: str) -> dict[str, Any]:
    """Every unanswered change, as the file ``sync --export-pending`` writes."""
    return {
        "format": "caseworker.sync-pending/1",
        "protocol": PROTOCOL,
        "device_id": device_id,
        "exported_at": utcnow().isoformat(),
        "changes": [f.payload for f in unanswered(conn)],
    }
