from datetime import date

from caseworker.domain.codes import Program, Stage
from caseworker.domain.procedure import (
    add_months,
    deadline,
    next_stages,
    publicity_end,
    publicity_open,
)
from caseworker.domain.records import Application, StageEntry
from caseworker.domain.workdays import OFFICIAL


def add_working_days(start: date, days: int) -> date:
    return OFFICIAL.add_working_days(start, days).value


def application(*stages: tuple[Stage, date]) -> Application:
    return Application(
        "a", Program.DIBAO, [StageEntry(str(i), s, d) for i, (s, d) in enumerate(stages)]
    )


def test_an_application_is_overdue_after_30_working_days_and_late_after_45() -> None:
    applied = date(2026, 11, 2)
    app = application((Stage.APPLIED, applied))
    due = add_working_days(applied, 30)
    on_time = deadline(app, due)
    late = deadline(app, add_working_days(applied, 31))
    assert on_time is not None and not on_time.overdue and on_time.due == due
    assert late is not None and late.overdue and not late.past_latest
    very_late = deadline(app, add_working_days(applied, 46))
    assert very_late is not None and very_late.past_latest


def test_decided_applications_have_no_deadline() -> None:
    done = application((Stage.APPLIED, date(2026, 1, 5)), (Stage.APPROVED, date(2026, 1, 30)))
    assert deadline(done, date(2026, 6, 1)) is None
    assert next_stages(done) == ()


def test_publicity_lasts_seven_days() -> None:
    start = date(2026, 3, 1)
    assert publicity_end(start) == date(2026, 3, 7)
    app = application((Stage.APPLIED, date(2026, 2, 1)), (Stage.PUBLICITY, start))
    assert publicity_open(app, date(2026, 3, 7))
    assert not publicity_open(app, date(2026, 3, 8))


def test_investigation_may_skip_appraisal_but_publicity_cannot_be_skipped() -> None:
    app = application((Stage.APPLIED, date(2026, 1, 5)), (Stage.INVESTIGATION, date(2026, 1, 6)))
    assert Stage.TOWNSHIP_REVIEW in next_stages(app)
    review = application((Stage.TOWNSHIP_REVIEW, date(2026, 1, 5)))
    assert Stage.APPROVED not in next_stages(review)


def test_months_are_added_to_the_end_of_short_months() -> None:
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2026, 8, 15), 6) == date(2027, 2, 15)
