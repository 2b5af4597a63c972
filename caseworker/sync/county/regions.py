"""Region names at the county: county data, kept by the county administration
(``caseworker county regions FILE``, ``caseworker county rename-region CODE NAME``) and
sent down with the households that lie in them. Laptops cannot write them (a push's
regions are only compared, ``refused_regions``)."""

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Engine, select, update

from caseworker.domain.codes import RegionLevel
from caseworker.domain.regions import Region, validate_regions
from caseworker.domain.validation import ValidationFailed
from caseworker.sync.county.auth import Refused
from caseworker.sync.county.db import take_numbers
from caseworker.sync.county.tables import HOUSEHOLD, REGION
from caseworker.sync.schemas import PushRequest

NAME_MAX = 40
_COUNTY_DATA_ZH = "区划名称由县民政局维护，设备不能新增或修改"
_COUNTY_DATA_EN = "region names are county data: a device cannot add or rename them"


def _resend_households(conn: Connection, code: str) -> None:
    """New cursor numbers for every household in region ``code``: laptops pull them again,
    and with them the region's new name."""
    ids = list(
        conn.execute(
            select(HOUSEHOLD.c.id)
            .where(HOUSEHOLD.c.village_code.startswith(code, autoescape=True))
            .order_by(HOUSEHOLD.c.seq)
        ).scalars()
    )
    if not ids:
        return
    first = take_numbers(conn, "household", len(ids))
    for offset, household_id in enumerate(ids):
        conn.execute(
            update(HOUSEHOLD).where(HOUSEHOLD.c.id == household_id).values(seq=first + offset)
        )


def _check_names(regions: Sequence[Region]) -> None:
    try:
        validate_regions(regions)
    except ValidationFailed as failed:
        raise Refused(
            400, "；".join(failed.messages("zh")), "; ".join(failed.messages("en"))
        ) from None
    for r in regions:
        name = r.name.strip()
        if len(name) > NAME_MAX or any(ord(ch) < 32 for ch in name):
            raise Refused(
                400,
                f"区划{r.code}的名称“{name}”无效（最多{NAME_MAX}个字，不含控制字符）",
                f"region {r.code}: name '{name}' is invalid "
                f"(at most {NAME_MAX} characters, no control characters)",
            )


def load_regions(engine: Engine, regions: Sequence[Region]) -> tuple[int, int]:
    """Add regions and rename those whose name differs; (added, renamed). Households in a
    renamed region are sent to laptops again, with the new name."""
    regions = list(regions)
    _check_names(regions)
    added = renamed = 0
    with engine.begin() as conn:
        held = {r.code: r.name for r in conn.execute(select(REGION.c.code, REGION.c.name))}
        # Parents before children: a region's parent is named by code.
        for r in sorted(regions, key=lambda r: len(r.code)):
            name = r.name.strip()
            if r.code not in held:
                conn.execute(
                    REGION.insert().values(
                        code=r.code, name=name, level=r.level.value, parent_code=r.parent_code
                    )
                )
                added += 1
            elif held[r.code] != name:
                conn.execute(update(REGION).where(REGION.c.code == r.code).values(name=name))
                _resend_households(conn, r.code)
                renamed += 1
            held[r.code] = name
    return added, renamed


def rename_region(engine: Engine, code: str, name: str) -> None:
    """Give a region the county holds a new name (sent down to every laptop)."""
    with engine.connect() as conn:
        row = conn.execute(select(REGION).where(REGION.c.code == code)).first()
    if row is None:
        raise Refused(404, f"县里没有区划{code}", f"the county has no region {code}")
    load_regions(engine, [Region(code, name, RegionLevel(row.level), row.parent_code)])


def refused_regions(conn: Connection, request: PushRequest) -> list[dict[str, Any]]:
    """The regions of a push that differ from the county's (or that it does not hold), as
    field errors; nothing is written. Laptops of earlier versions send the regions of
    their households with every push: those the county holds as they are pass unnoticed."""
    if not request.get("regions"):
        return []
    regions = [
        Region(r["code"], r["name"], RegionLevel(r["level"]), r.get("parent_code"))
        for r in request.get("regions", ())
    ]
    try:
        validate_regions(regions)
    except ValidationFailed as failed:
        raise Refused(
            422, "; ".join(failed.messages("zh")), "; ".join(failed.messages("en"))
        ) from None
    codes = sorted({r.code for r in regions})
    known = {r.code: r for r in conn.execute(select(REGION).where(REGION.c.code.in_(codes)))}
    refused = []
    for r in regions:
        held = known.get(r.code)
        if held is not None and held.name == r.name:
            continue
        zh = f"县里为“{held.name}”，" if held is not None else "县里没有这个区划，"
        en = f"the county has '{held.name}'; " if held is not None else "unknown at the county; "
        refused.append(
            {
                "field": "name",
                "value": r.name,
                "code": "county_data",
                "message_zh": f"区划{r.code}：名称“{r.name}”：{zh}{_COUNTY_DATA_ZH}",
                "message_en": f"region {r.code}: name '{r.name}': {en}{_COUNTY_DATA_EN}",
            }
        )
    return refused
