"""A large file imported in two processes ends exactly as the ordinary import would:
the same rows, index, outbox and audit trail; and whenever it cannot (a bad household,
one already stored, a clash with the store), the same result or the same errors, with
nothing of the attempt left behind."""

import json
import sqlite3
from copy import deepcopy
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from caseworker.demo.generator import generate_households
from caseworker.demo.places import demo_regions
from caseworker.domain.validation import ValidationFailed
from caseworker.importing.pipeline import import_households, import_in_two_processes
from caseworker.interchange.files import export_document, read_household_file
from caseworker.store import audit
from caseworker.store.db import Store, open_store
from caseworker.store.households import save_households
from caseworker.store.prepared import CONTENT
from caseworker.store.regions import add_regions
from caseworker.store.search import INDEX_COLUMNS, index_row, search_households
from tests.conftest import BASE_HOUSEHOLD

HOUSEHOLDS = generate_households(60, seed=5, as_of=date(2026, 11, 1))


def new_store(path: Path) -> Store:
    store = open_store(path)
    with store.begin() as conn:
        add_regions(conn, demo_regions())
    return store


def export_file(path: Path, households: list[Any] = HOUSEHOLDS) -> Path:
    path.write_text(export_document(households, demo_regions()), encoding="utf-8")
    return path


def content(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's content columns (not the per-row timestamps and ids of the moment)."""
    conn = sqlite3.connect(store.path)
    try:
        out = {
            name: sorted(conn.execute(f"SELECT {', '.join(columns)} FROM {name}"), key=repr)
            for name, columns in CONTENT.items()
        }
        out["household_index"] = sorted(
            conn.execute(f"SELECT {', '.join(INDEX_COLUMNS)} FROM household_index"), key=repr
        )
        out["outbox"] = sorted(conn.execute("SELECT household_id, kind, state FROM outbox"))
        out["audit"] = sorted(
            conn.execute("SELECT action, household_id, detail FROM audit"), key=repr
        )
        return out
    finally:
        conn.close()


def everything(store: Store) -> list[tuple[Any, ...]]:
    """Every row of every table, as it is."""
    conn = sqlite3.connect(store.path)
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return [
            (name, *row) for name in sorted(names) for row in conn.execute(f"SELECT * FROM {name}")
        ]
    finally:
        conn.close()


def test_two_processes_write_exactly_what_the_ordinary_import_writes(tmp_path: Path) -> None:
    path = export_file(tmp_path / "county.json")
    ordinary = new_store(tmp_path / "ordinary.db")
    batch = read_household_file(path)
    save_households(ordinary, batch.households, regions=batch.regions)
    ours = new_store(tmp_path / "ours.db")
    result = import_in_two_processes(ours, path)
    assert result is not None and result.added == len(HOUSEHOLDS)
    assert content(ours) == content(ordinary)
    with ours.read() as conn:
        assert audit.verify_chain(audit.entries(conn)).ok
        head = HOUSEHOLDS[7].head
        assert head is not None
        assert HOUSEHOLDS[7].id in {s.id for s in search_households(conn, head.name)}
        number = head.id_number
        assert HOUSEHOLDS[7].id in {s.id for s in search_households(conn, number[-6:])}
    ordinary.close()
    ours.close()


def test_a_plain_list_of_households_goes_the_same_way(tmp_path: Path) -> None:
    path = tmp_path / "list.json"
    from caseworker.interchange.household_format import household_to_dict

    path.write_text(
        json.dumps([household_to_dict(h) for h in HOUSEHOLDS], ensure_ascii=False), "utf-8"
    )
    store = new_store(tmp_path / "s.db")
    result = import_in_two_processes(store, path)
    assert result is not None and result.added == len(HOUSEHOLDS)
    store.close()


def test_a_bad_household_gives_the_ordinary_errors_and_writes_nothing(tmp_path: Path) -> None:
    document = json.loads(export_document(HOUSEHOLDS, demo_regions()))
    document["households"][40]["members"][0]["id_number"] = "610423197401080658"
    document["households"][55]["address"] = ""
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ValidationFailed) as ordinary:
        read_household_file(path)
    store = new_store(tmp_path / "s.db")
    before = everything(store)
    assert import_in_two_processes(store, path) is None
    with pytest.raises(ValidationFailed) as ours:
        import_households(store, [path], stream_min_bytes=0)
    assert ours.value.messages() == ordinary.value.messages()
    assert len(ours.value.errors) == 2
    assert everything(store) == before
    store.close()


def test_a_clash_within_the_file_gives_the_ordinary_errors(tmp_path: Path) -> None:
    twin = deepcopy(HOUSEHOLDS[3])
    twin.village_code = "610423999999"
    path = export_file(tmp_path / "dup.json", [*HOUSEHOLDS, twin])
    reference = new_store(tmp_path / "reference.db")
    batch = read_household_file(path)
    with pytest.raises(ValidationFailed) as ordinary:
        save_households(reference, batch.households, regions=batch.regions)
    store = new_store(tmp_path / "s.db")
    before = everything(store)
    with pytest.raises(ValidationFailed) as ours:
        import_households(store, [path], stream_min_bytes=0)
    assert ours.value.messages() == ordinary.value.messages()
    assert everything(store) == before
    reference.close()
    store.close()


def test_an_id_number_already_stored_elsewhere_gives_the_ordinary_error(tmp_path: Path) -> None:
    from caseworker.interchange.household_format import parse_household

    store = new_store(tmp_path / "s.db")
    other = deepcopy(BASE_HOUSEHOLD)
    other["members"] = [dict(other["members"][0], id_number=HOUSEHOLDS[9].members[0].id_number)]
    save_households(store, [parse_household(other)])
    path = export_file(tmp_path / "county.json")
    before = everything(store)
    with pytest.raises(ValidationFailed) as ours:
        import_households(store, [path], stream_min_bytes=0)
    assert [e.code for e in ours.value.errors] == ["id_in_other_household"]
    assert everything(store) == before
    store.close()


def test_households_already_stored_are_updated_the_ordinary_way(tmp_path: Path) -> None:
    store = new_store(tmp_path / "s.db")
    save_households(store, HOUSEHOLDS[:10])
    changed = deepcopy(HOUSEHOLDS)
    changed[2].address = "新地址"
    path = export_file(tmp_path / "county.json", changed)
    result = import_households(store, [path], stream_min_bytes=0)
    assert (result.added, result.updated, result.unchanged) == (50, 1, 9)
    store.close()


def test_a_worker_that_cannot_start_leaves_the_ordinary_way(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import multiprocessing.context

    def refuse(_self: Any) -> None:
        raise OSError("no new processes here")

    monkeypatch.setattr(multiprocessing.context.SpawnProcess, "start", refuse)
    store = new_store(tmp_path / "s.db")
    path = export_file(tmp_path / "c.json")
    assert import_in_two_processes(store, path) is None
    result = import_households(store, [path], stream_min_bytes=0)
    assert result.added == len(HOUSEHOLDS)
    store.close()


def test_index_rows_bind_in_the_declared_column_order() -> None:
    assert tuple(index_row(HOUSEHOLDS[0])) == INDEX_COLUMNS
