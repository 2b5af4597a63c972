"""The publicity list (公示名单) of a village: who is proposed for assistance and who
receives it, with only the head's name, the household size, the program and the amount.

Entries are built here from households, and only those four facts are copied out of
each household: the list's source cannot hold an ID number, an address, an income or an
illness, so neither can the printed notice.
"""

from collections.abc import Iterable, Mapping
from datetime import date

from sqlalchemy import Connection

from caseworker.domain.codes import Stage
from caseworker.domain.records import Household
from caseworker.eligibility.findings import PolicyRef, Screening, Status
from caseworker.printing.context import PublicityEntry, VillageSource
from caseworker.printing.documents import footer_for, get_form, layout_form
from caseworker.printing.errors import PrintError
from caseworker.printing.loading import FindingsOf
from caseworker.printing.render import Output, render_to_bytes, write_pdf
from caseworker.store.households import iter_households
from caseworker.store.regions import region_names

FORM = "publicity"
# Publicity lasts 7 days (national procedure, 2021 measures); a county may print a
# longer period with ``days``.
PUBLICITY_DAYS = 7
# Applications reviewed by the township and not yet decided by the county are published.
PROPOSED_STAGES = frozenset({Stage.TOWNSHIP_REVIEW, Stage.PUBLICITY})


def check_days(days: int) -> None:
    """Refuse a publicity period shorter than a day."""
    if days < 1:
        raise PrintError(
            f"公示天数应至少为1天，而不是{days}", f"publicity must last at least 1 day, not {days}"
        )


def _head_name(h: Household) -> str:
    return h.head.name if h.head else ""


def _size(h: Household, members: tuple[str, ...]) -> int:
    # A single-person inclusion covers the person, not the household.
    return len(members) if members else len(h.members)


def publicity_entries(
    households: Iterable[tuple[Household, Screening | None]], *, on: date
) -> tuple[list[PublicityEntry], list[PublicityEntry], list[PolicyRef]]:
    """(proposed, current, policy packs behind proposed amounts) for the households."""
    proposed: list[PublicityEntry] = []
    current: list[PublicityEntry] = []
    policies: list[PolicyRef] = []
    for h, screening in households:
        for application in h.applications:
            if application.stage not in PROPOSED_STAGES:
                continue
            finding = screening.finding(application.program) if screening else None
            if finding is not None and finding.status is not Status.LIKELY_ELIGIBLE:
                finding = None
            amount, monthly = None, True
            if finding is not None:
                if finding.monthly_fen is not None:
                    amount = finding.monthly_fen
                elif finding.one_off_fen is not None:
                    amount, monthly = finding.one_off_fen, False
                if amount is not None and screening is not None:
                    policies.append(screening.policy)
            size = _size(h, finding.members if finding else ())
            proposed.append(
                PublicityEntry(_head_name(h), size, application.program, amount, monthly)
            )
        for benefit in h.benefits:
            if benefit.exit_until is not None and benefit.exit_until < on:
                continue
            size = benefit.covered_count(len(h.members))  # the members it pays for
            current.append(
                PublicityEntry(_head_name(h), size, benefit.program, benefit.monthly_fen)
            )
    proposed.sort(key=lambda e: (e.program.value, e.name))
    current.sort(key=lambda e: (e.program.value, e.name))
    return proposed, current, policies


def village_publicity(
    conn: Connection,
    village_code: str,
    findings: FindingsOf,
    *,
    printed_on: date | None = None,
    publicity_from: date | None = None,
    days: int = PUBLICITY_DAYS,
) -> VillageSource:
    """The publicity list source of one village, read from the store."""
    check_days(days)
    printed_on = printed_on or date.today()
    # Only a proposed application's amount comes from the findings: a village's other
    # households (most of them) are listed from their benefits without screening them.
    pairs = [
        (h, findings(conn, h) if any(a.stage in PROPOSED_STAGES for a in h.applications) else None)
        for h in iter_households(conn, village_codes=[village_code])
    ]
    proposed, current, policies = publicity_entries(pairs, on=printed_on)
    return VillageSource(
        village_code=village_code,
        regions=region_names(conn),
        printed_on=printed_on,
        publicity_from=publicity_from or printed_on,
        publicity_days=days,
        proposed=proposed,
        current=current,
        policies=policies,
    )


def publicity_source(
    village_code: str,
    entries: tuple[list[PublicityEntry], list[PublicityEntry], list[PolicyRef]],
    *,
    regions: Mapping[str, str],
    printed_on: date,
    publicity_from: date | None = None,
    days: int = PUBLICITY_DAYS,
) -> VillageSource:
    """A publicity list source from entries already built (no store needed)."""
    check_days(days)
    proposed, current, policies = entries
    return VillageSource(
        village_code,
        regions,
        printed_on,
        publicity_from or printed_on,
        days,
        proposed,
        current,
        policies,
    )


def render_publicity(source: VillageSource) -> bytes:
    """The publicity list as PDF bytes."""
    form = get_form(FORM)
    pages = layout_form(form, source)
    return render_to_bytes(form.title_zh, lambda b: b.add(pages, footer_for(form, source)))


def write_publicity(path: Output, source: VillageSource) -> int:
    """Write the publicity list to ``path`` atomically; its number of pages."""
    form = get_form(FORM)
    pages = layout_form(form, source)
    return write_pdf(path, form.title_zh, lambda b: b.add(pages, footer_for(form, source)))
