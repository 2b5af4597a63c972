"""Household income as the Dibao rules count it: counted and exempt kinds, deductions.

Income not recorded is never zero. The result is a range: ``low`` is the least the
household's counted monthly income can be (every unknown deduction taken), ``high`` the
most (``None`` when a member's incomes are not recorded, since they could be anything).
A rule decides when the whole range is on one side of its limit, and otherwise asks for
the missing items.
"""

from datetime import timedelta
from typing import Any

from caseworker.domain.codes import ExpenseKind, IncomeKind
from caseworker.domain.money import share_fen
from caseworker.domain.records import Household
from caseworker.eligibility.context import Context
from caseworker.eligibility.findings import MissingInfo, Reason
from caseworker.eligibility.structures import MemberCircumstance
from caseworker.eligibility.template import MissingTemplate, Template, plain, yuan

COST_KINDS = frozenset({ExpenseKind.MEDICAL, ExpenseKind.DISABILITY_CARE})
COST_WINDOW_DAYS = 365
COST_MONTHS = 12
_WAGE = IncomeKind.WAGE  # bound once: an enum member read is a descriptor call
_ANY = MemberCircumstance.ANY
GROUP_KINDS = frozenset({IncomeKind.UNEMPLOYMENT_INSURANCE, IncomeKind.PREFERENTIAL_CARE})


class Income:
    """A household's monthly income as the rules count it (fen)."""

    # A plain class, not a dataclass: compiled, its constructor is native code (a
    # dataclass's generated __init__ stays interpreted), and one is made per household.
    __slots__ = (
        "cost_deduction_fen",
        "counted_fen",
        "exempt_fen",
        "group_kinds",
        "high",
        "low",
        "members",
        "missing",
        "possible_work_deduction_fen",
        "unknown_members",
        "work_deduction_fen",
    )

    def __init__(
        self,
        members: int,
        counted_fen: int,  # counted income of the members whose incomes are recorded
        exempt_fen: int,
        work_deduction_fen: int,  # for members known to have returned to work
        possible_work_deduction_fen: int,  # for members whose return to work is not recorded
        cost_deduction_fen: int | None,  # monthly share of illness costs; None = not known
        low: int,
        high: int | None,
        missing: tuple[MissingInfo, ...],
        unknown_members: int = 0,  # members whose incomes are not recorded
        # Some member receives unemployment insurance or preferential-care payments (groups
        # of the price subsidy): noted here, where every income item is looked at anyway.
        group_kinds: bool = False,
    ) -> None:
        self.members = members
        self.counted_fen = counted_fen
        self.exempt_fen = exempt_fen
        self.work_deduction_fen = work_deduction_fen
        self.possible_work_deduction_fen = possible_work_deduction_fen
        self.cost_deduction_fen = cost_deduction_fen
        self.low = low
        self.high = high
        self.missing = missing
        self.unknown_members = unknown_members
        self.group_kinds = group_kinds

    def below(self, limit: int) -> bool | None:
        """Whether the counted total is below ``limit`` fen: True, False or None (unknown)."""
        if self.low >= limit:
            return False
        if self.high is not None and self.high < limit:
            return True
        return None

    def per_capita(self, total: int) -> int:
        """``total / members`` rounded half up to the fen (for showing only)."""
        return share_fen(total, self.members)


INCOMES_NOT_RECORDED = MissingTemplate(
    "income.incomes_not_recorded",
    "第{0}名成员（{1}）的收入未登记，请逐项核实",
    "the incomes of member {0} ({1}) are not recorded",
)
RETURN_NOT_RECORDED = MissingTemplate(
    "income.return_to_work_not_recorded",
    "第{0}名成员（{1}）是否返岗就业未登记（影响就业成本扣减）",
    "whether member {0} ({1}) returned to work is not recorded (work-cost deduction)",
)
EXPENSES_NOT_RECORDED = MissingTemplate(
    "income.expenses_not_recorded",
    "家庭支出未登记（医疗、康复支出可扣减收入）",
    "household expenses are not recorded (illness costs are deducted)",
)("expenses")


def compute_income(h: Household, ctx: Context) -> Income:
    """The household's counted monthly income under the policy in force on ``ctx.on``."""
    counted_kind = ctx.counted_kind
    work_deduction = ctx.work_deduction
    disregards = ctx.disregards
    counted = exempt = sure = possible = unknown = 0
    group_kinds = False
    missing: list[MissingInfo] = []
    for index, m in enumerate(h.members):
        incomes = m.incomes
        if incomes is None:
            unknown += 1
            missing.append(INCOMES_NOT_RECORDED(f"members[{index}].incomes", index + 1, m.name))
            continue
        wage = own = 0
        # Not counted of this member's income: for anyone, and if back at work.
        always = if_back = 0
        for item in incomes:
            kind = item.kind
            if counted_kind[kind]:
                fen = item.monthly_fen
                own += fen
                if kind is _WAGE:
                    wage += fen
                rules = disregards.get(kind)
                if rules:
                    for rule in rules:
                        if rule.member is _ANY:
                            always += rule.deducted(fen)
                        else:
                            if_back += rule.deducted(fen)
            else:
                exempt += item.monthly_fen
            if kind in GROUP_KINDS:
                group_kinds = True
        counted += own
        if wage and work_deduction:
            if_back += min(wage, work_deduction)
        if always:  # never more than the member's own counted income
            always = min(always, own)
            sure += always
        if if_back:
            if_back = min(if_back, own - always)
            back = m.returned_to_work
            if back:
                sure += if_back
            elif back is None:
                possible += if_back
                missing.append(
                    RETURN_NOT_RECORDED(f"members[{index}].returned_to_work", index + 1, m.name)
                )
    cost: int | None = 0
    if ctx.deduct_costs:
        cost = _cost_deduction(h, ctx)
        if cost is None:
            missing.append(EXPENSES_NOT_RECORDED)
    net = counted - sure
    low = 0 if cost is None else max(0, net - possible - cost)
    high = None if unknown else max(0, net - (cost or 0))
    # Positional: this runs for every household (members, counted, exempt, work deduction,
    # possible work deduction, cost deduction, low, high, missing, unknown members, group
    # kinds).
    return Income(
        len(h.members),
        counted,
        exempt,
        sure,
        possible,
        cost,
        low,
        high,
        tuple(missing) if missing else (),
        unknown,
        group_kinds,
    )


def _cost_deduction(h: Household, ctx: Context) -> int | None:
    """The monthly share (fen) of the medical and disability-care costs of the last 12
    months, or None when the household's expenses are not recorded."""
    if h.expenses is None:
        return None
    since = ctx.on - timedelta(days=COST_WINDOW_DAYS)
    spent = sum(
        e.amount_fen for e in h.expenses if e.kind in COST_KINDS and since < e.date <= ctx.on
    )
    return spent // COST_MONTHS  # rounded down: never deduct more than was spent


def _breakdown(values: dict[str, Any], args: tuple[Any, ...]) -> dict[str, Any]:
    # The last two arguments: (kind, fen) of each kind counted, and of each not counted,
    # in the order the members' incomes list them.
    counted: dict[IncomeKind, int] = {IncomeKind(k): v for k, v in args[-2]}
    exempt: dict[IncomeKind, int] = {IncomeKind(k): v for k, v in args[-1]}
    values["counted_by_kind"] = {k.value: yuan(v) for k, v in counted.items()}
    values["exempt_by_kind"] = {k.value: yuan(v) for k, v in exempt.items()}

    def listing(parts: dict[IncomeKind, int], lang: int) -> str:
        if not parts:
            return "无" if lang == 0 else "none"
        sep = "、" if lang == 0 else ", "
        return sep.join(f"{(k.zh if lang == 0 else k.en)} {yuan(v)}" for k, v in parts.items())

    unknown = values["unknown_members"]
    return {
        "counted_zh": listing(counted, 0),
        "counted_en": listing(counted, 1),
        "exempt_zh": listing(exempt, 0),
        "exempt_en": listing(exempt, 1),
        "unknown_zh": f"；另有{unknown}名成员收入未登记，人均收入至少为上述数" if unknown else "",
        "unknown_en": (
            f"; incomes of {unknown} member(s) not recorded, so per-capita income is at least this"
            if unknown
            else ""
        ),
        "cost_zh": "未知（支出未登记）"
        if values["cost_deduction_yuan"] is None
        else values["cost_deduction_yuan"],
        "cost_en": "unknown (expenses not recorded)"
        if values["cost_deduction_yuan"] is None
        else values["cost_deduction_yuan"],
    }


INCOME_STEPS = Template(
    "income.per_capita",
    (
        ("counted_yuan", yuan),
        ("exempt_yuan", yuan),
        ("work_deduction_yuan", yuan),
        ("cost_deduction_yuan", yuan),
        ("total_yuan", yuan),
        ("members", plain),
        ("per_capita_yuan", yuan),
        ("unknown_members", plain),
    ),
    (
        "家庭月收入：计入收入{counted_yuan}元（{counted_zh}）；不计入收入{exempt_yuan}元"
        "（{exempt_zh}）；扣减返岗就业成本及按政策减免的收入{work_deduction_yuan}元，"
        "扣减医疗康复支出{cost_zh}元；"
        "计入总额{total_yuan}元，共{members}人，人均月收入{per_capita_yuan}元{unknown_zh}",
        "Monthly income: counted {counted_yuan} yuan ({counted_en}); not counted "
        "{exempt_yuan} yuan ({exempt_en}); work costs and income disregarded by policy "
        "{work_deduction_yuan} yuan, "
        "illness-cost deduction {cost_en}; counted total {total_yuan} yuan for {members} "
        "member(s), per capita {per_capita_yuan} yuan{unknown_en}",
    ),
    extra=_breakdown,
)


def income_reason(h: Household, ctx: Context, income: Income) -> Reason:
    """The income computation, each step shown, as a reason (met: it was computed)."""
    unknown = income.unknown_members
    total = income.low if income.high is None else income.high
    counted: dict[IncomeKind, int] = {}
    exempt: dict[IncomeKind, int] = {}
    for m in h.members:
        for item in m.incomes or ():
            into = counted if ctx.counted_kind[item.kind] else exempt
            into[item.kind] = into.get(item.kind, 0) + item.monthly_fen
    return INCOME_STEPS(
        True,
        income.counted_fen,
        income.exempt_fen,
        income.work_deduction_fen,
        income.cost_deduction_fen,
        total,
        income.members,
        income.per_capita(total),
        unknown,
        tuple(counted.items()),
        tuple(exempt.items()),
        parameters=ctx.income_params,
    )
