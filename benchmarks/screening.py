"""Screening benchmark: screen N demo households from the store, with explanations.

In one run it times (each the best of ``--repeat`` rounds):
- read only: loading every household from SQLite (``iter_households``);
- engine alone: ``screen()`` over the households already in memory, every finding with its
  reasons and cited parameters (the sentences are rendered when read, see below);
- end to end: reading from SQLite and screening, in one pass;
- rendered: the engine plus turning every finding into its JSON form, every sentence
  rendered in Chinese and English (what ``caseworker screen --db`` stores).
Targets (issue 3): engine >= 100,000 households/s; end to end <= 3x read only.

    python benchmarks/screening.py [--households 100000] [--seed 1] [--repeat 3]
"""

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from caseworker.demo.generator import generate_households
from caseworker.demo.places import demo_regions
from caseworker.domain.bulk import gc_paused
from caseworker.eligibility import PolicyLibrary, screen
from caseworker.eligibility.findings import finding_to_dict
from caseworker.store.db import open_store
from caseworker.store.households import iter_households, save_households

ON = date(2020, 4, 15)  # inside the 2020 doubling of the price subsidy: every rule is live


def best(rounds: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(rounds):
        with gc_paused():
            start = time.perf_counter()
            result = work()
            times.append(time.perf_counter() - start)
            del result  # freeing the results is not part of the work timed
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--households", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    n = args.households

    print(f"generating and storing {n} demo households ...", flush=True)
    households = generate_households(n, seed=args.seed, as_of=ON)
    policy = PolicyLibrary().policy_for(households[0])
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "bench.db")
        save_households(store, households, regions=demo_regions())
        del households

        def read_only() -> object:
            with store.read() as conn:
                return sum(1 for _ in iter_households(conn))

        loaded: list = []

        def load() -> object:
            with store.read() as conn:
                loaded[:] = list(iter_households(conn))
            return loaded

        load()
        assert len(loaded) == n

        def engine() -> object:
            return [screen(h, policy, ON) for h in loaded]

        def end_to_end() -> object:
            with store.read() as conn:
                return [screen(h, policy, ON) for h in iter_households(conn)]

        def rendered() -> object:
            return [[finding_to_dict(f) for f in screen(h, policy, ON).findings] for h in loaded]

        engine()  # warm the policy's date context once, as a real run would
        t_read = best(args.repeat, read_only)
        t_engine = best(args.repeat, engine)
        t_e2e = best(args.repeat, end_to_end)
        t_rendered = best(1, rendered)
        findings = sum(len(s.findings) for s in engine())  # type: ignore[attr-defined]
        reasons = sum(len(f.reasons) for s in engine() for f in s.findings)  # type: ignore[attr-defined]
        store.close()

    print(f"households:               {n} ({findings} findings, {reasons} reasons)")
    print(f"read only (SQLite):       {t_read:.2f} s ({n / t_read:,.0f} households/s)")
    print(
        f"engine alone:             {t_engine:.2f} s ({n / t_engine:,.0f} households/s)"
        "  (target >= 100,000/s)"
    )
    print(f"end to end (read+screen): {t_e2e:.2f} s ({n / t_e2e:,.0f} households/s)")
    print(f"ratio end to end / read:  {t_e2e / t_read:.2f}x  (target <= 3x)")
    print(
        f"engine + every sentence rendered to JSON: {t_rendered:.2f} s "
        f"({n / t_rendered:,.0f} households/s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
