"""The laptop's attachments down: the records of its scope, with the content it lacks,
chunk by chunk, checked against its SHA-256 before it is kept.

Chunks received from the county are kept sealed beside the store (``<store>.incoming/``)
until their content is whole, so a download broken off resumes too.
"""

import hashlib
import itertools
import os
import shutil
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from pathlib import Path

import httpx

from caseworker.interchange.evidence_files import recognise
from caseworker.store.attachments import (
    DamagedContent,
    attachment_by_id,
    attachment_key,
    has_content,
    keep_content,
    seal,
    take_received,
    unseal,
)
from caseworker.store.db import Store, write_setting
from caseworker.sync.attachment_wire import (
    RETRIES,
    WINDOW,
    CountyPredatesAttachments,
    Tick,
    from_wire,
    old_county,
    pause_before_retry,
    read_answer,
)
from caseworker.sync.report import SyncReport
from caseworker.sync.schemas import AttachmentPage
from caseworker.sync.transport import Connection, SyncError

CURSOR = "sync.attachment_cursor"
PAGE_SIZE = 200


class Incoming:
    """Chunks of one content received so far, sealed under the store's attachment key in
    ``<store>.incoming/<sha256>/`` (kept across syncs until the content is whole)."""

    def __init__(self, store: Store, sha256: str) -> None:
        self.sha256 = sha256
        self.folder = incoming_folder(store) / sha256
        with store.begin() as db:
            self.key = attachment_key(db)

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
    """Where chunks received for ``store`` wait until their content is whole."""
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
                    report.content_received += len(response.content)
                if failure is None:
                    tick()
                    for index in itertools.islice(queue, len(done)):
                        flying[pool.submit(get, index)] = index
            if failure is not None:
                if failure.status is not None or tries >= RETRIES:
                    raise failure
                pause_before_retry(tries)
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


def _not_its_kind(kind_zh: str) -> str:
    return (
        f"县里发来的一份“{kind_zh}”的文件内容与其种类不符，未保存 / "
        "a file of evidence from the county is not the kind of file it says; it was not kept"
    )


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
            if first and old_county(exc):
                raise CountyPredatesAttachments() from exc
            raise
        first = False
        page: AttachmentPage = read_answer(AttachmentPage, raw)
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
                if recognise(content[:16]) is not attachment.media_type:
                    # Not what the record says it is: never kept, never opened here.
                    Incoming(store, attachment.sha256).drop()
                    report.problems.append(_not_its_kind(attachment.kind.zh))
                    continue
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
