"""What screening says about a household: one finding per program, each with its reasons.

These are plain data shared by the screening engine (which makes them), the store (which
keeps them as decision records), printing (notices cite the reasons) and the desktop app.
Sentences come in Chinese and English; every reason names the dated policy parameters it
used, so a caseworker can see which rule decided.
"""

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from caseworker.domain.codes import Program
from caseworker.domain.money import format_yuan, yuan_to_fen


class Status(StrEnum):
    LIKELY_ELIGIBLE = "likely_eligible"
    NOT_ELIGIBLE = "not_eligible"
    NEEDS_INFORMATION = "needs_information"
    CONTINUE = "continue"  # a current Dibao household that still qualifies
    EXIT = "exit"  # a current Dibao household that no longer qualifies


STATUS_LABELS: dict[Status, tuple[str, str]] = {
    Status.LIKELY_ELIGIBLE: ("可能符合条件", "likely eligible"),
    Status.NOT_ELIGIBLE: ("不符合条件", "not eligible"),
    Status.NEEDS_INFORMATION: ("需补充信息", "needs information"),
    Status.CONTINUE: ("继续保障", "continue"),
    Status.EXIT: ("应退出", "exit"),
}


@dataclass(frozen=True, slots=True)
class PolicyRef:
    """Which policy pack produced a screening."""

    id: str
    version: str
    sha256: str


@dataclass(frozen=True, slots=True)
class ParameterUse:
    """A policy parameter as it was applied: its value in force on the screening date."""

    name: str  # dotted name, e.g. "dibao.standard.rural"
    value: Any
    effective_from: date
    ref: str  # document number / article


@dataclass(frozen=True, slots=True)
class Reason:
    """One condition checked, met or not, with the numbers compared."""

    rule: str  # stable code, e.g. "dibao.income_below_standard"
    met: bool
    text_zh: str
    text_en: str
    values: dict[str, Any] = field(default_factory=dict)
    parameters: tuple[ParameterUse, ...] = ()


@dataclass(frozen=True, slots=True)
class MissingInfo:
    """Something to collect on the next visit before a program can be decided."""

    field: str  # path in the household record, e.g. "members[1].incomes"
    text_zh: str
    text_en: str


@dataclass(frozen=True, slots=True)
class Finding:
    program: Program
    status: Status
    monthly_fen: int | None = None
    one_off_fen: int | None = None
    members: tuple[str, ...] = ()  # ids of the members the finding concerns
    reasons: tuple[Reason, ...] = ()
    missing: tuple[MissingInfo, ...] = ()


@dataclass(frozen=True, slots=True)
class Screening:
    """All findings for one household on one date under one policy pack."""

    household_id: str
    on: date
    policy: PolicyRef
    findings: tuple[Finding, ...]

    def finding(self, program: Program) -> Finding | None:
        return next((f for f in self.findings if f.program is program), None)


def _money(fen: int | None) -> str | None:
    return None if fen is None else format_yuan(fen)


def _fen(yuan: str | None) -> int | None:
    return None if yuan is None else yuan_to_fen(yuan)


def parameter_to_dict(p: ParameterUse) -> dict[str, Any]:
    return {"name": p.name, "value": p.value, "from": p.effective_from.isoformat(), "ref": p.ref}


def finding_to_dict(f: Finding) -> dict[str, Any]:
    """The JSON form of a finding (the ``findings[]`` items of ``caseworker screen``)."""
    return {
        "program": f.program.value,
        "status": f.status.value,
        "monthly_yuan": _money(f.monthly_fen),
        "one_off_yuan": _money(f.one_off_fen),
        "members": list(f.members),
        "reasons": [
            {
                "rule": r.rule,
                "met": r.met,
                "text_zh": r.text_zh,
                "text_en": r.text_en,
                "values": r.values,
                "parameters": [parameter_to_dict(p) for p in r.parameters],
            }
            for r in f.reasons
        ],
        "missing": [
            {"field": m.field, "text_zh": m.text_zh, "text_en": m.text_en} for m in f.missing
        ],
    }


def finding_from_dict(d: dict[str, Any]) -> Finding:
    """Read back what ``finding_to_dict`` wrote."""
    return Finding(
        program=Program(d["program"]),
        status=Status(d["status"]),
        monthly_fen=_fen(d.get("monthly_yuan")),
        one_off_fen=_fen(d.get("one_off_yuan")),
        members=tuple(d.get("members", ())),
        reasons=tuple(
            Reason(
                rule=r["rule"],
                met=r["met"],
                text_zh=r["text_zh"],
                text_en=r["text_en"],
                values=dict(r.get("values", {})),
                parameters=tuple(
                    ParameterUse(p["name"], p["value"], date.fromisoformat(p["from"]), p["ref"])
                    for p in r.get("parameters", ())
                ),
            )
            for r in d.get("reasons", ())
        ),
        missing=tuple(
            MissingInfo(m["field"], m["text_zh"], m["text_en"]) for m in d.get("missing", ())
        ),
    )
