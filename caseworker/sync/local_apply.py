"""Applying a pull page to the laptop store: one transaction per page, cursor included.

Each household arrives whole. Where the worker has not touched a field since the last
agreed copy, the county's value is taken; a field edited here and not yet sent keeps the
local value (it goes up with the next push). The last agreed copy becomes the county's.
"""

from typing import Any

from sqlalchemy import Connection, select, update
from sqlalchemy.exc import IntegrityError

from caseworker.domain.codes import RegionLevel
from caseworker.domain.regions import Region
from caseworker.interchange.legacy_observations import convert_visit
from caseworker.store.db import write_setting
from caseworker.store.regions import add_regions
from caseworker.store.tables import POLICY_PACK, SETTING, SYNC_CONFLICT, utcnow
from caseworker.sync.answers import save_conflicts
from caseworker.sync.local_bulk import insert_new
from caseworker.sync.local_rows import (
    WireRows,
    delete_row,
    empty_rows,
    parse_time,
    read_bases,
    read_rows,
    read_versions,
    reindex,
    set_applying,
    write_base,
    write_row,
)
from caseworker.sync.schemas import HouseholdBundle, PullResponse
from caseworker.sync.wire import SYNC_TABLES

CURSOR = "sync.cursor"
POLICY_CURSOR = "sync.policy_cursor"


def _merged(
    local: dict[str, Any], base: dict[str, Any] | None, theirs: dict[str, Any]
) -> dict[str, Any]:
    if base is None:
        return dict(theirs)
    return {
        k: (local[k] if k in local and local[k] != base.get(k) else v) for k, v in theirs.items()
    }


def _apply_household(
    conn: Connection,
    bundle: HouseholdBundle,
    local: WireRows,
    base: WireRows,
    versions: dict[str, int],
) -> bool:
    """Merge one household into the store (its agreed copy is written by the caller);
    True if any of its rows changed here."""
    changed = False
    theirs: WireRows = empty_rows()
    meta: dict[str, dict[str, Any]] = {}
    for table, rows in bundle.rows.items():
        for r in rows:
            theirs[table][r.id] = r.data
            meta[r.id] = {
                "version": r.version,
                "created_at": parse_time(r.created_at),
                "updated_at": parse_time(r.updated_at),
                "device_id": r.device_id,
            }
    # Deletes first, children before parents, so a re-added member may reuse an ID number.
    for table in reversed(SYNC_TABLES):
        for row_id in sorted(set(local[table]) - set(theirs[table])):
            old = base[table].get(row_id)
            if old is not None and old == local[table][row_id]:
                delete_row(conn, table, row_id)
                changed = True
    for table in SYNC_TABLES:
        for row_id, data in theirs[table].items():
            mine = local[table].get(row_id)
            old = base[table].get(row_id)
            if mine is None:
                if old is not None:
                    continue  # deleted here, not yet sent: the delete goes up next push
                write_row(conn, table, row_id, data, meta[row_id], exists=False)
                changed = True
                continue
            merged = _merged(mine, old, data)
            if merged != mine or meta[row_id]["version"] != versions.get(row_id):
                write_row(conn, table, row_id, merged, meta[row_id], exists=True)
                changed = True
    return changed


def _close_conflicts(conn: Connection, bundles: list[HouseholdBundle]) -> None:
    """Conflicts the county no longer lists for these households are resolved."""
    now = utcnow()
    without = [b.id for b in bundles if not b.conflicts]
    for start in range(0, len(without), 500):
        conn.execute(
            update(SYNC_CONFLICT)
            .where(
                SYNC_CONFLICT.c.household_id.in_(without[start : start + 500]),
                SYNC_CONFLICT.c.resolved_at.is_(None),
            )
            .values(resolved_at=now)
        )
    for bundle in bundles:
        if bundle.conflicts:
            save_conflicts(conn, bundle.conflicts)
            conn.execute(
                update(SYNC_CONFLICT)
                .where(
                    SYNC_CONFLICT.c.household_id == bundle.id,
                    SYNC_CONFLICT.c.resolved_at.is_(None),
                    SYNC_CONFLICT.c.id.not_in([c.id for c in bundle.conflicts]),
                )
                .values(resolved_at=now)
            )


def _note_refused(conn: Connection, bundle: HouseholdBundle, exc: Exception) -> None:
    """A county household that cannot be stored here (an ID number this laptop holds in
    another household): kept visible as a conflict, never silently dropped."""
    conn.execute(
        SYNC_CONFLICT.insert().prefix_with("OR REPLACE"),
        {
            "id": bundle.id,
            "household_id": bundle.id,
            "table_name": "household",
            "row_id": bundle.id,
            "field": HELD,
            "kept_value": bundle.seq,
            "other_value": str(exc.__cause__ or exc)[:500],
            "other_device": "",
            "created_at": utcnow(),
            "resolution_sent": True,
        },
    )


HELD = "__household__"


def retry_held(conn: Connection) -> None:
    """Households that could not be stored before are fetched again: move the cursor back
    to the first of them (the others on the way are applied again, which changes nothing)."""
    held = conn.execute(
        select(SYNC_CONFLICT.c.id, SYNC_CONFLICT.c.kept_value).where(
            SYNC_CONFLICT.c.field == HELD, SYNC_CONFLICT.c.resolved_at.is_(None)
        )
    ).all()
    if not held:
        return
    first = min(int(row.kept_value) for row in held)
    cursor = conn.execute(select(SETTING.c.value).where(SETTING.c.key == CURSOR)).scalar()
    write_setting(conn, CURSOR, str(min(int(cursor or 0), first - 1)))
    conn.execute(
        update(SYNC_CONFLICT)
        .where(SYNC_CONFLICT.c.id.in_([row.id for row in held]))
        .values(resolved_at=utcnow())
    )


def _agreed(bundle: HouseholdBundle) -> WireRows:
    theirs = empty_rows()
    for table, rows in bundle.rows.items():
        for r in rows:
            theirs[table][r.id] = r.data
    return theirs


def _typed_visits(bundles: list[HouseholdBundle]) -> None:
    """Visits from a county server not yet upgraded still have free-form observations:
    converted here exactly as the upgrade converts the county's own (county migration 0005,
    store migration 0006), so they are stored typed and agree with the county's copy once
    it is upgraded. Typed visits come through unchanged."""
    for bundle in bundles:
        visits = bundle.rows.get("visit")
        if not visits:
            continue
        names = {r.id: str(r.data.get("name", "")) for r in bundle.rows.get("member", ())}
        for r in visits:
            typed, notes = convert_visit(r.data.get("observations"), r.data.get("notes"), names)
            if typed != r.data.get("observations") or notes != (r.data.get("notes") or ""):
                r.data = {**r.data, "observations": typed, "notes": notes}


def apply_page(conn: Connection, page: PullResponse) -> int:
    """Store one pull page and advance the cursors (inside the caller's transaction)."""
    _typed_visits(page.households)
    set_applying(conn, True)
    if page.regions:
        add_regions(
            conn,
            [Region(r.code, r.name, RegionLevel(r.level), r.parent_code) for r in page.regions],
        )
    ids = [b.id for b in page.households]
    locals_, bases = read_rows(conn, ids), read_bases(conn, ids)
    # Never held here (no row, no agreed copy): nothing to merge, stored in bulk.
    fresh = [
        b
        for b in page.households
        if not locals_[b.id]["household"] and not any(bases[b.id].values())
    ]
    applied: list[str] = []
    if fresh:
        try:
            with conn.begin_nested():
                insert_new(conn, fresh)
            applied.extend(b.id for b in fresh)
        except IntegrityError:
            fresh = []  # one of them clashes with a household here: one by one, below
    done = set(applied)
    versions = read_versions(conn, [hid for hid in ids if hid not in done])
    new: set[str] = set()
    changed: list[str] = []
    merged: list[HouseholdBundle] = []
    for bundle in page.households:
        if bundle.id in done:
            continue
        try:
            with conn.begin_nested():
                local = locals_[bundle.id]
                if _apply_household(conn, bundle, local, bases[bundle.id], versions):
                    changed.append(bundle.id)
                    if not local["household"]:
                        new.add(bundle.id)
                write_base(conn, bundle.id, _agreed(bundle), bundle.seq)
                applied.append(bundle.id)
                merged.append(bundle)
        except IntegrityError as exc:
            _note_refused(conn, bundle, exc)
    _close_conflicts(conn, merged)
    for p in page.policies:
        known = conn.execute(
            select(POLICY_PACK.c.sha256).where(
                POLICY_PACK.c.id == p.id, POLICY_PACK.c.version == p.version
            )
        ).first()
        if known is None:
            conn.execute(
                POLICY_PACK.insert().values(
                    id=p.id, version=p.version, sha256=p.sha256, text=p.text, received_at=utcnow()
                )
            )
    reindex(conn, changed, new)
    write_setting(conn, CURSOR, str(page.next_cursor))
    write_setting(conn, POLICY_CURSOR, str(page.policy_cursor))
    set_applying(conn, False)
    return len(applied)
