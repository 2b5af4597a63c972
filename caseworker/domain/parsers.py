"""Value parsers shared by import, the desktop forms and sync: each returns the parsed
value or raises ``Problem`` saying what is wrong, in Chinese and English."""

import re
import uuid
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from typing import Any, TypeVar

from caseworker.domain.codes import (
    REGION_CODE_LENGTH,
    LabelledCode,
    RegionLevel,
)
from caseworker.domain.field_errors import Problem
from caseworker.domain.idnumber import IdNumberError, ResidentId, parse_id_number
from caseworker.domain.money import MoneyFormatError, format_yuan, yuan_to_fen

# Sanity bounds ("absurd" amounts are typing mistakes, not policy): these are not policy
# parameters and do not vary by county.
MONTHLY_INCOME_LIMIT_FEN = 500_000 * 100
ASSET_VALUE_LIMIT_FEN = 100_000_000 * 100
EXPENSE_LIMIT_FEN = 10_000_000 * 100
BENEFIT_LIMIT_FEN = 100_000 * 100
ASSET_COUNT_LIMIT = 100_000
# What a visit can plausibly see: the visit form's own limits.
HOUSING_AREA_LIMIT_M2 = 2000
VISIT_COUNT_LIMIT = 9999
# A signed investigation is made by at least two people (2021 procedure).
SIGNED_VISIT_WORKERS = 2
NAME_MAX = 40
TEXT_MAX = 2000
ADDRESS_MAX = 200
MAX_MEMBERS = 30

# Control characters other than tab (9) and line feed (10).
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f]")
_NAME_RE = re.compile(r"^[^\d\x00-\x1f<>{}\[\]\\/|@#$%^&*=+~`\"]+$")

T = TypeVar("T")
C = TypeVar("C", bound=LabelledCode)


def missing() -> Problem:
    return Problem("required", "必须填写", "is required")


def parse_text(value: Any, *, max_len: int = TEXT_MAX, required: bool = True) -> str:
    """A text value, trimmed."""
    if value is None:
        if required:
            raise missing()
        return ""
    if not isinstance(value, str):
        raise Problem("type", "应为文字", "must be text")
    text = value.strip()
    if required and not text:
        raise missing()
    if len(text) > max_len:
        raise Problem(
            "too_long", f"太长（最多{max_len}个字）", f"is too long (at most {max_len} characters)"
        )
    if _CONTROL_RE.search(text):
        raise Problem("control_chars", "含有不可见的控制字符", "contains control characters")
    return text


def parse_name(value: Any) -> str:
    """A person's name: letters (any script), spaces and the middle dot of minority names."""
    text = parse_text(value, max_len=NAME_MAX)
    if not _NAME_RE.match(text):
        raise Problem(
            "name_chars", "姓名中不能有数字或符号", "a name cannot contain digits or symbols"
        )
    return text


def parse_code(cls: type[C]) -> Callable[[Any], C]:
    """A parser for one of the codes of ``cls``."""

    def parse(value: Any) -> C:
        if value is None:
            raise missing()
        member = cls.parse(value)
        if member is None:
            raise Problem(
                "unknown_code",
                f"不是可用的代码（可用：{cls.choices()}）",
                f"is not a known code (one of: {cls.choices()})",
            )
        return member

    return parse


def parse_bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise Problem("type", "应为“是”或“否”（true/false）", "must be true or false")
    return value


def parse_int(lo: int, hi: int) -> Callable[[Any], int]:
    """A parser for a whole number within ``lo..hi``."""

    def parse(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise Problem("type", "应为整数", "must be a whole number")
        if not lo <= value <= hi:
            raise Problem("range", f"应在{lo}到{hi}之间", f"must be between {lo} and {hi}")
        return value

    return parse


def parse_money(limit_fen: int) -> Callable[[Any], int]:
    """A parser for an amount of yuan (decimal string, or exact number) into fen."""

    def parse(value: Any) -> int:
        if value is None:
            raise missing()
        if isinstance(value, float):
            raise Problem(
                "money_format",
                '金额应写成带两位小数的文字，如"1200.00"',
                'amounts are decimal strings such as "1200.00"',
            )
        try:
            fen = yuan_to_fen(value)
        except MoneyFormatError as exc:
            raise Problem(
                "money_format",
                '不是有效金额（最多两位小数，如"1200.00"）',
                'is not an amount of yuan (at most two decimals, e.g. "1200.00")',
            ) from exc
        if fen < 0:
            raise Problem(
                "negative",
                "金额不能为负数（亏损请记为0）",
                "cannot be negative (record a loss as 0)",
            )
        if fen > limit_fen:
            limit = format_yuan(limit_fen)
            raise Problem(
                "absurd",
                f"金额过大（超过{limit}元），请核对",
                f"is implausibly large (over {limit} yuan)",
            )
        return fen

    return parse


def parse_date(*, not_after: date | None = None) -> Callable[[Any], date]:
    """A parser for an ISO date (YYYY-MM-DD), optionally not later than ``not_after``."""

    def parse(value: Any) -> date:
        if value is None:
            raise missing()
        if isinstance(value, date) and not isinstance(value, datetime):
            day = value
        elif isinstance(value, str):
            try:
                day = date.fromisoformat(value.strip())
            except ValueError as exc:
                raise Problem(
                    "date_format", "不是有效日期（格式：2020-03-31）", "is not a date (YYYY-MM-DD)"
                ) from exc
        else:
            raise Problem(
                "date_format", "不是有效日期（格式：2020-03-31）", "is not a date (YYYY-MM-DD)"
            )
        if not_after is not None and day > not_after:
            raise Problem("future", "日期不能晚于今天", "cannot be in the future")
        if day.year < 1900:
            raise Problem("date_range", "日期太早，请核对", "is implausibly early")
        return day

    return parse


BEIJING_TIME = timezone(timedelta(hours=8), "CST")


def parse_datetime(value: Any) -> datetime:
    """An ISO 8601 date-time; one written without an offset is read as Beijing time."""
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, str):
        try:
            moment = datetime.fromisoformat(value.strip())
        except ValueError as exc:
            raise Problem(
                "datetime_format",
                "不是有效时间（如2020-03-31T10:00:00+08:00）",
                "is not an ISO 8601 date-time",
            ) from exc
    else:
        raise Problem(
            "datetime_format",
            "不是有效时间（如2020-03-31T10:00:00+08:00）",
            "is not an ISO 8601 date-time",
        )
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=BEIJING_TIME)


def parse_resident_id(value: Any) -> ResidentId:
    """A resident ID number, validated (length, birth date, check character)."""
    if value is None:
        raise missing()
    if not isinstance(value, str):
        raise Problem("type", "应为文字", "must be text")
    try:
        return parse_id_number(value)
    except IdNumberError as exc:
        raise Problem(f"id_{exc.code}", exc.zh, exc.en) from exc


def parse_region_code(level: RegionLevel) -> Callable[[Any], str]:
    """A parser for a statistical region code of the given level (6, 9 or 12 digits)."""
    length = REGION_CODE_LENGTH[level]

    def parse(value: Any) -> str:
        if not isinstance(value, str) or not value.isdigit() or len(value) != length:
            raise Problem(
                "region_code",
                f"应为{length}位数字的{level.zh}代码",
                f"must be a {length}-digit {level.en} code",
            )
        return value

    return parse


_CANONICAL_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def parse_uuid(value: Any) -> str:
    """A record id: a UUID in its canonical lowercase spelling."""
    if isinstance(value, str) and _CANONICAL_UUID.fullmatch(value):
        return value
    if not isinstance(value, str):
        raise Problem("uuid", "不是有效编号（UUID）", "is not a valid id (UUID)")
    try:
        return str(uuid.UUID(value))
    except ValueError as exc:
        raise Problem("uuid", "不是有效编号（UUID）", "is not a valid id (UUID)") from exc


# --- whole-record rules -------------------------------------------------------------------
