"""The figures on the home screen, computed in SQL over the households in a worker's area.

Review intervals follow ``caseworker.domain.procedure`` (the same rule, set-based here so
that 100,000 households need not be loaded); a test checks both agree.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from sqlalchemy import Connection, inspect, text

from caseworker.domain.codes import FINAL_STAGES, Program, Stage
from caseworker.domain.procedure import (
    IRREGULAR_INCOME,
    REVIEW_MONTHS_CHANGEABLE,
    REVIEW_MONTHS_STABLE,
    REVIEW_PURPOSES,
    WORKING_AGE,
    add_months,
    deadline,
)
from caseworker.domain.records import Application, StageEntry
from caseworker.store.flags import FLAGGED_SQL


@dataclass(frozen=True, slots=True)
class OpenApplication:
    household_id: str
    head_name: str
    application: Application


@dataclass
class DashboardStats:
    households: int = 0
    beneficiary_households: Counter[Program] = field(default_factory=Counter)
    beneficiary_people: Counter[Program] = field(default_factory=Counter)
    beneficiaries_by_village: dict[str, int] = field(
        default_factory=dict
    )  # village name -> households
    applications_by_stage: Counter[Stage] = field(default_factory=Counter)
    overdue: list[OpenApplication] = field(default_factory=list)
    reviews_due: list[tuple[str, str, date]] = field(default_factory=list)  # (id, head, due)
    # (id, head, program): likely eligible at the last screening, no application or benefit
    flagged: list[tuple[str, str, Program]] = field(default_factory=list)
    unsynced: int = 0  # households with local changes the county does not have yet
    last_sync: datetime | None = None


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


def dashboard_stats(conn: Connection, *, scope: str | None, today: date) -> DashboardStats:
    """Everything the home screen shows, for households whose village is inside ``scope``."""
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
    _applications(conn, stats, where, params, today)
    _reviews(conn, stats, where, params, today)
    _flagged(conn, stats, where, params)
    _sync_state(conn, stats)
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


def _sync_state(conn: Connection, stats: DashboardStats) -> None:
    if inspect(conn).has_table("outbox"):
        stats.unsynced = int(
            conn.execute(
                text(
                    "SELECT COUNT(DISTINCT household_id) FROM outbox "
                    "WHERE state IN ('pending', 'sent', 'quarantined')"
                )
            ).scalar_one()
        )
    if inspect(conn).has_table("audit"):
        last = conn.execute(
            text("SELECT at FROM audit WHERE action = 'sync' ORDER BY seq DESC LIMIT 1")
        ).scalar()
        stats.last_sync = _as_datetime(last)


def _as_datetime(value: object) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    moment = datetime.fromisoformat(str(value))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _applications(
    conn: Connection, stats: DashboardStats, where: str, params: dict[str, object], today: date
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
    open_apps: dict[str, OpenApplication] = {}
    for r in rows:
        entry = StageEntry(r.sid, Stage(r.stage), date.fromisoformat(str(r.date)), r.worker, r.note)
        if r.id not in open_apps:
            open_apps[r.id] = OpenApplication(
                r.household_id, r.head_name, Application(r.id, Program(r.program), [])
            )
        open_apps[r.id].application.history.append(entry)
    for item in open_apps.values():
        stats.applications_by_stage[item.application.stage] += 1
        limit = deadline(item.application, today)
        if limit is not None and limit.overdue:
            stats.overdue.append(item)
    stats.overdue.sort(key=lambda item: item.application.applied_on)


def _reviews(
    conn: Connection, stats: DashboardStats, where: str, params: dict[str, object], today: date
) -> None:
    purposes = ", ".join(f"'{p.value}'" for p in REVIEW_PURPOSES)
    irregular = ", ".join(f"'{k.value}'" for k in IRREGULAR_INCOME)
    young = _years_before(today, WORKING_AGE[0])
    old = _years_before(today, WORKING_AGE[1])
    rows = conn.execute(
        text(
            "SELECT x.household_id, x.head_name, MIN(b.since) AS since, "
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
    for r in rows:
        last = date.fromisoformat(str(r.last_review or r.since))
        months = REVIEW_MONTHS_CHANGEABLE if r.changeable else REVIEW_MONTHS_STABLE
        due = add_months(last, months)
        if due <= today:
            stats.reviews_due.append((r.household_id, r.head_name, due))
    stats.reviews_due.sort(key=lambda item: item[2])
