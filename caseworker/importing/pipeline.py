"""Importing household files, a large file in two processes at once.

Reading, checking and converting a household takes about as long as writing it, and a
laptop has at least two cores: for one large file, a worker process
(``caseworker.importing.worker``) reads and checks households and prepares their rows
while this process writes them, in one transaction as always.

This way only handles the usual case of a large import: a well-formed file of households
all new to the store. On anything else (a bad household, a household already stored, an
ID number already used, a worker that cannot start) the transaction is rolled back, so
nothing of it stays, and the files are imported the ordinary way (read and check all,
then ``save_households``), which updates stored households and reports every error
exactly as it always has.
"""

import multiprocessing
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from sqlalchemy import Connection
from sqlalchemy.exc import IntegrityError

from caseworker.domain.bulk import gc_paused
from caseworker.domain.records import Household
from caseworker.domain.regions import Region
from caseworker.domain.validation import FieldError, ValidationFailed
from caseworker.importing.inbox import Inbox
from caseworker.importing.worker import DONE, FALLBACK, REGIONS, ROWS, AuditStart, prepare_file
from caseworker.interchange.files import read_household_file
from caseworker.store import audit
from caseworker.store.db import Store
from caseworker.store.household_checks import batch_errors
from caseworker.store.households import (
    ImportResult,
    insert_prepared,
    record_changes,
    save_households,
)
from caseworker.store.prepared import HouseholdKey, Params, PreparedRows
from caseworker.store.regions import add_regions
from caseworker.store.search import fill_full_text, last_index_rowid
from caseworker.store.tables import utcnow

# Below this size a file is read the ordinary way: starting a process costs about a
# second, more than it saves on a file of a few thousand households.
STREAM_MIN_BYTES = 8 * 1024 * 1024
CHUNK = 2000  # households per message from the worker
AHEAD = 3  # chunks the worker may send before they are written
# Written households whose index, outbox and audit entries wait at most (see _Deferred):
# each full-text fill costs a fixed part (2,000 at a time cost ~15% more than all at
# once), while leaving it all to the end would put it after the worker has finished.
FULL_TEXT_EVERY = 25_000


class _Abandon(Exception):
    """This file cannot be imported in two processes; import it the ordinary way."""


def import_households(
    store: Store, paths: Sequence[Path], *, stream_min_bytes: int = STREAM_MIN_BYTES
) -> ImportResult:
    """Add or update the households of ``paths``, all or nothing.

    Raises ValidationFailed (and writes nothing) naming every bad field of every file, or
    every household that clashes with the store.
    """
    if len(paths) == 1 and _size(paths[0]) >= stream_min_bytes:
        result = import_in_two_processes(store, paths[0])
        if result is not None:
            return result
    households, regions = read_household_files(paths)
    return save_households(store, households, regions=regions)


def read_household_files(paths: Sequence[Path]) -> tuple[list[Household], list[Region]]:
    """Every household and region of ``paths``; ValidationFailed with every error of
    every file."""
    households: list[Household] = []
    regions: list[Region] = []
    errors: list[FieldError] = []
    omitted = 0
    for path in paths:
        try:
            batch = read_household_file(path)
        except ValidationFailed as failed:
            errors.extend(failed.errors)
            omitted += failed.omitted
            continue
        households.extend(batch.households)
        regions.extend(batch.regions)
    if errors:
        raise ValidationFailed(errors, omitted)
    return households, regions


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # the ordinary way reports why it cannot be read


def import_in_two_processes(store: Store, path: Path) -> ImportResult | None:
    """Import one file of new households with a worker process preparing the rows; None
    (and the store as it was) if it has to be imported the ordinary way instead."""
    context = multiprocessing.get_context("spawn")  # no fork: the app may run threads
    receiving, sending = context.Pipe(duplex=False)
    now = utcnow()
    # The worker chains the audit entries on from the newest one now; the transaction
    # checks that it still is the newest (another writer in between: the ordinary way).
    with store.read() as conn:
        start = AuditStart(audit.last_hash(conn), store.actor)
    worker = context.Process(
        target=prepare_file,
        args=(path, store.device_id, now, sending, CHUNK, start),
        daemon=True,
    )
    try:
        worker.start()
    except OSError:
        return None
    finally:
        sending.close()  # the worker holds its own copy; EOF when it exits
    inbox = Inbox(receiving, ahead=AHEAD, last=frozenset({DONE, FALLBACK}))
    try:
        with gc_paused(), store.bulk() as conn:
            return _write(conn, inbox, now, start)
    except (_Abandon, IntegrityError, EOFError, OSError):
        return None
    finally:
        if not inbox.finished:
            worker.terminate()  # given up midway: the rest of its work is not needed
        worker.join(timeout=5)
        if worker.is_alive():
            worker.terminate()
            worker.join()
        inbox.close()


class _Deferred:
    """What written households still need: their full-text index entries, outbox entries
    and audit entries (in the same transaction). Written whenever the worker has nothing
    ready, so that this process does it instead of waiting, and every FULL_TEXT_EVERY
    households (a few large fills cost less than many small ones)."""

    def __init__(self, conn: Connection, now: datetime) -> None:
        self._conn, self._now = conn, now
        self._index_after = last_index_rowid(conn)
        self._ids: list[str] = []
        self._audit: list[Params] = []

    def add(self, rows: PreparedRows) -> None:
        self._ids.extend(k.id for k in rows.keys)
        self._audit.extend(rows.audit)

    @property
    def count(self) -> int:
        return len(self._ids)

    def write(self) -> None:
        """Write what is pending, if anything."""
        if not self._ids:
            return
        fill_full_text(self._conn, self._index_after)
        record_changes(self._conn, self._ids, kind="insert", now=self._now)
        audit.insert_prepared(self._conn, self._audit)
        self._index_after, self._ids, self._audit = last_index_rowid(self._conn), [], []


def _receive_regions(inbox: Inbox) -> list[Region]:
    kind, payload = inbox.get()
    if kind != REGIONS:
        raise _Abandon(payload)
    regions: list[Region] = payload
    return regions


def _write(conn: Connection, inbox: Inbox, now: datetime, start: AuditStart) -> ImportResult:
    if audit.last_hash(conn) != start.prev_hash:
        raise _Abandon("the audit trail grew since the worker started")
    add_regions(conn, _receive_regions(inbox))
    keys: list[HouseholdKey] = []
    deferred = _Deferred(conn, now)
    while True:
        if inbox.empty():
            deferred.write()  # rather than wait for the next chunk
        kind, payload = inbox.get()
        if kind == DONE:
            deferred.write()
            break
        if kind != ROWS:
            raise _Abandon(payload)
        rows: PreparedRows = payload
        # A chunk is written while the worker prepares the next ones; only the checks
        # across the whole file wait for the end, and failing them rolls all of it back.
        # A household already stored fails the insert (IntegrityError): the ordinary way
        # then updates it.
        insert_prepared(conn, rows)
        deferred.add(rows)
        if deferred.count >= FULL_TEXT_EVERY:
            deferred.write()
        keys.extend(rows.keys)
    errors = batch_errors(conn, keys)
    if errors:
        raise ValidationFailed(errors)
    return ImportResult(added=len(keys), updated=0, unchanged=0)
