"""prefix search index

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28 21:09:31.106530
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """A second full-text index over household_index.terms, of whole terms with a prefix
    index: one- and two-character searches ("张", "zx") match the start of a term through
    it instead of reading every household."""
    op.execute(
        "CREATE VIRTUAL TABLE household_prefix USING fts5(terms, content='household_index', "
        "content_rowid='rowid', tokenize='unicode61', prefix='1 2', detail=none)"
    )
    op.execute("INSERT INTO household_prefix(household_prefix) VALUES ('rebuild')")


def downgrade() -> None:
    op.execute("DROP TABLE IF EXISTS household_prefix")
