"""The county's copy of households while a push is applied: loading it, and writing back
what changed (bulk inserts for new households, each household with a new cursor number)."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import Connection, bindparam, delete, select, update

from caseworker.sync.county.auth import Device
from caseworker.sync.county.bulk import insert_many, json_text
from caseworker.sync.county.checks import WireRows
from caseworker.sync.county.db import take_numbers
from caseworker.sync.county.tables import CONFLICT, HOUSEHOLD, PERSON, RECORD
from caseworker.sync.schemas import Change, ConflictOut
from caseworker.sync.wire import SYNC_TABLES

_CHUNK = 500
T = TypeVar("T")


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


def chunks(items: Sequence[T]) -> Iterable[Sequence[T]]:
    """``items`` a few hundred at a time (bound parameters of one statement are limited)."""
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
    conn: Connection, changes: Sequence[Change], states: dict[str, HouseholdState]
) -> tuple[dict[str, str], dict[str, str]]:
    """Who owns the record ids and ID numbers these changes mention: row id -> household,
    ID number -> household."""
    row_ids = sorted({rc["id"] for c in changes for rc in c["rows"] if rc["op"] == "insert"})
    owners: dict[str, str] = {}
    for chunk in chunks(row_ids):
        query = select(RECORD.c.id, RECORD.c.household_id).where(RECORD.c.id.in_(chunk))
        owners.update({row.id: row.household_id for row in conn.execute(query)})
    numbers = set()
    for c in changes:
        for rc in c["rows"]:
            new = rc.get("new")
            if rc["table"] == "member" and new and isinstance(new.get("id_number"), str):
                numbers.add(new["id_number"])
    for state in states.values():
        numbers.update(members_of(state))
    persons: dict[str, str] = {}
    for chunk in chunks(sorted(numbers)):
        query = select(PERSON.c.id_number, PERSON.c.household_id).where(
            PERSON.c.id_number.in_(chunk)
        )
        persons.update({row.id_number: row.household_id for row in conn.execute(query)})
    return owners, persons


@dataclass(slots=True)
class _Writes:
    """The rows a push writes, one list per table and kind of write."""

    new_households: list[tuple[Any, ...]] = field(default_factory=list)
    moved: list[dict[str, Any]] = field(default_factory=list)
    new_records: list[tuple[Any, ...]] = field(default_factory=list)
    changed: list[dict[str, Any]] = field(default_factory=list)
    persons: list[tuple[Any, ...]] = field(default_factory=list)
    conflicts: list[tuple[Any, ...]] = field(default_factory=list)
    gone: list[str] = field(default_factory=list)


def _writes_of(touched: list[HouseholdState], first: int, plain: bool) -> _Writes:
    """What storing ``touched`` writes, the households numbered from ``first`` on."""
    writes = _Writes()
    for offset, state in enumerate(touched):
        hid = next(k for k, r in state.records.items() if r.table == "household")
        seq = first + offset
        if state.exists:
            writes.moved.append({"b_id": hid, "b_seq": seq, "b_village": state.village_code})
        else:
            writes.new_households.append((hid, state.village_code, seq))
        records = state.records
        for row_id in state.inserted:
            rec = records[row_id]
            writes.new_records.append((row_id, rec.table, hid, json_text(rec.data, plain=plain)))
        for row_id in state.updated:
            writes.changed.append({"b_id": row_id, "b_data": records[row_id].data})
        writes.gone.extend(state.deleted)
        writes.persons.extend(
            (number, member_id, hid) for number, member_id in members_of(state).items()
        )
        writes.conflicts.extend(
            (
                c.id,
                hid,
                state.village_code,
                c.table,
                c.row_id,
                c.field,
                json_text(c.kept_value, plain=plain),
                json_text(c.other_value, plain=plain),
                c.other_device,
                seq_of_change,
            )
            for c, seq_of_change in state.conflicts
        )
    return writes


def _write_changes(conn: Connection, device: Device, writes: _Writes, now: datetime) -> None:
    """Households moved to new cursor numbers (their ID numbers taken back, to be written
    again), records changed and records deleted."""
    if writes.moved:
        conn.execute(
            update(HOUSEHOLD)
            .where(HOUSEHOLD.c.id == bindparam("b_id"))
            .values(seq=bindparam("b_seq"), village_code=bindparam("b_village"), updated_at=now),
            writes.moved,
        )
        for chunk in chunks([m["b_id"] for m in writes.moved]):
            conn.execute(delete(PERSON).where(PERSON.c.household_id.in_(chunk)))
    if writes.changed:
        conn.execute(
            update(RECORD)
            .where(RECORD.c.id == bindparam("b_id"))
            .values(
                data=bindparam("b_data", type_=RECORD.c.data.type),
                version=RECORD.c.version + 1,
                updated_at=now,
                device_id=device.device_id,
            ),
            writes.changed,
        )
    for chunk in chunks(writes.gone):
        conn.execute(delete(RECORD).where(RECORD.c.id.in_(chunk)))


def _write_new(conn: Connection, device: Device, writes: _Writes, now: datetime) -> None:
    """New households and records, every household's ID numbers, and new conflicts."""
    insert_many(
        conn, HOUSEHOLD, ("id", "village_code", "seq"), writes.new_households, {"updated_at": now}
    )
    insert_many(
        conn,
        RECORD,
        ("id", "table_name", "household_id", "data"),
        writes.new_records,
        {"version": 1, "created_at": now, "updated_at": now, "device_id": device.device_id},
    )
    insert_many(conn, PERSON, ("id_number", "member_id", "household_id"), writes.persons)
    insert_many(
        conn,
        CONFLICT,
        (
            "id",
            "household_id",
            "village_code",
            "table_name",
            "row_id",
            "field",
            "kept_value",
            "other_value",
            "other_device",
            "other_seq",
        ),
        writes.conflicts,
        {"created_at": now},
    )


def write_states(
    conn: Connection,
    device: Device,
    touched: list[HouseholdState],
    now: datetime,
    plain: bool = False,
) -> None:
    """Store the households a push changed: each gets a new cursor number. One statement
    per table and kind of write for the whole push."""
    if not touched:
        return
    writes = _writes_of(touched, take_numbers(conn, "household", len(touched)), plain)
    _write_changes(conn, device, writes, now)
    _write_new(conn, device, writes, now)
