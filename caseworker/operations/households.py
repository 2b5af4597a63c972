"""Registering a household that comes to apply (新建家庭), from the desktop or a script.

The same validation as an import (one head, ID numbers with their check character, one ID
number in one household only), plus the worker's area: a village specialist registers
households of her own village only. The household, its audit entry and its outbox entry
are written in one transaction.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from caseworker.domain.codes import RegionLevel
from caseworker.domain.records import Household
from caseworker.domain.regions import Region
from caseworker.domain.validation import FieldError, Problem, ValidationFailed, Where
from caseworker.interchange.household_format import FORMAT, parse_household
from caseworker.operations.changes import Changes
from caseworker.store.db import Store
from caseworker.store.household_checks import households_holding
from caseworker.store.households import save_household
from caseworker.store.regions import all_regions


@dataclass(frozen=True, slots=True)
class Registered:
    household: Household
    changes: Changes


def villages_in_scope(store: Store, scope: str | None) -> list[Region]:
    """The villages a worker with area ``scope`` may register households in (by code)."""
    with store.read() as conn:
        regions = all_regions(conn)
    return [
        r
        for r in regions
        if r.level is RegionLevel.VILLAGE and (not scope or r.code.startswith(scope))
    ]


def _scope_errors(data: dict[str, Any], villages: Sequence[Region]) -> list[FieldError]:
    code = data.get("village_code")
    if any(v.code == code for v in villages):
        return []
    problem = Problem(
        "outside_scope",
        "不是您负责区域内的村（社区）",
        "is not a village in your area",
    )
    return [Where().field("village_code").error(code, problem)]


def _registered_elsewhere(store: Store, data: dict[str, Any]) -> list[FieldError]:
    """Members already registered in another household (found before any other check,
    so the user sees every problem at once)."""
    members = [m for m in data.get("members") or [] if isinstance(m, dict)]
    numbers = [str(m.get("id_number") or "").strip().upper() for m in members]
    with store.read() as conn:
        holding = households_holding(conn, [n for n in numbers if n])
    errors = []
    for index, (member, number) in enumerate(zip(members, numbers, strict=True)):
        if number in holding:
            head = holding[number]
            problem = Problem(
                "id_in_other_household",
                f"已登记在另一户（户主{head}）",
                f"is already a member of another household (head {head})",
            )
            where = Where().item("members", index, member.get("name") or None).field("id_number")
            errors.append(where.error(number, problem))
    return errors


def register_household(store: Store, data: dict[str, Any], *, scope: str | None) -> Registered:
    """Validate and store a new household given in interchange form (without ids).

    Raises ``ValidationFailed`` with every problem (nothing is written then).
    """
    data = {"format": FORMAT, **data}
    errors = _scope_errors(data, villages_in_scope(store, scope))
    errors += _registered_elsewhere(store, data)
    try:
        household = parse_household(data)
    except ValidationFailed as failed:
        raise ValidationFailed(errors + failed.errors) from None
    if errors:
        raise ValidationFailed(errors)
    save_household(store, household)
    return Registered(
        household, Changes(households=frozenset({household.id}), household_list=True, sync=True)
    )
