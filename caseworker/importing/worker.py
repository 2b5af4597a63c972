"""The second process of a large import: reads the file one household at a time, checks
each, and sends the rows to write, ready to bind, a chunk at a time.

It stops at the first thing it does not expect (a bad household, bad JSON, an unusual file
shape) and says so: the parent then abandons its transaction and imports the file the
ordinary way, which finds and reports every error exactly as always. So this process never
decides what an error message says.
"""

import contextlib
import gc
from datetime import datetime
from multiprocessing.connection import Connection
from pathlib import Path
from typing import NamedTuple

from caseworker.domain.records import Household
from caseworker.domain.validation import ValidationFailed
from caseworker.interchange.household_format import parse_household
from caseworker.interchange.stream import NotStreamable, file_pieces, stream_households
from caseworker.store.audit import ChainPreparer
from caseworker.store.prepared import RowPreparer, default_dialect

# Messages to the parent: ("regions", [Region]), then ("rows", PreparedRows) per chunk,
# then ("done", count); or ("fallback", why) at any point instead.
REGIONS, ROWS, DONE, FALLBACK = "regions", "rows", "done", "fallback"
# The first chunk is small: the parent has nothing to write until it arrives.
FIRST_CHUNK = 200


class AuditStart(NamedTuple):
    """Where the import's audit entries join the store's audit chain."""

    prev_hash: str  # of the newest entry when the import began
    actor: str


def prepare_file(
    path: Path, device_id: str, now: datetime, out: Connection, chunk: int, audit: AuditStart
) -> None:
    """Stream ``path`` to ``out`` as prepared rows (the worker process's whole job)."""
    # A short-lived process building millions of small acyclic objects: the cyclic
    # collector would only walk them again and again.
    gc.disable()
    try:
        regions, items = stream_households(file_pieces(path))
        out.send((REGIONS, regions))
        dialect = default_dialect()
        chain = ChainPreparer(
            prev=audit.prev_hash, at=now, device_id=device_id, actor=audit.actor, dialect=dialect
        )
        preparer = RowPreparer(device_id, now, dialect, audit=chain)
        batch: list[Household] = []
        count = 0
        size = min(FIRST_CHUNK, chunk)
        for item in items:
            batch.append(parse_household(item))
            if len(batch) == size:
                size = chunk
                out.send((ROWS, preparer.prepare(batch)))
                count += len(batch)
                batch = []
        if batch:
            out.send((ROWS, preparer.prepare(batch)))
            count += len(batch)
        out.send((DONE, count))
    except (NotStreamable, ValidationFailed, OSError, UnicodeDecodeError) as exc:
        with contextlib.suppress(OSError):  # the parent may have stopped listening
            out.send((FALLBACK, f"{type(exc).__name__}: {exc}"))
    finally:
        out.close()
