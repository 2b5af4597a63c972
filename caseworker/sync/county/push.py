"""Applying a push: each change once per (device, seq), each answered on its own.

One push is one transaction. A change is checked and merged in memory against the county's
copy of its household; a change that fails is answered "rejected" with its reasons and
leaves nothing behind, without stopping the others. A record outside the device's scope
refuses the whole push (403): nothing is stored, and the refusal is logged.
"""

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, select
from sqlalchemy.exc import IntegrityError

from caseworker.domain.bulk import gc_paused
from caseworker.domain.codes import RegionLevel, Stage, WorkerRole
from caseworker.domain.procedure import may_record, who_records
from caseworker.domain.regions import Region, validate_regions
from caseworker.domain.validation import (
    FieldError,
    Problem,
    ValidationFailed,
    Where,
    parse_uuid,
)
from caseworker.sync.county.auth import Device, Refused, in_scope
from caseworker.sync.county.bulk import insert_many, json_text
from caseworker.sync.county.checks import household_errors, value_errors
from caseworker.sync.county.db import lock_households
from caseworker.sync.county.errors import clash_refusal
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
from caseworker.sync.merge import ROW_DELETED, FieldConflict, merge_delete, merge_fields
from caseworker.sync.receipts import receipt_for
from caseworker.sync.schemas import (
    Change,
    ConflictOut,
    PushRequest,
    PushResponse,
    RecordResult,
    RowChange,
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
    for change in request["changes"]:
        if not in_scope(device.scope, change["village_code"]):
            raise _out_of_scope(device, f"村（社区）{change['village_code']} / village")
    for region in request.get("regions", ()):
        code = region["code"]
        if not (code.startswith(device.scope) or device.scope.startswith(code)):
            raise _out_of_scope(device, f"区划{code} / region")


_COUNTY_DATA_ZH = "区划名称由县民政局维护，设备不能新增或修改"
_COUNTY_DATA_EN = "region names are county data: a device cannot add or rename them"


def _refused_regions(conn: Connection, request: PushRequest) -> list[dict[str, Any]]:
    """The regions of a push that differ from the county's (or that it does not hold), as
    field errors; nothing is written. Laptops of earlier versions send the regions of
    their households with every push: those the county holds as they are pass unnoticed."""
    if not request.get("regions"):
        return []
    regions = [
        Region(r["code"], r["name"], RegionLevel(r["level"]), r.get("parent_code"))
        for r in request.get("regions", ())
    ]
    try:
        validate_regions(regions)
    except ValidationFailed as failed:
        raise Refused(
            422, "; ".join(failed.messages("zh")), "; ".join(failed.messages("en"))
        ) from None
    codes = sorted({r.code for r in regions})
    known = {r.code: r for r in conn.execute(select(REGION).where(REGION.c.code.in_(codes)))}
    refused = []
    for r in regions:
        held = known.get(r.code)
        if held is not None and held.name == r.name:
            continue
        zh = f"县里为“{held.name}”，" if held is not None else "县里没有这个区划，"
        en = f"the county has '{held.name}'; " if held is not None else "unknown at the county; "
        refused.append(
            {
                "field": "name",
                "value": r.name,
                "code": "county_data",
                "message_zh": f"区划{r.code}：名称“{r.name}”：{zh}{_COUNTY_DATA_ZH}",
                "message_en": f"region {r.code}: name '{r.name}': {en}{_COUNTY_DATA_EN}",
            }
        )
    return refused


def _reject(errors: list[FieldError]) -> list[dict[str, Any]]:
    return [e.as_dict() for e in errors]


def _error(
    field_name: str, value: Any, code: str, zh: str, en: str, where: tuple[str, str] = ("", "")
) -> FieldError:
    return Where().field(field_name).error(value, Problem(code, zh, en)).in_record(*where)


class _Rejected(Exception):
    def __init__(self, errors: list[FieldError]) -> None:
        self.errors = errors


def _row_problem(rc: RowChange, hid: str, owners: dict[str, str]) -> FieldError | None:
    """What makes a row change unacceptable before merging, if anything."""
    table, row_id, new = rc["table"], rc["id"], rc.get("new")
    if table not in SYNC_TABLES:
        return _error(
            "table", table, "unknown_table", "不是可同步的表", "is not a table that syncs",
            where_row(table, row_id),
        )  # fmt: skip
    try:
        parse_uuid(row_id)
    except Problem as problem:
        return Where().field("id").error(row_id, problem).in_record(*where_row(table, row_id))
    # Values are checked once, on the merged household (checks.household_errors).
    owner_column = "id" if table == "household" else "household_id"
    if new is not None and owner_column in new and new[owner_column] != hid:
        return _error(
            owner_column, new[owner_column], "wrong_household", "与本次变更的家庭不符",
            "does not match the household of this change", where_row(table, row_id),
        )  # fmt: skip
    if table == "household" and row_id != hid:
        return _error(
            "id", row_id, "wrong_household", "与本次变更的家庭不符",
            "does not match the household of this change", where_row(table, row_id),
        )  # fmt: skip
    if owners.get(row_id, hid) != hid:
        return _error(
            "id", row_id, "id_in_use", "记录编号已被另一户使用",
            "this record id is already used by another household", where_row(table, row_id),
        )  # fmt: skip
    return None


def stage_role_errors(rows: list[RowChange], device: Device) -> list[FieldError]:
    """Stage entries the device's worker may not record: each level records its own stages
    (``procedure.STAGE_ROLES``). Entries dated before the device was enrolled are history
    brought in with the household (a village's earlier files), not records of this device,
    and pass."""
    role = WorkerRole.parse(device.role)
    enrolled = device.enrolled_at.date()
    errors = []
    for rc in rows:
        new = rc.get("new") or {}
        if rc["table"] != "application_stage" or "stage" not in new:
            continue
        stage, day = Stage.parse(new["stage"]), new.get("date")
        if stage is None or role is None or may_record(role, stage):
            continue  # an unknown stage is the value checks' to refuse
        if isinstance(day, str) and day < enrolled.isoformat():
            continue
        zh, en = who_records(stage)
        errors.append(
            _error(
                "stage", stage.value, "stage_role",
                f"“{stage.zh}”由{zh}记录，本设备（{role.zh}）不能记录",
                f"'{stage.en}' is recorded by {en}; this device belongs to a {role.en}",
                where_row("application_stage", rc["id"]),
            )
        )  # fmt: skip
    return errors


def _merge_change(
    change: Change, state: HouseholdState, owners: dict[str, str]
) -> list[FieldConflict]:
    """Apply one change to ``state`` (a working copy); raise _Rejected with reasons."""
    conflicts: list[FieldConflict] = []
    hid = change["household_id"]
    records = state.records
    for rc in change["rows"]:
        refusal = _row_problem(rc, hid, owners)
        if refusal is not None:
            raise _Rejected([refusal])
        table, row_id, op, new = rc["table"], rc["id"], rc["op"], rc.get("new")
        current = records.get(row_id)
        if current is not None and current.table != table:
            raise _Rejected(
                [
                    _error(
                        "id", row_id, "id_in_use", "记录编号已被另一类记录使用",
                        "this record id is used by another kind of record",
                        where_row(table, row_id),
                    )
                ]
            )  # fmt: skip
        try:
            if op == "delete":
                merged = merge_delete(
                    table, row_id, current.data if current else None, rc.get("base")
                )
            elif new is None:
                raise _Rejected(
                    [
                        _error(
                            "new",
                            None,
                            "required",
                            "必须填写",
                            "is required",
                            where_row(table, row_id),
                        )
                    ]
                )
            elif current is None and op == "insert":
                records[row_id] = Rec(table, dict(new), 0)
                state.inserted.add(row_id)
                continue
            elif current is None:
                # The county no longer has the row (deleted there): keep it deleted, and
                # keep the laptop's edit in a conflict record.
                conflicts.append(FieldConflict(table, row_id, "__row__", "deleted", new))
                continue
            else:
                base = rc.get("base") if op == "update" else None
                merged = merge_fields(
                    table, row_id, current.data, base or ({} if op == "update" else None), new
                )
        except Problem as problem:
            where = where_row(table, row_id)
            raise _Rejected(
                [Where().field("signed_at").error(row_id, problem).in_record(*where)]
            ) from None
        conflicts.extend(merged.conflicts)
        if merged.data is None:
            if current is not None:
                del records[row_id]
                if row_id in state.inserted:
                    state.inserted.discard(row_id)
                else:
                    state.deleted.add(row_id)
                state.updated.discard(row_id)
        elif merged.changed and current is not None:
            current.data = merged.data
            if row_id not in state.inserted:
                state.updated.add(row_id)
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


def _check_conflicts(conflicts: list[FieldConflict], now: datetime) -> None:
    """A conflict keeps a value nobody applied: it must still be a field of its row and a
    value that field may hold, or nobody could ever choose it (raise _Rejected)."""
    errors: list[FieldError] = []
    for c in conflicts:
        if c.field != ROW_DELETED:
            errors += value_errors(c.table, c.row_id, {c.field: c.other_value}, today=now.date())
        elif isinstance(c.other_value, dict):  # an edit of a row the county deleted
            errors += value_errors(c.table, c.row_id, c.other_value, today=now.date())
    if errors:
        raise _Rejected(errors)


def _replay(change: Change, sha: str, old: Any) -> RecordResult:
    """The answer to a (device, seq) the county has answered before."""
    if old.payload_sha256 != sha:
        error = _error(
            "seq",
            change["seq"],
            "seq_reused",
            "该序号已用于另一项变更",
            "this sequence number was already used for a different change",
        )
        return RecordResult(
            seq=change["seq"], status="rejected", payload_sha256=sha, errors=_reject([error])
        )
    return RecordResult.model_validate({**old.result, "replayed": True})


def apply_change(
    change: Change,
    sha: str,
    states: dict[str, HouseholdState],
    owners: dict[str, str],
    persons: dict[str, str],
    device: Device,
    now: datetime,
) -> RecordResult:
    """Check and merge one change into ``states`` (scope, every value, the household's
    rules, record ids and ID numbers unique in the county); its answer. Nothing is
    written: ``write_states`` stores the households it touched."""
    hid = change["household_id"]
    state = states.get(hid) or HouseholdState(False, change["village_code"], {})
    work = copy_state(state)
    try:
        if not work.exists and not any(
            rc["table"] == "household" and rc["op"] == "insert" for rc in change["rows"]
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
        _check_conflicts(conflicts, now)
        head = next((r for r in work.records.values() if r.table == "household"), None)
        village = head.data.get("village_code") if head else None
        if isinstance(village, str) and not in_scope(device.scope, village):
            raise _out_of_scope(device, f"村（社区）{village} / village")
        errors = household_errors(hid, work.wire_rows(), today=now.date())
        errors += stage_role_errors(change["rows"], device)
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
        return RecordResult(
            seq=change["seq"],
            status="rejected",
            payload_sha256=sha,
            errors=_reject(rejected.errors),
        )
    out = [_conflict_out(str(uuid.uuid4()), hid, c, device.device_id, now) for c in conflicts]
    work.conflicts.extend((c, change["seq"]) for c in out)
    work.touched = True
    work.village_code = village if isinstance(village, str) else work.village_code
    states[hid] = work
    for record_id in work.records:
        owners[record_id] = hid
    for number in members_of(work):
        persons[number] = hid
    return RecordResult(
        seq=change["seq"],
        status="conflict" if out else "accepted",
        payload_sha256=sha,
        conflicts=out,
    )


def apply_push(
    engine: Engine, device: Device, request: PushRequest, *, plain: bool = False
) -> PushResponse:
    """Apply a push from ``device``; the answer to every change and the receipt.

    ``plain`` says the request holds no floating-point numbers (the request text had none):
    hashes and stored JSON are then written by orjson (see ``wire.sha256_of``).
    """
    _check_scope(device, request)
    now = datetime.now(UTC)
    try:
        with gc_paused(), engine.begin() as conn:
            lock_households(conn)
            return _apply(conn, device, request, now, plain)
    except IntegrityError as exc:  # a check this module lacks: answered, never a 500
        ids = sorted({c["household_id"] for c in request["changes"]})
        raise clash_refusal(exc, device_id=device.device_id, households=ids) from None


def _apply(
    conn: Connection, device: Device, request: PushRequest, now: datetime, plain: bool
) -> PushResponse:
    """``apply_push`` inside its transaction, with the households' write lock held."""
    results: dict[int, RecordResult] = {}
    changes = request["changes"]
    refused_regions = _refused_regions(conn, request)
    seqs = [c["seq"] for c in changes]
    stored: dict[int, Any] = {}
    for start in range(0, len(seqs), _CHUNK):
        query = select(APPLIED.c.seq, APPLIED.c.payload_sha256, APPLIED.c.result).where(
            APPLIED.c.device_id == device.device_id,
            APPLIED.c.seq.in_(seqs[start : start + _CHUNK]),
        )
        stored.update({row.seq: row for row in conn.execute(query)})
    fresh = [c for c in changes if c["seq"] not in stored]
    states = load_states(conn, sorted({c["household_id"] for c in fresh}))
    for state in states.values():
        if not in_scope(device.scope, state.village_code):
            raise _out_of_scope(device, f"家庭所在村{state.village_code} / household's village")
    owners, persons = preload_owners(conn, fresh, states)
    applied: list[tuple[Any, ...]] = []
    for change in changes:
        seq = change["seq"]
        if seq in results:
            continue  # the same seq twice in one push: answered once
        # The hash of the change as received: the laptop hashed the same text.
        sha = sha256_of(change, plain=plain)
        if seq in stored:
            results[seq] = _replay(change, sha, stored[seq])
            continue
        result = apply_change(change, sha, states, owners, persons, device, now)
        results[seq] = result
        applied.append(
            (
                seq,
                change["household_id"],
                sha,
                result.status,
                json_text(result.model_dump(mode="json"), plain=plain),
            )
        )
    write_states(conn, device, [s for s in states.values() if s.touched], now, plain)
    insert_many(
        conn,
        APPLIED,
        ("seq", "household_id", "payload_sha256", "status", "result"),
        applied,
        {"device_id": device.device_id, "received_at": now},
    )
    ordered = [results[c["seq"]] for c in changes if c["seq"] in results]
    unique = list({r.seq: r for r in ordered}.values())
    return PushResponse(
        results=unique, receipt=receipt_for(unique), refused_regions=refused_regions
    )
