"""What every program's rules read about one household, worked out once per screening.

The rules decide from these facts; their reasons (the income steps, residence, property)
are made only when a finding's reasons are read, and then once for all its programs.
"""

from caseworker.domain.codes import DisabilityType, Hukou, Program
from caseworker.domain.records import Benefit, Household, Member
from caseworker.eligibility.checks import (
    LOCAL,
    MISSING_LOCAL,
    PropertyCheck,
    Tri,
    current_benefit,
    decide,
    property_check,
)
from caseworker.eligibility.context import Context
from caseworker.eligibility.findings import MissingInfo, ParameterUse, Reason
from caseworker.eligibility.income import Income, compute_income, income_reason

_DIBAO = Program.DIBAO
ADULT_AGE = 18  # orphans and de facto unsupported children are minors by definition


class Facts:
    """One household under one policy on one day: what the rules share."""

    __slots__ = (
        "_basics",
        "_income_reason",
        "ages",
        "below_standard",
        "children_flagged",
        "ctx",
        "dibao",
        "dibao_benefit",
        "h",
        "income",
        "limit_fen",
        "limits",
        "local",
        "member_ids",
        "members",
        "property",
        "standard_fen",
        "standard_use",
    )

    h: Household
    ctx: Context
    members: int
    member_ids: tuple[str, ...]
    ages: list[int]  # of each member on the screening day
    # A minor recorded (or not yet asked) as an orphan or a de facto unsupported child.
    children_flagged: bool
    limits: tuple[int, int, int, int]  # Context.limits for the household's hukou and size
    standard_fen: int  # per person per month, for the household's hukou
    standard_use: ParameterUse
    limit_fen: int  # standard x members: the household total per-capita income is held to
    income: Income
    property: PropertyCheck
    local: Tri
    below_standard: Tri  # counted income below the standard
    dibao: Tri  # every Dibao condition met
    dibao_benefit: Benefit | None  # current Dibao, if any

    def __init__(self, h: Household, ctx: Context) -> None:
        self.h = h
        self.ctx = ctx
        members = h.members
        self.members = n = len(members)
        on = ctx.on
        day = (on.month, on.day)
        year = on.year
        # Several programs need every member's age (age_on, inlined); one plain loop is
        # faster than comprehensions here.
        ids: list[str] = []
        self.ages = ages = []
        children = False
        for m in members:
            ids.append(m.id)
            b = m.birth_date
            age = year - b.year - (day < (b.month, b.day))
            ages.append(age)
            if age < ADULT_AGE and (
                m.orphan is not False or m.de_facto_unsupported_child is not False
            ):
                children = True
        self.member_ids = tuple(ids)
        self.children_flagged = children
        hukou: Hukou = h.hukou
        self.limits = limits = ctx.limits(hukou, n)
        self.limit_fen = limit = limits[0]
        self.standard_fen = limits[1]
        self.standard_use = ctx.standard_use[hukou]
        self.income = income = compute_income(h, ctx)
        self.property = prop = property_check(h, ctx)
        self.local = local = h.local_resident
        self.below_standard = below = income.below(limit)
        self.dibao = decide((local, below, prop.met))
        benefits = h.benefits
        self.dibao_benefit = current_benefit(h, _DIBAO, on) if benefits else None
        self._income_reason: Reason | None = None
        self._basics: tuple[tuple[Reason, ...], tuple[MissingInfo, ...]] | None = None

    def income_reason(self) -> Reason:
        """The income computation, each step shown (made once, when first asked for)."""
        reason = self._income_reason
        if reason is None:
            reason = self._income_reason = income_reason(self.h, self.ctx, self.income)
        return reason

    def basic_missing(self) -> tuple[MissingInfo, ...]:
        """What to collect about residence and property."""
        missing = self.property.missing
        if self.local is None:
            missing = (MISSING_LOCAL, *missing)
        return missing

    def basics(self) -> tuple[tuple[Reason, ...], tuple[MissingInfo, ...]]:
        """Reasons and missing items of residence and property (shared by programs)."""
        basics = self._basics
        if basics is None:
            reasons = self.property.reasons(self.ctx, self.members)
            if self.local is not None:
                reasons = (self.local_reason(), *reasons)
            basics = self._basics = (reasons, self.basic_missing())
        return basics

    def local_reason(self) -> Reason:
        """Whether the hukou is local, as a reason (the same for every household)."""
        local = self.local
        key = ("local", local)
        memo = self.ctx.memo
        reason: Reason | None = memo.get(key)
        if reason is None:
            reason = memo[key] = LOCAL(bool(local))
        return reason


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
