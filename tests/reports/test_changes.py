"""The monthly change report, from benefits and the county's recorded decisions."""

from datetime import date
from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook

from caseworker.domain.codes import Hukou, Program, Relation, Sex, Stage
from caseworker.domain.records import Application, Benefit, Household, Member, StageEntry
from caseworker.reports.changes import changes_report
from caseworker.reports.history import Month
from caseworker.reports.sheets import write_csv, write_xlsx

NOVEMBER = Month(2026, 11)


def _household(number: int, size: int = 1) -> Household:
    members = [
        Member(
            id=f"m{number}-{i}",
            name=f"成员{i}",
            id_number=f"1101011990030{number:02d}{i:02d}X",
            relation=Relation.HEAD if i == 0 else Relation.CHILD,
            birth_date=date(1990, 3, 7),
            sex=Sex.MALE,
        )
        for i in range(size)
    ]
    return Household(f"h{number}", "610423100201", "示例村", Hukou.RURAL, members)


def _review(decision: Stage, on: date, before_fen: int, after_fen: int | None) -> Application:
    return Application(
        "a",
        Program.DIBAO,
        [
            StageEntry("e0", Stage.REVIEW, date(2026, 9, 1), amount_fen=before_fen),
            StageEntry("e1", decision, on, amount_fen=after_fen),
        ],
    )


def _households() -> list[Household]:
    steady = _household(1, size=2)
    steady.benefits = [Benefit("b", Program.DIBAO, date(2025, 1, 1), 50000)]
    new = _household(2, size=3)  # approved in October, paid from November
    new.applications = [
        Application(
            "a",
            Program.DIBAO,
            [
                StageEntry("e0", Stage.APPLIED, date(2026, 9, 1)),
                StageEntry("e1", Stage.APPROVED, date(2026, 10, 20), amount_fen=90000),
            ],
        )
    ]
    new.benefits = [Benefit("b", Program.DIBAO, date(2026, 11, 1), 90000)]
    stopped = _household(3, size=4)  # stopped in October: no longer listed
    stopped.applications = [_review(Stage.STOPPED, date(2026, 10, 15), 120000, None)]
    raised = _household(4)
    raised.benefits = [Benefit("b", Program.DIBAO, date(2024, 1, 1), 70000)]
    raised.applications = [_review(Stage.CHANGED, date(2026, 10, 15), 60000, 70000)]
    lowered = _household(5, size=2)
    lowered.benefits = [Benefit("b", Program.DIBAO, date(2024, 1, 1), 30000)]
    lowered.applications = [_review(Stage.CHANGED, date(2026, 10, 3), 45050, 30000)]
    later = _household(6)  # changed in November: takes effect in December
    later.benefits = [Benefit("b", Program.DIBAO, date(2024, 1, 1), 10000)]
    later.applications = [_review(Stage.CHANGED, date(2026, 11, 3), 20000, 10000)]
    return [steady, new, stopped, raised, lowered, later]


def test_change_report_counts_each_kind(tmp_path: Path) -> None:
    report = changes_report(_households(), month=NOVEMBER, unit="云阳镇")
    out = tmp_path / "changes.xlsx"
    write_xlsx(report, out)
    sheet = load_workbook(out).active
    assert sheet is not None
    rows = {
        sheet.cell(row=r, column=1).value: (
            sheet.cell(row=r, column=2).value,
            sheet.cell(row=r, column=3).value,
            Decimal(str(sheet.cell(row=r, column=4).value)).quantize(Decimal("0.01")),
        )
        for r in range(4, 10)
    }
    assert rows["新增"] == (1, 3, Decimal("900.00"))
    assert rows["停发"] == (1, 4, Decimal("1200.00"))
    assert rows["增发"] == (1, 1, Decimal("100.00"))
    assert rows["减发"] == (1, 2, Decimal("150.50"))
    # October: steady 500 + stopped 1200 + raised 600 + lowered 450.50 + later 200
    assert rows["上月（2026年10月）发放"] == (5, 10, Decimal("2950.50"))
    # November: steady 500 + new 900 + raised 700 + lowered 300 + later 200 (still)
    assert rows["本月（2026年11月）发放"] == (5, 9, Decimal("2600.00"))
    assert sheet["A10"].value == "合计（大写）：本月发放贰仟陆佰元整"
    csv_out = tmp_path / "changes.csv"
    write_csv(report, csv_out, encoding="utf-8-sig")
    raw = csv_out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert "减发,1,2,150.50" in raw.decode("utf-8-sig")
