"""Reading produced PDFs back, as a reader of the paper would see them."""

import io
import re
from datetime import date
from typing import Any

from pypdf import PdfReader
from sqlalchemy import Connection

from caseworker.demo.places import demo_regions
from caseworker.domain.codes import Program
from caseworker.domain.records import Household
from caseworker.eligibility.findings import Finding, PolicyRef, Reason, Screening, Status
from caseworker.store.decisions import latest_screening

ON = date(2026, 11, 1)
POLICY = PolicyRef("jingyang-county", "2026.1", "a" * 64)
REGIONS = {r.code: r.name for r in demo_regions()}


def reader(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


def page_texts(data: bytes) -> list[str]:
    """The text of each page, without the spaces and line breaks a reader of the PDF puts
    between the lines of a wrapped box."""
    return [re.sub(r"\s+", "", page.extract_text() or "") for page in reader(data).pages]


def screening(
    h: Household,
    program: Program = Program.DIBAO,
    status: Status = Status.LIKELY_ELIGIBLE,
    *,
    monthly_fen: int | None = 90_000,
    one_off_fen: int | None = None,
    reasons: tuple[Reason, ...] = (),
    members: tuple[str, ...] = (),
    policy: PolicyRef = POLICY,
) -> Screening:
    return Screening(
        h.id,
        date(2026, 10, 30),
        policy,
        (Finding(program, status, monthly_fen, one_off_fen, members, reasons),),
    )


MET = Reason(
    "dibao.income_below_standard",
    True,
    "家庭人均月收入212.00元，低于本县农村最低生活保障标准（每月580.00元）",
    "per-capita income 212.00 below the rural standard 580.00",
)
MET_2 = Reason(
    "dibao.property_within_limits",
    True,
    "家庭人均存款400.00元，未超过本县财产限额",
    "deposits within the county limit",
)
UNMET = Reason(
    "dibao.vehicle",
    False,
    "家庭拥有机动车辆1辆（价值60000.00元），不符合本县财产条件",
    "owns a motor vehicle worth 60000.00",
)


def as_recorded(conn: Connection, household: Household) -> Screening | None:
    """The findings a test stored for a household (printing's ``FindingsOf``), for tests
    that print a screening they made up rather than the one of the print day."""
    return latest_screening(conn, household.id)


def fonts_of(data: bytes) -> list[dict[str, Any]]:
    """Every font resource used by any page, resolved."""
    fonts = []
    for page in reader(data).pages:
        resources = page["/Resources"]
        for font in resources.get("/Font", {}).values():
            fonts.append(font.get_object())
    return fonts
