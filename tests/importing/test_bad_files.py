"""Files that are not household files are refused as a person would want: one clear
message in Chinese and English naming the file and the place, exit status 2, nothing
written (not even a new empty store), bounded memory, and never a traceback."""

import subprocess
import sys
from pathlib import Path

import pytest


def imported(path: Path | str, db: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "caseworker", "import", str(path), "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=300,
    )


def refused(done: subprocess.CompletedProcess[str], db: Path) -> str:
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert "未写入任何数据" in done.stderr and "nothing was written" in done.stderr
    assert not db.exists()  # no store made at the new path either
    return done.stderr


@pytest.mark.parametrize(
    ("name", "content", "zh", "en"),
    [
        ("deep.json", b"[" * 100_000 + b"]" * 100_000, "嵌套层次太深", "nested too deeply"),
        (
            "gbk.json",
            '[{"address": "中街村三组"}]'.encode("gb18030"),
            "文件是GBK（GB18030）编码",
            "is in GBK (GB18030)",
        ),
        (
            "nul.json",
            b'[{"address": "a\x00b"}]',
            "第1行第16列有不可见的控制字符",
            "line 1, column 16",
        ),
        ("nan.json", b'[{"members": NaN}]', "无效的数值", "not valid JSON"),
        ("binary.json", bytes(range(128, 256)) * 4, "不是UTF-8编码的文本", "is not UTF-8 text"),
    ],
)
def test_a_file_that_is_not_json_of_households_is_named_and_refused(
    tmp_path: Path, name: str, content: bytes, zh: str, en: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    said = refused(imported(path, tmp_path / "new.db"), tmp_path / "new.db")
    assert name in said and zh in said and en in said


def test_a_device_or_a_folder_is_not_read(tmp_path: Path) -> None:
    for path in ("/dev/zero", tmp_path):
        said = refused(imported(path, tmp_path / "new.db"), tmp_path / "new.db")
        assert "不是一个文件" in said and "is not a file" in said


def test_very_many_problems_list_the_first_hundred_and_count_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "numbers.json"
    path.write_text("[" + ",".join(["1"] * 300_000) + "]")
    said = refused(imported(path, tmp_path / "new.db"), tmp_path / "new.db")
    assert "发现300000处问题" in said
    assert "另有299900处问题未列出" in said and "299900 more problem(s) not listed" in said
    assert len(said.splitlines()) < 210


def test_a_record_id_given_to_two_households_of_a_file_is_refused(tmp_path: Path) -> None:
    import json
    from datetime import date

    from caseworker.demo.generator import generate_households
    from caseworker.interchange.household_format import household_to_dict

    first, second = (
        household_to_dict(h) for h in generate_households(2, seed=1, as_of=date(2026, 11, 1))
    )
    first["visits"] = second["visits"] = []
    second["members"][0]["id"] = first["members"][0]["id"]
    path = tmp_path / "twice.json"
    path.write_text(json.dumps([first, second], ensure_ascii=False))
    store = str(tmp_path / "store.db")
    demo = subprocess.run(
        [sys.executable, "-m", "caseworker", "demo", "--households", "1", "--db", store],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert demo.returncode == 0, demo.stderr
    done = imported(path, tmp_path / "store.db")
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    assert "twice.json 第2户" in done.stderr
    assert "记录编号与本文件第1户中的一条记录相同" in done.stderr
