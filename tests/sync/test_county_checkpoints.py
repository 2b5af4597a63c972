"""A SQLite county database takes a write into its log at once and into its file once
the server is idle: a commit no longer waits for the copy."""

import os
import time
from pathlib import Path

from sqlalchemy import text

from caseworker.sync.county.checkpoints import QUIET_SECONDS, idle_checkpoints, sqlite_file
from caseworker.sync.county.db import open_county

MiB = 1024 * 1024


def test_writes_reach_the_database_file_when_the_server_is_idle(tmp_path: Path) -> None:
    db = tmp_path / "county.db"
    engine = open_county(db)
    try:
        assert sqlite_file(engine) == db
        log = tmp_path / "county.db-wal"
        with engine.begin() as conn:
            conn.execute(text("CREATE TABLE blobs (data BLOB)"))
        with engine.connect() as conn:
            conn.connection.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        before = db.stat().st_size
        for _ in range(8):  # 8 MiB: past SQLite's own 1,000 pages (4 MB) for one commit
            with engine.begin() as conn:
                conn.execute(text("INSERT INTO blobs VALUES (:d)"), {"d": os.urandom(MiB)})
        assert db.stat().st_size < before + MiB  # in the log, not yet in the file
        assert log.stat().st_size > 8 * MiB
        with idle_checkpoints(engine):
            deadline = time.monotonic() + 20 * QUIET_SECONDS + 10
            while db.stat().st_size < before + 8 * MiB and time.monotonic() < deadline:
                time.sleep(0.1)
        assert db.stat().st_size >= before + 8 * MiB
        with engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM blobs")).scalar_one() == 8
    finally:
        engine.dispose()


def test_nothing_to_checkpoint_on_postgresql_or_in_memory() -> None:
    engine = open_county("sqlite://")
    try:
        assert sqlite_file(engine) is None
        with idle_checkpoints(engine):
            pass
    finally:
        engine.dispose()
