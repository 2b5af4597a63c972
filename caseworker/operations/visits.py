"""Saving a household visit (入户调查) and, when the specialist chooses, the members'
incomes it found.

A visit keeps the id it was given when its form opened, so saving the same visit twice
(a recovered draft of a visit that was in fact saved) never makes a second visit. Income
changes are computed first (``income_changes``) so the user sees every change, member by
member, before anything is replaced.
"""

from collections import Counter
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from caseworker.domain.codes import IncomeKind
from caseworker.domain.money import MoneyFormatError, format_yuan, yuan_to_fen
from caseworker.domain.records import Household, Member
from caseworker.domain.validation import FieldError, ValidationFailed
from caseworker.interchange.household_format import household_to_dict, parse_household
from caseworker.operations.changes import Changes
from caseworker.store.db import Store
from caseworker.store.drafts import delete_draft
from caseworker.store.households import load_household, save_household

Income = tuple[IncomeKind, int]  # kind, monthly fen


@dataclass(frozen=True, slots=True)
class IncomeChange:
    """One member whose recorded incomes the visit would replace."""

    member_id: str
    name: str
    before: tuple[Income, ...] | None  # None: incomes were not recorded
    after: tuple[Income, ...]


@dataclass(frozen=True, slots=True)
class SavedVisit:
    household: Household
    changes: Changes


class HouseholdGone(LookupError):
    """The household is no longer in the store (removed by a sync meanwhile)."""


def is_saved(household: Household, visit_id: str) -> bool:
    """Whether the household already holds the visit with this id."""
    return any(v.id == visit_id for v in household.visits)


def _visit_incomes(visit: dict[str, Any]) -> dict[str, list[Income]]:
    """The incomes a visit found, by member id (rows that do not parse are left to the
    validation of the visit itself, which names them)."""
    found: dict[str, list[Income]] = {}
    rows = (visit.get("observations") or {}).get("incomes") or []
    for row in rows:
        kind = IncomeKind.parse(row.get("kind"))
        try:
            fen = yuan_to_fen(str(row.get("monthly_yuan", "")).strip())
        except MoneyFormatError:  # the visit's own check names the row and the amount
            continue
        if kind is not None and row.get("member_id"):
            found.setdefault(str(row["member_id"]), []).append((kind, fen))
    return found


def _recorded(member: Member) -> tuple[Income, ...] | None:
    if member.incomes is None:
        return None
    return tuple((i.kind, i.monthly_fen) for i in member.incomes)


def income_changes(household: Household, visit: dict[str, Any]) -> list[IncomeChange]:
    """Members whose recorded incomes differ from what the visit found. A member the visit
    lists no income for keeps "not recorded" if nothing was recorded, and otherwise is
    shown as losing every income (so a removed row is never a silent deletion)."""
    found = _visit_incomes(visit)
    changes = []
    for member in household.members:
        before = _recorded(member)
        after = tuple(found.get(member.id, ()))
        if before is None and not after:
            continue
        if before is not None and Counter(before) == Counter(after):
            continue
        changes.append(IncomeChange(member.id, member.name, before, after))
    return changes


def _with_visit(
    household: Household, visit: dict[str, Any], changes: list[IncomeChange]
) -> dict[str, Any]:
    data = household_to_dict(household)
    visits = [v for v in data["visits"] if v["id"] != visit["id"]]
    data["visits"] = [*visits, visit]
    by_member = {c.member_id: c.after for c in changes}
    for member in data["members"]:
        after = by_member.get(member["id"])
        if after is not None:
            member["incomes"] = [
                {"kind": kind.value, "monthly_yuan": format_yuan(fen)} for kind, fen in after
            ]
    return data


VISIT = "visit"  # the field path prefix of errors in the visit being saved


def _about_the_visit(errors: list[FieldError], index: int) -> list[FieldError]:
    """Errors in the visit being saved, addressed as ``visit.<field>`` (the form does not
    know where the visit sits in the household's list)."""
    prefix = f"visits[{index}]"
    return [
        replace(e, field=VISIT + e.field[len(prefix) :]) if e.field.startswith(prefix) else e
        for e in errors
    ]


def save_visit(
    store: Store,
    household_id: str,
    visit: dict[str, Any],
    *,
    update_incomes: bool,
    draft_id: str | None = None,
    today: date | None = None,
) -> SavedVisit:
    """Add the visit (interchange form, with its id) to the household, replacing the
    members' incomes with what it found when ``update_incomes``; then drop its draft.

    Raises ``ValidationFailed`` (nothing written) or ``HouseholdGone``.
    """
    with store.read() as conn:
        current = load_household(conn, household_id)
    if current is None:
        raise HouseholdGone(household_id)
    changes = income_changes(current, visit) if update_incomes else []
    data = _with_visit(current, visit, changes)
    try:
        household = parse_household(data, today=today)
        save_household(store, household)
    except ValidationFailed as failed:
        raise ValidationFailed(_about_the_visit(failed.errors, len(data["visits"]) - 1)) from None
    if draft_id is not None:
        delete_draft(store, draft_id)
    return SavedVisit(
        household,
        Changes(households=frozenset({household_id}), drafts=draft_id is not None, sync=True),
    )
