"""Alembic environment: runs on the connection handed over by ``caseworker.store.db``."""

from alembic import context
from sqlmodel import SQLModel

import caseworker.store.tables  # noqa: F401  (registers the tables on SQLModel.metadata)

config = context.config
target_metadata = SQLModel.metadata


def run_migrations_online() -> None:
    connection = config.attributes["connection"]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        # FTS5 shadow tables are managed by SQLite, not by the models.
        include_name=lambda name, type_, parent: not (
            type_ == "table" and name is not None and name.startswith("household_search")
            and name != "household_search_text"
        ),
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()
