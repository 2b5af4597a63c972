"""Applying a push: each change once per (device, seq), each answered on its own.

One push is one transaction. A change is checked and merged in memory against the county's
copy of its household; a change that fails is answered "rejected" with its reasons and
leaves nothing behind, without stopping the others. A record outside the device's scope
refuses the whole push (403): nothing is stored, and the refusal is logged.
"""

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, select, update

from caseworker.domain.codes import RegionLevel
from caseworker.domain.regions import Region, validate_regions
from caseworker.domain.validation import (
    FieldError,
    Problem,
    ValidationFailed,
    Where,
    parse_uuid,
)
from caseworker.sync.county.auth import Device, Refused, in_scope
from caseworker.sync.county.checks import household_errors
from caseworker.sync.county.records import (
    HouseholdState,
    Rec,
    copy_state,
    load_states,
    members_of,
    preload_owners,
    write_states,
)
from caseworker.sync.county.tables import (
    APPLIED,
    REGION,
)
from caseworker.sync.merge import FieldConflict, merge_delete, merge_fields
from caseworker.sync.receipts import receipt_for
from caseworker.sync.schemas import (
    Change,
    ConflictOut,
    PushRequest,
    PushResponse,
    RecordResult,
)
from caseworker.sync.wire import SYNC_TABLES, sha256_of, where_row

_CHUNK = 500


def _out_of_scope(device: Device, what: str) -> Refused:
    return Refused(
        403,
        f"{what}不在本设备的工作范围（{device.scope}）内",
        f"{what} is outside this device's scope ({device.scope})",
    )


def _check_scope(device: Device, request: PushRequest) -> None:
    for change in request.changes:
        if not in_scope(device.scope, change.village_code):
            raise _out_of_scope(device, f"村（社区）{change.village_code} / village")
    for region in request.regions:
        if not (region.code.startswith(device.scope) or device.scope.startswith(region.code)):
            raise _out_of_scope(device, f"区划{region.code} / region")


def _save_regions(conn: Connection, request: PushRequest) -> None:
    if not request.regions:
        return
    regions = [Region(r.code, r.name, RegionLevel(r.level), r.parent_code) for r in request.regions]
    try:
        validate_regions(regions)
    except ValidationFailed as failed:
        raise Refused(
            422, "; ".join(failed.messages("zh")), "; ".join(failed.messages("en"))
        ) from None
    known = {r.code: r for r in conn.execute(select(REGION))}
    for r in regions:
        if r.code in known:
            if known[r.code].name != r.name:
                conn.execute(update(REGION).where(REGION.c.code == r.code).values(name=r.name))
        else:
            conn.execute(
                REGION.insert().values(
                    code=r.code, name=r.name, level=r.level.value, parent_code=r.parent_code
                )
            )
            known[r.code] = r  # type: ignore[assignment]


def _reject(errors: list[FieldError]) -> list[dict[str, Any]]:
    return [e.as_dict() for e in errors]


def _error(
    field_name: str, value: Any, code: str, zh: str, en: str, where: tuple[str, str] = ("", "")
) -> FieldError:
    return Where().field(field_name).error(value, Problem(code, zh, en)).in_record(*where)


class _Rejected(Exception):
    def __init__(self, errors: list[FieldError]) -> None:
        self.errors = errors


def _merge_change(
    change: Change, state: HouseholdState, owners: dict[str, str]
) -> list[FieldConflict]:
    """Apply one change to ``state`` (a working copy); raise _Rejected with reasons."""
    conflicts: list[FieldConflict] = []
    hid = change.household_id
    for rc in change.rows:
        where = where_row(rc.table, rc.id)
        if rc.table not in SYNC_TABLES:
            raise _Rejected(
                [
                    _error(
                        "table",
                        rc.table,
                        "unknown_table",
                        "不是可同步的表",
                        "is not a table that syncs",
                        where,
                    )
                ]
            )
        try:
            parse_uuid(rc.id)
        except Problem as problem:
            raise _Rejected([Where().field("id").error(rc.id, problem).in_record(*where)]) from None
        # Values are checked once, on the merged household (checks.household_errors).
        owner_column = "id" if rc.table == "household" else "household_id"
        if rc.new is not None and owner_column in rc.new and rc.new[owner_column] != hid:
            raise _Rejected(
                [
                    _error(
                        owner_column,
                        rc.new[owner_column],
                        "wrong_household",
                        "与本次变更的家庭不符",
                        "does not match the household of this change",
                        where,
                    )
                ]
            )
        if rc.table == "household" and rc.id != hid:
            raise _Rejected(
                [
                    _error(
                        "id",
                        rc.id,
                        "wrong_household",
                        "与本次变更的家庭不符",
                        "does not match the household of this change",
                        where,
                    )
                ]
            )
        if rc.id in owners and owners[rc.id] != hid:
            raise _Rejected(
                [
                    _error(
                        "id",
                        rc.id,
                        "id_in_use",
                        "记录编号已被另一户使用",
                        "this record id is already used by another household",
                        where,
                    )
                ]
            )
        current = state.records.get(rc.id)
        if current is not None and current.table != rc.table:
            raise _Rejected(
                [
                    _error(
                        "id",
                        rc.id,
                        "id_in_use",
                        "记录编号已被另一类记录使用",
                        "this record id is used by another kind of record",
                        where,
                    )
                ]
            )
        try:
            if rc.op == "delete":
                merged = merge_delete(rc.table, rc.id, current.data if current else None, rc.base)
            elif rc.new is None:
                raise _Rejected([_error("new", None, "required", "必须填写", "is required", where)])
            elif current is None and rc.op == "insert":
                state.records[rc.id] = Rec(rc.table, dict(rc.new), 0)
                state.inserted.add(rc.id)
                continue
            elif current is None:
                # The county no longer has the row (deleted there): keep it deleted, and
                # keep the laptop's edit in a conflict record.
                conflicts.append(FieldConflict(rc.table, rc.id, "__row__", "deleted", rc.new))
                continue
            else:
                base = rc.base if rc.op == "update" else None
                merged = merge_fields(
                    rc.table,
                    rc.id,
                    current.data,
                    base or ({} if rc.op == "update" else None),
                    rc.new,
                )
        except Problem as problem:
            raise _Rejected(
                [Where().field("signed_at").error(rc.id, problem).in_record(*where)]
            ) from None
        conflicts.extend(merged.conflicts)
        if merged.data is None:
            if current is not None:
                del state.records[rc.id]
                if rc.id in state.inserted:
                    state.inserted.discard(rc.id)
                else:
                    state.deleted.add(rc.id)
                state.updated.discard(rc.id)
        elif merged.changed and current is not None:
            current.data = merged.data
            if rc.id not in state.inserted:
                state.updated.add(rc.id)
    return conflicts


def _conflict_out(
    conflict_id: str, hid: str, c: FieldConflict, device_id: str, now: datetime
) -> ConflictOut:
    return ConflictOut(
        id=conflict_id,
        household_id=hid,
        table=c.table,
        row_id=c.row_id,
        field=c.field,
        kept_value=c.kept_value,
        other_value=c.other_value,
        other_device=device_id,
        created_at=now.isoformat(),
    )


def apply_push(engine: Engine, device: Device, request: PushRequest) -> PushResponse:
    """Apply a push from ``device``; the answer to every change and the receipt."""
    _check_scope(device, request)
    now = datetime.now(UTC)
    results: dict[int, RecordResult] = {}
    with engine.begin() as conn:
        _save_regions(conn, request)
        seqs = [c.seq for c in request.changes]
        stored: dict[int, Any] = {}
        for start in range(0, len(seqs), _CHUNK):
            query = select(APPLIED.c.seq, APPLIED.c.payload_sha256, APPLIED.c.result).where(
                APPLIED.c.device_id == device.device_id,
                APPLIED.c.seq.in_(seqs[start : start + _CHUNK]),
            )
            stored.update({row.seq: row for row in conn.execute(query)})
        fresh = [c for c in request.changes if c.seq not in stored]
        states = load_states(conn, sorted({c.household_id for c in fresh}))
        for state in states.values():
            if not in_scope(device.scope, state.village_code):
                raise _out_of_scope(device, f"家庭所在村{state.village_code} / household's village")
        owners, persons = preload_owners(conn, request, states)
        applied_rows = []
        for change in request.changes:
            sha = sha256_of(change.model_dump(mode="json"))
            if change.seq in results:
                continue  # the same seq twice in one push: answered once
            if change.seq in stored:
                old = stored[change.seq]
                if old.payload_sha256 != sha:
                    error = _error(
                        "seq",
                        change.seq,
                        "seq_reused",
                        "该序号已用于另一项变更",
                        "this sequence number was already used for a different change",
                    )
                    results[change.seq] = RecordResult(
                        seq=change.seq,
                        status="rejected",
                        payload_sha256=sha,
                        errors=_reject([error]),
                    )
                else:
                    results[change.seq] = RecordResult.model_validate(
                        {**old.result, "replayed": True}
                    )
                continue
            hid = change.household_id
            state = states.get(hid) or HouseholdState(False, change.village_code, {})
            work = copy_state(state)
            try:
                if not work.exists and not any(
                    rc.table == "household" and rc.op == "insert" for rc in change.rows
                ):
                    raise _Rejected(
                        [
                            _error(
                                "household_id",
                                hid,
                                "unknown_household",
                                "县里没有这户的记录（它的首次上传可能被退回了）",
                                "the county has no such household (was its first upload refused?)",
                            )
                        ]
                    )
                conflicts = _merge_change(change, work, owners)
                head = next((r for r in work.records.values() if r.table == "household"), None)
                village = head.data.get("village_code") if head else None
                if isinstance(village, str) and not in_scope(device.scope, village):
                    raise _out_of_scope(device, f"村（社区）{village} / village")
                errors = household_errors(hid, work.wire_rows(), today=now.date())
                for number in members_of(work):
                    if persons.get(number, hid) != hid:
                        errors.append(
                            _error(
                                "id_number",
                                number,
                                "id_in_other_household",
                                "已登记在县里的另一户",
                                "is already a member of another household at the county",
                            )
                        )
                if errors:
                    raise _Rejected(errors)
            except _Rejected as rejected:
                result = RecordResult(
                    seq=change.seq,
                    status="rejected",
                    payload_sha256=sha,
                    errors=_reject(rejected.errors),
                )
            else:
                out = [
                    _conflict_out(str(uuid.uuid4()), hid, c, device.device_id, now)
                    for c in conflicts
                ]
                work.conflicts.extend((c, change.seq) for c in out)
                work.touched = True
                work.village_code = village if isinstance(village, str) else work.village_code
                states[hid] = work
                for record_id, _rec in work.records.items():
                    owners[record_id] = hid
                for number in members_of(work):
                    persons[number] = hid
                result = RecordResult(
                    seq=change.seq,
                    status="conflict" if out else "accepted",
                    payload_sha256=sha,
                    conflicts=out,
                )
            results[change.seq] = result
            applied_rows.append(
                {
                    "device_id": device.device_id,
                    "seq": change.seq,
                    "household_id": hid,
                    "payload_sha256": sha,
                    "status": result.status,
                    "result": result.model_dump(mode="json"),
                    "received_at": now,
                }
            )
        write_states(conn, device, [s for s in states.values() if s.touched], now)
        if applied_rows:
            conn.execute(APPLIED.insert(), applied_rows)
    ordered = [results[c.seq] for c in request.changes if c.seq in results]
    unique = list({r.seq: r for r in ordered}.values())
    return PushResponse(results=unique, receipt=receipt_for(unique))
