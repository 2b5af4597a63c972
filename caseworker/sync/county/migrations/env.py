"""Alembic environment of the county server: runs on the connection handed over by
``caseworker.sync.county.db``."""

from alembic import context

from caseworker.sync.county.tables import METADATA

config = context.config


def run_migrations_online() -> None:
    connection = config.attributes["connection"]
    context.configure(
        connection=connection,
        target_metadata=METADATA,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()
