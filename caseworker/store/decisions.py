"""Decision records: stored screenings (what was concluded, when, under which policy pack,
from which version of the household's data).

A record keeps its findings in the compact form of ``caseworker.eligibility.record``
(codes, numbers and parameter references; about 1.6 KB for a demo household instead of
the 36 KB of rendered sentences); the parameters it cites (value and document) are kept
once per policy in ``decision_parameter``. Reading a record renders its sentences again
with the screening's own templates. Records made before store migration 0009 (or by a
laptop not yet upgraded, through the county) hold full findings and are read as they are.

When records are kept: a new record only when the household's data, the policy or a
finding differs from the household's latest record (``record_decisions``). When a new
record is kept, the household's earlier records are superseded and deleted, except any a
signature names as its document (none does today: signatures name the household or a
visit). So a household has one record, plus any signed. The deletions reach the county
with the next sync, like any change of the household.
"""

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import orjson
from sqlalchemy import Connection, select

from caseworker.domain.records import Household
from caseworker.eligibility.findings import (
    Finding,
    ParameterUse,
    PolicyRef,
    Screening,
    finding_from_dict,
    finding_to_dict,
)
from caseworker.eligibility.record import (
    FORMAT,
    RecordError,
    decode_findings,
    encode_findings,
    is_compact,
    parameter_refs,
)
from caseworker.interchange.household_format import household_to_dict
from caseworker.store.bulk import column_processor
from caseworker.store.households import record_changes
from caseworker.store.tables import DECISION, DECISION_PARAMETER, new_id, utcnow

_CHUNK = 500
# While this setting exists the outbox triggers record nothing (caseworker.sync.local_rows).
_QUIET = "sync.applying"
# The latest record of each household: newest day first, then newest made.
_LATEST_ORDER = "ORDER BY screened_on DESC, created_at DESC"
# A record a signed document names is kept for as long as the signature.
_SIGNED = "id IN (SELECT document_id FROM signature)"
# How a record of today's form begins, as this code writes it (orjson, no spaces).
_TODAYS_FORM = f'{{"format":{FORMAT},'


def household_sha256(household: Household) -> str:
    """A fingerprint of the household's data: SHA-256 of its interchange JSON, keys sorted,
    without spaces (written by orjson: a whole-store screening fingerprints every
    household, and the standard library took six times as long)."""
    text = orjson.dumps(household_to_dict(household), option=orjson.OPT_SORT_KEYS)
    return hashlib.sha256(text).hexdigest()


def legacy_household_sha256(household: Household) -> str:
    """The fingerprint records made before store migration 0009 hold: the same JSON as
    the standard library writes it (spaces after ``,`` and ``:``)."""
    text = json.dumps(household_to_dict(household), ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class NewDecision:
    """A decision record to write: the screening's key and its findings' record text."""

    household_id: str
    on: date
    policy: PolicyRef
    household_sha256: str
    findings: str  # compact JSON (``caseworker.eligibility.record``)


def new_decision(
    screening: Screening, household_sha256: str
) -> tuple[NewDecision, dict[str, ParameterUse]]:
    """The record of a screening, and the parameters it cites (by reference)."""
    text, uses = encode_findings(screening.findings)
    return (
        NewDecision(screening.household_id, screening.on, screening.policy, household_sha256, text),
        uses,
    )


def save_decision(
    conn: Connection, screening: Screening, *, household_sha256: str, device_id: str
) -> str:
    """Store a screening as a decision record (inside the caller's transaction); its id.
    The household's earlier records are superseded (see the module's rule)."""
    record, uses = new_decision(screening, household_sha256)
    keep_parameters(conn, {screening.policy.sha256: uses})
    return write_decisions(conn, [record], device_id=device_id)[0]


def renew_records(conn: Connection, renewed: Sequence[tuple[str, str, str]]) -> None:
    """Rewrite unchanged records in today's form ((record id, household fingerprint,
    findings text) of records that say what a fresh screening says, but whose fingerprint
    is of before store 0009 or whose findings are in an older form), so later runs compare
    them as they are. Held back from the outbox: no reason to send the household; its next
    change carries them."""
    if not renewed:
        return
    conn.exec_driver_sql("INSERT OR REPLACE INTO setting (key, value) VALUES (?, '1')", (_QUIET,))
    conn.exec_driver_sql(
        "UPDATE decision SET household_sha256 = ?, findings = ? WHERE id = ?",
        [(digest, findings, record_id) for record_id, digest, findings in renewed],
    )
    conn.exec_driver_sql("DELETE FROM setting WHERE key = ?", (_QUIET,))


def keep_parameters(
    conn: Connection, uses_by_policy: Mapping[str, Mapping[str, ParameterUse]]
) -> None:
    """Keep the parameters records cite (once per policy and reference: the name, with
    the part cited if any, and the start date)."""
    rows = [
        (
            sha,
            ref.rpartition("@")[0],
            p.effective_from.isoformat(),
            json.dumps(p.value, ensure_ascii=False),
            p.ref,
        )
        for sha, uses in uses_by_policy.items()
        for ref, p in uses.items()
    ]
    if rows:
        conn.exec_driver_sql(
            "INSERT OR IGNORE INTO decision_parameter "
            "(policy_sha256, name, effective_from, value, ref) VALUES (?, ?, ?, ?, ?)",
            rows,
        )


def write_decisions(
    conn: Connection, records: Sequence[NewDecision], *, device_id: str
) -> list[str]:
    """Insert ``records`` in one statement per batch (inside the caller's transaction),
    deleting the records they supersede; their ids.

    Each household gets one pending outbox entry at most (a sync sends its difference from
    the county's copy however often it changed): monthly screenings of a laptop that has
    not synced used to add two entries per household per run."""
    if not records:
        return []
    quiet = conn.exec_driver_sql("SELECT 1 FROM setting WHERE key = ?", (_QUIET,)).first()
    if quiet is None:  # not a pull writing the county's records: a local change
        conn.exec_driver_sql("INSERT INTO setting (key, value) VALUES (?, '1')", (_QUIET,))
    now = column_processor(DECISION, "created_at", conn.dialect)
    day = column_processor(DECISION, "screened_on", conn.dialect)
    assert now is not None and day is not None
    stamp = now(utcnow())
    ids = [new_id() for _ in records]
    households = [r.household_id for r in records]
    # The records these supersede go first, so that the new ones take the pages they free:
    # inserting first made the file hold two records per household at its next screening.
    conn.exec_driver_sql(
        f"DELETE FROM decision WHERE household_id = ? AND screened_on <= ? AND NOT ({_SIGNED})",
        [(r.household_id, day(r.on)) for r in records],
    )
    columns = (
        "id, created_at, updated_at, device_id, version, household_id, screened_on, "
        "policy_id, policy_version, policy_sha256, household_sha256, findings"
    )
    conn.exec_driver_sql(
        f"INSERT INTO decision ({columns}) VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                i, stamp, stamp, device_id, r.household_id, day(r.on), r.policy.id,
                r.policy.version, r.policy.sha256, r.household_sha256, r.findings,
            )
            for i, r in zip(ids, records, strict=True)
        ],
    )  # fmt: skip
    prune_superseded(conn, households)  # a record of a later day may still supersede these
    if quiet is None:
        conn.exec_driver_sql("DELETE FROM setting WHERE key = ?", (_QUIET,))
        record_changes(conn, households, kind="decision")
    return ids


def prune_superseded(conn: Connection, household_ids: Iterable[str] | None = None) -> int:
    """Delete each household's records but its latest (all households, or these), except
    those a signature names as its document; how many were deleted."""
    keep = (
        f"{_SIGNED} OR id = (SELECT latest.id FROM decision "
        "AS latest WHERE latest.household_id = decision.household_id "
        "ORDER BY latest.screened_on DESC, latest.created_at DESC LIMIT 1)"
    )
    if household_ids is None:
        return conn.exec_driver_sql(f"DELETE FROM decision WHERE NOT ({keep})").rowcount
    cursor = conn.exec_driver_sql(
        f"DELETE FROM decision WHERE household_id = ? AND NOT ({keep})",
        [(hid,) for hid in household_ids],
    )
    return cursor.rowcount


@dataclass(frozen=True, slots=True)
class LatestRecord:
    """What a run compares a fresh screening with: the latest record's key and findings."""

    id: str
    household_sha256: str
    policy_sha256: str
    screened_on: str  # YYYY-MM-DD
    findings: str  # the stored JSON text


def latest_records(
    conn: Connection, household_ids: Sequence[str] | None = None
) -> dict[str, LatestRecord]:
    """The latest record of every household (or of these), in one query per 500."""
    sql = (
        "SELECT household_id, id, household_sha256, policy_sha256, screened_on, findings "
        "FROM (SELECT *, row_number() OVER (PARTITION BY household_id "
        f"{_LATEST_ORDER}) AS n FROM decision{{where}}) WHERE n = 1"
    )
    driver = conn.connection.driver_connection
    assert driver is not None
    out: dict[str, LatestRecord] = {}
    if household_ids is None:
        for hid, *rest in driver.execute(sql.format(where="")):
            out[hid] = LatestRecord(*rest)
        return out
    for start in range(0, len(household_ids), _CHUNK):
        chunk = tuple(household_ids[start : start + _CHUNK])
        where = f" WHERE household_id IN ({', '.join('?' * len(chunk))})"
        for hid, *rest in driver.execute(sql.format(where=where), chunk):
            out[hid] = LatestRecord(*rest)
    return out


def same_findings(stored: str, fresh: str) -> bool:
    """Whether a stored record's findings are the fresh ones (the same text, or the same
    JSON written differently, as by another laptop or the sync)."""
    if stored == fresh:
        return True
    try:
        return bool(orjson.loads(stored) == orjson.loads(fresh))
    except orjson.JSONDecodeError:
        return False


def same_in_older_form(
    stored: str, findings: Sequence[Finding], uses: Mapping[str, ParameterUse]
) -> bool:
    """Whether a record kept in an older form (an earlier format, or with items kept whole,
    sentences and all) says exactly what ``findings`` say, read with their parameters (the
    record is of the same policy). False at once for a record in today's form: its text
    differing is a real change."""
    if stored.startswith(_TODAYS_FORM) and '"text_zh"' not in stored:
        return False
    try:
        data = orjson.loads(stored)
    except orjson.JSONDecodeError:
        return False
    try:
        if is_compact(data):
            kept = [finding_to_dict(f) for f in decode_findings(data, uses)]
        elif isinstance(data, list):  # before store 0009: the findings' full dicts
            kept = data
        else:
            return False
    except (RecordError, KeyError, TypeError, ValueError, IndexError):
        return False
    fresh = [finding_to_dict(f) for f in findings]
    return bool(
        orjson.loads(orjson.dumps(kept, default=str))
        == orjson.loads(orjson.dumps(fresh, default=str))
    )


def cited_parameters(
    conn: Connection, policy_sha256: str, refs: Iterable[str]
) -> dict[str, ParameterUse]:
    """The kept parameters of a policy, by reference (``name@start``, ``name/part@start``),
    among ``refs``."""
    wanted = set(refs)
    if not wanted:
        return {}
    out: dict[str, ParameterUse] = {}
    rows = conn.execute(
        select(
            DECISION_PARAMETER.c.name,
            DECISION_PARAMETER.c.effective_from,
            DECISION_PARAMETER.c.value,
            DECISION_PARAMETER.c.ref,
        ).where(DECISION_PARAMETER.c.policy_sha256 == policy_sha256)
    )
    for name, start, value, ref in rows:
        key = f"{name}@{start.isoformat()}"
        if key in wanted:
            out[key] = ParameterUse(name.partition("/")[0], value, start, ref)
    return out


def read_findings(conn: Connection, policy_sha256: str, stored: Any) -> tuple[Finding, ...]:
    """A record's findings, in either stored form."""
    if is_compact(stored):
        refs = parameter_refs(stored)
        uses = cited_parameters(conn, policy_sha256, refs)
        if len(uses) < len(refs):  # a record made on another laptop, come through the sync
            uses = {**from_policy_packs(conn, policy_sha256, refs), **uses}
        return decode_findings(stored, uses)
    return tuple(finding_from_dict(d) for d in stored)


def from_policy_packs(
    conn: Connection, policy_sha256: str, refs: Iterable[str]
) -> dict[str, ParameterUse]:
    """Cited parameters worked out from the policy packs here (bundled, or received from
    the county) when one of them is the record's policy; {} when none is."""
    policy = _known_policies(conn).get(policy_sha256)
    if policy is None:
        return {}
    out: dict[str, ParameterUse] = {}
    for ref in refs:
        full, _, start = ref.rpartition("@")
        name, _, part = full.partition("/")
        entry = next(
            (e for e in policy.parameters.get(name, ()) if e.start.isoformat() == start), None
        )
        if entry is None:
            continue
        value = (
            {part: entry.shown.get(part)} if part and isinstance(entry.shown, dict) else entry.shown
        )
        out[ref] = ParameterUse(name, value, entry.start, entry.ref)
    return out


_POLICIES: dict[tuple[str, ...], dict[str, Any]] = {}


def _known_policies(conn: Connection) -> dict[str, Any]:
    """The county policies of the bundled and received packs, by hash (kept for the same
    received packs)."""
    from caseworker.eligibility.library import PolicyLibrary
    from caseworker.store.tables import POLICY_PACK

    rows = conn.execute(
        select(POLICY_PACK.c.id, POLICY_PACK.c.version, POLICY_PACK.c.sha256, POLICY_PACK.c.text)
    ).all()
    key = tuple(sorted(r.sha256 for r in rows))
    known = _POLICIES.get(key)
    if known is None:
        known = {}
        # Each received version in a library of its own: a record may be of an older one.
        for r in [None, *rows]:
            texts = [] if r is None else [(f"county:{r.id}@{r.version}", r.text)]
            try:
                library = PolicyLibrary(texts=texts)
                known.update({p.sha256: p for p in library.policies()})
            except ValueError:  # a pack that no longer reads (PolicyError): not this one
                continue
        _POLICIES[key] = known
    return known


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
        findings=read_findings(conn, row["policy_sha256"], row["findings"]),
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
