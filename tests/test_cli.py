"""The command line, run as a user runs it: a real process on real files."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import BASE_HOUSEHOLD


def caseworker(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "caseworker", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    done = caseworker(
        "demo", "--households", "120", "--seed", "4", "--as-of", "2026-11-01", "--db", path
    )
    assert done.returncode == 0, done.stderr
    return path


def test_export_then_import_is_an_exact_round_trip(demo_db: Path, tmp_path: Path) -> None:
    first = tmp_path / "first.json"
    assert caseworker("export", "--db", demo_db, "--out", first).returncode == 0
    other = tmp_path / "other.db"
    imported = caseworker("--db", other, "import", first)
    assert imported.returncode == 0, imported.stderr
    assert "新增120户" in imported.stdout
    second = tmp_path / "second.json"
    assert caseworker("export", "--db", other, "--out", second).returncode == 0
    assert first.read_bytes() == second.read_bytes()
    document = json.loads(first.read_text(encoding="utf-8"))
    assert len(document["households"]) == 120
    assert {r["level"] for r in document["regions"]} == {"county", "township", "village"}


def test_an_export_to_a_file_is_exactly_what_goes_to_the_output(
    demo_db: Path, tmp_path: Path
) -> None:
    for village in ((), ("--village", "610423100201")):
        out = tmp_path / "out.json"
        written = caseworker("export", "--db", demo_db, *village, "--out", out)
        assert written.returncode == 0, written.stderr
        shown = caseworker("export", "--db", demo_db, *village)
        assert out.read_text(encoding="utf-8") == shown.stdout


def test_export_of_one_village(demo_db: Path) -> None:
    done = caseworker("export", "--db", demo_db, "--village", "610423100201")
    document = json.loads(done.stdout)
    assert document["households"]
    assert {h["village_code"] for h in document["households"]} == {"610423100201"}


def test_a_bad_file_is_refused_with_exit_2_and_nothing_is_written(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    caseworker("demo", "--households", "5", "--db", db)
    before = caseworker("export", "--db", db).stdout
    good = dict(BASE_HOUSEHOLD)
    bad = json.loads(json.dumps(BASE_HOUSEHOLD))
    bad["members"][0]["id_number"] = "610423197401080658"
    path = tmp_path / "in.json"
    path.write_text(json.dumps([good, bad], ensure_ascii=False), encoding="utf-8")
    done = caseworker("import", "--db", db, path)
    assert done.returncode == 2
    assert (
        "in.json 第2户（户主张学林）：第1名成员（张学林）的身份证号“610423197401080658”"
        in done.stderr
    )
    assert "member 1 (张学林) › ID number '610423197401080658'" in done.stderr
    assert caseworker("export", "--db", db).stdout == before


def test_an_output_path_that_cannot_be_written_is_said_in_words(
    demo_db: Path, tmp_path: Path
) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("a file where a folder should be")
    done = caseworker("export", "--db", demo_db, "--out", blocked / "out" / "all.json")
    assert done.returncode == 1
    assert f"无法读写“{blocked / 'out'}”：路径中有一项不是文件夹" in done.stderr, done.stderr
    assert "a part of the path is not a folder" in done.stderr
    assert "Traceback" not in done.stderr
    backup = caseworker("backup", "--db", demo_db, "--to", blocked)
    assert backup.returncode == 2
    assert f"备份失败：无法写入“{blocked}”：已有同名的文件" in backup.stderr, backup.stderr
    assert "a file of that name is there already" in backup.stderr
    assert "Errno" not in backup.stderr
    assert blocked.read_text() == "a file where a folder should be"


def test_search_from_the_command_line(demo_db: Path) -> None:
    done = caseworker("search", "zxl", "--db", demo_db)
    assert done.returncode == 0
    assert "张学林" in done.stdout


def test_demo_refuses_to_mix_into_a_store_that_has_households(demo_db: Path) -> None:
    done = caseworker("demo", "--households", "3", "--db", demo_db)
    assert done.returncode == 2
    assert "已有120户" in done.stderr


def test_help_lists_every_sub_command_without_loading_any() -> None:
    from caseworker.commands import SUBCOMMANDS

    listing = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from caseworker.cli import main\n"
            "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
            "print('LOADED', sorted(m for m in sys.modules if m.startswith(('sqlalchemy', "
            "'reportlab', 'caseworker.store', 'caseworker.commands.common'))))",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert listing.returncode == 0, listing.stderr
    for name, (_, words) in SUBCOMMANDS.items():
        assert name in listing.stdout and words.split()[-1] in listing.stdout
    assert "LOADED []" in listing.stdout


def test_a_database_named_like_a_sub_command_is_not_taken_for_one(
    demo_db: Path, tmp_path: Path
) -> None:
    db = tmp_path / "print"
    db.write_bytes(demo_db.read_bytes())
    done = caseworker("--db", db, "search", "张学林")
    assert done.returncode == 0, done.stderr
    assert "张学林" in done.stdout
    done = caseworker("print", "--help")
    assert done.returncode == 0 and "--household" in done.stdout
