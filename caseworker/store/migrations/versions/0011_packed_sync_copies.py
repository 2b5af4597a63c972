"""the sync's copies of households stored packed

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-03 17:20:00

Each change's frozen payload (``outbox.payload``) and each household's last-agreed copy
(``sync_base.data``) become packed BLOBs (``caseworker.store.packed``): the same texts,
deflated. After a first sync they had made a laptop store 2.5 times its size.
"""

from collections.abc import Callable, Sequence
from typing import Any

from alembic import op

from caseworker.store.packed import pack, unpack

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_BATCH = 500


def upgrade() -> None:
    _convert("outbox", "seq", "payload", "BLOB", pack)
    _convert("sync_base", "household_id", "data", "BLOB NOT NULL DEFAULT x''", pack)


def downgrade() -> None:
    _convert("outbox", "seq", "payload", "VARCHAR", unpack)
    _convert("sync_base", "household_id", "data", "JSON NOT NULL DEFAULT ''", unpack)


def _convert(
    table: str, key: str, column: str, new_type: str, convert: Callable[[Any], Any]
) -> None:
    """Rewrite every value of ``table.column`` through ``convert`` into a column of
    ``new_type``: a new column beside the old one, filled in batches, then put in its
    place. (SQLite changes a column's type only by rebuilding the table, which the outbox's
    triggers would not survive; dropping and renaming a column keeps them.) The default a
    NOT NULL column needs to be added is never used: every row is filled."""
    conn = op.get_bind()
    conn.exec_driver_sql(f"ALTER TABLE {table} ADD COLUMN converted {new_type}")
    keys = [
        row[0]
        for row in conn.exec_driver_sql(
            f"SELECT {key} FROM {table} WHERE {column} IS NOT NULL ORDER BY {key}"
        )
    ]
    for start in range(0, len(keys), _BATCH):
        chunk = keys[start : start + _BATCH]
        marks = ", ".join("?" * len(chunk))
        rows = conn.exec_driver_sql(
            f"SELECT {key}, {column} FROM {table} WHERE {key} IN ({marks})", tuple(chunk)
        ).all()
        conn.exec_driver_sql(
            f"UPDATE {table} SET converted = ? WHERE {key} = ?",
            [(convert(value), row_key) for row_key, value in rows],
        )
    conn.exec_driver_sql(f"ALTER TABLE {table} DROP COLUMN {column}")
    conn.exec_driver_sql(f"ALTER TABLE {table} RENAME COLUMN converted TO {column}")
