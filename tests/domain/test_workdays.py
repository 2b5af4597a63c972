"""Time limits are counted on the official calendar: the State Council's public holidays
and make-up workdays, not Monday to Friday; a year not announced yet is an estimate."""

from datetime import date, timedelta

import chinese_calendar
import pytest

from caseworker.domain.codes import Program, Stage
from caseworker.domain.procedure import deadline
from caseworker.domain.records import Application, StageEntry
from caseworker.domain.workdays import OFFICIAL, WorkCalendar


def days_of(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def test_weekends_are_skipped() -> None:
    monday = date(2026, 11, 2)
    assert OFFICIAL.add_working_days(monday, 5).value == date(2026, 11, 9)
    assert OFFICIAL.working_days_between(monday, date(2026, 11, 9)).value == 5
    assert OFFICIAL.working_days_between(date(2026, 11, 6), date(2026, 11, 9)).value == 1
    assert OFFICIAL.working_days_between(monday, monday).value == 0


def test_the_2020_spring_festival_and_other_holidays_move_the_deadline() -> None:
    # Spring Festival 2020 was extended to 2 February; Monday-Friday gave 2020-03-02.
    assert OFFICIAL.add_working_days(date(2020, 1, 20), 30) == (date(2020, 3, 10), False)
    # National Day 2019 (1-7 October, make-up workdays 29 September and 12 October).
    assert OFFICIAL.add_working_days(date(2019, 10, 7), 30).value == date(2019, 11, 15)


@pytest.mark.parametrize("year", [2019, 2020, 2021])
def test_every_start_date_of_a_year_agrees_with_the_official_calendar(year: int) -> None:
    """Each day of the year as a start: 30 and 45 working days later, counted day by day
    with the library's own is_workday, and the count between them back again."""
    for start in days_of(date(year, 1, 1), date(year, 12, 31)):
        for limit in (30, 45):
            day, left = start, limit
            while left:
                day += timedelta(days=1)
                left -= chinese_calendar.is_workday(day)
            counted = OFFICIAL.add_working_days(start, limit)
            assert counted == (day, False), start
            assert OFFICIAL.working_days_between(start, day).value == limit, start


def test_a_year_not_announced_yet_is_counted_monday_to_friday_and_said_to_be_an_estimate() -> None:
    application = Application(
        "a", Program.DIBAO, [StageEntry("s", Stage.APPLIED, date(2026, 12, 3))]
    )
    limit = deadline(application, date(2026, 12, 10))
    assert limit is not None and limit.estimated
    assert limit.due == date(2027, 1, 14)  # 2027's holidays are not known to this calendar
    known = deadline(application, date(2026, 12, 10), WorkCalendar(years=[2027]))
    assert known is not None and not known.estimated


def test_a_county_pack_can_add_a_years_holidays_and_make_up_days() -> None:
    calendar = WorkCalendar(
        holidays=days_of(date(2027, 1, 1), date(2027, 1, 3)),  # Friday to Sunday
        workdays=[date(2027, 1, 9)],  # a Saturday made a workday
        years=[2027],
    )
    assert not calendar.is_workday(date(2027, 1, 1))
    assert calendar.is_workday(date(2027, 1, 9))
    counted = calendar.working_days_between(date(2026, 12, 31), date(2027, 1, 10))
    assert counted == (6, False)  # 4-8 January and the make-up Saturday
