"""What screening says about a household: one finding per program, each with its reasons.

These are plain data shared by the screening engine (which makes them), the store (which
keeps them as decision records), printing (notices cite the reasons) and the desktop app.
Sentences come in Chinese and English; every reason names the dated policy parameters it
used, so a caseworker can see which rule decided.
"""

import dataclasses
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any, NamedTuple, Protocol

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


class ReasonTemplate(Protocol):
    """Turns a reason's raw arguments into its ``values`` and its two sentences.

    ``key`` names the template for good (decision records store it with the arguments and
    render the sentences again when read); ``rule`` is the rule code of its reasons."""

    key: str
    rule: str

    def render(
        self, met: bool, args: tuple[Any, ...], parameters: tuple[ParameterUse, ...]
    ) -> tuple[dict[str, Any], str, str]: ...


class Reason:
    """One condition checked, met or not, with the numbers compared.

    A reason is either given its sentences (``Reason(rule, met, text_zh, text_en, values,
    parameters)``, as when read back from JSON) or made by the screening engine from a
    template and raw arguments (``Reason.from_template``), in which case ``values``,
    ``text_zh`` and ``text_en`` are rendered on first use: screening a county produces
    millions of reasons and most are never read. The template and arguments are kept
    (``source``): a decision record stores them instead of the sentences. Treat a reason
    as immutable.
    """

    __slots__ = (
        "_args",
        "_template",
        "_text_en",
        "_text_zh",
        "_values",
        "met",
        "parameters",
        "rule",
    )

    rule: str  # stable code, e.g. "dibao.income_below_standard"
    met: bool
    parameters: tuple[ParameterUse, ...]

    def __init__(
        self,
        rule: str,
        met: bool,
        text_zh: str,
        text_en: str,
        values: dict[str, Any] | None = None,
        parameters: tuple[ParameterUse, ...] = (),
    ) -> None:
        self.rule = rule
        self.met = met
        self.parameters = tuple(parameters)
        self._text_zh = text_zh
        self._text_en = text_en
        self._values = values
        # Set by the engine: rendered into values and sentences on first read.
        self._template: ReasonTemplate | None = None
        self._args: tuple[Any, ...] = ()

    @classmethod
    def from_template(
        cls,
        rule: str,
        met: bool,
        template: ReasonTemplate,
        args: tuple[Any, ...],
        parameters: tuple[ParameterUse, ...] = (),
    ) -> "Reason":
        """A reason whose values and sentences are rendered from ``template`` when read."""
        reason = cls(rule, met, "", "", None, parameters)
        reason._template = template
        reason._args = args
        return reason

    def _render(self) -> None:
        template = self._template
        if template is not None and self._values is None:
            self._values, self._text_zh, self._text_en = template.render(
                self.met, self._args, self.parameters
            )

    def source(self) -> tuple[ReasonTemplate, tuple[Any, ...]] | None:
        """The template and raw arguments the reason is rendered from (None for a reason
        given its sentences)."""
        template = self._template
        return None if template is None else (template, self._args)

    @property
    def values(self) -> dict[str, Any]:
        values = self._values
        if values is None:
            if self._template is not None:
                self._render()
                values = self._values
            if values is None:  # made without values: an empty dict, made when asked for
                values = self._values = {}
        return values

    @property
    def text_zh(self) -> str:
        if self._values is None and self._template is not None:
            self._render()
        return self._text_zh

    @property
    def text_en(self) -> str:
        if self._values is None and self._template is not None:
            self._render()
        return self._text_en

    def _key(self) -> tuple[Any, ...]:
        return (self.rule, self.met, self.text_zh, self.text_en, self.values, self.parameters)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Reason):
            return NotImplemented
        return self._key() == other._key()

    __hash__ = None  # type: ignore[assignment]  # values is a dict

    def __repr__(self) -> str:
        return f"Reason(rule={self.rule!r}, met={self.met!r}, text_en={self.text_en!r})"


@dataclass(frozen=True, slots=True)
class MissingInfo:
    """Something to collect on the next visit before a program can be decided.

    ``key`` and ``args`` name the template the sentences were rendered from and its raw
    arguments (``caseworker.eligibility.template.MissingTemplate``), so a decision record
    keeps those instead of the sentences; empty for one given its sentences."""

    field: str  # path in the household record, e.g. "members[1].incomes"
    text_zh: str
    text_en: str
    key: str = dataclasses.field(default="", compare=False, repr=False)
    args: tuple[Any, ...] = dataclasses.field(default=(), compare=False, repr=False)


class Explainer(Protocol):
    """A program's rule run again on the same facts, this time with its reasons."""

    def __call__(self, facts: Any, explain: bool, /) -> "Finding": ...


class Finding:
    """What screening concludes for one program. Treat it as immutable.

    The decision (``status``, the amounts, ``members``, ``missing``) is made when the
    household is screened. ``reasons`` is either given (``Finding(..., reasons=...)``, as
    when read back from JSON) or, for a finding the engine made, worked out on first read by
    running the program's rule again on the same facts with its explanations, which must
    come to the same decision (checked). Screening a county makes millions of findings whose
    reasons are never read; building them all would cost more than deciding. The facts
    refer to the household record: change it only after the reasons have been read, or
    screen it again (a changed record that no longer leads to this decision is refused).
    """

    __slots__ = (
        "_facts",
        "_reasons",
        "_rule",
        "members",
        "missing",
        "monthly_fen",
        "one_off_fen",
        "program",
        "status",
    )

    program: Program
    status: Status
    monthly_fen: int | None
    one_off_fen: int | None
    members: tuple[str, ...]  # ids of the members the finding concerns
    missing: tuple[MissingInfo, ...]

    def __init__(
        self,
        program: Program,
        status: Status,
        monthly_fen: int | None = None,
        one_off_fen: int | None = None,
        members: tuple[str, ...] = (),
        reasons: tuple[Reason, ...] = (),
        missing: tuple[MissingInfo, ...] = (),
    ) -> None:
        self.program = program
        self.status = status
        self.monthly_fen = monthly_fen
        self.one_off_fen = one_off_fen
        self.members = tuple(members)
        self._reasons: tuple[Reason, ...] | None = tuple(reasons)
        self.missing = tuple(missing)
        self._rule: Explainer | None = None
        self._facts: Any = None

    @property
    def reasons(self) -> tuple[Reason, ...]:
        """Every condition checked, met or not, in order."""
        reasons = self._reasons
        if reasons is None:
            reasons = self._explained()
        return reasons

    def _explained(self) -> tuple[Reason, ...]:
        rule = self._rule
        assert rule is not None
        full = rule(self._facts, True)
        if full.decision() != self.decision():
            # The household record was changed after it was screened (or the rule is not
            # deterministic): its reasons would not explain this decision.
            raise RuntimeError(
                f"the {self.program.value} finding cannot be explained: the household "
                "changed after it was screened; screen it again"
            )
        self._reasons = reasons = full.reasons
        self._rule = self._facts = None  # the facts are no longer needed
        return reasons

    def decision(self) -> tuple[Any, ...]:
        """Everything but the reasons: (program, status, amounts, members, missing)."""
        return (
            self.program,
            self.status,
            self.monthly_fen,
            self.one_off_fen,
            self.members,
            self.missing,
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Finding):
            return NotImplemented
        return self.decision() == other.decision() and self.reasons == other.reasons

    __hash__ = None  # type: ignore[assignment]  # reasons are not hashable

    def __repr__(self) -> str:
        return (
            f"Finding(program={self.program!r}, status={self.status!r}, "
            f"monthly_fen={self.monthly_fen!r}, one_off_fen={self.one_off_fen!r}, "
            f"members={self.members!r}, missing={self.missing!r})"
        )


def explained_later(
    rule: Explainer,
    facts: Any,
    program: Program,
    status: Status,
    monthly_fen: int | None,
    one_off_fen: int | None,
    members: tuple[str, ...],
    missing: tuple[MissingInfo, ...],
) -> Finding:
    """A finding whose reasons ``rule(facts, True)`` gives when first read (the engine's
    constructor: no copying, no defaults; this runs for every program of every household)."""
    finding = Finding(program, status, monthly_fen, one_off_fen, members, (), missing)
    finding._reasons = None
    finding._rule = rule
    finding._facts = facts
    return finding


class Screening(NamedTuple):
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
