"""Pushing the outbox: changes go up in batches, each answer is checked against what was
sent and recorded before the change counts as answered.

While the county works on one batch, the laptop records the answers to the batch before
and prepares (freezes) the next one; only the HTTP request runs on a helper thread, every
database step stays on the caller's thread, one after the other. A household with a change
on its way is never frozen again until that change is answered, so every change is the
difference from the copy last agreed with the county, exactly as without the overlap.
"""

import json
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from caseworker.domain.bulk import gc_paused
from caseworker.store.db import Store, write_setting
from caseworker.sync import outbox
from caseworker.sync.answers import record_answers
from caseworker.sync.outbox import Frozen
from caseworker.sync.receipts import ACCEPTED, receipt_hash
from caseworker.sync.report import SyncReport
from caseworker.sync.schemas import PROTOCOL, PushResponse, RecordResult
from caseworker.sync.transport import SCOPE, Connection

LAST_RECEIPT = "sync.last_receipt"


def check_receipt(
    sent: list[Frozen], answer: PushResponse, report: SyncReport
) -> dict[int, RecordResult]:
    """The answers that agree with what was sent; a mismatch leaves a change unanswered."""
    mine = {f.seq: f.sha256 for f in sent}
    good = {}
    for result in answer.results:
        if mine.get(result.seq) != result.payload_sha256:
            report.receipts_ok = False
            report.problems.append(f"answer for change {result.seq} does not match what was sent")
            continue
        good[result.seq] = result
    expected = receipt_hash((r.seq, mine[r.seq]) for r in good.values() if r.status in ACCEPTED)
    if expected != answer.receipt:
        report.receipts_ok = False
        report.problems.append(
            f"receipt mismatch: county counted {answer.receipt.count}, expected {expected.count}"
        )
        return {}
    return good


def _body(batch: list[Frozen]) -> bytes:
    # Each change goes as the text frozen (and hashed) for it: no second serialisation.
    # No regions: their names are the county's (they come down with the pull).
    return (
        f'{{"protocol":{json.dumps(PROTOCOL)},"changes":[{",".join(f.text for f in batch)}]}}'
    ).encode()


def _post(conn: Connection, body: bytes) -> Any:
    return conn.request(
        "POST", "/v1/push", content=body, headers={"Content-Type": "application/json"}
    )


def _record(store: Store, batch: list[Frozen], raw: Any, report: SyncReport) -> None:
    answer = PushResponse.model_validate(raw)
    good = check_receipt(batch, answer, report)
    with gc_paused(), store.begin() as db:
        record_answers(db, batch, good)
        write_setting(db, LAST_RECEIPT, answer.receipt.model_dump_json())
    report.sent += len(batch)
    for result in good.values():
        if result.status == "accepted":
            report.accepted += 1
        elif result.status == "conflict":
            report.conflicts += 1
        else:
            report.rejected += 1


class _Batches:
    """The batches to send: first the changes left unanswered by an earlier sync (frozen
    already, resent as they are), then new changes, frozen as they are needed."""

    def __init__(self, store: Store, batch_size: int) -> None:
        self.store = store
        self.size = batch_size
        self.scope = store.setting(SCOPE) or ""
        with store.read() as db:
            self.resend = outbox.unanswered_seqs(db)

    def next(self) -> list[Frozen]:
        if self.resend:
            seqs, self.resend = self.resend[: self.size], self.resend[self.size :]
            with self.store.read() as db:
                return outbox.frozen(db, seqs)
        with gc_paused(), self.store.begin() as db:
            return outbox.freeze_pending(db, scope=self.scope, limit=self.size)


def push_changes(
    store: Store, conn: Connection, report: SyncReport, batch_size: int, tick: Callable[[], None]
) -> None:
    """Send every change not yet answered by the county and record the answers."""
    batches = _Batches(store, batch_size)
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="caseworker-push") as pool:
        on_the_way: tuple[list[Frozen], Future[Any]] | None = None
        batch = batches.next()
        try:
            while batch or on_the_way:
                raw = on_the_way[1].result() if on_the_way else None
                sending = (batch, pool.submit(_post, conn, _body(batch))) if batch else None
                if on_the_way:
                    _record(store, on_the_way[0], raw, report)
                    on_the_way = None
                    tick()
                on_the_way = sending
                # Prepared while the county works on the batch just sent.
                batch = batches.next()
        finally:
            if on_the_way is not None:
                # Stopped (cancelled, or the county unreachable): let the request end. Its
                # answer is not recorded; the change is sent again and the county replays
                # the answer it gave.
                on_the_way[1].exception()
