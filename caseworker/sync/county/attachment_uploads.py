"""Attachment content taken at the county in chunks: an upload begun (or resumed after a
broken connection, with the chunks received), each chunk kept, and the content checked
whole against its SHA-256 and kept once.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection, Engine, exists, func, select
from sqlalchemy.dialects import postgresql, sqlite

from caseworker.domain.validation import BEIJING_TIME
from caseworker.sync.county.attachment_checks import check_sha256, out_of_range
from caseworker.sync.county.attachment_visibility import visible_contents
from caseworker.sync.county.auth import Device, Refused
from caseworker.sync.county.db import lock_households
from caseworker.sync.county.tables import (
    ATTACHMENT,
    ATTACHMENT_CHUNK,
    ATTACHMENT_CONTENT,
    ATTACHMENT_UPLOAD,
    POLICY,
)
from caseworker.sync.county.upload_digests import UploadDigests
from caseworker.sync.schemas import ChunkAnswer, ContentWanted, UploadsAnswer, UploadState

CHUNK_SIZE = 2 * 1024 * 1024  # the largest chunk the county takes in one request
DEFAULT_MAX_FILE_MB = 20  # without the pack's evidence.max_file_mb
# Uploads one device may have under way at once, counted with the content it sent that no
# record names yet: a laptop names each file with its record as soon as the file is
# whole, so only a device that sends files and never their records meets this limit
# (it cannot fill the county's disk with files nobody attached).
MAX_OPEN_UPLOADS = 200
# An upload not finished this long after it began is given up: its chunks are dropped
# when any device next begins uploads (its own device begins again if it still has the
# file; a device that never comes back leaves nothing behind).
ABANDONED_AFTER = timedelta(days=30)
# The SHA-256 of each upload under way, as its chunks arrive (the county server is one
# process: a digest lost to a restart is made again from the chunks stored).
DIGESTS = UploadDigests()
READ_BACK_CHUNKS = 8  # chunks not hashed on arrival are read back this many at a time

MISMATCH = (
    "文件内容与其指纹（SHA-256）不符，已丢弃本次上传，未保存任何内容；请重新同步",
    "the content does not match its SHA-256: the upload was dropped and nothing was stored; "
    "sync again",
)


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}"


# --- the county's limit per file ------------------------------------------------------------

_LIMITS: dict[tuple[str, str, int], int] = {}


def max_file_bytes(engine: Engine, county: str, today: date | None = None) -> int:
    """The largest file the county takes from a device of ``county``: its pack's
    ``evidence.max_file_mb`` in force today (the packs published to it, over the bundled
    ones), or 20 MB when no pack says."""
    from caseworker.eligibility.library import PolicyLibrary  # only when first needed

    today = today or datetime.now(BEIJING_TIME).date()
    with engine.connect() as conn:
        newest = conn.execute(
            select(func.coalesce(func.max(POLICY.c.seq), 0)).where(POLICY.c.county == county)
        ).scalar_one()
    key = (county, today.isoformat(), int(newest))
    if key in _LIMITS:
        return _LIMITS[key]
    megabytes = DEFAULT_MAX_FILE_MB
    try:
        with engine.connect() as conn:
            texts = [
                (f"{r.id} {r.version}", r.text)
                for r in conn.execute(
                    select(POLICY.c.id, POLICY.c.version, POLICY.c.text)
                    .where(POLICY.c.county == county)
                    .order_by(POLICY.c.seq)
                )
            ]
        policy = PolicyLibrary(texts).policy_for_county(county)
        megabytes = int(policy.entry("evidence.max_file_mb", today).value)
    except Exception:  # no pack, or one from before the parameter: the default
        megabytes = DEFAULT_MAX_FILE_MB
    _LIMITS[key] = megabytes * 1024 * 1024
    return _LIMITS[key]


# --- uploads -------------------------------------------------------------------------------


def _chunks_of(size: int, chunk_size: int) -> int:
    return max(1, -(-size // chunk_size))


def _received(conn: Connection, device: Device, sha256: str) -> list[int]:
    return list(
        conn.execute(
            select(ATTACHMENT_CHUNK.c.chunk_index)
            .where(
                ATTACHMENT_CHUNK.c.device_id == device.device_id,
                ATTACHMENT_CHUNK.c.sha256 == sha256,
            )
            .order_by(ATTACHMENT_CHUNK.c.chunk_index)
        ).scalars()
    )


def _drop_upload(conn: Connection, device_id: str, sha256: str) -> None:
    DIGESTS.forget((device_id, sha256))
    for table in (ATTACHMENT_CHUNK, ATTACHMENT_UPLOAD):
        conn.execute(table.delete().where(table.c.device_id == device_id, table.c.sha256 == sha256))


def _drop_abandoned(conn: Connection) -> None:
    """Give up every device's uploads begun more than ``ABANDONED_AFTER`` ago and never
    finished, with their chunks (they hold space at the county and count against their
    device's unfinished uploads, and a laptop lost or retired never finishes them)."""
    abandoned = conn.execute(
        select(ATTACHMENT_UPLOAD.c.device_id, ATTACHMENT_UPLOAD.c.sha256).where(
            ATTACHMENT_UPLOAD.c.completed_at.is_(None),
            ATTACHMENT_UPLOAD.c.started_at < datetime.now(UTC) - ABANDONED_AFTER,
        )
    ).all()
    for device_id, sha256 in abandoned:
        _drop_upload(conn, device_id, sha256)


def _unclaimed(device_id: str) -> Any:
    """The device's finished uploads whose content no attachment record names."""
    return select(ATTACHMENT_UPLOAD.c.sha256).where(
        ATTACHMENT_UPLOAD.c.device_id == device_id,
        ATTACHMENT_UPLOAD.c.completed_at.is_not(None),
        ~exists().where(ATTACHMENT.c.sha256 == ATTACHMENT_UPLOAD.c.sha256),
    )


def _drop_unclaimed(conn: Connection, device_id: str) -> int:
    """Drop what the device sent more than ``ABANDONED_AFTER`` ago that no record has named
    since (the content too, when its chunks are this device's); how many of its uploads
    still wait for a record."""
    old = _unclaimed(device_id).where(
        ATTACHMENT_UPLOAD.c.completed_at < datetime.now(UTC) - ABANDONED_AFTER
    )
    if conn.execute(old.limit(1)).first() is not None:
        # A record naming one may be being stored (on PostgreSQL, by a transaction this one
        # cannot see yet): wait for the records' writers, then look again.
        lock_households(conn)
    for sha256 in conn.execute(old).scalars().all():
        conn.execute(
            ATTACHMENT_CONTENT.delete().where(
                ATTACHMENT_CONTENT.c.sha256 == sha256,
                ATTACHMENT_CONTENT.c.device_id == device_id,
            )
        )
        _drop_upload(conn, device_id, sha256)
    waiting = select(func.count()).select_from(_unclaimed(device_id).subquery())
    return int(conn.execute(waiting).scalar_one())


def _refused_state(item: ContentWanted, zh: str, en: str) -> UploadState:
    return UploadState(
        sha256=item.sha256, state="refused", size=item.size, reason_zh=zh, reason_en=en
    )


@dataclass
class _Batch:
    """What one request to begin uploads knows while it answers each content in turn."""

    conn: Connection
    device: Device
    chunk_size: int
    limit: int
    visible: set[str]
    sizes: dict[str, int]  # of the visible contents
    uploads: dict[str, Any]  # the device's uploads of the contents asked about
    open_uploads: int  # the device's unfinished uploads


def start_uploads(
    engine: Engine, device: Device, contents: Sequence[ContentWanted], chunk_size: int = CHUNK_SIZE
) -> UploadsAnswer:
    """What the county has of each content a device is about to send; an upload is begun
    (or resumed, with the chunks already received) for each it lacks. A content over the
    county's limit, or empty, is refused (nothing stored)."""
    for item in contents:
        check_sha256(item.sha256)
    limit = max_file_bytes(engine, device.scope[:6])
    answers: list[UploadState] = []
    with engine.begin() as conn:
        _drop_abandoned(conn)
        batch = _batch(conn, device, contents, chunk_size, limit)
        seen: set[str] = set()
        for item in contents:
            if item.sha256 in seen:
                continue
            seen.add(item.sha256)
            answers.append(_answer(batch, item))
    return UploadsAnswer(chunk_size=chunk_size, max_file_bytes=limit, contents=answers)


def _batch(
    conn: Connection,
    device: Device,
    contents: Sequence[ContentWanted],
    chunk_size: int,
    limit: int,
) -> _Batch:
    waiting = _drop_unclaimed(conn, device.device_id)  # before its uploads are read
    visible = visible_contents(conn, device, [c.sha256 for c in contents])
    sizes = dict(
        conn.execute(
            select(ATTACHMENT_CONTENT.c.sha256, ATTACHMENT_CONTENT.c.size).where(
                ATTACHMENT_CONTENT.c.sha256.in_(sorted(visible))
            )
        ).all()
    )
    uploads = {
        r.sha256: r
        for r in conn.execute(
            select(ATTACHMENT_UPLOAD).where(
                ATTACHMENT_UPLOAD.c.device_id == device.device_id,
                ATTACHMENT_UPLOAD.c.sha256.in_(sorted({c.sha256 for c in contents})),
            )
        )
    }
    unfinished = int(
        conn.execute(
            select(func.count())
            .select_from(ATTACHMENT_UPLOAD)
            .where(
                ATTACHMENT_UPLOAD.c.device_id == device.device_id,
                ATTACHMENT_UPLOAD.c.completed_at.is_(None),
            )
        ).scalar_one()
    )
    open_uploads = unfinished + waiting
    return _Batch(conn, device, chunk_size, limit, visible, sizes, uploads, open_uploads)


def _answer(batch: _Batch, item: ContentWanted) -> UploadState:
    """The state of one content: held, refused, or an upload begun or resumed."""
    sha = item.sha256
    if sha in batch.visible:
        return UploadState(sha256=sha, state="held", size=batch.sizes[sha])
    if item.size <= 0:
        return _refused_state(item, "文件是空的，县里不接收", "the file is empty")
    if item.size > batch.limit:
        limit = batch.limit
        return _refused_state(
            item,
            f"文件有 {_mb(item.size)} MB，超过县里允许的 {limit // (1024 * 1024)} MB",
            f"the file is {_mb(item.size)} MB, more than the "
            f"{limit // (1024 * 1024)} MB the county takes",
        )
    upload = batch.uploads.get(sha)
    if upload is not None and (upload.completed_at is not None or upload.size != item.size):
        # Finished but the content is gone, or declared again with another size
        # (one of the two was wrong): begin again.
        _drop_upload(batch.conn, batch.device.device_id, sha)
        if upload.completed_at is None:
            batch.open_uploads -= 1
        upload = None
    if upload is None:
        return _begin_upload(batch, item)
    return _resume_upload(batch, item, upload)


def _begin_upload(batch: _Batch, item: ContentWanted) -> UploadState:
    """A new upload of ``item``, unless the device has too many unfinished."""
    if batch.open_uploads >= MAX_OPEN_UPLOADS:
        return _refused_state(
            item,
            f"本设备未完成的上传太多（最多{MAX_OPEN_UPLOADS}个），请先完成已开始的上传",
            f"too many unfinished uploads from this device (at most "
            f"{MAX_OPEN_UPLOADS}); finish those begun first",
        )
    chunks = _chunks_of(item.size, batch.chunk_size)
    batch.conn.execute(
        ATTACHMENT_UPLOAD.insert().values(
            device_id=batch.device.device_id,
            sha256=item.sha256,
            size=item.size,
            chunk_size=batch.chunk_size,
            chunks=chunks,
        )
    )
    batch.open_uploads += 1
    DIGESTS.begin((batch.device.device_id, item.sha256))
    return UploadState(
        sha256=item.sha256,
        state="upload",
        size=item.size,
        chunk_size=batch.chunk_size,
        chunks=chunks,
    )


def _resume_upload(batch: _Batch, item: ContentWanted, upload: Any) -> UploadState:
    """An unfinished upload with the chunks received; whole already, it is finished now."""
    sha = item.sha256
    received = _received(batch.conn, batch.device, sha)
    if len(received) == upload.chunks:  # whole, never finished: finish it now
        if _finish(batch.conn, batch.device, upload):
            return UploadState(sha256=sha, state="held", size=upload.size)
        return _refused_state(item, *MISMATCH)
    return UploadState(
        sha256=sha,
        state="upload",
        size=upload.size,
        chunk_size=upload.chunk_size,
        chunks=upload.chunks,
        received=received,
    )


def _insert_ignoring(conn: Connection, table: sa.Table) -> Any:
    """An INSERT that skips a row whose key is taken (another request stored it first)."""
    if conn.dialect.name == "postgresql":
        return postgresql.insert(table).on_conflict_do_nothing()
    return sqlite.insert(table).on_conflict_do_nothing()


def _finish(conn: Connection, device: Device, upload: Any) -> bool:
    """The upload is whole: keep its content if its SHA-256 is the one declared (once:
    content held already is not kept twice); otherwise drop it. Whether it matched."""
    where = (
        ATTACHMENT_CHUNK.c.device_id == device.device_id,
        ATTACHMENT_CHUNK.c.sha256 == upload.sha256,
    )
    prefix = DIGESTS.take((device.device_id, upload.sha256))
    digest = prefix.hasher
    index = ATTACHMENT_CHUNK.c.chunk_index
    for first in range(prefix.chunks, upload.chunks, READ_BACK_CHUNKS):
        for data in conn.execute(
            select(ATTACHMENT_CHUNK.c.data)
            .where(*where, index >= first, index < first + READ_BACK_CHUNKS)
            .order_by(index)
        ).scalars():
            digest.update(data)
    if digest.hexdigest() != upload.sha256:
        _drop_upload(conn, device.device_id, upload.sha256)
        return False
    added = conn.execute(
        _insert_ignoring(conn, ATTACHMENT_CONTENT).values(
            sha256=upload.sha256,
            size=upload.size,
            chunk_size=upload.chunk_size,
            chunks=upload.chunks,
            device_id=device.device_id,
            created_at=datetime.now(UTC),
        )
    )
    if not added.rowcount:  # held already (another device's chunks): this copy goes
        conn.execute(ATTACHMENT_CHUNK.delete().where(*where))
    conn.execute(
        ATTACHMENT_UPLOAD.update()
        .where(
            ATTACHMENT_UPLOAD.c.device_id == device.device_id,
            ATTACHMENT_UPLOAD.c.sha256 == upload.sha256,
        )
        .values(completed_at=datetime.now(UTC))
    )
    return True


def take_chunk(engine: Engine, device: Device, sha256: str, index: int, data: bytes) -> ChunkAnswer:
    """Keep chunk ``index`` of the device's upload of ``sha256`` (a chunk held already is
    answered as taken). The last one makes the content whole: it is checked against its
    SHA-256, and on a mismatch the upload is dropped and the content refused (422)."""
    check_sha256(sha256)
    with engine.begin() as conn:
        # Chunks of one upload arriving at once are taken one after the other (the row is
        # locked on PostgreSQL; SQLite takes its write lock at BEGIN): the last one sees
        # every other and makes the content whole.
        upload = conn.execute(
            select(ATTACHMENT_UPLOAD)
            .where(
                ATTACHMENT_UPLOAD.c.device_id == device.device_id,
                ATTACHMENT_UPLOAD.c.sha256 == sha256,
            )
            .with_for_update()
        ).first()
        if upload is None or upload.completed_at is not None:
            raise Refused(
                409,
                "这份文件的上传尚未开始或已经结束，请重新同步",
                "no upload of this content is under way (begin it, or it has ended); sync again",
            )
        if not 0 <= index < upload.chunks:
            raise out_of_range(index, upload.chunks)
        last = upload.chunks - 1
        expected = upload.chunk_size if index < last else upload.size - upload.chunk_size * last
        if len(data) != expected:
            raise Refused(
                422,
                f"第{index}块应有{expected}字节，收到{len(data)}字节",
                f"chunk {index} must be {expected} bytes; it is {len(data)}",
            )
        stored = conn.execute(
            _insert_ignoring(conn, ATTACHMENT_CHUNK).values(
                device_id=device.device_id, sha256=sha256, chunk_index=index, data=data
            )
        ).rowcount
        received = int(
            conn.execute(
                select(func.count())
                .select_from(ATTACHMENT_CHUNK)
                .where(
                    ATTACHMENT_CHUNK.c.device_id == device.device_id,
                    ATTACHMENT_CHUNK.c.sha256 == sha256,
                )
            ).scalar_one()
        )
        matched = True
        if received == upload.chunks:
            matched = _finish(conn, device, upload)
    if not matched:  # the drop is committed; the content is refused
        raise Refused(422, *MISMATCH)
    if stored and received < upload.chunks:  # committed: hashed as the database holds it
        DIGESTS.add((device.device_id, sha256), index, data)
    return ChunkAnswer(
        sha256=sha256,
        chunk=index,
        received=received,
        chunks=upload.chunks,
        complete=received == upload.chunks,
    )
