"""The county's migrations build exactly the tables its code declares (SQLite and
PostgreSQL), and the newest one goes down and up again."""

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from caseworker.sync.county.db import alembic_config, migrate, open_county
from caseworker.sync.county.tables import METADATA

ATTACHMENT_TABLES = {"attachment", "attachment_content", "attachment_upload", "attachment_chunk"}


def test_the_migrations_build_the_tables_the_code_declares(county_db: str) -> None:
    engine = open_county(county_db)
    try:
        with engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), METADATA)
        assert diff == []
        # The attachments' migration goes down and up again.
        config = alembic_config()
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0009")
        assert not ATTACHMENT_TABLES & set(inspect(engine).get_table_names())
        migrate(engine)
        assert set(inspect(engine).get_table_names()) >= ATTACHMENT_TABLES
    finally:
        engine.dispose()
