"""policy per county

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28 20:47:17.040938
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _policy_table(name: str, key: list[str]) -> None:
    op.create_table(
        name,
        sa.Column("id", sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
        sa.Column("version", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("county", sqlmodel.sql.sqltypes.AutoString(length=6), nullable=False),
        sa.Column("sha256", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("text", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("published_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint(*key, name=f"{name}_pkey"),
        sa.UniqueConstraint("seq", name=f"{name}_seq_key"),
    )


def _rebuild(key: list[str]) -> None:
    # A new primary key: copy into a new table (the same steps on SQLite and PostgreSQL).
    _policy_table("policy_new", key)
    op.execute(
        "INSERT INTO policy_new (id, version, county, sha256, text, seq, published_at) "
        "SELECT id, version, county, sha256, text, seq, published_at FROM policy"
    )
    with op.batch_alter_table("policy", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_policy_county"))
    op.drop_table("policy")
    op.rename_table("policy_new", "policy")
    with op.batch_alter_table("policy", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_policy_county"), ["county"], unique=False)


def upgrade() -> None:
    """A pack is published per county: (id, version, county) identifies a row."""
    _rebuild(["id", "version", "county"])


def downgrade() -> None:
    _rebuild(["id", "version"])
