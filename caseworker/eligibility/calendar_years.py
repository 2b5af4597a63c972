"""Official calendar years a policy pack carries: the State Council announces each year's
public holidays and make-up workdays late in the year before, and a county can publish
them to its laptops in a pack before a new release brings them in ``chinesecalendar``.

A pack's ``calendar`` is a list of years::

    calendar:
      - year: 2027
        holidays: [2027-01-01, ...]   # days off, as announced
        workdays: [2027-02-07, ...]   # weekend days worked in exchange (调休)
        ref: "the State Council's notice for 2027"

A year the library already knows is taken from the library (it is the maintained table),
so a newer release never conflicts with an older pack.
"""

import contextlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from caseworker.domain.validation import Problem
from caseworker.domain.workdays import OFFICIAL, WorkCalendar

CALENDAR_KEYS = frozenset({"year", "holidays", "workdays", "ref"})
FIRST_YEAR, LAST_YEAR = 2000, 2100


@dataclass(frozen=True, slots=True)
class CalendarYear:
    """One announced year: its days off and its make-up workdays, and the notice."""

    year: int
    holidays: tuple[date, ...]
    workdays: tuple[date, ...]
    ref: str


def _days(year: int, key: str, raw: Any) -> tuple[date, ...]:
    if not isinstance(raw, list):
        raise Problem("type", f"“{key}”应为日期列表", f"'{key}' must be a list of dates")
    days: list[date] = []
    for index, item in enumerate(raw, start=1):
        day = item
        if isinstance(day, str):
            with contextlib.suppress(ValueError):
                day = date.fromisoformat(day)
        if not isinstance(day, date) or day.year != year:
            raise Problem(
                "date",
                f"“{key}”第{index}项应为{year}年的日期（YYYY-MM-DD）",
                f"'{key}' item {index} must be a date in {year} (YYYY-MM-DD)",
            )
        days.append(day)
    return tuple(days)


def parse_calendar(raw: Any) -> tuple[CalendarYear, ...]:
    """A pack's ``calendar`` list; raises Problem naming the item and key at fault."""
    if not isinstance(raw, list):
        raise Problem("type", "应为年份列表", "must be a list of years")
    years: list[CalendarYear] = []
    for index, item in enumerate(raw, start=1):
        try:
            years.append(_year(item))
        except Problem as problem:
            raise Problem(
                problem.code, f"第{index}项{problem.zh}", f"item {index}: {problem.en}"
            ) from None
    seen = [y.year for y in years]
    for year in seen:
        if seen.count(year) > 1:
            raise Problem("duplicate", f"{year}年出现了两次", f"{year} is given twice")
    return tuple(years)


def _year(item: Any) -> CalendarYear:
    if not isinstance(item, Mapping) or not set(item) <= CALENDAR_KEYS:
        shown = ", ".join(sorted(CALENDAR_KEYS))
        raise Problem("unknown_key", f"只能有这些键：{shown}", f"may have only: {shown}")
    year = item.get("year")
    if isinstance(year, bool) or not isinstance(year, int) or not FIRST_YEAR <= year <= LAST_YEAR:
        raise Problem("year", "“year”应为年份（如2027）", "'year' must be a year such as 2027")
    ref = item.get("ref")
    if not isinstance(ref, str) or not ref.strip():
        raise Problem("required", "“ref”应写明所依据的通知", "'ref' must name the notice")
    return CalendarYear(
        year,
        _days(year, "holidays", item.get("holidays", [])),
        _days(year, "workdays", item.get("workdays", [])),
        ref.strip(),
    )


def work_calendar(years: Iterable[CalendarYear]) -> WorkCalendar:
    """The official calendar with the ``years`` the library does not know yet."""
    added = [y for y in years if y.year not in OFFICIAL.years]
    if not added:
        return OFFICIAL
    return WorkCalendar(
        holidays=[d for y in added for d in y.holidays],
        workdays=[d for y in added for d in y.workdays],
        years=[y.year for y in added],
    )
