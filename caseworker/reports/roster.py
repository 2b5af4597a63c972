"""The roster (台账/花名册): one row per household paid in the month, the other members at
the end; laid out as the ``roster-per-household`` mapping reads it, so a roster exported
here imports back as the same households."""

from collections.abc import Iterable, Mapping

from caseworker.domain.records import Household
from caseworker.reports.changes import KINDS, change_kind
from caseworker.reports.history import (
    Month,
    benefit_label,
    monthly_amount,
    paid_benefits,
    paid_households,
)
from caseworker.reports.sheets import Column, Report, yuan_in_words

HEAD_COLUMNS = (
    Column("属地", width=16),
    Column("户主姓名", width=10),
    Column("身份证号码", width=22),
    Column("性别", width=6),
    Column("住址", width=20),
    Column("户籍性质", width=10),
    Column("保障类别", width=20),
    Column("保障人数", kind="count", width=9),
    Column("户月保障金", kind="money", width=11),
    Column("纳入时间", width=11),
    Column("变动种类", width=9),
    Column("变动时间", width=10),
    Column("低保证号", width=20),
    Column("账户名称", width=10),
    Column("开户银行", width=26),
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
    paid = list(paid_households(households, month))
    widest = max((len(p.household.members) - 1 for p in paid), default=0)
    columns = list(HEAD_COLUMNS)
    for number in range(1, widest + 1):
        columns.append(Column(f"成员{number}姓名", width=10))
        columns.append(Column(f"成员{number}身份证号", width=22))
        columns.append(Column(f"成员{number}与户主关系", width=8))
    rows: list[list[str | int]] = []
    persons = total = 0
    for entry in paid:
        household, amount, size = entry.household, entry.amount_fen, entry.persons
        head = household.head
        kind = change_kind(monthly_amount(household, month.previous()), amount)
        benefits = paid_benefits(household, month)
        payment = household.payment
        row: list[str | int] = [
            village_names.get(household.village_code, household.village_code),
            head.name if head else "",
            head.id_number if head else "",
            head.sex.zh if head else "",
            household.address,
            household.hukou.zh,
            "、".join(benefit_label(b) for b in benefits),
            size,
            amount,
            min(b.since for b in benefits).isoformat() if benefits else "",
            _KIND_LABELS[kind] if kind else "",
            month.label() if kind else "",
            "、".join(b.certificate_number for b in benefits if b.certificate_number),
            *(("", "", "") if payment is None else (
                payment.account_name, payment.bank_name, payment.account_number
            )),
        ]  # fmt: skip
        for member in household.members:
            if member is not head:
                row += [member.name, member.id_number, member.relation.zh]
        row += [""] * (len(columns) - len(row))
        rows.append(row)
        persons += size
        total += amount
    total_row: list[str | int] = ["合计", f"{len(rows)}户", "", "", "", "", "", persons, total]
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
