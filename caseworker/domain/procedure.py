"""The application procedure (2021 national rules): which stage may follow which, the 7-day
publicity, the 30 (at most 45) working-day time limit, and when a household is due for
review.

The procedure's periods are set nationally, not by county, so they live here rather than
in a policy pack. How often households are reviewed is the county's policy (its pack's
review parameters, read into ``ReviewRules`` by ``eligibility.reviews``); when a review
falls due is computed here. Working days are those of the official calendar
(``workdays``): public holidays and make-up workdays as the State Council announced them;
a deadline in a year not announced yet is an estimate and says so.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from caseworker.domain.codes import (
    FINAL_STAGES,
    IncomeKind,
    LaborCapacity,
    Program,
    Stage,
    VisitPurpose,
    WorkerRole,
)
from caseworker.domain.idnumber import age_on
from caseworker.domain.records import Application, Household, Member
from caseworker.domain.workdays import OFFICIAL, WorkCalendar

PUBLICITY_DAYS = 7
TIME_LIMIT_WORKING_DAYS = 30
TIME_LIMIT_MAX_WORKING_DAYS = 45
WORKING_AGE = (16, 60)
REVIEW_PURPOSES = frozenset({VisitPurpose.REVIEW, VisitPurpose.APPLICATION})

# The stages that may follow each stage. Democratic appraisal happens only if anyone
# objects, so investigation may go straight to township review.
NEXT_STAGES: dict[Stage, tuple[Stage, ...]] = {
    Stage.APPLIED: (Stage.INVESTIGATION, Stage.WITHDRAWN),
    Stage.INVESTIGATION: (Stage.APPRAISAL, Stage.TOWNSHIP_REVIEW, Stage.WITHDRAWN),
    Stage.APPRAISAL: (Stage.TOWNSHIP_REVIEW, Stage.WITHDRAWN),
    Stage.TOWNSHIP_REVIEW: (Stage.PUBLICITY, Stage.REFUSED, Stage.WITHDRAWN),
    Stage.PUBLICITY: (Stage.COUNTY_DECISION, Stage.WITHDRAWN),
    Stage.COUNTY_DECISION: (Stage.APPROVED, Stage.REFUSED),
    Stage.APPROVED: (),
    Stage.REFUSED: (),
    Stage.WITHDRAWN: (),
    Stage.REVIEW: (Stage.INVESTIGATION, Stage.WITHDRAWN),
    Stage.CHANGED: (),
    Stage.STOPPED: (),
}
# A review (复核) is not published: the township's review goes to the county, which
# changes the amount or stops the benefit.
REVIEW_NEXT_STAGES: dict[Stage, tuple[Stage, ...]] = {
    Stage.TOWNSHIP_REVIEW: (Stage.COUNTY_DECISION, Stage.WITHDRAWN),
    Stage.COUNTY_DECISION: (Stage.CHANGED, Stage.STOPPED),
}


_VILLAGE = frozenset({WorkerRole.VILLAGE})
_TOWNSHIP = frozenset({WorkerRole.TOWNSHIP})
_COUNTY = frozenset({WorkerRole.COUNTY})
# Who records each stage (2021 procedure): the village specialist takes the application,
# visits the household and holds the democratic appraisal; the township reviews and
# publishes; the county takes the decision. A periodic review is started by the village or
# the township; anyone may record that an applicant withdrew.
STAGE_ROLES: dict[Stage, frozenset[WorkerRole]] = {
    Stage.APPLIED: _VILLAGE,
    Stage.REVIEW: frozenset({WorkerRole.VILLAGE, WorkerRole.TOWNSHIP}),
    Stage.INVESTIGATION: _VILLAGE,
    Stage.APPRAISAL: _VILLAGE,
    Stage.TOWNSHIP_REVIEW: _TOWNSHIP,
    Stage.PUBLICITY: _TOWNSHIP,
    Stage.COUNTY_DECISION: _COUNTY,
    Stage.APPROVED: _COUNTY,
    Stage.REFUSED: _COUNTY,
    Stage.CHANGED: _COUNTY,
    Stage.STOPPED: _COUNTY,
    Stage.WITHDRAWN: frozenset(WorkerRole),
}


def may_record(role: WorkerRole, stage: Stage) -> bool:
    """Whether a worker of ``role`` records ``stage``."""
    return role in STAGE_ROLES[stage]


def who_records(stage: Stage) -> tuple[str, str]:
    """Who records ``stage``, in Chinese and English (for a refusal or a hint)."""
    roles = [r for r in WorkerRole if r in STAGE_ROLES[stage]]
    return "或".join(r.zh for r in roles), " or ".join(f"the {r.en}" for r in roles)


def next_stages(application: Application) -> tuple[Stage, ...]:
    """The stages the application (or review) may move to now."""
    if application.is_review and application.stage in REVIEW_NEXT_STAGES:
        return REVIEW_NEXT_STAGES[application.stage]
    return NEXT_STAGES[application.stage]


def publicity_end(start: date) -> date:
    """The last day of a publicity that starts on ``start`` (7 days)."""
    return start + timedelta(days=PUBLICITY_DAYS - 1)


@dataclass(frozen=True, slots=True)
class Deadline:
    """How an open application stands against the time limits on a given day."""

    working_days_used: int
    due: date  # 30 working days after applying
    latest: date  # 45 working days after applying
    overdue: bool  # past 30 working days
    past_latest: bool  # past 45 working days
    # Counted through a year whose holidays are not announced yet (Monday to Friday).
    estimated: bool = False


def deadline(
    application: Application, today: date, calendar: WorkCalendar = OFFICIAL
) -> Deadline | None:
    """The time limits of an open application (None once it is decided or withdrawn)."""
    if application.stage in FINAL_STAGES:
        return None
    start = application.applied_on
    used = calendar.working_days_between(start, today)
    due = calendar.add_working_days(start, TIME_LIMIT_WORKING_DAYS)
    latest = calendar.add_working_days(start, TIME_LIMIT_MAX_WORKING_DAYS)
    return Deadline(
        working_days_used=used.value,
        due=due.value,
        latest=latest.value,
        overdue=used.value > TIME_LIMIT_WORKING_DAYS,
        past_latest=used.value > TIME_LIMIT_MAX_WORKING_DAYS,
        estimated=due.estimated or latest.estimated,
    )


def publicity_open(application: Application, today: date) -> bool:
    """Whether the application is in its 7-day publicity on ``today``."""
    if application.stage is not Stage.PUBLICITY:
        return False
    return today <= publicity_end(application.history[-1].date)


IRREGULAR_INCOME = frozenset({IncomeKind.WAGE, IncomeKind.BUSINESS, IncomeKind.FARMING})


def _working_age_able(member: Member, today: date) -> bool:
    age = age_on(member.birth_date, today)
    able = member.labor_capacity in (LaborCapacity.FULL, LaborCapacity.PARTIAL)
    return WORKING_AGE[0] <= age < WORKING_AGE[1] and able


@dataclass(frozen=True, slots=True)
class ReviewRules:
    """How often households receiving assistance are reviewed, under a county's policy:
    Dibao households every ``changeable_months`` where a working-age member can work or
    income is irregular (wages, business, farming), else every ``stable_months``; special
    hardship every ``hardship_months``. No review falls due inside a ``suspended`` period
    (first and last day included): it is due the day after the period ends."""

    stable_months: int
    changeable_months: int
    hardship_months: int
    suspended: tuple[tuple[date, date], ...] = ()

    def due(self, last: date, *, changeable: bool, hardship_only: bool) -> date:
        """The next review after one (or the benefit's start) on ``last``."""
        if hardship_only:
            months = self.hardship_months
        else:
            months = self.changeable_months if changeable else self.stable_months
        due = add_months(last, months)
        for start, end in sorted(self.suspended):
            if start <= due <= end:
                due = end + timedelta(days=1)
        return due


def is_changeable(household: Household, today: date) -> bool:
    """Whether a working-age member can work or some income is irregular."""
    for member in household.members:
        irregular = any(i.kind in IRREGULAR_INCOME for i in member.incomes or ())
        if irregular or _working_age_able(member, today):
            return True
    return False


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later (the month's last day if it is shorter)."""
    month = day.month - 1 + months
    year = day.year + month // 12
    month = month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)


def review_due(household: Household, today: date, rules: ReviewRules) -> date | None:
    """When a benefit household is next due for review (None if it receives nothing).

    Counted from the latest review or investigation visit, else from the benefit's start.
    """
    if not household.benefits:
        return None
    visits = [v.date for v in household.visits if v.purpose in REVIEW_PURPOSES]
    last = max(visits) if visits else min(b.since for b in household.benefits)
    hardship_only = all(b.program is Program.SPECIAL_HARDSHIP for b in household.benefits)
    return rules.due(last, changeable=is_changeable(household, today), hardship_only=hardship_only)
