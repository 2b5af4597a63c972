"""Spreadsheet reports benchmark: the payment list of many households, as xlsx and as csv.

Households are generated in memory (the store's reading is measured by benchmarks/store.py);
this times building the report and writing the file. Target (issue 18): the payment list of
100,000 households as xlsx in <= 10 s.

    python benchmarks/reports.py [--households 100000] [--seed 1]
"""

import argparse
import tempfile
import time
from datetime import date
from pathlib import Path

from caseworker.demo.generator import generate_households, paid_through_bank
from caseworker.demo.places import demo_regions
from caseworker.domain.codes import Program
from caseworker.domain.records import Benefit
from caseworker.reports.history import Month
from caseworker.reports.payments import payments_report
from caseworker.reports.sheets import write_csv, write_xlsx


def main() -> None:
    """Generate households, then time the payment list as xlsx and as GB18030 csv."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--households", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    households = generate_households(args.households, seed=args.seed, as_of=date(2026, 11, 1))
    for household in households:
        # Every household paid, so the list has one row per household (demo data pays ~16%).
        if not household.benefits:
            household.benefits = [Benefit("b", Program.DIBAO, date(2026, 1, 1), 61050)]
        if household.payment is None:  # and paid into an account, as the bank needs
            paid_through_bank(household)
    names = {r.code: r.name for r in demo_regions()}
    month = Month(2026, 11)
    with tempfile.TemporaryDirectory() as folder:
        for kind, write in (("xlsx", write_xlsx), ("csv", write_csv)):
            out = Path(folder) / f"payments.{kind}"
            start = time.perf_counter()
            report = payments_report(households, names, month=month, unit="云阳镇")
            built = time.perf_counter() - start
            write(report, out)
            total = time.perf_counter() - start
            print(
                f"{kind}: {len(households)} households, {len(report.rows)} rows paid, "
                f"report {built:.2f} s, total {total:.2f} s, {out.stat().st_size / 1e6:.1f} MB"
            )


if __name__ == "__main__":
    main()
