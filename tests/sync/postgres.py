"""A throwaway PostgreSQL server from the Debian binaries, for the server tests.

``CASEWORKER_TEST_POSTGRES`` (a URL to a database whose user may create databases) uses an
existing server instead. As root, the server runs as the ``postgres`` system user, since
PostgreSQL refuses to run as root.
"""

import glob
import os
import shutil
import subprocess
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa


def find_postgres() -> Path | None:
    """The bin folder of the newest installed PostgreSQL, or None."""
    candidates = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4])
    )
    if candidates:
        return Path(candidates[-1]).parent
    found = shutil.which("initdb")
    return Path(found).parent if found else None


def _as_postgres_user(cmd: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return cmd
    return ["runuser", "-u", "postgres", "--", *cmd]


@dataclass
class PostgresServer:
    admin_url: str
    process_dir: Path | None = None
    bin_dir: Path | None = None

    @classmethod
    def external(cls, url: str) -> "PostgresServer":
        return cls(url)

    @classmethod
    def start(cls, bin_dir: Path) -> "PostgresServer":
        # Not under pytest's folder: that is private to root, and the server runs as the
        # postgres user.
        tmp = Path(tempfile.mkdtemp(prefix="caseworker-pg-"))
        data = tmp / "data"
        sock = tmp / "sock"
        data.mkdir()
        sock.mkdir()
        if os.geteuid() == 0:
            shutil.chown(tmp, "postgres")
            shutil.chown(data, "postgres")
            shutil.chown(sock, "postgres")
        subprocess.run(
            _as_postgres_user(
                [
                    str(bin_dir / "initdb"),
                    "-D",
                    str(data),
                    "-A",
                    "trust",
                    "-U",
                    "caseworker",
                    "--no-sync",
                ]
            ),
            check=True,
            capture_output=True,
        )
        import socket

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        options = f"-p {port} -k {sock} -c listen_addresses=127.0.0.1 -c fsync=off"
        subprocess.run(
            _as_postgres_user(
                [
                    str(bin_dir / "pg_ctl"),
                    "-D",
                    str(data),
                    "-o",
                    options,
                    "-l",
                    str(tmp / "log"),
                    "-w",
                    "start",
                ]
            ),
            check=True,
            capture_output=True,
        )
        server = cls(f"postgresql://caseworker@127.0.0.1:{port}/postgres", data, bin_dir)
        deadline = time.monotonic() + 20
        while True:
            try:
                engine = sa.create_engine(server._url("postgres"))
                with engine.connect():
                    pass
                engine.dispose()
                return server
            except sa.exc.OperationalError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)

    def _url(self, database: str) -> str:
        base = self.admin_url.rsplit("/", 1)[0].replace("postgresql://", "postgresql+psycopg://", 1)
        return f"{base}/{database}"

    def new_database(self) -> str:
        """A new empty database; its URL (as ``county serve --db`` takes it)."""
        name = f"county_{uuid.uuid4().hex[:12]}"
        engine = sa.create_engine(self._url("postgres"), isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
        engine.dispose()
        return self._url(name).replace("postgresql+psycopg://", "postgresql://", 1)

    def stop(self) -> None:
        if self.process_dir is not None and self.bin_dir is not None:
            subprocess.run(
                _as_postgres_user(
                    [
                        str(self.bin_dir / "pg_ctl"),
                        "-D",
                        str(self.process_dir),
                        "-m",
                        "immediate",
                        "stop",
                    ]
                ),
                check=False,
                capture_output=True,
            )
            shutil.rmtree(self.process_dir.parent, ignore_errors=True)
