"""Region codes (county 6 digits, township 9, village 12) and their names."""

from collections.abc import Iterable

from sqlalchemy import Connection, select

from caseworker.domain.codes import RegionLevel
from caseworker.domain.regions import Region, ancestors, validate_regions
from caseworker.store.tables import REGION


def add_regions(conn: Connection, regions: Iterable[Region]) -> int:
    """Insert or rename regions; each code must have its level's length and its parent's prefix.

    Returns how many were new. Raises ValidationFailed (nothing written) on a bad code.
    """
    regions = list(regions)
    validate_regions(regions)
    existing = set(conn.execute(select(REGION.c.code)).scalars())
    # Parents before children: region.parent_code refers to region.code.
    new = sorted((r for r in regions if r.code not in existing), key=lambda r: len(r.code))
    for region in regions:
        if region.code in existing:
            conn.execute(
                REGION.update().where(REGION.c.code == region.code).values(name=region.name)
            )
    if new:
        conn.execute(
            REGION.insert(),
            [
                {
                    "code": r.code,
                    "name": r.name,
                    "level": r.level.value,
                    "parent_code": r.parent_code,
                }
                for r in new
            ],
        )
    return len(new)


def all_regions(conn: Connection) -> list[Region]:
    """Every region, ordered by code."""
    rows = conn.execute(select(REGION).order_by(REGION.c.code))
    return [Region(r.code, r.name, RegionLevel(r.level), r.parent_code) for r in rows]


def village_codes(conn: Connection) -> set[str]:
    """The codes of all known villages."""
    query = select(REGION.c.code).where(REGION.c.level == RegionLevel.VILLAGE.value)
    return set(conn.execute(query).scalars())


def regions_with_ancestors(conn: Connection, codes: Iterable[str]) -> list[Region]:
    """The regions of ``codes`` and every region containing them, ordered by code."""
    wanted = set()
    for code in codes:
        wanted.add(code)
        wanted.update(ancestors(code))
    return [r for r in all_regions(conn) if r.code in wanted]


def region_names(conn: Connection) -> dict[str, str]:
    """Code -> name for every region."""
    return {code: name for code, name in conn.execute(select(REGION.c.code, REGION.c.name))}
