"""Households written as a village's roster spreadsheet (one row per person), the way
township offices keep them: for tests, the benchmark and trying out the import.

``roster_rows`` and ``roster_objects`` say the same thing about the same households, one
as a sheet's rows and one as household-format objects, so that importing either must
give the same store.
"""

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from caseworker.domain.codes import Program
from caseworker.domain.money import format_yuan
from caseworker.domain.records import Household
from caseworker.interchange.household_format import FORMAT

HEADERS = [
    "户主身份证号", "姓名", "身份证号码", "性别", "民族", "与户主关系", "乡镇", "村", "住址",
    "户籍性质", "保障类别", "户月保障金", "纳入时间", "低保证号", "开户银行", "账户名称", "账号",
    "劳动能力", "残疾类别", "残疾等级", "电话",
]  # fmt: skip
_KINDS = {Program.DIBAO: "低保", Program.SPECIAL_HARDSHIP: "特困", Program.MARGINAL: "低保边缘"}


def _benefit(h: Household) -> Any:
    return next((b for b in h.benefits if b.program in _KINDS), None)


def roster_rows(households: Sequence[Household], village_names: dict[str, str]) -> list[list[Any]]:
    """The rows of a per-person roster (header first) of ``households``."""
    rows: list[list[Any]] = [list(HEADERS)]
    for h in households:
        head = h.head
        assert head is not None
        benefit = _benefit(h)
        kind = ""
        if benefit is not None:
            kind = _KINDS[benefit.program] + (benefit.category.zh if benefit.category else "")
        account = (
            ("", "", "")
            if h.payment is None
            else (h.payment.bank_name, h.payment.account_name, h.payment.account_number)
        )
        for index, m in enumerate(h.members):
            first = index == 0
            disability = m.disability
            rows.append(
                [
                    head.id_number,
                    m.name,
                    m.id_number,
                    m.sex.zh,
                    "汉",
                    m.relation.zh,
                    village_names[h.village_code[:9]] if first else "",
                    village_names[h.village_code] if first else "",
                    h.address if first else "",
                    h.hukou.zh if first else "",
                    kind if first else "",
                    format_yuan(benefit.monthly_fen) if first and benefit else "",
                    benefit.since.isoformat() if first and benefit else "",
                    benefit.certificate_number if first and benefit else "",
                    *(account if first else ("", "", "")),
                    m.labor_capacity.zh if m.labor_capacity else "",
                    disability.type.zh if disability else "",
                    disability.grade if disability and disability.grade else "",
                    "",
                ]
            )
    return rows


def roster_objects(households: Sequence[Household]) -> list[dict[str, Any]]:
    """The household-format objects holding exactly what ``roster_rows`` holds."""
    out = []
    for h in households:
        benefit = _benefit(h)
        members = []
        for m in h.members:
            member: dict[str, Any] = {
                "name": m.name,
                "id_number": m.id_number,
                "sex": m.sex.value,
                "relation": m.relation.value,
            }
            if m.labor_capacity:
                member["labor_capacity"] = m.labor_capacity.value
            if m.disability:
                member["disability"] = {
                    "type": m.disability.type.value,
                    "grade": m.disability.grade,
                }
            members.append(member)
        data: dict[str, Any] = {
            "format": FORMAT,
            "village_code": h.village_code,
            "address": h.address,
            "hukou": h.hukou.value,
            "members": members,
        }
        if benefit is not None:
            data["benefits"] = [
                {
                    "program": benefit.program.value,
                    "since": benefit.since.isoformat(),
                    "monthly_yuan": format_yuan(benefit.monthly_fen),
                    **({"category": benefit.category.value} if benefit.category else {}),
                    **(
                        {"certificate_number": benefit.certificate_number}
                        if benefit.certificate_number
                        else {}
                    ),
                }
            ]
        if h.payment is not None:
            data["payment"] = {
                "bank_name": h.payment.bank_name,
                "account_name": h.payment.account_name,
                "account_number": h.payment.account_number,
            }
        out.append(data)
    return out


def write_roster_xlsx(path: Path, rows: Sequence[Sequence[Any]], *, sheet: str = "花名册") -> None:
    """Write rows as an .xlsx workbook (ID numbers as text, as a careful clerk keeps them)."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    out = book.create_sheet(sheet)
    for row in rows:
        out.append(list(row))
    book.save(path)
