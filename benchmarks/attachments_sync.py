"""Attachments sync benchmark (issue 19): a laptop's sync of 100 MB of attachments to a
county server over loopback, and another laptop's sync that brings them down, against the
time to send the same bytes in one plain HTTP request over loopback to a trivial server
started in the same run (one that reads the body and answers "ok"; both the standard
library's and uvicorn's, the server the county runs on: the faster is the baseline).

Target (issue 19): the sync up <= 2x the plain request.

    python benchmarks/attachments_sync.py [--mb 100] [--files 5] [--db postgresql://...]

The county's database is a SQLite file unless ``--db`` names a PostgreSQL database.
"""

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import httpx

from caseworker.demo.places import demo_regions
from caseworker.interchange.household_format import parse_household
from caseworker.store.db import Store, open_store
from caseworker.store.households import save_household
from caseworker.store.regions import add_regions
from caseworker.sync.client import enroll, sync
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


def plain_request(script: str, body: bytes, repeat: int) -> float:
    """The best time of ``repeat`` plain requests carrying ``body`` to a trivial server."""
    port = free_port()
    process = subprocess.Popen([sys.executable, "-c", script, str(port)])
    try:
        wait_for(port, process)
        times = []
        with httpx.Client(timeout=120) as client:
            for _ in range(repeat):
                start = time.perf_counter()
                response = client.post(f"http://127.0.0.1:{port}/", content=body)
                times.append(time.perf_counter() - start)
                assert response.content == b"ok"
        return min(times)
    finally:
        process.terminate()
        process.wait()


def laptop(path: Path) -> Store:
    store = open_store(path)
    with store.begin() as conn:
        add_regions(conn, demo_regions())
    store.actor = "王建华"
    return store


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=int, default=100)
    parser.add_argument("--files", type=int, default=5)
    parser.add_argument("--db", help="a PostgreSQL URL for the county (default: SQLite)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from tests.sync.attachment_helpers import attach, pdf_bytes

    size = args.mb * MiB // args.files
    with tempfile.TemporaryDirectory() as tmp:
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
            contents = [pdf_bytes(size, seed=n) for n in range(args.files)]
            for content in contents:
                attach(a, household.id, content)
            total = sum(len(c) for c in contents)

            start = time.perf_counter()
            cpu = (cpu_seconds(), cpu_seconds(server.pid))
            up = sync(a)
            up_time = time.perf_counter() - start
            up_cpu = (cpu_seconds() - cpu[0], cpu_seconds(server.pid) - cpu[1])
            assert up.attachments_sent == args.files and up.attachments_pending == 0, up
            start = time.perf_counter()
            cpu = (cpu_seconds(), cpu_seconds(server.pid))
            down = sync(b)
            down_time = time.perf_counter() - start
            down_cpu = (cpu_seconds() - cpu[0], cpu_seconds(server.pid) - cpu[1])
            assert down.attachments_received == args.files, down
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

    body = b"".join(contents)
    stdlib = plain_request(STDLIB_SERVER, body, args.repeat)
    uvicorn = plain_request(UVICORN_SERVER, body, args.repeat)
    baseline = min(stdlib, uvicorn)
    database = "PostgreSQL" if args.db else "SQLite"
    print(f"attachments: {args.files} files, {total / MiB:.0f} MiB; county on {database}")
    print(f"  plain request, standard library server: {stdlib:.3f} s")
    print(f"  plain request, uvicorn server:          {uvicorn:.3f} s")
    print(
        f"  sync up (records and content):          {up_time:.3f} s  ({up.chunks_sent} chunks; "
        f"CPU: laptop {up_cpu[0]:.2f} s, county {up_cpu[1]:.2f} s)"
    )
    print(
        f"  sync down (the other laptop):           {down_time:.3f} s  (CPU: laptop "
        f"{down_cpu[0]:.2f} s, county {down_cpu[1]:.2f} s)"
    )
    print(f"  sync with nothing new (median of 5):    {statistics.median(empty) * 1000:.0f} ms")
    print(f"  up / plain request:   {up_time / baseline:.2f}x (target <= 2x)")
    print(f"  down / plain request: {down_time / baseline:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
