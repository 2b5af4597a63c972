"""The county's copy of households while a push is applied: loading it, and writing back
what changed (bulk inserts for new households, each household with a new cursor number)."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, delete, select, update

from caseworker.sync.county.auth import Device
from caseworker.sync.county.checks import WireRows
from caseworker.sync.county.db import take_numbers
from caseworker.sync.county.tables import CONFLICT, HOUSEHOLD, PERSON, RECORD
from caseworker.sync.schemas import ConflictOut, PushRequest
from caseworker.sync.wire import SYNC_TABLES

_CHUNK = 500


@dataclass(slots=True)
class Rec:
    table: str
    data: dict[str, Any]
    version: int


@dataclass(slots=True)
class HouseholdState:
    """The county's copy of one household while a push is applied."""

    exists: bool
    village_code: str
    records: dict[str, Rec]
    touched: bool = False
    inserted: set[str] = field(default_factory=set)
    updated: set[str] = field(default_factory=set)
    deleted: set[str] = field(default_factory=set)
    conflicts: list[tuple[ConflictOut, int]] = field(default_factory=list)

    def wire_rows(self) -> WireRows:
        out: WireRows = {name: {} for name in SYNC_TABLES}
        for row_id, rec in self.records.items():
            out[rec.table][row_id] = rec.data
        return out


def chunks(items: Sequence[str]) -> Iterable[Sequence[str]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]


def load_states(conn: Connection, ids: list[str]) -> dict[str, HouseholdState]:
    states = {}
    for chunk in chunks(ids):
        for row in conn.execute(
            select(HOUSEHOLD.c.id, HOUSEHOLD.c.village_code).where(HOUSEHOLD.c.id.in_(chunk))
        ):
            states[row.id] = HouseholdState(True, row.village_code, {})
        query = select(
            RECORD.c.id, RECORD.c.table_name, RECORD.c.household_id, RECORD.c.data, RECORD.c.version
        )
        for rec in conn.execute(query.where(RECORD.c.household_id.in_(chunk))):
            states[rec.household_id].records[rec.id] = Rec(rec.table_name, rec.data, rec.version)
    return states


def copy_state(state: HouseholdState) -> HouseholdState:
    return HouseholdState(
        state.exists,
        state.village_code,
        {k: Rec(r.table, r.data, r.version) for k, r in state.records.items()},
        state.touched,
        set(state.inserted),
        set(state.updated),
        set(state.deleted),
        list(state.conflicts),
    )


def members_of(state: HouseholdState) -> dict[str, str]:
    return {
        r.data["id_number"]: row_id for row_id, r in state.records.items() if r.table == "member"
    }


def preload_owners(
    conn: Connection, request: PushRequest, states: dict[str, HouseholdState]
) -> tuple[dict[str, str], dict[str, str]]:
    """Who owns the record ids and ID numbers this push mentions: row id -> household,
    ID number -> household."""
    row_ids = sorted({rc.id for c in request.changes for rc in c.rows if rc.op == "insert"})
    owners: dict[str, str] = {}
    for chunk in chunks(row_ids):
        query = select(RECORD.c.id, RECORD.c.household_id).where(RECORD.c.id.in_(chunk))
        owners.update({row.id: row.household_id for row in conn.execute(query)})
    numbers = {
        rc.new["id_number"]
        for c in request.changes
        for rc in c.rows
        if rc.table == "member" and rc.new and isinstance(rc.new.get("id_number"), str)
    }
    for state in states.values():
        numbers.update(members_of(state))
    persons: dict[str, str] = {}
    for chunk in chunks(sorted(numbers)):
        query = select(PERSON.c.id_number, PERSON.c.household_id).where(
            PERSON.c.id_number.in_(chunk)
        )
        persons.update({row.id_number: row.household_id for row in conn.execute(query)})
    return owners, persons


def write_states(
    conn: Connection, device: Device, touched: list[HouseholdState], now: datetime
) -> None:
    """Store the households a push changed: each gets a new cursor number."""
    if not touched:
        return
    first = take_numbers(conn, "household", len(touched))
    new_households: list[dict[str, Any]] = []
    new_records: list[dict[str, Any]] = []
    persons: list[dict[str, Any]] = []
    gone: list[str] = []
    for offset, state in enumerate(touched):
        hid = next(k for k, r in state.records.items() if r.table == "household")
        seq = first + offset
        if state.exists:
            conn.execute(
                update(HOUSEHOLD)
                .where(HOUSEHOLD.c.id == hid)
                .values(seq=seq, village_code=state.village_code, updated_at=now)
            )
            conn.execute(delete(PERSON).where(PERSON.c.household_id == hid))
        else:
            new_households.append(
                {"id": hid, "village_code": state.village_code, "seq": seq, "updated_at": now}
            )
        for row_id in state.inserted:
            rec = state.records[row_id]
            new_records.append(
                {
                    "id": row_id,
                    "table_name": rec.table,
                    "household_id": hid,
                    "data": rec.data,
                    "version": 1,
                    "created_at": now,
                    "updated_at": now,
                    "device_id": device.device_id,
                }
            )
        for row_id in state.updated:
            rec = state.records[row_id]
            conn.execute(
                update(RECORD)
                .where(RECORD.c.id == row_id)
                .values(
                    data=rec.data,
                    version=RECORD.c.version + 1,
                    updated_at=now,
                    device_id=device.device_id,
                )
            )
        gone.extend(state.deleted)
        persons.extend(
            {"id_number": number, "member_id": member_id, "household_id": hid}
            for number, member_id in members_of(state).items()
        )
        if state.conflicts:
            conn.execute(
                CONFLICT.insert(),
                [
                    {
                        "id": c.id,
                        "household_id": hid,
                        "village_code": state.village_code,
                        "table_name": c.table,
                        "row_id": c.row_id,
                        "field": c.field,
                        "kept_value": c.kept_value,
                        "other_value": c.other_value,
                        "other_device": c.other_device,
                        "other_seq": seq_of_change,
                        "created_at": now,
                    }
                    for c, seq_of_change in state.conflicts
                ],
            )
    for chunk in chunks(gone):
        conn.execute(delete(RECORD).where(RECORD.c.id.in_(chunk)))
    if new_households:
        conn.execute(HOUSEHOLD.insert(), new_households)
    if new_records:
        conn.execute(RECORD.insert(), new_records)
    if persons:
        conn.execute(PERSON.insert(), persons)
