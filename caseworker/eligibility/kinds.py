"""Kinds of policy parameter values: how each is read from a pack and shown in JSON.

A parser takes the value as YAML gave it (str, int, Decimal, bool, date, list, dict) and
returns ``(internal, shown)``: the typed value the rules use (money as integer fen, ratios
as ``Decimal``) and the JSON-ready value that explanations cite (money as a decimal string
of yuan). A bad value raises ``Problem`` whose message names the offending key or item.
"""

import contextlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from caseworker.domain.codes import LabelledCode
from caseworker.domain.money import MoneyFormatError, format_yuan, yuan_to_fen
from caseworker.domain.validation import Problem

Parsed = tuple[Any, Any]
Parser = Callable[[Any], Parsed]

# A sanity bound, not policy: no monthly figure of these programs comes near it.
MONEY_LIMIT_FEN = 10_000_000 * 100


def _type_problem(zh: str, en: str) -> Problem:
    return Problem("type", f"应为{zh}", f"must be {en}")


def money(value: Any) -> Parsed:
    """An amount of yuan (``"383.00"``, ``383`` or an exact decimal), at most two decimals."""
    if isinstance(value, (bool, float)) or not isinstance(value, (str, int, Decimal)):
        raise _type_problem('金额（如"383.00"）', 'an amount of yuan such as "383.00"')
    try:
        fen = yuan_to_fen(value)
    except MoneyFormatError as exc:
        raise Problem(
            "money_format",
            '不是有效金额（最多两位小数，如"383.00"）',
            'is not an amount of yuan (at most two decimals, e.g. "383.00")',
        ) from exc
    if not 0 <= fen <= MONEY_LIMIT_FEN:
        raise Problem("range", "金额应为0或正数且不过大", "must be zero or more, and plausible")
    return fen, format_yuan(fen)


def decimal(lo: Decimal, hi: Decimal) -> Parser:
    """A parser for an exact decimal number within ``lo..hi`` (a ratio, a percentage)."""

    def parse(value: Any) -> Parsed:
        if isinstance(value, (bool, float)) or not isinstance(value, (str, int, Decimal)):
            raise _type_problem("数字", "a number")
        try:
            number = Decimal(value) if not isinstance(value, Decimal) else value
        except InvalidOperation as exc:
            raise _type_problem("数字", "a number") from exc
        if not number.is_finite() or not lo <= number <= hi:
            raise Problem("range", f"应在{lo}到{hi}之间", f"must be between {lo} and {hi}")
        return number, str(number)

    return parse


def share(value: Any) -> Parsed:
    """A share of a whole, from 0 (none) to 1 (all): ``0.5`` or ``"50%"``; shown as a
    percentage (``"50%"``)."""
    text = value.strip() if isinstance(value, str) else value
    percent = isinstance(text, str) and text.endswith("%")
    if percent:
        text = text[:-1].strip()
    try:
        number: Decimal = decimal(Decimal(0), Decimal(100 if percent else 1))(text)[0]
    except Problem:
        raise Problem(
            "share",
            '应为0到1之间的比例或百分数（如0.5或"50%"）',
            'must be a share from 0 to 1 or a percentage (e.g. 0.5 or "50%")',
        ) from None
    if percent:
        number = number / 100
    return number, f"{(number * 100).normalize():f}%"


def integer(lo: int, hi: int) -> Parser:
    def parse(value: Any) -> Parsed:
        if isinstance(value, bool) or not isinstance(value, int):
            raise _type_problem("整数", "a whole number")
        if not lo <= value <= hi:
            raise Problem("range", f"应在{lo}到{hi}之间", f"must be between {lo} and {hi}")
        return value, value

    return parse


def boolean(value: Any) -> Parsed:
    if not isinstance(value, bool):
        raise _type_problem("true或false", "true or false")
    return value, value


def choice(*options: str) -> Parser:
    def parse(value: Any) -> Parsed:
        if value not in options:
            shown = ", ".join(options)
            raise Problem("unknown_code", f"应为以下之一：{shown}", f"must be one of: {shown}")
        return value, value

    return parse


def _list(value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise _type_problem("列表", "a list")
    return value


def codes(cls: type[LabelledCode]) -> Parser:
    """A parser for a list of codes of ``cls`` (no duplicates)."""

    def parse(value: Any) -> Parsed:
        items = _list(value)
        out: list[LabelledCode] = []
        for index, item in enumerate(items, start=1):
            member = cls.parse(item)
            if member is None:
                raise Problem(
                    "unknown_code",
                    f"第{index}项“{item}”不是可用的代码（可用：{cls.choices()}）",
                    f"item {index} '{item}' is not a known code (one of: {cls.choices()})",
                )
            if member in out:
                raise Problem("duplicate", f"“{item}”重复", f"'{item}' appears twice")
            out.append(member)
        return frozenset(out), [m.value for m in out]

    return parse


def strings(value: Any) -> Parsed:
    """A list of non-empty texts."""
    items = _list(value)
    for index, item in enumerate(items, start=1):
        if not isinstance(item, str) or not item.strip():
            raise Problem(
                "type", f"第{index}项应为非空文字", f"item {index} must be non-empty text"
            )
    texts = tuple(item.strip() for item in items)
    return texts, list(texts)


def region_prefixes(value: Any) -> Parsed:
    """Region codes or their leading digits: 2 (province), 4 (city) or 6 (county)."""
    items = _list(value)
    out = []
    for index, item in enumerate(items, start=1):
        text = str(item) if isinstance(item, int) and not isinstance(item, bool) else item
        if not isinstance(text, str) or not text.isdigit() or len(text) not in (2, 4, 6):
            raise Problem(
                "region_code",
                f"第{index}项应为2、4或6位数字的区划代码",
                f"item {index} must be a region code of 2, 4 or 6 digits",
            )
        out.append(text)
    return tuple(out), out


def keyed(
    value: Any, allowed: Mapping[str, Parser], required: frozenset[str] = frozenset()
) -> dict[str, Any]:
    """A mapping with only ``allowed`` keys, each parsed; returns key -> internal value."""
    if not isinstance(value, Mapping):
        raise _type_problem("键值映射", "a mapping")
    out: dict[str, Any] = {}
    for key, item in value.items():
        parser = allowed.get(key) if isinstance(key, str) else None
        if parser is None:
            shown = ", ".join(allowed)
            raise Problem(
                "unknown_key",
                f"未知的键“{key}”（可用：{shown}）",
                f"unknown key '{key}' (allowed: {shown})",
            )
        try:
            out[key] = parser(item)[0]
        except Problem as problem:
            raise Problem(problem.code, f"“{key}”{problem.zh}", f"'{key}' {problem.en}") from None
    for key in sorted(required - set(out)):
        raise Problem("required", f"缺少“{key}”", f"'{key}' is missing")
    return out


def code_map(cls: type[LabelledCode], item: Parser) -> Parser:
    """A parser for a mapping from codes of ``cls`` to values read by ``item``."""

    def parse(value: Any) -> Parsed:
        if not isinstance(value, Mapping):
            raise _type_problem("键值映射", "a mapping")
        internal: dict[LabelledCode, Any] = {}
        shown: dict[str, Any] = {}
        for key, raw in value.items():
            member = cls.parse(key)
            if member is None:
                raise Problem(
                    "unknown_key",
                    f"未知的键“{key}”（可用：{cls.choices()}）",
                    f"unknown key '{key}' (one of: {cls.choices()})",
                )
            try:
                internal[member], shown[member.value] = item(raw)
            except Problem as problem:
                raise Problem(
                    problem.code, f"“{key}”{problem.zh}", f"'{key}' {problem.en}"
                ) from None
        return internal, shown

    return parse


@dataclass(frozen=True, slots=True)
class DateRange:
    start: date
    end: date  # inclusive

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end


def _day(value: Any) -> Parsed:
    if isinstance(value, str):
        with contextlib.suppress(ValueError):
            value = date.fromisoformat(value)
    if not isinstance(value, date):
        raise _type_problem("日期（YYYY-MM-DD）", "a date (YYYY-MM-DD)")
    return value, value.isoformat()


def date_ranges(value: Any) -> Parsed:
    """A list of ``{from: DATE, to: DATE}`` ranges, both days included."""
    ranges = []
    for index, item in enumerate(_list(value), start=1):
        try:
            fields = keyed(item, {"from": _day, "to": _day}, frozenset({"from", "to"}))
        except Problem as problem:
            raise Problem(
                problem.code, f"第{index}项{problem.zh}", f"item {index}: {problem.en}"
            ) from None
        if fields["to"] < fields["from"]:
            raise Problem(
                "range", f"第{index}项的to早于from", f"item {index}: 'to' is before 'from'"
            )
        ranges.append(DateRange(fields["from"], fields["to"]))
    shown = [{"from": r.start.isoformat(), "to": r.end.isoformat()} for r in ranges]
    return tuple(ranges), shown


def month_series(value: Any) -> Parsed:
    """Monthly figures: ``{"2020-03": 4.3, ...}`` (percent change year on year)."""
    if not isinstance(value, Mapping):
        raise _type_problem("按月的映射（如 2020-03: 4.3）", "a mapping of months (2020-03: 4.3)")
    parse_number = decimal(Decimal(-100), Decimal(1000))
    internal: dict[tuple[int, int], Decimal] = {}
    shown: dict[str, str] = {}
    for key, raw in value.items():
        month = _month(key)
        if month is None:
            raise Problem(
                "month_format",
                f"“{key}”不是月份（格式：2020-03）",
                f"'{key}' is not a month (YYYY-MM)",
            )
        try:
            internal[month], shown[f"{month[0]:04d}-{month[1]:02d}"] = parse_number(raw)
        except Problem as problem:
            raise Problem(problem.code, f"“{key}”{problem.zh}", f"'{key}' {problem.en}") from None
    return internal, shown


def _month(key: Any) -> tuple[int, int] | None:
    if not isinstance(key, str) or len(key) != 7 or key[4] != "-":
        return None
    year, month = key[:4], key[5:]
    if not (year.isdigit() and month.isdigit() and 1 <= int(month) <= 12):
        return None
    return int(year), int(month)
