"""Importing rosters (.xlsx, .xls, .csv) as a village clerk has them: through the real
command, into real store files; each problem said at its sheet, row and column; nothing
written unless everything is right; a roster ends up exactly as the same households
imported from JSON."""

import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from caseworker.demo.generator import generate_households
from caseworker.demo.places import demo_regions
from caseworker.demo.rosters import roster_objects, roster_rows, write_roster_xlsx
from caseworker.domain.idnumber import check_character
from caseworker.interchange.household_format import household_to_dict
from caseworker.store.db import open_store
from caseworker.store.households import count_households, iter_households
from caseworker.store.regions import add_regions

FIXTURES = Path(__file__).parent.parent / "fixtures" / "sheets"
HEAD = "610423197401080657"  # 张学林, born 1974-01-08
MOTHER = "11010519491231002X"
PERSON_HEADERS = ["户主身份证号", "姓名", "身份证号码", "性别", "民族", "与户主关系", "村",
                  "住址", "保障类别", "户月保障金", "纳入时间", "电话", "户籍性质"]  # fmt: skip


def an_id(first17: str) -> str:
    return first17 + check_character(first17)


def new_store(path: Path) -> Path:
    store = open_store(path)
    with store.begin() as conn:
        add_regions(conn, demo_regions())
    store.close()
    return path


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "caseworker", "import", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=600,
    )


def stored(db: Path) -> list[dict[str, Any]]:
    """Every stored household as the format writes it, without its made-up ids."""
    store = open_store(db)
    try:
        with store.read() as conn:
            out = [household_to_dict(h) for h in iter_households(conn)]
    finally:
        store.close()
    for h in out:
        del h["id"]
        for m in h["members"]:
            del m["id"]
        for b in h["benefits"]:
            del b["id"]
    return sorted(out, key=lambda h: h["members"][0]["id_number"])


def household_count(db: Path) -> int:
    store = open_store(db)
    try:
        with store.read() as conn:
            return count_households(conn)
    finally:
        store.close()


def xlsx(path: Path, rows: list[list[Any]], sheet: str = "Sheet1") -> Path:
    write_roster_xlsx(path, rows, sheet=sheet)
    return path


def person_rows(*rows: list[Any]) -> list[list[Any]]:
    """A roster with a title row; each row's 户籍性质 is 农村 unless it gives its own."""
    rows_ = [[*r, "农村"] if len(r) == len(PERSON_HEADERS) - 1 else r for r in rows]
    return [["中街村低保花名册（每人一行）"], PERSON_HEADERS, *rows_]


def refused(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 2, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    return done.stderr


FAMILY = [
    [HEAD, "张学林", HEAD, "男", "汉", "户主", "中街村", "三组18号", "农村低保A类", 900,
     "2019-01-01", "13900000000"],
    [HEAD, "王桂芝", MOTHER, "女", "汉", "母亲", "", "", "", "", "", ""],
]  # fmt: skip


def test_a_per_person_roster_is_imported_and_its_choices_are_reported(tmp_path: Path) -> None:
    db = new_store(tmp_path / "s.db")
    done = run(xlsx(tmp_path / "r.xlsx", person_rows(*FAMILY)), "--db", db)
    assert done.returncode == 0, done.stderr
    assert "对照表：roster-per-person（每人一行的花名册，按表头自动选择）" in done.stdout
    assert "表头在第2行" in done.stdout
    assert "不导入的列（本系统暂无此项）：民族、电话" in done.stdout
    assert "新增1户" in done.stdout
    [household] = stored(db)
    assert household["village_code"] == "610423100201" and household["hukou"] == "rural"
    assert [(m["name"], m["relation"]) for m in household["members"]] == [
        ("张学林", "head"),
        ("王桂芝", "parent"),
    ]
    assert household["benefits"] == [
        {"program": "dibao", "since": "2019-01-01", "category": "A", "monthly_yuan": "900.00",
         "exit_until": None}
    ]  # fmt: skip


def test_a_roster_ends_up_exactly_as_the_same_households_from_json(tmp_path: Path) -> None:
    households = generate_households(60, seed=3)
    names = {r.code: r.name for r in demo_regions()}
    sheet_db, json_db = new_store(tmp_path / "sheet.db"), new_store(tmp_path / "json.db")
    roster = xlsx(tmp_path / "roster.xlsx", roster_rows(households, names))
    document = tmp_path / "same.json"
    document.write_text(json.dumps(roster_objects(households), ensure_ascii=False))
    assert run(roster, "--db", sheet_db).returncode == 0
    assert run(document, "--db", json_db).returncode == 0
    assert stored(sheet_db) == stored(json_db)
    assert len(stored(sheet_db)) == 60


def test_the_xls_fixture_per_household_with_rare_characters(tmp_path: Path) -> None:
    db = new_store(tmp_path / "s.db")
    done = run(FIXTURES / "roster-per-household.xls", "--db", db)
    assert done.returncode == 0, done.stderr
    assert "roster-per-household（每户一行的花名册，按表头自动选择）" in done.stdout
    first, second = stored(db)
    assert [m["name"] for m in second["members"]] == ["李䶮", "𠮷娜", "赵四"]
    assert [m["relation"] for m in second["members"]] == ["head", "child", "parent"]
    assert second["benefits"][0]["monthly_yuan"] == "1260.50"
    assert second["benefits"][0]["since"] == "2019-03-01"  # 2019.03: the month's first day
    assert second["benefits"][0]["category"] == "A"  # 一类
    assert [m["name"] for m in first["members"]] == ["张学林", "王桂芝"]


def test_an_id_number_excel_turned_into_a_number_is_named_as_such(tmp_path: Path) -> None:
    db = new_store(tmp_path / "s.db")
    said = refused(run(FIXTURES / "roster-per-household.xls", "--sheet", "有错的表", "--db", db))
    assert (
        "有错的表 第3行 “身份证号码”“6.104231974010807e+17”：身份证号被Excel存成了数字，"
        "请把该列设为文本后重新导出" in said
    )
    assert "stored by Excel as a number" in said and "未写入任何数据" in said
    # In an .xlsx too, and in a CSV that Excel saved with the number as it showed it.
    row = [HEAD, "张学林", float(HEAD), "男", "汉", "户主", "中街村", "三组18号", "", "", "", ""]
    said = refused(run(xlsx(tmp_path / "f.xlsx", person_rows(row)), "--db", db))
    assert "Sheet1 第3行 “身份证号码”“6.104231974010807e+17”：身份证号被Excel存成了数字" in said
    csv = tmp_path / "f.csv"
    row = [HEAD, "张学林", "6.10423E+17", "男", "汉", "户主", "中街村", "三组18号"]
    row += [""] * (len(PERSON_HEADERS) - len(row))
    csv.write_text(",".join(PERSON_HEADERS) + "\n" + ",".join(row) + "\n", encoding="utf-8")
    said = refused(run(csv, "--db", db))
    assert "f.csv 第2行 “身份证号码”“6.10423E+17”：身份证号被Excel存成了数字" in said
    assert household_count(db) == 0


def test_an_account_from_the_roster_and_one_excel_turned_into_a_number(tmp_path: Path) -> None:
    headers = [*PERSON_HEADERS, "开户银行", "账户名称", "账号", "低保证号"]
    account = ["陕西泾阳农村商业银行", "张学林", "'6217000012345678901", "泾民低字〔2019〕0007号"]
    head, mother = FAMILY[0] + ["农村", *account], FAMILY[1] + ["", "", "", "", ""]
    db = new_store(tmp_path / "s.db")
    done = run(xlsx(tmp_path / "a.xlsx", [headers, head, mother]), "--db", db)
    assert done.returncode == 0, done.stderr
    [household] = stored(db)
    assert household["payment"] == {
        "bank_code": "",
        "bank_name": "陕西泾阳农村商业银行",
        "account_name": "张学林",
        "account_number": "6217000012345678901",  # the apostrophe that kept it text dropped
    }
    assert household["benefits"][0]["certificate_number"] == "泾民低字〔2019〕0007号"
    # A roster's total rows under the households are not households.
    totals = [["合计", "1户", "", "", "", "", "", "", "", 900], ["合计（大写）：玖佰元整"]]
    sheet = xlsx(tmp_path / "t.xlsx", [headers, head, mother, *totals])
    done = run(sheet, "--db", new_store(tmp_path / "totals.db"))
    assert done.returncode == 0 and "新增1户" in done.stdout, done.stdout + done.stderr
    # The same account saved by Excel as a number has lost its last digits: said, not kept.
    head[-2] = 6217000012345678901.0
    said = refused(
        run(
            xlsx(tmp_path / "b.xlsx", [headers, head, mother]), "--db", new_store(tmp_path / "t.db")
        )
    )
    assert "Sheet1 第2行 “账号”“6.217000012345679e+18”：银行账号被Excel存成了数字" in said
    # An account number without a bank is asked for at the bank's cell.
    head[-2], head[-4] = "6217000012345678901", ""
    said = refused(
        run(
            xlsx(tmp_path / "c.xlsx", [headers, head, mother]), "--db", new_store(tmp_path / "u.db")
        )
    )
    assert "Sheet1 第2行 “开户银行”" in said and "必须填写" in said


@pytest.mark.parametrize(
    ("encoding", "bom", "reported"),
    [("gb18030", b"", "GBK（GB18030）"), ("utf-8", b"\xef\xbb\xbf", "UTF-8（带BOM）"),
     ("utf-8", b"", "文件编码：UTF-8\n")],
)  # fmt: skip
def test_csv_encodings_are_found_and_reported(
    tmp_path: Path, encoding: str, bom: bytes, reported: str
) -> None:
    db = new_store(tmp_path / "s.db")
    son = an_id("61042320050101001")
    lines = [
        PERSON_HEADERS,
        *FAMILY,
        [HEAD, "张䶮𠮷", son, "男", "汉", "子", "", "", "", "", "", ""],
    ]
    csv = tmp_path / "roster.csv"
    csv.write_bytes(bom + "\r\n".join(",".join(map(str, r)) for r in lines).encode(encoding))
    done = run(csv, "--db", db)
    assert done.returncode == 0, done.stderr
    assert reported in done.stdout
    [household] = stored(db)
    assert household["members"][2]["name"] == "张䶮𠮷"  # a rare character GBK lacks


def test_a_file_in_no_known_encoding_is_refused(tmp_path: Path) -> None:
    db = new_store(tmp_path / "s.db")
    csv = tmp_path / "odd.csv"
    csv.write_bytes("姓名,身份证号码\n".encode("utf-16"))
    said = refused(run(csv, "--db", db))
    assert "既不是UTF-8也不是GBK（GB18030）编码" in said


def test_every_problem_is_said_at_its_cell_and_nothing_is_written(tmp_path: Path) -> None:
    db = new_store(tmp_path / "s.db")
    other = an_id("61042319800202003")
    rows = person_rows(
        [HEAD, "张学林", HEAD, "男", "汉", "户主", "中街村", "三组18号", "农村低保", "九百",
         "2019-13-01", ""],
        [HEAD, "王桂芝", MOTHER, "女", "汉", "邻居", "", "", "", "", "", ""],
        [HEAD, "", an_id("61042320050101001"), "男", "汉", "子", "", "", "", "", "", ""],
        [other, "李四", other[:17] + ("0" if other[17] != "0" else "1"), "女", "汉", "户主",
         "火星村", "一组", "", "", "", ""],
        [MOTHER, "王桂芝", MOTHER, "女", "汉", "户主", "中街村", "一组", "", "", "", ""],
        [an_id("61042319550505001"), "赵四", an_id("61042319550505001"), "男", "汉", "子",
         "中街村", "二组", "", "", "", ""],
    )  # fmt: skip
    said = refused(run(xlsx(tmp_path / "bad.xlsx", rows), "--db", db))
    for expected in (
        "Sheet1 第3行 “户月保障金”“九百”：应为金额（元）",
        "Sheet1 第3行 “纳入时间”“2019-13-01”：不是有效日期（应写成2020-01-02）",
        "Sheet1 第4行 “与户主关系”“邻居”：不是可识别的与户主关系（可填：户主、配偶",
        "Sheet1 第5行 “姓名”：必须填写",
        "Sheet1 第6行 “身份证号码”",  # a wrong check character
        "Sheet1 第6行 “村”“火星村”：不是本地已登记的村（社区）",
        "Sheet1 第7行 “身份证号码”“11010519491231002X”：与第4行的身份证号相同",
        "Sheet1 第8行：家庭成员：没有户主",  # a household without a head
    ):
        assert expected in said, expected
    assert "column '户月保障金'" in said  # and in English
    assert household_count(db) == 0


def test_people_already_registered_are_refused_at_their_cell(tmp_path: Path) -> None:
    db = new_store(tmp_path / "s.db")
    assert run(xlsx(tmp_path / "a.xlsx", person_rows(*FAMILY)), "--db", db).returncode == 0
    said = refused(run(xlsx(tmp_path / "b.xlsx", person_rows(*FAMILY)), "--db", db))
    assert "Sheet1 第3行 “身份证号码”“610423197401080657”：此人已登记在户主张学林的家庭中" in said
    assert household_count(db) == 1


def test_near_duplicates_are_shown_and_imported_only_when_confirmed(tmp_path: Path) -> None:
    db = new_store(tmp_path / "s.db")
    assert run(xlsx(tmp_path / "a.xlsx", person_rows(*FAMILY)), "--db", db).returncode == 0
    twin = an_id("61042319740108081")  # born the same day, another ID number
    row = [twin, "张雪林", twin, "男", "汉", "户主", "中街村", "五组", "", "", "", ""]
    roster = xlsx(tmp_path / "b.xlsx", person_rows(row))
    said = refused(run(roster, "--db", db))
    assert "疑似重复1处" in said
    assert "Sheet1 第3行 张雪林（" in said and "已登记（户主张学林的家庭） 张学林" in said
    assert "姓名读音相近、出生日期相同（1974-01-08），身份证号不同：可能是同一人" in said
    assert "--confirm-duplicates" in said and household_count(db) == 1
    done = run(roster, "--db", db, "--confirm-duplicates")
    assert done.returncode == 0, done.stderr
    assert "已确认不是同一人" in done.stdout and household_count(db) == 2


def test_a_dry_run_writes_nothing(tmp_path: Path) -> None:
    db = new_store(tmp_path / "s.db")
    done = run(xlsx(tmp_path / "a.xlsx", person_rows(*FAMILY)), "--db", db, "--dry-run")
    assert done.returncode == 0 and "检查完毕（未写入）：可导入1户" in done.stdout
    assert household_count(db) == 0


def test_a_countys_own_mapping_file(tmp_path: Path) -> None:
    mapping = tmp_path / "ours.yaml"
    mapping.write_text(
        "name: ours\nlayout: per-person\nhousehold_key: [FamilyNo]\n"
        "household: {address: [Addr], hukou: [Kind]}\n"
        "member: {name: [Name], id_number: [IDNo], relation: [Rel]}\n"
        "values: {hukou: {R: rural}, relation: {H: head, M: parent}}\n",
        encoding="utf-8",
    )
    rows = [
        ["FamilyNo", "Name", "IDNo", "Rel", "Addr", "Kind"],
        ["7", "张学林", HEAD, "H", "三组18号", "R"],
        ["7", "王桂芝", MOTHER, "M", "", ""],
    ]
    db = new_store(tmp_path / "s.db")
    done = run(xlsx(tmp_path / "en.xlsx", rows), "--mapping", mapping, "--village", "中街村",
               "--db", db)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "对照表：ours（ours，指定）" in done.stdout
    assert [m["relation"] for m in stored(db)[0]["members"]] == ["head", "parent"]
    mapping.write_text("name: broken\nlayout: sideways\nhousehold: {hair: [Colour]}\n")
    said = refused(run(xlsx(tmp_path / "en2.xlsx", rows), "--mapping", mapping, "--db", db))
    assert "对照表ours.yaml的“layout”" in said and "对照表ours.yaml的“household.hair”" in said


def test_unknown_headers_and_a_missing_village_are_explained(tmp_path: Path) -> None:
    db = new_store(tmp_path / "s.db")
    said = refused(run(xlsx(tmp_path / "x.xlsx", [["甲", "乙"], ["1", "2"]]), "--db", db))
    assert "没有找到可识别的表头" in said and "第1行是：甲、乙" in said
    headers = [h for h in PERSON_HEADERS if h != "村"]
    family = person_rows(FAMILY[0])[2]
    rows = [headers, [r for h, r in zip(PERSON_HEADERS, family, strict=True) if h != "村"]]
    said = refused(run(xlsx(tmp_path / "y.xlsx", rows), "--db", db))
    assert "表中没有“村”或“村代码”一列" in said and "--village" in said
    assert run(tmp_path / "y.xlsx", "--village", "610423100201", "--db", db).returncode == 0


def test_very_many_problems_are_capped(tmp_path: Path) -> None:
    db = new_store(tmp_path / "s.db")
    rows = [[str(i), "张三", float(HEAD), "男", "汉", "户主", "中街村", "一组", "", "", "", ""]
            for i in range(300)]  # fmt: skip
    said = refused(run(xlsx(tmp_path / "many.xlsx", person_rows(*rows)), "--db", db))
    assert "发现300处问题" in said and "另有200处问题未列出" in said
    assert len(said.splitlines()) < 220


def test_a_5000_row_roster(tmp_path: Path) -> None:
    households = generate_households(2200, seed=5)
    names = {r.code: r.name for r in demo_regions()}
    rows = roster_rows(households, names)
    while len(rows) - 1 > 5000:
        households.pop()
        rows = roster_rows(households, names)
    assert len(rows) - 1 >= 4990
    db = new_store(tmp_path / "s.db")
    start = time.perf_counter()
    done = run(xlsx(tmp_path / "big.xlsx", rows), "--db", db)
    assert done.returncode == 0, done.stderr
    assert time.perf_counter() - start < 60
    assert household_count(db) == len(households)
