"""The audit trail: who created, changed, deleted, viewed, printed, exported or synced which
record, when, with the old and new values of every changed field.

Entries are only ever appended. Each holds the hash of the one before it, so changing or
removing an entry breaks the chain from there on; ``verify_chain`` finds the first break.
Entries are written in the same transaction as the change they describe.

Someone holding the key can do more than the chain shows: rewrite an entry and re-hash
all after it, or delete the last entries. ``verify_trail`` finds those too, as far as the
laptop can: against the hash of every entry the county acknowledged at a sync
(``acknowledge``), and against the newest entry written (the ``HEAD`` setting, kept with
each append), so entries removed from the end are named. Someone who also rewrites those
records is found only by the county, whose copy refuses any synced entry that differs.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import Connection, Dialect, func, select

from caseworker.domain.audit_chain import (
    GENESIS,
    AuditEntry,
    canonical,
    entry_hash,
    verify_chain,
)
from caseworker.store.bulk import insert_sql, params_converter
from caseworker.store.db import write_setting
from caseworker.store.tables import AUDIT, AUDIT_ACK, SETTING, new_id, utcnow

# The columns of one appended entry, then those every entry of one append shares.
ENTRY_COLUMNS = ("id", "action", "household_id", "detail", "prev_hash", "hash")
SHARED_COLUMNS = ("at", "device_id", "actor")
# The setting that names the newest entry written: "<seq> <hash>".
HEAD = "audit.head"


class Action(StrEnum):
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    VIEW = "view"
    PRINT = "print"
    EXPORT = "export"
    IMPORT = "import"
    SYNC = "sync"
    SIGN_IN = "sign_in"


def last_hash(conn: Connection) -> str:
    """The hash of the newest entry (``GENESIS`` when there is none)."""
    last = conn.execute(select(AUDIT.c.hash).order_by(AUDIT.c.seq.desc()).limit(1)).scalar()
    return last or GENESIS


def record(
    conn: Connection,
    *,
    device_id: str,
    actor: str,
    action: Action,
    household_id: str | None = None,
    detail: dict[str, Any] | None = None,
) -> None:
    """Append one entry (inside the caller's transaction)."""
    record_many(
        conn, device_id=device_id, actor=actor, entries=[(action, household_id, detail or {})]
    )


def chain_rows(
    entries: Iterable[tuple[Action, str | None, dict[str, Any]]],
    *,
    prev: str,
    at: datetime,
    device_id: str,
    actor: str,
) -> list[dict[str, Any]]:
    """The rows of ``entries`` appended after the entry whose hash is ``prev`` (without
    the columns every row of one append shares: ``at``, ``device_id``, ``actor``)."""
    rows = []
    for action, household_id, detail in entries:
        entry_id, plain = new_id(), canonical(detail)
        digest = entry_hash(
            id=entry_id,
            at=at,
            device_id=device_id,
            actor=actor,
            action=action.value,
            household_id=household_id,
            detail=plain,
            prev_hash=prev,
        )
        rows.append(
            {
                "id": entry_id,
                "action": action.value,
                "household_id": household_id,
                "detail": plain,
                "prev_hash": prev,
                "hash": digest,
            }
        )
        prev = digest
    return rows


class ChainPreparer:
    """Audit entries as rows ready to bind, chained on from the entry whose hash is
    ``prev``: pure (no connection), so a large import's worker process can prepare them."""

    def __init__(
        self, *, prev: str, at: datetime, device_id: str, actor: str, dialect: Dialect
    ) -> None:
        self.prev = prev
        self._at, self._device_id, self._actor = at, device_id, actor
        shared = {"at": at, "device_id": device_id, "actor": actor}
        self._to_params = params_converter(AUDIT, ENTRY_COLUMNS, shared, dialect)

    def prepare(
        self, entries: Iterable[tuple[Action, str | None, dict[str, Any]]]
    ) -> list[tuple[Any, ...]]:
        """The rows of ``entries``, appended after every entry prepared before."""
        rows = chain_rows(
            entries, prev=self.prev, at=self._at, device_id=self._device_id, actor=self._actor
        )
        if rows:
            self.prev = rows[-1]["hash"]
        return [self._to_params(row) for row in rows]


def insert_prepared(conn: Connection, params: Sequence[tuple[Any, ...]]) -> None:
    """Append entries prepared by a ``ChainPreparer`` (inside the caller's transaction)."""
    if params:
        conn.exec_driver_sql(insert_sql(AUDIT, (*ENTRY_COLUMNS, *SHARED_COLUMNS)), params)
        _note_head(conn)


def _note_head(conn: Connection) -> None:
    """Record the newest entry, so that deleting entries from the end is seen."""
    newest = conn.execute(
        select(AUDIT.c.seq, AUDIT.c.hash).order_by(AUDIT.c.seq.desc()).limit(1)
    ).first()
    if newest is not None:
        write_setting(conn, HEAD, f"{newest.seq} {newest.hash}")


def record_many(
    conn: Connection,
    *,
    device_id: str,
    actor: str,
    entries: Iterable[tuple[Action, str | None, dict[str, Any]]],
) -> None:
    """Append several entries in order, one bulk insert (imports of many households)."""
    if not conn.dialect.has_table(conn, "audit"):
        return  # a store still at an earlier schema (migrations in progress)
    chain = ChainPreparer(
        prev=last_hash(conn), at=utcnow(), device_id=device_id, actor=actor, dialect=conn.dialect
    )
    insert_prepared(conn, chain.prepare(entries))


def row_changes(
    old: dict[str, dict[str, Any]], new: dict[str, dict[str, Any]]
) -> list[dict[str, Any]]:
    """Field-level changes between two versions of a household's rows, by table."""
    changes: list[dict[str, Any]] = []
    for table in new.keys() | old.keys():
        before, after = old.get(table, {}), new.get(table, {})
        for row_id, row in after.items():
            prior = before.get(row_id)
            if prior is None:
                changes.append({"table": table, "id": row_id, "op": "insert", "new": row})
                continue
            fields = {k: [prior.get(k), v] for k, v in row.items() if prior.get(k) != v}
            if fields:
                changes.append({"table": table, "id": row_id, "op": "update", "fields": fields})
        for row_id in before.keys() - after.keys():
            changes.append({"table": table, "id": row_id, "op": "delete", "old": before[row_id]})
    changes.sort(key=lambda c: (c["table"], c["id"]))
    return changes


def _entry(row: Any) -> AuditEntry:
    return AuditEntry(
        row.seq,
        row.id,
        row.at,
        row.device_id,
        row.actor,
        row.action,
        row.household_id,
        dict(row.detail),
        row.prev_hash,
        row.hash,
    )


def entries(
    conn: Connection,
    *,
    household_id: str | None = None,
    after_seq: int = 0,
    limit: int | None = None,
) -> list[AuditEntry]:
    """Entries in order, optionally of one household or after a sequence number."""
    query = select(AUDIT).where(AUDIT.c.seq > after_seq).order_by(AUDIT.c.seq)
    if household_id is not None:
        query = query.where(AUDIT.c.household_id == household_id)
    if limit is not None:
        query = query.limit(limit)
    return [_entry(row) for row in conn.execute(query)]


# --- what the county acknowledged, and the whole check -----------------------------------


def acknowledge(conn: Connection, *, last_seq: int, last_hash: str) -> None:
    """Keep what the county answered to an upload: it holds every entry up to
    ``last_seq``, the last with ``last_hash``. The entries before it are kept with the
    hashes they were sent with (the county's chain check proved them); the last with the
    county's own."""
    done = conn.execute(select(func.max(AUDIT_ACK.c.seq))).scalar() or 0
    if last_seq <= done:
        return
    conn.execute(
        AUDIT_ACK.insert().from_select(
            ["seq", "hash"],
            select(AUDIT.c.seq, AUDIT.c.hash).where(AUDIT.c.seq > done, AUDIT.c.seq < last_seq),
        )
    )
    conn.execute(AUDIT_ACK.insert().values(seq=last_seq, hash=last_hash))


@dataclass(frozen=True, slots=True)
class TrailCheck:
    """What ``verify_trail`` found: the first problem, if any.

    ``problem`` is "altered" (entry ``broken_at`` was changed), "missing" (an entry
    before ``broken_at`` is missing or changed), "removed" (entry ``broken_at`` is gone)
    or "removed_after" (the entries after ``broken_at`` are gone). ``by_county`` says the
    county's acknowledgement showed it (the chain alone did not)."""

    entries: int
    acknowledged: int  # entries the county acknowledged holding
    broken_at: int | None = None
    problem: str = ""
    by_county: bool = False

    @property
    def ok(self) -> bool:
        return self.broken_at is None


def verify_trail(conn: Connection) -> TrailCheck:
    """Check the trail through: its hash chain, every entry the county acknowledged
    (still there, with the same hash), and the newest entry written (still there)."""
    chain = entries(conn)
    by_seq = {entry.seq: entry for entry in chain}
    newest = chain[-1].seq if chain else 0
    # (seq, order among problems at one seq, problem, found by the county's record)
    found: list[tuple[int, int, str, bool]] = []
    check = verify_chain(chain)
    if check.broken_at is not None:
        found.append((check.broken_at, 0, check.problem, False))
    acknowledged = conn.execute(select(func.max(AUDIT_ACK.c.seq))).scalar() or 0
    for seq, digest in conn.execute(select(AUDIT_ACK.c.seq, AUDIT_ACK.c.hash).order_by("seq")):
        if seq > newest:
            found.append((newest, 1, "removed_after", True))
            break
        entry = by_seq.get(seq)
        if entry is None or entry.hash != digest:
            found.append((seq, 0, "removed" if entry is None else "altered", True))
            break
    head = conn.execute(select(SETTING.c.value).where(SETTING.c.key == HEAD)).scalar()
    if head:
        seq_text, _, digest = head.partition(" ")
        head_seq = int(seq_text)
        if head_seq > newest:  # after the county's finding, which says more
            found.append((newest, 2, "removed_after", False))
        elif head_seq in by_seq and by_seq[head_seq].hash != digest:
            found.append((head_seq, 0, "altered", False))
    if not found:
        return TrailCheck(len(chain), acknowledged)
    seq, _, problem, by_county = min(found)
    return TrailCheck(len(chain), acknowledged, seq, problem, by_county)
