"""Official calendar years carried by a policy pack, for years the maintained library does
not know yet: the time limits count them, and say so when a year is still unknown."""

from datetime import date

import pytest

from caseworker.domain.codes import Program, Stage
from caseworker.domain.procedure import deadline
from caseworker.domain.records import Application, StageEntry
from caseworker.domain.workdays import OFFICIAL
from caseworker.eligibility.library import PolicyLibrary
from caseworker.eligibility.policy import PolicyError

# A test year far ahead (the library cannot know it): 1-3 January off (Friday 1 January is
# a weekday), Saturday 9 January worked in exchange.
PACK = """
format: caseworker.policy/1
id: cn-calendar-test
version: "1"
name: {zh: 日历, en: Calendar}
extends: cn-national
calendar:
  - year: 2099
    holidays: [2099-01-01, 2099-01-02, 2099-01-03]
    workdays: [2099-01-10]
    ref: 国务院办公厅关于2099年部分节假日安排的通知（测试）
parameters: {}
"""


def application(applied: date) -> Application:
    return Application(
        id="a",
        program=Program.DIBAO,
        history=[StageEntry(id="s", stage=Stage.APPLIED, date=applied, worker="王建华", note="")],
    )


def test_a_year_the_pack_carries_is_counted_and_not_an_estimate() -> None:
    calendar = PolicyLibrary([("pack", PACK)]).work_calendar()
    assert 2099 in calendar.years and 2099 not in OFFICIAL.years
    assert not calendar.is_workday(date(2099, 1, 2))  # a Friday off
    assert calendar.is_workday(date(2099, 1, 10))  # a Saturday worked
    start = date(2099, 1, 1)
    with_pack = deadline(application(start), start, calendar)
    without = deadline(application(start), start)
    assert with_pack is not None and without is not None
    assert without.estimated  # 2099 unknown: Monday to Friday, said to be an estimate
    assert not with_pack.estimated
    # The Friday off (2 January) is made up by the Saturday worked (10 January).
    assert with_pack.due == without.due == date(2099, 2, 12)
    later = deadline(application(date(2099, 1, 12)), date(2099, 1, 12), calendar)
    assert later is not None and not later.estimated


def test_the_library_wins_for_a_year_it_knows() -> None:
    text = PACK.replace("2099", "2020")  # 2020: the library's table is the official one
    calendar = PolicyLibrary([("pack", text)]).work_calendar()
    assert calendar is OFFICIAL
    assert calendar.is_workday(date(2020, 1, 2))


@pytest.mark.parametrize(
    ("change", "said"),
    [
        (("2099-01-10]", "2098-01-10]"), "“workdays”第1项应为2099年的日期"),
        (("    ref: 国务院", "    note: 国务院"), "只能有这些键"),
        (("  - year: 2099", "  - year: twenty"), "“year”应为年份"),
    ],
)
def test_a_bad_calendar_is_refused_naming_the_item(change: tuple[str, str], said: str) -> None:
    with pytest.raises(PolicyError) as caught:
        PolicyLibrary([("pack", PACK.replace(*change))])
    [error] = caught.value.errors
    assert error.field == "calendar"
    assert said in error.message_zh and "第1项" in error.message_zh
