"""Special hardship support (特困人员救助供养): no capacity to work, no means of living, and
no legal supporter able to support; paid at a multiple of the Dibao standard plus a care
allowance by how far the person can look after themselves."""

from fractions import Fraction
from typing import Any

from caseworker.domain.codes import LaborCapacity, Program
from caseworker.domain.records import Member
from caseworker.eligibility.checks import (
    NOT_ELIGIBLE,
    Tri,
    current_benefit,
    current_status,
    decide,
    new_status,
)
from caseworker.eligibility.compare import income_below, income_template
from caseworker.eligibility.facts import Facts
from caseworker.eligibility.findings import (
    Finding,
    MissingInfo,
    Reason,
    explained_later,
)
from caseworker.eligibility.template import MissingTemplate, Template, plain, yuan

_PROGRAM = Program.SPECIAL_HARDSHIP
_NO_CAPACITY = LaborCapacity.NONE
INCOME = income_template("special_hardship.income_below_standard", "低保标准", "Dibao standard")


def _who(values: dict[str, Any], _args: tuple[Any, ...]) -> dict[str, Any]:
    zh, en = [], []
    for name, why, number in values["members"]:
        if why == "elderly":
            zh.append(f"{name}（{number}周岁，已达老年年龄）")
            en.append(f"{name} (aged {number}, of elderly age)")
        elif why == "minor":
            zh.append(f"{name}（{number}周岁，未成年）")
            en.append(f"{name} (aged {number}, a minor)")
        else:
            zh.append(f"{name}（{number}）")
            en.append(f"{name} ({number})")
    return {"who_zh": "、".join(zh), "who_en": ", ".join(en)}


CAPACITY = Template(
    "special_hardship.no_capacity_to_work",
    (("members", plain),),
    ("无劳动能力：{who_zh}", "no capacity to work: {who_en}"),
    (
        "没有成员属于无劳动能力（老年、未成年或符合等级的残疾）",
        "no member lacks capacity to work (elderly, minor, or disabled at a qualifying grade)",
    ),
    extra=_who,
)
SUPPORTERS = Template(
    "special_hardship.no_able_supporter",
    (("detail", plain),),
    (
        "无法定赡养（抚养、扶养）义务人，或义务人无履行能力",
        "no legal supporter, or none able to support",
    ),
    ("有能够履行义务的赡养（抚养、扶养）人：{detail}", "has a supporter able to support: {detail}"),
)
AMOUNT = Template(
    "special_hardship.amount",
    (("persons", plain), ("basic_yuan", yuan), ("care_yuan", yuan), ("amount_yuan", yuan)),
    (
        "{persons}人：基本生活标准每人{basic_yuan}元，照料护理补贴合计{care_yuan}元，每月{amount_yuan}元",
        "{persons} person(s): basic living standard {basic_yuan} yuan each, care allowances "
        "{care_yuan} yuan in all; {amount_yuan} yuan a month",
    ),
)


def _supporters(
    f: Facts, unable: set[int], unknown_capacity: set[int]
) -> tuple[Tri, tuple[str, int], list[MissingInfo]]:
    """Whether no one can support, who can (a member or a listed supporter, by index, for
    the sentence), and what is not recorded."""
    h = f.h
    missing: list[MissingInfo] = []
    result: Tri = True
    for index, m in enumerate(h.members):
        if index in unable:
            continue
        capacity = m.labor_capacity
        if capacity is None or index in unknown_capacity:
            result = None
            field = "labor_capacity" if capacity is None else "disability"
            missing.append(NO_CAPACITY_RECORDED(f"members[{index}].{field}", index + 1, m.name))
        elif capacity is not _NO_CAPACITY:
            return False, ("member", index), []
    supporters = h.legal_supporters
    if supporters is None:
        missing.append(NO_SUPPORTERS_RECORDED("legal_supporters"))
        return None, _NO_ONE, missing
    allowed = f.ctx.inability_reasons
    for index, s in enumerate(supporters):
        if s.able:
            return False, ("able", index), []
        if s.able is None:
            result = None
            who = s.name or s.relation.zh
            missing.append(
                SUPPORTER_ABILITY_NOT_RECORDED(f"legal_supporters[{index}].able", index + 1, who)
            )
        elif s.reason not in allowed:
            return False, ("reason", index), []
    return result, _NO_ONE, missing


_NO_ONE = ("", -1)
NO_CAPACITY_RECORDED = MissingTemplate(
    "special_hardship.capacity_not_recorded",
    "第{0}名成员（{1}）的劳动能力或残疾情况未登记",
    "the capacity to work of member {0} ({1}) is not recorded",
)
NO_SUPPORTERS_RECORDED = MissingTemplate(
    "special_hardship.supporters_not_recorded",
    "法定赡养（抚养、扶养）人情况未登记",
    "legal supporters are not recorded",
)
SUPPORTER_ABILITY_NOT_RECORDED = MissingTemplate(
    "special_hardship.supporter_ability_not_recorded",
    "第{0}名法定赡养人（{1}）是否有履行能力未登记",
    "whether legal supporter {0} ({1}) can support is not recorded",
)
DISABILITY_NOT_RECORDED = MissingTemplate(
    "special_hardship.disability_not_recorded",
    "第{0}名成员（{1}）的残疾情况未登记",
    "the disability of member {0} ({1}) is not recorded",
)
SELF_CARE_NOT_ASSESSED = MissingTemplate(
    "special_hardship.self_care_not_assessed",
    "第{0}名成员（{1}）的生活自理能力未评估",
    "the self-care of member {0} ({1}) is not assessed",
)


def _supporter_detail(f: Facts, who: tuple[str, int]) -> str:
    """The words for the one who can support (see ``_supporters``)."""
    kind, index = who
    if kind == "member":
        name = f.h.members[index].name
        return f"共同生活的{name} / co-resident {name}"
    if not kind:
        return ""
    supporters = f.h.legal_supporters
    assert supporters is not None
    s = supporters[index]
    name = s.name or s.relation.zh
    if kind == "able":
        return f"{name}（{s.relation.zh}）/ {name} ({s.relation.en})"
    reason = s.reason.zh if s.reason is not None else "未说明原因"
    return (
        f"{name}（{reason}，不属于政策认定的无履行能力情形）"
        f" / {name} (a reason the policy does not accept)"
    )


def _care(m: Member, f: Facts) -> int | None:
    impossible = m.self_care_impossible
    if impossible is None:
        return None
    v = f.ctx.values
    if impossible >= v["special_hardship.full_loss_activities"]:
        return int(v["special_hardship.care_allowance.full_loss"])
    if impossible > 0:
        return int(v["special_hardship.care_allowance.partial_loss"])
    return 0


def _describe(m: Member, age: int, f: Facts) -> tuple[str, str, Any]:
    """Why a member who lacks capacity to work does (for the reason's sentence)."""
    ctx = f.ctx
    if age >= ctx.elderly_age:
        return m.name, "elderly", age
    if age < ctx.minor_age:
        return m.name, "minor", age
    d = m.disability
    assert d is not None
    return m.name, "disability", f"{d.type.zh}{d.grade}级"


def special_hardship(f: Facts, explain: bool = False) -> Finding:
    """No capacity to work, no means of living, no legal supporter able to support."""
    ctx = f.ctx
    h = f.h
    unable, unknown, able = _capacities(f)
    has_unable: Tri = True if unable else (None if unknown else False)
    current = current_benefit(h, _PROGRAM, ctx.on) if h.benefits else None
    if has_unable is False and current is None:
        # Nobody lacks capacity to work: the other conditions cannot change that.
        return _nobody_unable(f)
    missing: list[MissingInfo] = []
    if has_unable is None:
        for index in sorted(unknown):
            m = h.members[index]
            missing.append(
                DISABILITY_NOT_RECORDED(f"members[{index}].disability", index + 1, m.name)
            )
    alone: Tri = False
    who = _NO_ONE
    if has_unable is not False:
        if able >= 0:
            # A co-resident member can work: what else is not recorded does not matter.
            alone, who = False, ("member", able)
        else:
            alone, who, supporter_missing = _supporters(f, unable, unknown)
            missing.extend(supporter_missing)
    amount: int | None = None
    basic_fen = care_total = 0  # of the amount (fen), when there is one
    members: tuple[str, ...] = ()
    found_missing: tuple[MissingInfo, ...] = ()
    # A supporter able to support: income and property cannot change that.
    settled = alone is False and current is None
    if settled:
        status = NOT_ELIGIBLE
    else:
        means = f.below_standard
        decision = decide((has_unable, means, f.property.met, f.local, alone))
        status = current_status(decision) if current is not None else new_status(decision)
        if decision is None:
            income_missing = f.income.missing if means is None else ()
            found_missing = (*missing, *income_missing, *f.basic_missing())
        elif decision:
            amount, basic_fen, care_total = _amount(f, unable, missing)
            members = tuple(h.members[i].id for i in sorted(unable))
            found_missing = tuple(missing)
    if not explain:
        return explained_later(
            special_hardship, f, _PROGRAM, status, amount, None, members, found_missing
        )
    uses = ctx.uses
    reasons: list[Reason] = []
    if has_unable is not None:
        ages = f.ages
        described = [_describe(h.members[i], ages[i], f) for i in range(len(ages)) if i in unable]
        reasons.append(CAPACITY(bool(unable), described, parameters=f.ctx.capacity_params))
    if alone is not None and has_unable is not False:
        reasons.append(
            SUPPORTERS(
                alone,
                _supporter_detail(f, who),
                parameters=(uses["special_hardship.supporter_inability_reasons"],),
            )
        )
    if not settled:
        reasons.extend(_means_reasons(f, len(unable), amount, basic_fen, care_total))
    return Finding(_PROGRAM, status, amount, None, members, tuple(reasons), found_missing)


def _capacities(f: Facts) -> tuple[set[int], set[int], int]:
    """The members (by index) who lack capacity to work, those whose disability is not
    recorded, and the first co-resident member able to support (-1: none; see
    ``_supporters``), found on the way."""
    ctx = f.ctx
    elderly, minor, grades = ctx.elderly_age, ctx.minor_age, ctx.hardship_grades
    unable: set[int] = set()
    unknown: set[int] = set()
    ages = f.ages
    able = -1
    for index, m in enumerate(f.h.members):
        age = ages[index]
        if age >= elderly or age < minor:
            unable.add(index)
            continue
        # disability_qualifies, inlined (it runs for every working-age member).
        d = m.disability
        if d is None:
            unknown.add(index)
            continue
        worst = grades.get(d.type)
        if worst is not None and d.grade is not None and d.grade <= worst:
            unable.add(index)
        elif able < 0:
            capacity = m.labor_capacity
            if capacity is not None and capacity is not _NO_CAPACITY:
                able = index
    return unable, unknown, able


def _means_reasons(
    f: Facts, persons: int, amount: int | None, basic_fen: int, care_total: int
) -> list[Reason]:
    """The income, the basic conditions and (when eligible) the amount, as reasons."""
    uses = f.ctx.uses
    reasons: list[Reason] = [f.income_reason()]
    _, income_reason = income_below(f, INCOME, f.limit_fen, (f.standard_use,))
    if income_reason is not None:
        reasons.append(income_reason)
    reasons.extend(f.basics()[0])
    if amount is not None:
        amount_params = (
            f.standard_use,
            uses["special_hardship.standard_multiple"],
            uses["special_hardship.care_allowance.full_loss"],
            uses["special_hardship.care_allowance.partial_loss"],
            uses["special_hardship.full_loss_activities"],
            uses["amounts.rounding"],
        )
        reasons.append(
            AMOUNT(True, persons, basic_fen, care_total, amount, parameters=amount_params)
        )
    return reasons


def _nobody_unable(f: Facts) -> Finding:
    """The finding for a household where everyone can work (the same for all of them)."""
    ctx = f.ctx
    finding: Finding | None = ctx.memo.get("special_hardship.none")
    if finding is None:
        reason = CAPACITY(False, [], parameters=f.ctx.capacity_params)
        finding = ctx.memo["special_hardship.none"] = Finding(
            _PROGRAM, NOT_ELIGIBLE, reasons=(reason,)
        )
    return finding


def _amount(f: Facts, unable: set[int], missing: list[MissingInfo]) -> tuple[int, int, int]:
    """(amount, basic living standard per person, care allowances) in fen; members whose
    self-care is not assessed are added to ``missing``."""
    ctx = f.ctx
    care_total = 0
    for index in unable:
        m = f.h.members[index]
        care = _care(m, f)
        if care is None:
            missing.append(
                SELF_CARE_NOT_ASSESSED(f"members[{index}].self_care_impossible", index + 1, m.name)
            )
        else:
            care_total += care
    # Exact arithmetic (Fraction) is slow and the same for many households: kept per
    # standard, number of members and care allowances.
    key = ("special_hardship.amount", f.standard_fen, len(unable), care_total)
    known: tuple[int, int] | None = ctx.memo.get(key)
    if known is None:
        multiple = Fraction(ctx.values["special_hardship.standard_multiple"])
        basic = Fraction(f.standard_fen) * multiple
        known = ctx.memo[key] = (
            ctx.round(basic * len(unable) + care_total),
            int((basic * 2 + 1) // 2),
        )
    amount, basic_fen = known
    return amount, basic_fen, care_total
