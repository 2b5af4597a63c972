"""The payment list for the bank (发放明细): one row per household paid in the month."""

import calendar
from collections.abc import Iterable, Mapping
from datetime import date

from caseworker.domain.records import Benefit, Household
from caseworker.reports.sheets import Column, Report, yuan_in_words

COLUMNS = (
    Column("属地", width=16),
    Column("姓名", width=10),
    Column("身份证号", width=22),
    Column("保障人数", kind="count", width=9),
    Column("保障金", kind="money", width=11),
    Column("分类施保金", kind="money", width=11),
    Column("发放合计", kind="money", width=11),
    Column("账户名称", width=10),
    Column("开户银行", width=16),
    Column("账号", width=24),
)


def paid_in(benefit: Benefit, year: int, month: int) -> bool:
    """Whether a monthly benefit is paid in the month (started by its end, not ended before)."""
    first = date(year, month, 1)
    last = date(year, month, calendar.monthrange(year, month)[1])
    ended = benefit.exit_until is not None and benefit.exit_until < first
    return benefit.monthly_fen > 0 and benefit.since <= last and not ended


def payments_report(
    households: Iterable[Household],
    village_names: Mapping[str, str],
    *,
    year: int,
    month: int,
    unit: str,
) -> Report:
    """The payment list of ``households`` for the month, with a total row and its 大写.

    The bank columns stay empty until the household records carry them (issue 18, item 1);
    分类施保金 is 0 until category supplements are recorded apart from the benefit.
    """
    rows: list[list[str | int]] = []
    persons = total_base = 0
    for household in households:
        paid = [b for b in household.benefits if paid_in(b, year, month)]
        if not paid:
            continue
        head = household.head
        base = sum(b.monthly_fen for b in paid)
        size = len(household.members)
        rows.append(
            [
                village_names.get(household.village_code, household.village_code),
                head.name if head else "",
                head.id_number if head else "",
                size,
                base,
                0,
                base,
                "",
                "",
                "",
            ]
        )
        persons += size
        total_base += base
    total: list[str | int] = ["合计", f"{len(rows)}户", "", persons, total_base, 0, total_base]
    total += ["", "", ""]
    return Report(
        title="城乡低保等救助金发放明细表",
        unit=unit,
        month=f"{year}年{month}月",
        columns=COLUMNS,
        rows=rows,
        total=total,
        total_in_words=yuan_in_words(total_base),
    )
