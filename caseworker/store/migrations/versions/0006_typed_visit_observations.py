"""typed visit observations

Revision ID: 0006
Revises: 0008
Create Date: 2026-12-03 09:00:00

Numbered 0006 (the number set aside for this change) but applied after 0008, which was
already released: a store at 0008 still has its visits converted.
"""

import json
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

from caseworker.interchange.legacy_observations import convert_visit

revision: str = "0006"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

VISIT = sa.table(
    "visit",
    sa.column("id", sa.String),
    sa.column("household_id", sa.String),
    sa.column("observations", sa.JSON),
    sa.column("notes", sa.String),
)
MEMBER = sa.table(
    "member", sa.column("id", sa.String), sa.column("household_id", sa.String), sa.column("name")
)
SYNC_BASE = sa.table("sync_base", sa.column("household_id", sa.String), sa.column("data", sa.Text))


def upgrade() -> None:
    """Every visit's observations in the typed shape (``caseworker.interchange.observations``):
    the old visit form's values go into their fields, anything else (free text such as
    "砖混平房") is appended to the visit's notes in words. The last-agreed copies of the
    sync are converted the same way (so the conversion is not taken for a local edit: the
    county converts its copy identically), as is nothing else: signatures, decision records
    and the audit trail keep what they recorded."""
    conn = op.get_bind()
    members: dict[str, dict[str, str]] = {}
    for row in conn.execute(sa.select(MEMBER.c.id, MEMBER.c.household_id, MEMBER.c.name)):
        members.setdefault(row.household_id, {})[row.id] = row.name
    visits = conn.execute(
        sa.select(VISIT.c.id, VISIT.c.household_id, VISIT.c.observations, VISIT.c.notes)
    ).all()
    changed = []
    for v in visits:
        typed, notes = convert_visit(v.observations, v.notes, members.get(v.household_id, {}))
        if typed != v.observations or notes != (v.notes or ""):
            changed.append({"b_id": v.id, "b_observations": typed, "b_notes": notes})
    if changed:
        conn.execute(
            VISIT.update()
            .where(VISIT.c.id == sa.bindparam("b_id"))
            .values(observations=sa.bindparam("b_observations"), notes=sa.bindparam("b_notes")),
            changed,
        )
    if sa.inspect(conn).has_table("sync_base"):
        _convert_bases(conn)


def _convert_bases(conn: sa.Connection) -> None:
    """The visits of each last-agreed copy (wire rows: table -> row id -> content)."""
    updates = []
    for household_id, text in conn.execute(sa.select(SYNC_BASE.c.household_id, SYNC_BASE.c.data)):
        data: dict[str, Any] = json.loads(text)
        visits = data.get("visit") or {}
        if not visits:
            continue
        names = {rid: row.get("name", "") for rid, row in (data.get("member") or {}).items()}
        touched = False
        for row in visits.values():
            typed, notes = convert_visit(row.get("observations"), row.get("notes"), names)
            if typed != row.get("observations") or notes != (row.get("notes") or ""):
                row["observations"], row["notes"] = typed, notes
                touched = True
        if touched:
            updates.append({"b_id": household_id, "b_data": json.dumps(data)})
    if updates:
        conn.execute(
            SYNC_BASE.update()
            .where(SYNC_BASE.c.household_id == sa.bindparam("b_id"))
            .values(data=sa.bindparam("b_data")),
            updates,
        )


def downgrade() -> None:
    # The typed objects are objects the earlier code reads as they are; the notes keep
    # what was appended to them.
    pass
