"""Printing one form for one household (or one visit): what the desktop app and the
``caseworker print FORM`` command call.

    pdf = render_form("dibao-application", household, screening=s, regions=names)
    write_form(path, "authorization", household, signatures=sigs, regions=names)

Forms are read from ``forms/``; a household that lacks what the form needs (a visit for
the investigation form, a screening finding for a notice) is refused with ValidationFailed
naming the field, and nothing is written.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from caseworker.domain.codes import Program
from caseworker.domain.records import Household, Visit
from caseworker.domain.validation import FieldError, Problem, ValidationFailed, Where
from caseworker.eligibility.findings import Screening
from caseworker.printing.boxes import Page
from caseworker.printing.context import HouseholdSource, Source, VillageSource
from caseworker.printing.definitions import BundleDef, FormDef
from caseworker.printing.errors import PrintError
from caseworker.printing.fields import CATALOG, values_for
from caseworker.printing.form_files import load_definitions
from caseworker.printing.household_fields import file_reference
from caseworker.printing.layout import Layout
from caseworker.printing.render import Footer, Output, render_to_bytes, write_pdf
from caseworker.printing.requirements import unmet
from caseworker.printing.signing import document_version as _document_version
from caseworker.printing.text import NO_POLICY, policy_words
from caseworker.store.signatures import Signature


@dataclass(frozen=True, slots=True)
class FormInfo:
    """A printable form or bundle, for ``print --list`` and the app's print menu."""

    name: str
    title_zh: str
    title_en: str
    scope: str  # household | visit | village | bundle


def definitions() -> dict[str, FormDef | BundleDef]:
    """Every definition in ``forms/``, by name."""
    return load_definitions(CATALOG)


def case_file_covers() -> dict[str, str]:
    """The cover page of each case file, and the case file it is the cover of."""
    return {d.cover: name for name, d in definitions().items() if isinstance(d, BundleDef)}


def list_forms() -> list[FormInfo]:
    """The printable forms and bundles, in file-name order. A case file's cover is not
    among them: it is printed only as its case file's first page (the contents list on it
    comes from the documents after it)."""
    covers = case_file_covers()
    out = []
    for name, d in definitions().items():
        if name in covers:
            continue
        scope = "bundle" if isinstance(d, BundleDef) else d.kind
        out.append(FormInfo(name, d.title_zh, d.title_en, scope))
    return out


def get_form(name: str) -> FormDef:
    """The form called ``name``; PrintError naming the known forms if there is none."""
    found = definitions().get(name)
    if not isinstance(found, FormDef):
        known = ", ".join(n for n, d in definitions().items() if isinstance(d, FormDef))
        raise PrintError(
            f"没有名为“{name}”的表单（可用：{known}）", f"no form named '{name}' ({known})"
        )
    return found


def _record_words(household: Household) -> tuple[str, str]:
    head = household.head
    name = head.name if head else household.id
    return f"户主{name}的家庭", f"household of {name}"


def layout_form(form: FormDef, source: Source) -> list[Page]:
    """The pages of ``form`` filled from ``source``; ValidationFailed if it cannot be."""
    values = values_for(form, source)
    if isinstance(source, HouseholdSource):
        errors = unmet(values)
        if errors:
            zh, en = _record_words(source.household)
            raise ValidationFailed([e.in_record(zh, en) for e in errors])
    return Layout(form, values).run()


def footer_for(form: FormDef, source: Source) -> Footer:
    """The footer of a document: its reference, print date and the policy it follows."""
    bottom = form.margins[2]
    if isinstance(source, VillageSource):
        policy = policy_words(p.version for p in source.policies)
        code = source.village_code
        return Footer(code, "村（社区）代码", code, source.printed_on, policy, bottom)
    s = source.screening
    policy = policy_words([s.policy.version]) if s is not None else NO_POLICY
    hid = source.household.id
    return Footer(hid, "档案编号", file_reference(hid), source.printed_on, policy, bottom)


def _pick_visit(household: Household, visit_id: str | None) -> Visit | None:
    if visit_id is None:
        return household.visits[-1] if household.visits else None
    for visit in household.visits:
        if visit.id == visit_id:
            return visit
    error = (
        Where()
        .field("visits")
        .error(
            visit_id,
            Problem("unknown_visit", "该户没有这次入户调查", "is not a visit of this household"),
        )
    )
    zh, en = _record_words(household)
    raise ValidationFailed([error.in_record(zh, en)])


def household_source(
    household: Household,
    *,
    regions: Mapping[str, str],
    screening: Screening | None = None,
    signatures: Sequence[Signature] = (),
    printed_on: date | None = None,
    visit_id: str | None = None,
    program: Program | None = None,
) -> HouseholdSource:
    """The source of a household document. ``visit_id`` picks the visit an investigation
    form reports (default: the latest); ``program`` the program a notice is about."""
    if screening is not None and screening.household_id != household.id:
        error = FieldError(
            "screening",
            screening.household_id,
            "other_household",
            "筛查结果",
            "screening",
            "属于另一户",
            "belongs to another household",
        )
        raise ValidationFailed([error])
    return HouseholdSource(
        household=household,
        regions=regions,
        printed_on=printed_on or date.today(),
        screening=screening,
        signatures=tuple(signatures),
        visit=_pick_visit(household, visit_id),
        program=program,
    )


def _prepared(
    form_name: str,
    household: Household,
    regions: Mapping[str, str],
    screening: Screening | None,
    signatures: Sequence[Signature],
    printed_on: date | None,
    visit_id: str | None,
    program: Program | None,
) -> tuple[FormDef, HouseholdSource]:
    form = get_form(form_name)
    source = household_source(
        household,
        regions=regions,
        screening=screening,
        signatures=signatures,
        printed_on=printed_on,
        visit_id=visit_id,
        program=program,
    )
    return form, source


def render_form(
    form_name: str,
    household: Household,
    *,
    regions: Mapping[str, str],
    screening: Screening | None = None,
    signatures: Sequence[Signature] = (),
    printed_on: date | None = None,
    visit_id: str | None = None,
    program: Program | None = None,
) -> bytes:
    """One form for one household as PDF bytes (for a preview). The options are those of
    ``household_source``."""
    form, source = _prepared(
        form_name, household, regions, screening, signatures, printed_on, visit_id, program
    )
    pages = layout_form(form, source)
    return render_to_bytes(form.title_zh, lambda b: b.add(pages, footer_for(form, source)))


def write_form(
    path: Output,
    form_name: str,
    household: Household,
    *,
    regions: Mapping[str, str],
    screening: Screening | None = None,
    signatures: Sequence[Signature] = (),
    printed_on: date | None = None,
    visit_id: str | None = None,
    program: Program | None = None,
) -> int:
    """Write one form for one household to ``path`` (atomically); its number of pages."""
    form, source = _prepared(
        form_name, household, regions, screening, signatures, printed_on, visit_id, program
    )
    pages = layout_form(form, source)  # fails before any file is opened
    return write_pdf(path, form.title_zh, lambda b: b.add(pages, footer_for(form, source)))


def document_version(
    form_name: str,
    household: Household,
    *,
    regions: Mapping[str, str],
    screening: Screening | None = None,
    visit_id: str | None = None,
    program: Program | None = None,
    on: date | None = None,
) -> str:
    """The version (SHA-256) of a document as it reads on day ``on`` (default today):
    what the desktop app stores with a signature given on it. The print date itself is
    not part of it, but who is an adult on that day is."""
    form, source = _prepared(form_name, household, regions, screening, (), on, visit_id, program)
    return _document_version(values_for(form, source))


def document_ref(
    form_name: str, household: Household, visit_id: str | None = None
) -> tuple[str, str]:
    """(document kind, document id) under which signatures on this document are stored."""
    form = get_form(form_name)
    if form.kind == "visit":
        visit = _pick_visit(household, visit_id)
        if visit is None:
            raise PrintError("该户没有入户调查记录", "the household has no visit")
        return form.document_kind, visit.id
    return form.document_kind, household.id
