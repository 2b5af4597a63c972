"""The county server's database: SQLite (a file path) by default, PostgreSQL by URL.

The same code runs on both; migrations (Alembic, ``migrations/``) run when the server
starts or ``county init`` runs.
"""

from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event, func, select, update

from caseworker.sync.county.checkpoints import LOG_PAGES_LIMIT
from caseworker.sync.county.tables import COUNTER

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def database_url(db: str | Path) -> str:
    """A SQLAlchemy URL for ``db``: a PostgreSQL URL as given, anything else a SQLite file."""
    text = str(db)
    if text.startswith(("postgresql://", "postgresql+psycopg://", "postgres://")):
        if text.startswith("postgres://"):
            text = "postgresql://" + text[len("postgres://") :]
        # psycopg 3 is the driver the project installs.
        return text.replace("postgresql://", "postgresql+psycopg://", 1)
    if text.startswith("sqlite:"):
        return text
    return f"sqlite:///{Path(text)}"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    # 64 MB of page cache: record ids are random UUIDs, so a push of thousands of rows
    # touches index pages all over the file (SQLite's default cache is 2 MB).
    cursor.execute("PRAGMA cache_size=-65536")
    # The server copies the log into the database while idle (checkpoints.py); a commit
    # does it only past this many pages.
    cursor.execute(f"PRAGMA wal_autocheckpoint={LOG_PAGES_LIMIT}")
    cursor.close()


def _sqlite_begin(conn: Connection) -> None:
    # IMMEDIATE: a push takes the write lock at its start, so two pushes queue instead of
    # failing when both try to upgrade a read lock.
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def make_engine(db: str | Path) -> Engine:
    """An engine on the county database at ``db`` (file path or PostgreSQL URL)."""
    url = database_url(db)
    if url.startswith("sqlite"):
        if url.startswith("sqlite:///"):
            Path(url[len("sqlite:///") :]).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=5)


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def migrate(engine: Engine, revision: str = "head") -> None:
    """Bring the county database to ``revision`` (creating its tables on first use)."""
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, revision)


def open_county(db: str | Path) -> Engine:
    """Open (creating and migrating as needed) the county database."""
    engine = make_engine(db)
    migrate(engine)
    return engine


# The key of the PostgreSQL advisory lock that writers of households hold (any number the
# county's database uses for nothing else).
_HOUSEHOLD_WRITERS = 0x63617365  # "case"


def lock_households(conn: Connection) -> None:
    """Wait until no other transaction writes households, and hold that until this one
    ends. A push reads the county's copy, checks and merges it, then writes: two pushes
    interleaving would each pass the check that an ID number is nowhere else and both
    store it (a unique-key error), or write back a household the other had just changed
    (a lost change). SQLite's BEGIN IMMEDIATE already queues writers; PostgreSQL takes a
    transaction-level advisory lock, released at commit or rollback."""
    if conn.dialect.name == "postgresql":
        conn.execute(select(func.pg_advisory_xact_lock(_HOUSEHOLD_WRITERS)))


def take_numbers(conn: Connection, name: str, count: int) -> int:
    """Reserve ``count`` consecutive numbers of counter ``name``; the first one.

    The counter row stays locked until the caller's transaction ends, so on PostgreSQL a
    cursor never passes a number whose transaction has not committed yet.
    """
    result = conn.execute(
        update(COUNTER)
        .where(COUNTER.c.name == name)
        .values(value=COUNTER.c.value + count)
        .returning(COUNTER.c.value)
    ).scalar()
    if result is None:
        conn.execute(COUNTER.insert().values(name=name, value=count))
        return 1
    return int(result) - count + 1
