"""democratic appraisal records

Revision ID: 0013
Revises: 0011
Create Date: 2026-12-03 18:10:00

A stage entry at the democratic appraisal stage keeps the meeting's record (place, who took
part, the votes, the outcome, the village's publicity and the objections received):
``application_stage.appraisal``, null for every entry before.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("application_stage", sa.Column("appraisal", sa.JSON(), nullable=True))


def downgrade() -> None:
    op.drop_column("application_stage", "appraisal")
