"""Sync test fixtures: a real county server (uvicorn in a subprocess, on loopback) over a
real database (a SQLite file, or a real PostgreSQL server), and real laptop stores."""

import os
import shutil
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from sqlalchemy import Engine

from caseworker.demo.places import demo_regions
from caseworker.store.db import Store, open_store
from caseworker.store.regions import add_regions
from caseworker.sync.client import enroll
from caseworker.sync.county.auth import create_enrollment
from caseworker.sync.county.db import open_county
from caseworker.sync.county.regions import load_regions
from tests.sync.logscan import (
    LogScan,
    county_values,
    laptop_logging,
    refusal_lines,
    store_values,
)
from tests.sync.postgres import PostgresServer, find_postgres

VILLAGE_A = "610423100201"  # 中街村, 云阳镇
VILLAGE_B = "610423100202"  # another village of 云阳镇
TOWNSHIP = "610423100"
COUNTY = "610423"


# The log scan of the running test (see logscan.py and ``no_personal_data_in_logs``).
SCAN: list[LogScan] = []
POSTGRES_LOGS: list[Path] = []


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class CountyServer:
    """A running county server: its URL, database and process."""

    url: str
    db: str
    engine: Engine
    process: subprocess.Popen[bytes]
    log: Path

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    @property
    def alive(self) -> bool:
        return self.process.poll() is None


def start_server(
    db: str, tmp: Path, *, extra: list[str] | None = None, scheme: str = "http"
) -> CountyServer:
    """Start ``caseworker county serve`` and wait until it answers."""
    engine = open_county(db)  # migrate first, as ``county init`` would
    load_regions(engine, demo_regions())  # as ``county regions FILE`` would
    port = free_port()
    log = tmp / f"server-{port}.log"
    for scan in SCAN:
        scan.watch(log)
    with log.open("wb") as out:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "caseworker",
                "county",
                "serve",
                "--db",
                db,
                "--port",
                str(port),
                *(extra or []),
            ],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    url = f"{scheme}://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited: {log.read_text(errors='replace')}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                break
        except OSError:
            time.sleep(0.05)
    else:
        process.kill()
        raise RuntimeError("server did not start")
    return CountyServer(url, db, engine, process, log)


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer | None]:
    """A PostgreSQL server for the session (None when PostgreSQL is not installed)."""
    url = os.environ.get("CASEWORKER_TEST_POSTGRES")
    if url:
        yield PostgresServer.external(url)
        return
    binaries = find_postgres()
    if binaries is None:
        yield None
        return
    server = PostgresServer.start(binaries)
    if server.process_dir is not None:
        POSTGRES_LOGS.append(server.process_dir.parent / "log")
        for scan in SCAN:  # the test that started it
            scan.watch(POSTGRES_LOGS[-1])
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def county_db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh county database: a SQLite file, or a new database on the PostgreSQL server."""
    if request.param == "sqlite":
        return str(tmp_path / "county.db")
    pg: PostgresServer | None = request.getfixturevalue("postgres")
    if pg is None:
        pytest.skip(
            "PostgreSQL is not installed here (Debian package postgresql); .ci/run installs it"
        )
    return pg.new_database()


@pytest.fixture
def county(county_db: str, tmp_path: Path) -> Iterator[CountyServer]:
    server = start_server(county_db, tmp_path)
    yield server
    for scan in SCAN:
        scan.personal |= county_values(server.engine)
        scan.refusals += refusal_lines(server.engine)
    server.stop()
    server.engine.dispose()


def new_store(path: Path) -> Store:
    store = open_store(path)
    with store.begin() as conn:
        add_regions(conn, demo_regions())
    return store


@pytest.fixture
def laptops(tmp_path: Path) -> Iterator[Callable[[str], Store]]:
    """A factory of laptop stores (each a fresh SQLite file with the demo regions)."""
    made: list[Store] = []

    def make(name: str) -> Store:
        store = new_store(tmp_path / f"{name}.db")
        made.append(store)
        return store

    yield make
    for store in made:
        for scan in SCAN:
            scan.personal |= store_values(store)
        store.close()


@pytest.fixture(autouse=True)
def no_personal_data_in_logs() -> Iterator[LogScan]:
    """No log line of a county server, its PostgreSQL server or a laptop holds an ID
    number, name or address of the test's households (checked after every sync test)."""
    scan = LogScan()
    for path in POSTGRES_LOGS:
        scan.watch(path)
    SCAN.append(scan)
    try:
        with laptop_logging(scan):
            yield scan
    finally:
        SCAN.remove(scan)
    leaks = scan.leaks()
    assert not leaks, "personal data in the logs:\n" + "\n".join(leaks[:20])


def enroll_laptop(
    county: CountyServer,
    store: Store,
    *,
    role: str = "village",
    scope: str = VILLAGE_A,
    worker: str = "王建华",
) -> None:
    code = create_enrollment(county.engine, worker=worker, role=role, scope=scope)
    enroll(store, county.url, code)


def raw_client(county: CountyServer, token: str | None = None) -> httpx.Client:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return httpx.Client(base_url=county.url, headers=headers, timeout=30)


def new_uuid() -> str:
    return str(uuid.uuid4())


__all__ = ["shutil"]


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "soak: a long run under load, only with -m soak")
