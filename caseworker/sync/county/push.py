"""Applying a push: each change once per (device, seq), each answered on its own.

One push is one transaction. A change is checked and merged in memory against the county's
copy of its household (``change.apply_change``); a change that fails is answered
"rejected" with its reasons and leaves nothing behind, without stopping the others. A
record outside the device's scope refuses the whole push (403): nothing is stored, and the
refusal is logged.
"""

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, select
from sqlalchemy.exc import IntegrityError

from caseworker.domain.bulk import gc_paused
from caseworker.sync.county.auth import Device, in_scope, out_of_scope
from caseworker.sync.county.bulk import insert_many, json_text
from caseworker.sync.county.change import apply_change, field_error
from caseworker.sync.county.db import lock_households
from caseworker.sync.county.errors import clash_refusal
from caseworker.sync.county.records import chunks, load_states, preload_owners, write_states
from caseworker.sync.county.regions import refused_regions
from caseworker.sync.county.tables import APPLIED
from caseworker.sync.receipts import receipt_for
from caseworker.sync.schemas import Change, PushRequest, PushResponse, RecordResult
from caseworker.sync.wire import sha256_of


def _check_scope(device: Device, request: PushRequest) -> None:
    for change in request["changes"]:
        if not in_scope(device.scope, change["village_code"]):
            raise out_of_scope(device, f"村（社区）{change['village_code']} / village")
    for region in request.get("regions", ()):
        code = region["code"]
        if not (code.startswith(device.scope) or device.scope.startswith(code)):
            raise out_of_scope(device, f"区划{code} / region")


def _replay(change: Change, sha: str, old: Any) -> RecordResult:
    """The answer to a (device, seq) the county has answered before."""
    if old.payload_sha256 != sha:
        error = field_error(
            "seq",
            change["seq"],
            "seq_reused",
            "该序号已用于另一项变更",
            "this sequence number was already used for a different change",
        )
        return RecordResult(
            seq=change["seq"], status="rejected", payload_sha256=sha, errors=[error.as_dict()]
        )
    return RecordResult.model_validate({**old.result, "replayed": True})


def apply_push(
    engine: Engine, device: Device, request: PushRequest, *, plain: bool = False
) -> PushResponse:
    """Apply a push from ``device``; the answer to every change and the receipt.

    ``plain`` says the request holds no floating-point numbers (the request text had none):
    hashes and stored JSON are then written by orjson (see ``wire.sha256_of``).
    """
    _check_scope(device, request)
    now = datetime.now(UTC)
    try:
        with gc_paused(), engine.begin() as conn:
            lock_households(conn)
            return _apply(conn, device, request, now, plain)
    except IntegrityError as exc:  # a check this module lacks: answered, never a 500
        ids = sorted({c["household_id"] for c in request["changes"]})
        raise clash_refusal(exc, device_id=device.device_id, households=ids) from None


def _apply(
    conn: Connection, device: Device, request: PushRequest, now: datetime, plain: bool
) -> PushResponse:
    """``apply_push`` inside its transaction, with the households' write lock held."""
    results: dict[int, RecordResult] = {}
    changes = request["changes"]
    regions = refused_regions(conn, request)
    seqs = [c["seq"] for c in changes]
    stored: dict[int, Any] = {}
    for chunk in chunks(seqs):
        query = select(APPLIED.c.seq, APPLIED.c.payload_sha256, APPLIED.c.result).where(
            APPLIED.c.device_id == device.device_id, APPLIED.c.seq.in_(chunk)
        )
        stored.update({row.seq: row for row in conn.execute(query)})
    fresh = [c for c in changes if c["seq"] not in stored]
    states = load_states(conn, sorted({c["household_id"] for c in fresh}))
    for state in states.values():
        if not in_scope(device.scope, state.village_code):
            raise out_of_scope(device, f"家庭所在村{state.village_code} / household's village")
    owners, persons = preload_owners(conn, fresh, states)
    applied: list[tuple[Any, ...]] = []
    for change in changes:
        seq = change["seq"]
        if seq in results:
            continue  # the same seq twice in one push: answered once
        # The hash of the change as received: the laptop hashed the same text.
        sha = sha256_of(change, plain=plain)
        if seq in stored:
            results[seq] = _replay(change, sha, stored[seq])
            continue
        result = apply_change(change, sha, states, owners, persons, device, now)
        results[seq] = result
        applied.append(
            (
                seq,
                change["household_id"],
                sha,
                result.status,
                json_text(result.model_dump(mode="json"), plain=plain),
            )
        )
    write_states(conn, device, [s for s in states.values() if s.touched], now, plain)
    insert_many(
        conn,
        APPLIED,
        ("seq", "household_id", "payload_sha256", "status", "result"),
        applied,
        {"device_id": device.device_id, "received_at": now},
    )
    ordered = [results[c["seq"]] for c in changes if c["seq"] in results]
    unique = list({r.seq: r for r in ordered}.values())
    return PushResponse(results=unique, receipt=receipt_for(unique), refused_regions=regions)
