"""attachments

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-04 06:00:00

Evidence attached to households (issue 19): ``attachment`` (one row per attached file,
kept when removed) and ``attachment_content`` (each file's sealed content once, by its
SHA-256). Both start empty.
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TEXT = sqlmodel.sql.sqltypes.AutoString


def upgrade() -> None:
    op.create_table(
        "attachment",
        sa.Column("id", _TEXT(length=36), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("device_id", _TEXT(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("household_id", _TEXT(length=36), nullable=False),
        sa.Column("member_id", _TEXT(length=36), nullable=True),
        sa.Column("visit_id", _TEXT(length=36), nullable=True),
        sa.Column("application_id", _TEXT(length=36), nullable=True),
        sa.Column("kind", _TEXT(length=32), nullable=False),
        sa.Column("taken_on", sa.Date(), nullable=False),
        sa.Column("note", _TEXT(length=200), nullable=False),
        sa.Column("added_by", _TEXT(length=40), nullable=False),
        sa.Column("sha256", _TEXT(length=64), nullable=False),
        sa.Column("media_type", _TEXT(length=40), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("pages", sa.Integer(), nullable=False),
        sa.Column("removed_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("removed_by", _TEXT(length=40), nullable=False),
        sa.Column("removed_reason", _TEXT(length=200), nullable=False),
        sa.Column("sent_version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_attachment_household_id", "attachment", ["household_id"])
    op.create_index("ix_attachment_sha256", "attachment", ["sha256"])
    op.create_table(
        "attachment_content",
        sa.Column("sha256", _TEXT(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sealed", sa.LargeBinary(), nullable=False),
        sa.Column("thumbnail", sa.LargeBinary(), nullable=True),
        sa.PrimaryKeyConstraint("sha256"),
    )


def downgrade() -> None:
    op.drop_table("attachment_content")
    op.drop_index("ix_attachment_sha256", table_name="attachment")
    op.drop_index("ix_attachment_household_id", table_name="attachment")
    op.drop_table("attachment")
