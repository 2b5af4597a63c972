"""Running the self-test: each step in turn, one line of report per step (ok / FAILED /
skipped, with its time, in Chinese and English), and the exit status."""

import platform
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from caseworker import __version__
from caseworker.config import default_db_path, is_frozen
from caseworker.selftest.context import SelfTest
from caseworker.selftest.steps import STEPS, Step

EXIT_PASSED = 0
EXIT_FAILED = 1


@dataclass
class Outcome:
    step: Step
    status: str  # ok, FAILED, skipped
    seconds: float = 0.0
    detail: str = ""


def run_steps(t: SelfTest, steps: Sequence[Step], out: IO[str]) -> list[Outcome]:
    """Run the steps in order, printing each as it ends; after a failure the rest are
    skipped (each needs what the one before made)."""
    outcomes: list[Outcome] = []
    failed = False
    for step in steps:
        if failed:
            outcome = Outcome(step, "skipped")
        else:
            start = time.perf_counter()
            try:
                outcome = Outcome(step, "ok", detail=step.run(t))
            except Exception as exc:  # any failure is a finding to report, not a crash
                outcome = Outcome(step, "FAILED", detail=describe(exc))
                failed = True
            outcome.seconds = time.perf_counter() - start
        outcomes.append(outcome)
        print(format_outcome(outcome), file=out, flush=True)
    return outcomes


def describe(exc: Exception) -> str:
    """An error in both languages where the error carries both (the app's errors do)."""
    zh, en = getattr(exc, "zh", None), getattr(exc, "en", None)
    if isinstance(zh, str) and isinstance(en, str):
        return f"{zh} / {en}"
    return f"{type(exc).__name__}: {exc}"


def format_outcome(o: Outcome) -> str:
    mark = {"ok": "ok", "FAILED": "FAILED", "skipped": "skipped"}[o.status]
    zh = {"ok": "通过", "FAILED": "失败", "skipped": "跳过"}[o.status]
    took = f"{o.seconds:6.2f} s" if o.status != "skipped" else " " * 8
    line = f"  {zh} {mark:<7} {took}  {o.step.zh} / {o.step.en}"
    return f"{line}: {o.detail}" if o.detail else line


def plain_store_warning(path: Path) -> str:
    """A warning when this laptop's own store exists without a password (a demo store:
    anyone with the file can read it); empty otherwise. The store is not opened."""
    from caseworker.security.signin import is_encrypted

    if not path.is_file() or is_encrypted(path):
        return ""
    return (
        f"  注意 WARNING  本机数据库“{path}”未加密，只能用于演示；保存真实家庭前请先设置密码"
        "（启动程序，或 caseworker password set）/ this laptop's store is not encrypted: "
        "it is for demonstrations only; set a password before it holds real households "
        "(start the app, or caseworker password set)"
    )


def run_self_test(out: IO[str] | None = None, steps: Sequence[Step] = STEPS) -> int:
    """Run the self-test; print the report to ``out`` (stdout); return the exit status."""
    out = out or sys.stdout
    kind = "程序包 bundle" if is_frozen() else "源代码 source"
    print(
        f"Caseworker {__version__} 自检 / self-test ({kind}, {platform.system()} "
        f"{platform.machine()}, Python {platform.python_version()})",
        file=out,
        flush=True,
    )
    started = time.perf_counter()
    folder = Path(tempfile.mkdtemp(prefix="caseworker-selftest-"))
    t = SelfTest(folder)
    try:
        outcomes = run_steps(t, steps, out)
    finally:
        t.close()
    total = time.perf_counter() - started
    warning = plain_store_warning(default_db_path())
    if warning:
        print(warning, file=out, flush=True)
    failed = next((o for o in outcomes if o.status == "FAILED"), None)
    if failed is None:
        shutil.rmtree(folder, ignore_errors=True)
        print(f"自检通过 / self-test passed ({total:.1f} s)", file=out, flush=True)
        return EXIT_PASSED
    print(
        f"自检失败，失败的步骤：{failed.step.zh} / self-test FAILED at step "
        f"'{failed.step.name}' ({failed.step.en}); "
        f"留存的文件 / files kept for inspection: {folder}",
        file=out,
        flush=True,
    )
    return EXIT_FAILED
