"""Decision records: stored screenings (what was concluded, when, under which policy pack,
from which version of the household's data)."""

import hashlib
import json
from datetime import date

from sqlalchemy import Connection, select

from caseworker.domain.records import Household
from caseworker.eligibility.findings import (
    PolicyRef,
    Screening,
    finding_from_dict,
    finding_to_dict,
)
from caseworker.interchange.household_format import household_to_dict
from caseworker.store.tables import DECISION, new_id, utcnow


def household_sha256(household: Household) -> str:
    """A fingerprint of the household's data (its canonical interchange JSON)."""
    text = json.dumps(household_to_dict(household), ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def save_decision(
    conn: Connection, screening: Screening, *, household_sha256: str, device_id: str
) -> str:
    """Store a screening as a decision record (inside the caller's transaction); its id."""
    now = utcnow()
    decision_id = new_id()
    conn.execute(
        DECISION.insert().values(
            id=decision_id,
            created_at=now,
            updated_at=now,
            device_id=device_id,
            version=1,
            household_id=screening.household_id,
            screened_on=screening.on,
            policy_id=screening.policy.id,
            policy_version=screening.policy.version,
            policy_sha256=screening.policy.sha256,
            household_sha256=household_sha256,
            findings=[finding_to_dict(f) for f in screening.findings],
        )
    )
    return decision_id


def latest_screening(conn: Connection, household_id: str) -> Screening | None:
    """The most recent stored screening of a household, or None."""
    row = (
        conn.execute(
            select(DECISION)
            .where(DECISION.c.household_id == household_id)
            .order_by(DECISION.c.screened_on.desc(), DECISION.c.created_at.desc())
            .limit(1)
        )
        .mappings()
        .first()
    )
    if row is None:
        return None
    return Screening(
        household_id=row["household_id"],
        on=row["screened_on"],
        policy=PolicyRef(row["policy_id"], row["policy_version"], row["policy_sha256"]),
        findings=tuple(finding_from_dict(d) for d in row["findings"]),
    )


def latest_decision_key(conn: Connection, household_id: str) -> tuple[str, str, date] | None:
    """(household hash, policy hash, day) of a household's latest decision record."""
    row = conn.execute(
        select(DECISION.c.household_sha256, DECISION.c.policy_sha256, DECISION.c.screened_on)
        .where(DECISION.c.household_id == household_id)
        .order_by(DECISION.c.screened_on.desc(), DECISION.c.created_at.desc())
        .limit(1)
    ).first()
    return None if row is None else (row[0], row[1], row[2])
