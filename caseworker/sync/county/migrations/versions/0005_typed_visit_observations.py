"""typed visit observations in stored records

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03 09:00:00
"""

import json
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

from caseworker.interchange.legacy_observations import convert_visit

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

RECORD = sa.table(
    "record",
    sa.column("id", sa.String),
    sa.column("table_name", sa.String),
    sa.column("household_id", sa.String),
    sa.column("data", sa.JSON),
)


def _values(data: Any) -> dict[str, Any]:
    return json.loads(data) if isinstance(data, str) else dict(data)


def upgrade() -> None:
    """Every stored visit's observations in the typed shape, converted exactly as the
    laptops' store migration 0006 converts theirs (``convert_visit``): the laptops and the
    county keep agreeing on every visit, signed ones included, without sending anything."""
    conn = op.get_bind()
    names: dict[str, dict[str, str]] = {}
    members = sa.select(RECORD.c.id, RECORD.c.household_id, RECORD.c.data).where(
        RECORD.c.table_name == "member"
    )
    for row_id, household_id, data in conn.execute(members):
        names.setdefault(household_id, {})[row_id] = _values(data).get("name", "")
    visits = sa.select(RECORD.c.id, RECORD.c.household_id, RECORD.c.data).where(
        RECORD.c.table_name == "visit"
    )
    for row_id, household_id, data in conn.execute(visits).all():
        values = _values(data)
        typed, notes = convert_visit(
            values.get("observations"), values.get("notes"), names.get(household_id, {})
        )
        if typed != values.get("observations") or notes != (values.get("notes") or ""):
            values["observations"], values["notes"] = typed, notes
            conn.execute(RECORD.update().where(RECORD.c.id == row_id).values(data=values))


def downgrade() -> None:
    # The typed objects are objects the earlier server stores as they are.
    pass
