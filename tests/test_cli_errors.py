"""Mistakes on the command line, as the specialist sees them: a ``--db`` with no store
behind it, argparse's usage errors, and the printable forms' list."""

import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from caseworker.cli import main
from caseworker.store.db import open_store


@dataclass
class Run:
    status: int
    out: str
    err: str


@pytest.fixture
def caseworker(capsys: pytest.CaptureFixture[str]) -> Callable[..., Run]:
    """``caseworker ARGS`` through ``caseworker.cli.main``: exit status and output (an
    argparse usage error ends in SystemExit, whose code is the exit status)."""

    def run(*args: str | Path) -> Run:
        try:
            status = main([str(a) for a in args])
        except SystemExit as exit_:
            status = exit_.code if isinstance(exit_.code, int) else 1
        out, err = capsys.readouterr()
        return Run(status, out, err)

    return run


def shows_no_code(text: str) -> None:
    assert "Traceback" not in text
    assert "Error(" not in text and "Namespace(" not in text


# Every command that reads or changes a store it expects to find.
READERS = [
    ["search", "张"],
    ["export"],
    ["screen"],
    ["print", "case-file", "--household", "h1", "--out", "{tmp}/out.pdf"],
    ["attach", "list", "--household", "h1"],
    ["attach", "remove", "a1", "--reason", "照片模糊"],
    ["attach", "export", "--household", "h1", "--out", "{tmp}/out"],
    ["sync"],
    ["sync", "status"],
    ["audit", "verify"],
    ["backup", "--to", "{tmp}/usb"],
    ["password", "set", "--worker", "李梅"],
]


@pytest.mark.parametrize("words", READERS, ids=lambda w: " ".join(w[:2]))
def test_a_db_with_no_store_is_refused_and_nothing_is_created(
    caseworker: Callable[..., Run], tmp_path: Path, words: list[str]
) -> None:
    missing = tmp_path / "nonexist" / "x.db"
    done = caseworker("--db", missing, *(w.replace("{tmp}", str(tmp_path)) for w in words))
    assert done.status == 2, done
    assert f"找不到数据库文件：{missing}（请检查 --db）" in done.err
    assert f"no store at {missing} (check --db)" in done.err
    shows_no_code(done.err)
    assert list(tmp_path.iterdir()) == []  # no folder, no store, no output


def test_attach_add_with_no_store_creates_nothing(
    caseworker: Callable[..., Run], tmp_path: Path
) -> None:
    photo = tmp_path / "id.jpg"
    photo.write_bytes(b"\xff\xd8\xff")
    missing = tmp_path / "nonexist" / "x.db"
    done = caseworker(
        "attach", "add", photo, "--household", "h1", "--kind", "hukou", "--db", missing
    )
    assert done.status == 2 and f"no store at {missing}" in done.err
    assert not missing.parent.exists()


def test_the_commands_that_make_a_store_still_make_one(
    caseworker: Callable[..., Run], tmp_path: Path
) -> None:
    made = tmp_path / "new" / "demo.db"
    done = caseworker("demo", "--households", "3", "--db", made)
    assert done.status == 0, done.err
    assert made.is_file()
    exported = tmp_path / "households.json"
    assert caseworker("export", "--db", made, "--out", exported).status == 0
    other = tmp_path / "other" / "imported.db"
    imported = caseworker("import", exported, "--db", other)
    assert imported.status == 0, imported.err
    assert "新增3户" in imported.out and other.is_file()


def test_an_existing_store_opens_as_before(caseworker: Callable[..., Run], tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    open_store(path).close()
    done = caseworker("--db", path, "search", "张")
    assert done.status == 0, done.err


def usage_error(done: Run, zh: str, en: str) -> None:
    """argparse's exit status, the usage line, then the mistake in Chinese and English."""
    assert done.status == 2, done
    lines = done.err.splitlines()
    assert lines[0].startswith("usage: caseworker")
    assert any(zh in line and "错误：" in line for line in lines), done.err
    assert any(en in line and "error: " in line for line in lines), done.err
    shows_no_code(done.err)


USAGE_MISTAKES = [
    (["attach", "list"], "缺少必填参数：--household", "required: --household"),
    (["attach", "remove", "a1"], "缺少必填参数：--reason", "required: --reason"),
    (["print", "--date", "2026-02-30"], "日期“2026-02-30”不存在", "2026-02-30 is not a date"),
    (["screen", "--on", "2026-02-30"], "日期“2026-02-30”不存在", "2026-02-30 is not a date"),
    (["screen", "--on", "明天"], "“明天”不是日期", "明天 is not a date (YYYY-MM-DD)"),
    (["nosuch"], "无效的选项“nosuch”（可选：demo、import", "invalid choice: 'nosuch'"),
    (["search", "张", "--bogus"], "无法识别的参数：--bogus", "unrecognized arguments: --bogus"),
    (["demo", "--households", "x"], "参数--households的值“x”无效", "invalid int value: 'x'"),
    (["print", "--out"], "参数--out后缺少一个值", "--out: expected one argument"),
    (
        ["attach"],
        "缺少子命令，请指定其一：add、list、export、remove",
        "name one of: add, list, export, remove",
    ),
]


@pytest.mark.parametrize(
    ("words", "zh", "en"), USAGE_MISTAKES, ids=[" ".join(m[0]) for m in USAGE_MISTAKES]
)
def test_usage_mistakes_are_said_in_both_languages(
    caseworker: Callable[..., Run], tmp_path: Path, words: list[str], zh: str, en: str
) -> None:
    usage_error(caseworker("--db", tmp_path / "x.db", *words), zh, en)
    assert list(tmp_path.iterdir()) == []


def test_a_usage_mistake_in_a_process_of_its_own() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "caseworker", "attach", "list"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    usage_error(
        Run(done.returncode, done.stdout, done.stderr),
        "缺少必填参数：--household",
        "the following arguments are required: --household",
    )


def test_print_offers_the_forms_its_list_shows(caseworker: Callable[..., Run]) -> None:
    listed = caseworker("print", "--list")
    assert listed.status == 0
    names = [line.split()[0] for line in listed.out.splitlines()]
    assert "case-file" in names and "case-file-cover" not in names
    unknown = caseworker("print", "nosuch")
    assert unknown.status == 2
    offered = unknown.err.partition("（可用：")[2].partition("）")[0].split("、")
    assert offered == names
    cover = caseworker("print", "case-file-cover", "--household", "h1", "--out", "x.pdf")
    assert cover.status == 2
    assert "档案封面随档案一起打印，请打印case-file" in cover.err
    assert "a case file's cover is printed with its case file: print case-file" in cover.err
