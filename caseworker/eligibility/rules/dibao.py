"""Dibao (最低生活保障), the single-person route (单人户施保) and marginal families (低保边缘)."""

from caseworker.domain.codes import DibaoCategory, LaborCapacity, Program
from caseworker.eligibility.checks import (
    CONTINUE,
    EXIT,
    LIKELY_ELIGIBLE,
    NEEDS_INFORMATION,
    NOT_ELIGIBLE,
    current_status,
    decide,
    new_status,
)
from caseworker.eligibility.compare import income_below, income_template
from caseworker.eligibility.facts import Facts, disability_qualifies, illness_qualifies
from caseworker.eligibility.findings import (
    Explainer,
    Finding,
    MissingInfo,
    Reason,
    explained_later,
)
from caseworker.eligibility.structures import CategoryRule
from caseworker.eligibility.template import MissingTemplate, Template, day, plain, yuan

MEMBER_NOT_RECORDED = {
    field: MissingTemplate(
        f"dibao_single_person.{field}_not_recorded",
        f"第{{0}}名成员（{{1}}）的{what_zh}未登记",
        f"the {field.replace('_', ' ')} of member {{0}} ({{1}}) is not recorded",
    )
    for field, what_zh in (("disability", "残疾情况"), ("serious_illness", "重病情况"))
}
DIBAO_INCOME = income_template("dibao.income_below_standard", "低保标准", "Dibao standard")
SINGLE_INCOME = income_template(
    "dibao_single_person.income_below_limit", "单人户施保收入上限", "single-person income limit"
)
MARGINAL_ABOVE = income_template("marginal.income_not_below_standard", "低保标准", "Dibao standard")
MARGINAL_INCOME = income_template(
    "marginal.income_below_limit", "低保边缘家庭收入上限", "marginal family income limit"
)

CURRENT = Template(
    "dibao.current",
    (("since", day), ("monthly_yuan", yuan), ("category", plain)),
    (
        "自{since}起享受低保，现每月{monthly_yuan}元（{category}类）",
        "receiving Dibao since {since}, now {monthly_yuan} yuan a month (category {category})",
    ),
)
AMOUNT_GAP = Template(
    "dibao.amount",
    (
        ("standard_yuan", yuan),
        ("members", plain),
        ("income_yuan", yuan),
        ("gap_yuan", yuan),
        ("category", plain),
        ("extra_yuan", yuan),
        ("amount_yuan", yuan),
    ),
    (
        "按差额计算：标准{standard_yuan}元×{members}人－家庭月收入{income_yuan}元＝{gap_yuan}元，"
        "{category}类增发{extra_yuan}元，取整后每月{amount_yuan}元",
        "gap method: standard {standard_yuan} x {members} member(s) - monthly income "
        "{income_yuan} = {gap_yuan} yuan, plus {extra_yuan} for category {category}, "
        "rounded: {amount_yuan} yuan a month",
    ),
)
AMOUNT_TIERED = Template(
    "dibao.amount",
    (("category", plain), ("per_person_yuan", yuan), ("members", plain), ("amount_yuan", yuan)),
    (
        "按分档计算：{category}类每人每月{per_person_yuan}元×{members}人，每月{amount_yuan}元",
        "tiered: category {category}, {per_person_yuan} yuan per person x {members} "
        "member(s) = {amount_yuan} yuan a month",
    ),
    key="dibao.amount.tiered",
)
SUSPENDED = Template(
    "dibao.exit_suspended",
    (("from", day), ("to", day)),
    (
        "收入已超过标准，但{from}至{to}期间暂停低保退出，继续保障",
        "income is above the standard, but removals are suspended from {from} to {to}: "
        "Dibao continues",
    ),
)
HOUSEHOLD_QUALIFIES = Template(
    "dibao_single_person.household_above_standard",
    (),
    (
        "家庭人均收入不低于低保标准（整户不符合低保）",
        "the household's income is not below the standard",
    ),
    (
        "整户人均收入低于低保标准，应整户申请低保，无需单人户施保",
        "the whole household is below the standard: it applies for Dibao as a household",
    ),
)
SINGLE_MEMBERS = Template(
    "dibao_single_person.qualifying_member",
    (("members", plain),),
    (
        "重度残疾或重病成员：{members}",
        "severely disabled or seriously ill member(s): {members}",
    ),
    ("没有符合条件的重度残疾或重病成员", "no member with a qualifying disability or illness"),
)
SINGLE_AMOUNT = Template(
    "dibao_single_person.amount",
    (("members", plain), ("standard_yuan", yuan), ("amount_yuan", yuan)),
    (
        "单独施保：{members}按单人户计算（标准{standard_yuan}元减本人收入），每月共{amount_yuan}元",
        "included alone: {members} as one-person household(s) (standard {standard_yuan} "
        "less own income), {amount_yuan} yuan a month in all",
    ),
)

SINGLE_NOT_IN_FORCE = Template(
    "dibao_single_person.in_force",
    (("on", day),),
    ("本地政策实行单人户施保", "single-person inclusion is in force here"),
    (
        "{on}时本地政策尚未实行单人户施保",
        "single-person inclusion was not yet in force here on {on}",
    ),
)
MARGINAL_NOT_IN_FORCE = Template(
    "marginal.in_force",
    (("on", day),),
    ("本地政策认定低保边缘家庭", "marginal families are recognised here"),
    (
        "{on}时本地政策尚未认定低保边缘家庭",
        "marginal families were not yet recognised here on {on}",
    ),
)


def _not_in_force(
    f: Facts,
    rule: Explainer,
    program: Program,
    template: Template,
    parameter: str,
    explain: bool,
) -> Finding:
    """The program did not exist under this policy on the day: not eligible, and why."""
    if not explain:
        return explained_later(rule, f, program, NOT_ELIGIBLE, None, None, (), ())
    reason = template(False, f.ctx.on, parameters=(f.ctx.uses[parameter],))
    return Finding(program, NOT_ELIGIBLE, None, None, (), (reason,), ())


_DIBAO = Program.DIBAO
_SINGLE = Program.DIBAO_SINGLE_PERSON
_MARGINAL = Program.MARGINAL
_NO_CAPACITY = LaborCapacity.NONE
# An enum's ``.value`` is a Python-level property: read once here, not per household.
_CATEGORY_CODE = {c: c.value for c in DibaoCategory}


def _category(f: Facts) -> tuple[DibaoCategory | None, CategoryRule | None]:
    """The household's category: as recorded on its benefit, or the first rule that fits."""
    rules: tuple[CategoryRule, ...] = f.ctx.values["dibao.categories"]
    recorded = f.dibao_benefit.category if f.dibao_benefit is not None else None
    if recorded is not None:
        return recorded, next((r for r in rules if r.category is recorded), None)
    ctx = f.ctx
    members = f.h.members
    for rule in rules:
        when = rule.when
        if (
            "otherwise" in when
            or (
                "all_unable_to_work" in when
                and all(m.labor_capacity is _NO_CAPACITY for m in members)
            )
            or ("elderly_alone" in when and len(members) == 1 and f.ages[0] >= ctx.elderly_age)
            or (
                "severe_disability" in when
                and any(disability_qualifies(m, ctx.single_grades) for m in members)
            )
            or ("serious_illness" in when and any(m.has_serious_illness for m in members))
        ):
            return rule.category, rule
    return None, None


def _amount(f: Facts, explain: bool) -> tuple[int, Reason | None]:
    """The monthly amount, and (when explaining) the reason that shows the sum."""
    ctx = f.ctx
    category, rule = _category(f)
    label = _CATEGORY_CODE[category] if category is not None else "-"
    uses = ctx.uses
    params = (
        f.standard_use,
        uses["dibao.method"],
        uses["dibao.categories"],
        uses["amounts.rounding"],
    )
    if ctx.values["dibao.method"] == "tiered" and rule is not None and rule.amount_per_person_fen:
        amount = rule.amount_per_person_fen * f.members
        if not explain:
            return amount, None
        return amount, AMOUNT_TIERED(
            True, label, rule.amount_per_person_fen, f.members, amount, parameters=params
        )
    income = f.income.high if f.income.high is not None else f.income.low
    gap = f.limit_fen - income
    extra = rule.extra_fen if rule is not None else 0
    amount = ctx.round(gap + extra)
    if not explain:
        return amount, None
    reason = AMOUNT_GAP(
        True, f.standard_fen, f.members, income, gap, label, extra, amount, parameters=params
    )
    return amount, reason


def dibao(f: Facts, explain: bool = False) -> Finding:
    """Dibao: local hukou, income below the standard, property within limits."""
    ctx = f.ctx
    decision = f.dibao
    current = f.dibao_benefit
    suspended = False
    if current is not None:
        status = current_status(decision)
        # Removals suspended (an epidemic area): a recipient above the standard stays.
        if status is EXIT and ctx.suspension is not None and f.below_standard is False:
            status = CONTINUE
            suspended = True
    else:
        status = new_status(decision)
    monthly: int | None = None
    amount_reason = None
    missing: tuple[MissingInfo, ...] = ()
    if suspended:
        assert current is not None
        monthly = current.monthly_fen
        members = f.member_ids
    else:
        if decision:
            monthly, amount_reason = _amount(f, explain)
            missing = f.income.missing  # they could raise the amount
        elif decision is None:
            missing = (*f.income.missing, *f.basic_missing())
        members = f.member_ids if decision or current is not None else ()
    if not explain:
        return explained_later(dibao, f, _DIBAO, status, monthly, None, members, missing)
    reasons = [f.income_reason()]
    _, income_reason = income_below(f, DIBAO_INCOME, f.limit_fen, (f.standard_use,))
    if income_reason is not None:
        reasons.append(income_reason)
    reasons.extend(f.basics()[0])
    if current is not None:
        reasons.insert(0, _current_reason(f))
    if suspended:
        s = ctx.suspension
        assert s is not None
        reasons.append(
            SUSPENDED(True, s.start, s.end, parameters=(ctx.uses["gradual_exit.suspended"],))
        )
    elif amount_reason is not None:
        reasons.append(amount_reason)
    return Finding(_DIBAO, status, monthly, None, members, tuple(reasons), missing)


def _current_reason(f: Facts) -> Reason:
    b = f.dibao_benefit
    assert b is not None
    return CURRENT(True, b.since, b.monthly_fen, _CATEGORY_CODE[b.category] if b.category else "-")


def single_person(f: Facts, explain: bool = False) -> Finding:
    """Severely disabled or seriously ill members of a household above the standard."""
    ctx = f.ctx
    if not ctx.single_in_force:
        return _not_in_force(
            f, single_person, _SINGLE, SINGLE_NOT_IN_FORCE, "dibao.single_person.in_force", explain
        )
    below = f.below_standard
    above = None if below is None else not below
    met = f.income.below(f.limits[2])
    qualifying: list[int] = []
    amount: int | None = None
    members: tuple[str, ...] = ()
    missing: tuple[MissingInfo, ...] = ()
    # The household qualifies as a whole, or is above the limit: no member can change it.
    settled = above is False or met is False
    if settled:
        status = NOT_ELIGIBLE
    else:
        qualifying, unknown, member_missing = _qualifying_members(f)
        has_member = True if qualifying else (None if unknown else False)
        decision = decide((above, met, has_member, f.local, f.property.met))
        if decision is None:
            status = NEEDS_INFORMATION
            missing = (
                *(f.income.missing if above is None or met is None else ()),
                *member_missing,
                *f.basic_missing(),
            )
        elif not decision:
            status = NOT_ELIGIBLE
        else:
            status = LIKELY_ELIGIBLE
            amount = _single_amount(f, qualifying)
            members = tuple(f.h.members[i].id for i in qualifying)
            missing = f.income.missing
    if not explain:
        return explained_later(single_person, f, _SINGLE, status, amount, None, members, missing)
    reasons: list[Reason] = [f.income_reason()]
    if above is not None:
        reasons.append(HOUSEHOLD_QUALIFIES(above))
    _, income_reason = income_below(
        f,
        SINGLE_INCOME,
        f.limits[2],
        (f.standard_use, ctx.uses["dibao.single_person.income_multiple"]),
    )
    if income_reason is not None:
        reasons.append(income_reason)
    if not settled:
        reasons.extend(_member_reasons(f, qualifying, amount))
    return Finding(_SINGLE, status, amount, None, members, tuple(reasons), missing)


def _qualifying_members(f: Facts) -> tuple[list[int], bool, list[MissingInfo]]:
    """The members (by index) severely disabled or seriously ill; whether any other
    member's disability or illness is unknown, and what is not recorded of them."""
    ctx = f.ctx
    qualifying: list[int] = []
    missing: list[MissingInfo] = []
    unknown = False
    for index, m in enumerate(f.h.members):
        by_disability = disability_qualifies(m, ctx.single_grades)
        by_illness = illness_qualifies(m, ctx)
        if by_disability or by_illness:
            qualifying.append(index)
        elif by_disability is None or by_illness is None:
            unknown = True
            field = "disability" if by_disability is None else "serious_illness"
            missing.append(
                MEMBER_NOT_RECORDED[field](f"members[{index}].{field}", index + 1, m.name)
            )
    return qualifying, unknown, missing


def _single_amount(f: Facts, qualifying: list[int]) -> int:
    """The monthly amount of the qualifying members, each as a one-person household."""
    ctx = f.ctx
    total = 0
    for index in qualifying:
        m = f.h.members[index]
        if m.incomes is None:
            continue  # already listed as missing income
        own = sum(i.monthly_fen for i in m.incomes if ctx.counted_kind[i.kind])
        total += max(0, f.standard_fen - own)
    return ctx.round(total)


def _member_reasons(f: Facts, qualifying: list[int], amount: int | None) -> list[Reason]:
    """Which members qualify, the household's basic conditions and the amount, as reasons."""
    ctx = f.ctx
    names = "、".join(f.h.members[i].name for i in qualifying)
    reasons: list[Reason] = [
        SINGLE_MEMBERS(
            bool(qualifying),
            names,
            parameters=(
                ctx.uses["dibao.single_person.disability_grades"],
                ctx.uses["dibao.single_person.illnesses"],
            ),
        )
    ]
    reasons.extend(f.basics()[0])
    if amount is not None:
        reasons.append(
            SINGLE_AMOUNT(
                True,
                names,
                f.standard_fen,
                amount,
                parameters=(f.standard_use, ctx.uses["amounts.rounding"]),
            )
        )
    return reasons


def marginal(f: Facts, explain: bool = False) -> Finding:
    """Above the Dibao standard but below the marginal multiple, property within limits."""
    ctx = f.ctx
    if not ctx.marginal_in_force:
        return _not_in_force(
            f, marginal, _MARGINAL, MARGINAL_NOT_IN_FORCE, "marginal.in_force", explain
        )
    income = f.income
    below_standard = f.below_standard
    above = None if below_standard is None else not below_standard
    below = income.below(f.limits[3])
    members: tuple[str, ...] = ()
    missing: tuple[MissingInfo, ...] = ()
    # Below the standard (Dibao instead) or above the band: property cannot change it.
    settled = above is False or below is False
    if settled:
        status = NOT_ELIGIBLE
    else:
        decision = decide((above, below, f.local, f.property.met))
        status = new_status(decision)
        if decision is None:
            missing = f.basic_missing()
            if above is None or below is None:
                missing = (*income.missing, *missing)
        elif decision:
            members = f.member_ids
    if not explain:
        return explained_later(marginal, f, _MARGINAL, status, None, None, members, missing)
    _, above_reason = income_below(f, MARGINAL_ABOVE, f.limit_fen, (f.standard_use,), invert=True)
    _, below_reason = income_below(
        f, MARGINAL_INCOME, f.limits[3], (f.standard_use, ctx.uses["marginal.income_multiple"])
    )
    reasons = [f.income_reason()]
    reasons.extend(r for r in (above_reason, below_reason) if r is not None)
    if not settled:
        reasons.extend(f.basics()[0])
    return Finding(_MARGINAL, status, None, None, members, tuple(reasons), missing)
