"""Attached evidence in the store: each file's content kept once, sealed, and a record per
attachment that is never changed behind anyone's back.

Content is sealed with AES-GCM under a random attachment key kept in the store's own
settings, and bound to its SHA-256, so a sealed blob cannot be passed off as another
file's. In an encrypted store that key is itself under the store's key (SQLCipher), and
survives the store being re-keyed; in a plain store (the demo, tests) it only keeps file
content from being readable in the database file as it is.

Every addition and removal is written to the audit trail in the same transaction;
removing needs a reason and keeps the record.
"""

import hashlib
import os
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import Connection, select

from caseworker.domain.evidence import (
    Attachment,
    AttachmentRefused,
    EvidenceKind,
    MediaType,
)
from caseworker.domain.field_errors import Problem
from caseworker.domain.parsers import parse_date
from caseworker.domain.validation import BEIJING_TIME
from caseworker.interchange.evidence_files import PreparedFile, thumbnail
from caseworker.store.audit import Action, record
from caseworker.store.db import write_setting
from caseworker.store.tables import (
    ATTACHMENT,
    ATTACHMENT_CONTENT,
    SETTING,
    ApplicationRow,
    HouseholdRow,
    MemberRow,
    VisitRow,
    new_id,
    table_of,
    utcnow,
)

KEY_SETTING = "attachments.key"
NOTE_MAX = 200
REASON_MAX = 200
_NONCE = 12
HOUSEHOLD = table_of(HouseholdRow)
MEMBER = table_of(MemberRow)
VISIT = table_of(VisitRow)
APPLICATION = table_of(ApplicationRow)


class DamagedContent(RuntimeError):
    """Stored content that does not open under the store's key or does not match its
    SHA-256: the store was damaged or tampered with."""


def sha256_of(content: bytes) -> str:
    """The name content is kept under."""
    return hashlib.sha256(content).hexdigest()


def _key(conn: Connection) -> bytes:
    hex_key = conn.execute(select(SETTING.c.value).where(SETTING.c.key == KEY_SETTING)).scalar()
    if hex_key:
        return bytes.fromhex(hex_key)
    key = AESGCM.generate_key(bit_length=256)
    write_setting(conn, KEY_SETTING, key.hex())
    return key


def attachment_key(conn: Connection) -> bytes:
    """The key that seals this store's attachment content (made on first use)."""
    return _key(conn)


def seal(key: bytes, sha256: str, content: bytes) -> bytes:
    """``content`` encrypted and authenticated, bound to its name ``sha256``."""
    nonce = os.urandom(_NONCE)
    return nonce + AESGCM(key).encrypt(nonce, content, sha256.encode())


def unseal(key: bytes, sha256: str, sealed: bytes) -> bytes:
    """The content ``seal`` sealed, or ``DamagedContent``."""
    try:
        return AESGCM(key).decrypt(sealed[:_NONCE], sealed[_NONCE:], sha256.encode())
    except InvalidTag as exc:
        raise DamagedContent(f"attachment content {sha256[:12]} does not open") from exc


def has_content(conn: Connection, sha256: str) -> bool:
    """Whether the content named ``sha256`` is kept here."""
    found = conn.execute(
        select(ATTACHMENT_CONTENT.c.sha256).where(ATTACHMENT_CONTENT.c.sha256 == sha256)
    ).first()
    return found is not None


def keep_content(conn: Connection, content: bytes, sha256: str | None = None) -> str:
    """Keep ``content`` (once: content already kept is not written again); its SHA-256.
    A ``sha256`` given must be the content's, as content arriving from the county is."""
    actual = sha256_of(content)
    if sha256 is not None and sha256 != actual:
        raise DamagedContent(f"content named {sha256[:12]} is {actual[:12]}")
    if not has_content(conn, actual):
        conn.execute(
            ATTACHMENT_CONTENT.insert().values(
                sha256=actual, size=len(content), sealed=seal(_key(conn), actual, content)
            )
        )
    return actual


def content_of(conn: Connection, sha256: str) -> bytes:
    """The content named ``sha256``; ``DamagedContent`` if it is not what was kept."""
    sealed = conn.execute(
        select(ATTACHMENT_CONTENT.c.sealed).where(ATTACHMENT_CONTENT.c.sha256 == sha256)
    ).scalar()
    if sealed is None:
        raise KeyError(sha256)
    content = unseal(_key(conn), sha256, sealed)
    if sha256_of(content) != sha256:
        raise DamagedContent(f"attachment content {sha256[:12]} does not match its name")
    return content


def thumbnail_of(conn: Connection, attachment: Attachment) -> bytes | None:
    """A small JPEG of an image attachment (made once, then kept sealed), or None for a
    PDF."""
    if not attachment.media_type.is_image:
        return None
    key = _key(conn)
    sealed = conn.execute(
        select(ATTACHMENT_CONTENT.c.thumbnail).where(
            ATTACHMENT_CONTENT.c.sha256 == attachment.sha256
        )
    ).scalar()
    name = attachment.sha256 + ".thumbnail"
    if sealed is not None:
        return unseal(key, name, sealed)
    small = thumbnail(content_of(conn, attachment.sha256))
    conn.execute(
        ATTACHMENT_CONTENT.update()
        .where(ATTACHMENT_CONTENT.c.sha256 == attachment.sha256)
        .values(thumbnail=seal(key, name, small))
    )
    return small


def _refuse(field: str, value: str, zh: str, en: str) -> AttachmentRefused:
    return AttachmentRefused(field, value, zh, en)


def _check_links(
    conn: Connection,
    household_id: str,
    member_id: str | None,
    visit_id: str | None,
    application_id: str | None,
) -> None:
    if conn.execute(select(HOUSEHOLD.c.id).where(HOUSEHOLD.c.id == household_id)).first() is None:
        raise _refuse(
            "household", household_id, f"没有编号为{household_id}的家庭", "no such household"
        )
    for field, table, value, zh, en in (
        ("member", MEMBER, member_id, "家庭成员", "member"),
        ("visit", VISIT, visit_id, "入户调查", "visit"),
        ("application", APPLICATION, application_id, "申请", "application"),
    ):
        if value is None:
            continue
        found = conn.execute(
            select(table.c.id).where(table.c.id == value, table.c.household_id == household_id)
        ).first()
        if found is None:
            raise _refuse(field, value, f"这一户没有这个{zh}", f"this household has no such {en}")


def _check_text(field: str, text: str, limit: int, label_zh: str, label_en: str) -> str:
    text = text.strip()
    if len(text) > limit:
        raise _refuse(
            field,
            text[:20],
            f"{label_zh}最多{limit}个字，现有{len(text)}个",
            f"{label_en} is at most {limit} characters; it has {len(text)}",
        )
    return text


def _check_taken_on(taken_on: date) -> None:
    """The rule for every date typed: not after today (Beijing's: the laptop's clock may
    be set to another zone) and not implausibly early."""
    today = datetime.now(BEIJING_TIME).date()
    try:
        parse_date(not_after=today)(taken_on)
    except Problem as problem:  # "日期不能晚于今天": said of this date
        # The date refused, and today's when it is later: "不能晚于今天（2099-01-01）"
        # read as if today were the date refused.
        day = taken_on.isoformat()
        zh = f"拍摄/出具日期“{day}”{problem.zh.removeprefix('日期')}"
        en = f"the date taken or issued '{day}' {problem.en}"
        if problem.code == "future":
            zh, en = f"{zh}（今天是{today.isoformat()}）", f"{en} (today is {today.isoformat()})"
        raise _refuse("taken_on", day, zh, en) from None


def add_attachment(
    conn: Connection,
    *,
    device_id: str,
    actor: str,
    household_id: str,
    prepared: PreparedFile,
    kind: EvidenceKind,
    taken_on: date,
    note: str = "",
    member_id: str | None = None,
    visit_id: str | None = None,
    application_id: str | None = None,
) -> Attachment:
    """Attach the file ``prepared`` to a household (inside the caller's transaction)."""
    _check_links(conn, household_id, member_id, visit_id, application_id)
    _check_taken_on(taken_on)
    note = _check_text("note", note, NOTE_MAX, "说明", "the note")
    sha256 = keep_content(conn, prepared.content)
    now = utcnow()
    attachment = Attachment(
        id=new_id(),
        household_id=household_id,
        kind=kind,
        taken_on=taken_on,
        note=note,
        added_by=actor,
        added_at=now,
        sha256=sha256,
        media_type=prepared.media_type,
        size=len(prepared.content),
        pages=prepared.pages,
        member_id=member_id,
        visit_id=visit_id,
        application_id=application_id,
    )
    conn.execute(ATTACHMENT.insert().values(**_row_values(attachment, device_id)))
    record(
        conn,
        device_id=device_id,
        actor=actor,
        action=Action.CREATE,
        household_id=household_id,
        detail={"attachment": attachment.id, "kind": kind.value, "sha256": sha256},
    )
    return attachment


def _row_values(attachment: Attachment, device_id: str) -> dict[str, Any]:
    return {
        "id": attachment.id,
        "created_at": attachment.added_at,
        "updated_at": attachment.removed_at or attachment.added_at,
        "device_id": device_id,
        "version": 2 if attachment.removed else 1,
        "household_id": attachment.household_id,
        "member_id": attachment.member_id,
        "visit_id": attachment.visit_id,
        "application_id": attachment.application_id,
        "kind": attachment.kind.value,
        "taken_on": attachment.taken_on,
        "note": attachment.note,
        "added_by": attachment.added_by,
        "sha256": attachment.sha256,
        "media_type": attachment.media_type.value,
        "size": attachment.size,
        "pages": attachment.pages,
        "removed_at": attachment.removed_at,
        "removed_by": attachment.removed_by,
        "removed_reason": attachment.removed_reason,
    }


def remove_attachment(
    conn: Connection, *, device_id: str, actor: str, attachment_id: str, reason: str
) -> Attachment:
    """Mark an attachment removed, saying why (its record and content are kept)."""
    reason = _check_text("reason", reason, REASON_MAX, "移除原因", "the reason")
    if not reason:
        raise _refuse("reason", "", "请写明移除原因", "say why it is removed")
    found = attachment_by_id(conn, attachment_id)
    if found is None or found.removed:
        raise _refuse("attachment", attachment_id, "没有这份材料", "no such attachment")
    now = utcnow()
    conn.execute(
        ATTACHMENT.update()
        .where(ATTACHMENT.c.id == attachment_id)
        .values(
            removed_at=now,
            removed_by=actor,
            removed_reason=reason,
            updated_at=now,
            device_id=device_id,
            version=ATTACHMENT.c.version + 1,
        )
    )
    record(
        conn,
        device_id=device_id,
        actor=actor,
        action=Action.DELETE,
        household_id=found.household_id,
        detail={"attachment": attachment_id, "kind": found.kind.value, "reason": reason},
    )
    removed = attachment_by_id(conn, attachment_id)
    assert removed is not None
    return removed


def attachment_of_row(row: Any) -> Attachment:
    """The attachment a row of the ``attachment`` table holds."""
    return Attachment(
        id=row.id,
        household_id=row.household_id,
        kind=EvidenceKind(row.kind),
        taken_on=row.taken_on,
        note=row.note,
        added_by=row.added_by,
        added_at=row.created_at,
        sha256=row.sha256,
        media_type=MediaType(row.media_type),
        size=row.size,
        pages=row.pages,
        member_id=row.member_id,
        visit_id=row.visit_id,
        application_id=row.application_id,
        removed_at=row.removed_at,
        removed_by=row.removed_by,
        removed_reason=row.removed_reason,
    )


def attachment_by_id(conn: Connection, attachment_id: str) -> Attachment | None:
    """One attachment's record, removed or not."""
    row = conn.execute(select(ATTACHMENT).where(ATTACHMENT.c.id == attachment_id)).first()
    return None if row is None else attachment_of_row(row)


def attachments_of(
    conn: Connection, household_id: str, *, include_removed: bool = False
) -> list[Attachment]:
    """A household's attachments, oldest first (removed ones only when asked)."""
    query = select(ATTACHMENT).where(ATTACHMENT.c.household_id == household_id)
    if not include_removed:
        query = query.where(ATTACHMENT.c.removed_at.is_(None))
    rows = conn.execute(query.order_by(ATTACHMENT.c.created_at, ATTACHMENT.c.id))
    return [attachment_of_row(row) for row in rows]


def attachments_of_many(
    conn: Connection, household_ids: Iterable[str]
) -> dict[str, list[Attachment]]:
    """The kept attachments of each of ``household_ids`` (a batch of case files)."""
    wanted = list(household_ids)
    found: dict[str, list[Attachment]] = {h: [] for h in wanted}
    for start in range(0, len(wanted), 500):
        rows = conn.execute(
            select(ATTACHMENT)
            .where(
                ATTACHMENT.c.household_id.in_(wanted[start : start + 500]),
                ATTACHMENT.c.removed_at.is_(None),
            )
            .order_by(ATTACHMENT.c.created_at, ATTACHMENT.c.id)
        )
        for row in rows:
            found[row.household_id].append(attachment_of_row(row))
    return found


def take_received(conn: Connection, attachment: Attachment, device_id: str) -> bool:
    """Keep an attachment record the county sent (its content must be kept already):
    new, or the removal of one held here. Whether anything changed."""
    if not has_content(conn, attachment.sha256):
        raise DamagedContent(f"no content {attachment.sha256[:12]} for a received attachment")
    held = attachment_by_id(conn, attachment.id)
    values = _row_values(attachment, device_id)
    if held is None:
        conn.execute(ATTACHMENT.insert().values(**values, sent_version=values["version"]))
        return True
    if attachment.removed and not held.removed:
        conn.execute(
            ATTACHMENT.update()
            .where(ATTACHMENT.c.id == attachment.id)
            .values(
                removed_at=attachment.removed_at,
                removed_by=attachment.removed_by,
                removed_reason=attachment.removed_reason,
                updated_at=attachment.removed_at,
                version=2,
                sent_version=2,
            )
        )
        return True
    return False


def taken_on_default(prepared: PreparedFile, file_time: datetime | None, today: date) -> date:
    """When a file was taken: its EXIF date, else the file's time, else today; never after
    today (a camera's clock set wrong)."""
    if prepared.taken_on is not None:
        return min(prepared.taken_on, today)
    return min(file_time.date(), today) if file_time is not None else today
