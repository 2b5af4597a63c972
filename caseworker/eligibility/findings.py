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
