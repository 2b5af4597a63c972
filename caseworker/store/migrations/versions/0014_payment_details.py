"""payment details

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-04 03:00:00

What paying a household needs (issue 18): its bank and account (``household.bank_code``,
``bank_name``, ``account_name``, ``account_number``, all null where not recorded), and per
benefit its certificate number and the members it covers (``benefit.certificate_number``,
``benefit.covered_members``: null for the whole household). Null for every row before.
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TEXT = sqlmodel.sql.sqltypes.AutoString
_HOUSEHOLD_COLUMNS = (
    ("bank_code", 12),
    ("bank_name", 60),
    ("account_name", 40),
    ("account_number", 25),
)


def upgrade() -> None:
    # Plain ADD COLUMN: a rebuilt table would lose the outbox and search triggers.
    for name, length in _HOUSEHOLD_COLUMNS:
        op.add_column("household", sa.Column(name, _TEXT(length=length), nullable=True))
    op.add_column("benefit", sa.Column("certificate_number", _TEXT(length=40), nullable=True))
    op.add_column("benefit", sa.Column("covered_members", sa.JSON(), nullable=True))


def downgrade() -> None:
    # Plain DROP COLUMN too: rebuilding the household table would cascade to its rows.
    op.drop_column("benefit", "covered_members")
    op.drop_column("benefit", "certificate_number")
    for name, _length in reversed(_HOUSEHOLD_COLUMNS):
        op.drop_column("household", name)
