"""What a county officer does besides serving: publish policy packs, list and dismiss
conflicts, import the pending changes of a laptop that cannot connect. (Region names:
``regions.py``; laptops' resolutions: ``resolve.py``.)"""

import hashlib
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, select, update

from caseworker.eligibility.library import PolicyLibrary
from caseworker.eligibility.policy import Pack, PolicyError
from caseworker.sync.county.auth import Device, Refused, in_scope
from caseworker.sync.county.db import take_numbers
from caseworker.sync.county.pull import conflict_out, values_in_force
from caseworker.sync.county.push import apply_push
from caseworker.sync.county.resolve import bump
from caseworker.sync.county.tables import CONFLICT, DEVICE, POLICY
from caseworker.sync.schemas import PUSH_REQUEST, ConflictOut, PushResponse

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


def list_conflicts(
    engine: Engine, *, scope: str = "", open_only: bool = True, viewer: Device | None = None
) -> list[ConflictOut]:
    """Conflicts in a region (all by default), oldest first, each open one with the value
    in force now; as ``viewer`` sees them (None: the county, device ids as they are)."""
    query = select(CONFLICT).order_by(CONFLICT.c.created_at, CONFLICT.c.id)
    if open_only:
        query = query.where(CONFLICT.c.resolved_at.is_(None))
    with engine.connect() as conn:
        found = [c for c in conn.execute(query) if in_scope(scope, c.village_code)]
        in_force = values_in_force(conn, found)
    return [conflict_out(c, viewer, in_force) for c in found]


def dismiss_conflict(engine: Engine, conflict_id: str, reason: str) -> None:
    """Close an open conflict without choosing either value (the value in force stays),
    for ``reason``: a conflict nobody can or should settle on a laptop."""
    note = reason.strip()
    if not note or len(note) > 500:
        raise Refused(
            400, "请写明撤销冲突的原因（500字以内）", "give the reason (at most 500 characters)"
        )
    with engine.begin() as conn:
        c = conn.execute(select(CONFLICT).where(CONFLICT.c.id == conflict_id)).first()
        if c is None or c.resolved_at is not None:
            raise Refused(
                404,
                f"没有编号为{conflict_id}的未解决冲突",
                f"no open conflict has the id {conflict_id}",
            )
        conn.execute(
            update(CONFLICT)
            .where(CONFLICT.c.id == conflict_id)
            .values(resolved_at=datetime.now(UTC), resolved_by="county", note=note)
        )
        bump(conn, c.household_id)


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
    device = Device(
        row.credential_id, row.device_id, row.worker, row.role, row.scope_code, row.enrolled_at
    )
    request = PUSH_REQUEST.validate_python(
        {
            "protocol": document.get("protocol"),
            "changes": document.get("changes"),
            "regions": document.get("regions", []),
        }
    )
    return apply_push(engine, device, request)
