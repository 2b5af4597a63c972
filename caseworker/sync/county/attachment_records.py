"""Attachment records taken at the county after their content, each answered on its own:
a new record with its household, what it belongs to and its content checked; a record
the county has takes its removal and nothing else.
"""

from collections.abc import Sequence
from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any

from sqlalchemy import Connection, Engine, func, select

from caseworker.domain.evidence import MediaType
from caseworker.domain.validation import FieldError
from caseworker.interchange.evidence_files import recognise
from caseworker.sync.county.attachment_checks import FIXED, LABELS, check_record, field_error
from caseworker.sync.county.attachment_visibility import visible_contents
from caseworker.sync.county.auth import Device, Refused, in_scope
from caseworker.sync.county.db import lock_households, take_numbers
from caseworker.sync.county.tables import (
    ATTACHMENT,
    ATTACHMENT_CHUNK,
    ATTACHMENT_CONTENT,
    HOUSEHOLD,
    RECORD,
)
from caseworker.sync.schemas import AttachmentIn, AttachmentPushAnswer, AttachmentResult

COUNTER = "attachment"


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
        kinds = _content_kinds(conn, visible)
        done: dict[str, str] = {}  # id -> status, for a record sent twice in one request
        for record, check in zip(records, checked, strict=True):
            errors = list(check.errors)
            v = check.values
            if not errors:
                errors = _record_problems(v, held.get(v["id"]), homes, links, visible, sizes)
                errors += _kind_problems(v, held.get(v["id"]), kinds)
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


def _content_kinds(conn: Connection, contents: set[str]) -> dict[str, MediaType | None]:
    """What each content is, by its first bytes (a record may not call a zip a photo, for
    the laptops that will open it)."""
    first = func.substr(ATTACHMENT_CHUNK.c.data, 1, 16)
    rows = conn.execute(
        select(ATTACHMENT_CONTENT.c.sha256, first)
        .join(
            ATTACHMENT_CHUNK,
            (ATTACHMENT_CHUNK.c.sha256 == ATTACHMENT_CONTENT.c.sha256)
            & (ATTACHMENT_CHUNK.c.device_id == ATTACHMENT_CONTENT.c.device_id)
            & (ATTACHMENT_CHUNK.c.chunk_index == 0),
        )
        .where(ATTACHMENT_CONTENT.c.sha256.in_(sorted(contents)))
    ).all()
    return {sha256: recognise(bytes(head)) for sha256, head in rows}


def _kind_problems(
    v: dict[str, Any], held: Any, kinds: dict[str, MediaType | None]
) -> list[FieldError]:
    if held is not None or v["sha256"] not in kinds:
        return []
    found = kinds[v["sha256"]]
    if found is not None and found.value == v["media_type"]:
        return []
    return [
        field_error(
            v["id"],
            "media_type",
            v["media_type"],
            "content_kind",
            "与收到的文件内容不符",
            "does not match the content received",
        )
    ]


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
                field_error(
                    rid,
                    "attachment",
                    None,
                    "immutable",
                    "县里已有这份材料，其内容不能更改，只能移除"
                    f"（想改的是：{'、'.join(LABELS[f][0] for f in changed)}）",
                    "the county has this attachment: it cannot be changed, only removed "
                    f"(changed: {', '.join(changed)})",
                )
            ]
        return []
    if v["household_id"] not in homes:
        return [
            field_error(
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
                field_error(
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
            field_error(
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
            field_error(
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
