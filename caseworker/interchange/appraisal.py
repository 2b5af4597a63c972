"""A democratic appraisal's record in the household format: the ``appraisal`` object of a
stage entry at the ``appraisal`` stage (its date is the meeting's).

    {"place": "村委会议室", "attendees": "村两委成员、党员代表、村民代表",
     "present": 15, "agree": 13, "disagree": 1, "abstain": 1, "outcome": "passed",
     "publicity_from": "2026-11-21", "publicity_to": "2026-11-27",
     "objections": [{"received_on": "2026-11-23", "summary": "…", "handling": "…"}]}

Every bad value is refused, named by field and value. That the votes fit the people
present, and the dates follow the meeting, are household rules (``domain.validation``).
``appraisal_to_dict`` writes the whole object, which the store keeps as it is
(``appraisal_from_dict`` reads it back without checking again).
"""

from collections.abc import Mapping
from datetime import date
from typing import Any

from caseworker.domain.codes import AppraisalOutcome
from caseworker.domain.records import Appraisal, Objection
from caseworker.domain.validation import (
    ADDRESS_MAX,
    TEXT_MAX,
    Collector,
    Where,
    parse_code,
    parse_date,
    parse_int,
    parse_text,
)
from caseworker.interchange.observations import read_list, read_object

APPRAISAL_KEYS = frozenset(
    {
        "place", "attendees", "present", "agree", "disagree", "abstain", "outcome",
        "publicity_from", "publicity_to", "objections",
    }
)  # fmt: skip
OBJECTION_KEYS = frozenset({"received_on", "summary", "handling"})
# A village assembly of every household's representative stays well below this.
PEOPLE_LIMIT = 10_000

_VOTES = ("agree", "disagree", "abstain")
_OUTCOME = parse_code(AppraisalOutcome)
_PEOPLE = parse_int(0, PEOPLE_LIMIT)
_PRESENT = parse_int(1, PEOPLE_LIMIT)
_ANY_DATE = parse_date()


def _place(value: Any) -> str:
    return parse_text(value, max_len=ADDRESS_MAX)


def _words(value: Any) -> str:
    return parse_text(value, max_len=TEXT_MAX)


def _optional_words(value: Any) -> str:
    return parse_text(value, max_len=TEXT_MAX, required=False)


def _objections(c: Collector, where: Where, value: Any, latest: date) -> list[Objection]:
    if value is None:
        return []
    raw = read_list(c, where.field("objections"), value)
    if raw is None:
        return []
    received = parse_date(not_after=latest)
    out = []
    for index, item in enumerate(raw):
        at = where.item("objections", index)
        d = read_object(c, at, item, OBJECTION_KEYS)
        if d is None:
            continue
        on = c.check(at, "received_on", d.get("received_on"), received)
        summary = c.check(at, "summary", d.get("summary"), _words)
        handling = c.check(at, "handling", d.get("handling"), _optional_words)
        if on is not None and summary is not None:
            out.append(Objection(on, summary, handling or ""))
    return out


def parse_appraisal(c: Collector, where: Where, value: Any, *, latest: date) -> Appraisal | None:
    """The appraisal record at ``where`` (a stage entry's ``appraisal``), every error
    recorded in ``c``; null or absent: none recorded. ``latest`` is the last day an
    objection may have been received (today)."""
    if value is None:
        return None
    d = read_object(c, where, value, APPRAISAL_KEYS)
    if d is None:
        return None
    place = c.check(where, "place", d.get("place"), _place)
    attendees = c.check(where, "attendees", d.get("attendees"), _words)
    present = c.check(where, "present", d.get("present"), _PRESENT)
    votes = [
        c.check(where, key, d.get(key, 0), _PEOPLE) for key in ("agree", "disagree", "abstain")
    ]
    outcome = c.check(where, "outcome", d.get("outcome"), _OUTCOME)
    start, end = (
        None if d.get(key) is None else c.check(where, key, d.get(key), _ANY_DATE)
        for key in ("publicity_from", "publicity_to")
    )
    objections = _objections(c, where, d.get("objections"), latest)
    if place is None or attendees is None or present is None or outcome is None:
        return None
    agree, disagree, abstain = (v or 0 for v in votes)
    return Appraisal(
        place=place,
        attendees=attendees,
        present=present,
        agree=agree,
        disagree=disagree,
        abstain=abstain,
        outcome=outcome,
        publicity_from=start,
        publicity_to=end,
        objections=objections,
    )


def _day(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def appraisal_to_dict(a: Appraisal) -> dict[str, Any]:
    """The whole ``appraisal`` object; ``parse_appraisal`` and ``appraisal_from_dict`` read
    it back exactly."""
    return {
        "place": a.place,
        "attendees": a.attendees,
        "present": a.present,
        "agree": a.agree,
        "disagree": a.disagree,
        "abstain": a.abstain,
        "outcome": a.outcome.value,
        "publicity_from": _day(a.publicity_from),
        "publicity_to": _day(a.publicity_to),
        "objections": [
            {"received_on": o.received_on.isoformat(), "summary": o.summary, "handling": o.handling}
            for o in a.objections
        ],
    }


def appraisal_from_dict(d: Mapping[str, Any]) -> Appraisal:
    """An appraisal as ``appraisal_to_dict`` wrote it (the store's copy, checked before)."""
    start, end = d.get("publicity_from"), d.get("publicity_to")
    return Appraisal(
        place=d["place"],
        attendees=d["attendees"],
        present=d["present"],
        agree=d["agree"],
        disagree=d["disagree"],
        abstain=d["abstain"],
        outcome=AppraisalOutcome(d["outcome"]),
        publicity_from=None if start is None else date.fromisoformat(start),
        publicity_to=None if end is None else date.fromisoformat(end),
        objections=[
            Objection(date.fromisoformat(o["received_on"]), o["summary"], o["handling"])
            for o in d.get("objections", ())
        ],
    )
