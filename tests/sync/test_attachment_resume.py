"""The issue's acceptance test: a sync of 200 MB of attachments over loopback, broken five
times on the way up (requests cut half-way, answers lost, the connection gone for longer
than the laptop's retries so the sync fails and is run again), resumes without sending a
chunk the county had taken, and the other laptop's download, broken too, fetches no chunk
twice; both laptops end with identical records and content (SHA-256), on SQLite and
PostgreSQL."""

import time
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from caseworker.interchange.household_format import parse_household
from caseworker.store.db import Store
from caseworker.store.households import save_household
from caseworker.sync import attachment_receiving, attachment_wire
from caseworker.sync.client import sync
from caseworker.sync.county.attachment_uploads import CHUNK_SIZE as CHUNK
from caseworker.sync.county.tables import (
    ATTACHMENT,
    ATTACHMENT_CHUNK,
    ATTACHMENT_CONTENT,
)
from caseworker.sync.transport import SyncError
from tests.sync.attachment_helpers import (
    Breaker,
    MiB,
    attach,
    content_hashes,
    pdf_bytes,
    records,
)
from tests.sync.conftest import CountyServer, enroll_laptop

Make = Callable[..., dict[str, Any]]
FILES = 10
FILE_SIZE = 20 * MiB  # the county's limit, each: 200 MB in all
CHUNKS = FILES * FILE_SIZE // CHUNK


def nth(percent: int) -> int:
    """The chunk request that comes ``percent`` of the way through the chunks."""
    return max(1, CHUNKS * percent // 100)


class Schedule:
    """Which requests break: the ``n``-th chunk request (counted from 1) starts an
    incident: ``(fate, k)`` breaks it and the ``k - 1`` attachment requests after it,
    chunks cut half-way (``cut``) or answers lost (``lose``; the county did the work);
    ``(fate, 0)`` breaks every attachment request until the sync has failed (the
    connection is gone for longer than the laptop's retries; the sync is run again)."""

    def __init__(self, prefix: str, incidents: dict[int, tuple[str, int]]) -> None:
        self.prefix = prefix
        self.incidents = incidents
        self.started = 0
        self.chunks = 0
        self.fate: str | None = None
        self.left = 0
        self.down = False

    def __call__(self, request: httpx.Request, _sent: int) -> str | None:
        path = request.url.path
        if not path.startswith("/v1/attachments/"):
            self.down = False  # the next sync has begun
            return None
        if path.startswith(self.prefix):
            self.chunks += 1
            if self.chunks in self.incidents:
                self.started += 1
                self.fate, self.left = self.incidents[self.chunks]
                self.down = self.left == 0
        if self.left or self.down:
            self.left = max(0, self.left - 1)
            return self.fate if request.method == "PUT" or self.fate == "lose" else "lose"
        return None


def sync_through(store: Store, breaker: Breaker) -> tuple[int, list[Any]]:
    """Sync until it ends (each failure a broken connection): how many syncs failed, and
    the reports."""
    failed = 0
    reports = []
    for _ in range(10):
        try:
            reports.append(sync(store, transport=breaker))
            return failed, reports
        except SyncError as exc:
            assert exc.status is None, exc  # only broken connections
            failed += 1
    raise AssertionError("the sync never ended")


@pytest.mark.slow
def test_200_mb_of_attachments_resume_after_five_breaks_without_sending_a_chunk_twice(
    county: CountyServer,
    laptops: Callable[[str], Store],
    household_data: Make,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(attachment_wire, "RETRY_PAUSE", 0.01)
    started = time.monotonic()
    a, b = laptops("a"), laptops("b")
    enroll_laptop(county, a)
    enroll_laptop(county, b, worker="李秀英")
    h = parse_household(household_data())
    save_household(a, h)
    assert sync(a).accepted == 1
    for n in range(FILES):
        attach(a, h.id, pdf_bytes(FILE_SIZE, seed=100 + n), note=f"第{n + 1}份")

    # Up: five breaks, two of them longer than the laptop's retries (the sync fails).
    up = Schedule(
        "/v1/attachments/uploads/",
        {
            nth(3): ("cut", 1),
            nth(22): ("lose", 1),
            nth(40): ("cut", 0),  # until the sync fails; it is run again
            nth(60): ("lose", 2),
            nth(85): ("lose", 0),  # until the sync fails; it is run again
        },
    )
    breaker = Breaker(up)
    failed, reports = sync_through(a, breaker)
    assert up.started == 5 and failed == 2, breaker.breaks
    assert reports[-1].attachments_pending == 0
    # Every chunk was taken by the county exactly once: none sent again once taken.
    assert len(breaker.taken) == CHUNKS
    assert set(breaker.taken.values()) == {1}, {k: v for k, v in breaker.taken.items() if v > 1}
    with county.engine.connect() as conn:
        for table in (ATTACHMENT, ATTACHMENT_CONTENT):
            assert conn.execute(select(func.count()).select_from(table)).scalar() == FILES
        # The content's chunks and nothing else: no broken chunk was kept.
        kept = conn.execute(select(func.count()).select_from(ATTACHMENT_CHUNK)).scalar()
        assert kept == CHUNKS

    # Down: broken three times, once for longer than the retries.
    down = Schedule(
        "/v1/attachments/content/",
        {nth(6): ("lose", 1), nth(38): ("lose", 0), nth(75): ("lose", 2)},
    )
    fetcher = Breaker(down)
    failed, reports = sync_through(b, fetcher)
    assert down.started == 3 and failed == 1, fetcher.breaks
    assert reports[-1].attachments_received > 0  # the rest came with the sync that failed
    assert len(fetcher.fetched) == CHUNKS
    assert set(fetcher.fetched.values()) == {1}
    assert not attachment_receiving.incoming_folder(b).exists() or not any(
        attachment_receiving.incoming_folder(b).iterdir()
    )

    assert records(b, h.id) == records(a, h.id) and len(records(a, h.id)) == FILES
    assert content_hashes(b, h.id) == content_hashes(a, h.id)
    assert time.monotonic() - started < 60
