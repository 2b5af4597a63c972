"""The log scan of the sync tests: every line the county server processes, their
PostgreSQL server and the laptops (this test process) log during a test, and the county's
table of refused requests, is searched for the ID numbers, names and addresses of the
test's households. None may appear.

What counts as personal data: every value of a personal field (``PERSONAL_FIELDS``) of
every household a laptop store or a county database of the test held, and anything shaped
like an 18-character resident ID number (households a hostile test sent and the county
refused are in no store)."""

import logging
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, select

from caseworker.store.db import Store
from caseworker.sync.county.tables import RECORD, REFUSAL
from caseworker.sync.local_rows import read_rows
from caseworker.sync.wire import TABLES

PERSONAL_FIELDS: dict[str, tuple[str, ...]] = {
    "household": ("address",),
    "member": ("name", "id_number"),
    "legal_supporter": ("name",),
    "signature": ("signer_name",),
}
ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])[0-9]{17}[0-9Xx](?![0-9A-Za-z])")


def personal_values(rows: Iterable[tuple[str, dict[str, Any]]]) -> set[str]:
    """The personal values of ``(table, row data)`` pairs (two characters or more: one
    character is part of too many words to mean anyone)."""
    found = set()
    for table, data in rows:
        for name in PERSONAL_FIELDS.get(table, ()):
            value = data.get(name)
            if isinstance(value, str) and len(value.strip()) >= 2:
                found.add(value.strip())
    return found


def county_values(engine: Engine) -> set[str]:
    """The personal values of every record a county database holds."""
    with engine.connect() as conn:
        rows = conn.execute(select(RECORD.c.table_name, RECORD.c.data)).all()
    return personal_values((r.table_name, r.data) for r in rows)


def refusal_lines(engine: Engine) -> list[str]:
    """The county's log of refused requests (table ``refusal``), a line each."""
    with engine.connect() as conn:
        rows = conn.execute(select(REFUSAL.c.path, REFUSAL.c.status, REFUSAL.c.reason)).all()
    return [f"refusal {r.status} {r.path}: {r.reason}" for r in rows]


def store_values(store: Store) -> set[str]:
    """The personal values of every household a laptop store holds."""
    with store.read() as conn:
        ids = list(conn.execute(select(TABLES["household"].c.id)).scalars())
        households = read_rows(conn, ids)
    return personal_values(
        (table, data)
        for rows in households.values()
        for table, by_id in rows.items()
        for data in by_id.values()
    )


@dataclass
class LogScan:
    """What one test logged and which personal data it had."""

    files: list[tuple[Path, int]] = field(default_factory=list)  # file, offset at start
    lines: list[str] = field(default_factory=list)  # this process's log records
    refusals: list[str] = field(default_factory=list)  # the county's table ``refusal``
    personal: set[str] = field(default_factory=set)

    def watch(self, path: Path) -> None:
        """Scan ``path`` from its present end (or its start, if it is not there yet)."""
        self.files.append((path, path.stat().st_size if path.exists() else 0))

    def texts(self) -> Iterator[tuple[str, str]]:
        """(where, text) of every log this test wrote."""
        for path, offset in self.files:
            if path.exists():
                with path.open("rb") as f:
                    f.seek(offset)
                    yield (
                        f"{path.parent.name}/{path.name}",
                        f.read().decode("utf-8", errors="replace"),
                    )
        yield "laptop", "\n".join(self.lines)
        yield "table refusal", "\n".join(self.refusals)

    def leaks(self) -> list[str]:
        """Each log line holding personal data, with where it was and what it held."""
        found = []
        for where, text in self.texts():
            for line in text.splitlines():
                held = {v for v in self.personal if v in line} | set(ID_NUMBER.findall(line))
                if held:
                    found.append(f"{where}: {sorted(held)}: {line[:300]}")
        return found


class _Lines(logging.Handler):
    def __init__(self, lines: list[str]) -> None:
        super().__init__(logging.DEBUG)
        self.lines = lines
        self.setFormatter(logging.Formatter("%(levelname)s %(name)s %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        # With the traceback and exception message, as a log file would hold them.
        self.lines.append(self.format(record))


@contextmanager
def laptop_logging(scan: LogScan) -> Iterator[None]:
    """Keep every log record of this process (the laptops' side) while the block runs:
    the app's loggers from DEBUG, the libraries' from INFO."""
    handler = _Lines(scan.lines)
    root, ours = logging.getLogger(), logging.getLogger("caseworker")
    levels = root.level, ours.level
    root.addHandler(handler)
    if root.level > logging.INFO:
        root.setLevel(logging.INFO)
    ours.setLevel(logging.DEBUG)
    try:
        yield
    finally:
        root.removeHandler(handler)
        root.setLevel(levels[0])
        ours.setLevel(levels[1])
