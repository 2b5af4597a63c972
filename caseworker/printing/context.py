"""What a document prints from, as plain data, and the resolver of its fields.

A household document prints from a ``HouseholdSource`` (the household, its latest
screening, the region names, the signatures given, the print date); the publicity list
prints from a ``VillageSource`` that holds only what may be made public. ``Values``
computes each field a form names once, on first use.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING

from caseworker.domain.codes import FINAL_STAGES, Program, Stage
from caseworker.domain.records import Application, Benefit, Household, Member, StageEntry, Visit
from caseworker.eligibility.findings import Finding, PolicyRef, Screening
from caseworker.printing.definitions import FormDef
from caseworker.store.signatures import Signature

if TYPE_CHECKING:
    from caseworker.printing.signing import SignatureMark

Item = dict[str, str]
"""One row of a list (a member, a reason ...): field name -> text. The key ``_signer``
names whose signature belongs to the row."""

SIGNER_KEY = "_signer"

# The county's decisions a notice prints, by the requirement that names each.
DECISIONS = {
    "approved": Stage.APPROVED,
    "refused": Stage.REFUSED,
    "changed": Stage.CHANGED,
    "stopped": Stage.STOPPED,
}


@dataclass(frozen=True, slots=True)
class ContentsEntry:
    """A line of a case file's table of contents."""

    title: str
    first_page: int
    pages: int


@dataclass(frozen=True, slots=True)
class HouseholdSource:
    """Everything a household document prints, as plain data."""

    household: Household
    regions: Mapping[str, str]  # region code -> name
    printed_on: date
    screening: Screening | None = None
    signatures: Sequence[Signature] = ()
    visit: Visit | None = None  # the visit an investigation form reports
    program: Program | None = None  # the program a notice is about, when a person chose it
    contents: Sequence[ContentsEntry] = ()  # the cover of a case file


@dataclass(frozen=True, slots=True)
class PublicityEntry:
    """One line of a publicity list: all that may be made public about a household."""

    name: str
    size: int
    program: Program
    amount_fen: int | None
    monthly: bool = True


@dataclass(frozen=True, slots=True)
class VillageSource:
    """What a village's publicity list prints: nothing private is in it to leak."""

    village_code: str
    regions: Mapping[str, str]
    printed_on: date
    publicity_from: date
    publicity_days: int
    proposed: Sequence[PublicityEntry]
    current: Sequence[PublicityEntry]
    policies: Sequence[PolicyRef] = ()


Source = HouseholdSource | VillageSource
ScalarFn = Callable[["Values"], str]
ListFn = Callable[["Values"], list[Item]]


class Values:
    """The fields of one form filled from one source, each computed once when first used."""

    def __init__(
        self,
        form: FormDef,
        source: Source,
        scalars: Mapping[str, ScalarFn],
        lists: Mapping[str, ListFn],
    ) -> None:
        self.form = form
        self.source = source
        self._scalar_fns = scalars
        self._list_fns = lists
        self._scalars: dict[str, str] = {}
        self._lists: dict[str, list[Item]] = {}
        self._marks: dict[str, SignatureMark | None] = {}

    def scalar(self, name: str) -> str:
        value = self._scalars.get(name)
        if value is None:
            value = self._scalar_fns[name](self)
            self._scalars[name] = value
        return value

    def items(self, name: str) -> list[Item]:
        items = self._lists.get(name)
        if items is None:
            items = self._list_fns[name](self)
            self._lists[name] = items
        return items

    def item_value(self, item: Item, name: str) -> str:
        """A field of a list row; the signing time comes from the row's signature."""
        if name == "signed_at":
            mark = self.signature(item.get(SIGNER_KEY, ""))
            return mark.time_text if mark is not None else ""
        return item.get(name, "")

    def signature(self, signer: str) -> SignatureMark | None:
        """The signature mark of a signer (member id, or ``investigator:NAME``), or None."""
        if signer not in self._marks:
            from caseworker.printing.signing import signature_mark

            self._marks[signer] = signature_mark(self, signer)
        return self._marks[signer]

    # --- what several fields share ----------------------------------------------------------
    @property
    def hs(self) -> HouseholdSource:
        assert isinstance(self.source, HouseholdSource)
        return self.source

    @property
    def household(self) -> Household:
        return self.hs.household

    @cached_property
    def head(self) -> Member | None:
        return self.household.head

    @cached_property
    def finding(self) -> Finding | None:
        """The screening finding this form is about: the first of the form's programs (in
        the form's order) with one of the form's statuses."""
        screening = self.hs.screening
        if screening is None:
            return None
        programs = self.form.programs or tuple(f.program for f in screening.findings)
        if self.hs.program is not None:
            programs = tuple(p for p in programs if p is self.hs.program)
        for program in programs:
            for finding in screening.findings:
                if finding.program is program and (
                    not self.form.statuses or finding.status in self.form.statuses
                ):
                    return finding
        return None

    @cached_property
    def benefit(self) -> Benefit | None:
        """The household's current benefit under one of the form's programs."""
        benefits = self.household.benefits
        programs = self.form.programs
        if self.hs.program is not None:
            programs = (self.hs.program,)
        return next((b for b in benefits if not programs or b.program in programs), None)

    @cached_property
    def application(self) -> Application | None:
        """The application (not a review) the form is about, under one of the form's
        programs, or the program chosen for the print: the one still open, which is the one
        being decided, else the latest made (by date applied, then as listed)."""
        programs = self.form.programs
        if self.hs.program is not None:
            if programs and self.hs.program not in programs:
                return None
            programs = (self.hs.program,)
        found = [
            (a.stage not in FINAL_STAGES, a.applied_on, n, a)
            for n, a in enumerate(self.household.applications)
            if not a.is_review and (not programs or a.program in programs)
        ]
        return max(found, key=lambda f: f[:3])[3] if found else None

    @cached_property
    def decision(self) -> tuple[Application, StageEntry] | None:
        """The latest county decision the form prints (approval, refusal, change or
        stoppage, as its requirements name) under one of its programs, with the
        application or review it decides."""
        programs = (self.hs.program,) if self.hs.program is not None else self.form.programs
        stages = tuple(s for name, s in DECISIONS.items() if name in self.form.requires)
        found = None
        for application in self.household.applications:
            if programs and application.program not in programs:
                continue
            entry = application.latest(*(stages or (Stage.APPROVED, Stage.REFUSED)))
            if entry is not None and (found is None or entry.date >= found[1].date):
                found = (application, entry)
        return found

    def opinion(self, *stages: Stage) -> StageEntry | None:
        """The latest opinion recorded at one of ``stages`` on the form's application."""
        application = self.application
        return None if application is None else application.latest(*stages)
