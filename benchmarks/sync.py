"""Sync benchmark: the first push of N households (with members and visits) to a county
server over loopback, an empty incremental sync, and the first pull of the N households
by a new laptop.

In the same run it times a bulk insert of exactly the rows the push stores into a fresh
county database (SQLAlchemy Core executemany, one transaction) and prints the ratio.
Targets (issue 6): first push <= 3x the bulk insert and <= 10 s for 10,000 households;
empty incremental sync <= 100 ms.

It also times the push in tenths (10,000 households each at 100,000; with fewer than ten
batches, each batch): the push should not slow down as the county fills (issue 16: the
last tenth <= 1.1x the first); and it prints the laptop store's size before and after its
first sync (issue 16: <= 1.5x).

    python benchmarks/sync.py [--households 10000] [--seed 1] [--batch 500]
"""

import argparse
import itertools
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from caseworker.demo.generator import generate_households
from caseworker.demo.places import demo_regions
from caseworker.interchange.household_rows import household_rows
from caseworker.store.db import open_store
from caseworker.store.households import save_households
from caseworker.sync.client import SyncProgress, enroll, sync
from caseworker.sync.county.auth import create_enrollment
from caseworker.sync.county.db import open_county
from caseworker.sync.county.regions import load_regions
from caseworker.sync.county.tables import HOUSEHOLD, PERSON, RECORD
from caseworker.sync.wire import SYNC_TABLES, row_to_wire


def store_bytes(path: Path) -> int:
    """A store's size on disk, with its write-ahead log."""
    files = (path, path.with_name(path.name + "-wal"))
    return sum(f.stat().st_size for f in files if f.exists())


def county_rows(households: list[Any]) -> dict[str, list[dict[str, Any]]]:
    """The rows a push of ``households`` stores at the county, ready for executemany."""
    now = datetime.now(UTC)
    records, homes, persons = [], [], []
    for seq, h in enumerate(households, start=1):
        homes.append({"id": h.id, "village_code": h.village_code, "seq": seq, "updated_at": now})
        for table, rows in household_rows(h).items():
            for row in rows:
                records.append(
                    {
                        "id": row["id"],
                        "table_name": table,
                        "household_id": h.id,
                        "data": row_to_wire(table, row),
                        "version": 1,
                        "created_at": now,
                        "updated_at": now,
                        "device_id": "bench-device",
                    }
                )
        persons.extend(
            {"id_number": m.id_number, "member_id": m.id, "household_id": h.id} for m in h.members
        )
    assert set(SYNC_TABLES) >= {r["table_name"] for r in records}
    return {"household": homes, "record": records, "person": persons}


def time_bulk_insert(path: Path, rows: dict[str, list[dict[str, Any]]]) -> float:
    engine = open_county(path)
    start = time.perf_counter()
    with engine.begin() as conn:
        conn.execute(HOUSEHOLD.insert(), rows["household"])
        conn.execute(RECORD.insert(), rows["record"])
        conn.execute(PERSON.insert(), rows["person"])
    elapsed = time.perf_counter() - start
    engine.dispose()
    return elapsed


def start_server(db: Path, port: int) -> subprocess.Popen[bytes]:
    command = ["county", "serve", "--db", str(db), "--port", str(port)]
    process = subprocess.Popen([sys.executable, "-m", "caseworker", *command])

    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return process
        except OSError:
            time.sleep(0.05)
    process.kill()
    raise RuntimeError("county server did not start")


def cpu_seconds(pid: int | None = None) -> float | None:
    """CPU time (user + system) of this process, or of process ``pid`` where the system
    tells it (Linux ``/proc``); None elsewhere."""
    if pid is None:
        times = os.times()
        return times.user + times.system
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def push_parts(marks: list[tuple[float, ...]]) -> list[tuple[float, ...]]:
    """What each tenth of the push took (each tenth a tenth of its batches), from the
    measures taken at its start and after every batch was answered (wall time, then CPU
    times); with fewer than ten batches, one part per batch. The first part includes the
    key exchange and the first batch, which nothing overlaps."""
    batches = len(marks) - 1
    parts = min(10, batches)
    bounds = [marks[round(batches * k / parts)] for k in range(parts + 1)]
    return [
        tuple(b - a for a, b in zip(start, end, strict=True))
        for start, end in itertools.pairwise(bounds)
    ]


def _seconds(times: list[float]) -> str:
    return " ".join(f"{t:.2f}" for t in times)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--households", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--batch", type=int, default=500)
    args = parser.parse_args()

    print(f"generating {args.households} demo households ...", flush=True)
    households = generate_households(args.households, seed=args.seed, as_of=date(2026, 11, 1))
    rows = county_rows(households)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        bulk = time_bulk_insert(folder / "bulk.db", rows)

        laptop = open_store(folder / "laptop.db")
        save_households(laptop, households, regions=demo_regions())
        laptop.close()  # the write-ahead log folded into the file, for its size
        size_before = store_bytes(folder / "laptop.db")
        county_db = folder / "county.db"
        engine = open_county(county_db)
        load_regions(engine, demo_regions())  # as ``county regions FILE`` would
        code = create_enrollment(engine, worker="王建华", role="county", scope="610423")
        engine.dispose()
        port = free_port()
        server = start_server(county_db, port)
        try:
            url = f"http://127.0.0.1:{port}"
            enroll(laptop, url, code)
            marks: dict[str, float] = {}
            # The push's start, then after every batch answered: wall time, CPU of the
            # laptop and of the county (the CPU times do not depend on other work's load).
            pushed: list[tuple[float, ...]] = []

            cpu: dict[str, tuple[float | None, float | None]] = {}

            def progress(p: SyncProgress) -> None:
                if p.phase == "push":
                    laptop, county = cpu_seconds(), cpu_seconds(server.pid)
                    pushed.append((time.perf_counter(), laptop or 0.0, county or 0.0))
                if p.phase not in marks:
                    marks[p.phase] = time.perf_counter()
                    cpu[p.phase] = (cpu_seconds(), cpu_seconds(server.pid))

            start = time.perf_counter()
            report = sync(laptop, progress=progress, batch_size=args.batch)
            push = marks["resolve"] - start
            parts = push_parts(pushed)
            laptop_cpu, county_cpu = (
                None if a is None or b is None else b - a
                for a, b in zip(cpu["push"], cpu["resolve"], strict=True)
            )
            whole = time.perf_counter() - start
            assert report.synced and report.accepted == args.households, report
            empty = []
            for _ in range(7):
                t0 = time.perf_counter()
                again = sync(laptop)
                empty.append((time.perf_counter() - t0) * 1000)
                assert again.synced and again.sent == 0 and again.received == 0
            # A township laptop's first sync: every household comes down, none goes up.
            engine = open_county(county_db)
            code = create_enrollment(engine, worker="李秀英", role="county", scope="610423")
            engine.dispose()
            fresh = open_store(folder / "fresh.db")
            enroll(fresh, url, code)
            t0 = time.perf_counter()
            pulled = sync(fresh)
            first_pull = time.perf_counter() - t0
            assert pulled.synced and pulled.received == args.households, pulled
            fresh.close()
        finally:
            server.terminate()
            server.wait()
            laptop.close()
        size_after = store_bytes(folder / "laptop.db")

    n = args.households
    print(f"households:               {n} ({len(rows['record'])} rows)")
    print(f"bulk insert (baseline):   {bulk:.2f} s")
    print(f"first push over loopback: {push:.2f} s ({n / push:,.0f} households/s)")
    print(f"ratio push / bulk insert: {push / bulk:.2f}x  (target <= 3x, <= 10 s)")
    if laptop_cpu is not None and county_cpu is not None:
        # The two processes overlap: on a machine whose cores are busy with other work,
        # the push takes up to about the sum.
        print(f"  CPU during the push:    laptop {laptop_cpu:.2f} s, county {county_cpu:.2f} s")
    size = n // len(parts)
    walls = [part[0] for part in parts]
    cpus = [part[1] + part[2] for part in parts]
    print(f"push in {len(parts)} parts of {size} households, wall (s): " + _seconds(walls))
    print("  CPU of laptop + county (s):  " + _seconds(cpus))
    for label, times in (("wall", walls), ("CPU", cpus)):
        print(
            f"  {label}: last part / first part {times[-1] / times[0]:.2f}x (target <= 1.1x), "
            f"last / median {times[-1] / statistics.median(times):.2f}x"
        )
    print(f"whole first sync (push + pull back): {whole:.2f} s")
    print(f"empty incremental sync:   median {statistics.median(empty):.1f} ms (target <= 100 ms)")
    print(f"first pull by a new laptop: {first_pull:.2f} s ({n / first_pull:,.0f} households/s)")
    print(
        f"laptop store: {size_before / 1e6:.1f} MB before its first sync, "
        f"{size_after / 1e6:.1f} MB after ({size_after / size_before:.2f}x; target <= 1.5x)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
