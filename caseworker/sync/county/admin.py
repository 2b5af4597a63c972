"""What a county officer does besides serving: publish policy packs, list and resolve
conflicts, import the pending changes of a laptop that cannot connect."""

import hashlib
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, select, update

from caseworker.domain.validation import Collector
from caseworker.eligibility.library import PolicyLibrary
from caseworker.eligibility.policy import Pack, PolicyError
from caseworker.sync.county.auth import Device, Refused, in_scope
from caseworker.sync.county.db import take_numbers
from caseworker.sync.county.pull import conflict_out
from caseworker.sync.county.push import apply_push
from caseworker.sync.county.tables import CONFLICT, DEVICE, HOUSEHOLD, POLICY, RECORD
from caseworker.sync.schemas import (
    PUSH_REQUEST,
    ConflictOut,
    PushResponse,
    Resolution,
    ResolveResponse,
)
from caseworker.sync.wire import row_from_wire

PENDING_FORMAT = "caseworker.sync-pending/1"


def read_pack(text: str) -> Pack:
    """The pack a YAML text holds, validated as laptops will read it (against the packs
    shipped with the app, so ``extends`` resolves); a refusal names the key at fault."""
    library = PolicyLibrary()
    try:
        pack = library.add_text(text, source="publish")
        library.policy(pack.id)  # combines with what it extends: every value must fit
    except PolicyError as exc:
        raise Refused(400, "；".join(exc.messages("zh")), "; ".join(exc.messages("en"))) from None
    if not pack.counties:
        raise Refused(
            400,
            "政策包未列出适用的县（counties），国家默认政策随程序发布，无需在县服务器发布",
            "the pack names no counties; national defaults ship with the app",
        )
    return pack


def publish_policy(engine: Engine, text: str) -> tuple[str, str, tuple[str, ...], str]:
    """Make a policy pack available to every device of the counties it names: (id, version,
    counties, sha256). Publishing the same pack again changes nothing; a different text
    under the same id and version is refused (a published version never changes)."""
    pack = read_pack(text)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    with engine.begin() as conn:
        for county in pack.counties:
            old = conn.execute(
                select(POLICY.c.sha256).where(
                    POLICY.c.id == pack.id,
                    POLICY.c.version == pack.version,
                    POLICY.c.county == county,
                )
            ).scalar()
            if old is not None and old != digest:
                raise Refused(
                    409,
                    f"政策{pack.id}的{pack.version}版已发布且内容不同，请使用新的版本号",
                    f"{pack.id} version {pack.version} is already published with other content",
                )
            if old is None:
                seq = take_numbers(conn, "policy", 1)
                conn.execute(
                    POLICY.insert().values(
                        id=pack.id,
                        version=pack.version,
                        county=county,
                        sha256=digest,
                        text=text,
                        seq=seq,
                    )
                )
    return pack.id, pack.version, pack.counties, digest


def list_conflicts(engine: Engine, *, scope: str = "", open_only: bool = True) -> list[ConflictOut]:
    """Conflicts in a region (all by default), oldest first."""
    query = select(CONFLICT).order_by(CONFLICT.c.created_at, CONFLICT.c.id)
    if open_only:
        query = query.where(CONFLICT.c.resolved_at.is_(None))
    with engine.connect() as conn:
        return [conflict_out(c) for c in conn.execute(query) if in_scope(scope, c.village_code)]


def _bump(conn: Connection, household_id: str) -> None:
    seq = take_numbers(conn, "household", 1)
    conn.execute(update(HOUSEHOLD).where(HOUSEHOLD.c.id == household_id).values(seq=seq))


def resolve_conflicts(
    engine: Engine, device: Device, resolutions: list[Resolution]
) -> ResolveResponse:
    """Settle conflicts with the values chosen; the chosen value becomes the county's."""
    now = datetime.now(UTC)
    resolved, unknown = [], []
    with engine.begin() as conn:
        for item in resolutions:
            c = conn.execute(select(CONFLICT).where(CONFLICT.c.id == item.conflict_id)).first()
            if c is None:
                unknown.append(item.conflict_id)
                continue
            if not in_scope(device.scope, c.village_code):
                raise Refused(
                    403,
                    f"冲突所在村{c.village_code}不在本设备的工作范围内",
                    f"the conflict's village {c.village_code} is outside this device's scope",
                )
            if c.resolved_at is None and c.field != "__row__":
                _apply_value(conn, device, c, item.value, now)
            if c.resolved_at is None:
                conn.execute(
                    update(CONFLICT)
                    .where(CONFLICT.c.id == c.id)
                    .values(resolved_at=now, resolved_by=device.device_id, resolution=item.value)
                )
                _bump(conn, c.household_id)
            resolved.append(c.id)
    return ResolveResponse(resolved=resolved, unknown=unknown)


def _apply_value(conn: Connection, device: Device, c: Any, value: Any, now: datetime) -> None:
    record = conn.execute(select(RECORD).where(RECORD.c.id == c.row_id)).first()
    if record is None:
        return
    collector = Collector()
    row_from_wire(c.table_name, c.row_id, {c.field: value}, complete=False, collector=collector)
    if collector.errors:
        e = collector.errors[0]
        raise Refused(422, e.message_zh, e.message_en)
    if record.data.get(c.field) == value:
        return
    conn.execute(
        update(RECORD)
        .where(RECORD.c.id == c.row_id)
        .values(
            data={**record.data, c.field: value},
            version=record.version + 1,
            updated_at=now,
            device_id=device.device_id,
        )
    )


def import_pending(engine: Engine, document: Any) -> PushResponse:
    """Apply a laptop's ``--export-pending`` file as if the laptop had pushed it.

    The laptop must be enrolled (its scope applies); each change is keyed by (device, seq)
    as in a push, so the laptop syncing later never duplicates what was imported.
    """
    if not isinstance(document, dict) or document.get("format") != PENDING_FORMAT:
        raise Refused(
            400,
            f"不是待同步变更文件（format应为“{PENDING_FORMAT}”）",
            f'not a pending-changes file (format must be "{PENDING_FORMAT}")',
        )
    device_id = document.get("device_id")
    with engine.connect() as conn:
        row = conn.execute(
            select(DEVICE)
            .where(DEVICE.c.device_id == device_id)
            .order_by(DEVICE.c.enrolled_at.desc())
        ).first()
    if row is None:
        raise Refused(
            403,
            f"设备{device_id}未在本县注册",
            f"device {device_id} is not enrolled at this county",
        )
    device = Device(row.credential_id, row.device_id, row.worker, row.role, row.scope_code)
    request = PUSH_REQUEST.validate_python(
        {
            "protocol": document.get("protocol"),
            "changes": document.get("changes"),
            "regions": document.get("regions", []),
        }
    )
    return apply_push(engine, device, request)
