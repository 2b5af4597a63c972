"""One change of a push: checked and merged into a working copy of the county's household.

A change that fails raises nothing to its caller: it is answered "rejected" with its
reasons, and the household's copy is left as it was (``apply_change``). Scope, every value,
the household's rules, who may record each stage, and record ids and ID numbers unique in
the county are all checked here; nothing is written (``records.write_states`` does).
"""

import uuid
from datetime import datetime
from typing import Any

from caseworker.domain.codes import Stage, WorkerRole
from caseworker.domain.procedure import may_record, who_records
from caseworker.domain.validation import FieldError, Problem, Where, parse_uuid
from caseworker.sync.county.auth import Device, in_scope, out_of_scope
from caseworker.sync.county.checks import household_errors, value_errors
from caseworker.sync.county.records import HouseholdState, Rec, copy_state, members_of
from caseworker.sync.merge import ROW_DELETED, FieldConflict, merge_delete, merge_fields
from caseworker.sync.schemas import Change, ConflictOut, RecordResult, RowChange
from caseworker.sync.wire import SYNC_TABLES, where_row


def field_error(
    field_name: str, value: Any, code: str, zh: str, en: str, where: tuple[str, str] = ("", "")
) -> FieldError:
    """An error of ``field_name`` holding ``value`` (in the record ``where`` names, if any),
    with its reason in Chinese and English."""
    return Where().field(field_name).error(value, Problem(code, zh, en)).in_record(*where)


class _Rejected(Exception):
    def __init__(self, errors: list[FieldError]) -> None:
        self.errors = errors


def _row_problem(rc: RowChange, hid: str, owners: dict[str, str]) -> FieldError | None:
    """What makes a row change unacceptable before merging, if anything."""
    table, row_id, new = rc["table"], rc["id"], rc.get("new")
    if table not in SYNC_TABLES:
        return field_error(
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
        return field_error(
            owner_column, new[owner_column], "wrong_household", "与本次变更的家庭不符",
            "does not match the household of this change", where_row(table, row_id),
        )  # fmt: skip
    if table == "household" and row_id != hid:
        return field_error(
            "id", row_id, "wrong_household", "与本次变更的家庭不符",
            "does not match the household of this change", where_row(table, row_id),
        )  # fmt: skip
    if owners.get(row_id, hid) != hid:
        return field_error(
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
            field_error(
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
                    field_error(
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
                        field_error(
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
                    field_error(
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
            raise out_of_scope(device, f"村（社区）{village} / village")
        errors = household_errors(hid, work.wire_rows(), today=now.date())
        errors += stage_role_errors(change["rows"], device)
        for number in members_of(work):
            if persons.get(number, hid) != hid:
                errors.append(
                    field_error(
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
            errors=[e.as_dict() for e in rejected.errors],
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
