"""Drafts: work typed but not yet saved (a visit form in progress).

A draft is written on every change and every few seconds, each write its own committed
transaction, so a crash or a power cut loses at most the keystroke being typed. Drafts stay
until the worker saves the work or discards the draft.
"""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select

from caseworker.store.db import Store
from caseworker.store.tables import DRAFT, new_id, utcnow


@dataclass(frozen=True, slots=True)
class Draft:
    id: str
    kind: str
    household_id: str | None
    worker: str
    data: dict[str, Any]
    updated_at: datetime


def save_draft(
    store: Store,
    *,
    kind: str,
    data: dict[str, Any],
    household_id: str | None = None,
    worker: str = "",
    draft_id: str | None = None,
) -> str:
    """Create or overwrite a draft; return its id."""
    now = utcnow()
    with store.begin() as conn:
        if draft_id is not None:
            updated = conn.execute(
                DRAFT.update()
                .where(DRAFT.c.id == draft_id)
                .values(data=data, household_id=household_id, worker=worker, updated_at=now)
            ).rowcount
            if updated:
                return draft_id
        draft_id = draft_id or new_id()
        conn.execute(
            DRAFT.insert().values(
                id=draft_id,
                kind=kind,
                household_id=household_id,
                worker=worker,
                data=data,
                created_at=now,
                updated_at=now,
            )
        )
    return draft_id


def _draft(row: Any) -> Draft:
    return Draft(row.id, row.kind, row.household_id, row.worker, dict(row.data), row.updated_at)


def list_drafts(conn: Connection, *, kind: str | None = None) -> list[Draft]:
    """Drafts, newest first."""
    query = select(DRAFT).order_by(DRAFT.c.updated_at.desc())
    if kind is not None:
        query = query.where(DRAFT.c.kind == kind)
    return [_draft(row) for row in conn.execute(query)]


def delete_draft(store: Store, draft_id: str) -> None:
    """Remove a draft once its work is saved or the worker discards it."""
    with store.begin() as conn:
        conn.execute(DRAFT.delete().where(DRAFT.c.id == draft_id))
