"""Who is using this laptop: the worker chosen on first run (name, role, scope).

Reading the worker needs no SQLAlchemy (the main window names them in its first paint);
recording one loads it with the validation.
"""

from dataclasses import dataclass

from caseworker.domain.codes import RegionLevel, WorkerRole
from caseworker.domain.regions import Region
from caseworker.store.db import Store


@dataclass(frozen=True, slots=True)
class Worker:
    id: str
    name: str
    role: WorkerRole
    scope_code: str | None


def current_worker(store: Store) -> Worker | None:
    """The worker this laptop is set up for, or None before the first run is finished."""
    with store.raw() as conn:
        row = conn.execute(
            "SELECT worker.id, worker.name, worker.role, worker.scope_code"
            " FROM setting JOIN worker ON worker.id = setting.value"
            " WHERE setting.key = 'current_worker'"
        ).fetchone()
    if row is None:
        return None
    worker_id, name, role, scope_code = row
    return Worker(worker_id, name, WorkerRole(role), scope_code)


def signed_in(store: Store, worker_id: str) -> Worker | None:
    """The worker who has just signed in becomes the one this laptop works for (a laptop
    several workers share): their name goes into the audit trail and their role decides
    the stages they record. None if the store has no such worker."""
    with store.raw() as conn:
        row = conn.execute(
            "SELECT id, name, role, scope_code FROM worker WHERE id = ?", (worker_id,)
        ).fetchone()
        if row is None:
            return None
        conn.execute(
            "INSERT OR REPLACE INTO setting (key, value) VALUES ('current_worker', ?)",
            (worker_id,),
        )
        conn.commit()
    return Worker(row[0], row[1], WorkerRole(row[2]), row[3])


def known_regions(store: Store) -> list[Region]:
    """Every region the store knows, ordered by code, read without SQLAlchemy: the first-run
    dialog offers them before anything else has been loaded."""
    with store.raw() as conn:
        rows = conn.execute(
            "SELECT code, name, level, parent_code FROM region ORDER BY code"
        ).fetchall()
    return [Region(code, name, RegionLevel(level), parent) for code, name, level, parent in rows]


def set_current_worker(store: Store, *, name: str, role: str, scope_code: str | None) -> Worker:
    """Record the worker using this laptop (validated; nothing written on error)."""
    from sqlalchemy import select

    from caseworker.domain.validation import Collector, Problem, Where, parse_code, parse_name
    from caseworker.store.db import write_setting
    from caseworker.store.tables import REGION, WORKER, new_id, utcnow

    c = Collector()
    where = Where()
    parsed_name = c.check(where, "name", name, parse_name)
    parsed_role = c.check(where, "role", role, parse_code(WorkerRole))
    with store.begin() as conn:
        if scope_code is not None:
            known = conn.execute(select(REGION.c.code).where(REGION.c.code == scope_code)).scalar()
            if known is None:
                c.add(
                    where.field("scope_code"),
                    scope_code,
                    Problem(
                        "unknown_region", "不是已知的行政区划代码", "is not a known region code"
                    ),
                )
        c.raise_if_any()
        assert parsed_name is not None and parsed_role is not None
        now = utcnow()
        worker_id = new_id()
        conn.execute(
            WORKER.insert().values(
                id=worker_id,
                created_at=now,
                updated_at=now,
                device_id=store.device_id,
                version=1,
                name=parsed_name,
                role=parsed_role.value,
                scope_code=scope_code,
            )
        )
        write_setting(conn, "current_worker", worker_id)
    return Worker(worker_id, parsed_name, parsed_role, scope_code)
