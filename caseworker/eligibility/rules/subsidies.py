"""The temporary price subsidy (价格临时补贴) and the one-off epidemic relief."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

from caseworker.domain.codes import Hukou, IncomeKind, Program
from caseworker.domain.records import Household
from caseworker.eligibility.checks import LIKELY_ELIGIBLE, NEEDS_INFORMATION, NOT_ELIGIBLE, Tri
from caseworker.eligibility.context import Context
from caseworker.eligibility.facts import ADULT_AGE, Facts
from caseworker.eligibility.findings import (
    Finding,
    MissingInfo,
    ParameterUse,
    Reason,
    explained_later,
)
from caseworker.eligibility.param_codes import PriceGroup
from caseworker.eligibility.template import MissingTemplate, Template, plain, yuan

# Codes bound once: reading an enum member goes through a descriptor each time.
_PRICE, _EPIDEMIC = Program.PRICE_SUBSIDY, Program.EPIDEMIC_RELIEF
_DIBAO, _HARDSHIP = Program.DIBAO, Program.SPECIAL_HARDSHIP
_UNEMPLOYMENT, _PREFERENTIAL_CARE = IncomeKind.UNEMPLOYMENT_INSURANCE, IncomeKind.PREFERENTIAL_CARE
_G_DIBAO, _G_HARDSHIP = PriceGroup.DIBAO, PriceGroup.SPECIAL_HARDSHIP
_G_ORPHANS = PriceGroup.ORPHANS
_G_UNSUPPORTED = PriceGroup.DE_FACTO_UNSUPPORTED_CHILDREN
_G_UNEMPLOYMENT = PriceGroup.UNEMPLOYMENT_INSURANCE
_G_VETERANS = PriceGroup.ENTITLED_VETERANS
# An enum's ``.value`` is a Python-level property: read once here, not per household.
_GROUP_CODE = {g: g.value for g in PriceGroup}

TRIGGER = Template(
    "price_subsidy.triggered",
    (
        ("month", plain),
        ("cpi", plain),
        ("cpi_threshold", plain),
        ("food_cpi", plain),
        ("food_cpi_threshold", plain),
    ),
    (
        "{month_zh}CPI同比{cpi}%（启动条件{cpi_threshold}%），食品CPI同比{food_cpi}%（启动条件{food_cpi_threshold}%），达到启动条件",
        "{month}: CPI {cpi}% year on year (trigger {cpi_threshold}%), food CPI {food_cpi}% "
        "(trigger {food_cpi_threshold}%): the subsidy is triggered",
    ),
    (
        "{month_zh}CPI同比{cpi}%（启动条件{cpi_threshold}%），食品CPI同比{food_cpi}%（启动条件{food_cpi_threshold}%），未达到启动条件",
        "{month}: CPI {cpi}% year on year (trigger {cpi_threshold}%), food CPI {food_cpi}% "
        "(trigger {food_cpi_threshold}%): not triggered",
    ),
    extra=lambda values, _args: {
        "month_zh": f"{values['month'][:4]}年{int(values['month'][5:])}月",
    },
)
GROUPS = Template(
    "price_subsidy.covered_members",
    (("members", plain),),
    ("保障范围内的成员：{who_zh}", "members in the groups covered: {who_en}"),
    ("没有成员属于保障范围", "no member is in a group covered"),
    extra=lambda values, _args: {
        "who_zh": "、".join(f"{n}（{PriceGroup(g).zh}）" for n, g in values["members"]),
        "who_en": ", ".join(f"{n} ({PriceGroup(g).en})" for n, g in values["members"]),
    },
)
PRICE_AMOUNT = Template(
    "price_subsidy.amount",
    (("per_person_yuan", yuan), ("persons", plain), ("multiplier", plain), ("amount_yuan", yuan)),
    (
        "每人每月{per_person_yuan}元（含{multiplier}倍）×{persons}人，本月{amount_yuan}元",
        "{per_person_yuan} yuan per person (multiplier {multiplier} included) x {persons}: "
        "{amount_yuan} yuan this month",
    ),
)
AREA = Template(
    "epidemic_relief.area",
    (("county", plain),),
    ("所在地区列入一次性生活物资救助范围", "the area is designated for the one-off relief"),
    ("所在地区未列入一次性生活物资救助范围", "the area is not designated for the one-off relief"),
)
RECIPIENT = Template(
    "epidemic_relief.recipient",
    (),
    ("属于低保或特困对象", "receives Dibao or special hardship support"),
    ("不属于低保或特困对象", "receives neither Dibao nor special hardship support"),
)
RELIEF_AMOUNT = Template(
    "epidemic_relief.amount",
    (("per_person_yuan", yuan), ("persons", plain), ("amount_yuan", yuan)),
    (
        "每人{per_person_yuan}元×{persons}人，一次性{amount_yuan}元",
        "{per_person_yuan} yuan x {persons} person(s): {amount_yuan} yuan once",
    ),
)


def receiving(h: Household, program: Program, on: date) -> bool:
    """Whether the household is paid ``program`` on ``on`` (a gradual exit not yet over)."""
    for b in h.benefits:
        if b.program is program and b.since <= on and (b.exit_until is None or on <= b.exit_until):
            return True
    return False


@dataclass(slots=True)
class _Trigger:
    triggered: Tri
    reason: Reason | None
    rise: Decimal | None
    missing: tuple[MissingInfo, ...]
    per_person: dict[Hukou, Fraction]
    per_person_fen: dict[Hukou, int]  # rounded to the fen, as the amount's reason shows it


def _series_use(ctx: Context, name: str, month: str) -> ParameterUse:
    use = ctx.uses[name]
    return ParameterUse(name, {month: use.value.get(month)}, use.effective_from, use.ref)


_SERIES_WORDS = {"cpi": ("CPI", "CPI"), "food_cpi": ("食品CPI", "food CPI")}


def _month_words(args: tuple[Any, ...]) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
    """Raw arguments (series names joined by "+", then months as "YYYY-MM") in words."""
    series = [_SERIES_WORDS[name] for name in args[0].split("+")]
    months = [(int(m[:4]), int(m[5:])) for m in args[1:]]
    return (
        ("和".join(zh for zh, _ in series), *(f"{y}年{m}月" for y, m in months)),
        (" and ".join(en for _, en in series), *args[1:]),
    )


NOT_PUBLISHED = MissingTemplate(
    "price_subsidy.month_not_published",
    "{1}的{0}尚未发布（国家统计局每月中旬发布上月数据），暂不能判断是否启动；"
    "本机政策包的数据截至{2}，发布后请同步最新政策包",
    "the {0} figures for {1} are not published yet (the NBS publishes a month's figures "
    "in the middle of the next month), so whether the subsidy starts cannot be told yet; "
    "this laptop's pack has figures up to {2}: sync the latest pack once they are out",
    _month_words,
)
MONTH_NOT_IN_PACK = MissingTemplate(
    "price_subsidy.month_not_in_pack",
    "政策包中没有{1}的{0}数据，请同步最新政策包",
    "the policy pack has no {0} for {1}; sync the latest pack",
    _month_words,
)
MEMBER_NOT_RECORDED = {
    field: MissingTemplate(
        f"price_subsidy.{field}_not_recorded",
        "第{0}名成员（{1}）的情况未登记（影响价格临时补贴）",
        f"member {{0}} ({{1}}): {field.replace('_', ' ')} is not recorded (price subsidy)",
    )
    for field in ("incomes", "orphan", "de_facto_unsupported_child")
}


def _unknown_month(ctx: Context, month: tuple[int, int], cpi: bool, food: bool) -> MissingInfo:
    """What the pack lacks for ``month``: figures not published yet (the month is after
    the last one the pack's series hold), or a month the series skip."""
    names = [n for n, lacking in (("cpi", cpi), ("food_cpi", food)) if lacking]
    # The last month each lacking series holds (any entry, any date): (0, 0) for none.
    latest = min(
        max(
            (m for e in ctx.policy.parameters[f"price_subsidy.{n}"] for m in e.value),
            default=(0, 0),
        )
        for n in names
    )
    series, asked = "+".join(names), f"{month[0]:04d}-{month[1]:02d}"
    if latest != (0, 0) and month > latest:
        held = f"{latest[0]:04d}-{latest[1]:02d}"
        return NOT_PUBLISHED("policy:price_subsidy.cpi", series, asked, held)
    return MONTH_NOT_IN_PACK("policy:price_subsidy.cpi", series, asked)


def _trigger(ctx: Context) -> _Trigger:
    cached = ctx.memo.get("price.trigger")
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    v = ctx.values
    key = (ctx.on.year, ctx.on.month)
    month = f"{key[0]:04d}-{key[1]:02d}"
    cpi, food = v["price_subsidy.cpi"].get(key), v["price_subsidy.food_cpi"].get(key)
    cpi_t, food_t = v["price_subsidy.cpi_threshold"], v["price_subsidy.food_cpi_threshold"]
    rises = [r for r, t in ((cpi, cpi_t), (food, food_t)) if r is not None and r >= t]
    triggered: Tri = bool(rises) or (None if cpi is None or food is None else False)
    reason = None
    missing: tuple[MissingInfo, ...] = ()
    if triggered is None:
        missing = (_unknown_month(ctx, key, cpi is None, food is None),)
    else:
        params = (
            _series_use(ctx, "price_subsidy.cpi", month),
            ctx.uses["price_subsidy.cpi_threshold"],
            _series_use(ctx, "price_subsidy.food_cpi", month),
            ctx.uses["price_subsidy.food_cpi_threshold"],
        )
        shown = [str(x) if x is not None else "-" for x in (cpi, cpi_t, food, food_t)]
        reason = TRIGGER(triggered, month, *shown, parameters=params)
    rise = max(rises) if rises else None
    per_person: dict[Hukou, Fraction] = {}
    for hukou, standard in ctx.standard.items():
        if v["price_subsidy.method"] == "fixed_per_person":
            base = Fraction(v["price_subsidy.fixed_per_person"])
        else:
            base = Fraction(standard) * Fraction(rise or 0) / 100
        base = max(base, Fraction(v["price_subsidy.floor"]))
        per_person[hukou] = base * Fraction(v["price_subsidy.multiplier"])
    rounded = {hukou: int((amount * 2 + 1) // 2) for hukou, amount in per_person.items()}
    result = ctx.memo["price.trigger"] = _Trigger(
        triggered, reason, rise, missing, per_person, rounded
    )
    return result


def _groups(f: Facts) -> tuple[list[tuple[str, str]], tuple[str, ...], list[MissingInfo]]:
    """(name, group) of the members covered, their ids, and what is not recorded."""
    ctx = f.ctx
    dibao, hardship, unemployment, veterans, orphans, unsupported = ctx.price_groups
    h = f.h
    whole = None
    if h.benefits:
        if dibao and receiving(h, _DIBAO, ctx.on):
            whole = _G_DIBAO
        elif hardship and receiving(h, _HARDSHIP, ctx.on):
            whole = _G_HARDSHIP
    if whole is not None:
        code = _GROUP_CODE[whole]
        return [(m.name, code) for m in h.members], f.member_ids, []
    by_income = unemployment or veterans
    children = orphans or unsupported
    income = f.income
    if not (
        (by_income and (income.group_kinds or income.unknown_members))
        or (children and f.children_flagged)
    ):
        # What the income loop and the member loop noted: no member can be covered and
        # nothing is missing (most households), without looking at each member again.
        return [], (), []
    covered: list[tuple[str, str]] = []
    ids: list[str] = []
    missing: list[MissingInfo] = []
    ages = f.ages
    for index, m in enumerate(h.members):
        group = None
        unknown = ""
        if by_income:
            if m.incomes is None:
                unknown = "incomes"
            else:
                for item in m.incomes:
                    kind = item.kind
                    if kind is _UNEMPLOYMENT and unemployment:
                        group = _G_UNEMPLOYMENT
                    elif kind is _PREFERENTIAL_CARE and veterans:
                        group = _G_VETERANS
        # Only a child flagged (or not yet asked) needs its age looked at.
        if (
            group is None
            and children
            and (m.orphan is not False or m.de_facto_unsupported_child is not False)
            and ages[index] < ADULT_AGE
        ):
            if orphans:
                if m.orphan:
                    group = _G_ORPHANS
                elif m.orphan is None:
                    unknown = "orphan"
            if group is None and unsupported:
                if m.de_facto_unsupported_child:
                    group = _G_UNSUPPORTED
                elif m.de_facto_unsupported_child is None:
                    unknown = "de_facto_unsupported_child"
        if group is not None:
            covered.append((m.name, _GROUP_CODE[group]))
            ids.append(m.id)
        elif unknown:
            missing.append(
                MEMBER_NOT_RECORDED[unknown](f"members[{index}].{unknown}", index + 1, m.name)
            )
    return covered, tuple(ids), missing


def price_subsidy(f: Facts, explain: bool = False) -> Finding:
    """The subsidy of a month whose price rise triggers it, for the members covered."""
    ctx = f.ctx
    trigger: _Trigger = ctx.memo.get("price.trigger") or _trigger(ctx)
    if trigger.triggered is None:
        # The month is missing from the pack's series: the same for every household.
        finding: Finding | None = ctx.memo.get("price.unknown")
        if finding is None:
            finding = ctx.memo["price.unknown"] = Finding(
                _PRICE, NEEDS_INFORMATION, missing=trigger.missing
            )
        return finding
    assert trigger.reason is not None
    if not trigger.triggered:
        finding = ctx.memo.get("price.off")
        if finding is None:
            finding = ctx.memo["price.off"] = Finding(
                _PRICE, NOT_ELIGIBLE, reasons=(trigger.reason,)
            )
        return finding
    covered, ids, member_missing = _groups(f)
    amount: int | None = None
    members: tuple[str, ...] = ()
    missing: tuple[MissingInfo, ...] = ()
    if member_missing:
        status = NEEDS_INFORMATION
        missing = tuple(member_missing)
    elif not covered:
        status = NOT_ELIGIBLE
    else:
        status = LIKELY_ELIGIBLE
        members = ids
        key = ("price.amount", f.h.hukou, len(covered))
        amount = ctx.memo.get(key)
        if amount is None:
            amount = ctx.memo[key] = ctx.round(trigger.per_person[f.h.hukou] * len(covered))
    if not explain:
        return explained_later(price_subsidy, f, _PRICE, status, amount, None, members, missing)
    group_reason = GROUPS(bool(covered), covered, parameters=ctx.groups_params)
    reasons = [trigger.reason, group_reason]
    if amount is not None:
        uses = ctx.uses
        params = (
            uses["price_subsidy.method"],
            uses["price_subsidy.fixed_per_person"]
            if ctx.values["price_subsidy.method"] == "fixed_per_person"
            else f.standard_use,
            uses["price_subsidy.floor"],
            uses["price_subsidy.multiplier"],
            uses["amounts.rounding"],
        )
        multiplier = str(ctx.values["price_subsidy.multiplier"])
        per_person_fen = trigger.per_person_fen[f.h.hukou]
        reasons.append(
            PRICE_AMOUNT(True, per_person_fen, len(covered), multiplier, amount, parameters=params)
        )
    return Finding(_PRICE, status, amount, None, members, tuple(reasons), missing)


def epidemic_relief(f: Facts, explain: bool = False) -> Finding:
    """One-off relief for Dibao and special hardship households of a designated area.

    Households outside the areas, and those in them that receive neither, share one finding
    per county; the few that get the relief have theirs made with the reasons right away.
    """
    ctx = f.ctx
    h = f.h
    county = h.village_code[:6]
    memo = ctx.memo
    in_area = memo.get(("epidemic.area", county))
    if in_area is None:
        in_area = memo["epidemic.area", county] = any(
            h.village_code.startswith(p) for p in ctx.values["epidemic_relief.areas"]
        )
    if not in_area:
        finding: Finding | None = memo.get("epidemic.off")
        if finding is None:
            reason = AREA(False, county, parameters=(ctx.uses["epidemic_relief.areas"],))
            finding = memo["epidemic.off"] = Finding(_EPIDEMIC, NOT_ELIGIBLE, reasons=(reason,))
        return finding
    recipient = bool(h.benefits) and (
        receiving(h, _DIBAO, ctx.on) or receiving(h, _HARDSHIP, ctx.on)
    )
    if not recipient:
        finding = memo.get(("epidemic.none", county))
        if finding is None:
            reasons = (
                AREA(True, county, parameters=(ctx.uses["epidemic_relief.areas"],)),
                RECIPIENT(False),
            )
            finding = memo["epidemic.none", county] = Finding(
                _EPIDEMIC, NOT_ELIGIBLE, None, None, (), reasons
            )
        return finding
    name = "epidemic_relief.urban" if h.hukou is Hukou.URBAN else "epidemic_relief.rural"
    per_person = ctx.values[name]
    amount = per_person * f.members
    paid = (
        AREA(True, county, parameters=(ctx.uses["epidemic_relief.areas"],)),
        RECIPIENT(True),
        RELIEF_AMOUNT(True, per_person, f.members, amount, parameters=(ctx.uses[name],)),
    )
    return Finding(_EPIDEMIC, LIKELY_ELIGIBLE, None, amount, f.member_ids, paid)
