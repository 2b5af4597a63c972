"""A damaged store or a full disk, met from the command line (an import among them): one
message in Chinese and English naming the file and what to do, exit status 2, nothing
written, and neither a traceback nor SQLCipher's page-by-page error lines."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_cli import caseworker

PASSWORD = "correct horse 1"


def run(*args: str | Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "caseworker", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
    )


def demo_store(path: Path, households: int = 30, seed: int = 3) -> Path:
    done = caseworker("demo", "--households", str(households), "--seed", str(seed), "--db", path)
    assert done.returncode == 0, done.stderr
    return path


def damage(path: Path) -> None:
    """Overwrite part of every page after the first, as a failing disk or a half-copied
    file leaves it."""
    page = 4096
    size = path.stat().st_size
    with path.open("r+b") as f:
        for offset in range(page * 2, size - page, page):
            f.seek(offset + 100)
            f.write(os.urandom(700))


def refused_as_damaged(done: subprocess.CompletedProcess[str], path: Path) -> None:
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr and "ERROR CORE" not in done.stderr
    assert f"数据库文件“{path}”已损坏" in done.stderr
    assert f"the store {path} is damaged" in done.stderr
    assert "备份" in done.stderr and "backup" in done.stderr
    assert len(done.stderr.splitlines()) == 2, done.stderr


def test_a_damaged_store_is_named_with_what_to_do(tmp_path: Path) -> None:
    path = demo_store(tmp_path / "damaged.db")
    damage(path)
    refused_as_damaged(run("screen", "--db", path), path)


def test_a_damaged_encrypted_store_is_named_without_sqlciphers_error_lines(
    tmp_path: Path,
) -> None:
    path = demo_store(tmp_path / "damaged.db")
    done = run(
        "password", "set", "--worker", "李梅", "--db", path,
        env={"CASEWORKER_NEW_PASSWORD": PASSWORD},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    damage(path)
    refused_as_damaged(run("screen", "--db", path, env={"CASEWORKER_PASSWORD": PASSWORD}), path)


# The real command, in a process whose SQLite connections may not grow the file: SQLite
# answers as it does when the disk is full (SQLITE_FULL).
ON_A_FULL_DISK = """
import sys
from sqlalchemy import Engine, event

def full(dbapi_connection, _record):
    pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
    dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

event.listen(Engine, "connect", full)
from caseworker.cli import main
sys.exit(main(sys.argv[1:]))
"""


def household_count(path: Path) -> int:
    import sqlite3

    with sqlite3.connect(path) as conn:
        return int(conn.execute("SELECT count(*) FROM household").fetchone()[0])


@pytest.mark.parametrize("command", ["import", "screen"])
def test_a_full_disk_is_named_and_nothing_is_written(tmp_path: Path, command: str) -> None:
    path = demo_store(tmp_path / "full.db")
    with __import__("sqlite3").connect(path) as conn:  # no free pages inside the file
        conn.execute("VACUUM")
    other = demo_store(tmp_path / "other.db", households=200, seed=9)
    exported = tmp_path / "more.json"
    assert caseworker("export", "--db", other, "--out", exported).returncode == 0
    before = path.read_bytes()
    args = ["import", str(exported)] if command == "import" else ["screen"]
    done = subprocess.run(
        [sys.executable, "-c", ON_A_FULL_DISK, *args, "--db", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert f"磁盘已满，数据库文件“{path}”无法写入" in done.stderr
    assert "the disk is full" in done.stderr and "nothing else changed" in done.stderr
    assert household_count(path) == 30
    if command == "screen":
        with __import__("sqlite3").connect(path) as conn:
            assert conn.execute("SELECT count(*) FROM decision").fetchone()[0] == 0
    assert path.stat().st_size == len(before)
