"""Policy packs received from the county, kept as published (YAML text, hash, when)."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from caseworker.store.db import Store
from caseworker.store.tables import POLICY_PACK


@dataclass(frozen=True, slots=True)
class ReceivedPolicy:
    id: str
    version: str
    sha256: str
    text: str
    received_at: datetime


def received_policies(store: Store) -> list[ReceivedPolicy]:
    """Every policy pack received, by id and version."""
    with store.read() as conn:
        rows = conn.execute(select(POLICY_PACK).order_by(POLICY_PACK.c.id, POLICY_PACK.c.version))
        return [ReceivedPolicy(r.id, r.version, r.sha256, r.text, r.received_at) for r in rows]


def received_policy_texts(store: Store) -> list[str]:
    """The YAML texts of every received policy pack (for the policy loader)."""
    return [p.text for p in received_policies(store)]
