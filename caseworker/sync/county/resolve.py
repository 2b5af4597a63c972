"""Settling conflicts with the values laptops chose (``POST /v1/conflicts/resolve``).

A resolution is a change like any other: the chosen value goes through the checks of a
push (scope, every value, the household's rules, ID numbers unique in the county), and
is stored with the household's new cursor number, all in the request's transaction. It
also says which value it was chosen against (``base``, the value the resolver saw in
force): when the field holds something else now (another resolution, or a push, came
first), it is refused rather than undoing that. A refused resolution leaves the conflict
open, with the reason in its note, and is answered with the reason.
"""

from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import Connection, Engine, select, update

from caseworker.interchange.jsontext import canonical_json
from caseworker.sync.county.auth import Device, Refused, in_scope
from caseworker.sync.county.change import apply_change
from caseworker.sync.county.db import lock_households, take_numbers
from caseworker.sync.county.records import load_states, preload_owners, write_states
from caseworker.sync.county.tables import CONFLICT, HOUSEHOLD, RECORD
from caseworker.sync.merge import ROW_DELETED
from caseworker.sync.schemas import Change, RefusedResolution, Resolution, ResolveResponse
from caseworker.sync.wire import where_row

Reason = tuple[str, str]


def bump(conn: Connection, household_id: str) -> None:
    """Give a household a new cursor number, so every laptop pulls it again."""
    seq = take_numbers(conn, "household", 1)
    conn.execute(update(HOUSEHOLD).where(HOUSEHOLD.c.id == household_id).values(seq=seq))


def _shown(value: Any) -> str:
    return value if isinstance(value, str) else canonical_json(value)


def _stale(c: Any, base: Any, current: Any) -> Reason:
    zh, en = where_row(c.table_name, c.row_id)
    return (
        f"{zh}：{c.field}：解决冲突时看到的值“{_shown(base)}”已被改为“{_shown(current)}”"
        "（可能有人先解决了），请同步后重新处理",
        f"{en}: {c.field}: the value seen when resolving ('{_shown(base)}') has since become "
        f"'{_shown(current)}' (someone resolved it first); sync and resolve it again",
    )


def _settle(
    conn: Connection, device: Device, c: Any, item: Resolution, now: datetime
) -> Reason | None:
    """Set a field conflict's chosen value, checked as a push is; the reason if refused."""
    if "base" not in item.model_fields_set:
        return (
            "解决冲突时没有说明看到的现值（程序版本过旧），请更新程序后重新处理",
            "the resolution does not say which value it was chosen against (base): "
            "update the app and resolve it again",
        )
    record = conn.execute(select(RECORD.c.data).where(RECORD.c.id == c.row_id)).first()
    if record is None:
        return None  # the row is gone: there is nothing left to set
    current = record.data.get(c.field)
    if current == item.value:
        return None
    if current != item.base:
        return _stale(c, item.base, current)
    change: Change = cast(
        Change,
        {
            "seq": 0,
            "household_id": c.household_id,
            "village_code": c.village_code,
            "rows": [
                {
                    "table": c.table_name,
                    "id": c.row_id,
                    "op": "update",
                    "base": {c.field: current},
                    "new": {c.field: item.value},
                }
            ],
        },
    )
    states = load_states(conn, [c.household_id])
    owners, persons = preload_owners(conn, [change], states)
    try:
        result = apply_change(change, "", states, owners, persons, device, now)
    except Refused as refused:  # the chosen value would move the household out of scope
        return refused.zh, refused.en
    if result.status != "accepted":
        errors = result.errors or [{"message_zh": "值已改变", "message_en": "the value changed"}]
        return (
            "；".join(e["message_zh"] for e in errors),
            "; ".join(e["message_en"] for e in errors),
        )
    write_states(conn, device, [states[c.household_id]], now)
    return None


def resolve_conflicts(
    engine: Engine, device: Device, resolutions: list[Resolution]
) -> ResolveResponse:
    """Settle conflicts with the values chosen; each chosen value becomes the county's, or
    is refused with its reason (the conflict stays open). A conflict outside the device's
    scope refuses the whole request (403)."""
    now = datetime.now(UTC)
    resolved: list[str] = []
    unknown: list[str] = []
    refused: list[RefusedResolution] = []
    with engine.begin() as conn:
        lock_households(conn)  # a push between reading and writing would be undone
        for item in resolutions:
            c = conn.execute(select(CONFLICT).where(CONFLICT.c.id == item.conflict_id)).first()
            if c is None:
                unknown.append(item.conflict_id)
                continue
            if not in_scope(device.scope, c.village_code):
                raise Refused(
                    403,
                    f"冲突所在村{c.village_code}不在本设备的工作范围内",
                    f"the conflict's village {c.village_code} is outside this device's scope",
                )
            if c.resolved_at is None:
                reason = _settle(conn, device, c, item, now) if c.field != ROW_DELETED else None
                if reason is not None:
                    conn.execute(
                        update(CONFLICT)
                        .where(CONFLICT.c.id == c.id)
                        .values(note=f"{reason[0]} / {reason[1]}")
                    )
                    refused.append(
                        RefusedResolution(
                            conflict_id=c.id, reason_zh=reason[0], reason_en=reason[1]
                        )
                    )
                    continue
                conn.execute(
                    update(CONFLICT)
                    .where(CONFLICT.c.id == c.id)
                    .values(resolved_at=now, resolved_by=device.device_id, resolution=item.value)
                )
                bump(conn, c.household_id)
            resolved.append(c.id)
    return ResolveResponse(resolved=resolved, unknown=unknown, refused=refused)
