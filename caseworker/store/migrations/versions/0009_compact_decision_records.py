"""compact decision records

Revision ID: 0009
Revises: 0006
Create Date: 2026-12-03 15:00:00

Applied after 0006 (which follows 0008; see 0006).
"""

from collections.abc import Sequence
from datetime import date
from typing import Any

import orjson
import sqlalchemy as sa
import sqlmodel
from alembic import op

from caseworker.eligibility.findings import ParameterUse
from caseworker.eligibility.record import encode_findings, finding_from_full, is_compact

revision: str = "0009"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_BATCH = 500
# While this setting exists the outbox triggers record nothing (caseworker.sync.local_rows).
_QUIET = "sync.applying"


def upgrade() -> None:
    """Decision records keep codes and numbers instead of sentences
    (``caseworker.eligibility.record``), the parameters they cite once per policy in
    ``decision_parameter``, and one record per household.

    First each household's superseded records are deleted (all but its latest, except any
    a signature names: ``caseworker.store.decisions``); then every remaining record in the
    old form is rewritten compactly. A reason is kept by its template only when the
    template renders exactly its stored sentences and values again, otherwise whole, so
    every record reads as it did. The deletions and rewrites are changes of the household
    of the household the sync sends with its next change (the outbox triggers are held off
    meanwhile: the upgrade alone is no reason to send every household again; until then a
    pull keeps the local form, as for any local change not yet sent)."""
    op.create_table(
        "decision_parameter",
        sa.Column("policy_sha256", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
        sa.Column("effective_from", sa.Date(), nullable=False),
        sa.Column("value", sa.JSON(), nullable=True),
        sa.Column("ref", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.PrimaryKeyConstraint("policy_sha256", "name", "effective_from"),
    )
    conn = op.get_bind()
    conn.exec_driver_sql("INSERT OR REPLACE INTO setting (key, value) VALUES (?, '1')", (_QUIET,))
    conn.exec_driver_sql(
        "DELETE FROM decision WHERE NOT (id IN (SELECT document_id FROM signature) "
        "OR id = (SELECT latest.id FROM decision AS latest "
        "WHERE latest.household_id = decision.household_id "
        "ORDER BY latest.screened_on DESC, latest.created_at DESC LIMIT 1))"
    )
    ids = [row[0] for row in conn.exec_driver_sql("SELECT id FROM decision ORDER BY id")]
    for start in range(0, len(ids), _BATCH):
        _compact(conn, ids[start : start + _BATCH])
    conn.exec_driver_sql("DELETE FROM setting WHERE key = ?", (_QUIET,))


def _compact(conn: sa.Connection, ids: list[str]) -> None:
    marks = ", ".join("?" * len(ids))
    rows = conn.exec_driver_sql(
        f"SELECT id, policy_sha256, findings FROM decision WHERE id IN ({marks})", tuple(ids)
    ).all()
    updates: list[tuple[str, str]] = []
    cited: dict[tuple[str, str, str], tuple[str, str]] = {}
    for row_id, policy_sha256, text in rows:
        stored: Any = orjson.loads(text)
        if is_compact(stored):
            continue
        findings = tuple(finding_from_full(d) for d in stored)
        compact, uses = encode_findings(findings)
        updates.append((compact, row_id))
        for ref, p in uses.items():
            cited[policy_sha256, ref.rpartition("@")[0], p.effective_from.isoformat()] = _value(p)
    if cited:
        conn.exec_driver_sql(
            "INSERT OR IGNORE INTO decision_parameter "
            "(policy_sha256, name, effective_from, value, ref) VALUES (?, ?, ?, ?, ?)",
            [(*key, value, ref) for key, (value, ref) in cited.items()],
        )
    if updates:
        conn.exec_driver_sql("UPDATE decision SET findings = ? WHERE id = ?", updates)


def _value(p: ParameterUse) -> tuple[str, str]:
    return orjson.dumps(p.value).decode("utf-8"), p.ref


def downgrade() -> None:
    """Records go back to full findings (rendered from the compact form); the superseded
    records deleted by the upgrade stay deleted."""
    from caseworker.eligibility.findings import finding_to_dict
    from caseworker.eligibility.record import decode_findings

    conn = op.get_bind()
    known: dict[str, dict[str, ParameterUse]] = {}
    for sha, name, start, value, ref in conn.exec_driver_sql(
        "SELECT policy_sha256, name, effective_from, value, ref FROM decision_parameter"
    ):
        day = date.fromisoformat(start)
        known.setdefault(sha, {})[f"{name}@{start}"] = ParameterUse(
            name.partition("/")[0], orjson.loads(value), day, ref
        )
    updates = []
    for row_id, sha, text in conn.exec_driver_sql(
        "SELECT id, policy_sha256, findings FROM decision"
    ).all():
        stored = orjson.loads(text)
        if not is_compact(stored):
            continue
        full = [finding_to_dict(f) for f in decode_findings(stored, known.get(sha, {}))]
        updates.append((orjson.dumps(full).decode("utf-8"), row_id))
    if updates:
        conn.exec_driver_sql(
            "INSERT OR REPLACE INTO setting (key, value) VALUES (?, '1')", (_QUIET,)
        )
        conn.exec_driver_sql("UPDATE decision SET findings = ? WHERE id = ?", updates)
        conn.exec_driver_sql("DELETE FROM setting WHERE key = ?", (_QUIET,))
    op.drop_table("decision_parameter")
