"""What a county officer does besides serving: publish policy packs, list and dismiss
conflicts, import the pending changes of a laptop that cannot connect (signed and encrypted
files, ``caseworker.sync.pending_file``). (Region names:
``regions.py``; laptops' resolutions: ``resolve.py``.)"""

import hashlib
from datetime import UTC, datetime

from sqlalchemy import Engine, select, update

from caseworker.eligibility.library import PolicyLibrary
from caseworker.eligibility.policy import Pack, PolicyError
from caseworker.sync import pending_file
from caseworker.sync.county.auth import Device, Refused, in_scope
from caseworker.sync.county.db import take_numbers
from caseworker.sync.county.pending_key import county_pending_key
from caseworker.sync.county.pull import conflict_out, values_in_force
from caseworker.sync.county.push import apply_push
from caseworker.sync.county.resolve import bump
from caseworker.sync.county.tables import CONFLICT, DEVICE, POLICY
from caseworker.sync.pending_file import PendingFileError
from caseworker.sync.receipts import receipt_for
from caseworker.sync.schemas import MAX_CHANGES_PER_PUSH, PUSH_REQUEST, ConflictOut, PushResponse


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


def _signer(engine: Engine, credential_id: str) -> tuple[Device, str]:
    """The enrolled device whose credential signed a pending file, and its signing key;
    Refused (403) for an unknown or revoked credential, or one without a key."""
    with engine.connect() as conn:
        row = conn.execute(select(DEVICE).where(DEVICE.c.credential_id == credential_id)).first()
    if row is None:
        raise Refused(
            403,
            "导出此文件的设备未在本县注册，已拒绝导入",
            "the device that exported this file is not enrolled at this county; nothing imported",
        )
    if row.revoked_at is not None:
        raise Refused(
            403,
            f"导出此文件的设备（{row.worker}）已被注销，其文件不再接受，未导入任何内容；"
            "如该电脑已重新注册，请在其上重新导出",
            f"the device that exported this file ({row.worker}) has been revoked: its files are "
            "no longer accepted and nothing was imported; if the laptop was enrolled again, "
            "export again from it",
        )
    if not row.signing_key:
        raise Refused(
            403,
            "导出此文件的设备尚未登记签名密钥，无法核实文件：请让该电脑先同步一次",
            "the device that exported this file has registered no signing key, so the file "
            "cannot be verified: sync the laptop once first",
        )
    device = Device(
        row.credential_id, row.device_id, row.worker, row.role, row.scope_code, row.enrolled_at
    )
    return device, row.signing_key


def _refused(exc: PendingFileError) -> Refused:
    return Refused(400, exc.zh, exc.en)


def import_pending(engine: Engine, data: bytes) -> PushResponse:
    """Apply a laptop's ``--export-pending`` file as if the laptop had pushed it.

    The file must be signed by the key of the (enrolled, not revoked) credential it names
    and encrypted to this county's key; anything else is Refused with nothing applied.
    Each change is keyed by (device, seq) as in a push, so the same file imported again, or
    the laptop syncing later, never applies a change twice. The laptop's scope applies.
    """
    try:
        file = pending_file.read(data)
        device, signing_key = _signer(engine, file.header.credential_id)
        pending_file.verify(file, signing_key)
        document = pending_file.open_document(file, county_pending_key(engine).private)
    except PendingFileError as exc:
        raise _refused(exc) from None
    if (
        not isinstance(document, dict)
        or document.get("format") != pending_file.DOCUMENT_FORMAT
        or document.get("device_id") != device.device_id
    ):
        # Signed by the device, so made by this program: only a bug could get here.
        raise Refused(
            400,
            "文件内容与导出它的设备不符，已拒绝导入",
            "the file's content does not match the device that exported it; nothing imported",
        )
    changes = document.get("changes")
    if not isinstance(changes, list):
        changes = None  # refused by the check below, naming the field
    # A push carries at most MAX_CHANGES_PER_PUSH changes; a file may carry more. Every
    # part is checked before any is applied.
    parts = [
        PUSH_REQUEST.validate_python(
            {
                "protocol": document.get("protocol"),
                "changes": changes[start : start + MAX_CHANGES_PER_PUSH] if changes else changes,
                "regions": document.get("regions", []),
            }
        )
        for start in range(0, max(len(changes or []), 1), MAX_CHANGES_PER_PUSH)
    ]
    answers = [apply_push(engine, device, part) for part in parts]
    results = [r for answer in answers for r in answer.results]
    return PushResponse(
        results=results,
        receipt=receipt_for(results),
        refused_regions=[r for answer in answers for r in answer.refused_regions],
    )
