"""``caseworker export --report`` run as a user runs it, on a real demo store."""

from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.test_cli import caseworker


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    done = caseworker(
        "demo", "--households", "60", "--seed", "4", "--as-of", "2026-11-01", "--db", path
    )
    assert done.returncode == 0, done.stderr
    return path


def test_payment_list_of_a_township_as_xlsx_and_gb18030_csv(demo_db: Path, tmp_path: Path) -> None:
    xlsx = tmp_path / "payments.xlsx"
    done = caseworker(
        "export", "--db", demo_db, "--report", "payments", "--month", "2026-11",
        "--township", "610423100", "--format", "xlsx", "--out", xlsx,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    sheet = load_workbook(xlsx).active
    assert sheet is not None
    assert sheet["A3"].value == "属地"
    last = sheet.max_row
    assert str(sheet.cell(row=last, column=1).value).startswith("合计（大写）：")
    ids = [sheet.cell(row=r, column=3).value for r in range(4, last - 1)]
    assert ids and all(isinstance(v, str) and len(v) == 18 for v in ids)
    csv_file = tmp_path / "payments.csv"
    done = caseworker(
        "export", "--db", demo_db, "--report", "payments", "--month", "2026-11",
        "--township", "610423100", "--format", "csv", "--out", csv_file,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    lines = csv_file.read_bytes().decode("gb18030").splitlines()
    assert lines[2].startswith("属地,姓名,身份证号")
    assert len(lines) == last


def test_a_bad_month_is_refused_in_both_languages(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.xlsx"
    done = caseworker(
        "export", "--db", demo_db, "--report", "payments", "--month", "2026-13", "--out", out
    )
    assert done.returncode == 2
    assert "2026-13" in done.stderr and "月份" in done.stderr and "month" in done.stderr
    assert not out.exists()


def test_change_report_from_the_command(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "changes.csv"
    done = caseworker(
        "export", "--db", demo_db, "--report", "changes", "--month", "2026-11",
        "--format", "csv", "--out", out,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    lines = out.read_bytes().decode("gb18030").splitlines()
    assert lines[2] == "变动种类,户数,人数,变动金额"
    assert [line.split(",")[0] for line in lines[4:8]] == ["新增", "停发", "增发", "减发"]


def test_roster_lists_every_member_with_id_numbers_as_text(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "roster.xlsx"
    done = caseworker(
        "export", "--db", demo_db, "--report", "roster", "--month", "2026-11",
        "--village", "610423100201", "--out", out,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    sheet = load_workbook(out).active
    assert sheet is not None
    headers = [c.value for c in sheet[3]]
    assert headers[:3] == ["属地", "户主姓名", "身份证号码"]
    assert "成员1身份证号" in headers
    first = [c.value for c in sheet[4]]
    assert first[0] == "中街村"
    member_ids = [v for h, v in zip(headers, first, strict=True) if str(h).endswith("身份证号")]
    assert member_ids[0] == first[2]  # the head is the first member
    assert all(isinstance(v, str) for v in member_ids if v)
    assert sheet.cell(row=sheet.max_row - 1, column=1).value == "合计"
