"""The townships and villages a worker may choose from, as the print centre and the report
dialog offer them: a village named with its township, so two villages of one name differ."""

from collections.abc import Sequence

from sqlalchemy import Connection

from caseworker.domain.codes import RegionLevel
from caseworker.domain.regions import Region
from caseworker.store.regions import all_regions


def regions_in_scope(conn: Connection, scope: str | None) -> list[Region]:
    """Every region the worker's scope covers (all of them without a scope), by code."""
    return [r for r in all_regions(conn) if not scope or r.code.startswith(scope)]


def area_choices(regions: Sequence[Region]) -> list[tuple[str, str]]:
    """(words, code) of each township and village among ``regions``, in their order."""
    names = {r.code: r.name for r in regions}
    out = []
    for region in regions:
        if region.level in (RegionLevel.TOWNSHIP, RegionLevel.VILLAGE):
            village = region.level is RegionLevel.VILLAGE
            parent = names.get(region.parent_code or "", "") if village else ""
            out.append((f"{parent} {region.name}".strip(), region.code))
    return out
