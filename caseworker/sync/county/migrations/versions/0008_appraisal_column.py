"""democratic appraisal records in stored stage entries

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03 18:40:00
"""

import json
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The column laptops' stores gained (store migration 0013): every stored stage entry gets
# it as null, so a household read whole has every column its checks expect.
NEW_COLUMNS = {"application_stage": ("appraisal",)}


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
