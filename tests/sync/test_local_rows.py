"""Reading rows as SQLite stores them gives the same wire rows as reading them through
SQLAlchemy's column types (what the sync did before, and what the wire format says)."""

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Connection, select

from caseworker.demo.generator import generate_households
from caseworker.store.db import Store
from caseworker.store.households import save_households
from caseworker.store.tables import DECISION, SIGNATURE, new_id
from caseworker.sync.local_rows import WireRows, empty_rows, read_rows
from caseworker.sync.wire import SYNC_TABLES, TABLES, row_to_wire
from tests.sync.conftest import VILLAGE_A


def typed_rows(conn: Connection, household_id: str) -> WireRows:
    out = empty_rows()
    for name in SYNC_TABLES:
        table = TABLES[name]
        owner = table.c.id if name == "household" else table.c.household_id
        for row in conn.execute(select(table).where(owner == household_id)).mappings():
            out[name][row["id"]] = row_to_wire(name, dict(row))
    return out


def test_raw_reads_match_typed_reads(laptops: Callable[[str], Store]) -> None:
    store = laptops("a")
    households = generate_households(40, seed=3, as_of=date(2026, 11, 1))
    for h in households:
        h.village_code = VILLAGE_A
    save_households(store, households)
    h = households[0]
    now = datetime(2026, 10, 2, 9, 30, 15, 123456, tzinfo=UTC)
    meta: dict[str, Any] = {"created_at": now, "updated_at": now, "device_id": "d", "version": 1}
    with store.begin() as conn:
        conn.execute(
            DECISION.insert().values(
                id=new_id(),
                household_id=h.id,
                screened_on=date(2026, 10, 2),
                policy_id="p",
                policy_version="1",
                policy_sha256="0" * 64,
                household_sha256="1" * 64,
                findings=[{"program": "dibao", "share": 0.25, "ok": True, "none": None}],
                **meta,
            )
        )
        conn.execute(
            SIGNATURE.insert().values(
                id=new_id(),
                household_id=h.id,
                member_id=None,
                signer_name="王建华",
                signer_role="investigator",
                document_kind="visit",
                document_id=new_id(),
                document_sha256="2" * 64,
                signed_at=now,
                image_png=b"\x89PNG\r\n\x1a\n\x00\xff",
                **meta,
            )
        )
    with store.read() as conn:
        raw = read_rows(conn, [x.id for x in households])
        for x in households:
            assert raw[x.id] == typed_rows(conn, x.id)
    assert raw[h.id]["decision"] and raw[h.id]["signature"]
    assert any(v["signed_at"] for x in households for v in raw[x.id]["visit"].values())
