"""payment details in stored households and benefits

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04 03:10:00
"""

import json
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The columns laptops' stores gained (store migration 0014): every stored household and
# benefit gets them as null, so a household read whole has every column its checks expect.
# (Like 0004 and 0008; a migration keeps its own code, as it was when it ran.)
NEW_COLUMNS = {
    "household": ("bank_code", "bank_name", "account_name", "account_number"),
    "benefit": ("certificate_number", "covered_members"),
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
