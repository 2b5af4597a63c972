"""The checks of an attachment's record as a device sends it, field by field, as the laptop
checks what it attaches, each problem named in Chinese and English; and of a content's
SHA-256 and a chunk's number wherever a request names them."""

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from caseworker.domain.evidence import EvidenceKind, MediaType
from caseworker.domain.validation import BEIJING_TIME, FieldError, Problem, parse_uuid
from caseworker.sync.county.auth import Refused
from caseworker.sync.schemas import AttachmentIn

NOTE_MAX = 200  # as the laptop (caseworker.store.attachments)
REASON_MAX = 200
NAME_MAX = 40
PAGES_MAX = 100_000
_SHA256 = re.compile(r"[0-9a-f]{64}")
# Any control character but tab and line breaks (a note may have several lines).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# A laptop's clock may run ahead of the county's by this much.
CLOCK_SLACK = timedelta(days=1)


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
    """The refusal of chunk ``index`` of content cut in ``chunks`` chunks."""
    return Refused(
        422,
        f"分块编号{index}超出范围（这份文件共{chunks}块，编号0到{chunks - 1}）",
        f"chunk {index} is out of range (this content has {chunks} chunks, 0 to {chunks - 1})",
    )


LABELS: dict[str, tuple[str, str]] = {
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


def field_error(record_id: str, field: str, value: Any, code: str, zh: str, en: str) -> FieldError:
    """A problem with ``field`` of the attachment ``record_id``, labelled in both languages."""
    label_zh, label_en = LABELS[field]
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
class CheckedRecord:
    """A record's values as checked, and the problems found with them."""

    values: dict[str, Any]
    errors: list[FieldError]


# Records one problem: field, value, code, and the problem in Chinese and English.
Bad = Callable[[str, Any, str, str, str], None]


def check_record(r: AttachmentIn, now: datetime) -> CheckedRecord:
    """Every field of a record, checked as the laptop checks what it attaches: ids, the
    kind (an EvidenceKind), the file type (a MediaType), texts and their lengths, dates
    (none in the future), and a removal whole (when, by whom and why) or not at all."""
    errors: list[FieldError] = []
    rid = r.id

    def bad(field: str, value: Any, code: str, zh: str, en: str) -> None:
        errors.append(field_error(rid, field, value, code, zh, en))

    values: dict[str, Any] = {}
    # In this order, so the problems are listed as they always were.
    _check_ids(r, values, bad)
    _check_codes(r, values, bad)
    _check_taken_on(r, values, bad, now)
    _check_texts(r, values, bad)
    _check_moments(r, values, bad, now)
    _check_content(r, values, bad)
    _check_removal(r, values, bad)
    return CheckedRecord(values, errors)


def _check_ids(r: AttachmentIn, values: dict[str, Any], bad: Bad) -> None:
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


def _check_codes(r: AttachmentIn, values: dict[str, Any], bad: Bad) -> None:
    """The kind (an EvidenceKind) and the file type (a MediaType)."""
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


def _check_taken_on(r: AttachmentIn, values: dict[str, Any], bad: Bad, now: datetime) -> None:
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


def _check_texts(r: AttachmentIn, values: dict[str, Any], bad: Bad) -> None:
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


def _check_moments(r: AttachmentIn, values: dict[str, Any], bad: Bad, now: datetime) -> None:
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


def _check_content(r: AttachmentIn, values: dict[str, Any], bad: Bad) -> None:
    """The content's SHA-256, size and pages."""
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


def _check_removal(r: AttachmentIn, values: dict[str, Any], bad: Bad) -> None:
    """A removal whole (when, by whom and why, not before it was added) or not at all."""
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
