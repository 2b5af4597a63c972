"""Spreadsheet import benchmark: a per-person roster (.xlsx) of about 20,000 rows against
the same households as a JSON file, each imported into a fresh store, in the same run.

Both go through the same checks and the same write (``save_households``); the roster also
reads the workbook (calamine), translates its cells and words, and looks for people who
may be known under another ID number. Target (issue 18): the roster <= 2x the JSON.

    python benchmarks/spreadsheets.py --rows 20000 --repeat 3
"""

import argparse
import json
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from caseworker.demo.generator import generate_households
from caseworker.demo.places import demo_regions
from caseworker.demo.rosters import roster_objects, roster_rows, write_roster_xlsx
from caseworker.importing.pipeline import import_households
from caseworker.importing.spreadsheet import import_spreadsheet, preview_spreadsheet
from caseworker.store.db import Store, open_store
from caseworker.store.regions import add_regions


def fresh_store(path: Path) -> Store:
    store = open_store(path)
    with store.begin() as conn:
        add_regions(conn, demo_regions())
    return store


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    names = {r.code: r.name for r in demo_regions()}
    # Households (distinct people) until the roster has about ``--rows`` rows.
    households = []
    seen: set[str] = set()
    people = 0
    seed = args.seed
    while people < args.rows:
        for h in generate_households(args.rows // 2, seed=seed, as_of=date(2026, 11, 1)):
            numbers = {m.id_number for m in h.members}
            if people >= args.rows or numbers & seen:
                continue
            seen |= numbers
            households.append(h)
            people += len(h.members)
        seed += 1
    rows = roster_rows(households, names)
    print(f"{len(rows) - 1} rows, {len(households)} households", flush=True)

    sheet_times: list[float] = []
    preview_times: list[float] = []
    json_times: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        roster = Path(tmp) / "roster.xlsx"
        write_roster_xlsx(roster, rows)
        document = Path(tmp) / "same.json"
        document.write_text(json.dumps(roster_objects(households), ensure_ascii=False))
        for round_ in range(args.repeat):  # alternating, so both see the same machine
            store = fresh_store(Path(tmp) / f"json{round_}.db")
            start = time.perf_counter()
            result = import_households(store, [document])
            json_times.append(time.perf_counter() - start)
            assert result.added == len(households), result
            store.close()

            store = fresh_store(Path(tmp) / f"sheet{round_}.db")
            start = time.perf_counter()
            preview = preview_spreadsheet(roster, store=store)
            preview_times.append(time.perf_counter() - start)
            assert preview.ok, preview.problems[:3]
            result = import_spreadsheet(store, preview, confirmed=True)
            sheet_times.append(time.perf_counter() - start)
            assert result.added == len(households), result
            store.close()
    sheet, js = statistics.median(sheet_times), statistics.median(json_times)
    print(f"JSON import:        median {js:.2f} s  ({', '.join(f'{t:.2f}' for t in json_times)})")
    print(
        f"spreadsheet import: median {sheet:.2f} s  ({', '.join(f'{t:.2f}' for t in sheet_times)})"
        f"; of which reading and checking {statistics.median(preview_times):.2f} s"
    )
    ratio = sheet / js
    print(
        f"ratio spreadsheet / JSON: {ratio:.2f}x "
        f"(target <= 2x: {'met' if ratio <= 2 else 'NOT met'})"
    )
    return 0 if ratio <= 2 else 1


if __name__ == "__main__":
    raise SystemExit(main())
