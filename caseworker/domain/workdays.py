"""Working days on mainland China's official calendar: Monday to Friday, except the public
holidays the State Council announces each year, plus the weekend days it makes workdays
in exchange (调休). The 30 and 45 working-day time limits are counted on it.

The announced years come from ``chinesecalendar`` (a maintained table of the State
Council's notices); a county's policy pack can add a year the library does not know yet.
A year neither knows is counted Monday to Friday and every date counted through it is
marked an estimate, so the app says so instead of passing a guess off as a deadline.
"""

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from datetime import date, timedelta
from typing import Generic, NamedTuple, TypeVar

from chinese_calendar import constants

T = TypeVar("T", date, int)


class Counted(NamedTuple, Generic[T]):
    """A date or a count of working days, and whether any day it went through lies in a
    year without an official calendar (then it is an estimate)."""

    value: T
    estimated: bool


def _weekdays_after(start: date, end: date) -> int:
    """Monday-Friday days after ``start`` up to and including ``end``."""
    if end <= start:
        return 0
    full_weeks, extra = divmod((end - start).days, 7)
    count = full_weeks * 5
    for offset in range(1, extra + 1):
        if (start + timedelta(days=offset)).weekday() < 5:
            count += 1
    return count


class WorkCalendar:
    """The official working days, with a county pack's extra years (``holidays`` on
    weekdays and make-up ``workdays`` on weekends, for each year in ``years``)."""

    def __init__(
        self,
        holidays: Iterable[date] = (),
        workdays: Iterable[date] = (),
        years: Iterable[int] = (),
    ) -> None:
        announced = set(constants.holidays) | set(constants.workdays)
        self.years = frozenset({d.year for d in announced} | set(years))
        # Only the days that change a weekday's or a weekend day's status count.
        off = {d for d in (*constants.holidays, *holidays) if d.weekday() < 5}
        extra = {d for d in (*constants.workdays, *workdays) if d.weekday() >= 5}
        self._off = sorted(off - extra)
        self._extra = sorted(extra)

    def is_workday(self, day: date) -> bool:
        """Whether ``day`` is a working day (Monday-Friday outside known years)."""
        if day.weekday() < 5:
            index = bisect_left(self._off, day)
            return not (index < len(self._off) and self._off[index] == day)
        index = bisect_left(self._extra, day)
        return index < len(self._extra) and self._extra[index] == day

    def _known(self, start: date, end: date) -> bool:
        return all(year in self.years for year in range(start.year, end.year + 1))

    def working_days_between(self, start: date, end: date) -> Counted[int]:
        """Working days after ``start`` up to and including ``end``."""
        if end <= start:
            return Counted(0, False)
        off = bisect_right(self._off, end) - bisect_right(self._off, start)
        extra = bisect_right(self._extra, end) - bisect_right(self._extra, start)
        count = _weekdays_after(start, end) - off + extra
        return Counted(count, not self._known(start, end))

    def add_working_days(self, start: date, days: int) -> Counted[date]:
        """The date ``days`` working days after ``start``."""
        day, remaining = start, days
        while remaining > 0:
            day += timedelta(days=1)
            if self.is_workday(day):
                remaining -= 1
        return Counted(day, not self._known(start, day))


OFFICIAL = WorkCalendar()
