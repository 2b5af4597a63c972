"""Administrative regions: county (6-digit code), township (9) and village (12)."""

from collections.abc import Sequence
from dataclasses import dataclass

from caseworker.domain.codes import REGION_CODE_LENGTH, RegionLevel
from caseworker.domain.validation import (
    FieldError,
    Problem,
    ValidationFailed,
    Where,
    parse_region_code,
)


@dataclass(frozen=True, slots=True)
class Region:
    code: str
    name: str
    level: RegionLevel
    parent_code: str | None = None


def level_of(code: str) -> RegionLevel | None:
    """The level a code's length says it is, or None."""
    for level, length in REGION_CODE_LENGTH.items():
        if len(code) == length and code.isdigit():
            return level
    return None


def ancestors(code: str) -> list[str]:
    """The codes of the township and county containing a village (or county of a township)."""
    return [code[:length] for length in (6, 9) if length < len(code)]


def validate_regions(regions: Sequence[Region]) -> None:
    """Raise ValidationFailed if a code has the wrong length for its level or lies outside
    its parent."""
    errors: list[FieldError] = []
    for index, region in enumerate(regions):
        where = Where().item("regions", index, region.name)
        try:
            parse_region_code(region.level)(region.code)
            if not region.name.strip():
                raise Problem("required", "区划名称必须填写", "the region name is required")
            if region.parent_code is not None and not region.code.startswith(region.parent_code):
                raise Problem(
                    "region_parent",
                    f"不在上级区划{region.parent_code}之内",
                    f"is not inside its parent {region.parent_code}",
                )
        except Problem as problem:
            errors.append(where.field("code").error(region.code, problem))
    if errors:
        raise ValidationFailed(errors)
