"""attachments: records, content by SHA-256, uploads under way

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-04 07:00:00

Evidence attached to households (issue 19) reaches the county: ``attachment`` (each
attachment's record, with the device that sent it and its pull cursor ``seq``),
``attachment_content`` (each file's content once, by its SHA-256), ``attachment_upload``
(uploads under way, resumed chunk by chunk; a finished one stays as the device's proof
that it holds the content) and ``attachment_chunk`` (the chunks as devices sent them: an
upload's, then the content's). All start empty.
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TEXT = sqlmodel.sql.sqltypes.AutoString
_TIME = sqlmodel.sql.sqltypes.UTCDateTime


def upgrade() -> None:
    op.create_table(
        "attachment",
        sa.Column("id", _TEXT(length=36), nullable=False),
        sa.Column("household_id", _TEXT(length=36), nullable=False),
        sa.Column("member_id", _TEXT(length=36), nullable=True),
        sa.Column("visit_id", _TEXT(length=36), nullable=True),
        sa.Column("application_id", _TEXT(length=36), nullable=True),
        sa.Column("kind", _TEXT(length=32), nullable=False),
        sa.Column("taken_on", sa.Date(), nullable=False),
        sa.Column("note", _TEXT(length=200), nullable=False),
        sa.Column("added_by", _TEXT(length=40), nullable=False),
        sa.Column("added_at", _TIME(), nullable=False),
        sa.Column("sha256", _TEXT(length=64), nullable=False),
        sa.Column("media_type", _TEXT(length=40), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("pages", sa.Integer(), nullable=False),
        sa.Column("removed_at", _TIME(), nullable=True),
        sa.Column("removed_by", _TEXT(length=40), nullable=False),
        sa.Column("removed_reason", _TEXT(length=200), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("device_id", _TEXT(length=36), nullable=False),
        sa.Column("received_at", _TIME(), nullable=False),
        sa.Column("updated_at", _TIME(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("seq"),
    )
    with op.batch_alter_table("attachment") as batch:
        batch.create_index(batch.f("ix_attachment_household_id"), ["household_id"], unique=False)
        batch.create_index(batch.f("ix_attachment_sha256"), ["sha256"], unique=False)
    op.create_table(
        "attachment_content",
        sa.Column("sha256", _TEXT(length=64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("chunk_size", sa.Integer(), nullable=False),
        sa.Column("chunks", sa.Integer(), nullable=False),
        sa.Column("device_id", _TEXT(length=36), nullable=False),
        sa.Column("created_at", _TIME(), nullable=False),
        sa.PrimaryKeyConstraint("sha256"),
    )
    op.create_table(
        "attachment_upload",
        sa.Column("device_id", _TEXT(length=36), nullable=False),
        sa.Column("sha256", _TEXT(length=64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("chunk_size", sa.Integer(), nullable=False),
        sa.Column("chunks", sa.Integer(), nullable=False),
        sa.Column("started_at", _TIME(), nullable=False),
        sa.Column("completed_at", _TIME(), nullable=True),
        sa.PrimaryKeyConstraint("device_id", "sha256"),
    )
    op.create_table(
        "attachment_chunk",
        sa.Column("device_id", _TEXT(length=36), nullable=False),
        sa.Column("sha256", _TEXT(length=64), nullable=False),
        sa.Column("chunk_index", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("device_id", "sha256", "chunk_index"),
    )
    if op.get_bind().dialect.name == "postgresql":
        # Photos and PDFs are compressed already: PostgreSQL need not try again.
        op.execute("ALTER TABLE attachment_chunk ALTER COLUMN data SET STORAGE EXTERNAL")


def downgrade() -> None:
    op.drop_table("attachment_chunk")
    op.drop_table("attachment_upload")
    op.drop_table("attachment_content")
    with op.batch_alter_table("attachment") as batch:
        batch.drop_index(batch.f("ix_attachment_sha256"))
        batch.drop_index(batch.f("ix_attachment_household_id"))
    op.drop_table("attachment")
