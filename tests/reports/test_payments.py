"""The payment list built from households and written to real files."""

from datetime import date
from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook

from caseworker.domain.codes import Hukou, Program, Relation, Sex
from caseworker.domain.records import Benefit, Household, Member, Payment
from caseworker.reports.history import Month
from caseworker.reports.payments import payments_report
from caseworker.reports.sheets import write_csv, write_xlsx


def _household(number: int, name: str, since: date, exit_until: date | None = None) -> Household:
    head = Member(
        id=f"m{number}",
        name=name,
        id_number=f"11010119900307{number:03d}X",
        relation=Relation.HEAD,
        birth_date=date(1990, 3, 7),
        sex=Sex.MALE,
    )
    return Household(
        id=f"h{number}",
        village_code="110101001001",
        address="示例村",
        hukou=Hukou.RURAL,
        members=[head],
        benefits=[Benefit("b", Program.DIBAO, since, 60050, exit_until=exit_until)],
    )


def test_payment_list_pays_only_the_months_benefits(tmp_path: Path) -> None:
    households = [
        _household(1, "李䶮", date(2026, 1, 1)),
        _household(2, "𠮷田", date(2026, 12, 1)),  # starts next month
        _household(3, "王五", date(2025, 1, 1), exit_until=date(2026, 10, 31)),  # ended
        _household(4, "赵六", date(2026, 11, 30)),
    ]
    report = payments_report(
        households, {"110101001001": "示例村"}, month=Month(2026, 11), unit="示例镇"
    )
    out = tmp_path / "payments.xlsx"
    write_xlsx(report, out)
    sheet = load_workbook(out).active
    assert sheet is not None
    names = [sheet.cell(row=r, column=2).value for r in (4, 5)]
    assert names == ["李䶮", "赵六"]
    assert sheet["C4"].value == "11010119900307001X"
    assert sheet["A6"].value == "合计"
    assert Decimal(str(sheet["G6"].value)) == Decimal("1201")  # shown with two decimals
    assert sheet["G6"].number_format == "0.00"
    assert sheet["A7"].value == "合计（大写）：壹仟贰佰零壹元整"
    csv_out = tmp_path / "payments.csv"
    write_csv(report, csv_out)
    text = csv_out.read_bytes().decode("gb18030")
    assert "示例村,李䶮,11010119900307001X,1,600.50,0.00,600.50" in text


def test_the_bank_columns_and_the_people_covered_come_from_the_records(tmp_path: Path) -> None:
    paid = _household(1, "李䶮", date(2026, 1, 1))
    paid.members.append(
        Member("m1b", "李小䶮", "110101201003070014", Relation.CHILD, date(2010, 3, 7), Sex.MALE)
    )
    paid.payment = Payment("陕西泾阳农村商业银行", "李䶮", "6217000012345678901", "402")
    paid.benefits[0].covered_members = ["m1"]  # the child is not covered
    whole = _household(2, "赵六", date(2026, 1, 1))
    whole.members.append(
        Member("m2b", "赵小六", "110101201003070022", Relation.CHILD, date(2010, 3, 7), Sex.FEMALE)
    )
    report = payments_report(
        [paid, whole], {"110101001001": "示例村"}, month=Month(2026, 11), unit="示例镇"
    )
    out = tmp_path / "payments.xlsx"
    write_xlsx(report, out)
    sheet = load_workbook(out).active
    assert sheet is not None
    assert [sheet.cell(row=4, column=c).value for c in (4, 8, 9, 10)] == [
        1,
        "李䶮",
        "陕西泾阳农村商业银行",
        "6217000012345678901",
    ]
    assert sheet["J4"].data_type == "s"  # the 19 digits kept as text, not a rounded number
    assert [sheet.cell(row=5, column=c).value for c in (4, 8, 9, 10)] == [2, "", "", ""]
    assert sheet["D6"].value == 3  # persons in the total row
