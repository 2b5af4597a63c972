"""Crash safety: a writer process edits households and a visit draft as fast as it can and
is killed with SIGKILL at random moments; after each kill the database must pass SQLite's
integrity check, hold every edit the writer reported as committed, and give back the draft.

Run by ``tests/security/test_crash_safety.py`` (a few kills) and ``benchmarks/crash.py``
(200 kills). The writer side runs as ``python -m tests.security.crash_harness DB``.
"""

import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from caseworker.demo.generator import generate_households
from caseworker.demo.places import demo_regions
from caseworker.store.db import connect_raw, open_store
from caseworker.store.drafts import list_drafts, save_draft
from caseworker.store.households import load_household, save_household, save_households

ROOT = Path(__file__).resolve().parents[2]
HOUSEHOLDS = 20
DRAFT_ID = "00000000-0000-4000-8000-00000000d4af"


def prepare(path: Path, key: bytes | None = None) -> list[str]:
    """A store with demo households to edit; their ids."""
    store = open_store(path, key=key)
    households = generate_households(HOUSEHOLDS, seed=3, as_of=date(2026, 11, 1))
    save_households(store, households, regions=demo_regions())
    store.close()
    return [h.id for h in households]


def _edit_number(address: str) -> int:
    return int(address.removeprefix("edit-")) if address.startswith("edit-") else 0


def write_forever(path: Path, key: bytes | None) -> None:
    """The writer: edit households and the draft until killed, reporting each commit."""
    store = open_store(path, key=key)
    with store.read() as conn:
        rows = list(conn.exec_driver_sql("SELECT id, address FROM household ORDER BY id"))
    ids = [row[0] for row in rows]
    # Edit numbers keep rising across writer runs, so "later" always means "larger".
    n = max((_edit_number(row[1]) for row in rows), default=0)
    rng = random.Random(os.getpid())
    while True:
        n += 1
        household_id = rng.choice(ids)
        with store.read() as conn:
            household = load_household(conn, household_id)
        assert household is not None
        household.address = f"edit-{n}"
        if household.members[0].incomes:
            household.members[0].incomes[0].monthly_fen = n
        save_household(store, household)
        print(f"committed {household_id} {n}", flush=True)
        if n % 3 == 0:
            save_draft(
                store, kind="visit", data={"n": n}, household_id=household_id, draft_id=DRAFT_ID
            )
            print(f"draft {n}", flush=True)


@dataclass
class Trial:
    kills: int = 0
    corrupt: int = 0
    lost: int = 0
    drafts_lost: int = 0
    committed: int = 0
    problems: list[str] = field(default_factory=list)


def _check(
    path: Path, key: bytes | None, reported: dict[str, int], draft: int, trial: Trial
) -> None:
    conn = connect_raw(path, key)
    try:
        status = conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()
    if status != "ok":
        trial.corrupt += 1
        trial.problems.append(f"integrity: {status}")
        return
    store = open_store(path, key=key)  # also proves the store reopens after the crash
    try:
        with store.read() as conn:
            for household_id, n in reported.items():
                household = load_household(conn, household_id)
                stored = _edit_number(household.address) if household else -1
                if stored < n:
                    trial.lost += 1
                    trial.problems.append(f"{household_id}: committed edit {n}, found {stored}")
            drafts = [d for d in list_drafts(conn, kind="visit") if d.id == DRAFT_ID]
            if draft and (not drafts or int(drafts[0].data["n"]) < draft):
                trial.drafts_lost += 1
                trial.problems.append(f"draft {draft} not recoverable")
    finally:
        store.close()


def run_trial(path: Path, kills: int, *, key: bytes | None = None, seed: int = 1) -> Trial:
    """Kill the writer ``kills`` times at random moments, checking after each kill."""
    rng = random.Random(seed)
    trial = Trial()
    reported: dict[str, int] = {}
    draft = 0
    env = dict(os.environ)
    if key is not None:
        env["CRASH_HARNESS_KEY"] = key.hex()
    for _ in range(kills):
        writer = subprocess.Popen(
            [sys.executable, "-m", "tests.security.crash_harness", str(path)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert writer.stdout is not None
        writer.stdout.readline()  # running: at least one commit done
        time.sleep(rng.uniform(0.0, 0.3))
        writer.send_signal(signal.SIGKILL)
        out, _ = writer.communicate()
        for line in out.splitlines():
            parts = line.split()
            if len(parts) == 3 and parts[0] == "committed":
                reported[parts[1]] = max(reported.get(parts[1], 0), int(parts[2]))
                trial.committed += 1
            elif len(parts) == 2 and parts[0] == "draft":
                draft = max(draft, int(parts[1]))
        trial.kills += 1
        _check(path, key, reported, draft, trial)
    return trial


if __name__ == "__main__":
    key_hex = os.environ.get("CRASH_HARNESS_KEY")
    write_forever(Path(sys.argv[1]), bytes.fromhex(key_hex) if key_hex else None)
