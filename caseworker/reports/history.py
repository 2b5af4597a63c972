"""What a household was paid in a given month, from its benefits and their decisions.

A stopped benefit leaves the household's list of benefits, so the months before a change
are read back from the applications' history: an approval, a change of amount and a
stoppage each take effect in the month after the county's decision.
"""

import calendar
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from caseworker.domain.codes import MONTHLY_PROGRAMS, Program, Stage
from caseworker.domain.records import Benefit, Household

_DECISIONS = (Stage.APPROVED, Stage.CHANGED, Stage.STOPPED)


@dataclass(frozen=True, slots=True)
class Month:
    """A calendar month."""

    year: int
    month: int

    @property
    def first(self) -> date:
        return date(self.year, self.month, 1)

    @property
    def last(self) -> date:
        return date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])

    def previous(self) -> "Month":
        """The month before this one."""
        return Month(self.year - 1, 12) if self.month == 1 else Month(self.year, self.month - 1)

    def label(self) -> str:
        """The month as a reader sees it: 2026年11月."""
        return f"{self.year}年{self.month}月"


def _month_after(day: date) -> date:
    return date(day.year + 1, 1, 1) if day.month == 12 else date(day.year, day.month + 1, 1)


def paid_in(benefit: Benefit, month: Month) -> bool:
    """Whether a benefit as listed now is paid in ``month`` (started, not ended before it)."""
    ended = benefit.exit_until is not None and benefit.exit_until < month.first
    return benefit.monthly_fen > 0 and benefit.since <= month.last and not ended


def program_amount(household: Household, program: Program, month: Month) -> int:
    """The monthly amount in fen the household received from ``program`` in ``month``."""
    current = next((b for b in household.benefits if b.program is program), None)
    # (first month it applies, amount from then on); 0 after a stoppage.
    events: list[tuple[date, int]] = []
    before_first: int | None = None
    for application in household.applications:
        if application.program is not program:
            continue
        for entry in application.history:
            if entry.stage is Stage.REVIEW and before_first is None:
                before_first = entry.amount_fen
            if entry.stage not in _DECISIONS:
                continue
            amount = 0 if entry.stage is Stage.STOPPED else (entry.amount_fen or 0)
            events.append((_month_after(entry.date), amount))
    events.sort(key=lambda event: event[0])
    in_force = [amount for start, amount in events if start <= month.first]
    if in_force:
        amount = in_force[-1]
        # The benefit as listed now still ends a gradual exit or starts later than decided.
        if current is not None and amount and not paid_in(current, month):
            return 0
        return amount
    if events and before_first is None:
        return 0  # the first decision is the approval: nothing was paid before it
    listed = current is not None and paid_in(current, month)
    if before_first is not None:
        # A review's start recorded what was paid until its decision; a stopped benefit
        # is no longer listed, so its start month is not known here.
        return before_first if current is None or listed else 0
    return current.monthly_fen if current is not None and listed else 0


def monthly_amount(household: Household, month: Month) -> int:
    """All monthly programs' amounts of the household in ``month``, in fen."""
    return sum(program_amount(household, p, month) for p in _programs(household))


def covered_persons(household: Household, month: Month) -> int:
    """The persons covered in ``month`` (保障人数): the members the benefits paid that month
    list, everyone where one covers the whole household."""
    programs = [p for p in _programs(household) if program_amount(household, p, month)]
    if not programs:
        return 0
    covered: set[str] = set()
    for program in programs:
        members = _covered_by(household, program)
        if members is None:
            return len(household.members)
        covered |= members
    return len(covered)


def _covered_by(household: Household, program: Program) -> set[str] | None:
    """The members one program pays for; None: the whole household."""
    listed = [b.covered_members for b in household.benefits if b.program is program]
    if listed and all(members is not None for members in listed):
        return {member for members in listed if members for member in members}
    if program is Program.DIBAO_SINGLE_PERSON:
        # Paid before benefits listed their members, or known from the application only:
        # the applicant alone.
        applicants = {
            a.member_id for a in household.applications if a.program is program and a.member_id
        }
        return applicants or {"the applicant"}
    return None


def _programs(household: Household) -> list[Program]:
    seen = {b.program for b in household.benefits}
    seen.update(a.program for a in household.applications)
    return sorted((p for p in seen if p in MONTHLY_PROGRAMS), key=lambda p: p.value)


def paid_benefits(household: Household, month: Month) -> list[Benefit]:
    """The household's monthly benefits that pay in ``month``."""
    return [
        b
        for b in household.benefits
        if b.program in MONTHLY_PROGRAMS and program_amount(household, b.program, month)
    ]


def benefit_label(benefit: Benefit) -> str:
    """保障类别 as rosters write it: the program, then its category (最低生活保障A类)."""
    return benefit.program.zh + (benefit.category.zh if benefit.category else "")


@dataclass(frozen=True, slots=True)
class Paid:
    """A household paid in a month: how much (fen) and for how many people."""

    household: Household
    amount_fen: int
    persons: int


def paid_households(households: Iterable[Household], month: Month) -> Iterator[Paid]:
    """The households paid in ``month``, in the order given, with the amount and persons."""
    for household in households:
        amount = monthly_amount(household, month)
        if amount:
            yield Paid(household, amount, covered_persons(household, month))
