"""Turning a spreadsheet cell into a value of the household format.

Excel hands back numbers as floats, dates as dates, and whatever was typed as text; a
roster's words (男, 妻, 农村低保) are translated to codes by the mapping. Each function
returns the interchange value (None for an empty cell) or raises ``Problem`` in words a
caseworker can act on, such as the ID number Excel turned into ``6.104231974010807e+17``.
"""

import re
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from caseworker.domain.codes import (
    DibaoCategory,
    DisabilityType,
    Employment,
    Hukou,
    LabelledCode,
    LaborCapacity,
    Program,
    Relation,
    Sex,
)
from caseworker.domain.validation import Problem

# Excel's scientific notation for a long number, as a float prints or a CSV holds it.
_SCIENTIFIC = re.compile(r"[+-]?\d+(\.\d+)?[eE][+-]?\d+")
_FULL_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
_MONTH = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?")
_COMPACT_DATE = re.compile(r"(\d{4})(\d{2})(\d{2})")
_MONEY_DECORATION = re.compile(r"[,，\s]|元$|^[¥￥]")

# The codes each coded field takes; their own Chinese labels are always understood.
CODED_FIELDS: dict[str, type[LabelledCode]] = {
    "hukou": Hukou,
    "benefit_kind": Program,  # the app's own words, as its roster writes them
    "benefit_program": Program,
    "benefit_category": DibaoCategory,
    "relation": Relation,
    "sex": Sex,
    "labor_capacity": LaborCapacity,
    "disability_type": DisabilityType,
    "employment": Employment,
}


def is_empty(value: Any) -> bool:
    """Whether a cell holds nothing (blank, or only spaces)."""
    return value is None or (isinstance(value, str) and not value.strip())


def shown(value: Any) -> str:
    """A cell as a person saw it in the sheet (a whole number without ``.0``)."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else str(value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def text(value: Any) -> str | None:
    """A text cell; a number is the number as shown (``18`` for house number 18.0)."""
    return None if is_empty(value) else shown(value)


_ID_AS_NUMBER = (
    "id_as_number",
    "身份证号被Excel存成了数字，请把该列设为文本后重新导出",
    "the ID number was stored by Excel as a number (its last digits are lost): "
    "format the column as text and export again",
)
_ACCOUNT_AS_NUMBER = (
    "account_as_number",
    "银行账号被Excel存成了数字（末尾几位已丢失），请把该列设为文本后重新导出",
    "the account number was stored by Excel as a number (its last digits are lost): "
    "format the column as text and export again",
)


def _digits_text(value: Any, as_number_problem: tuple[str, str, str]) -> str | None:
    """A cell of a long number kept as text, refusing one Excel turned into a number (its
    last digits are lost for good: only a re-export with the column set to text brings
    them back); up to 15 digits survive as a number."""
    if is_empty(value):
        return None
    as_number = isinstance(value, float | int) and not isinstance(value, bool)
    if as_number and (isinstance(value, int) or value.is_integer()) and len(str(int(value))) <= 15:
        return str(int(value))
    if as_number or _SCIENTIFIC.fullmatch(str(value).strip()):
        raise Problem(*as_number_problem)
    # A leading apostrophe or tab is how people keep Excel from turning it into a number.
    return re.sub(r"\s", "", str(value)).lstrip("'‘’`")


def id_number(value: Any) -> str | None:
    """An ID number cell (an old 15-digit number survives as a number)."""
    return _digits_text(value, _ID_AS_NUMBER)


def account_number(value: Any) -> str | None:
    """A bank account number cell (16-19 digits lose their last ones as a number)."""
    return _digits_text(value, _ACCOUNT_AS_NUMBER)


def money(value: Any) -> str | None:
    """An amount of yuan as the format's decimal string (exact: a float cell is written
    with its shortest spelling, ``1200.5`` -> ``"1200.5"``, never rounded here)."""
    if is_empty(value):
        return None
    if isinstance(value, bool):
        raise _not_money()
    if isinstance(value, int | float):
        return str(Decimal(repr(value))) if isinstance(value, float) else str(value)
    cleaned = _MONEY_DECORATION.sub("", str(value).strip())
    try:
        Decimal(cleaned)
    except InvalidOperation as exc:
        raise _not_money() from exc
    return cleaned


def _not_money() -> Problem:
    return Problem("money", "应为金额（元），如1200.50", "must be an amount of yuan, e.g. 1200.50")


def day(value: Any) -> str | None:
    """A date cell as ``YYYY-MM-DD``: a date cell, or text such as 2020-01-02, 2020/1/2,
    2020.1.2, 2020年1月2日, 20200102; a month alone (2019.03) means its first day, as
    rosters record the month a benefit began."""
    if is_empty(value):
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise Problem(
            "date_as_number",
            "日期被存成了数字，请把该列设为日期或写成2020-01-02后重新导出",
            "the date was stored as a number: format the column as a date (2020-01-02)",
        )
    raw = str(value).strip()
    for pattern, has_day in ((_FULL_DATE, True), (_COMPACT_DATE, True), (_MONTH, False)):
        match = pattern.fullmatch(raw)
        if match:
            year, month = int(match.group(1)), int(match.group(2))
            dom = int(match.group(3)) if has_day else 1
            try:
                return date(year, month, dom).isoformat()
            except ValueError:
                break
    raise Problem(
        "date", "不是有效日期（应写成2020-01-02）", "is not a date (write it as 2020-01-02)"
    )


def whole_number(value: Any, words: Mapping[str, str]) -> int | None:
    """A small whole number (a disability grade: 2, 2.0, 二级)."""
    if is_empty(value):
        return None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raw = str(value).strip()
    raw = words.get(raw, raw)
    if raw.isdigit():
        return int(raw)
    raise Problem("number", "应为整数", "must be a whole number")


def translate(value: Any, words: Mapping[str, str], label: str, label_en: str) -> str | None:
    """The code a word of the sheet stands for (``words``: the mapping's and the app's own
    words); an unknown word is refused, naming the words that are understood."""
    if isinstance(value, str) and (code := words.get(value)) is not None:
        return code  # the usual case, at once
    if is_empty(value):
        return None
    raw = re.sub(r"\s", "", shown(value))
    code = words.get(raw)
    if code is None:
        known = list(dict.fromkeys(words))
        listed = "、".join(known[:15]) + ("等" if len(known) > 15 else "")
        raise Problem(
            "unknown_word",
            f"不是可识别的{label}（可填：{listed}）",
            f"is not a known {label_en} (known words: {listed})",
        )
    return code


def benefit_kind(value: Any, words: Mapping[str, str], label: str, label_en: str) -> str | None:
    """A 保障类别 cell as ``program`` or ``program/category``; a compound such as
    农村低保A类 is read as its two known words (农村低保 + A类)."""
    if is_empty(value):
        return None
    raw = re.sub(r"\s", "", shown(value))
    if raw in words:
        return words[raw]
    for cut in range(len(raw) - 1, 0, -1):
        left, right = words.get(raw[:cut]), words.get(raw[cut:])
        if left is not None and right is not None:
            program = left.partition("/")[0]
            category = right.partition("/")[2]
            return f"{program}/{category}" if category else program
    return translate(value, words, label, label_en)


def words_for(field: str, mapping_words: Mapping[str, str]) -> dict[str, str]:
    """Every word understood for a coded field: the app's own labels, then the mapping's
    (which may override them)."""
    words: dict[str, str] = {}
    cls = CODED_FIELDS.get(field)
    if cls is not None:
        words.update({member.zh: member.value for member in cls})
    words.update(mapping_words)
    return words
