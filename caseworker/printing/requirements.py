"""What a form needs before it can be printed, and when a case file includes it.

A requirement that is not met is reported as a FieldError naming the field of the
household record and what is missing (Chinese and English); nothing is printed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from caseworker.domain.codes import Program, Stage
from caseworker.domain.validation import FieldError, Problem, Where
from caseworker.eligibility.findings import STATUS_LABELS, Status
from caseworker.printing.context import DECISIONS

if TYPE_CHECKING:
    from caseworker.printing.context import Values

Check = Callable[["Values"], FieldError | None]

DIBAO_PROGRAMS = frozenset({Program.DIBAO, Program.DIBAO_SINGLE_PERSON, Program.DIBAO_GRADUAL_EXIT})
# A screening finding that makes a case of a program (worth a form in the case file).
_CASE_STATUSES = frozenset({Status.LIKELY_ELIGIBLE, Status.CONTINUE, Status.EXIT})


def _error(field: str, value: object, code: str, zh: str, en: str) -> FieldError:
    return Where().field(field).error(value, Problem(code, zh, en))


def _head(v: Values) -> FieldError | None:
    if v.head is not None:
        return None
    return _error(
        "members", None, "no_head", "没有户主，无法填写此表", "there is no head of household"
    )


def _visit(v: Values) -> FieldError | None:
    if v.hs.visit is not None:
        return None
    return _error(
        "visits",
        None,
        "no_visit",
        "该户没有入户调查记录，无法打印入户调查表",
        "the household has no visit to print an investigation form from",
    )


def _screening(v: Values) -> FieldError | None:
    if v.hs.screening is not None:
        return None
    return _error(
        "screening",
        None,
        "no_screening",
        "该户还没有资格筛查结果，请先进行筛查",
        "the household has not been screened yet",
    )


def _finding(v: Values) -> FieldError | None:
    if v.hs.screening is None:
        return _screening(v)
    if v.finding is not None:
        return None
    form = v.form
    programs = [v.hs.program] if v.hs.program else list(form.programs)
    names_zh = "、".join(p.zh for p in programs) or "任何项目"
    names_en = ", ".join(p.value for p in programs) or "any program"
    status_zh = "、".join(STATUS_LABELS[s][0] for s in form.statuses)
    status_en = ", ".join(STATUS_LABELS[s][1] for s in form.statuses)
    return _error(
        "screening",
        v.hs.screening.on.isoformat(),
        "no_finding",
        f"筛查结果中没有“{names_zh}”为“{status_zh}”的结论，无法出具{form.title_zh}",
        f"the screening has no '{status_en}' finding for {names_en}, so no {form.title_en}",
    )


def _decided(stage: Stage) -> Check:
    """A notice of a decision prints from the decision the county recorded, never from a
    screening: without one it cannot be issued."""

    def check(v: Values) -> FieldError | None:
        decision = v.decision
        if decision is not None and decision[1].stage is stage:
            return None
        names = "、".join(p.zh for p in ((v.hs.program,) if v.hs.program else v.form.programs))
        return _error(
            "applications",
            None,
            f"no_{stage.value}_decision",
            f"该户没有已记录的{names}“{stage.zh}”决定。请先在家庭详情的“申请”中记录县级审批结果，再打印{v.form.title_zh}",
            f"no '{stage.en}' decision is recorded for this household; record the county's "
            f"decision under Applications first",
        )

    return check


REQUIREMENTS: dict[str, Check] = {
    **{name: _decided(stage) for name, stage in DECISIONS.items()},
    "head": _head,
    "visit": _visit,
    "screening": _screening,
    "finding": _finding,
}


def _has_case(v: Values, programs: frozenset[Program]) -> bool:
    h = v.household
    if any(b.program in programs for b in h.benefits):
        return True
    if any(a.program in programs for a in h.applications):
        return True
    screening = v.hs.screening
    return screening is not None and any(
        f.program in programs and f.status in _CASE_STATUSES for f in screening.findings
    )


CONDITIONS: dict[str, Callable[[Values], bool]] = {
    "always": lambda v: True,
    "dibao_case": lambda v: _has_case(v, DIBAO_PROGRAMS),
    "temporary_case": lambda v: (
        v.household.emergency is not None or _has_case(v, frozenset({Program.TEMPORARY_ASSISTANCE}))
    ),
    "special_hardship_case": lambda v: _has_case(v, frozenset({Program.SPECIAL_HARDSHIP})),
}


def unmet(v: Values) -> list[FieldError]:
    """The form's requirements this source does not meet."""
    errors = []
    for name in v.form.requires:
        error = REQUIREMENTS[name](v)
        if error is not None:
            errors.append(error)
    return errors
