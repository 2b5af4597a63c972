"""What every program's rules read about one household, worked out once per screening."""

from dataclasses import dataclass

from caseworker.domain.codes import DisabilityType, Program
from caseworker.domain.records import Benefit, Household, Member
from caseworker.eligibility.checks import (
    MISSING_LOCAL,
    PropertyCheck,
    Tri,
    current_benefit,
    decide,
    local_check,
    property_check,
)
from caseworker.eligibility.context import Context
from caseworker.eligibility.findings import MissingInfo, ParameterUse, Reason
from caseworker.eligibility.income import Income, compute_income, income_reason


@dataclass(slots=True)
class Facts:
    h: Household
    ctx: Context
    members: int
    standard_fen: int  # per person per month, for the household's hukou
    standard_use: ParameterUse
    limit_fen: int  # standard x members: the household total per-capita income is held to
    income: Income
    income_reason: Reason
    property: PropertyCheck
    local: Tri
    local_reason: Reason | None
    below_standard: Tri  # counted income below the standard
    dibao: Tri  # every Dibao condition met
    dibao_benefit: Benefit | None  # current Dibao, if any

    def basics(self) -> tuple[tuple[Reason, ...], tuple[MissingInfo, ...]]:
        """Reasons and missing items of residence and property (shared by programs)."""
        reasons = self.property.reasons
        if self.local_reason is not None:
            reasons = (self.local_reason, *reasons)
        missing = self.property.missing
        if self.local is None:
            missing = (MISSING_LOCAL, *missing)
        return reasons, missing


def gather(h: Household, ctx: Context) -> Facts:
    members = len(h.members)
    limit, per_person, _single, _marginal = ctx.limits(h.hukou, members)
    income = compute_income(h, ctx)
    prop = property_check(h, ctx)
    local, local_reason = local_check(h, ctx)
    below = income.below(limit)
    return Facts(
        h=h,
        ctx=ctx,
        members=members,
        standard_fen=per_person,
        standard_use=ctx.standard_use[h.hukou],
        limit_fen=limit,
        income=income,
        income_reason=income_reason(h, ctx, income),
        property=prop,
        local=local,
        local_reason=local_reason,
        below_standard=below,
        dibao=decide((local, below, prop.met)),
        dibao_benefit=current_benefit(h, Program.DIBAO, ctx.on),
    )


def disability_qualifies(m: Member, grades: dict[DisabilityType, int]) -> Tri:
    """Whether a member's disability is of a listed type at or above the listed grade
    (grade 1 is the most severe); None when the disability is not recorded."""
    d = m.disability
    if d is None:
        return None
    worst = grades.get(d.type)
    return worst is not None and d.grade is not None and d.grade <= worst


def illness_qualifies(m: Member, ctx: Context) -> Tri:
    """Whether a member's recorded serious illness is one the policy lists."""
    illness = m.serious_illness
    if illness is None:
        return None
    illness = illness.strip()
    if not illness:
        return False
    return ctx.any_illness or any(word in illness for word in ctx.illnesses)
