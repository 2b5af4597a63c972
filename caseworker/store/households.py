"""Saving and loading households in the local store.

Writes are all-or-nothing: every household of an import is checked first (against the
store and the rest of the batch, ``household_checks``), then written in one transaction;
any error leaves the database exactly as it was. Each row written gets the sync metadata
(device id, timestamps, version), and a row whose content changes gets its version
counter raised. Every household added or changed gets an entry in the outbox (one bulk
statement for an import), numbered per device, for the county sync to send.
"""

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, func, select
from sqlalchemy.exc import IntegrityError

from caseworker.domain.bulk import gc_paused
from caseworker.domain.codes import FINAL_STAGES, Program
from caseworker.domain.records import Household
from caseworker.domain.regions import Region
from caseworker.domain.validation import ValidationFailed
from caseworker.interchange.household_assembly import assemble_household
from caseworker.interchange.household_rows import TABLE_ORDER, Row, household_rows
from caseworker.store import audit
from caseworker.store.bulk import bulk_insert, insert_sql
from caseworker.store.db import Store
from caseworker.store.household_checks import batch_errors, conflict_errors, signed_visit_errors
from caseworker.store.prepared import (
    COLUMNS,
    TABLES,
    PreparedRows,
    RowPreparer,
    created_detail,
    household_key,
)
from caseworker.store.regions import add_regions
from caseworker.store.search import (
    fill_full_text,
    insert_index_rows,
    last_index_rowid,
    reindex_household,
)
from caseworker.store.tables import OUTBOX, utcnow

CHILD_TABLES = TABLE_ORDER[1:]
_META = ("created_at", "updated_at", "device_id", "version")
_CHUNK = 500
BULK = 1000  # households in one save above which the bulk page cache is used


@dataclass(frozen=True, slots=True)
class ImportResult:
    added: int
    updated: int
    unchanged: int


def _with_meta(rows: list[Row], device_id: str, now: datetime) -> list[Row]:
    meta = {"created_at": now, "updated_at": now, "device_id": device_id, "version": 1}
    return [{**row, **meta} for row in rows]


def insert_prepared(conn: Connection, rows: PreparedRows) -> None:
    """Insert the prepared rows of new households: one statement per table, then their
    index rows (``fill_full_text`` indexes them afterwards)."""
    for name in TABLE_ORDER:
        params = rows.tables[name]
        if params:
            conn.exec_driver_sql(insert_sql(TABLES[name], COLUMNS[name]), params)
    insert_index_rows(conn, rows.index)


def insert_new(conn: Connection, households: Sequence[Household], *, device_id: str) -> None:
    """Insert households known not to be in the store yet (bulk, one statement per table)."""
    if not households:
        return
    now = utcnow()
    before = last_index_rowid(conn)
    insert_prepared(conn, RowPreparer(device_id, now, conn.dialect).prepare(households))
    fill_full_text(conn, before)
    record_changes(conn, [h.id for h in households], kind="insert", now=now)


def _has_outbox(conn: Connection) -> bool:
    # A store still at an earlier schema (opened with ``revision=``) has no outbox; the
    # upgrade that adds it enters every household then.
    return bool(conn.dialect.has_table(conn, "outbox"))


def record_changes(
    conn: Connection, household_ids: Sequence[str], *, kind: str, now: datetime | None = None
) -> None:
    """Put local changes of these households in the outbox (inside the caller's
    transaction, so a change and its outbox entry are written together or not at all). A
    household with an entry already pending needs no second: a sync sends its difference
    from the county's copy, however many times it changed."""
    if not household_ids or not _has_outbox(conn):
        return
    pending: set[str] = set()
    for start in range(0, len(household_ids), _CHUNK):
        chunk = household_ids[start : start + _CHUNK]
        pending.update(
            conn.execute(
                select(OUTBOX.c.household_id).where(
                    OUTBOX.c.state == "pending", OUTBOX.c.household_id.in_(chunk)
                )
            ).scalars()
        )
    rows = [{"household_id": hid} for hid in household_ids if hid not in pending]
    if not rows:
        return
    constants = {"kind": kind, "recorded_at": now or utcnow(), "state": "pending"}
    bulk_insert(conn, OUTBOX, rows, constants)


def _stored_rows(
    conn: Connection, household_ids: Sequence[str]
) -> dict[str, dict[str, dict[str, Row]]]:
    """The stored rows of each of these households, by table and row id: one query per
    table for them all (a re-import compares thousands of households)."""
    stored: dict[str, dict[str, dict[str, Row]]] = {
        hid: {name: {} for name in TABLE_ORDER} for hid in household_ids
    }
    for name in TABLE_ORDER:
        table = TABLES[name]
        owner = table.c.id if name == "household" else table.c.household_id
        for r in conn.execute(select(table).where(owner.in_(household_ids))).mappings():
            row = dict(r)
            stored[row["id"] if name == "household" else row["household_id"]][name][row["id"]] = row
    return stored


def _update_existing(
    conn: Connection, h: Household, stored: dict[str, dict[str, Row]], device_id: str
) -> list[dict[str, Any]]:
    """Bring one stored household to ``h``; the field-level changes (empty if none)."""
    now = utcnow()
    new_rows = household_rows(h)
    changed = False
    # Deletes first, children before parents, so a re-added member may reuse an ID number.
    for name in reversed(TABLE_ORDER):
        gone = set(stored[name]) - {r["id"] for r in new_rows[name]}
        if gone:
            conn.execute(TABLES[name].delete().where(TABLES[name].c.id.in_(gone)))
            changed = True
    for name in TABLE_ORDER:
        table = TABLES[name]
        for row in new_rows[name]:
            old = stored[name].get(row["id"])
            if old is None:
                conn.execute(table.insert(), _with_meta([row], device_id, now))
                changed = True
            elif any(old[k] != v for k, v in row.items()):
                values = {
                    **row,
                    "updated_at": now,
                    "device_id": device_id,
                    "version": old["version"] + 1,
                }
                conn.execute(table.update().where(table.c.id == row["id"]).values(values))
                changed = True
    if not changed:
        return []
    reindex_household(conn, h)
    record_changes(conn, [h.id], kind="update", now=now)
    before = {
        name: {rid: {k: row[k] for k in _content_keys(name)} for rid, row in rows.items()}
        for name, rows in stored.items()
    }
    after = {name: {r["id"]: r for r in rows} for name, rows in new_rows.items()}
    return audit.row_changes(before, after)


def _content_keys(table: str) -> list[str]:
    return [c.name for c in TABLES[table].columns if c.name not in _META]


def save_households(
    store: Store, households: Iterable[Household], *, regions: Iterable[Region] = ()
) -> ImportResult:
    """Add new households and update stored ones (adding ``regions`` first), all or nothing.

    Raises ValidationFailed (and writes nothing) if a village code is unknown, an ID number
    belongs to another household, a record id is used elsewhere, or a signed visit would
    change.
    """
    households = list(households)
    added = updated = unchanged = 0
    with gc_paused(), store.bulk() if len(households) > BULK else store.begin() as conn:
        add_regions(conn, regions)
        errors = batch_errors(conn, [household_key(h) for h in households])
        if errors:
            raise ValidationFailed(errors)
        household = TABLES["household"]
        ids = [h.id for h in households]
        existing: set[str] = set()
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            existing.update(
                conn.execute(select(household.c.id).where(household.c.id.in_(chunk))).scalars()
            )
        new = [h for h in households if h.id not in existing]
        trail: list[tuple[audit.Action, str | None, dict[str, Any]]] = []
        try:
            with conn.begin_nested():
                known = [h for h in households if h.id in existing]
                for start in range(0, len(known), _CHUNK):
                    batch = known[start : start + _CHUNK]
                    stored_batch = _stored_rows(conn, [h.id for h in batch])
                    for h in batch:
                        stored = stored_batch[h.id]
                        errors = signed_visit_errors(h, stored["visit"])
                        if errors:
                            raise ValidationFailed(errors)
                        changes = _update_existing(conn, h, stored, store.device_id)
                        if changes:
                            updated += 1
                            trail.append((audit.Action.UPDATE, h.id, {"changes": changes}))
                        else:
                            unchanged += 1
                insert_new(conn, new, device_id=store.device_id)
                added = len(new)
                trail.extend(
                    (audit.Action.CREATE, h.id, created_detail(household_key(h))) for h in new
                )
                audit.record_many(conn, device_id=store.device_id, actor=store.actor, entries=trail)
        except IntegrityError as exc:
            errors = conflict_errors(conn, households)
            if not errors:
                raise
            raise ValidationFailed(errors) from exc
    return ImportResult(added=added, updated=updated, unchanged=unchanged)


def save_household(store: Store, household: Household) -> bool:
    """Save one household (new or changed); True if the store changed."""
    result = save_households(store, [household])
    return result.added + result.updated > 0


def _children(
    conn: Connection, ids: Sequence[str], *, every_one_between: bool
) -> dict[str, dict[str, list[Row]]]:
    """Child rows of the households ``ids`` (in id order), by household.

    With ``every_one_between`` the ids are all the households from the first to the last,
    and one range of the index finds their rows; otherwise (one village's households, a
    few among a county's) the rows are looked up household by household through the index:
    a range would cover nearly the whole table, random ids being spread all over it.
    """
    wanted = set(ids)
    out: dict[str, dict[str, list[Row]]] = {}
    for name in CHILD_TABLES:
        table = TABLES[name]
        order = (
            (table.c.household_id, table.c.date, table.c.id)
            if name == "visit"
            else (table.c.household_id, table.c.position)
        )
        if name == "application_stage":
            order = (table.c.household_id, table.c.application_id, table.c.position)
        owner = table.c.household_id
        which = owner.between(ids[0], ids[-1]) if every_one_between else owner.in_(ids)
        query = select(table).where(which).order_by(*order)
        for row in conn.execute(query).mappings():
            hid = row["household_id"]
            if hid in wanted:
                out.setdefault(hid, {}).setdefault(name, []).append(row)  # type: ignore[arg-type]
    return out


def household_ids(conn: Connection, *, village_codes: Sequence[str] | None = None) -> list[str]:
    """The ids of every household (or of these villages', through the village index), in
    id order."""
    household = TABLES["household"]
    query = select(household.c.id).order_by(household.c.id)
    if village_codes is not None:
        query = query.where(household.c.village_code.in_(list(village_codes)))
    return list(conn.execute(query).scalars())


def household_villages(
    conn: Connection, *, village_codes: Sequence[str] | None = None
) -> list[str]:
    """The codes of the villages that have households (of these villages only, if given)."""
    household = TABLES["household"]
    query = select(household.c.village_code).distinct().order_by(household.c.village_code)
    if village_codes is not None:
        query = query.where(household.c.village_code.in_(list(village_codes)))
    return list(conn.execute(query).scalars())


def iter_households(
    conn: Connection, *, village_codes: Sequence[str] | None = None, chunk: int = _CHUNK
) -> Iterator[Household]:
    """Every household (optionally of some villages), by id, read in chunks."""
    household = TABLES["household"]
    last = ""
    while True:
        query = select(household).where(household.c.id > last).order_by(household.c.id).limit(chunk)
        if village_codes is not None:
            query = query.where(household.c.village_code.in_(list(village_codes)))
        rows = list(conn.execute(query).mappings())
        if not rows:
            return
        ids = [r["id"] for r in rows]
        children = _children(conn, ids, every_one_between=village_codes is None)
        for row in rows:
            yield assemble_household(row, children.get(row["id"], {}))
        last = rows[-1]["id"]


def households_applying(
    conn: Connection, programs: Sequence[Program], *, scope: str | None
) -> list[str]:
    """The ids of the households in ``scope`` (a region code prefix; None: all) with an
    application for one of ``programs`` still under way, in id order."""
    application, household = TABLES["application"], TABLES["household"]
    query = (
        select(application.c.household_id)
        .join(household, household.c.id == application.c.household_id)
        .where(
            application.c.stage.not_in([s.value for s in FINAL_STAGES]),
            application.c.program.in_([p.value for p in programs]),
        )
        .distinct()
        .order_by(application.c.household_id)
    )
    if scope:
        query = query.where(household.c.village_code.startswith(scope))
    return list(conn.execute(query).scalars())


def load_households(conn: Connection, household_ids: Sequence[str]) -> Iterator[Household]:
    """The households of ``household_ids`` that exist, read in chunks (in id order within
    each chunk): many households at the cost of a few queries."""
    household = TABLES["household"]
    wanted = list(household_ids)
    for start in range(0, len(wanted), _CHUNK):
        ids = wanted[start : start + _CHUNK]
        rows = list(
            conn.execute(
                select(household).where(household.c.id.in_(ids)).order_by(household.c.id)
            ).mappings()
        )
        children = _children(conn, [r["id"] for r in rows], every_one_between=False)
        for row in rows:
            yield assemble_household(row, children.get(row["id"], {}))


def load_household(conn: Connection, household_id: str) -> Household | None:
    """One household, or None if there is no such id."""
    household = TABLES["household"]
    row = conn.execute(select(household).where(household.c.id == household_id)).mappings().first()
    if row is None:
        return None
    children = _children(conn, [household_id], every_one_between=True)
    return assemble_household(row, children.get(household_id, {}))


def count_households(conn: Connection, *, village_code: str | None = None) -> int:
    household = TABLES["household"]
    query = select(func.count()).select_from(household)
    if village_code:
        query = query.where(household.c.village_code == village_code)
    return int(conn.execute(query).scalar_one())
