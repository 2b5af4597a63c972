"""``caseworker export --report`` run as a user runs it, on a real demo store."""

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from caseworker.demo.generator import generate_households
from caseworker.domain.codes import MONTHLY_PROGRAMS
from caseworker.interchange.household_format import household_to_dict
from tests.importing.test_spreadsheets import new_store
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


def test_publicity_list_of_a_village_holds_no_id_or_account_number(
    demo_db: Path, tmp_path: Path
) -> None:
    out = tmp_path / "publicity.csv"
    done = caseworker(
        "export", "--db", demo_db, "--report", "publicity", "--month", "2026-11",
        "--village", "610423100201", "--format", "csv", "--encoding", "utf-8-sig", "--out", out,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    text = out.read_bytes().decode("utf-8-sig")
    lines = text.splitlines()
    assert lines[0].startswith("城乡低保等救助对象公示名单")
    assert "属地,户主姓名,保障人数,保障类别,月保障金" in lines
    assert any(line.startswith("中街村,") for line in lines)
    assert not re.search(r"\d{15,}", text)  # neither an ID number nor an account
    # A village not in the store is refused, naming it, and nothing is written.
    missing = tmp_path / "none.xlsx"
    done = caseworker(
        "export", "--db", demo_db, "--report", "publicity", "--month", "2026-11",
        "--village", "610423999999", "--out", missing,
    )  # fmt: skip
    assert done.returncode == 2 and "610423999999" in done.stderr and not missing.exists()


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
    assert "成员1与户主关系" in headers
    first = [c.value for c in sheet[4]]
    assert first[0] == "中街村"
    member_ids = [v for h, v in zip(headers, first, strict=True) if str(h).endswith("身份证号")]
    assert first[2] not in member_ids  # the head has the columns of its own
    assert all(isinstance(v, str) for v in member_ids if v)
    assert sheet.cell(row=sheet.max_row - 1, column=1).value == "合计"


def roster_content(household: dict[str, Any]) -> dict[str, Any]:
    """What a roster carries of a household (the head and the members by name, ID number
    and relation; the paid benefit; the account without the bank's code)."""
    benefit = household["benefits"][0]
    kept = {"program", "category", "since", "monthly_yuan", "certificate_number"}
    out = {
        "format": household["format"],
        "village_code": household["village_code"],
        "address": household["address"],
        "hukou": household["hukou"],
        "members": [
            {k: m[k] for k in ("name", "id_number", "relation")} for m in household["members"]
        ],
        "benefits": [{k: v for k, v in benefit.items() if k in kept and v is not None}],
    }
    if "payment" in household:
        out["payment"] = {**household["payment"], "bank_code": ""}
    return out


def exported(db: Path, out: Path) -> list[dict[str, Any]]:
    """The households of a store as ``caseworker export`` writes them, ids left out."""
    done = caseworker("export", "--db", db, "--out", out)
    assert done.returncode == 0, done.stderr
    households = json.loads(out.read_text(encoding="utf-8"))["households"]
    for h in households:
        del h["id"]
        for part in (*h["members"], *h["benefits"]):
            del part["id"]
    return sorted(households, key=lambda h: h["members"][0]["id_number"])


def test_a_roster_exported_as_xlsx_imports_back_as_the_same_households(tmp_path: Path) -> None:
    month_start = date(2026, 11, 1)
    households = [
        roster_content(household_to_dict(h))
        for h in generate_households(120, seed=6, as_of=month_start)
        if len(h.benefits) == 1
        and h.benefits[0].program in MONTHLY_PROGRAMS
        and h.benefits[0].since <= month_start
        and h.benefits[0].exit_until is None
    ]
    assert len(households) > 20 and any("payment" in h for h in households)
    original, copy = new_store(tmp_path / "original.db"), new_store(tmp_path / "copy.db")
    source = tmp_path / "households.json"
    source.write_text(json.dumps(households, ensure_ascii=False), encoding="utf-8")
    assert caseworker("import", source, "--db", original).returncode == 0
    roster = tmp_path / "roster.xlsx"
    done = caseworker(
        "export", "--db", original, "--report", "roster", "--month", "2026-11", "--out", roster
    )
    assert done.returncode == 0, done.stderr
    done = caseworker("import", roster, "--mapping", "roster-per-household", "--db", copy)
    assert done.returncode == 0, done.stdout + done.stderr
    assert exported(copy, tmp_path / "copy.json") == exported(original, tmp_path / "a.json")
