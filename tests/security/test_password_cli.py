"""Locking a store from the command line, and using it afterwards."""

import os
import subprocess
import sys
from pathlib import Path


def caseworker(*args: str | Path, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("CASEWORKER_")}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-m", "caseworker", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
        env=environment,
        stdin=subprocess.DEVNULL,
    )


def test_a_locked_store_opens_only_with_the_password(tmp_path: Path) -> None:
    db = tmp_path / "laptop.db"
    assert caseworker("demo", "--households", "20", "--db", db).returncode == 0
    locked = caseworker(
        "password", "set", "--worker", "王建华", "--db", db, CASEWORKER_NEW_PASSWORD="zhongjie-2026"
    )
    assert locked.returncode == 0, locked.stderr
    code = locked.stdout.strip().splitlines()[-1]
    assert code.count("-") >= 10
    assert b"SQLite format 3" not in db.read_bytes()[:16]

    assert (
        "张学林"
        in caseworker("search", "zxl", "--db", db, CASEWORKER_PASSWORD="zhongjie-2026").stdout
    )
    wrong = caseworker("search", "zxl", "--db", db, CASEWORKER_PASSWORD="guess-guess")
    assert wrong.returncode == 2 and "密码不正确" in wrong.stderr and "张学林" not in wrong.stdout
    silent = caseworker("search", "zxl", "--db", db)
    assert silent.returncode == 2 and "CASEWORKER_PASSWORD" in silent.stderr

    changed = caseworker(
        "password", "recover", "--code", code, "--db", db, CASEWORKER_NEW_PASSWORD="new-password-9"
    )
    assert changed.returncode == 0, changed.stderr
    assert (
        "张学林"
        in caseworker("search", "zxl", "--db", db, CASEWORKER_PASSWORD="new-password-9").stdout
    )
