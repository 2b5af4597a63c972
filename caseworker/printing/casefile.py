"""Case files (档案): for one household, a cover with its contents, then every document
that applies to it in the order of ``forms/case-file.toml``, numbered "第 x 页 共 y 页"
through the household's file. A batch prints the case files of many households into one
PDF (a village's or a township's), reporting progress and stopping when cancelled.
"""

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

from caseworker.domain.records import Household
from caseworker.eligibility.findings import Screening
from caseworker.printing.boxes import Page
from caseworker.printing.context import ContentsEntry, HouseholdSource
from caseworker.printing.definitions import BundleDef, FormDef, TitleBlock
from caseworker.printing.documents import definitions, footer_for, get_form, household_source
from caseworker.printing.errors import PrintCancelled
from caseworker.printing.evidence import SECTION_TITLE, Evidence, evidence_section
from caseworker.printing.fields import values_for
from caseworker.printing.layout import Layout
from caseworker.printing.render import Footer, Output, PdfBuilder, render_to_bytes, write_pdf
from caseworker.printing.requirements import CONDITIONS, unmet
from caseworker.printing.text import cn_date
from caseworker.store.signatures import Signature

BUNDLE = "case-file"

Progress = Callable[[int, int], None]
"""Called with (households done, households in all) after each household."""
Cancelled = Callable[[], bool]
"""Asked before each household; True stops the batch and removes the partial file."""


@dataclass(frozen=True, slots=True)
class CaseInput:
    """One household's case file data: the household, its latest screening, its
    signatures, and its evidence (None: the section is left out, as when the evidence
    was not read)."""

    household: Household
    screening: Screening | None = None
    signatures: Sequence[Signature] = ()
    evidence: Evidence | None = None


@dataclass(frozen=True, slots=True)
class BatchResult:
    households: int
    pages: int


@dataclass(frozen=True, slots=True)
class _Part:
    title: str
    pages: list[Page]
    footer: Footer


def bundle_definition() -> BundleDef:
    found = definitions()[BUNDLE]
    assert isinstance(found, BundleDef)
    return found


def _title(form: FormDef, source: HouseholdSource) -> str:
    """The document's title as printed (a notice's names its program), with the visit
    date for an investigation form."""
    values = values_for(form, source)
    title = next(
        (b.text.render(values.scalar) for b in form.blocks if isinstance(b, TitleBlock)),
        form.title_zh,
    )
    if source.visit is not None and form.kind == "visit":
        title += f"（{cn_date(source.visit.date)}）"
    return title


def _documents(base: HouseholdSource) -> list[_Part]:
    parts = []
    for name in bundle_definition().documents:
        form = get_form(name)
        visits = base.household.visits if form.kind == "visit" else [None]
        for visit in visits:
            source = replace(base, visit=visit) if visit is not None else base
            values = values_for(form, source)
            if not CONDITIONS[form.include_when](values) or unmet(values):
                continue
            pages = Layout(form, values).run()
            parts.append(_Part(_title(form, source), pages, footer_for(form, source)))
    return parts


def case_file_parts(base: HouseholdSource, evidence: Evidence | None = None) -> list[_Part]:
    """The cover, the documents and the evidence of one household's case file, laid
    out."""
    cover = get_form(bundle_definition().cover)
    documents = _documents(base)
    if evidence is not None:
        pages = evidence_section(base.household, evidence)
        documents.append(_Part(SECTION_TITLE, pages, footer_for(cover, base)))
    cover_length = 1
    while True:
        contents, first = [], cover_length + 1
        for part in documents:
            contents.append(ContentsEntry(part.title, first, len(part.pages)))
            first += len(part.pages)
        source = replace(base, contents=tuple(contents))
        cover_pages = Layout(cover, values_for(cover, source)).run()
        if len(cover_pages) == cover_length:
            break
        cover_length = len(cover_pages)  # a long contents: number the documents again
    cover_part = _Part(cover.title_zh, cover_pages, footer_for(cover, source))
    return [cover_part, *documents]


def _outline_name(household: Household) -> str:
    head = household.head
    return f"{head.name if head else household.id}　{household.address}"


def draw_case_file(
    builder: PdfBuilder,
    base: HouseholdSource,
    *,
    level: int = 0,
    evidence: Evidence | None = None,
) -> int:
    """Draw one household's case file; its number of pages. In a batch (``level`` 1) the
    household is an outline entry and its documents entries under it."""
    parts = case_file_parts(base, evidence)
    total = sum(len(p.pages) for p in parts)
    if level:
        builder.outline(_outline_name(base.household), level=0)
    number = 1
    for part in parts:
        builder.add(
            part.pages,
            part.footer,
            first_number=number,
            total=total,
            outline=part.title,
            outline_level=level,
        )
        number += len(part.pages)
    return total


def _source(
    case: CaseInput, regions: Mapping[str, str], printed_on: date | None
) -> HouseholdSource:
    return household_source(
        case.household,
        regions=regions,
        screening=case.screening,
        signatures=case.signatures,
        printed_on=printed_on,
    )


def render_case_file(
    case: CaseInput, *, regions: Mapping[str, str], printed_on: date | None = None
) -> bytes:
    """One household's case file as PDF bytes (for a preview)."""
    base = _source(case, regions, printed_on)

    def draw(builder: PdfBuilder) -> None:
        draw_case_file(builder, base, evidence=case.evidence)

    return render_to_bytes(f"社会救助家庭档案 {_outline_name(case.household)}", draw)


def write_case_files(
    path: Output,
    cases: Iterable[CaseInput],
    *,
    count: int,
    regions: Mapping[str, str],
    printed_on: date | None = None,
    title: str = "社会救助家庭档案",
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> BatchResult:
    """Write the case files of ``count`` households into one PDF at ``path``.

    The file appears only when complete: on an error or when ``cancelled()`` says so
    (raising PrintCancelled), nothing is left at ``path``.
    """
    done = 0

    def draw(builder: PdfBuilder) -> None:
        nonlocal done
        level = 1 if count > 1 else 0
        for case in cases:
            if cancelled is not None and cancelled():
                raise PrintCancelled()
            source = _source(case, regions, printed_on)
            draw_case_file(builder, source, level=level, evidence=case.evidence)
            done += 1
            if progress is not None:
                progress(done, count)

    pages = write_pdf(path, title, draw)
    return BatchResult(done, pages)


_NUMBER = re.compile(r"(\d+)")


def address_key(address: str) -> tuple[object, ...]:
    """Sort key of an address with numbers in numeric order (三组9号 before 三组18号)."""
    return tuple(int(p) if p.isdigit() else p for p in _NUMBER.split(address))
