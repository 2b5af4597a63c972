"""The figures on the home screen, computed in SQL over the households in a worker's area.

Every figure is limited to the worker's area, the sync state included: a village worker
on a laptop that also holds other villages sees only her own villages' unsynced changes.

Review dates follow ``caseworker.domain.procedure`` (the same rule, set-based here so
that 100,000 households need not be loaded), with each county's review cycles as its
policy sets them (the caller passes them in: the store does not read policy packs); a test
checks both agree. The lists of work
to do hold what is overdue and what falls due soon, overdue first.
"""

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import Connection, inspect, text

from caseworker.domain.codes import FINAL_STAGES, Program, Stage
from caseworker.domain.procedure import (
    IRREGULAR_INCOME,
    REVIEW_PURPOSES,
    TIME_LIMIT_WORKING_DAYS,
    WORKING_AGE,
    Deadline,
    ReviewRules,
    deadline,
)
from caseworker.domain.records import Application, StageEntry
from caseworker.domain.workdays import OFFICIAL, WorkCalendar
from caseworker.store.flags import FLAGGED_SQL

# A review due within this many days is listed (after the overdue ones) so it can be
# planned into the next round of visits.
REVIEW_SOON_DAYS = 30
# An application this many working days or fewer from its 30-working-day limit is listed
# after the overdue ones: a week is what a township needs to finish a step.
APPLICATION_SOON_WORKING_DAYS = 5
# The setting in which the sync keeps the area the county enrolled this laptop for (the
# sync package's ``SCOPE``; the store does not import the sync package).
SYNC_SCOPE_SETTING = "sync.scope"


@dataclass(frozen=True, slots=True)
class OpenApplication:
    """An application not yet decided or withdrawn, and where it stands against the time
    limits on the day the figures were made."""

    household_id: str
    head_name: str
    application: Application
    deadline: Deadline

    @property
    def overdue(self) -> bool:
        return self.deadline.overdue

    @property
    def working_days_over(self) -> int:
        """Working days past the 30-working-day limit (0 if not past it)."""
        return max(self.deadline.working_days_used - TIME_LIMIT_WORKING_DAYS, 0)

    @property
    def working_days_left(self) -> int:
        """Working days left before the 30-working-day limit (0 once reached)."""
        return max(TIME_LIMIT_WORKING_DAYS - self.deadline.working_days_used, 0)


@dataclass(frozen=True, slots=True)
class ReviewDue:
    """A household receiving assistance whose review is overdue or due soon."""

    household_id: str
    head_name: str
    due: date
    overdue: bool  # the due day has passed


@dataclass
class DashboardStats:
    households: int = 0
    beneficiary_households: Counter[Program] = field(default_factory=Counter)
    beneficiary_people: Counter[Program] = field(default_factory=Counter)
    beneficiaries_by_village: dict[str, int] = field(
        default_factory=dict
    )  # village name -> households
    applications_by_stage: Counter[Stage] = field(default_factory=Counter)
    # Open applications past their time limit or close to it: overdue first (the longest
    # overdue at the top), then the ones due soonest.
    deadlines: list[OpenApplication] = field(default_factory=list)
    # Reviews overdue (the longest overdue at the top), then those due within a month.
    reviews: list[ReviewDue] = field(default_factory=list)
    # (id, head, program): likely eligible at the last screening, no application or benefit
    flagged: list[tuple[str, str, Program]] = field(default_factory=list)
    screened: int = 0  # households in the area with at least one screening kept
    unsynced: int = 0  # households in the area with changes the county does not have yet
    refused: int = 0  # of those, households with a change the county refused
    # The laptop's last sync, if the county enrolled it for an area that includes the
    # worker's (otherwise its syncs never carry her households: None).
    last_sync: datetime | None = None

    @property
    def overdue(self) -> list[OpenApplication]:
        """The applications past the 30-working-day limit."""
        return [item for item in self.deadlines if item.overdue]

    @property
    def reviews_overdue(self) -> list[ReviewDue]:
        return [item for item in self.reviews if item.overdue]


def _scope(scope: str | None, column: str) -> tuple[str, dict[str, object]]:
    if not scope:
        return "1 = 1", {}
    return f"substr({column}, 1, :scope_length) = :scope", {
        "scope": scope,
        "scope_length": len(scope),
    }


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


# The review cycles of a county (by its 6-digit code).
ReviewRulesOf = Callable[[str], ReviewRules]


def dashboard_stats(
    conn: Connection,
    *,
    scope: str | None,
    today: date,
    review_rules: ReviewRulesOf,
    calendar: WorkCalendar = OFFICIAL,
) -> DashboardStats:
    """Everything the home screen shows, for households whose village is inside ``scope``;
    review dates by each county's ``review_rules``, time limits on ``calendar``."""
    stats = DashboardStats()
    where, params = _scope(scope, "x.village_code")
    stats.households = int(
        conn.execute(
            text(f"SELECT COUNT(*) FROM household_index x WHERE {where}"), params
        ).scalar_one()
    )
    rows = conn.execute(
        text(
            "SELECT b.program, COUNT(DISTINCT b.household_id), SUM(x.member_count) "
            "FROM benefit b JOIN household_index x ON x.household_id = b.household_id "
            f"WHERE {where} GROUP BY b.program"
        ),
        params,
    )
    for program, households, people in rows:
        stats.beneficiary_households[Program(program)] = households
        stats.beneficiary_people[Program(program)] = people or 0
    rows = conn.execute(
        text(
            "SELECT COALESCE(r.name, x.village_code), COUNT(DISTINCT b.household_id) "
            "FROM benefit b JOIN household_index x ON x.household_id = b.household_id "
            f"LEFT JOIN region r ON r.code = x.village_code WHERE {where} "
            "GROUP BY x.village_code ORDER BY x.village_code"
        ),
        params,
    )
    stats.beneficiaries_by_village = {name: count for name, count in rows}
    _applications(conn, stats, where, params, today, calendar)
    _reviews(conn, stats, where, params, today, review_rules)
    _flagged(conn, stats, where, params)
    _sync_state(conn, stats, where, params, scope)
    return stats


def _flagged(
    conn: Connection, stats: DashboardStats, where: str, params: dict[str, object]
) -> None:
    rows = conn.execute(
        text(
            f"SELECT g.household_id, x.head_name, g.program FROM ({FLAGGED_SQL}) g "
            f"JOIN household_index x ON x.household_id = g.household_id WHERE {where}"
        ),
        params,
    )
    stats.flagged = sorted(
        ((household_id, head, Program(program)) for household_id, head, program in rows),
        key=lambda item: (item[2].value, item[1]),
    )
    stats.screened = int(
        conn.execute(
            text(
                "SELECT COUNT(*) FROM household_index x WHERE "
                f"{where} AND EXISTS (SELECT 1 FROM decision d "
                "WHERE d.household_id = x.household_id)"
            ),
            params,
        ).scalar_one()
    )


def _sync_state(
    conn: Connection,
    stats: DashboardStats,
    where: str,
    params: dict[str, object],
    scope: str | None,
) -> None:
    tables = inspect(conn)
    if tables.has_table("outbox"):
        # LEFT JOIN: with no area (the whole store) a change of a household no longer in
        # the index still counts; with an area it cannot be placed, so it does not.
        row = conn.execute(
            text(
                "SELECT COUNT(DISTINCT o.household_id), COUNT(DISTINCT CASE "
                "WHEN o.state = 'quarantined' THEN o.household_id END) FROM outbox o "
                "LEFT JOIN household_index x ON x.household_id = o.household_id "
                f"WHERE o.state IN ('pending', 'sent', 'quarantined') AND {where}"
            ),
            params,
        ).one()
        stats.unsynced, stats.refused = int(row[0]), int(row[1])
    if tables.has_table("audit") and _sync_covers(conn, scope):
        last = conn.execute(
            text("SELECT at FROM audit WHERE action = 'sync' ORDER BY seq DESC LIMIT 1")
        ).scalar()
        stats.last_sync = _as_datetime(last)


def _sync_covers(conn: Connection, scope: str | None) -> bool:
    """Whether this laptop's syncs carry households of the worker's area: the county
    enrolled it for an area overlapping hers (or it is not enrolled yet)."""
    enrolled = conn.execute(
        text("SELECT value FROM setting WHERE key = :key"), {"key": SYNC_SCOPE_SETTING}
    ).scalar()
    if not enrolled or not scope:
        return True
    return scope.startswith(enrolled) or enrolled.startswith(scope)


def _as_datetime(value: object) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    moment = datetime.fromisoformat(str(value))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _applications(
    conn: Connection,
    stats: DashboardStats,
    where: str,
    params: dict[str, object],
    today: date,
    calendar: WorkCalendar,
) -> None:
    final = ", ".join(f"'{s.value}'" for s in FINAL_STAGES)
    rows = conn.execute(
        text(
            "SELECT a.id, a.household_id, a.program, x.head_name, s.id AS sid, s.stage, s.date, "
            "s.worker, s.note FROM application a "
            "JOIN household_index x ON x.household_id = a.household_id "
            "JOIN application_stage s ON s.application_id = a.id "
            f"WHERE {where} AND a.stage NOT IN ({final}) ORDER BY a.id, s.position"
        ),
        params,
    )
    open_apps: dict[str, tuple[str, str, Application]] = {}
    for r in rows:
        entry = StageEntry(r.sid, Stage(r.stage), date.fromisoformat(str(r.date)), r.worker, r.note)
        if r.id not in open_apps:
            application = Application(r.id, Program(r.program), [])
            open_apps[r.id] = (r.household_id, r.head_name, application)
        open_apps[r.id][2].history.append(entry)
    soon = TIME_LIMIT_WORKING_DAYS - APPLICATION_SOON_WORKING_DAYS
    for household_id, head_name, application in open_apps.values():
        stats.applications_by_stage[application.stage] += 1
        limit = deadline(application, today, calendar)
        if limit is not None and limit.working_days_used >= soon:
            stats.deadlines.append(OpenApplication(household_id, head_name, application, limit))
    # The earliest limit first: the longest overdue, then the others, then the due soon.
    stats.deadlines.sort(key=lambda item: (item.deadline.due, item.head_name))


def _reviews(
    conn: Connection,
    stats: DashboardStats,
    where: str,
    params: dict[str, object],
    today: date,
    review_rules: ReviewRulesOf,
) -> None:
    purposes = ", ".join(f"'{p.value}'" for p in REVIEW_PURPOSES)
    irregular = ", ".join(f"'{k.value}'" for k in IRREGULAR_INCOME)
    young = _years_before(today, WORKING_AGE[0])
    old = _years_before(today, WORKING_AGE[1])
    rows = conn.execute(
        text(
            "SELECT x.household_id, x.head_name, substr(x.village_code, 1, 6) AS county, "
            "MIN(b.since) AS since, "
            f"MIN(b.program = '{Program.SPECIAL_HARDSHIP.value}') AS hardship_only, "
            f"(SELECT MAX(v.date) FROM visit v WHERE v.household_id = x.household_id "
            f" AND v.purpose IN ({purposes})) AS last_review, "
            "(EXISTS (SELECT 1 FROM income i WHERE i.household_id = x.household_id "
            f"  AND i.kind IN ({irregular})) "
            " OR EXISTS (SELECT 1 FROM member m WHERE m.household_id = x.household_id "
            "  AND m.labor_capacity IN ('full', 'partial') "
            "  AND m.birth_date <= :young AND m.birth_date > :old)) AS changeable "
            "FROM benefit b JOIN household_index x ON x.household_id = b.household_id "
            f"WHERE {where} GROUP BY x.household_id"
        ),
        {**params, "young": young.isoformat(), "old": old.isoformat()},
    )
    horizon = today + timedelta(days=REVIEW_SOON_DAYS)
    rules: dict[str, ReviewRules] = {}
    for r in rows:
        last = date.fromisoformat(str(r.last_review or r.since))
        county = rules.get(r.county)
        if county is None:
            county = rules[r.county] = review_rules(r.county)
        due = county.due(last, changeable=bool(r.changeable), hardship_only=bool(r.hardship_only))
        if due <= horizon:
            stats.reviews.append(ReviewDue(r.household_id, r.head_name, due, overdue=due < today))
    # The earliest due first: the longest overdue at the top, then due today and soon.
    stats.reviews.sort(key=lambda item: (item.due, item.head_name))
