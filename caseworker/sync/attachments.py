"""The laptop's side of attachments in a sync: content up in chunks (only what the county
lacks, resumed after a broken connection), then the records; records of the laptop's
scope down, with the content it lacks, chunk by chunk, checked against its SHA-256 before
it is kept.

Content is sent before its records, so the county never holds a record without its file.
A chunk whose connection broke is tried again a few times, each time after asking the
county which chunks it holds; a sync stopped at any point resumes with the chunks the
county does not have. Chunks received from the county are kept sealed beside the store
(``<store>.incoming/``) until their content is whole, so a download resumes too.
"""

import hashlib
import itertools
import os
import shutil
import time
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from datetime import date, datetime
from pathlib import Path
from typing import Any

import httpx
from pydantic import ValidationError

from caseworker.domain.evidence import Attachment, EvidenceKind, MediaType
from caseworker.store.attachments import (
    DamagedContent,
    _key,
    attachment_by_id,
    content_of,
    has_content,
    keep_content,
    mark_sent,
    seal,
    take_received,
    unseal,
    unsent,
)
from caseworker.store.db import Store, write_setting
from caseworker.sync.report import SyncReport
from caseworker.sync.schemas import (
    AttachmentOut,
    AttachmentPage,
    AttachmentPushAnswer,
    ChunkAnswer,
    UploadsAnswer,
    UploadState,
)
from caseworker.sync.transport import Connection, SyncError

CURSOR = "sync.attachment_cursor"
CONTENT_BATCH = 500
RECORD_BATCH = 200
PAGE_SIZE = 200
RETRIES = 3  # tries again of a chunk whose connection broke, per content
RETRY_PAUSE = 0.5  # seconds, doubled at each try
WINDOW = 2  # chunks in flight at once, each way

Tick = Callable[[], None]


class CountyPredatesAttachments(Exception):
    """The county server answered 404 to the attachment requests: it is of an earlier
    version."""


def _old_county(exc: SyncError) -> bool:
    return exc.status in (404, 405)


def wire_record(a: Attachment) -> dict[str, Any]:
    """An attachment's record as it goes to the county."""
    return {
        "id": a.id,
        "household_id": a.household_id,
        "member_id": a.member_id,
        "visit_id": a.visit_id,
        "application_id": a.application_id,
        "kind": a.kind.value,
        "taken_on": a.taken_on.isoformat(),
        "note": a.note,
        "added_by": a.added_by,
        "added_at": a.added_at.isoformat(),
        "sha256": a.sha256,
        "media_type": a.media_type.value,
        "size": a.size,
        "pages": a.pages,
        "removed_at": a.removed_at.isoformat() if a.removed_at else None,
        "removed_by": a.removed_by,
        "removed_reason": a.removed_reason,
    }


def from_wire(r: AttachmentOut) -> Attachment:
    """An attachment's record as the county sent it (SyncError if it cannot be read)."""
    try:
        return Attachment(
            id=r.id,
            household_id=r.household_id,
            kind=EvidenceKind(r.kind),
            taken_on=date.fromisoformat(r.taken_on),
            note=r.note,
            added_by=r.added_by,
            added_at=datetime.fromisoformat(r.added_at),
            sha256=r.sha256,
            media_type=MediaType(r.media_type),
            size=r.size,
            pages=r.pages,
            member_id=r.member_id,
            visit_id=r.visit_id,
            application_id=r.application_id,
            removed_at=datetime.fromisoformat(r.removed_at) if r.removed_at else None,
            removed_by=r.removed_by,
            removed_reason=r.removed_reason,
        )
    except ValueError as exc:
        raise SyncError(
            "县服务器发来的证明材料记录无法读取", f"unreadable attachment record: {exc}"
        ) from exc


def _model(kind: Any, raw: Any) -> Any:
    try:
        return kind.model_validate(raw)
    except ValidationError as exc:
        raise SyncError(
            "县服务器的回答无法读取", f"unreadable answer from the server: {exc}"
        ) from exc


# --- up -------------------------------------------------------------------------------------


def _ask(conn: Connection, contents: Sequence[tuple[str, int]]) -> dict[str, UploadState]:
    body = {"contents": [{"sha256": sha, "size": size} for sha, size in contents]}
    answer: UploadsAnswer = _model(
        UploadsAnswer, conn.request("POST", "/v1/attachments/uploads", json=body)
    )
    return {s.sha256: s for s in answer.contents}


def _push_records(
    store: Store, conn: Connection, records: Sequence[Attachment], report: SyncReport
) -> None:
    for start in range(0, len(records), RECORD_BATCH):
        batch = records[start : start + RECORD_BATCH]
        body = {"attachments": [wire_record(a) for a in batch]}
        answer: AttachmentPushAnswer = _model(
            AttachmentPushAnswer, conn.request("POST", "/v1/attachments/records", json=body)
        )
        accepted = [r.id for r in answer.results if r.status == "accepted"]
        with store.begin() as db:
            mark_sent(db, accepted)
        report.attachments_sent += len(accepted)
        for result in answer.results:
            for error in result.errors:
                report.problems.append(f"{error.get('message_zh')} / {error.get('message_en')}")


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

    def put(index: int) -> ChunkAnswer:
        raw = conn.request(
            "PUT",
            f"/v1/attachments/uploads/{sha256}/{index}",
            content=content[index * size : (index + 1) * size],
            headers={"Content-Type": "application/octet-stream"},
        )
        answer: ChunkAnswer = _model(ChunkAnswer, raw)
        return answer

    complete = False
    failure: SyncError | None = None
    coming = iter(todo)
    with ThreadPoolExecutor(WINDOW, thread_name_prefix="caseworker-chunks") as pool:
        flying = {pool.submit(put, i) for i in itertools.islice(coming, WINDOW)}
        while flying:
            done, flying = wait(flying, return_when=FIRST_COMPLETED)
            for future in done:
                try:
                    answer = future.result()
                except SyncError as exc:
                    failure = failure or exc
                    continue
                report.chunks_sent += 1
                complete = complete or answer.complete
            if failure is None and not complete:
                tick()
                flying |= {pool.submit(put, i) for i in itertools.islice(coming, len(done))}
    if failure is not None:
        raise failure
    return complete


def _upload(
    store: Store,
    conn: Connection,
    state: UploadState,
    report: SyncReport,
    tick: Tick,
) -> bool:
    """Send the chunks of one content the county lacks; whether it is whole there now
    (False: refused, with the reason among the report's problems). A broken connection is
    tried again (``RETRIES`` times), each time after asking which chunks the county holds,
    so a chunk it took is never sent again."""
    with store.read() as db:
        content = content_of(db, state.sha256)
    sha = state.sha256
    asked: UploadState | None = state
    tries = 0
    while True:
        try:
            if asked is None:
                asked = _ask(conn, [(sha, len(content))])[sha]
            if asked.state != "upload":
                break
            held = set(asked.received)
            todo = [i for i in range(asked.chunks) if i not in held]
            if _send_chunks(conn, sha, content, asked.chunk_size, todo, report, tick):
                return True
            # Every chunk sent and none made it whole: ask what the county holds.
            raise SyncError("上传未完成", "the upload did not complete")
        except SyncError as exc:
            if exc.status == 422:  # the content was refused (its hash, a chunk's size)
                report.problems.append(f"{exc.zh} / {exc.en}")
                return False
            if exc.status not in (None, 409) or tries >= RETRIES:
                raise
            if exc.status is None:
                time.sleep(RETRY_PAUSE * 2**tries)
            tries += 1
            asked = None
    if asked.state == "refused":
        report.problems.append(f"{asked.reason_zh} / {asked.reason_en}")
        return False
    return True


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
            states = _ask(conn, [(sha, sizes[sha]) for sha in part])
        except SyncError as exc:
            if start == 0 and _old_county(exc):
                raise CountyPredatesAttachments() from exc
            raise
        held = [a for sha in part if states[sha].state == "held" for a in by_content[sha]]
        _push_records(store, conn, held, report)
        tick()
        for sha in part:
            if states[sha].state == "held":
                continue
            if _upload(store, conn, states[sha], report, tick):
                _push_records(store, conn, by_content[sha], report)
            tick()


# --- down -----------------------------------------------------------------------------------


class Incoming:
    """Chunks of one content received so far, sealed under the store's attachment key in
    ``<store>.incoming/<sha256>/`` (kept across syncs until the content is whole)."""

    def __init__(self, store: Store, sha256: str) -> None:
        self.sha256 = sha256
        self.folder = incoming_folder(store) / sha256
        with store.begin() as db:
            self.key = _key(db)

    def _name(self, index: int) -> str:
        return f"{self.sha256}.{index}"

    def load(self) -> dict[int, bytes]:
        found: dict[int, bytes] = {}
        if not self.folder.is_dir():
            return found
        for path in self.folder.iterdir():
            if not path.name.isdigit():
                continue
            index = int(path.name)
            try:
                found[index] = unseal(self.key, self._name(index), path.read_bytes())
            except (DamagedContent, OSError):
                path.unlink(missing_ok=True)  # fetched again
        return found

    def count(self) -> int | None:
        """How many chunks the content has (None: not known yet)."""
        try:
            return int((self.folder / "chunks").read_text(encoding="ascii"))
        except (OSError, ValueError):
            return None

    def keep_count(self, count: int) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        (self.folder / "chunks").write_text(str(count), encoding="ascii")

    def keep(self, index: int, data: bytes) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / str(index)
        partial = self.folder / f"{index}.part"
        partial.write_bytes(seal(self.key, self._name(index), data))
        os.replace(partial, path)

    def drop(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def incoming_folder(store: Store) -> Path:
    return Path(f"{store.path}.incoming")


def _download(
    store: Store, conn: Connection, sha256: str, size: int, report: SyncReport, tick: Tick
) -> bytes:
    """The content named ``sha256`` from the county, chunk by chunk (those received in an
    earlier, broken, sync are not asked again), checked against its SHA-256."""
    incoming = Incoming(store, sha256)
    chunks = incoming.load()
    count = incoming.count()
    tries = 0

    def get(index: int) -> httpx.Response:
        return conn.response("GET", f"/v1/attachments/content/{sha256}/{index}")

    with ThreadPoolExecutor(WINDOW, thread_name_prefix="caseworker-chunks") as pool:
        while count is None or len(chunks) < count:
            # The first chunk missing tells how many there are; then a window of them.
            if count is None:
                missing = [next(i for i in itertools.count() if i not in chunks)]
            else:
                missing = [i for i in range(count) if i not in chunks]
            flying: dict[Future[httpx.Response], int] = {
                pool.submit(get, i): i for i in missing[:WINDOW]
            }
            queue = iter(missing[WINDOW:])
            failure: SyncError | None = None
            while flying:
                done, _ = wait(flying, return_when=FIRST_COMPLETED)
                for future in done:
                    index = flying.pop(future)
                    try:
                        response = future.result()
                        told = int(response.headers["X-Chunks"])
                    except SyncError as exc:
                        failure = failure or exc
                        continue
                    except (KeyError, ValueError) as exc:
                        raise SyncError(
                            "县服务器的回答无法读取", "unreadable chunk from the server"
                        ) from exc
                    if count != told:
                        count = told
                        incoming.keep_count(count)
                    incoming.keep(index, response.content)
                    chunks[index] = response.content
                    report.chunks_received += 1
                if failure is None:
                    tick()
                    for index in itertools.islice(queue, len(done)):
                        flying[pool.submit(get, index)] = index
            if failure is not None:
                if failure.status is not None or tries >= RETRIES:
                    raise failure
                time.sleep(RETRY_PAUSE * 2**tries)
                tries += 1
    assert count is not None
    content = b"".join(chunks[i] for i in range(count))
    if len(content) != size or hashlib.sha256(content).hexdigest() != sha256:
        incoming.drop()
        raise SyncError(
            "从县服务器收到的材料文件与其指纹（SHA-256）不符，未保存；请重新同步",
            "content received from the county does not match its SHA-256; nothing was kept: "
            "sync again",
        )
    return content


def receive_attachments(store: Store, conn: Connection, report: SyncReport, tick: Tick) -> None:
    """Take the attachment records of this laptop's scope the county has after the
    attachment cursor, with the content this laptop lacks; the cursor moves with each
    page stored. CountyPredatesAttachments when the county has no attachments yet."""
    after = int(store.setting(CURSOR) or 0)
    first = True
    while True:
        try:
            raw = conn.request(
                "GET", "/v1/attachments/pull", params={"after": after, "limit": PAGE_SIZE}
            )
        except SyncError as exc:
            if first and _old_county(exc):
                raise CountyPredatesAttachments() from exc
            raise
        first = False
        page: AttachmentPage = _model(AttachmentPage, raw)
        for record in page.attachments:
            attachment = from_wire(record)
            with store.read() as db:
                held = attachment_by_id(db, attachment.id)
                have = has_content(db, attachment.sha256)
            if held is not None and (held.removed or not attachment.removed):
                continue  # nothing new for this laptop
            content = None
            if not have:
                content = _download(store, conn, attachment.sha256, attachment.size, report, tick)
            with store.begin() as db:
                if content is not None:
                    keep_content(db, content, attachment.sha256)  # refuses a mismatch
                if take_received(db, attachment, record.device_id):
                    report.attachments_received += 1
            if content is not None:
                Incoming(store, attachment.sha256).drop()
            tick()
        with store.begin() as db:
            write_setting(db, CURSOR, str(page.next_cursor))
        after = page.next_cursor
        if not page.more:
            return


def count_unsent(store: Store) -> int:
    with store.read() as db:
        return len(unsent(db))


def sync_attachments(store: Store, conn: Connection, report: SyncReport, tick: Tick) -> None:
    """Attachments up, then down (after the households). Against a county of an earlier
    version, say that attachments were not sent."""
    try:
        send_attachments(store, conn, report, tick)
        receive_attachments(store, conn, report, tick)
    except CountyPredatesAttachments:
        report.attachments_supported = False
        waiting = count_unsent(store)
        if waiting:
            report.problems.append(
                f"县服务器版本较早，尚不能接收证明材料：本机{waiting}份材料未上传"
                "（家庭信息已同步），县服务器升级后再同步即可 / the county server predates "
                f"attachments: {waiting} attachment(s) were not sent (households were "
                "synced); sync again once the county server is upgraded"
            )
    report.attachments_pending = count_unsent(store)
