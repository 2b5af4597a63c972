"""keys of signed and encrypted pending-changes files

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03 10:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """``device.signing_key``: the laptop's public key that signs its pending-changes files
    (null for a laptop enrolled earlier, until its next sync); ``county_key``: the county's
    own key pairs (the one pending files are encrypted to, made on first need)."""
    with op.batch_alter_table("device") as batch:
        batch.add_column(
            sa.Column("signing_key", sqlmodel.sql.sqltypes.AutoString(length=44), nullable=True)
        )
    op.create_table(
        "county_key",
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("private_key", sqlmodel.sql.sqltypes.AutoString(length=44), nullable=False),
        sa.Column("public_key", sqlmodel.sql.sqltypes.AutoString(length=44), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )


def downgrade() -> None:
    op.drop_table("county_key")
    with op.batch_alter_table("device") as batch:
        batch.drop_column("signing_key")
