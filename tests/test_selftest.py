"""``caseworker --self-test`` as an IT officer runs it: a real process, headless, from source.

The same check runs on the PyInstaller bundle in CI (``.ci/run``: ``make package``, then
``dist/caseworker/caseworker --self-test``).
"""

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from caseworker.selftest.context import SelfTest, StepFailed
from caseworker.selftest.runner import run_self_test
from caseworker.selftest.steps import STEPS, Step


def self_test(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TMPDIR": str(tmp_path)}
    return subprocess.run(
        [sys.executable, "-m", "caseworker", "--self-test", *args],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )


@pytest.mark.slow
def test_the_self_test_passes_every_step_and_leaves_nothing_behind(tmp_path: Path) -> None:
    done = self_test(tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert "自检 / self-test" in lines[0] and "源代码 source" in lines[0]
    for step in STEPS:
        [line] = [line for line in lines if f"{step.zh} / {step.en}" in line]
        assert line.lstrip().startswith("通过 ok"), line
        assert " s  " in line  # each step is timed
    assert "12 户已上传 households accepted" in done.stdout  # the sync really carried them
    assert lines[-1].startswith("自检通过 / self-test passed")
    assert list(tmp_path.iterdir()) == []  # the temporary store, PDF and server are gone


def test_a_sub_command_with_self_test_is_refused(tmp_path: Path) -> None:
    done = self_test(tmp_path, "demo")
    assert done.returncode == 2
    assert "--self-test" in done.stderr and "错误" in done.stderr and "error" in done.stderr
    assert list(tmp_path.iterdir()) == []


def _broken(_t: SelfTest) -> str:
    raise StepFailed("县服务器无法启动", "the county server cannot start")


def test_a_failing_step_is_named_the_rest_skipped_and_the_files_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr("tempfile.tempdir", None)  # pick up TMPDIR
    broken = Step("server", "启动县服务器", "start a county server", _broken)
    out = io.StringIO()
    status = run_self_test(out, steps=(STEPS[0], broken, STEPS[-1]))
    report = out.getvalue().splitlines()
    assert status == 1
    assert report[1].lstrip().startswith("通过 ok")
    assert report[2].lstrip().startswith("失败 FAILED")
    assert "县服务器无法启动 / the county server cannot start" in report[2]
    assert report[3].lstrip().startswith("跳过 skipped")
    assert "step 'server'" in report[-1] and "启动县服务器" in report[-1]
    [kept] = tmp_path.iterdir()  # kept for whoever looks into the failure
    assert str(kept) in report[-1] and (kept / "selftest.db").is_file()


def test_a_store_without_a_password_on_this_laptop_is_flagged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    from caseworker.config import default_db_path
    from caseworker.store.db import open_store

    report = io.StringIO()
    assert run_self_test(report, steps=()) == 0
    assert "未加密" not in report.getvalue()  # no store here yet: nothing to flag

    open_store(default_db_path()).close()
    report = io.StringIO()
    assert run_self_test(report, steps=()) == 0  # a warning, not a broken installation
    [line] = [line for line in report.getvalue().splitlines() if "WARNING" in line]
    assert f"本机数据库“{default_db_path()}”未加密，只能用于演示" in line
    assert "not encrypted: it is for demonstrations only" in line
