"""Attachments at the county: content taken in chunks (resumed after a broken connection,
checked whole against its SHA-256, kept once), records taken after their content, pull
pages of the records of a device's scope, and content given out chunk by chunk.

A device learns about content only where it may: content is "held" for a device when the
county has it and either an attachment of the device's scope refers to it or the device
itself sent it whole. Anything else is answered exactly as content the county does not
have, so a device cannot test the county for a file by guessing its hash.
"""

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from types import SimpleNamespace
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection, Engine, func, select
from sqlalchemy.dialects import postgresql, sqlite

from caseworker.domain.evidence import EvidenceKind, MediaType
from caseworker.domain.validation import BEIJING_TIME, FieldError, Problem, parse_uuid
from caseworker.sync.county.auth import Device, Refused, device_ref, in_scope
from caseworker.sync.county.db import lock_households, take_numbers
from caseworker.sync.county.tables import (
    ATTACHMENT,
    ATTACHMENT_CHUNK,
    ATTACHMENT_CONTENT,
    ATTACHMENT_UPLOAD,
    HOUSEHOLD,
    POLICY,
    RECORD,
)
from caseworker.sync.schemas import (
    AttachmentIn,
    AttachmentPushAnswer,
    AttachmentResult,
    ChunkAnswer,
    ContentWanted,
    UploadsAnswer,
    UploadState,
)

CHUNK_SIZE = 1024 * 1024  # the largest chunk the county takes in one request
DEFAULT_MAX_FILE_MB = 20  # without the pack's evidence.max_file_mb
MAX_OPEN_UPLOADS = 200  # unfinished uploads one device may have at once
NOTE_MAX = 200  # as the laptop (caseworker.store.attachments)
REASON_MAX = 200
NAME_MAX = 40
PAGES_MAX = 100_000
COUNTER = "attachment"
_SHA256 = re.compile(r"[0-9a-f]{64}")
# Any control character but tab and line breaks (a note may have several lines).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# A laptop's clock may run ahead of the county's by this much.
CLOCK_SLACK = timedelta(days=1)

NO_CONTENT_ZH = "县里没有这份材料的文件内容，或本设备无权取得"
NO_CONTENT_EN = "the county has no such content, or this device may not have it"


MISMATCH = (
    "文件内容与其指纹（SHA-256）不符，已丢弃本次上传，未保存任何内容；请重新同步",
    "the content does not match its SHA-256: the upload was dropped and nothing was stored; "
    "sync again",
)


def check_sha256(text: str) -> str:
    """``text`` if it names content (64 lowercase hexadecimal digits); else refused."""
    if not _SHA256.fullmatch(text):
        raise Refused(
            422,
            "文件指纹（SHA-256）应为64位小写十六进制数字（0-9、a-f）",
            "a SHA-256 of content is 64 lowercase hexadecimal digits (0-9, a-f)",
        )
    return text


def out_of_range(index: int, chunks: int) -> Refused:
    return Refused(
        422,
        f"分块编号{index}超出范围（这份文件共{chunks}块，编号0到{chunks - 1}）",
        f"chunk {index} is out of range (this content has {chunks} chunks, 0 to {chunks - 1})",
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


# --- what a device may know of content ------------------------------------------------------


def _prefix_range(prefix: str) -> tuple[str, str]:
    return prefix, prefix + "9" * (12 - len(prefix))


def visible_contents(conn: Connection, device: Device, hashes: Sequence[str]) -> set[str]:
    """Those of ``hashes`` the county holds and may name to ``device``: referred to by an
    attachment of its scope (removed or not), or sent whole by the device itself."""
    wanted = sorted(set(hashes))
    if not wanted:
        return set()
    held: set[str] = set()
    for start in range(0, len(wanted), 500):
        part = wanted[start : start + 500]
        held |= set(
            conn.execute(
                select(ATTACHMENT_CONTENT.c.sha256).where(ATTACHMENT_CONTENT.c.sha256.in_(part))
            ).scalars()
        )
    if not held:
        return set()
    lo, hi = _prefix_range(device.scope)
    found = set(
        conn.execute(
            select(ATTACHMENT.c.sha256)
            .join(HOUSEHOLD, HOUSEHOLD.c.id == ATTACHMENT.c.household_id)
            .where(
                ATTACHMENT.c.sha256.in_(sorted(held)),
                HOUSEHOLD.c.village_code >= lo,
                HOUSEHOLD.c.village_code <= hi,
            )
        ).scalars()
    )
    found |= set(
        conn.execute(
            select(ATTACHMENT_UPLOAD.c.sha256).where(
                ATTACHMENT_UPLOAD.c.device_id == device.device_id,
                ATTACHMENT_UPLOAD.c.sha256.in_(sorted(held)),
                ATTACHMENT_UPLOAD.c.completed_at.is_not(None),
            )
        ).scalars()
    )
    return found


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
    for table in (ATTACHMENT_CHUNK, ATTACHMENT_UPLOAD):
        conn.execute(table.delete().where(table.c.device_id == device_id, table.c.sha256 == sha256))


def _refused_state(item: ContentWanted, zh: str, en: str) -> UploadState:
    return UploadState(
        sha256=item.sha256, state="refused", size=item.size, reason_zh=zh, reason_en=en
    )


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
        open_uploads = int(
            conn.execute(
                select(func.count())
                .select_from(ATTACHMENT_UPLOAD)
                .where(
                    ATTACHMENT_UPLOAD.c.device_id == device.device_id,
                    ATTACHMENT_UPLOAD.c.completed_at.is_(None),
                )
            ).scalar_one()
        )
        seen: set[str] = set()
        for item in contents:
            sha = item.sha256
            if sha in seen:
                continue
            seen.add(sha)
            if sha in visible:
                answers.append(UploadState(sha256=sha, state="held", size=sizes[sha]))
                continue
            if item.size <= 0:
                answers.append(_refused_state(item, "文件是空的，县里不接收", "the file is empty"))
                continue
            if item.size > limit:
                answers.append(
                    _refused_state(
                        item,
                        f"文件有 {_mb(item.size)} MB，超过县里允许的 {limit // (1024 * 1024)} MB",
                        f"the file is {_mb(item.size)} MB, more than the "
                        f"{limit // (1024 * 1024)} MB the county takes",
                    )
                )
                continue
            upload = uploads.get(sha)
            if upload is not None and (upload.completed_at is not None or upload.size != item.size):
                # Finished but the content is gone, or declared again with another size
                # (one of the two was wrong): begin again.
                _drop_upload(conn, device.device_id, sha)
                if upload.completed_at is None:
                    open_uploads -= 1
                upload = None
            if upload is None:
                if open_uploads >= MAX_OPEN_UPLOADS:
                    answers.append(
                        _refused_state(
                            item,
                            f"本设备未完成的上传太多（最多{MAX_OPEN_UPLOADS}个），请先完成已开始的上传",
                            f"too many unfinished uploads from this device (at most "
                            f"{MAX_OPEN_UPLOADS}); finish those begun first",
                        )
                    )
                    continue
                chunks = _chunks_of(item.size, chunk_size)
                conn.execute(
                    ATTACHMENT_UPLOAD.insert().values(
                        device_id=device.device_id,
                        sha256=sha,
                        size=item.size,
                        chunk_size=chunk_size,
                        chunks=chunks,
                    )
                )
                open_uploads += 1
                answers.append(
                    UploadState(
                        sha256=sha,
                        state="upload",
                        size=item.size,
                        chunk_size=chunk_size,
                        chunks=chunks,
                    )
                )
                continue
            received = _received(conn, device, sha)
            if len(received) == upload.chunks:  # whole, never finished: finish it now
                if _finish(conn, device, upload):
                    answers.append(UploadState(sha256=sha, state="held", size=upload.size))
                else:
                    answers.append(_refused_state(item, *MISMATCH))
                continue
            answers.append(
                UploadState(
                    sha256=sha,
                    state="upload",
                    size=upload.size,
                    chunk_size=upload.chunk_size,
                    chunks=upload.chunks,
                    received=received,
                )
            )
    return UploadsAnswer(chunk_size=chunk_size, max_file_bytes=limit, contents=answers)


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
    digest = hashlib.sha256()
    for index in range(upload.chunks):
        data = conn.execute(
            select(ATTACHMENT_CHUNK.c.data).where(*where, ATTACHMENT_CHUNK.c.chunk_index == index)
        ).scalar_one()
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
        conn.execute(
            _insert_ignoring(conn, ATTACHMENT_CHUNK).values(
                device_id=device.device_id, sha256=sha256, chunk_index=index, data=data
            )
        )
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
    return ChunkAnswer(
        sha256=sha256,
        chunk=index,
        received=received,
        chunks=upload.chunks,
        complete=received == upload.chunks,
    )


# --- records -------------------------------------------------------------------------------

_LABELS: dict[str, tuple[str, str]] = {
    "id": ("材料编号", "attachment id"),
    "household_id": ("家庭编号", "household id"),
    "member_id": ("家庭成员", "member"),
    "visit_id": ("入户调查", "visit"),
    "application_id": ("申请", "application"),
    "kind": ("材料类别", "kind"),
    "taken_on": ("材料日期", "date taken"),
    "note": ("说明", "note"),
    "added_by": ("添加人", "added by"),
    "added_at": ("添加时间", "added at"),
    "sha256": ("文件指纹（SHA-256）", "SHA-256"),
    "media_type": ("文件类型", "file type"),
    "size": ("文件大小", "size"),
    "pages": ("页数", "pages"),
    "removed_at": ("移除时间", "removed at"),
    "removed_by": ("移除人", "removed by"),
    "removed_reason": ("移除原因", "reason for removal"),
    "attachment": ("证明材料", "attachment"),
}
# What never changes once the county has a record (only its removal may come later).
FIXED = (
    "household_id",
    "member_id",
    "visit_id",
    "application_id",
    "kind",
    "taken_on",
    "note",
    "added_by",
    "added_at",
    "sha256",
    "media_type",
    "size",
    "pages",
)


def _error(record_id: str, field: str, value: Any, code: str, zh: str, en: str) -> FieldError:
    label_zh, label_en = _LABELS[field]
    shown = record_id[:8] if isinstance(record_id, str) else ""
    return FieldError(
        field=field,
        value=value,
        code=code,
        label_zh=label_zh,
        label_en=label_en,
        problem_zh=zh,
        problem_en=en,
        record_zh=f"证明材料（{shown}）",
        record_en=f"attachment ({shown})",
    )


def _moment(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        raise ValueError("no offset")
    return moment


@dataclass
class _Checked:
    values: dict[str, Any]
    errors: list[FieldError]


def check_record(r: AttachmentIn, now: datetime) -> _Checked:
    """Every field of a record, checked as the laptop checks what it attaches: ids, the
    kind (an EvidenceKind), the file type (a MediaType), texts and their lengths, dates
    (none in the future), and a removal whole (when, by whom and why) or not at all."""
    errors: list[FieldError] = []
    rid = r.id

    def bad(field: str, value: Any, code: str, zh: str, en: str) -> None:
        errors.append(_error(rid, field, value, code, zh, en))

    values: dict[str, Any] = {}
    for field in ("id", "household_id", "member_id", "visit_id", "application_id"):
        value = getattr(r, field)
        if value is None and field not in ("id", "household_id"):
            values[field] = None
            continue
        try:
            if parse_uuid(value) != value:
                raise Problem("uuid", "不是有效编号（UUID）", "is not a valid id (UUID)")
            values[field] = value
        except Problem as problem:
            bad(field, value, problem.code, problem.zh, problem.en)
    kind = EvidenceKind.parse(r.kind)
    if kind is None:
        bad(
            "kind",
            r.kind,
            "unknown_code",
            f"不是可用的类别（可用：{EvidenceKind.choices()}）",
            f"is not a kind of evidence (one of: {EvidenceKind.choices()})",
        )
    values["kind"] = r.kind
    media = MediaType.parse(r.media_type)
    if media is None or media.value != r.media_type:
        bad(
            "media_type",
            r.media_type,
            "unknown_code",
            "不是可接收的文件类型（JPEG、PNG、HEIC照片或PDF）",
            "is not a file type taken (JPEG, PNG or HEIC photo, or PDF)",
        )
    values["media_type"] = r.media_type
    today = now.astimezone(BEIJING_TIME).date()
    try:
        taken = date.fromisoformat(r.taken_on)
        if len(r.taken_on) != 10:
            raise ValueError(r.taken_on)
        if taken > today + CLOCK_SLACK:
            bad("taken_on", r.taken_on, "future", "日期不能晚于今天", "cannot be in the future")
        elif taken.year < 1900:
            bad("taken_on", r.taken_on, "date_range", "日期太早，请核对", "is implausibly early")
        values["taken_on"] = taken
    except ValueError:
        bad(
            "taken_on",
            r.taken_on,
            "date_format",
            "不是有效日期（格式：2020-03-31）",
            "is not a date (YYYY-MM-DD)",
        )
    for field, limit in (
        ("note", NOTE_MAX),
        ("added_by", NAME_MAX),
        ("removed_by", NAME_MAX),
        ("removed_reason", REASON_MAX),
    ):
        text = getattr(r, field)
        if len(text) > limit:
            bad(
                field,
                text[:20],
                "too_long",
                f"最多{limit}个字，现有{len(text)}个",
                f"is at most {limit} characters; it has {len(text)}",
            )
        elif _CONTROL.search(text):
            bad(field, "", "control_chars", "含有不可见的控制字符", "contains control characters")
        values[field] = text
    for field in ("added_at", "removed_at"):
        text = getattr(r, field)
        if text is None:
            values[field] = None
            continue
        try:
            moment = _moment(text)
        except ValueError:
            bad(
                field,
                text,
                "datetime_format",
                "不是有效时间（如2020-03-31T10:00:00+08:00）",
                "is not an ISO 8601 date-time with its offset",
            )
            continue
        if moment > now + CLOCK_SLACK:
            bad(field, text, "future", "时间不能晚于现在", "cannot be in the future")
        elif moment.year < 2000:
            bad(field, text, "date_range", "时间太早，请核对", "is implausibly early")
        values[field] = moment.astimezone(UTC)
    if not _SHA256.fullmatch(r.sha256):
        bad(
            "sha256",
            r.sha256,
            "sha256",
            "应为64位小写十六进制数字",
            "must be 64 lowercase hexadecimal digits",
        )
    values["sha256"] = r.sha256
    if r.size <= 0:
        bad("size", r.size, "range", "文件不能是空的", "cannot be empty")
    values["size"] = r.size
    if not 1 <= r.pages <= PAGES_MAX:
        bad(
            "pages",
            r.pages,
            "range",
            f"应在1到{PAGES_MAX}之间",
            f"must be between 1 and {PAGES_MAX}",
        )
    values["pages"] = r.pages
    if r.removed_at is None:
        if r.removed_by or r.removed_reason:
            bad(
                "removed_at",
                None,
                "required",
                "写了移除人或移除原因，却没有移除时间",
                "a removal needs its time (removed by or reason given without it)",
            )
    else:
        if not r.removed_reason.strip():
            bad("removed_reason", "", "required", "移除材料须写明原因", "say why it is removed")
        added, removed = values.get("added_at"), values.get("removed_at")
        if isinstance(added, datetime) and isinstance(removed, datetime) and removed < added:
            bad(
                "removed_at",
                r.removed_at,
                "order",
                "不能早于添加时间",
                "cannot be before it was added",
            )
    return _Checked(values, errors)


def _as_utc(moment: datetime | None) -> datetime | None:
    if moment is None:
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _same(held: Any, field: str, value: Any) -> bool:
    mine = getattr(held, field)
    if field == "added_at":
        return bool(_as_utc(mine) == value)
    return bool(mine == value)


def push_records(
    engine: Engine, device: Device, records: Sequence[AttachmentIn], *, now: datetime | None = None
) -> AttachmentPushAnswer:
    """Take the records a device sends, each answered on its own. A record of a household
    outside the device's scope refuses the whole request (403, nothing stored). A new
    record needs its household and what it belongs to at the county, and its content held
    whole for this device; a record the county has takes its removal and nothing else (a
    removal is never undone: a version without it is answered accepted, the county's stays)."""
    now = now or datetime.now(UTC)
    checked = [check_record(r, now) for r in records]
    results: list[AttachmentResult] = []
    with engine.begin() as conn:
        lock_households(conn)
        wanted = sorted({c.values["household_id"] for c in checked if "household_id" in c.values})
        homes = dict(
            conn.execute(
                select(HOUSEHOLD.c.id, HOUSEHOLD.c.village_code).where(HOUSEHOLD.c.id.in_(wanted))
            ).all()
        )
        for village in homes.values():
            if not in_scope(device.scope, village):
                raise Refused(
                    403,
                    f"证明材料所属家庭（村（社区）{village}）不在本设备的工作范围（{device.scope}）内",
                    f"an attachment's household (village {village}) is outside this device's "
                    f"scope ({device.scope})",
                )
        ids = [c.values["id"] for c in checked if "id" in c.values]
        held = {r.id: r for r in conn.execute(select(ATTACHMENT).where(ATTACHMENT.c.id.in_(ids)))}
        links = {
            r.id: (r.table_name, r.household_id)
            for r in conn.execute(
                select(RECORD.c.id, RECORD.c.table_name, RECORD.c.household_id).where(
                    RECORD.c.id.in_(
                        sorted(
                            {
                                c.values[f]
                                for c in checked
                                for f in ("member_id", "visit_id", "application_id")
                                if c.values.get(f)
                            }
                        )
                    )
                )
            )
        }
        contents = {
            c.values["sha256"] for c in checked if not c.errors and c.values["id"] not in held
        }
        visible = visible_contents(conn, device, sorted(contents))
        sizes = dict(
            conn.execute(
                select(ATTACHMENT_CONTENT.c.sha256, ATTACHMENT_CONTENT.c.size).where(
                    ATTACHMENT_CONTENT.c.sha256.in_(sorted(visible))
                )
            ).all()
        )
        done: dict[str, str] = {}  # id -> status, for a record sent twice in one request
        for record, check in zip(records, checked, strict=True):
            errors = list(check.errors)
            v = check.values
            if not errors:
                errors = _record_problems(v, held.get(v["id"]), homes, links, visible, sizes)
            if errors:
                results.append(
                    AttachmentResult(
                        id=record.id, status="rejected", errors=[e.as_dict() for e in errors]
                    )
                )
                continue
            if v["id"] not in done:
                row = _store(conn, device, v, held.get(v["id"]), now)
                if row is not None:
                    held[v["id"]] = row
                done[v["id"]] = "accepted"
            results.append(AttachmentResult(id=record.id, status="accepted"))
    return AttachmentPushAnswer(results=results)


def _record_problems(
    v: dict[str, Any],
    held: Any,
    homes: dict[str, str],
    links: dict[str, tuple[str, str]],
    visible: set[str],
    sizes: dict[str, int],
) -> list[FieldError]:
    rid = v["id"]
    if held is not None:
        changed = [f for f in FIXED if not _same(held, f, v[f])]
        if changed:
            return [
                _error(
                    rid,
                    "attachment",
                    None,
                    "immutable",
                    "县里已有这份材料，其内容不能更改，只能移除"
                    f"（想改的是：{'、'.join(_LABELS[f][0] for f in changed)}）",
                    "the county has this attachment: it cannot be changed, only removed "
                    f"(changed: {', '.join(changed)})",
                )
            ]
        return []
    if v["household_id"] not in homes:
        return [
            _error(
                rid,
                "household_id",
                v["household_id"],
                "unknown_household",
                "县里没有这户（请先同步这户的信息）",
                "the county has no such household (its details must reach it first)",
            )
        ]
    errors = []
    for field, table in (
        ("member_id", "member"),
        ("visit_id", "visit"),
        ("application_id", "application"),
    ):
        value = v[field]
        if value is not None and links.get(value) != (table, v["household_id"]):
            errors.append(
                _error(
                    rid,
                    field,
                    value,
                    "unknown_link",
                    "这一户在县里没有这一项",
                    "this household has no such record at the county",
                )
            )
    if v["sha256"] not in visible:
        errors.append(
            _error(
                rid,
                "sha256",
                v["sha256"],
                "content_missing",
                "县里还没有收到这份材料的完整文件（文件须先上传）",
                "the county has not received this attachment's content whole (send it first)",
            )
        )
    elif sizes[v["sha256"]] != v["size"]:
        errors.append(
            _error(
                rid,
                "size",
                v["size"],
                "size_mismatch",
                f"与收到的文件大小（{sizes[v['sha256']]}字节）不一致",
                f"differs from the content received ({sizes[v['sha256']]} bytes)",
            )
        )
    return errors


def _store(conn: Connection, device: Device, v: dict[str, Any], held: Any, now: datetime) -> Any:
    """Write a new record, or the removal of a held one; None when nothing changes."""
    if held is None:
        values = {
            **{f: v[f] for f in ("id", *FIXED)},
            "removed_at": v["removed_at"],
            "removed_by": v["removed_by"] if v["removed_at"] else "",
            "removed_reason": v["removed_reason"] if v["removed_at"] else "",
            "version": 2 if v["removed_at"] else 1,
            "seq": take_numbers(conn, COUNTER, 1),
            "device_id": device.device_id,
            "received_at": now,
            "updated_at": now,
        }
        conn.execute(ATTACHMENT.insert().values(**values))
        return SimpleNamespace(**values)
    if v["removed_at"] is None or held.removed_at is not None:
        return None  # nothing new; a removal is never undone
    conn.execute(
        ATTACHMENT.update()
        .where(ATTACHMENT.c.id == v["id"])
        .values(
            removed_at=v["removed_at"],
            removed_by=v["removed_by"],
            removed_reason=v["removed_reason"],
            version=ATTACHMENT.c.version + 1,
            seq=take_numbers(conn, COUNTER, 1),
            device_id=device.device_id,
            updated_at=now,
        )
    )
    return conn.execute(select(ATTACHMENT).where(ATTACHMENT.c.id == v["id"])).first()


# --- pull and content ----------------------------------------------------------------------


def _iso(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    return aware.astimezone(UTC).isoformat()


def attachment_page(engine: Engine, device: Device, *, after: int, limit: int) -> dict[str, Any]:
    """The records of the device's scope changed after cursor ``after``, in cursor order."""
    lo, hi = _prefix_range(device.scope)
    with engine.connect() as conn:
        rows = list(
            conn.execute(
                select(ATTACHMENT)
                .join(HOUSEHOLD, HOUSEHOLD.c.id == ATTACHMENT.c.household_id)
                .where(
                    ATTACHMENT.c.seq > after,
                    HOUSEHOLD.c.village_code >= lo,
                    HOUSEHOLD.c.village_code <= hi,
                )
                .order_by(ATTACHMENT.c.seq)
                .limit(limit)
            )
        )
    out = []
    for r in rows:
        out.append(
            {
                "id": r.id,
                "household_id": r.household_id,
                "member_id": r.member_id,
                "visit_id": r.visit_id,
                "application_id": r.application_id,
                "kind": r.kind,
                "taken_on": r.taken_on.isoformat(),
                "note": r.note,
                "added_by": r.added_by,
                "added_at": _iso(r.added_at),
                "sha256": r.sha256,
                "media_type": r.media_type,
                "size": r.size,
                "pages": r.pages,
                "removed_at": _iso(r.removed_at),
                "removed_by": r.removed_by,
                "removed_reason": r.removed_reason,
                "version": r.version,
                "seq": r.seq,
                "device_id": device_ref(device, r.device_id),
            }
        )
    return {
        "attachments": out,
        "next_cursor": rows[-1].seq if rows else after,
        "more": len(rows) == limit,
    }


@dataclass(frozen=True, slots=True)
class Chunk:
    data: bytes
    index: int
    chunks: int
    chunk_size: int
    size: int


def content_chunk(engine: Engine, device: Device, sha256: str, index: int) -> Chunk:
    """Chunk ``index`` of content the device may have (see ``visible_contents``); content
    it may not have is answered as content the county does not hold (404)."""
    check_sha256(sha256)
    with engine.connect() as conn:
        if sha256 not in visible_contents(conn, device, [sha256]):
            raise Refused(404, NO_CONTENT_ZH, NO_CONTENT_EN)
        content = conn.execute(
            select(ATTACHMENT_CONTENT).where(ATTACHMENT_CONTENT.c.sha256 == sha256)
        ).one()
        if not 0 <= index < content.chunks:
            raise out_of_range(index, content.chunks)
        data = conn.execute(
            select(ATTACHMENT_CHUNK.c.data).where(
                ATTACHMENT_CHUNK.c.device_id == content.device_id,
                ATTACHMENT_CHUNK.c.sha256 == sha256,
                ATTACHMENT_CHUNK.c.chunk_index == index,
            )
        ).scalar_one()
    return Chunk(bytes(data), index, content.chunks, content.chunk_size, content.size)
