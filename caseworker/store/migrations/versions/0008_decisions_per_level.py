"""decisions per level: the amount and the member a stage decides

Revision ID: 0008
Revises: 0005
Create Date: 2026-12-02 18:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """The village, township and county each record their decision with the monthly amount
    proposed or approved and, for a single-person inclusion, the member it is for. Existing
    entries had neither: both start empty.

    Plain ALTER TABLE: a batch copy of ``application`` would drop it, and the foreign key's
    ON DELETE CASCADE would take every stage entry with it."""
    op.add_column("application", sa.Column("member_id", sa.String(length=36), nullable=True))
    op.add_column("application_stage", sa.Column("amount_fen", sa.Integer(), nullable=True))
    op.add_column("application_stage", sa.Column("member_id", sa.String(length=36), nullable=True))


def downgrade() -> None:
    # SQLite 3.35+ drops a column in place (no copy, so no cascade).
    op.execute("ALTER TABLE application_stage DROP COLUMN member_id")
    op.execute("ALTER TABLE application_stage DROP COLUMN amount_fen")
    op.execute("ALTER TABLE application DROP COLUMN member_id")
