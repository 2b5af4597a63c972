"""Reading a household's case history in the household format: its visits, and its
applications with the stage entries of each (every error collected by the household's
``RecordReader``)."""

from typing import Any

from caseworker.domain.codes import Program, Stage, VisitPurpose
from caseworker.domain.records import Application, StageEntry, Visit
from caseworker.domain.validation import (
    BENEFIT_LIMIT_FEN,
    Where,
    missing,
    parse_code,
    parse_datetime,
    parse_money,
    parse_name,
    parse_uuid,
)
from caseworker.interchange.appraisal import parse_appraisal
from caseworker.interchange.observations import parse_observations
from caseworker.interchange.record_reader import RecordReader, optional_text

VISIT_KEYS = frozenset(
    {"id", "date", "workers", "purpose", "observations", "conclusion", "notes", "signed_at"}
)
# due_on (and whether it is estimated) is what an export says of the time limit:
# computed from the history, so it is accepted and not read.
APPLICATION_KEYS = frozenset(
    {"id", "program", "history", "member_id", "due_on", "due_on_estimated"}
)
STAGE_KEYS = frozenset(
    {"id", "stage", "date", "worker", "note", "amount_yuan", "member_id", "appraisal"}
)

_PROGRAM = parse_code(Program)
_PURPOSE = parse_code(VisitPurpose)
_STAGE = parse_code(Stage)
_AMOUNT = parse_money(BENEFIT_LIMIT_FEN)


def read_visit(r: RecordReader, where: Where, value: Any) -> Visit | None:
    """One visit of the household's ``visits``, or None if it is not an object."""
    d = r.obj(where, value, VISIT_KEYS)
    if d is None:
        return None
    workers: list[str] = []
    raw_workers = d.get("workers")
    if raw_workers is None:
        r.c.add(where.field("workers"), None, missing())
    elif (raw := r.items(where, "workers", raw_workers)) is not None:
        workers = [
            w
            for i, x in enumerate(raw)
            if (w := r.c.check_at(where.item("workers", i), x, parse_name)) is not None
        ]
    observations = parse_observations(r.c, where.field("observations"), d.get("observations"))
    return Visit(
        id=r.record_id(where, d),
        date=r.req(where, d, "date", r.past_date),
        workers=workers,
        purpose=r.req(where, d, "purpose", _PURPOSE),
        observations=observations,
        conclusion=r.opt(where, d, "conclusion", optional_text) or "",
        notes=r.opt(where, d, "notes", optional_text) or "",
        signed_at=r.opt(where, d, "signed_at", parse_datetime),
    )


def read_application(r: RecordReader, where: Where, value: Any) -> Application | None:
    """One application of the household's ``applications``, with its history."""
    d = r.obj(where, value, APPLICATION_KEYS)
    if d is None:
        return None
    history: list[StageEntry] = []
    raw_history = d.get("history")
    if raw_history is None or raw_history == []:
        r.c.add(where.field("history"), None, missing())
    elif (raw := r.items(where, "history", raw_history)) is not None:
        history = [
            e for i, x in enumerate(raw) if (e := _read_stage(r, where.item("history", i), x))
        ]
    return Application(
        id=r.record_id(where, d),
        program=r.req(where, d, "program", _PROGRAM),
        history=history,
        member_id=r.opt(where, d, "member_id", parse_uuid),
    )


def _read_stage(r: RecordReader, where: Where, value: Any) -> StageEntry | None:
    d = r.obj(where, value, STAGE_KEYS)
    if d is None:
        return None
    appraisal = parse_appraisal(r.c, where.field("appraisal"), d.get("appraisal"), latest=r.today)
    return StageEntry(
        id=r.record_id(where, d),
        stage=r.req(where, d, "stage", _STAGE),
        date=r.req(where, d, "date", r.past_date),
        worker=r.opt(where, d, "worker", optional_text) or "",
        note=r.opt(where, d, "note", optional_text) or "",
        amount_fen=r.opt(where, d, "amount_yuan", _AMOUNT),
        member_id=r.opt(where, d, "member_id", parse_uuid),
        appraisal=appraisal,
    )
