"""``caseworker print``, run as a user runs it: a real process on a real store."""

import re
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from caseworker.domain.codes import Stage
from tests.printing.helpers import page_texts

VILLAGE = "610423100201"  # 中街村: 张学林 lives here


def caseworker(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "caseworker", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=180,
    )


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    done = caseworker(
        "demo", "--households", "150", "--seed", "3", "--as-of", "2026-11-01", "--db", path
    )
    assert done.returncode == 0, done.stderr
    return path


@pytest.fixture(scope="module")
def zhang_id(demo_db: Path) -> str:
    found = caseworker("search", "张学林", "--db", demo_db)
    return found.stdout.split()[0]


def test_list_names_the_forms() -> None:
    done = caseworker("print", "--list")
    assert done.returncode == 0
    for name in ("dibao-application", "authorization", "case-file", "publicity"):
        assert name in done.stdout
    assert "家庭经济状况核对授权书" in done.stdout


def test_print_one_form(demo_db: Path, zhang_id: str, tmp_path: Path) -> None:
    out = tmp_path / "application.pdf"
    done = caseworker(
        "print",
        "dibao-application",
        "--household",
        zhang_id,
        "--out",
        out,
        "--date",
        "2026-11-01",
        "--db",
        demo_db,
    )
    assert done.returncode == 0, done.stderr
    text = page_texts(out.read_bytes())[0]
    assert "最低生活保障申请审批表" in text and "户主姓名张学林" in text
    assert "打印日期：2026年11月1日" in text


def test_print_the_case_files_of_a_village_and_its_publicity_list(
    demo_db: Path, tmp_path: Path
) -> None:
    out = tmp_path / "case-files.pdf"
    done = caseworker("print", "case-file", "--village", VILLAGE, "--out", out, "--db", demo_db)
    assert done.returncode == 0, done.stderr
    texts = page_texts(out.read_bytes())
    assert sum("卷内目录" in t for t in texts) >= 2
    assert any("户主姓名张学林" in t for t in texts)
    listing = tmp_path / "publicity.pdf"
    done = caseworker(
        "print",
        "publicity",
        "--village",
        VILLAGE,
        "--out",
        listing,
        "--from",
        "2026-11-02",
        "--db",
        demo_db,
    )
    assert done.returncode == 0, done.stderr
    text = page_texts(listing.read_bytes())[0]
    assert "中街村社会救助对象公示名单" in text and "2026年11月2日至2026年11月8日" in text


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["no-such-form", "--household", "x"], "no form named 'no-such-form'"),
        (["dibao-application", "--household", "no-such-id"], "no household with id"),
        (["dibao-application", "--village", VILLAGE], "needs --household"),
        (["investigation", "--household", "{zhang}"], "no visit"),
        (["notice-approval", "--household", "{zhang}"], "no 'approved' decision"),
        (["case-file"], "exactly one of --household or --village"),
        (["case-file", "--village", "610423100299"], "not a village or township code"),
        (["publicity", "--village", "610423100"], "not a village code"),
        (["publicity", "--village", VILLAGE, "--days", "0"], "at least 1 day"),
        (["notice-approval", "--household", "{zhang}", "--program", "dibaoo"], "program code"),
        ([], "name the form to print"),
    ],
)
def test_bad_input_exits_2_with_a_message_in_both_languages_and_writes_nothing(
    demo_db: Path, zhang_id: str, tmp_path: Path, args: list[str], words: str
) -> None:
    out = tmp_path / "out" / "x.pdf"
    out.parent.mkdir()
    args = [a.replace("{zhang}", zhang_id) for a in args]
    done = caseworker("print", *args, "--out", out, "--db", demo_db)
    assert done.returncode == 2, done.stderr
    assert "错误" in done.stderr and words in done.stderr
    assert list(out.parent.iterdir()) == []


def test_an_output_path_that_is_a_folder_is_refused(
    demo_db: Path, zhang_id: str, tmp_path: Path
) -> None:
    done = caseworker(
        "print", "authorization", "--household", zhang_id, "--out", tmp_path, "--db", demo_db
    )
    assert done.returncode == 2
    assert "folder" in done.stderr and "文件夹" in done.stderr


def test_an_output_file_that_cannot_be_written_is_reported(
    demo_db: Path, zhang_id: str, tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    out = blocker / "x.pdf"
    done = caseworker(
        "print", "authorization", "--household", zhang_id, "--out", out, "--db", demo_db
    )
    assert done.returncode == 1
    assert "无法写入文件" in done.stderr and "cannot write" in done.stderr
    assert "Traceback" not in done.stderr


def test_an_applicants_form_and_case_file_name_the_program_applied_for(
    demo_db: Path, tmp_path: Path
) -> None:
    """As a new user found it: a household that has applied for Dibao (and receives
    nothing yet) gets its application form and case file with the program in words."""
    with closing(sqlite3.connect(demo_db)) as db:
        household_id, stage = db.execute(
            "SELECT household_id, stage FROM application WHERE program = 'dibao' AND NOT "
            "EXISTS (SELECT 1 FROM benefit b WHERE b.household_id = application.household_id)"
        ).fetchone()
    texts = []
    for form in ("dibao-application", "case-file"):
        out = tmp_path / f"{form}.pdf"
        done = caseworker("print", form, "--household", household_id, "--out", out, "--db", demo_db)
        assert done.returncode == 0, done.stderr
        texts.append(page_texts(out.read_bytes()))
    application, cover = texts[0][0], texts[1][0]
    assert "申请类别最低生活保障分类施保类别" in application
    assert f"救助项目最低生活保障（{Stage(stage).zh}）档案编号" in cover
    for text in (application, cover):
        assert re.search(r"[a-z]{2,}|[\[\]{}_]", text) is None, text
