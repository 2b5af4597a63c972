"""Checkpoints of a SQLite county database taken while the server is idle.

In WAL mode SQLite writes each change twice: to the write-ahead log at commit, and into
the database file at a checkpoint, which by default the commit that passes 1,000 pages
runs there and then (with the flush to disk). A device sending 100 MB of evidence would
wait for both. The server instead lets the log grow up to ``LOG_PAGES_LIMIT`` pages and
copies it into the database on a thread of its own once no write has come for
``QUIET_SECONDS``: the same work and the same flush, done after the device's requests
have been answered. Past the limit a commit checkpoints as before, so the log never grows
without bound, and a server stopped before its checkpoint leaves a log that the next
opening of the database takes up (nothing committed is lost).

PostgreSQL checkpoints in the background on its own; there this is not used.
"""

import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine

# 256 MiB of 4 KiB pages: the most a commit leaves in the log before it checkpoints.
LOG_PAGES_LIMIT = 65536
QUIET_SECONDS = 0.5  # no write for this long: the server is idle


def sqlite_file(engine: Engine) -> Path | None:
    """The engine's SQLite database file, or None (PostgreSQL, or SQLite in memory)."""
    database = engine.url.database
    if engine.dialect.name != "sqlite" or not database or database == ":memory:":
        return None
    return Path(database)


def _log_state(log: Path) -> tuple[int, int] | None:
    try:
        stat = os.stat(log)
    except FileNotFoundError:
        return None
    return (stat.st_size, stat.st_mtime_ns)


def checkpoint_when_quiet(database: Path, stop: threading.Event) -> None:
    """Until ``stop`` is set: copy the log into the database each time it has changed and
    then stayed the same for ``QUIET_SECONDS`` (a passive checkpoint: it never makes a
    reader or a writer wait)."""
    log = Path(f"{database}-wal")
    seen = _log_state(log)
    done: tuple[int, int] | None = None  # a log left from before is copied too
    while not stop.wait(QUIET_SECONDS):
        now = _log_state(log)
        if now != seen:  # written since the last look: not quiet yet
            seen = now
            continue
        if now is not None and now != done:
            # A connection of its own, outside any transaction (the engine's begin each
            # with BEGIN IMMEDIATE, and a checkpoint cannot run inside one).
            conn = sqlite3.connect(database, isolation_level=None)
            try:
                conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
            finally:
                conn.close()
            done = _log_state(log)  # a checkpoint may touch the log's header
            seen = done


@contextmanager
def idle_checkpoints(engine: Engine) -> Iterator[None]:
    """While the block runs (the server serving), checkpoint the engine's SQLite database
    when it is idle; nothing on PostgreSQL."""
    database = sqlite_file(engine)
    if database is None:
        yield
        return
    stop = threading.Event()
    worker = threading.Thread(
        target=checkpoint_when_quiet,
        args=(database, stop),
        name="caseworker-county-checkpoints",
        daemon=True,
    )
    worker.start()
    try:
        yield
    finally:
        stop.set()
        worker.join()
