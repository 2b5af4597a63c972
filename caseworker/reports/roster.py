"""The roster (台账/花名册): one row per household paid in the month, members at the end."""

from collections.abc import Iterable, Mapping

from caseworker.domain.codes import MONTHLY_PROGRAMS
from caseworker.domain.records import Household
from caseworker.reports.changes import KINDS, change_kind
from caseworker.reports.history import Month, covered_persons, monthly_amount, program_amount
from caseworker.reports.sheets import Column, Report, yuan_in_words

HEAD_COLUMNS = (
    Column("属地", width=16),
    Column("户主姓名", width=10),
    Column("身份证号码", width=22),
    Column("性别", width=6),
    Column("住址", width=20),
    Column("保障类别", width=16),
    Column("保障人数", kind="count", width=9),
    Column("户月保障金", kind="money", width=11),
    Column("变动种类", width=9),
    Column("变动时间", width=10),
    Column("开户银行", width=16),
    Column("账号", width=24),
)

_KIND_LABELS = dict(KINDS)


def roster_report(
    households: Iterable[Household],
    village_names: Mapping[str, str],
    *,
    month: Month,
    unit: str,
) -> Report:
    """The roster of households paid in ``month``, with each member's name and ID number.

    The bank columns are empty for a household whose account is not recorded.
    """
    paid = [(h, monthly_amount(h, month)) for h in households]
    paid = [(h, amount) for h, amount in paid if amount]
    widest = max((len(h.members) for h, _ in paid), default=1)
    columns = list(HEAD_COLUMNS)
    for number in range(1, widest + 1):
        columns.append(Column(f"成员{number}姓名", width=10))
        columns.append(Column(f"成员{number}身份证号", width=22))
    rows: list[list[str | int]] = []
    persons = total = 0
    for household, amount in paid:
        head = household.head
        size = covered_persons(household, month)
        kind = change_kind(monthly_amount(household, month.previous()), amount)
        row: list[str | int] = [
            village_names.get(household.village_code, household.village_code),
            head.name if head else "",
            head.id_number if head else "",
            head.sex.zh if head else "",
            household.address,
            _programs_label(household, month),
            size,
            amount,
            _KIND_LABELS[kind] if kind else "",
            month.label() if kind else "",
            "" if household.payment is None else household.payment.bank_name,
            "" if household.payment is None else household.payment.account_number,
        ]
        for member in household.members:
            row += [member.name, member.id_number]
        row += [""] * (len(columns) - len(row))
        rows.append(row)
        persons += size
        total += amount
    total_row: list[str | int] = ["合计", f"{len(rows)}户", "", "", "", "", persons, total]
    total_row += [""] * (len(columns) - len(total_row))
    return Report(
        title="城乡低保等救助对象花名册",
        unit=unit,
        month=month.label(),
        columns=columns,
        rows=rows,
        total=total_row,
        total_in_words=yuan_in_words(total),
    )


def _programs_label(household: Household, month: Month) -> str:
    labels = []
    for benefit in household.benefits:
        monthly = benefit.program in MONTHLY_PROGRAMS
        if monthly and program_amount(household, benefit.program, month):
            category = f"（{benefit.category.zh}）" if benefit.category else ""
            labels.append(f"{benefit.program.zh}{category}")
    return "、".join(labels)
