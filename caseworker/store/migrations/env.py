"""Alembic environment: runs on the connection handed over by ``caseworker.store.db``."""

from alembic import context
from sqlmodel import SQLModel

import caseworker.store.tables  # noqa: F401  (registers the tables on SQLModel.metadata)
from caseworker.store.db import is_managed_name

config = context.config
target_metadata = SQLModel.metadata


def run_migrations_online() -> None:
    connection = config.attributes["connection"]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        include_name=is_managed_name,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()
