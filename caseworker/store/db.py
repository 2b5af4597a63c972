"""Opening the local store: SQLite in WAL mode with foreign keys on, migrated on open.

Before any migration of an existing file, the file is copied (SQLite online backup) next to
it, so an upgrade can never cost a specialist their records.

SQLAlchemy (with the tables, a third of a second of imports) is loaded when the engine is
first used, not when a store at the current schema is opened: the desktop app draws its
first window from plain DB-API reads (``Store.raw``) and loads the rest afterwards.
"""

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from caseworker.store.failures import StoreError, damaged, store_failure

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy import Connection, Engine

# Alembic reads the migration scripts as files. In the PyInstaller bundle ``__file__`` lies
# in the bundle's folder (``_internal/caseworker/store/``), where build/caseworker.spec puts
# the scripts as data, so this path holds both from source and frozen.
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# The newest migration. Opening a store that is already at this revision needs no Alembic
# (importing it costs half a second of start-up); a test keeps this equal to the scripts.
CACHE_KIB = 16 * 1024
BULK_CACHE_KIB = 128 * 1024
PAGE_SIZE = 16 * 1024
SCHEMA_HEAD = "0015"


def _set_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Take transaction control away from the sqlite3 module so BEGIN/SAVEPOINT work as
    # SQLAlchemy expects (its documented recipe for pysqlite).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    # FULL: a committed visit survives a power cut, not only a crash of the app.
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA busy_timeout=10000")
    # 16 MB of page cache per connection (a laptop holds a few); large imports raise it
    # for their own transaction (see households.save_households).
    cursor.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
    cursor.close()


def _set_page_size(dbapi_connection: Any, _record: Any) -> None:
    # 16 KB pages for a new unencrypted store (an existing one keeps its own; a WAL store's
    # page size is fixed once it has one): importing 50,000 households wrote 12% faster
    # than with 4 KB pages. Not for an encrypted store: SQLCipher would honour it, and then
    # the file could only be read by a connection told the same page size first.
    dbapi_connection.execute(f"PRAGMA page_size={PAGE_SIZE}")


def _quiet_sqlcipher(dbapi_connection: Any, _record: Any = None) -> None:
    # SQLCipher prints a line to stderr for every page that fails its check: a damaged
    # store gave thousands of "ERROR CORE" lines around the one message a person needs,
    # which the error itself carries (see failures.py).
    dbapi_connection.execute("PRAGMA cipher_log_level = NONE")


def _begin(conn: "Connection") -> None:
    conn.exec_driver_sql("BEGIN")


def sqlcipher_key(key: bytes) -> str:
    """SQLCipher's spelling of a raw 256-bit key (no passphrase derivation of its own:
    the key already comes from Argon2id)."""
    return f"x'{key.hex()}'"


def make_engine(path: Path, key: bytes | None = None) -> "Engine":
    """An engine on the SQLite file at ``path`` with the store's connection settings;
    SQLCipher-encrypted with ``key`` when one is given."""
    from sqlalchemy import URL, create_engine, event

    if key is None:
        url = URL.create("sqlite", database=str(path))
    else:
        url = URL.create("sqlite+pysqlcipher", password=sqlcipher_key(key), database=str(path))
    engine = create_engine(url, connect_args={"check_same_thread": False})
    if key is None:
        event.listen(engine, "connect", _set_page_size)  # before journal_mode=WAL
    else:
        event.listen(engine, "connect", _quiet_sqlcipher)
    event.listen(engine, "connect", _set_pragmas)
    event.listen(engine, "begin", _begin)
    return engine


def is_managed_name(name: str | None, type_: str, _parent: object = None) -> bool:
    """Whether Alembic manages a schema object: not the FTS5 index or its shadow tables,
    which SQLite creates and owns (the migration creates the index by hand)."""
    return not (
        type_ == "table"
        and name is not None
        and name.startswith(("household_search", "household_prefix"))
    )


def alembic_config() -> "Config":
    """Alembic configuration pointing at the packaged migrations."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    """The newest schema revision among the migration scripts (asks Alembic)."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: "Engine") -> str | None:
    """The schema revision of the database, or None for a database never migrated."""
    from sqlalchemy import inspect, text

    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def connect_raw(path: Path, key: bytes | None = None) -> Any:
    """A plain DB-API connection (sqlite3, or sqlcipher3 keyed with ``key``)."""
    if key is None:
        import sqlite3

        return sqlite3.connect(path)
    import sqlcipher3

    conn = sqlcipher3.connect(str(path))
    _quiet_sqlcipher(conn)
    conn.execute(f'PRAGMA key = "{sqlcipher_key(key)}"')
    return conn


def backup_file(path: Path, destination: Path, key: bytes | None = None) -> None:
    """Copy a live database consistently (online backup API, WAL included); an encrypted
    database gives an encrypted copy under the same key."""
    source = connect_raw(path, key)
    try:
        target = connect_raw(destination, key)
        try:
            source.backup(target)
        finally:
            target.close()
    finally:
        source.close()


def migrate(
    engine: "Engine",
    path: Path,
    *,
    revision: str = "head",
    existed: bool = True,
    key: bytes | None = None,
) -> Path | None:
    """Bring the database to ``revision``; return the backup made first, if any.

    ``existed`` is False for a file this call's caller just created: nothing to back up.
    """
    current = current_revision(engine)
    target = SCHEMA_HEAD if revision == "head" else revision
    if current == target:
        return None
    from alembic import command

    backup = None
    if existed:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        backup = path.with_name(f"{path.name}.before-{current or 'schema'}-{stamp}.bak")
        backup_file(path, backup, key)
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, target)
    return backup


@dataclass
class Store:
    """An open local store: the file, this device's id, and the engine (made on first use)."""

    path: Path
    device_id: str
    migration_backup: Path | None = None
    key: bytes | None = field(default=None, repr=False)
    actor: str = ""  # the signed-in worker, named in the audit trail
    _engine: "Engine | None" = field(default=None, repr=False)
    _engine_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def encrypted(self) -> bool:
        return self.key is not None

    @property
    def engine(self) -> "Engine":
        """The SQLAlchemy engine, made (and SQLAlchemy imported) on first use; the GUI
        thread and a background task may both ask first."""
        with self._engine_lock:
            if self._engine is None:
                self._engine = make_engine(self.path, self.key)
            return self._engine

    @contextmanager
    def raw(self) -> Iterator[Any]:
        """A plain DB-API connection of its own, for the few reads that must not wait for
        SQLAlchemy (the first window of the app); closed afterwards."""
        conn = connect_raw(self.path, self.key)
        try:
            conn.execute("PRAGMA busy_timeout=10000")
            yield conn
        finally:
            conn.close()

    @contextmanager
    def begin(self) -> Iterator["Connection"]:
        """A connection inside one transaction: committed on success, rolled back on error."""
        with self.engine.begin() as conn:
            yield conn

    @contextmanager
    def bulk(self) -> Iterator["Connection"]:
        """Like ``begin``, with a large page cache while it lasts (imports of many
        households: their index updates then stay in memory)."""
        with self.engine.begin() as conn:
            conn.exec_driver_sql(f"PRAGMA cache_size=-{BULK_CACHE_KIB}")
            try:
                yield conn
            finally:
                conn.exec_driver_sql(f"PRAGMA cache_size=-{CACHE_KIB}")

    @contextmanager
    def read(self) -> Iterator["Connection"]:
        """A connection for reading."""
        with self.engine.connect() as conn:
            yield conn

    def setting(self, key: str) -> str | None:
        from sqlalchemy import select

        from caseworker.store.tables import SETTING

        with self.read() as conn:
            return conn.execute(select(SETTING.c.value).where(SETTING.c.key == key)).scalar()

    def set_setting(self, key: str, value: str) -> None:
        with self.begin() as conn:
            write_setting(conn, key, value)

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()


def write_setting(conn: "Connection", key: str, value: str) -> None:
    """Insert or replace one setting inside the caller's transaction."""
    from caseworker.store.tables import SETTING

    conn.execute(SETTING.delete().where(SETTING.c.key == key))
    conn.execute(SETTING.insert().values(key=key, value=value))


def open_store(path: Path, *, revision: str = "head", key: bytes | None = None) -> Store:
    """Open (creating if needed) the store at ``path`` and migrate it to ``revision``.

    ``key`` opens an encrypted store (see ``caseworker.security``); without it the file is
    plain SQLite (tests, benchmarks, and the demo before a password is set).
    """
    path = Path(path)
    if path.exists() and path.is_dir():
        raise StoreError(
            f"数据库路径是一个文件夹：{path}", f"the database path is a folder: {path}"
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    existed = path.exists() and path.stat().st_size > 0
    if existed and revision in ("head", SCHEMA_HEAD):
        device_id = _device_id_if_current(path, key)
        if device_id is not None:  # the usual start: nothing to migrate or write
            return Store(path=path, device_id=device_id, key=key)
    from sqlalchemy import select

    from caseworker.store.tables import SETTING, new_id

    engine = make_engine(path, key)
    try:
        backup = migrate(engine, path, revision=revision, existed=existed, key=key)
    except Exception as exc:
        engine.dispose()
        failure = store_failure(exc, path)
        # A damaged file can also make SQLite answer with bytes that are not text at all.
        if failure is None and existed and isinstance(exc, UnicodeDecodeError):
            failure = damaged(path)
        if failure is not None:
            raise failure from exc
        raise
    with engine.begin() as conn:
        device_id = conn.execute(
            select(SETTING.c.value).where(SETTING.c.key == "device_id")
        ).scalar()
        if device_id is None:
            device_id = new_id()
            write_setting(conn, "device_id", device_id)
    return Store(path=path, device_id=device_id, migration_backup=backup, key=key, _engine=engine)


def _device_id_if_current(path: Path, key: bytes | None) -> str | None:
    """This device's id, read without SQLAlchemy, if the store at ``path`` is already at
    the newest schema and has one; None when the full opening is needed (a migration, a
    first opening, or any error, which the full opening reports properly)."""
    try:
        conn = connect_raw(path, key)
    except Exception:
        return None
    try:
        conn.execute("PRAGMA busy_timeout=10000")
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        if row is None or row[0] != SCHEMA_HEAD:
            return None
        row = conn.execute("SELECT value FROM setting WHERE key = 'device_id'").fetchone()
        return None if row is None else str(row[0])
    except Exception:  # not a database, wrong key, no schema yet: the full path says why
        return None
    finally:
        conn.close()
