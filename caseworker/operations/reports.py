"""The spreadsheet reports for the township, the county and the bank, as the command line
and the app's report dialog make them: read the area's households, build the report,
write it whole or not at all, and record the export in the audit trail."""

import os
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from caseworker.domain.errors import BilingualError
from caseworker.domain.records import Household
from caseworker.reports.changes import changes_report
from caseworker.reports.history import Month
from caseworker.reports.payments import payments_report
from caseworker.reports.publicity import publicity_report
from caseworker.reports.roster import roster_report
from caseworker.reports.sheets import Report, write_csv, write_xlsx
from caseworker.store import audit
from caseworker.store.db import Store
from caseworker.store.households import iter_households
from caseworker.store.regions import region_names, village_codes

Builder = Callable[[Sequence[Household], Mapping[str, str], Month, str], Report]
# Each report: its words (Chinese, English) and how it is built from the area's households.
REPORTS: dict[str, tuple[str, str, Builder]] = {
    "roster": (
        "花名册",
        "roster",
        lambda h, names, month, unit: roster_report(h, names, month=month, unit=unit),
    ),
    "payments": (
        "银行代发明细",
        "payment list for the bank",
        lambda h, names, month, unit: payments_report(h, names, month=month, unit=unit),
    ),
    "changes": (
        "月度变动情况",
        "monthly changes",
        lambda h, _names, month, unit: changes_report(h, month=month, unit=unit),
    ),
    "publicity": (
        "公示名单",
        "publicity list",
        lambda h, names, month, unit: publicity_report(h, names, month=month, unit=unit),
    ),
}
FORMATS = ("xlsx", "csv")
ENCODINGS = ("gb18030", "utf-8-sig")


class ReportError(BilingualError):
    """A report that cannot be made as asked (an unknown area, a bad month)."""


@dataclass(frozen=True)
class ReportRequest:
    """Which report, for which month, for a village (12 digits), a township (9) or all."""

    kind: str
    month: Month
    village: str | None = None
    township: str | None = None


def parse_month(text: str | None) -> Month:
    """``YYYY-MM`` as a month; ReportError naming the value otherwise."""
    value = (text or "").strip()
    year, dash, month = value.partition("-")
    if dash and len(year) == 4 and year.isdigit() and month.isdigit() and 1 <= int(month) <= 12:
        return Month(int(year), int(month))
    raise ReportError(f"月份“{value}”无效（格式：2026-11）", f"month '{value}' is not YYYY-MM")


def build_report(store: Store, request: ReportRequest) -> Report:
    """The report of the request's area and month, from the store's households."""
    if request.kind not in REPORTS:
        raise ReportError(f"没有“{request.kind}”这种报表", f"no report called '{request.kind}'")
    with store.read() as conn:
        known = village_codes(conn)
        names = region_names(conn)
        villages = _villages(request, known, names)
        households = list(iter_households(conn, village_codes=villages))
    unit_code = request.township or (request.village[:9] if request.village else None)
    unit = names.get(unit_code, "") if unit_code else ""
    return REPORTS[request.kind][2](households, names, request.month, unit)


def save_report(
    store: Store,
    request: ReportRequest,
    report: Report,
    out: Path,
    *,
    file_format: str = "xlsx",
    encoding: str = "gb18030",
) -> None:
    """Write ``report`` to ``out`` whole or not at all (a failure leaves no file behind),
    and record the export in the audit trail."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".part", dir=out.parent)
    os.close(fd)
    part = Path(name)
    try:
        if file_format == "csv":
            write_csv(report, part, encoding=encoding)
        else:
            write_xlsx(report, part)
        os.replace(part, out)
    finally:
        part.unlink(missing_ok=True)
    with store.begin() as conn:
        audit.record(
            conn,
            device_id=store.device_id,
            actor=store.actor,
            action=audit.Action.EXPORT,
            detail={
                "report": request.kind,
                "month": f"{request.month.year:04d}-{request.month.month:02d}",
                "village": request.village,
                "township": request.township,
                "rows": len(report.rows),
                "file": str(out),
            },
        )


def _villages(request: ReportRequest, known: set[str], names: dict[str, str]) -> list[str] | None:
    if request.village:
        if request.village not in known:
            raise ReportError(
                f"村（社区）代码“{request.village}”不在本地数据库中",
                f"village code '{request.village}' is not in this store",
            )
        return [request.village]
    if request.township:
        if request.township not in names:
            raise ReportError(
                f"乡镇（街道）代码“{request.township}”不在本地数据库中",
                f"township code '{request.township}' is not in this store",
            )
        return sorted(code for code in known if code.startswith(request.township))
    return None
