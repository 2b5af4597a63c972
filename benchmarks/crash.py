"""Crash-safety trial: SIGKILL a writer 200 times at random moments (issue 7).

After each kill: SQLite's integrity check, every edit the writer reported as committed is
present, and the visit draft is recoverable. Prints the corrupt / lost counts (target 0 / 0).

    python benchmarks/crash.py [--kills 200] [--encrypted]
"""

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from caseworker.security.keys import new_data_key
from tests.security.crash_harness import prepare, run_trial


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--encrypted", action="store_true")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    key = new_data_key() if args.encrypted else None
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "crash.db"
        prepare(path, key)
        start = time.perf_counter()
        trial = run_trial(path, args.kills, key=key, seed=args.seed)
        elapsed = time.perf_counter() - start
    kind = "encrypted" if key else "plain"
    print(f"kills:             {trial.kills} ({kind} store, {elapsed:.0f} s)")
    print(f"commits reported:  {trial.committed}")
    print(f"corrupt:           {trial.corrupt}")
    print(f"lost edits:        {trial.lost}")
    print(f"lost drafts:       {trial.drafts_lost}")
    for problem in trial.problems[:10]:
        print(f"  {problem}")
    return 0 if trial.corrupt == trial.lost == trial.drafts_lost == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
