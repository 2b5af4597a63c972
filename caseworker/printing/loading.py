"""Reading what printing needs from the local store: households with their findings of
the print day and their signatures, region names, and which villages a code covers."""

from collections.abc import Callable, Iterator

from sqlalchemy import Connection

from caseworker.domain.codes import RegionLevel
from caseworker.domain.records import Household
from caseworker.domain.regions import level_of
from caseworker.eligibility.findings import Screening
from caseworker.printing.casefile import CaseInput, address_key
from caseworker.printing.errors import PrintError
from caseworker.printing.evidence import Evidence
from caseworker.store.attachments import attachments_of, attachments_of_many, content_of
from caseworker.store.households import iter_households, load_household
from caseworker.store.regions import region_names, village_codes
from caseworker.store.signatures import household_signatures

__all__ = ["FindingsOf", "load_case", "region_names", "sorted_cases", "villages_of"]

# A household's findings on the print day, read inside the caller's transaction (the
# operations' ``CurrentFindings``: never an older screening of other data or policy).
FindingsOf = Callable[[Connection, Household], Screening | None]


def load_case(conn: Connection, household_id: str, findings: FindingsOf) -> CaseInput:
    """One household's case data; PrintError if the store has no such household."""
    household = load_household(conn, household_id)
    if household is None:
        raise PrintError(
            f"本地数据库中没有编号为“{household_id}”的家庭",
            f"no household with id '{household_id}' in this store",
        )
    attachments = attachments_of(conn, household_id)
    # One household's files are read now: its case file may be drawn after ``conn``
    # is closed (a preview).
    contents = {a.sha256: content_of(conn, a.sha256) for a in attachments}
    return CaseInput(
        household,
        findings(conn, household),
        household_signatures(conn, household_id),
        Evidence(attachments, contents.__getitem__),
    )


def villages_of(conn: Connection, code: str) -> list[str]:
    """The village codes a village (12 digits) or township (9 digits) code covers."""
    known = village_codes(conn)
    level = level_of(code)
    if level is RegionLevel.VILLAGE and code in known:
        return [code]
    if level is RegionLevel.TOWNSHIP:
        found = sorted(v for v in known if v.startswith(code))
        if found:
            return found
    raise PrintError(
        f"“{code}”不是本地数据库中的村（社区）或乡镇（街道）代码",
        f"'{code}' is not a village or township code in this store",
    )


def sorted_cases(
    conn: Connection, villages: list[str], findings: FindingsOf
) -> tuple[int, Iterator[CaseInput]]:
    """How many households the villages hold, and their case data in print order: by
    village, then address (numbers in numeric order), then head's name. Findings and
    signatures are read as each household is printed, and the content of its evidence as
    its case file is drawn (with ``conn``, which must stay open until the PDF is
    written)."""
    households = list(iter_households(conn, village_codes=villages))
    households.sort(
        key=lambda h: (
            h.village_code,
            address_key(h.address),
            h.head.name if h.head else "",
            h.id,
        )
    )

    evidence = attachments_of_many(conn, [h.id for h in households])

    def read(sha256: str) -> bytes:
        return content_of(conn, sha256)

    def cases() -> Iterator[CaseInput]:
        for h in households:
            signatures = household_signatures(conn, h.id)
            yield CaseInput(h, findings(conn, h), signatures, Evidence(evidence[h.id], read))

    return len(households), cases()
