"""The payment list for the bank (发放明细): one row per household paid in the month."""

from collections.abc import Iterable, Mapping

from caseworker.domain.records import Household
from caseworker.reports.history import Month, paid_households
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
    Column("开户银行", width=26),
    Column("账号", width=24),
)


def payments_report(
    households: Iterable[Household],
    village_names: Mapping[str, str],
    *,
    month: Month,
    unit: str,
) -> Report:
    """The payment list of ``households`` for the month, with a total row and its 大写.

    The account columns are empty for a household whose account is not recorded;
    分类施保金 is 0 until category supplements are recorded apart from the benefit.
    """
    rows: list[list[str | int]] = []
    persons = total_base = 0
    for paid in paid_households(households, month):
        household, base = paid.household, paid.amount_fen
        head = household.head
        rows.append(
            [
                village_names.get(household.village_code, household.village_code),
                head.name if head else "",
                head.id_number if head else "",
                paid.persons,
                base,
                0,
                base,
                *_account(household),
            ]
        )
        persons += paid.persons
        total_base += base
    total: list[str | int] = ["合计", f"{len(rows)}户", "", persons, total_base, 0, total_base]
    total += ["", "", ""]
    return Report(
        title="城乡低保等救助金发放明细表",
        unit=unit,
        month=month.label(),
        columns=COLUMNS,
        rows=rows,
        total=total,
        total_in_words=yuan_in_words(total_base),
    )


def _account(household: Household) -> tuple[str, str, str]:
    """账户名称, 开户银行, 账号 (empty where not recorded)."""
    p = household.payment
    return ("", "", "") if p is None else (p.account_name, p.bank_name, p.account_number)
