"""Who may sync: one-time enrollment codes, device credentials, revocation and scope.

A county officer enrolls a worker (``county enroll``) and gets a one-time code; the laptop
redeems it once for a device credential ``<credential id>.<secret>``. The server keeps only
SHA-256 hashes of codes and secrets, so a copy of its database lets nobody sync.

A device id names a laptop's sequence numbers and audit trail at the county, so a code
binds a new id only: an id the county already knows is taken again only by the laptop
that proves it (its current credential) or with a code the county made for that id.
Laptops never see each other's ids (``device_ref``).
"""

import hashlib
import hmac
import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import Connection, Engine, select, update

from caseworker.domain.codes import REGION_CODE_LENGTH, RegionLevel, WorkerRole
from caseworker.domain.errors import BilingualError
from caseworker.domain.validation import Problem, Where, parse_name, parse_uuid
from caseworker.sync.county.tables import DEVICE, ENROLLMENT, REFUSAL
from caseworker.sync.pending_file import is_key_text

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to misread
CODE_GROUPS = 4
ENROLLMENT_HOURS = 72

ROLE_LEVEL = {
    WorkerRole.VILLAGE: RegionLevel.VILLAGE,
    WorkerRole.TOWNSHIP: RegionLevel.TOWNSHIP,
    WorkerRole.COUNTY: RegionLevel.COUNTY,
}


class Refused(BilingualError):
    """A request the server refuses: HTTP status and the reason in Chinese and English."""

    def __init__(self, status: int, zh: str, en: str) -> None:
        super().__init__(zh, en)
        self.status = status


@dataclass(frozen=True, slots=True)
class Device:
    """An authenticated device: whose laptop, which role and region it may see."""

    credential_id: str
    device_id: str
    worker: str
    role: str
    scope: str
    enrolled_at: datetime


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def normalize_code(code: str) -> str:
    """An enrollment code as typed (any case, dashes or spaces) in its canonical form."""
    return "".join(ch for ch in code.upper() if ch.isalnum())


def check_role_scope(role: str, scope: str) -> WorkerRole:
    """The role, if ``scope`` is a region code of the level the role works at."""
    parsed = WorkerRole.parse(role)
    if parsed is None:
        problem = Problem(
            "unknown_code",
            f"不是可用的角色（可用：{WorkerRole.choices()}）",
            f"is not a role (one of: {WorkerRole.choices()})",
        )
        raise Refused(400, Where().field("role").error(role, problem).message_zh, problem.en)
    level = ROLE_LEVEL[parsed]
    length = REGION_CODE_LENGTH[level]
    if not (scope.isdigit() and len(scope) == length):
        raise Refused(
            400,
            f"范围“{scope}”应为{length}位数字的{level.zh}代码",
            f"scope '{scope}' must be a {length}-digit {level.en} code for role {parsed.value}",
        )
    return parsed


def create_enrollment(
    engine: Engine,
    *,
    worker: str,
    role: str,
    scope: str,
    hours: int = ENROLLMENT_HOURS,
    device_id: str | None = None,
) -> str:
    """A new one-time enrollment code for ``worker`` (valid ``hours`` hours).

    With ``device_id``, the code lets that known laptop back in (after a revocation, or
    when its credential was lost) and no other laptop.
    """
    if device_id is not None:
        try:
            device_id = parse_uuid(device_id)
        except Problem:
            raise Refused(
                400, f"设备编号“{device_id}”无效", f"device id '{device_id}' is not a UUID"
            ) from None
    try:
        name = parse_name(worker)
    except Problem as problem:
        raise Refused(
            400, f"姓名“{worker}”：{problem.zh}", f"name '{worker}': {problem.en}"
        ) from None
    check_role_scope(role, scope)
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_GROUPS * 4))
    now = datetime.now(UTC)
    with engine.begin() as conn:
        conn.execute(
            ENROLLMENT.insert().values(
                code_sha256=_sha256(raw),
                worker=name,
                role=role,
                scope_code=scope,
                created_at=now,
                expires_at=now + timedelta(hours=hours),
                device_id=device_id,
            )
        )
    return "-".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def _known_device_refusal(device_id: str) -> Refused:
    return Refused(
        409,
        f"设备编号{device_id}已在县里注册。请用本机现有的凭证重新注册，"
        f"或请县民政局为本机签发重新注册码（county enroll --device {device_id}）",
        f"device id {device_id} is already enrolled at this county: re-enroll with this "
        f"laptop's current credential, or ask the county for a code made for it "
        f"(county enroll --device {device_id})",
    )


def _check_device_id(
    conn: Connection, device_id: str, bound_to: str | None, authorization: str | None
) -> bool:
    """Whether this enrollment may use ``device_id`` (True: the id is known, and its old
    credentials are to be replaced); Refused (409) when it may not."""
    if bound_to is not None and bound_to != device_id:
        raise Refused(
            409,
            f"此注册码是为另一台设备签发的，不能用于设备{device_id}",
            f"this enrollment code was made for another device, not for {device_id}",
        )
    known = conn.execute(select(DEVICE.c.device_id).where(DEVICE.c.device_id == device_id)).first()
    if known is None or bound_to == device_id:
        return known is not None
    # A known id: the laptop proves it is that laptop with its current credential.
    try:
        prover = authenticate(conn, authorization) if authorization else None
    except Refused:
        prover = None
    if prover is None or prover.device_id != device_id:
        raise _known_device_refusal(device_id)
    return True


def redeem(
    engine: Engine,
    code: str,
    *,
    device_id: str,
    device_name: str = "",
    authorization: str | None = None,
    signing_key: str | None = None,
) -> tuple[str, Device]:
    """Exchange an enrollment code for a device credential (once); (token, device).

    A device id the county knows already is refused (409) unless ``authorization`` holds
    that device's current credential or the code was made for that device; the new
    credential then replaces the device's earlier ones. ``signing_key`` (base64 Ed25519
    public key) is the key the laptop signs its pending-changes files with.
    """
    try:
        device_id = parse_uuid(device_id)
    except Problem:
        raise Refused(422, "设备编号无效", "device_id is not a UUID") from None
    if signing_key is not None:
        _check_signing_key(signing_key)
    digest = _sha256(normalize_code(code))
    now = datetime.now(UTC)
    with engine.begin() as conn:
        row = conn.execute(select(ENROLLMENT).where(ENROLLMENT.c.code_sha256 == digest)).first()
        if row is None:
            raise Refused(401, "注册码无效", "unknown enrollment code")
        if row.used_at is not None:
            raise Refused(
                409, "注册码已被使用过，请向县民政局重新申请", "enrollment code already used"
            )
        expires = row.expires_at if row.expires_at.tzinfo else row.expires_at.replace(tzinfo=UTC)
        if expires < now:
            raise Refused(401, "注册码已过期，请向县民政局重新申请", "enrollment code expired")
        replacing = _check_device_id(conn, device_id, row.device_id, authorization)
        # Claim the code first: of two laptops racing with one code only one gets a row.
        claimed = conn.execute(
            update(ENROLLMENT)
            .where(ENROLLMENT.c.code_sha256 == digest, ENROLLMENT.c.used_at.is_(None))
            .values(used_at=now, used_by=device_id)
        ).rowcount
        if claimed != 1:
            raise Refused(409, "注册码已被使用过", "enrollment code already used")
        if replacing:
            conn.execute(
                update(DEVICE)
                .where(DEVICE.c.device_id == device_id, DEVICE.c.revoked_at.is_(None))
                .values(revoked_at=now)
            )
        credential_id = str(uuid.uuid4())
        secret = secrets.token_urlsafe(32)
        conn.execute(
            DEVICE.insert().values(
                credential_id=credential_id,
                device_id=device_id,
                device_name=device_name[:80],
                worker=row.worker,
                role=row.role,
                scope_code=row.scope_code,
                secret_sha256=_sha256(secret),
                enrolled_at=now,
                signing_key=signing_key,
            )
        )
    device = Device(credential_id, device_id, row.worker, row.role, row.scope_code, now)
    return f"{credential_id}.{secret}", device


def _check_signing_key(key: str) -> None:
    if not is_key_text(key):
        raise Refused(
            422,
            "设备签名公钥（signing_key）格式错误，应为32字节的base64编码",
            "signing_key is not a 32-byte key in base64",
        )


def register_signing_key(engine: Engine, device: Device, key: str) -> None:
    """Keep the public key that signs ``device``'s pending-changes files: once per
    credential (a laptop enrolled before signed files sends it on its next sync). Another
    key for the same credential is refused (409): a stolen credential cannot swap it."""
    _check_signing_key(key)
    with engine.begin() as conn:
        conn.execute(
            update(DEVICE)
            .where(DEVICE.c.credential_id == device.credential_id, DEVICE.c.signing_key.is_(None))
            .values(signing_key=key)
        )
        held = conn.execute(
            select(DEVICE.c.signing_key).where(DEVICE.c.credential_id == device.credential_id)
        ).scalar()
    if held != key:
        raise Refused(
            409,
            "本设备已登记了另一把签名密钥，不能更换；如确需更换，请向县民政局申请重新注册",
            "this device registered another signing key, which cannot be replaced; ask the "
            "county to enroll the laptop again",
        )


def authenticate(conn: Connection, authorization: str | None) -> Device:
    """The device presenting ``Authorization: Bearer <credential>``, or Refused (401)."""
    if not authorization or not authorization.startswith("Bearer "):
        raise Refused(401, "缺少设备凭证", "missing device credential")
    token = authorization[len("Bearer ") :].strip()
    credential_id, _, secret = token.partition(".")
    if not secret or len(credential_id) > 36:
        raise Refused(401, "设备凭证格式错误", "malformed device credential")
    row = conn.execute(select(DEVICE).where(DEVICE.c.credential_id == credential_id)).first()
    # Compare even when the id is unknown, so timing does not tell which ids exist.
    expected = row.secret_sha256 if row is not None else "0" * 64
    if not hmac.compare_digest(expected, _sha256(secret)) or row is None:
        raise Refused(401, "设备凭证无效", "invalid device credential")
    if row.revoked_at is not None:
        raise Refused(401, "此设备已被注销，请重新注册", "this device has been revoked")
    return Device(
        row.credential_id, row.device_id, row.worker, row.role, row.scope_code, row.enrolled_at
    )


def revoke(engine: Engine, device: str) -> int:
    """Revoke a device (by credential id or the laptop's device id); how many credentials."""
    now = datetime.now(UTC)
    with engine.begin() as conn:
        result = conn.execute(
            update(DEVICE)
            .where(
                (DEVICE.c.credential_id == device) | (DEVICE.c.device_id == device),
                DEVICE.c.revoked_at.is_(None),
            )
            .values(revoked_at=now)
        )
        return int(result.rowcount)


def device_ref(viewer: Device, device_id: str) -> str:
    """How ``device_id`` is named to ``viewer``: its own id as it is, any other as a
    UUID-shaped reference that only this credential sees (stable across its pulls), so a
    laptop learns that two changes came from one other device, never which id it has."""
    if not device_id or device_id == viewer.device_id:
        return device_id
    digest = hashlib.sha256(f"{viewer.credential_id}:{device_id}".encode()).digest()
    return str(uuid.UUID(bytes=digest[:16], version=4))


def in_scope(scope: str, code: str) -> bool:
    """Whether a village (or region) code lies inside a device's scope."""
    return code.startswith(scope)


def out_of_scope(device: Device, what: str) -> Refused:
    """The refusal (403) of ``what`` (named in Chinese / English) outside ``device``'s scope."""
    return Refused(
        403,
        f"{what}不在本设备的工作范围（{device.scope}）内",
        f"{what} is outside this device's scope ({device.scope})",
    )


def _printable(text: str) -> str:
    # A refused value is quoted in the reason; NUL cannot be stored in PostgreSQL text.
    return text.replace("\x00", "\\x00")


def log_refusal(
    engine: Engine, *, path: str, status: int, reason: str, device: Device | None = None
) -> None:
    """Record a refused request (in its own transaction: the request's own work is gone)."""
    with engine.begin() as conn:
        conn.execute(
            REFUSAL.insert().values(
                credential_id=device.credential_id if device else "",
                device_id=device.device_id if device else "",
                path=_printable(path)[:200],
                status=status,
                reason=_printable(reason)[:2000],
            )
        )
