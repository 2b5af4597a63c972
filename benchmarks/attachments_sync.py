"""Attachments sync benchmark (issue 19): a laptop's sync of 100 MB of attachments to a
county server over loopback, and another laptop's sync that brings them down, against the
time to send the same bytes in one plain HTTP request over loopback to a trivial server
started in the same run (one that reads the body and answers "ok"; both the standard
library's and uvicorn's, the server the county runs on: the faster is the baseline).

The plain request is sent by the laptop's HTTP client (httpx) with its body in 256 KiB
pieces: handed the 100 MiB as one ``bytes``, httpx copies what is left of it after every
partial write to the socket, and the request then measures those copies (3-5x slower,
more so against the slower-reading server) rather than the sending.

Target (issue 19): the sync up <= 2x the plain request.

    python benchmarks/attachments_sync.py [--mb 100] [--files 5] [--db postgresql://...]

The county's database is a SQLite file unless ``--db`` names a PostgreSQL database.
"""

import argparse
import hashlib
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from caseworker.demo.places import demo_regions
from caseworker.interchange.household_format import parse_household
from caseworker.store.attachments import seal, unseal
from caseworker.store.db import Store, open_store
from caseworker.store.households import save_household
from caseworker.store.regions import add_regions
from caseworker.sync.client import enroll, sync
from caseworker.sync.county.attachment_uploads import CHUNK_SIZE
from caseworker.sync.county.auth import create_enrollment
from caseworker.sync.county.db import open_county
from caseworker.sync.county.regions import load_regions

MiB = 1024 * 1024
HOUSEHOLD = {
    "format": "caseworker.household/1",
    "village_code": "610423100201",
    "address": "三组18号",
    "hukou": "rural",
    "local_resident": True,
    "registered_poor": {"status": "none", "exited_on": None},
    "members": [
        {
            "name": "张学林",
            "id_number": "610423197401080657",
            "relation": "head",
            "labor_capacity": "full",
            "disability": {"type": "none", "grade": None},
            "serious_illness": "",
            "incomes": [],
        }
    ],
    "assets": [],
    "expenses": [],
    "legal_supporters": None,
    "benefits": [],
}

# The trivial servers: read the whole body, answer "ok".
STDLIB_SERVER = textwrap.dedent(
    """
    import sys
    from http.server import BaseHTTPRequestHandler, HTTPServer

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def do_POST(self):
            left = int(self.headers["Content-Length"])
            while left:
                left -= len(self.rfile.read(min(left, 1 << 20)))
            self.send_response(200)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")

    HTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
    """
)
UVICORN_SERVER = textwrap.dedent(
    """
    import sys
    import uvicorn

    async def app(scope, receive, send):
        if scope["type"] != "http":
            return
        more = True
        while more:
            message = await receive()
            more = message.get("more_body", False)
        await send({"type": "http.response.start", "status": 200,
                    "headers": [(b"content-length", b"2")]})
        await send({"type": "http.response.body", "body": b"ok"})

    uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning")
    """
)


def cpu_seconds(pid: int | None = None) -> float:
    """CPU time (user + system) of this process, or of process ``pid`` (Linux ``/proc``;
    0 elsewhere)."""
    if pid is None:
        times = os.times()
        return times.user + times.system
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for(port: int, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("the server exited")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("the server did not start")


@contextmanager
def plain_server(script: str) -> Iterator[str]:
    """A trivial server (``script``) running on loopback: its URL."""
    port = free_port()
    process = subprocess.Popen([sys.executable, "-c", script, str(port)])
    try:
        wait_for(port, process)
        yield f"http://127.0.0.1:{port}/"
    finally:
        process.terminate()
        process.wait()


PIECE = 256 * 1024


def plain_request(client: httpx.Client, url: str, body: bytes) -> float:
    """The time of one plain request carrying ``body`` (fed to the client in pieces)."""
    view = memoryview(body)
    pieces = (bytes(view[at : at + PIECE]) for at in range(0, len(body), PIECE))
    start = time.perf_counter()
    response = client.post(url, content=pieces, headers={"Content-Length": str(len(body))})
    elapsed = time.perf_counter() - start
    assert response.content == b"ok"
    return elapsed


def plain_chunks(client: httpx.Client, url: str, body: bytes, size: int) -> float:
    """The time of plain requests carrying ``body`` in chunks of ``size``, one after the
    other: what the HTTP layer alone costs for the sync's pattern of requests."""
    start = time.perf_counter()
    for at in range(0, len(body), size):
        plain_request(client, url, body[at : at + size])
    return time.perf_counter() - start


def write_new_files(folder: Path, body: bytes, size: int) -> float:
    """The time to write ``body`` into new files of ``size`` bytes in ``folder`` (made
    here), without flushing them to disk: what keeping the same bytes costs any server
    that stores what it receives, before it does anything else with them. A machine may
    take several times longer to write new pages than pages it wrote before."""
    folder.mkdir()
    start = time.perf_counter()
    for n, at in enumerate(range(0, len(body), size)):
        (folder / str(n)).write_bytes(body[at : at + size])
    return time.perf_counter() - start


def required_checks(contents: list[bytes]) -> float:
    """The time of the two checks issue 19 requires of every file, on one core and with
    nothing else: the laptop opening the file it keeps encrypted (AES-256-GCM, as
    ``store.attachments.unseal``) and the county checking the SHA-256 of what arrived. No
    sync can take less, whatever its protocol."""
    key = os.urandom(32)
    sealed = [
        (hashlib.sha256(c).hexdigest(), seal(key, hashlib.sha256(c).hexdigest(), c))
        for c in contents
    ]
    start = time.perf_counter()
    for sha256, box in sealed:
        assert hashlib.sha256(unseal(key, sha256, box)).hexdigest() == sha256
    return time.perf_counter() - start


def laptop(path: Path) -> Store:
    store = open_store(path)
    with store.begin() as conn:
        add_regions(conn, demo_regions())
    store.actor = "王建华"
    return store


@dataclass
class Round:
    """One round's figures, in seconds."""

    stdlib: float
    uvicorn: float
    uvicorn_chunks: float
    new_files: float
    checks: float
    up: float
    down: float
    up_cpu: tuple[float, float]  # laptop, county


def sync_round(
    a: Store, b: Store, household_id: str, contents: list[bytes], county_pid: int
) -> tuple[float, float, tuple[float, float]]:
    """Attach ``contents`` on laptop ``a``, sync it up, then sync ``b`` down: the two
    times, and the CPU the sync up took on the laptop and at the county."""
    from tests.sync.attachment_helpers import attach

    for content in contents:
        attach(a, household_id, content)
    start = time.perf_counter()
    cpu = (cpu_seconds(), cpu_seconds(county_pid))
    up = sync(a)
    up_time = time.perf_counter() - start
    up_cpu = (cpu_seconds() - cpu[0], cpu_seconds(county_pid) - cpu[1])
    assert up.attachments_sent == len(contents) and up.attachments_pending == 0, up
    start = time.perf_counter()
    down = sync(b)
    down_time = time.perf_counter() - start
    assert down.attachments_received == len(contents), down
    return up_time, down_time, up_cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=int, default=100)
    parser.add_argument("--files", type=int, default=5)
    parser.add_argument("--db", help="a PostgreSQL URL for the county (default: SQLite)")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from tests.sync.attachment_helpers import pdf_bytes

    size = args.mb * MiB // args.files
    rounds: list[Round] = []
    with (
        tempfile.TemporaryDirectory() as tmp,
        plain_server(STDLIB_SERVER) as stdlib_url,
        plain_server(UVICORN_SERVER) as uvicorn_url,
        httpx.Client(timeout=120) as client,
    ):
        folder = Path(tmp)
        db = args.db or str(folder / "county.db")
        engine = open_county(db)
        load_regions(engine, demo_regions())
        a = laptop(folder / "a.db")
        b = laptop(folder / "b.db")
        port = free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "caseworker", "county", "serve", "--db", db, "--port", str(port)]
        )
        try:
            wait_for(port, server)
            url = f"http://127.0.0.1:{port}"
            for store, worker in ((a, "王建华"), (b, "李秀英")):
                code = create_enrollment(
                    engine, worker=worker, role="village", scope="610423100201"
                )
                enroll(store, url, code)
            household = parse_household(HOUSEHOLD)
            save_household(a, household)
            assert sync(a).accepted == 1 and sync(b).received == 1
            for n in range(args.rounds):
                # Fresh content each round (the county keeps what it has): the same
                # bytes go in the plain requests of the round, one after the other.
                contents = [pdf_bytes(size, seed=n * args.files + i) for i in range(args.files)]
                body = b"".join(contents)
                stdlib = plain_request(client, stdlib_url, body)
                uvicorn = plain_request(client, uvicorn_url, body)
                chunked = plain_chunks(client, uvicorn_url, body, CHUNK_SIZE)
                new_files = write_new_files(folder / f"files-{n}", body, CHUNK_SIZE)
                checks = required_checks(contents)
                up, down, up_cpu = sync_round(a, b, household.id, contents, server.pid)
                rounds.append(Round(stdlib, uvicorn, chunked, new_files, checks, up, down, up_cpu))
            empty = []
            for _ in range(5):
                start = time.perf_counter()
                again = sync(a)
                empty.append(time.perf_counter() - start)
                assert again.chunks_sent == again.chunks_received == 0
        finally:
            server.terminate()
            server.wait()
            a.close()
            b.close()
            engine.dispose()
    report(args, size, rounds, empty)
    return 0


def report(args: argparse.Namespace, size: int, rounds: list[Round], empty: list[float]) -> None:
    """Print each round and the medians."""

    def median(values: list[float]) -> float:
        return statistics.median(values)

    database = "PostgreSQL" if args.db else "SQLite"
    print(
        f"attachments: {args.files} files, {args.files * size / MiB:.0f} MiB a round; "
        f"county on {database}; {len(rounds)} rounds"
    )
    print(
        "  round  plain(stdlib)  plain(uvicorn)  in chunks(uvicorn)  new files  checks"
        "  sync up  sync down  up/uvicorn  up/stdlib"
    )
    for n, r in enumerate(rounds, 1):
        print(
            f"  {n:>5}  {r.stdlib:>12.3f}s  {r.uvicorn:>13.3f}s  {r.uvicorn_chunks:>17.3f}s"
            f"  {r.new_files:>8.3f}s  {r.checks:>5.3f}s  {r.up:>6.3f}s  {r.down:>8.3f}s"
            f"  {r.up / r.uvicorn:>9.2f}x  {r.up / r.stdlib:>8.2f}x"
        )
    up = median([r.up for r in rounds])
    uvicorn = median([r.uvicorn for r in rounds])
    stdlib = median([r.stdlib for r in rounds])
    laptop_cpu = median([r.up_cpu[0] for r in rounds])
    county_cpu = median([r.up_cpu[1] for r in rounds])
    print(
        f"  medians: plain request to the county's HTTP server (uvicorn) {uvicorn:.3f} s, "
        f"to the standard library's {stdlib:.3f} s; plain requests of one chunk each "
        f"(uvicorn) {median([r.uvicorn_chunks for r in rounds]):.3f} s; writing the bytes "
        f"to new files {median([r.new_files for r in rounds]):.3f} s"
    )
    print(
        f"           sync up {up:.3f} s (CPU: laptop {laptop_cpu:.2f} s, county "
        f"{county_cpu:.2f} s), sync down {median([r.down for r in rounds]):.3f} s"
    )
    print(f"  sync with nothing new (median of 5): {median(empty) * 1000:.0f} ms")
    print(
        f"  up / plain request (uvicorn), median of the rounds' ratios: "
        f"{median([r.up / r.uvicorn for r in rounds]):.2f}x (target <= 2x)"
    )
    print(
        f"  up / plain request (standard library), median: "
        f"{median([r.up / r.stdlib for r in rounds]):.2f}x"
    )
    print(
        f"  the required checks alone (unsealing and SHA-256, one core), median "
        f"{median([r.checks for r in rounds]):.3f} s: "
        f"{median([r.checks / r.uvicorn for r in rounds]):.2f}x the plain request (uvicorn), "
        f"{median([r.checks / r.stdlib for r in rounds]):.2f}x (standard library)"
    )


if __name__ == "__main__":
    sys.exit(main())
