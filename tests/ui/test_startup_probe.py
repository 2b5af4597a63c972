"""CASEWORKER_EXIT_WHEN_SHOWN=1: the real app starts, draws its first window, reports, quits.

This is what ``benchmarks/package.py`` times; the first window of an encrypted store is
the sign-in dialog (nothing is opened before the password)."""

import os
import subprocess
import sys
import time
from pathlib import Path

from caseworker.security.signin import set_up
from caseworker.store.db import open_store


def test_the_app_quits_once_the_sign_in_window_is_drawn(tmp_path: Path) -> None:
    db = tmp_path / "laptop.db"
    key, _code = set_up(db, worker_id="w1", worker_name="王建华", password="a long password")
    open_store(db, key=key).close()
    before = db.read_bytes()
    started = time.time()
    done = subprocess.run(
        [sys.executable, "-m", "caseworker", "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=120,
        env={
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "CASEWORKER_EXIT_WHEN_SHOWN": "1",
            "HOME": str(tmp_path),  # the app's own settings file lands here, not in ~
            "XDG_CONFIG_HOME": str(tmp_path / "config"),
        },
    )
    assert done.returncode == 0, done.stderr
    [line] = [x for x in done.stdout.splitlines() if x.startswith("CASEWORKER_SHOWN ")]
    _marker, when, window = line.split()
    assert window == "SignInDialog"
    assert started < float(when) < time.time()
    assert db.read_bytes() == before  # quitting at the sign-in opened nothing
