import sqlite3
from pathlib import Path
from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlmodel import SQLModel

from caseworker.store.db import (
    PAGE_SIZE,
    SCHEMA_HEAD,
    connect_raw,
    current_revision,
    head_revision,
    is_managed_name,
    open_store,
)


def test_the_known_head_is_the_newest_migration_script() -> None:
    assert head_revision() == SCHEMA_HEAD


def test_a_new_file_is_migrated_to_head_without_a_backup(tmp_path: Path) -> None:
    store = open_store(tmp_path / "new.db")
    assert current_revision(store.engine) == head_revision()
    assert store.migration_backup is None
    assert list(tmp_path.glob("*.bak")) == []
    store.close()


def test_an_existing_file_is_backed_up_before_it_is_migrated(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    legacy = sqlite3.connect(path)
    legacy.execute("CREATE TABLE notes (text TEXT)")
    legacy.execute("INSERT INTO notes VALUES ('written by an earlier tool')")
    legacy.commit()
    legacy.close()
    store = open_store(path)
    assert store.migration_backup is not None and store.migration_backup.exists()
    backup = sqlite3.connect(store.migration_backup)
    assert backup.execute("SELECT text FROM notes").fetchall() == [("written by an earlier tool",)]
    backup.close()
    assert current_revision(store.engine) == head_revision()
    store.close()


def test_reopening_a_current_store_changes_nothing(tmp_path: Path) -> None:
    first = open_store(tmp_path / "s.db")
    device = first.device_id
    first.close()
    again = open_store(tmp_path / "s.db")
    assert again.migration_backup is None
    assert again.device_id == device
    again.close()


def test_the_migrations_create_exactly_the_tables_the_code_declares(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s.db")
    with store.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_name": is_managed_name})
        diff = compare_metadata(context, SQLModel.metadata)
    store.close()
    assert diff == []


def test_sqlite_runs_in_wal_mode_with_foreign_keys_on(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s.db")
    with store.read() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    store.close()


def test_a_new_store_has_large_pages_and_an_encrypted_one_sqlciphers_own(
    tmp_path: Path,
) -> None:
    open_store(tmp_path / "plain.db").close()
    plain = sqlite3.connect(tmp_path / "plain.db")
    assert plain.execute("PRAGMA page_size").fetchone()[0] == PAGE_SIZE
    plain.close()
    key = bytes(range(32))
    open_store(tmp_path / "secret.db", key=key).close()
    # Readable by a connection given only the key (SQLCipher's default page size).
    secret = connect_raw(tmp_path / "secret.db", key)
    assert secret.execute("SELECT count(*) FROM household").fetchone()[0] == 0
    secret.close()


def test_a_store_from_the_first_schema_upgrades_with_every_row_kept(tmp_path: Path) -> None:
    from datetime import date

    from alembic import command

    from caseworker.demo.generator import generate_households
    from caseworker.demo.places import demo_regions
    from caseworker.interchange.household_format import household_to_dict
    from caseworker.store.db import alembic_config
    from caseworker.store.households import iter_households, save_households

    # Written by today's code, then taken back to the first schema by the migrations' own
    # downgrades (today's code cannot write the old tables), then opened again.
    path = tmp_path / "v1.db"
    old = open_store(path)
    households = generate_households(40, seed=9, as_of=date(2026, 11, 1))
    save_households(old, households, regions=demo_regions())
    config = alembic_config()
    with old.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0001")
    assert current_revision(old.engine) == "0001"
    old.close()
    upgraded = open_store(path)
    assert upgraded.migration_backup is not None
    assert current_revision(upgraded.engine) == head_revision()
    with upgraded.read() as conn:
        kept = [household_to_dict(h) for h in iter_households(conn)]
    upgraded.close()
    expected = sorted((household_to_dict(h) for h in households), key=lambda d: d["id"])
    assert kept == [as_in_the_first_schema(d) for d in expected]


def as_in_the_first_schema(household: dict[str, Any]) -> dict[str, Any]:
    """A household without what the first schema could not hold (a decision's amount and
    member, added in 0008; the account and certificate numbers, 0014): what survives a
    downgrade to it."""
    for application in household["applications"]:
        application["member_id"] = None
        for entry in application["history"]:
            entry["amount_yuan"] = entry["member_id"] = None
    household.pop("payment", None)
    for benefit in household["benefits"]:
        benefit.pop("certificate_number", None)
        benefit.pop("covered_members", None)
    return household
