"""Printing to a PDF: a form for one household, case files for a household, a village or
a township, or a village's publicity list. The print centre and ``caseworker print`` do
the same steps here: check what is asked, read the households with their findings of the
print day, write the PDF (moved into place only when complete), and note who printed
what in the audit trail."""

from dataclasses import dataclass
from datetime import date

from caseworker.domain.codes import Program, RegionLevel
from caseworker.domain.regions import level_of
from caseworker.domain.validation import ValidationFailed
from caseworker.operations.findings import CurrentFindings
from caseworker.printing.casefile import BUNDLE, Cancelled, Progress, write_case_files
from caseworker.printing.documents import list_forms, write_form
from caseworker.printing.errors import PrintError
from caseworker.printing.loading import load_case, region_names, sorted_cases, villages_of
from caseworker.printing.publicity import FORM as PUBLICITY
from caseworker.printing.publicity import (
    PUBLICITY_DAYS,
    check_days,
    village_publicity,
    write_publicity,
)
from caseworker.printing.render import Output
from caseworker.store import audit
from caseworker.store.db import Store

__all__ = ["BUNDLE", "PUBLICITY", "PrintJob", "Printed", "check_job", "print_job"]


@dataclass(frozen=True)
class PrintJob:
    """What to print: ``form`` (a name from ``list_forms``) for ``household_id``, or for
    ``area`` (a village code; for case files also a township code)."""

    form: str
    printed_on: date
    household_id: str | None = None
    area: str | None = None
    visit_id: str | None = None  # the visit an investigation form shows (default: latest)
    program: Program | None = None  # the program a notice is about
    publicity_from: date | None = None
    days: int = PUBLICITY_DAYS


@dataclass(frozen=True)
class Printed:
    """What was printed: pages, and the households they are about."""

    pages: int
    households: int


def check_job(job: PrintJob) -> None:
    """Refuse a job whose household or area does not fit its form (PrintError)."""
    scopes = {f.name: f.scope for f in list_forms()}
    scope = scopes.get(job.form)
    if scope is None:
        raise PrintError(
            f"没有名为“{job.form}”的表单（可用：{'、'.join(scopes)}）",
            f"no form named '{job.form}' (known: {', '.join(scopes)})",
        )
    if scope == "bundle":
        if (job.household_id is None) == (job.area is None):
            raise PrintError(
                "打印档案须指定一户家庭，或一个村（社区）或乡镇（街道）",
                "a case file is printed for one household, or for a village or township",
            )
    elif scope == "village":
        if job.area is None or job.household_id is not None:
            raise PrintError(
                "公示名单按村打印，请指定一个村（社区）",
                "a publicity list is printed per village: name a village",
            )
        if level_of(job.area) is not RegionLevel.VILLAGE:
            raise PrintError(
                f"公示名单按村打印：“{job.area}”不是村（社区）代码",
                f"a publicity list is per village: '{job.area}' is not a village code",
            )
    elif job.household_id is None or job.area is not None:
        raise PrintError(
            "这张表按户打印，请先选择一户家庭",
            "this form is printed for one household: choose a household first",
        )
    check_days(job.days)


def print_job(
    store: Store,
    job: PrintJob,
    out: Output,
    *,
    findings: CurrentFindings | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> Printed:
    """Print ``job`` to ``out`` and audit it; PrintError (nothing written) if it cannot
    be printed, PrintCancelled if ``cancelled`` said so before the end."""
    check_job(job)
    findings = findings or CurrentFindings.of_store(store, job.printed_on)
    try:
        printed = _print(store, job, out, findings, progress, cancelled)
    except ValidationFailed as failed:  # what the household's record lacks for the form
        raise PrintError(
            "；".join(failed.messages("zh")), "; ".join(failed.messages("en"))
        ) from failed
    _audit(store, job)
    return printed


def _print(
    store: Store,
    job: PrintJob,
    out: Output,
    findings: CurrentFindings,
    progress: Progress | None,
    cancelled: Cancelled | None,
) -> Printed:
    with store.read() as conn:
        regions = region_names(conn)
        if job.form == PUBLICITY:
            assert job.area is not None  # check_job
            villages_of(conn, job.area)  # refuses a village this store does not know
            source = village_publicity(
                conn,
                job.area,
                findings,
                printed_on=job.printed_on,
                publicity_from=job.publicity_from,
                days=job.days,
            )
            printed = Printed(
                write_publicity(out, source), len(source.proposed) + len(source.current)
            )
        elif job.form == BUNDLE:
            if job.household_id is not None:
                count, cases = 1, iter([load_case(conn, job.household_id, findings)])
            else:
                assert job.area is not None  # check_job
                count, cases = sorted_cases(conn, villages_of(conn, job.area), findings)
                if count == 0:
                    raise PrintError(
                        f"“{job.area}”没有登记任何家庭", f"'{job.area}' has no households"
                    )
            result = write_case_files(
                out,
                cases,
                count=count,
                regions=regions,
                printed_on=job.printed_on,
                progress=progress if count > 1 else None,
                cancelled=cancelled,
            )
            printed = Printed(result.pages, result.households)
        else:
            assert job.household_id is not None  # check_job
            case = load_case(conn, job.household_id, findings)
            pages = write_form(
                out,
                job.form,
                case.household,
                regions=regions,
                screening=case.screening,
                signatures=case.signatures,
                printed_on=job.printed_on,
                visit_id=job.visit_id,
                program=job.program,
            )
            printed = Printed(pages, 1)
    return printed


def _audit(store: Store, job: PrintJob) -> None:
    """Who printed what is in the audit trail."""
    detail = {"form": job.form, "printed_on": job.printed_on.isoformat()}
    if job.area is not None:
        detail["area"] = job.area
    if job.program is not None:
        detail["program"] = job.program.value
    with store.begin() as conn:
        audit.record(
            conn,
            device_id=store.device_id,
            actor=store.actor,
            action=audit.Action.PRINT,
            household_id=job.household_id,
            detail=detail,
        )
