"""What each column of a roster is for: the header row, found among the first rows with
the mapping that reads it best, and the field each column fills."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from caseworker.interchange.mappings import SheetMapping, best_mapping, normalise_header

HEADER_SEARCH_ROWS = 10  # a roster's title rows come before its header row


@dataclass
class Columns:
    """What each column of the sheet is for."""

    key: int | None = None
    household: dict[str, int] = field(default_factory=dict)  # field -> column
    member: dict[str, int] = field(default_factory=dict)
    numbered: dict[int, dict[str, int]] = field(default_factory=dict)  # n -> field -> column
    ignored: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)


def find_header(
    rows: Sequence[Sequence[Any]], mappings: Sequence[SheetMapping]
) -> tuple[int, SheetMapping | None]:
    """The header row (0-based) among the first rows, and the mapping that reads it best."""
    best: tuple[int, SheetMapping | None, int] = (0, None, 0)
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        mapping, score = best_mapping([normalise_header(c) for c in row], mappings)
        if score > best[2]:
            best = (index, mapping, score)
    return best[0], best[1]


def plan_columns(headers: Sequence[str], mapping: SheetMapping) -> Columns:
    """Which field each column fills; the first of two columns for one field wins."""
    plan = Columns()
    for index, header in enumerate(headers):
        if not header:
            continue
        if header in mapping.household_key and plan.key is None:
            plan.key = index
        elif (target := mapping.member.get(header)) is not None:
            plan.member.setdefault(target, index)
        elif (target := mapping.household.get(header)) is not None:
            plan.household.setdefault(target, index)
        elif (numbered := mapping.numbered_column(header)) is not None:
            plan.numbered.setdefault(numbered.number, {}).setdefault(numbered.field, index)
        elif header in mapping.ignored:
            plan.ignored.append(header)
        else:
            plan.unknown.append(header)
    return plan
