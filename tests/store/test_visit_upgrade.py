"""Upgrading a store whose visits were recorded before observations were typed (schema
0008, migration 0006): the visit form's values land in their fields, anything else is
appended to the visit's notes in words, and nothing else is touched: signatures, the audit
trail and the sync's last-agreed copies still agree with the visits."""

import io
import json
import sqlite3
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from caseworker.demo.generator import generate_households
from caseworker.demo.places import demo_regions
from caseworker.domain.records import Household
from caseworker.interchange.household_format import household_to_dict, parse_household
from caseworker.interchange.legacy_observations import TOO_LONG
from caseworker.printing.documents import render_form
from caseworker.store import audit
from caseworker.store.db import current_revision, head_revision, open_store
from caseworker.store.households import load_household, save_household, save_households
from caseworker.store.signatures import SignerRole, save_signature
from caseworker.sync.local_rows import read_bases, read_rows
from caseworker.sync.outbox import diff_rows
from tests.printing.helpers import page_texts
from tests.store.earlier import later_columns

DAY = date(2026, 11, 1)
REGIONS = {r.code: r.name for r in demo_regions()}
GONE = "0f0e0d0c-0b0a-4909-8807-060504030201"  # a member who has left the household


def png() -> bytes:
    out = io.BytesIO()
    Image.new("L", (40, 20), 255).save(out, format="PNG")
    return out.getvalue()


def rows_of(path: Path, table: str) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(path)
    try:
        return sorted(conn.execute(f'SELECT * FROM "{table}"'), key=repr)
    finally:
        conn.close()


def set_visit(path: Path, visit_id: str, observations: Any, notes: str) -> None:
    conn = sqlite3.connect(path)
    with conn:
        conn.execute(
            "UPDATE visit SET observations = ?, notes = ? WHERE id = ?",
            (json.dumps(observations), notes, visit_id),
        )
    conn.close()


@pytest.fixture
def old_store(tmp_path: Path) -> tuple[Path, list[Household]]:
    """A store at schema 0008 with four visited households and a signature on a visit."""
    path = tmp_path / "caseworker.db"
    store = open_store(path, revision="0008")
    store.actor = "王建华"
    households = generate_households(80, seed=5, as_of=DAY)
    # Without applications: their stages have columns a store at 0008 did not have yet.
    visited = [replace(h, applications=[]) for h in households if h.visits and len(h.members) >= 2][
        :4
    ]
    with later_columns(store):
        save_households(store, visited, regions=demo_regions())
    with store.begin() as conn:
        save_signature(
            conn,
            household_id=visited[1].id,
            signer_name=visited[1].visits[0].workers[0],
            signer_role=SignerRole.INVESTIGATOR,
            document_kind="visit",
            document_id=visited[1].visits[0].id,
            document_sha256="5" * 64,
            image_png=png(),
            device_id=store.device_id,
            signed_at=datetime(2026, 10, 20, 9, 0, tzinfo=UTC),
        )
    store.close()
    return path, visited


OLD_FORM = {  # what the visit form wrote before (blank parts as "" and 0)
    "housing": {"structure": "", "area_m2": 0, "condition": "poor"},
    "livestock": {"sheep": 3, "cattle": 0},
    "vehicles": {"tricycle": 1},
    "incomes": [],  # filled with the members' ids below
    "hardship_causes": ["illness"],
    "property_notes": "存款2000元",
    "expense_notes": "",
}


def test_a_store_of_old_visits_is_upgraded_and_nothing_is_lost(
    old_store: tuple[Path, list[Household]],
) -> None:
    path, (form, free, mixed, typed) = old_store
    a, b = form.members[0], form.members[1]
    old_form = dict(
        OLD_FORM,
        incomes=[
            {"member_id": a.id, "kind": "wage", "monthly_yuan": "1200"},
            {"member_id": b.id, "kind": "farming", "monthly_yuan": "300.5"},
        ],
    )
    set_visit(path, form.visits[0].id, old_form, "邻居反映属实")
    set_visit(path, free.visits[0].id, {"housing": "砖混平房", "livestock": "羊3只"}, "")
    mixed_old = {
        "housing": {"structure": "砖木结构", "area_m2": 85.5, "condition": "fair"},
        "livestock": {"马": 2, "sheep": 4},
        "incomes": [
            {"member_id": GONE, "kind": "pension", "monthly_yuan": "1500.00"},
            {"member_id": mixed.members[0].id, "kind": "wage", "monthly_yuan": "12OO"},
        ],
        "hardship_causes": ["illness", "疾病", "贫困"],
        "水源": "自来水",
    }
    set_visit(path, mixed.visits[0].id, mixed_old, "原有备注")
    typed_before = rows_of(path, "visit")
    # The county agreed to the free-text household as it was (its last-agreed copy).
    # (Written as schema 0008 kept it: JSON text, before copies were packed.)
    store = open_store(path, revision="0008")
    with later_columns(store), store.begin() as conn:
        rows = read_rows(conn, [free.id])[free.id]
        conn.exec_driver_sql(
            "INSERT INTO sync_base (household_id, server_seq, data) VALUES (?, 7, ?)",
            (free.id, json.dumps({name: table for name, table in rows.items() if table})),
        )
    store.close()
    signatures_before = rows_of(path, "signature")
    audit_before = rows_of(path, "audit")

    store = open_store(path)
    try:
        assert current_revision(store.engine) == head_revision()
        assert store.migration_backup is not None  # the old visits are kept there as well
        assert rows_of(store.migration_backup, "visit") == typed_before
        with store.read() as conn:
            after = {h.id: load_household(conn, h.id) for h in (form, free, mixed, typed)}
        data = {hid: household_to_dict(h) for hid, h in after.items() if h is not None}

        # The old form's dict: exactly into the typed fields, blanks as not noted.
        visit = data[form.id]["visits"][0]
        assert visit["observations"] == {
            "housing": {"structure": None, "area_m2": None, "condition": "poor"},
            "livestock": {"sheep": 3},
            "vehicles": {"tricycle": 1},
            "incomes": [
                {"member_id": a.id, "kind": "wage", "monthly_yuan": "1200.00"},
                {"member_id": b.id, "kind": "farming", "monthly_yuan": "300.50"},
            ],
            "hardship_causes": ["illness"],
            "property_notes": "存款2000元",
            "expense_notes": "",
        }
        assert visit["notes"] == "邻居反映属实"
        # Free text: appended to the notes in words.
        visit = data[free.id]["visits"][0]
        assert visit["observations"]["housing"] is None
        assert visit["observations"]["livestock"] == {}
        assert visit["notes"] == "住房：砖混平房；牲畜：羊3只"
        # What does not fit its field, word by word; the rest typed.
        visit = data[mixed.id]["visits"][0]
        assert visit["observations"]["housing"] == {
            "structure": "brick_wood",
            "area_m2": None,
            "condition": "fair",
        }
        assert visit["observations"]["livestock"] == {"sheep": 4}
        assert visit["observations"]["incomes"] == []
        assert visit["observations"]["hardship_causes"] == ["illness"]
        assert visit["notes"] == (
            "原有备注\n住房面积：85.5平方米；牲畜：马2；收入：原家庭成员养老金、退休金1500.00元/月；"
            f"收入：{mixed.members[0].name}工资性收入12OO；致困原因：贫困；水源：自来水"
        )
        # A visit already typed is untouched.
        assert data[typed.id]["visits"] == household_to_dict(typed)["visits"]

        # Every household reads back through the format, signed visits and all, and a
        # save that changes nothing else is accepted (the signed visits are as stored).
        for h in after.values():
            assert h is not None
            assert household_to_dict(parse_household(household_to_dict(h), today=DAY)) == (
                household_to_dict(h)
            )
        changed = after[form.id]
        assert changed is not None and changed.visits[0].signed_at is not None
        changed.address = "三组20号"
        assert save_household(store, changed)

        # The last-agreed copy was converted the same way: no change to send.
        with store.read() as conn:
            local, base = read_rows(conn, [free.id]), read_bases(conn, [free.id])
        assert diff_rows(free.id, local[free.id], base[free.id]) == []
        # Signatures and the audit trail are as they were (then the edit above is audited).
        assert rows_of(path, "signature") == signatures_before
        with store.read() as conn:
            trail = audit.entries(conn)
        assert audit.verify_chain(trail).ok
        assert len(trail) == len(audit_before) + 1
        # The investigation form of the free-text visit prints what was appended.
        printed = after[free.id]
        assert printed is not None
        text = page_texts(render_form("investigation", printed, regions=REGIONS, printed_on=DAY))
        assert "住房：砖混平房；牲畜：羊3只" in text[0]
    finally:
        store.close()


def test_notes_past_the_formats_length_keep_what_fits_and_say_where_the_rest_is(
    old_store: tuple[Path, list[Household]],
) -> None:
    path, households = old_store
    visit = households[0].visits[0]
    set_visit(path, visit.id, {"情况": "很长的记录" * 500}, "原有备注")
    store = open_store(path)
    try:
        with store.read() as conn:
            h = load_household(conn, households[0].id)
        assert h is not None
        notes = h.visits[0].notes
        assert len(notes) == 2000 and notes.startswith("原有备注\n情况：很长的记录")
        assert notes.endswith(TOO_LONG)
        parse_household(household_to_dict(h), today=DAY)  # still a valid household
    finally:
        store.close()
