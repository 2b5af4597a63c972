"""What a county officer does besides serving: publish policy packs, list and resolve
conflicts, import the pending changes of a laptop that cannot connect."""

import hashlib
from datetime import UTC, datetime
from typing import Any

import yaml
from sqlalchemy import Connection, Engine, select, update

from caseworker.domain.validation import Collector
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


def policy_header(text: str) -> tuple[str, str, str]:
    """The id, version and county code of a policy pack's YAML text (only those keys)."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise Refused(400, f"政策文件不是有效的YAML（{exc}）", f"not valid YAML ({exc})") from None
    if not isinstance(data, dict):
        raise Refused(400, "政策文件应为YAML映射", "a policy pack must be a YAML mapping")
    values = []
    for key in ("id", "version", "county"):
        value = data.get(key)
        if isinstance(value, int | float) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str) or not value.strip():
            raise Refused(400, f"政策文件缺少“{key}”", f"the policy pack has no '{key}'")
        values.append(value.strip())
    pack_id, version, county = values
    if not (county.isdigit() and len(county) == 6):
        raise Refused(400, f"县代码“{county}”应为6位数字", f"county '{county}' must be 6 digits")
    return pack_id, version, county


def publish_policy(engine: Engine, text: str) -> tuple[str, str, str, str]:
    """Make a policy pack available to every device of its county: (id, version, county,
    sha256). Publishing the same pack again changes nothing; a different text under the
    same id and version is refused (a published version never changes)."""
    pack_id, version, county = policy_header(text)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    with engine.begin() as conn:
        old = conn.execute(
            select(POLICY.c.sha256).where(POLICY.c.id == pack_id, POLICY.c.version == version)
        ).scalar()
        if old is not None and old != digest:
            raise Refused(
                409,
                f"政策{pack_id}的{version}版已发布且内容不同，请使用新的版本号",
                f"{pack_id} version {version} is already published with other content",
            )
        if old is None:
            seq = take_numbers(conn, "policy", 1)
            conn.execute(
                POLICY.insert().values(
                    id=pack_id, version=version, county=county, sha256=digest, text=text, seq=seq
                )
            )
    return pack_id, version, county, digest


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
