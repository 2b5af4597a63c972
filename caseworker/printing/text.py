"""How values are spelled on a printed form (Chinese conventions)."""

from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta, timezone

from caseworker.domain.money import format_yuan

BEIJING = timezone(timedelta(hours=8), "CST")


def cn_date(day: date | None) -> str:
    """``2026年11月1日``; empty for an unknown date."""
    return "" if day is None else f"{day.year}年{day.month}月{day.day}日"


def cn_month(day: date) -> str:
    return f"{day.year}年{day.month}月"


def cn_time(moment: datetime) -> str:
    """A moment in Beijing time: ``2026年10月30日 14:05``."""
    local = (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(BEIJING)
    return f"{cn_date(local.date())} {local:%H:%M}"


NO_POLICY = "未经筛查（无计算结果）"


def policy_words(versions: Iterable[str]) -> str:
    """The policy amounts were computed under, as a person reads it (not the pack's code)."""
    shown = sorted(set(versions))
    return "、".join(f"本县社会救助政策（{v}版）" for v in shown) if shown else NO_POLICY


def yuan(fen: int | None) -> str:
    """An amount of yuan with two decimals (``1200.00``); empty when unknown."""
    return "" if fen is None else format_yuan(fen)


def next_month(day: date) -> date:
    """The first day of the month after ``day``."""
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)
