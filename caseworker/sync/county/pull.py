"""Pull pages: the households of a device's scope changed after its cursor, whole, in
cursor order, with their open conflicts, the regions they lie in and new policy packs."""

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

import orjson
import sqlalchemy as sa
from sqlalchemy import Connection, Engine, select

from caseworker.domain.regions import ancestors
from caseworker.sync.county.auth import Device, Refused, device_ref, in_scope
from caseworker.sync.county.tables import CONFLICT, HOUSEHOLD, POLICY, RECORD, REGION
from caseworker.sync.merge import ROW_DELETED
from caseworker.sync.schemas import ConflictOut
from caseworker.sync.wire import SYNC_TABLES

MAX_PAGE = 1000


def _iso(moment: datetime) -> str:
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    return aware.astimezone(UTC).isoformat()


_NOT_HELD = object()


def values_in_force(conn: Connection, conflicts: Sequence[Any]) -> dict[str, Any]:
    """The county's current value of each open conflict's field, by conflict id (those
    whose row is gone are left out): what a resolver must see, so a resolution made
    against a value replaced since (by another resolution) is recognised as stale."""
    wanted = [c for c in conflicts if c.field != ROW_DELETED and c.resolved_at is None]
    data: dict[str, Any] = {}
    row_ids = sorted({c.row_id for c in wanted})
    for start in range(0, len(row_ids), 500):
        query = select(RECORD.c.id, RECORD.c.data).where(
            RECORD.c.id.in_(row_ids[start : start + 500])
        )
        data.update({r.id: r.data for r in conn.execute(query)})
    out = {}
    for c in wanted:
        row = data.get(c.row_id)
        value = row.get(c.field, _NOT_HELD) if isinstance(row, dict) else _NOT_HELD
        if value is not _NOT_HELD:
            out[c.id] = value
    return out


def conflict_out(
    row: Any, viewer: Device | None = None, in_force: dict[str, Any] | None = None
) -> ConflictOut:
    """A stored conflict in its wire form, as ``viewer`` sees it (None: the county's own
    view, device ids as they are); ``in_force`` replaces the kept value by the current one."""
    kept = (in_force or {}).get(row.id, row.kept_value)
    return ConflictOut(
        id=row.id,
        household_id=row.household_id,
        table=row.table_name,
        row_id=row.row_id,
        field=row.field,
        kept_value=kept,
        other_value=row.other_value,
        other_device=device_ref(viewer, row.other_device) if viewer else row.other_device,
        created_at=_iso(row.created_at),
        resolved=row.resolved_at is not None,
        resolution=row.resolution,
        note=row.note or "",
    )


def bundles(conn: Connection, households: Sequence[Any], viewer: Device) -> list[dict[str, Any]]:
    """The full county copy of each household row given (id, seq, village_code), in the
    form of ``HouseholdBundle``, as ``viewer`` sees it (other devices' ids as references).
    Each record's content is passed on as the JSON text the
    county stores (an ``orjson.Fragment``): it is written into the page as it is, never
    read and written again."""
    ids = [h.id for h in households]
    rows: dict[str, dict[str, list[dict[str, Any]]]] = {hid: {} for hid in ids}
    conflicts: dict[str, list[dict[str, Any]]] = {hid: [] for hid in ids}
    refs: dict[str, str] = {}  # device id -> how the viewer sees it, worked out once
    if ids:
        data = sa.cast(RECORD.c.data, sa.Text)  # the stored text, not parsed
        query = (
            select(
                RECORD.c.id,
                RECORD.c.household_id,
                RECORD.c.table_name,
                RECORD.c.version,
                RECORD.c.created_at,
                RECORD.c.updated_at,
                RECORD.c.device_id,
                data.label("data"),
            )
            .where(RECORD.c.household_id.in_(ids))
            .order_by(RECORD.c.id)
        )
        for r in conn.execute(query):
            rows[r.household_id].setdefault(r.table_name, []).append(
                {
                    "id": r.id,
                    "version": r.version,
                    "created_at": _iso(r.created_at),
                    "updated_at": _iso(r.updated_at),
                    "device_id": refs.get(r.device_id)
                    or refs.setdefault(r.device_id, device_ref(viewer, r.device_id)),
                    "data": orjson.Fragment(r.data),
                }
            )
        query = (
            select(CONFLICT)
            .where(CONFLICT.c.household_id.in_(ids), CONFLICT.c.resolved_at.is_(None))
            .order_by(CONFLICT.c.created_at, CONFLICT.c.id)
        )
        found = list(conn.execute(query))
        in_force = values_in_force(conn, found)
        for c in found:
            conflicts[c.household_id].append(
                conflict_out(c, viewer, in_force).model_dump(mode="json")
            )
    return [
        {
            "id": h.id,
            "seq": h.seq,
            "village_code": h.village_code,
            "rows": {t: rows[h.id][t] for t in SYNC_TABLES if t in rows[h.id]},
            "conflicts": conflicts[h.id],
        }
        for h in households
    ]


def _prefix_range(prefix: str) -> tuple[str, str]:
    return prefix, prefix + "9" * (12 - len(prefix))


def pull_page(
    engine: Engine,
    device: Device,
    *,
    after: int,
    limit: int,
    policy_after: int = 0,
    village: str | None = None,
) -> bytes:
    """One page of what changed in the device's scope after cursor ``after``: the JSON
    text of a ``PullResponse``, written in one go (no model object per row)."""
    prefix = device.scope
    if village:
        if not (village.isdigit() and in_scope(device.scope, village)):
            raise Refused(
                403,
                f"{village}不在本设备的工作范围（{device.scope}）内",
                f"{village} is outside this device's scope ({device.scope})",
            )
        prefix = village
    limit = max(1, min(limit, MAX_PAGE))
    lo, hi = _prefix_range(prefix)
    with engine.connect() as conn:
        query = (
            select(HOUSEHOLD.c.id, HOUSEHOLD.c.seq, HOUSEHOLD.c.village_code)
            .where(
                HOUSEHOLD.c.seq > after,
                HOUSEHOLD.c.village_code >= lo,
                HOUSEHOLD.c.village_code <= hi,
            )
            .order_by(HOUSEHOLD.c.seq)
            .limit(limit)
        )
        households = list(conn.execute(query))
        page = bundles(conn, households, device)
        wanted: set[str] = set()
        for h in households:
            wanted.add(h.village_code)
            wanted.update(ancestors(h.village_code))
        regions = [
            {"code": r.code, "name": r.name, "level": r.level, "parent_code": r.parent_code}
            for r in conn.execute(select(REGION).where(REGION.c.code.in_(sorted(wanted))))
        ]
        policies = [
            {
                "id": p.id,
                "version": p.version,
                "county": p.county,
                "sha256": p.sha256,
                "text": p.text,
                "seq": p.seq,
            }
            for p in conn.execute(
                select(POLICY)
                .where(POLICY.c.county == device.scope[:6], POLICY.c.seq > policy_after)
                .order_by(POLICY.c.seq)
            )
        ]
    return orjson.dumps(
        {
            "households": page,
            "regions": sorted(regions, key=lambda r: len(r["code"])),
            "policies": policies,
            "next_cursor": households[-1].seq if households else after,
            "policy_cursor": policies[-1]["seq"] if policies else policy_after,
            "more": len(households) == limit,
        }
    )
