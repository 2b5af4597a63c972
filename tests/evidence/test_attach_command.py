"""``caseworker attach`` run as a specialist runs it, on a real store: through the
command line's entry point (one run in a process of its own)."""

import subprocess
import sys
from collections.abc import Callable
from copy import deepcopy
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pytest

from caseworker.cli import main
from caseworker.demo.places import demo_regions
from caseworker.domain.validation import BEIJING_TIME
from caseworker.interchange.household_format import parse_household
from caseworker.store.db import open_store
from caseworker.store.households import save_household
from caseworker.store.regions import add_regions
from tests.conftest import BASE_HOUSEHOLD
from tests.evidence.makers import pdf_bytes, photo_bytes, png_bytes, write

ID_NUMBER = "610423197401080657"  # 张学林, the head of the household in BASE_HOUSEHOLD


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def caseworker(capsys: pytest.CaptureFixture[str]) -> Callable[..., Run]:
    """``caseworker ARGS`` through ``caseworker.cli.main``: exit status and output."""

    def run(*args: str | Path) -> Run:
        status = main([str(a) for a in args])
        out, err = capsys.readouterr()
        return Run(status, out, err)

    return run


def test_the_command_runs_in_a_process_of_its_own(db: tuple[Path, str]) -> None:
    path, household = db
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "caseworker",
            "attach",
            "list",
            "--household",
            household,
            "--db",
            str(path),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "暂无证明材料" in done.stdout


@pytest.fixture
def db(tmp_path: Path) -> tuple[Path, str]:
    """A store (closed) with one household, and the household's id."""
    path = tmp_path / "store.db"
    store = open_store(path)
    with store.begin() as conn:
        add_regions(conn, demo_regions())
    household = parse_household(deepcopy(BASE_HOUSEHOLD))
    save_household(store, household)
    store.close()
    return path, household.id


def listing(
    caseworker: Callable[..., Run], path: Path, household: str, *more: str
) -> list[list[str]]:
    done = caseworker("attach", "list", "--household", household, "--db", path, *more)
    assert done.returncode == 0, done.stderr
    return [line.split("\t") for line in done.stdout.splitlines()[1:]]


def test_add_list_export_and_remove(
    caseworker: Callable[..., Run], db: tuple[Path, str], tmp_path: Path
) -> None:
    path, household = db
    photo = write(tmp_path, "IMG_0001.jpg", photo_bytes(taken="2026:11:20 10:00:00"))
    scan = write(tmp_path, "scan.pdf", pdf_bytes(2))
    added = caseworker(
        "attach", "add", photo, "--household", household, "--member", ID_NUMBER,
        "--kind", "id_card", "--note", "正反面", "--db", path,
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    assert "居民身份证　张学林　2026-11-20" in added.stdout
    added = caseworker(
        "attach", "add", scan, "--household", household, "--kind", "income_proof",
        "--date", "2026-11-02", "--db", path,
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    rows = listing(caseworker, path, household)
    assert [r[1:5] for r in rows] == [
        ["居民身份证", "张学林", "2026-11-20", "1"],
        ["收入证明", "全户", "2026-11-02", "2"],
    ]
    assert rows[0][6] == "正反面"
    out = tmp_path / "out"
    exported = caseworker("attach", "export", "--household", household, "--out", out, "--db", path)
    assert exported.returncode == 0, exported.stderr
    names = sorted(p.name for p in out.iterdir())
    assert names == ["01-居民身份证-张学林-2026-11-20.jpg", "02-收入证明-全户-2026-11-02.pdf"]
    assert (out / names[1]).read_bytes() == scan.read_bytes()  # decrypted, as it came
    assert (out / names[0]).read_bytes()[:3] == b"\xff\xd8\xff"
    # Exporting again never overwrites what is there.
    before = (out / names[0]).read_bytes()
    (out / names[0]).write_bytes(b"mine")
    again = caseworker("attach", "export", "--household", household, "--out", out, "--db", path)
    assert again.returncode == 2 and names[0] in again.stderr
    assert (out / names[0]).read_bytes() == b"mine" and before
    assert sorted(p.name for p in out.iterdir()) == names  # no temporary file left
    refused = caseworker("attach", "remove", rows[0][0], "--reason", "", "--db", path)
    assert refused.returncode == 2 and "请写明移除原因" in refused.stderr
    removed = caseworker("attach", "remove", rows[0][0], "--reason", "照片模糊", "--db", path)
    assert removed.returncode == 0, removed.stderr
    assert [r[1] for r in listing(caseworker, path, household)] == ["收入证明"]
    every = listing(caseworker, path, household, "--all")
    assert len(every) == 2 and "已移除：照片模糊" in every[0][6]


def test_refusals_name_the_field_and_write_nothing(
    caseworker: Callable[..., Run], db: tuple[Path, str], tmp_path: Path
) -> None:
    path, household = db
    good = write(tmp_path, "good.jpg", photo_bytes())
    png = png_bytes()
    cut = write(tmp_path, "cut.png", png[: len(png) // 2])
    before = path.read_bytes()

    def today() -> str:  # Beijing's, as the store checks it
        return datetime.now(BEIJING_TIME).date().isoformat()

    cases = [
        (["--kind", "passport"], "材料种类“passport”不存在", "id_card（居民身份证）"),
        (
            ["--kind", "hukou", "--member", "610423197401080658"],
            "身份证号为“610423197401080658”",
            "no member",
        ),
        (
            ["--kind", "hukou", "--date", "2099-01-01"],
            f"拍摄/出具日期“2099-01-01”不能晚于今天（今天是{today()}）。未添加任何文件",
            f"the date taken or issued '2099-01-01' cannot be in the future (today is {today()})",
        ),
    ]
    for extra, zh, en in cases:
        done = caseworker("attach", "add", good, "--household", household, *extra, "--db", path)
        assert done.returncode == 2 and zh in done.stderr and en in done.stderr
    done = caseworker(
        "attach", "add", good, "--household", "no-such", "--kind", "hukou", "--db", path
    )
    assert done.returncode == 2 and "没有编号为“no-such”的家庭" in done.stderr
    done = caseworker(
        "attach", "add", good, cut, "--household", household, "--kind", "hukou", "--db", path
    )
    assert done.returncode == 2
    assert "文件“cut.png”已损坏或不完整" in done.stderr and "No file was added" in done.stderr
    gone = tmp_path / "gone.jpg"
    done = caseworker(
        "attach", "add", good, gone, tmp_path, "--household", household, "--kind", "hukou",
        "--db", path,
    )  # fmt: skip
    assert done.returncode == 2
    assert "文件“gone.jpg”无法读取：找不到这个文件或文件夹" in done.stderr
    assert f"文件“{tmp_path.name}”无法读取：这是一个文件夹，不是文件" in done.stderr
    assert "No such file" not in done.stderr.split("error:")[0]  # no English in the Chinese
    assert listing(caseworker, path, household) == []
    assert path.read_bytes() == before


def test_a_camera_clock_set_in_the_future_gives_todays_date(
    caseworker: Callable[..., Run], db: tuple[Path, str], tmp_path: Path
) -> None:
    path, household = db
    photo = write(tmp_path, "IMG_0002.jpg", photo_bytes(taken="2099:05:01 09:00:00"))
    added = caseworker("attach", "add", photo, "--household", household, "--kind", "hukou",
                       "--db", path)  # fmt: skip
    assert added.returncode == 0, added.stderr
    [row] = listing(caseworker, path, household)
    assert row[3] == date.today().isoformat()


def test_an_export_to_a_folder_that_cannot_be_made_says_why(
    caseworker: Callable[..., Run], db: tuple[Path, str], tmp_path: Path
) -> None:
    path, household = db
    scan = write(tmp_path, "scan.pdf", pdf_bytes(1))
    added = caseworker("attach", "add", scan, "--household", household, "--kind", "hukou",
                       "--db", path)  # fmt: skip
    assert added.returncode == 0, added.stderr
    blocked = write(tmp_path, "blocked", b"a file where a folder should be") / "out"
    done = caseworker("attach", "export", "--household", household, "--out", blocked,
                      "--db", path)  # fmt: skip
    assert done.returncode == 1
    assert f"无法写入文件夹{blocked}：路径中有一项不是文件夹" in done.stderr, done.stderr
    assert "a part of the path is not a folder" in done.stderr
    assert "Traceback" not in done.stderr


def test_an_exported_name_cannot_leave_the_folder() -> None:
    from caseworker.commands.attach_files import safe_part

    for hostile in ("../../.bashrc", "..\\..\\x", "a/b", "\x00\n", "..", " "):
        part = safe_part(hostile)
        assert "/" not in part and "\\" not in part and not part.startswith(".")
        assert part and part.isprintable()


def test_one_members_document_without_member_is_filed_with_the_apps_warning(
    caseworker: Callable[..., Run], db: tuple[Path, str], tmp_path: Path
) -> None:
    """As in the app (the attach dialog warns and lets the specialist go on), an ID card
    with no --member is filed under the whole household, with a warning in both languages."""
    path, household = db
    card = write(tmp_path, "card.jpg", photo_bytes())
    added = caseworker("attach", "add", card, "--household", household, "--kind", "id_card",
                       "--db", path)  # fmt: skip
    assert added.returncode == 0, added.stderr
    assert (
        "提醒：居民身份证属于某一位家庭成员，现记在全户名下；请用 --member 身份证号" in added.stderr
    )
    assert "the ID card belongs to one member of the household" in added.stderr
    assert "--member ID_NUMBER" in added.stderr
    assert [r[1:3] for r in listing(caseworker, path, household)] == [["居民身份证", "全户"]]
    for extra in (["--kind", "id_card", "--member", ID_NUMBER], ["--kind", "hukou"]):
        quiet = caseworker("attach", "add", card, "--household", household, *extra, "--db", path)
        assert quiet.returncode == 0 and "提醒" not in quiet.stderr, quiet.stderr
