"""The publicity list as a spreadsheet (公示名单): who receives assistance in the month, with
only what a publicity notice may show: the village, the head's name, the people covered,
the program and the monthly amount. No ID number, address, account or income is copied
out of a household, as on the printed notice (``caseworker.printing.publicity``)."""

from collections.abc import Iterable, Mapping

from caseworker.domain.records import Household
from caseworker.reports.history import Month, benefit_label, paid_benefits, paid_households
from caseworker.reports.sheets import Column, Report, yuan_in_words

COLUMNS = (
    Column("属地", width=16),
    Column("户主姓名", width=10),
    Column("保障人数", kind="count", width=9),
    Column("保障类别", width=20),
    Column("月保障金", kind="money", width=11),
)


def publicity_report(
    households: Iterable[Household],
    village_names: Mapping[str, str],
    *,
    month: Month,
    unit: str,
) -> Report:
    """The households paid in ``month``, by village then name, with a total row."""
    rows: list[list[str | int]] = []
    persons = total = 0
    for paid in paid_households(households, month):
        household = paid.household
        head = household.head
        rows.append(
            [
                village_names.get(household.village_code, household.village_code),
                head.name if head else "",
                paid.persons,
                "、".join(benefit_label(b) for b in paid_benefits(household, month)),
                paid.amount_fen,
            ]
        )
        persons += paid.persons
        total += paid.amount_fen
    rows.sort(key=lambda r: (str(r[0]), str(r[1])))
    return Report(
        title="城乡低保等救助对象公示名单",
        unit=unit,
        month=month.label(),
        columns=COLUMNS,
        rows=rows,
        total=["合计", f"{len(rows)}户", persons, "", total],
        total_in_words=yuan_in_words(total),
    )
