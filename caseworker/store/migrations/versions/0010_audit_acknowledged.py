"""audit entries the county acknowledged

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03 09:40:00

The hash of every audit entry the county has acknowledged holding, so that the laptop's
own check finds a synced entry rewritten (and the rest re-hashed) or removed. Entries
already sent by an earlier version are taken as sent (the county refuses any that differ
from its copy at the next sync).
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_SENT = "sync.audit_sent_seq"  # caseworker.sync.client.AUDIT_SENT


def upgrade() -> None:
    op.create_table(
        "audit_ack",
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("hash", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.PrimaryKeyConstraint("seq"),
    )
    # Like the trail itself, what the county acknowledged is only ever added to.
    for event in ("UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER audit_ack_no_{event.lower()} BEFORE {event} ON audit_ack "
            "BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END"
        )
    op.execute(
        "INSERT INTO audit_ack (seq, hash) SELECT seq, hash FROM audit WHERE seq <= "
        f"(SELECT CAST(value AS INTEGER) FROM setting WHERE key = '{_SENT}')"
    )


def downgrade() -> None:
    for event in ("update", "delete"):
        op.execute(f"DROP TRIGGER IF EXISTS audit_ack_no_{event}")
    op.drop_table("audit_ack")
