"""The laptop's attachments up: content in chunks (only what the county lacks, resumed
after a broken connection), then the records.

Content is sent before its records, so the county never holds a record without its file.
A chunk whose connection broke is tried again a few times, each time after asking the
county which chunks it holds; a sync stopped at any point resumes with the chunks the
county does not have.
"""

import itertools
from collections.abc import Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait

from caseworker.domain.evidence import Attachment
from caseworker.store.attachment_outbox import mark_sent, unsent
from caseworker.store.attachments import content_of
from caseworker.store.db import Store
from caseworker.sync.attachment_refusals import record_reason, report_refusal
from caseworker.sync.attachment_wire import (
    RETRIES,
    WINDOW,
    CountyPredatesAttachments,
    Tick,
    old_county,
    pause_before_retry,
    read_answer,
    wire_record,
)
from caseworker.sync.report import SyncReport
from caseworker.sync.schemas import AttachmentPushAnswer, ChunkAnswer, UploadsAnswer, UploadState
from caseworker.sync.transport import Connection, SyncError

# Contents asked about at once. The county lets a device have at most 200 uploads under
# way (``MAX_OPEN_UPLOADS`` at the county): each batch's uploads are finished before the
# next is asked about, and uploads left by a broken sync are among the first batch again
# (the oldest files go first), so a batch of 100 never meets that limit.
CONTENT_BATCH = 100
RECORD_BATCH = 200


def _ask(conn: Connection, contents: Sequence[tuple[str, int]]) -> UploadsAnswer:
    body = {"contents": [{"sha256": sha, "size": size} for sha, size in contents]}
    answer: UploadsAnswer = read_answer(
        UploadsAnswer, conn.request("POST", "/v1/attachments/uploads", json=body)
    )
    return answer


def _states(answer: UploadsAnswer) -> dict[str, UploadState]:
    return {s.sha256: s for s in answer.contents}


def _push_records(
    store: Store, conn: Connection, records: Sequence[Attachment], report: SyncReport
) -> None:
    for start in range(0, len(records), RECORD_BATCH):
        batch = records[start : start + RECORD_BATCH]
        body = {"attachments": [wire_record(a) for a in batch]}
        answer: AttachmentPushAnswer = read_answer(
            AttachmentPushAnswer, conn.request("POST", "/v1/attachments/records", json=body)
        )
        accepted = [r.id for r in answer.results if r.status == "accepted"]
        with store.begin() as db:
            mark_sent(db, accepted)
        report.attachments_sent += len(accepted)
        sent = {a.id: a for a in batch}
        for result in answer.results:
            if result.id in sent and result.errors:
                reasons = [record_reason(error) for error in result.errors]
                why = ("；".join(zh for zh, _ in reasons), "; ".join(en for _, en in reasons))
                report_refusal(report, store, [sent[result.id]], why, record=True)


def _send_chunks(
    conn: Connection,
    sha256: str,
    content: bytes,
    size: int,
    todo: Sequence[int],
    report: SyncReport,
    tick: Tick,
) -> bool:
    """Send chunks ``todo`` of ``content``, ``WINDOW`` at once (the county stores one
    while the next arrives); whether one of them made the content whole. The first
    failure is raised once the chunks in flight are answered."""

    def put(index: int) -> tuple[int, ChunkAnswer]:
        raw = conn.request(
            "PUT",
            f"/v1/attachments/uploads/{sha256}/{index}",
            content=content[index * size : (index + 1) * size],
            headers={"Content-Type": "application/octet-stream"},
        )
        answer: ChunkAnswer = read_answer(ChunkAnswer, raw)
        return index, answer

    complete = False
    failure: SyncError | None = None
    coming = iter(todo)
    with ThreadPoolExecutor(WINDOW, thread_name_prefix="caseworker-chunks") as pool:
        flying = {pool.submit(put, i) for i in itertools.islice(coming, WINDOW)}
        while flying:
            done, flying = wait(flying, return_when=FIRST_COMPLETED)
            for future in done:
                try:
                    index, answer = future.result()
                except SyncError as exc:
                    failure = failure or exc
                    continue
                report.chunks_sent += 1
                report.content_sent += min(size, len(content) - index * size)
                complete = complete or answer.complete
            if failure is None and not complete:
                tick()
                flying |= {pool.submit(put, i) for i in itertools.islice(coming, len(done))}
    if failure is not None:
        raise failure
    return complete


def _read(store: Store, sha256: str) -> bytes:
    with store.read() as db:
        return content_of(db, sha256)


def _read_ahead(store: Store, hashes: Sequence[str]) -> Iterator[tuple[str, bytes]]:
    """Each content in turn, the next one read from the store (and unsealed) while the
    caller sends this one: the county stores chunks while the laptop reads the next file."""
    with ThreadPoolExecutor(1, thread_name_prefix="caseworker-read-ahead") as pool:
        coming: Future[bytes] | None = pool.submit(_read, store, hashes[0]) if hashes else None
        for index, sha in enumerate(hashes):
            assert coming is not None
            content = coming.result()
            after = index + 1
            coming = pool.submit(_read, store, hashes[after]) if after < len(hashes) else None
            yield sha, content


def _upload(
    conn: Connection,
    state: UploadState,
    content: bytes,
    report: SyncReport,
    tick: Tick,
) -> tuple[str, str] | None:
    """Send the chunks of one content the county lacks: None once it is whole there, or
    why the county refused it (Chinese, English). A broken connection is
    tried again (``RETRIES`` times), each time after asking which chunks the county holds,
    so a chunk it took is never sent again."""
    sha = state.sha256
    asked: UploadState | None = state
    tries = 0
    while True:
        try:
            if asked is None:
                asked = _states(_ask(conn, [(sha, len(content))]))[sha]
            if asked.state != "upload":
                break
            held = set(asked.received)
            todo = [i for i in range(asked.chunks) if i not in held]
            if _send_chunks(conn, sha, content, asked.chunk_size, todo, report, tick):
                return None
            # Every chunk sent and none made it whole: ask what the county holds.
            raise SyncError("上传未完成", "the upload did not complete")
        except SyncError as exc:
            if exc.status == 422:  # the content was refused (its hash, a chunk's size)
                return exc.zh, exc.en
            if exc.status not in (None, 409) or tries >= RETRIES:
                raise
            if exc.status is None:
                pause_before_retry(tries)
            tries += 1
            asked = None
    if asked.state == "refused":
        return asked.reason_zh, asked.reason_en
    return None


def send_attachments(store: Store, conn: Connection, report: SyncReport, tick: Tick) -> None:
    """Send every attachment record the county does not have in its current version (new
    ones after their content). CountyPredatesAttachments when the county has no
    attachments yet."""
    with store.read() as db:
        records = unsent(db)
    if not records:
        return
    sizes = {a.sha256: a.size for a in records}
    by_content: dict[str, list[Attachment]] = {}
    for a in records:
        by_content.setdefault(a.sha256, []).append(a)
    hashes = list(by_content)
    for start in range(0, len(hashes), CONTENT_BATCH):
        part = hashes[start : start + CONTENT_BATCH]
        try:
            answer = _ask(conn, [(sha, sizes[sha]) for sha in part])
        except SyncError as exc:
            if start == 0 and old_county(exc):
                raise CountyPredatesAttachments() from exc
            raise
        states = _states(answer)
        held = [a for sha in part if states[sha].state == "held" for a in by_content[sha]]
        report.content_skipped += sum(sizes[sha] for sha in part if states[sha].state == "held")
        _push_records(store, conn, held, report)
        tick()
        lacking = [sha for sha in part if states[sha].state != "held"]
        for sha, content in _read_ahead(store, lacking):
            sent_before = report.content_sent
            refused = _upload(conn, states[sha], content, report, tick)
            # What it did not have to send (chunks the county had, a refused content) is
            # done too, for the progress bar.
            report.content_skipped += len(content) - (report.content_sent - sent_before)
            if refused is None:
                _push_records(store, conn, by_content[sha], report)
            else:
                limit = answer.max_file_bytes
                report_refusal(report, store, by_content[sha], refused, limit=limit)
            tick()
