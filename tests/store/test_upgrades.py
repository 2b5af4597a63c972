"""Upgrades keep every row: databases made by each earlier schema revision (the committed
fixtures of ``tests/fixtures/``, made by ``make_store_fixtures.py``) are migrated to the
newest schema, and every row of every table that existed is still there with the same
value in every column it had; then the store, or the county server, works as usual."""

import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from alembic.script import ScriptDirectory

from caseworker.eligibility.record import encode_findings, finding_from_full
from caseworker.interchange.household_format import parse_household
from caseworker.interchange.legacy_observations import convert_visit
from caseworker.store import audit
from caseworker.store.db import Store, current_revision, head_revision, open_store
from caseworker.store.decisions import latest_screening
from caseworker.store.drafts import list_drafts
from caseworker.store.households import (
    count_households,
    iter_households,
    load_household,
    save_household,
)
from caseworker.store.packed import unpack
from caseworker.store.search import search_households
from caseworker.store.signatures import household_signatures
from caseworker.sync.client import enroll, sync
from caseworker.sync.county import db as county_db
from caseworker.sync.county.audit_log import verify_devices
from caseworker.sync.county.auth import create_enrollment
from tests.conftest import BASE_HOUSEHOLD
from tests.sync.conftest import new_store, start_server

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
STORE_FIXTURES = sorted(FIXTURES.glob("store-*.db"))
COUNTY_FIXTURES = sorted(FIXTURES.glob("county-*.db"))
# SQLite's own tables, Alembic's bookkeeping, and the full-text index SQLite keeps itself
# (checked by searching instead).
SKIPPED = ("sqlite_", "alembic_version", "household_search")

Snapshot = dict[str, tuple[list[str], list[tuple[Any, ...]]]]


def revision_of(fixture: Path) -> str:
    return fixture.stem.split("-")[1]


def snapshot(path: Path, columns: dict[str, list[str]] | None = None) -> Snapshot:
    """Every table's columns and rows (sorted); with ``columns``, only those tables and
    those columns of each (what an older schema had)."""
    conn = sqlite3.connect(path)
    try:
        names = [
            row[0]
            for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if not row[0].startswith(SKIPPED)
        ]
        out: Snapshot = {}
        for name in names if columns is None else list(columns):
            have = [row[1] for row in conn.execute(f'PRAGMA table_info("{name}")')]
            wanted = have if columns is None else columns[name]
            missing = set(wanted) - set(have)
            assert not missing, f"{path.name}: {name} lost columns {missing}"
            select = ", ".join(f'"{c}"' for c in wanted)
            rows = list(conn.execute(f'SELECT {select} FROM "{name}"'))
            if name == "record" and "data" in wanted:
                at = wanted.index("data")
                rows = [(*r[:at], _without_added(r[at]), *r[at + 1 :]) for r in rows]
            for column in PACKED.get(name, ()):
                if column in wanted:
                    at = wanted.index(column)
                    rows = [(*r[:at], _unpacked(r[at]), *r[at + 1 :]) for r in rows]
            for column in JSON_TEXT.get(name, ()):
                if column in wanted:
                    at = wanted.index(column)
                    rows = [(*r[:at], _canonical(r[at]), *r[at + 1 :]) for r in rows]
            out[name] = (wanted, sorted(rows, key=repr))
        return out
    finally:
        conn.close()


# JSON columns compared by value (the text of a rewritten value may differ in spacing).
JSON_TEXT = {"visit": ("observations",), "sync_base": ("data",)}


# Columns stored packed since store migration 0011, compared by the text they hold.
PACKED = {"outbox": ("payload",), "sync_base": ("data",)}


def _unpacked(value: str | bytes | None) -> str | None:
    return unpack(value) if isinstance(value, bytes) else value


def _canonical(text: str) -> str:
    return json.dumps(json.loads(text), sort_keys=True, ensure_ascii=False)


def typed_visits(before: Snapshot) -> Snapshot:
    """``before`` as the typed-observations upgrade leaves it (store 0006, county 0005):
    every visit converted by ``convert_visit`` (the typed shape, and what does not fit a
    field appended to the notes), in the store, its last-agreed copies and the county's
    records; every other value as it was."""
    out = dict(before)

    def column(table: str, name: str) -> int:
        return before[table][0].index(name)

    if "visit" in before and "member" in before:
        hid, mid, name = (column("member", c) for c in ("household_id", "id", "name"))
        members: dict[str, dict[str, str]] = {}
        for m in before["member"][1]:
            members.setdefault(m[hid], {})[m[mid]] = m[name]
        vh, vo, vn = (column("visit", c) for c in ("household_id", "observations", "notes"))
        rows = []
        for r in before["visit"][1]:
            typed, notes = convert_visit(json.loads(r[vo]), r[vn], members.get(r[vh], {}))
            row = list(r)
            row[vo], row[vn] = _canonical(json.dumps(typed)), notes
            rows.append(tuple(row))
        out["visit"] = (before["visit"][0], sorted(rows, key=repr))
    if "sync_base" in before:
        at = column("sync_base", "data")
        rows = []
        for r in before["sync_base"][1]:
            data = json.loads(r[at])
            names = {k: v.get("name", "") for k, v in (data.get("member") or {}).items()}
            for visit in (data.get("visit") or {}).values():
                visit["observations"], visit["notes"] = convert_visit(
                    visit["observations"], visit["notes"], names
                )
            rows.append((*r[:at], _canonical(json.dumps(data)), *r[at + 1 :]))
        out["sync_base"] = (before["sync_base"][0], sorted(rows, key=repr))
    if "record" in before:
        table, hid, at = (column("record", c) for c in ("table_name", "household_id", "data"))
        ids = column("record", "id")
        names: dict[str, dict[str, str]] = {}
        for r in before["record"][1]:
            if r[table] == "member":
                names.setdefault(r[hid], {})[r[ids]] = json.loads(r[at])["name"]
        rows = []
        for r in before["record"][1]:
            if r[table] == "visit":
                data = json.loads(r[at])
                data["observations"], data["notes"] = convert_visit(
                    data["observations"], data["notes"], names.get(r[hid], {})
                )
                r = (*r[:at], _without_added(json.dumps(data)), *r[at + 1 :])
            rows.append(r)
        out["record"] = (before["record"][0], sorted(rows, key=repr))
    return out


def compact_decisions(before: Snapshot) -> Snapshot:
    """``before`` as store migration 0009 leaves it: every decision record's findings in the
    compact form (a fixture has one record per household, so none is superseded)."""
    if "decision" not in before:
        return before
    columns, rows = before["decision"]
    at = columns.index("findings")
    converted = []
    for r in rows:
        full = tuple(finding_from_full(d) for d in json.loads(r[at]))
        converted.append((*r[:at], encode_findings(full)[0], *r[at + 1 :]))
    return {**before, "decision": (columns, sorted(converted, key=repr))}


def _without_added(data: str) -> str:
    """A county record's JSON without the columns an upgrade added to it as null (county
    migrations 0004, 0008 and 0009): an added empty column is not a changed value."""
    values = json.loads(data)
    for column in (
        "member_id", "amount_fen", "appraisal",  # county migrations 0004, 0008
        "bank_code", "bank_name", "account_name", "account_number",  # 0009
        "certificate_number", "covered_members",
    ):  # fmt: skip
        if values.get(column, "kept") is None:
            del values[column]
    return json.dumps(values, sort_keys=True)


def assert_kept(before: Snapshot, after: Snapshot, what: str) -> None:
    assert set(before) <= set(after), f"{what}: tables gone: {set(before) - set(after)}"
    for name, (columns, rows) in before.items():
        kept = after[name][1]
        assert len(kept) == len(rows), f"{what}: {name} had {len(rows)} rows, has {len(kept)}"
        for column_index, column in enumerate(columns):
            old = [r[column_index] for r in rows]
            new = [r[column_index] for r in kept]
            assert old == new, f"{what}: {name}.{column} changed"
        assert kept == rows, f"{what}: rows of {name} changed"


def integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


def test_every_earlier_store_revision_has_a_fixture() -> None:
    from caseworker.store.db import alembic_config

    scripts = ScriptDirectory.from_config(alembic_config())
    earlier = {s.revision for s in scripts.walk_revisions()} - {head_revision()}
    assert earlier <= {revision_of(f) for f in STORE_FIXTURES}


@pytest.mark.parametrize("fixture", STORE_FIXTURES, ids=lambda p: p.name)
def test_a_store_from_an_earlier_schema_upgrades_with_every_row_kept(
    fixture: Path, tmp_path: Path
) -> None:
    revision = revision_of(fixture)
    path = tmp_path / "caseworker.db"
    shutil.copyfile(fixture, path)
    before = snapshot(path)
    assert before["household"][1], "the fixture has households"
    columns = {name: cols for name, (cols, _rows) in before.items()}

    store = open_store(path)
    try:
        assert current_revision(store.engine) == head_revision()
        if revision == head_revision():
            assert store.migration_backup is None
        else:
            backup = store.migration_backup
            assert backup is not None and backup.exists()
            assert backup.parent == path.parent and f"before-{revision}" in backup.name
            assert snapshot(backup) == before  # the backup is the store as it was
        store.close()
        assert integrity(path) == "ok"
        expected = typed_visits(before)
        if revision in ("0001", "0002", "0003", "0004", "0005", "0006", "0008"):
            expected = compact_decisions(expected)  # what 0009 did; later ones are compact
        assert_kept(expected, snapshot(path, columns), fixture.name)
        store = open_store(path)
        assert store.migration_backup is None  # nothing left to migrate
        check_store_works(store, before, revision)
    finally:
        store.close()
    assert integrity(path) == "ok"


def check_store_works(store: Store, before: Snapshot, revision: str) -> None:
    households = len(before["household"][1])
    with store.read() as conn:
        every = list(iter_households(conn))
        assert len(every) == households == count_households(conn)
        if revision < "0003":  # the upgrade puts every household in the outbox
            pending = conn.exec_driver_sql(
                "SELECT COUNT(DISTINCT household_id) FROM outbox WHERE state = 'pending'"
            ).scalar_one()
            assert pending == households
        if "decision" in before:
            decided = {
                row[before["decision"][0].index("household_id")] for row in before["decision"][1]
            }
            assert decided and all(latest_screening(conn, hid) is not None for hid in decided)
            images = {
                row[before["signature"][0].index("image_png")] for row in before["signature"][1]
            }
            signed = {
                row[before["signature"][0].index("household_id")] for row in before["signature"][1]
            }
            loaded = {s.image_png for hid in signed for s in household_signatures(conn, hid)}
            assert loaded == images
            assert len(list_drafts(conn)) == len(before["draft"][1])
    # Search finds a household by its head's name.
    target = every[3]
    assert target.head is not None
    with store.read() as conn:
        found = search_households(conn, target.head.name)
    assert target.id in {s.id for s in found}
    # An edit and a new household are saved, read back and audited.
    target.address = "升级后新地址"
    assert save_household(store, target)
    new = parse_household(BASE_HOUSEHOLD)
    assert save_household(store, new)
    with store.read() as conn:
        reloaded = load_household(conn, target.id)
        assert reloaded is not None and reloaded.address == "升级后新地址"
        assert load_household(conn, new.id) is not None
        assert count_households(conn) == households + 1
        assert {s.id for s in search_households(conn, "张学林")} >= {new.id}
        trail = audit.entries(conn)
    assert audit.verify_chain(trail).ok
    assert [(e.action, e.household_id) for e in trail[-2:]] == [
        ("update", target.id),
        ("create", new.id),
    ]


@pytest.mark.parametrize("fixture", COUNTY_FIXTURES, ids=lambda p: p.name)
def test_a_county_database_from_an_earlier_schema_upgrades_with_every_row_kept(
    fixture: Path, tmp_path: Path
) -> None:
    path = tmp_path / "county.db"
    shutil.copyfile(fixture, path)
    before = snapshot(path)
    assert before["record"][1] and before["conflict"][1] and before["policy"][1]
    columns = {name: cols for name, (cols, _rows) in before.items()}

    engine = county_db.open_county(path)
    assert county_db.current_revision(engine) == county_db.head_revision()
    engine.dispose()
    assert integrity(path) == "ok"
    assert_kept(typed_visits(before), snapshot(path, columns), fixture.name)

    # The server runs on it: a new laptop receives every household and the policy pack,
    # and what it sends is accepted.
    server = start_server(str(path), tmp_path)
    try:
        laptop = new_store(tmp_path / "laptop.db")
        code = create_enrollment(server.engine, worker="周敏", role="county", scope="610423")
        enroll(laptop, server.url, code)
        report = sync(laptop)
        assert report.received == len(before["household"][1])
        assert report.policies == len(before["policy"][1])
        with laptop.read() as conn:
            h = next(iter_households(conn))
        h.address = "县里升级后修改"
        save_household(laptop, h)
        report = sync(laptop)
        assert report.accepted == 1 and report.synced
        if "audit_entry" in before:
            assert all(check.ok for check in verify_devices(server.engine).values())
        assert server.alive
        laptop.close()
    finally:
        server.stop()
        server.engine.dispose()
