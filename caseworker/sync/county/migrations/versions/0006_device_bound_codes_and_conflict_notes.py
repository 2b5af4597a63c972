"""enrollment codes bound to a device, conflict notes

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05 10:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """``enrollment.device_id``: a code the county made to let one known laptop back in
    (after a revocation); ``conflict.note``: why the county dismissed a conflict, or why
    the last resolution sent for it was refused."""
    with op.batch_alter_table("enrollment") as batch:
        batch.add_column(sa.Column("device_id", sa.String(length=36), nullable=True))
    with op.batch_alter_table("conflict") as batch:
        batch.add_column(sa.Column("note", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("conflict") as batch:
        batch.drop_column("note")
    with op.batch_alter_table("enrollment") as batch:
        batch.drop_column("device_id")
