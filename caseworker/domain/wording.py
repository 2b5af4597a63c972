"""A visit's observations said in words, as a person writes them on the investigation form.

One wording for paper and screen: the printed forms (``caseworker.printing``) and the
desktop app both call these, so the screen and the paper say the same. Chinese (``"zh"``)
is what the forms print; English (``"en"``) is for the English interface.

    住房      砖混结构，85平方米，一般
    牲畜      牛2头、羊10只
    车辆农机  三轮车1辆、拖拉机1台
    收入      张学林：工资性收入1,200.00元/月；李秀梅：种养殖净收入600.00元/月
    致困原因  疾病、残疾

Nothing here ever shows a code name, an id or a data structure: members are named, codes
are said by their labels. A part noted as empty says "无" (none); a part not noted at all
(the house not described, incomes not asked) is "", so a form leaves its box blank for a
pen, as everywhere else on the forms.
"""

from collections.abc import Mapping, Sequence
from datetime import date
from typing import TypeVar

from caseworker.domain.codes import (
    MEASURE_WORDS,
    HardshipCause,
    LabelledCode,
    LivestockKind,
    VehicleKind,
)
from caseworker.domain.records import Appraisal, Housing, Member, VisitIncome, VisitObservations

# The parts of a visit's observations, as the form and the screen label them.
LABELS: dict[str, tuple[str, str]] = {
    "housing": ("住房", "Housing"),
    "livestock": ("牲畜", "Livestock"),
    "vehicles": ("车辆农机", "Vehicles and machines"),
    "incomes": ("收入", "Incomes"),
    "hardship_causes": ("致困原因", "Causes of hardship"),
    "property_notes": ("财产情况", "Property"),
    "expense_notes": ("支出情况", "Expenses"),
}
_NONE = ("无", "none")
K = TypeVar("K", LivestockKind, VehicleKind)
_FORMER_MEMBER = ("原家庭成员", "former member")  # a member the record no longer lists


def _i(lang: str) -> int:
    """Index of ``lang`` in the (zh, en) pairs: anything but "en" is Chinese."""
    return 1 if lang == "en" else 0


def code_words(code: LabelledCode, lang: str = "zh") -> str:
    """A code by its label (``工资性收入`` / ``wages``), never its code name: the one way
    codes are said, on paper and on the screen."""
    return code.en if lang == "en" else code.zh


def codes_words(codes: Sequence[LabelledCode], lang: str = "zh") -> str:
    """Codes by their labels, in the order given; "无" / "none" when there are none.

    ``优抚金、抚恤金、奖学金、助学金`` would read as four items where there are two, so
    labels that hold the separator themselves are joined with a stronger one ("，", "; ").
    """
    if not codes:
        return none_words(lang)
    labels = [code_words(c, lang) for c in codes]
    if lang == "en":
        return ("; " if any("," in text for text in labels) else ", ").join(labels)
    return ("，" if any("、" in text for text in labels) else "、").join(labels)


_label = code_words


def none_words(lang: str = "zh") -> str:
    """ "无" / "none": what a box says when the visit found nothing of the kind."""
    return _NONE[_i(lang)]


def yuan_words(fen: int) -> str:
    """An amount of yuan with thousands separators and two decimals: ``1,200.00``."""
    sign = "-" if fen < 0 else ""
    whole, cents = divmod(abs(fen), 100)
    return f"{sign}{whole:,}.{cents:02d}"


def housing_words(housing: Housing | None, lang: str = "zh") -> str:
    """``砖混结构，85平方米，一般`` (the parts noted); "" when the house was not noted."""
    if housing is None:
        return ""
    parts = []
    if housing.structure is not None:
        parts.append(_label(housing.structure, lang))
    if housing.area_m2 is not None:
        parts.append(f"{housing.area_m2} m²" if lang == "en" else f"{housing.area_m2}平方米")
    if housing.condition is not None:
        parts.append(_label(housing.condition, lang))
    return (", " if lang == "en" else "，").join(parts)


def _counted(kinds: Sequence[K], counts: Mapping[K, int], lang: str) -> str:
    present = [(kind, counts[kind]) for kind in kinds if counts.get(kind)]
    if not present:
        return none_words(lang)
    if lang == "en":
        return ", ".join(f"{kind.en}: {n}" for kind, n in present)
    return "、".join(f"{kind.zh}{n}{MEASURE_WORDS.get(kind, '')}" for kind, n in present)


def livestock_words(livestock: Mapping[LivestockKind, int], lang: str = "zh") -> str:
    """``牛2头、羊10只`` (in the kinds' own order); "无" when the visit saw none."""
    return _counted(list(LivestockKind), livestock, lang)


def vehicles_words(vehicles: Mapping[VehicleKind, int], lang: str = "zh") -> str:
    """``三轮车1辆、拖拉机1台`` (in the kinds' own order); "无" when the visit saw none."""
    return _counted(list(VehicleKind), vehicles, lang)


def incomes_words(
    incomes: Sequence[VisitIncome] | None, members: Sequence[Member], lang: str = "zh"
) -> str:
    """Each member's incomes by name, in the household's order:
    ``张学林：工资性收入1,200.00元/月，种养殖净收入300.00元/月；李秀梅：种养殖净收入600.00元/月``.

    "" when the visit did not ask about incomes, "无" when it found none.
    """
    if incomes is None:
        return ""
    if not incomes:
        return none_words(lang)
    order = {m.id: i for i, m in enumerate(members)}
    names = {m.id: m.name for m in members}
    by_member: dict[str, list[VisitIncome]] = {}
    for income in sorted(incomes, key=lambda i: order.get(i.member_id, len(order))):
        by_member.setdefault(income.member_id, []).append(income)
    en = lang == "en"
    said = []
    for member_id, items in by_member.items():
        name = names.get(member_id, _FORMER_MEMBER[_i(lang)])
        amounts = [
            f"{i.kind.en} {yuan_words(i.monthly_fen)} yuan/month"
            if en
            else f"{i.kind.zh}{yuan_words(i.monthly_fen)}元/月"
            for i in items
        ]
        # A comma between one member's incomes: some kinds' names hold a "、" themselves.
        said.append(f"{name}: {', '.join(amounts)}" if en else f"{name}：{'，'.join(amounts)}")
    return ("; " if en else "；").join(said)


def causes_words(causes: Sequence[HardshipCause], lang: str = "zh") -> str:
    """``疾病、残疾``; "无" when no cause was ticked."""
    return codes_words(causes, lang)


def notes_words(observations: VisitObservations, lang: str = "zh") -> str:
    """The investigators' notes on property and expenses, each under its label
    (``财产情况：……；支出情况：……``); "" when they wrote none."""
    parts = []
    for key, text in (
        ("property_notes", observations.property_notes),
        ("expense_notes", observations.expense_notes),
    ):
        if text.strip():
            label = LABELS[key][_i(lang)]
            parts.append(f"{label}: {text.strip()}" if lang == "en" else f"{label}：{text.strip()}")
    return ("; " if lang == "en" else "；").join(parts)


def observation_lines(
    observations: VisitObservations, members: Sequence[Member], lang: str = "zh"
) -> list[tuple[str, str]]:
    """Every part of the observations as (label, words), in the form's order, for a screen
    that shows a visit; notes only when written."""
    o = observations
    lines = [
        ("housing", housing_words(o.housing, lang)),
        ("livestock", livestock_words(o.livestock, lang)),
        ("vehicles", vehicles_words(o.vehicles, lang)),
        ("incomes", incomes_words(o.incomes, members, lang)),
        ("hardship_causes", causes_words(o.hardship_causes, lang)),
        ("property_notes", o.property_notes.strip()),
        ("expense_notes", o.expense_notes.strip()),
    ]
    return [
        (LABELS[key][_i(lang)], text)
        for key, text in lines
        if text or key not in ("property_notes", "expense_notes")
    ]


def _day(day: date, lang: str) -> str:
    """A date as the forms write it: 2026年11月1日, or 2026-11-01 in English."""
    return day.isoformat() if lang == "en" else f"{day.year}年{day.month}月{day.day}日"


def appraisal_words(appraisal: Appraisal, held_on: date, lang: str = "zh") -> str:
    """A democratic appraisal as the village writes it in its opinion box and the case
    file: when and where, who took part, the votes, the outcome, the publicity and every
    objection with how it was handled."""
    a, outcome, day = appraisal, code_words(appraisal.outcome, lang), _day(held_on, lang)
    start, end = a.publicity_from, a.publicity_to
    if lang != "en":
        text = (
            f"{day}在{a.place}召开民主评议会，参加人员：{a.attendees}；到会{a.present}人，"
            f"同意{a.agree}票、反对{a.disagree}票、弃权{a.abstain}票，评议结果：{outcome}。"
        )
        if start is not None:
            until = f"至{_day(end, lang)}" if end is not None else "起"
            heard = f"收到异议{len(a.objections)}件" if a.objections else "无异议"
            text += f"评议结果于{_day(start, lang)}{until}在村公示，{heard}。"
        for o in a.objections:
            handling = o.handling or "未填写"
            text += f"异议（{_day(o.received_on, lang)}）：{o.summary}；处理情况：{handling}。"
        return text
    text = (
        f"Democratic appraisal on {day} at {a.place}, attended by {a.attendees}: "
        f"{a.present} present, {a.agree} for, {a.disagree} against, {a.abstain} abstaining; "
        f"outcome: {outcome}."
    )
    if start is not None:
        until = f" to {end.isoformat()}" if end is not None else ""
        heard = f"{len(a.objections)} objection(s)" if a.objections else "no objections"
        text += f" Published in the village from {start.isoformat()}{until}; {heard}."
    for o in a.objections:
        handling = o.handling or "not noted"
        text += f" Objection ({o.received_on.isoformat()}): {o.summary}; handled: {handling}."
    return text
