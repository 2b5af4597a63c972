"""County-scale benchmark (issue 16): one village's work, re-importing an unchanged file
and the export's memory, on demo stores of each size.

    python benchmarks/scale.py --households 1000 10000 100000 [--rounds 3] [--seed 1]

For each size a demo store is made by ``caseworker demo --households N`` (dated 2026-11-01)
and its largest village is screened once (``caseworker screen --village``), as a village's
list is printed after its screening. Then, each figure against its baseline in the same run,
rounds alternating, the best round of each kept:

One village, inside one process (the functions the commands call):
- ``village read`` (baseline): that village's households read from the store
  (``iter_households(village_codes=[...])``);
- ``publicity until layout``: ``print publicity --village`` up to the moment the list is
  laid out (the households read and their findings of the day found), and ``publicity
  whole``: the list written to a PDF;
- ``case files until drawing``: ``print case-file --village`` up to the first page drawn;
- ``screen until screening``: ``screen --village`` up to its first household screened, and
  ``screen whole``: the command's work to its end (nothing changed: nothing written).
Target: each starts laying out, drawing or screening within 1.5x the village read.

One village, whole processes (start-up included): a process that only reads the village
(baseline), ``caseworker print publicity --village`` and ``caseworker screen --village``.

The whole store, whole processes: ``caseworker export`` of the whole store (wall time and
peak memory, ``VmHWM``) against a process that only reads every household (baseline);
then the exported file imported into a store that does not exist yet (new import,
baseline) and again into that store, which now holds it (re-import). Targets: export
peak memory <= 500 MB at 100,000 households; re-import <= 1.2x the new import.
"""

import argparse
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DAY = date(2026, 11, 1)
PEAK_MARK = "CASEWORKER_PEAK_KB"

# Prefixed to every timed process: its peak resident memory (VmHWM) printed at exit.
PEAK = f"""
import atexit, sys
def _peak():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            sys.stderr.write("{PEAK_MARK} " + line.split()[1] + "\\n")
atexit.register(_peak)
"""

# A process that only reads households: every one, or one village's (argv[2]).
READ = """
import sys
from caseworker.domain.bulk import gc_paused
from caseworker.store.db import open_store
from caseworker.store.households import iter_households
villages = sys.argv[2:] or None
store = open_store(sys.argv[1])
with gc_paused(), store.read() as conn:
    n = sum(1 for _ in iter_households(conn, village_codes=villages))
store.close()
print(n)
"""

# ``python -m caseworker ARGS`` in a process that reports its peak memory.
COMMAND = """
import runpy
sys.argv = ["caseworker", *sys.argv[1:]]
runpy.run_module("caseworker", run_name="__main__", alter_sys=True)
"""


def run_process(code: str, *args: str) -> tuple[float, float, str]:
    """(wall seconds, peak resident MB, standard output) of a Python process run to its
    end; ``code`` is run as ``python -c``, after the lines that report its peak memory."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", PEAK + code, *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    wall = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"{args} failed ({done.returncode}): {done.stderr[-3000:]}")
    peak = next(
        int(line.split()[1]) / 1024
        for line in done.stderr.splitlines()
        if line.startswith(PEAK_MARK)
    )
    return wall, peak, done.stdout


def caseworker(*args: str) -> tuple[float, float, str]:
    """``caseworker ARGS`` as a process of its own: (wall seconds, peak MB, output)."""
    return run_process(COMMAND, *args)


def largest_village(db: Path) -> tuple[str, int]:
    """The village with the most households, and how many it has."""
    with sqlite3.connect(db) as conn:
        code, count = conn.execute(
            "SELECT village_code, count(*) FROM household GROUP BY village_code "
            "ORDER BY count(*) DESC, village_code LIMIT 1"
        ).fetchone()
    return str(code), int(count)


class Started(Exception):
    """Raised where the timed phase ends (layout, drawing or screening begins)."""


@contextmanager
def stop_at(module: object, name: str) -> Iterator[None]:
    """Replace ``module.name`` with a function that raises Started: the work is timed up to
    its first call (nothing after it is done, nothing is written)."""
    original = getattr(module, name)

    def started(*args: object, **kwargs: object) -> object:
        raise Started()

    setattr(module, name, started)
    try:
        yield
    finally:
        setattr(module, name, original)


def until_started(work: Callable[[], object]) -> float:
    """Seconds from calling ``work`` to its Started (AssertionError if it never came)."""
    start = time.perf_counter()
    try:
        work()
    except Started:
        return time.perf_counter() - start
    raise AssertionError("the timed phase never ended")


def timed(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def best_of(rounds: int, figures: dict[str, Callable[[], float]]) -> dict[str, float]:
    """Each figure's best (lowest) of ``rounds`` rounds, the figures alternating in each."""
    best: dict[str, float] = {}
    for _ in range(rounds):
        for name, figure in figures.items():
            seconds = figure()
            best[name] = min(seconds, best.get(name, seconds))
    return best


def village_in_process(db: Path, village: str, households: int, rounds: int) -> dict[str, float]:
    """One village's work timed from inside this process (see the module's docstring)."""
    import caseworker.printing.casefile as casefile
    import caseworker.printing.publicity as publicity
    import caseworker.screening as screening
    from caseworker.operations.printing import BUNDLE, PUBLICITY, PrintJob, print_job
    from caseworker.screening import PolicyChooser, policy_library, screen_store
    from caseworker.store.db import open_store
    from caseworker.store.households import iter_households

    store = open_store(db)
    pdf = db.with_name("village.pdf")

    def read() -> float:
        def work() -> None:
            with store.read() as conn:
                found = list(iter_households(conn, village_codes=[village]))
            assert len(found) == households, (len(found), households)

        return timed(work)

    def publicity_until_layout() -> float:
        with stop_at(publicity, "layout_form"):
            return until_started(
                lambda: print_job(store, PrintJob(PUBLICITY, DAY, area=village), pdf)
            )

    def publicity_whole() -> float:
        return timed(lambda: print_job(store, PrintJob(PUBLICITY, DAY, area=village), pdf))

    def case_files_until_drawing() -> float:
        with stop_at(casefile, "draw_case_file"):
            return until_started(lambda: print_job(store, PrintJob(BUNDLE, DAY, area=village), pdf))

    def screen_village() -> object:
        policies = PolicyChooser(policy_library(store))
        return screen_store(store, on=DAY, policies=policies, village_codes=[village])

    def screen_until_screening() -> float:
        with stop_at(screening, "screen"):
            return until_started(screen_village)

    def screen_whole() -> float:
        return timed(screen_village)

    try:
        return best_of(
            rounds,
            {
                "read": read,
                "publicity until layout": publicity_until_layout,
                "publicity whole": publicity_whole,
                "case files until drawing": case_files_until_drawing,
                "screen until screening": screen_until_screening,
                "screen whole": screen_whole,
            },
        )
    finally:
        store.close()


def village_processes(db: Path, village: str, rounds: int) -> dict[str, float]:
    """One village's work as whole processes (see the module's docstring)."""
    pdf = str(db.with_name("village.pdf"))
    day = DAY.isoformat()

    def read() -> float:
        return run_process(READ, str(db), village)[0]

    def publicity() -> float:
        return caseworker(
            "print", "publicity", "--village", village, "--date", day, "--out", pdf, "--db", str(db)
        )[0]

    def screen() -> float:
        return caseworker("screen", "--db", str(db), "--village", village, "--on", day)[0]

    return best_of(rounds, {"read": read, "publicity": publicity, "screen": screen})


def whole_store(folder: Path, db: Path, households: int, rounds: int) -> dict[str, float]:
    """Export (time and peak memory) against reading every household; the export imported
    new and again (see the module's docstring)."""
    exported = folder / "export.json"
    imported = folder / "imported.db"
    figures: dict[str, float] = {}

    def keep(name: str, value: float) -> None:
        figures[name] = min(value, figures.get(name, value))

    for _ in range(rounds):
        wall, peak, out = run_process(READ, str(db))
        assert int(out) == households, out
        keep("read all", wall)
        keep("read all MB", peak)
        wall, peak, _ = caseworker("export", "--db", str(db), "--out", str(exported))
        keep("export", wall)
        keep("export MB", peak)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{imported}{suffix}").unlink(missing_ok=True)
        wall, _, out = caseworker("import", "--db", str(imported), str(exported))
        keep("new import", wall)
        wall, _, again = caseworker("import", "--db", str(imported), str(exported))
        keep("re-import", wall)
    figures["export file MB"] = exported.stat().st_size / 1e6
    print(f"    new import said: {out.strip().splitlines()[-1]}")
    print(f"    re-import said:  {again.strip().splitlines()[-1]}")
    return figures


def ratio(figure: float, baseline: float, target: float) -> str:
    value = figure / baseline
    return f"{value:5.2f}x ({'met' if value <= target else 'NOT MET'}, target <= {target}x)"


def measure(n: int, rounds: int, seed: int) -> None:
    with tempfile.TemporaryDirectory(prefix="scale-") as tmp:
        folder = Path(tmp)
        db = folder / "demo.db"
        print(f"making a demo store of {n:,} households ...", flush=True)
        caseworker("demo", "--households", str(n), "--seed", str(seed),
                   "--as-of", DAY.isoformat(), "--db", str(db))  # fmt: skip
        village, count = largest_village(db)
        print(f"  largest village {village}: {count:,} households; screened once", flush=True)
        caseworker("screen", "--db", str(db), "--village", village, "--on", DAY.isoformat())

        inside = village_in_process(db, village, count, rounds)
        read = inside["read"]
        print(f"  one village, in one process (best of {rounds}):")
        print(f"    village read (baseline):   {read:7.3f} s")
        for name, target in (
            ("publicity until layout", 1.5),
            ("publicity whole", None),
            ("case files until drawing", 1.5),
            ("screen until screening", 1.5),
            ("screen whole", None),
        ):
            seconds = inside[name]
            said = ratio(seconds, read, target) if target else f"{seconds / read:5.2f}x"
            print(f"    {name + ':':<27}{seconds:7.3f} s  {said}", flush=True)

        processes = village_processes(db, village, rounds)
        read = processes["read"]
        print(f"  one village, whole processes (best of {rounds}):")
        print(f"    a process reading it (baseline): {read:6.2f} s")
        for name in ("publicity", "screen"):
            seconds = processes[name]
            print(f"    {name + ':':<33}{seconds:6.2f} s  {seconds / read:5.2f}x", flush=True)

        store = whole_store(folder, db, n, rounds)
        print(f"  the whole store, whole processes (best of {rounds}):")
        print(
            f"    read every household (baseline): {store['read all']:7.2f} s, "
            f"peak {store['read all MB']:7.1f} MB"
        )
        print(
            f"    export:                          {store['export']:7.2f} s, "
            f"peak {store['export MB']:7.1f} MB ({store['export MB'] / store['read all MB']:.2f}x;"
            f" target <= 500 MB at 100,000: {'met' if store['export MB'] <= 500 else 'NOT MET'});"
            f" file {store['export file MB']:.1f} MB"
        )
        print(f"    new import (baseline):           {store['new import']:7.2f} s")
        print(
            f"    re-import, unchanged:            {store['re-import']:7.2f} s  "
            + ratio(store["re-import"], store["new import"], 1.2),
            flush=True,
        )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--households", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    for n in args.households:
        measure(n, args.rounds, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
