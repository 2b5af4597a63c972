"""The monthly change report (变动情况): new, stopped, increased and decreased households.

Each household's monthly amount is compared with the previous month's (both read from the
benefits' history); each kind of change counts households, persons and the amount changed.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from caseworker.domain.records import Household
from caseworker.reports.history import Month, covered_persons, monthly_amount
from caseworker.reports.sheets import Column, Report, yuan_in_words

KINDS = (("new", "新增"), ("stopped", "停发"), ("increased", "增发"), ("decreased", "减发"))

COLUMNS = (
    Column("变动种类", width=20),
    Column("户数", kind="count", width=9),
    Column("人数", kind="count", width=9),
    Column("变动金额", kind="money", width=14),
)


@dataclass
class Tally:
    """Households, persons and amount (fen) of one kind of change."""

    households: int = 0
    persons: int = 0
    amount_fen: int = 0


@dataclass
class Changes:
    """The month's changes by kind, and what was paid in the month and the one before."""

    kinds: dict[str, Tally] = field(default_factory=lambda: {k: Tally() for k, _ in KINDS})
    previous: Tally = field(default_factory=Tally)
    current: Tally = field(default_factory=Tally)


def count_changes(households: Iterable[Household], month: Month) -> Changes:
    """Compare each household's payment in ``month`` with the month before."""
    before_month = month.previous()
    changes = Changes()
    for household in households:
        before = monthly_amount(household, before_month)
        now = monthly_amount(household, month)
        persons_before = covered_persons(household, before_month) if before else 0
        persons_now = covered_persons(household, month) if now else 0
        _add(changes.previous, persons_before, before)
        _add(changes.current, persons_now, now)
        kind = change_kind(before, now)
        if kind is not None:
            persons = persons_before if kind == "stopped" else persons_now
            _add(changes.kinds[kind], persons, abs(now - before))
    return changes


def change_kind(before_fen: int, now_fen: int) -> str | None:
    """The kind of change (a key of ``KINDS``) between two months' amounts, if any."""
    if before_fen == now_fen:
        return None
    if not before_fen:
        return "new"
    if not now_fen:
        return "stopped"
    return "increased" if now_fen > before_fen else "decreased"


def _add(tally: Tally, persons: int, amount_fen: int) -> None:
    if amount_fen:
        tally.households += 1
        tally.persons += persons
        tally.amount_fen += amount_fen


def changes_report(households: Iterable[Household], *, month: Month, unit: str) -> Report:
    """The change report: last month's payment, each kind of change, this month's payment."""
    changes = count_changes(households, month)
    rows: list[list[str | int]] = [
        _row(f"上月（{month.previous().label()}）发放", changes.previous)
    ]
    rows += [_row(label, changes.kinds[kind]) for kind, label in KINDS]
    rows.append(_row(f"本月（{month.label()}）发放", changes.current))
    return Report(
        title="城乡低保等救助金月度变动情况表",
        unit=unit,
        month=month.label(),
        columns=COLUMNS,
        rows=rows,
        total_in_words=f"本月发放{yuan_in_words(changes.current.amount_fen)}",
    )


def _row(label: str, tally: Tally) -> list[str | int]:
    return [label, tally.households, tally.persons, tally.amount_fen]
