"""Policy parameters said in words, for people: their names, units and values.

    农村低保标准            400.00元/人·月
    金额取整方式            按元四舍五入
    分类施保                A类：独居老人、全家无劳动能力，每户每月增发50.00元；……
    不计入家庭收入的项目    优抚金、抚恤金，计划生育奖励扶助金，……

One wording for paper and screen: the Policy page and anything printed call these, so no
one ever reads a parameter's key, a code name, ``True`` or a data structure. Values are
taken as a pack's entries show them (``Entry.shown``, ``ParameterUse.value``: money as
``"400.00"``, codes as their code names, rules as small dicts). Chinese (``"zh"``) is the
default; anything but ``"en"`` is Chinese.
"""

import re
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

from caseworker.domain.codes import (
    CategoryCondition,
    DibaoCategory,
    DisabilityType,
    EmergencyKind,
    IncomeKind,
    LabelledCode,
    Program,
)
from caseworker.domain.money import yuan_to_fen
from caseworker.domain.wording import code_words, codes_words, none_words, yuan_words
from caseworker.eligibility.param_model import Kind, ParamSpec, Unit
from caseworker.eligibility.params import SPECS
from caseworker.eligibility.structures import MemberCircumstance

_REF_SPLIT = re.compile(r"\s*/\s+")
_GENERAL = ("通用", "General")
_YES_NO = {True: ("是", "yes"), False: ("否", "no")}
_GRADE_ZH = "一二三四"
_ANY_ILLNESS = ("任何重病", "any serious illness")  # "*" in a list of illness keywords


def _en(lang: str) -> bool:
    return lang == "en"


def name_words(name: str, lang: str = "zh") -> str:
    """The parameter's name: ``农村低保标准`` / ``rural Dibao standard``."""
    spec = SPECS[name]
    return spec.en if _en(lang) else spec.zh


def unit_words(unit: Unit, lang: str = "zh") -> str:
    """``元/人·月`` / ``yuan per person per month``; "" for a value without a unit."""
    return code_words(unit, lang)


def program_words(program: Program | None, lang: str = "zh") -> str:
    """The program a parameter belongs to; "通用" / "General" for those of every program."""
    if program is None:
        return _GENERAL[1 if _en(lang) else 0]
    return code_words(program, lang)


def ref_words(ref: str, lang: str = "zh") -> str:
    """The document a value rests on, in one language: packs write ``中文 / English``
    (a slash followed by a space; ``元/人`` has none)."""
    parts = _REF_SPLIT.split(ref, maxsplit=1)
    if len(parts) != 2:
        return ref
    return parts[1].strip() if _en(lang) else parts[0].strip()


def with_unit(number: str, unit: Unit, lang: str = "zh") -> str:
    """``400.00元/人·月`` / ``400.00 yuan per person per month``; ``3.5%`` either way."""
    said = unit_words(unit, lang)
    if not said:
        return number
    return f"{number} {said}" if _en(lang) and unit is not Unit.PERCENT else f"{number}{said}"


def value_words(name: str, shown: Any, lang: str = "zh") -> str:
    """The value of parameter ``name`` in words, with its unit."""
    spec = SPECS[name]
    return _SAY[spec.kind](spec, shown, lang)


def _money(fen_text: Any) -> str:
    try:
        return yuan_words(yuan_to_fen(fen_text))
    except ValueError:  # not money after all: say it as it is rather than fail
        return str(fen_text)


def _number(value: Any) -> str:
    """A decimal without trailing zeros: ``1.5``, ``2``, ``30``."""
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return str(value)
    return f"{number.normalize():f}"


def _say_money(spec: ParamSpec, shown: Any, lang: str) -> str:
    return with_unit(_money(shown), spec.unit, lang)


def _say_number(spec: ParamSpec, shown: Any, lang: str) -> str:
    return with_unit(_number(shown), spec.unit, lang)


def _say_yes_no(spec: ParamSpec, shown: Any, lang: str) -> str:
    pair = _YES_NO.get(bool(shown))
    assert pair is not None
    return pair[1 if _en(lang) else 0]


def _code(options: type[LabelledCode] | None, value: Any, lang: str) -> str:
    member = options.parse(value) if options is not None else None
    return code_words(member, lang) if member is not None else str(value)


def _say_one_of(spec: ParamSpec, shown: Any, lang: str) -> str:
    return _code(spec.value.options, shown, lang)


def _say_codes(spec: ParamSpec, shown: Any, lang: str) -> str:
    options = spec.value.options
    assert options is not None
    members = [m for m in (options.parse(v) for v in shown or ()) if m is not None]
    return codes_words(members, lang)


def _join(parts: Sequence[str], lang: str, *, strong: bool = False) -> str:
    """Parts of a value: "、" between items, "；" between items that hold commas."""
    if not parts:
        return none_words(lang)
    if _en(lang):
        return ("; " if strong else ", ").join(parts)
    return ("；" if strong else "、").join(parts)


def _say_texts(spec: ParamSpec, shown: Any, lang: str) -> str:
    words = [_ANY_ILLNESS[1 if _en(lang) else 0] if t == "*" else str(t) for t in shown or ()]
    return _join(words, lang)


def _say_regions(spec: ParamSpec, shown: Any, lang: str) -> str:
    codes = [str(c) for c in shown or ()]
    if not codes:
        return none_words(lang)
    if _en(lang):
        return "regions whose code starts " + ", ".join(codes)
    return "区划代码以" + "、".join(codes) + "开头的地区"


def grade_words(grade: int, lang: str = "zh") -> str:
    """Grades 1 to ``grade``: ``一至二级`` / ``grade 1-2``; ``一级`` / ``grade 1``."""
    if _en(lang):
        return "grade 1" if grade == 1 else f"grade 1-{grade}"
    top = _GRADE_ZH[grade - 1] if 1 <= grade <= len(_GRADE_ZH) else str(grade)
    return "一级" if grade == 1 else f"一至{top}级"


def _say_grades(spec: ParamSpec, shown: Any, lang: str) -> str:
    parts = []
    for code, grade in dict(shown or {}).items():
        kind = _code(DisabilityType, code, lang)
        said = grade_words(int(grade), lang)
        parts.append(f"{kind}, {said}" if _en(lang) else f"{kind}{said}")
    return _join(parts, lang, strong=_en(lang))


def category_words(rule: Mapping[str, Any], lang: str = "zh") -> str:
    """One Dibao category rule: ``A类：独居老人、全家无劳动能力，每户每月增发50.00元``."""
    en = _en(lang)
    category = _code(DibaoCategory, rule.get("category"), lang)
    when = [_code(CategoryCondition, c, lang) for c in rule.get("when", ())]
    amounts = []
    extra = rule.get("extra")
    if extra is not None:
        if yuan_to_fen(extra) == 0:
            amounts.append("no extra amount" if en else "不增发")
        else:
            money = _money(extra)
            amounts.append(
                f"{money} yuan more per household a month" if en else f"每户每月增发{money}元"
            )
    per_person = rule.get("amount_per_person")
    if per_person is not None:
        money = _money(per_person)
        amounts.append(f"{money} yuan per person a month" if en else f"每人每月{money}元")
    if en:
        return f"{category}: {' or '.join(when)}" + "".join(f", {a}" for a in amounts)
    return f"{category}：{'、'.join(when)}" + "".join(f"，{a}" for a in amounts)


def _say_categories(spec: ParamSpec, shown: Any, lang: str) -> str:
    return _join([category_words(rule, lang) for rule in shown or ()], lang, strong=True)


def aid_words(amount: Mapping[str, Any], lang: str = "zh") -> str:
    """How much one kind of emergency brings: ``3个月的低保标准``, ``4,000.00元``,
    ``相关支出的30%，最多10,000.00元``."""
    en = _en(lang)
    if "fixed" in amount:
        money = _money(amount["fixed"])
        return f"{money} yuan" if en else f"{money}元"
    if "standard_months" in amount:
        months = _number(amount["standard_months"])
        return f"{months} months of the Dibao standard" if en else f"{months}个月的低保标准"
    share = _number(Decimal(str(amount.get("expense_share", "0"))) * 100)
    said = f"{share}% of the related costs" if en else f"相关支出的{share}%"
    if "cap" in amount:
        cap = _money(amount["cap"])
        said += f", at most {cap} yuan" if en else f"，最多{cap}元"
    return said


def _say_aid_amounts(spec: ParamSpec, shown: Any, lang: str) -> str:
    parts = []
    for code, amount in dict(shown or {}).items():
        kind = _code(EmergencyKind, code, lang)
        said = aid_words(amount, lang)
        parts.append(f"{kind}: {said}" if _en(lang) else f"{kind}：{said}")
    return _join(parts, lang, strong=True)


def disregard_words(rule: Mapping[str, Any], lang: str = "zh") -> str:
    """One income disregard: ``返岗就业的成员的工资性收入按50%计入`` or
    ``所有成员的工资性收入不计入``."""
    en = _en(lang)
    kind = _code(IncomeKind, rule.get("kind"), lang)
    who = _code(MemberCircumstance, rule.get("member", "any"), lang)
    parts = []
    share = rule.get("counted_share")
    if share is not None:
        if share == "0%":
            parts.append("not counted" if en else "不计入")
        else:
            parts.append(f"counted at {share}" if en else f"按{share}计入")
    if "deduction" in rule:
        money = _money(rule["deduction"])
        parts.append(f"less {money} yuan a month" if en else f"每月扣减{money}元")
    if en:
        return f"{kind} of {who}: {', '.join(parts)}"
    return f"{who}的{kind}{'，'.join(parts)}"


def _say_disregards(spec: ParamSpec, shown: Any, lang: str) -> str:
    rules = list(shown or ())
    if not rules:
        return "none" if _en(lang) else "无"
    return _join([disregard_words(rule, lang) for rule in rules], lang, strong=True)


def _say_date_ranges(spec: ParamSpec, shown: Any, lang: str) -> str:
    link = " to " if _en(lang) else "至"
    return _join([f"{r['from']}{link}{r['to']}" for r in shown or ()], lang)


def month_words(month: str, lang: str = "zh") -> str:
    """``2020-03`` as ``2020年3月`` (English keeps ``2020-03``)."""
    if _en(lang) or len(month) != 7:
        return month
    return f"{month[:4]}年{int(month[5:])}月"


def _say_month_series(spec: ParamSpec, shown: Any, lang: str) -> str:
    # "2025年9月：-0.3%": a colon, so a falling figure does not read as a range of months.
    colon = ": " if _en(lang) else "："
    parts = [
        f"{month_words(m, lang)}{colon}{with_unit(_number(v), spec.unit, lang)}"
        for m, v in dict(shown or {}).items()
    ]
    return _join(parts, lang)


_SAY: dict[Kind, Callable[[ParamSpec, Any, str], str]] = {
    Kind.MONEY: _say_money,
    Kind.NUMBER: _say_number,
    Kind.WHOLE: _say_number,
    Kind.YES_NO: _say_yes_no,
    Kind.ONE_OF: _say_one_of,
    Kind.CODES: _say_codes,
    Kind.TEXTS: _say_texts,
    Kind.REGIONS: _say_regions,
    Kind.GRADES: _say_grades,
    Kind.CATEGORIES: _say_categories,
    Kind.AID_AMOUNTS: _say_aid_amounts,
    Kind.DISREGARDS: _say_disregards,
    Kind.DATE_RANGES: _say_date_ranges,
    Kind.MONTH_SERIES: _say_month_series,
}
