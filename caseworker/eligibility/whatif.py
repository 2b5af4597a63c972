"""What-if: which households' findings would change under other parameter values.

Nothing is stored: the caller screens under the policy as it is and under the policy with
overrides, and ``compare`` lists the differences (status or amount) program by program.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from caseworker.domain.codes import Program
from caseworker.domain.money import format_yuan
from caseworker.eligibility.findings import Finding, Screening, Status

# Statuses under which a household gets (or keeps) the program.
GETS = frozenset({Status.LIKELY_ELIGIBLE, Status.CONTINUE})


@dataclass(frozen=True, slots=True)
class Change:
    household_id: str
    program: Program
    before: Finding
    after: Finding

    @property
    def brought_in(self) -> bool:
        return self.after.status in GETS and self.before.status not in GETS

    @property
    def dropped(self) -> bool:
        return self.before.status in GETS and self.after.status not in GETS


@dataclass
class ProgramSummary:
    brought_in: int = 0
    dropped: int = 0
    other: int = 0  # same side, different status or amount
    monthly_fen_delta: int = 0
    one_off_fen_delta: int = 0


@dataclass
class WhatIf:
    overrides: Mapping[str, Any]
    changes: list[Change] = field(default_factory=list)
    summary: dict[Program, ProgramSummary] = field(default_factory=dict)
    households: int = 0


def _same(a: Finding, b: Finding) -> bool:
    return (
        a.status is b.status and a.monthly_fen == b.monthly_fen and a.one_off_fen == b.one_off_fen
    )


def compare(pairs: Iterable[tuple[Screening, Screening]], overrides: Mapping[str, Any]) -> WhatIf:
    """The differences between screenings before and after the overrides."""
    result = WhatIf(overrides=overrides)
    for before, after in pairs:
        result.households += 1
        for old, new in zip(before.findings, after.findings, strict=True):
            if _same(old, new):
                continue
            change = Change(before.household_id, old.program, old, new)
            result.changes.append(change)
            s = result.summary.setdefault(old.program, ProgramSummary())
            if change.brought_in:
                s.brought_in += 1
            elif change.dropped:
                s.dropped += 1
            else:
                s.other += 1
            s.monthly_fen_delta += (new.monthly_fen or 0) - (old.monthly_fen or 0)
            s.one_off_fen_delta += (new.one_off_fen or 0) - (old.one_off_fen or 0)
    return result


def _money(fen: int | None) -> str | None:
    return None if fen is None else format_yuan(fen)


def what_if_to_dict(w: WhatIf, heads: Mapping[str, str]) -> dict[str, Any]:
    """The JSON form (``heads`` maps household id to the head's name, for people)."""
    return {
        "what_if": dict(w.overrides),
        "households": w.households,
        "summary": {
            p.value: {
                "brought_in": s.brought_in,
                "dropped": s.dropped,
                "other_changes": s.other,
                "monthly_yuan_delta": format_yuan(s.monthly_fen_delta),
                "one_off_yuan_delta": format_yuan(s.one_off_fen_delta),
            }
            for p, s in w.summary.items()
        },
        "changes": [
            {
                "household": c.household_id,
                "head": heads.get(c.household_id),
                "program": c.program.value,
                "before": {
                    "status": c.before.status.value,
                    "monthly_yuan": _money(c.before.monthly_fen),
                    "one_off_yuan": _money(c.before.one_off_fen),
                },
                "after": {
                    "status": c.after.status.value,
                    "monthly_yuan": _money(c.after.monthly_fen),
                    "one_off_yuan": _money(c.after.one_off_fen),
                },
            }
            for c in w.changes
        ],
    }
