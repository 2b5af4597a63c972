"""decision columns in stored records

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02 18:30:00
"""

import json
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Columns laptops' stores gained (store migration 0008): every stored record of these
# tables gets them as null, so a household read whole has every column its checks expect.
NEW_COLUMNS = {
    "application": ("member_id",),
    "application_stage": ("amount_fen", "member_id"),
}


def _rewrite(add: bool) -> None:
    conn = op.get_bind()
    record = sa.table(
        "record",
        sa.column("id", sa.String),
        sa.column("table_name", sa.String),
        sa.column("data", sa.JSON),
    )
    for table, columns in NEW_COLUMNS.items():
        rows = conn.execute(
            sa.select(record.c.id, record.c.data).where(record.c.table_name == table)
        ).all()
        for row_id, data in rows:
            values = json.loads(data) if isinstance(data, str) else dict(data)
            for column in columns:
                if add:
                    values.setdefault(column, None)
                else:
                    values.pop(column, None)
            conn.execute(record.update().where(record.c.id == row_id).values(data=values))


def upgrade() -> None:
    _rewrite(add=True)


def downgrade() -> None:
    _rewrite(add=False)
