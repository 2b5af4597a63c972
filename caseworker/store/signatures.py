"""Electronic signatures: who signed which version of which document, when, and how the
signature looked (a PNG drawn on the laptop's screen or tablet).

A signature is never changed or removed: signing again adds a new one, and the newest
signature of a person on a document wins. The document version is the SHA-256 that
``caseworker.printing.document_version`` computes from what the document says, so a
signature given before the household's data changed is recognised as signing an older
version and is not printed as if it signed the current one.
"""

import io
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from PIL import Image, UnidentifiedImageError
from sqlalchemy import Connection, select

from caseworker.domain.codes import LabelledCode
from caseworker.domain.validation import FieldError, ValidationFailed, parse_name
from caseworker.domain.validation import Problem as _Problem
from caseworker.store.tables import SIGNATURE, HouseholdRow, MemberRow, new_id, table_of, utcnow

HOUSEHOLD = table_of(HouseholdRow)
MEMBER = table_of(MemberRow)

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
MAX_IMAGE_BYTES = 1_000_000
MAX_IMAGE_SIDE = 4000
# A laptop clock may run a little ahead of the one that checks; more than this is an error.
CLOCK_SKEW = timedelta(minutes=10)
_KIND_RE = re.compile(r"^[a-z][a-z0-9_-]{0,31}$")
_SHA_RE = re.compile(r"^[0-9a-f]{64}$")


class SignerRole(LabelledCode):
    MEMBER = "member", "本人", "the member"
    GUARDIAN = "guardian", "监护人代签", "guardian"
    INVESTIGATOR = "investigator", "调查人", "investigator"


@dataclass(frozen=True, slots=True)
class Signature:
    id: str
    household_id: str
    member_id: str | None  # None for an investigator
    signer_name: str
    signer_role: SignerRole
    document_kind: str  # the form's document kind, e.g. "authorization", "visit"
    document_id: str  # the household id, or the visit id for a visit
    document_sha256: str  # the version of the document that was signed
    signed_at: datetime
    image_png: bytes


_LABELS = {
    "household_id": ("家庭编号", "household id"),
    "member_id": ("签字成员", "signing member"),
    "signer_name": ("签字人姓名", "signer name"),
    "signer_role": ("签字人身份", "signer role"),
    "document_kind": ("文书类别", "document kind"),
    "document_id": ("文书编号", "document id"),
    "document_sha256": ("文书版本", "document version"),
    "signed_at": ("签字时间", "signing time"),
    "image_png": ("签名图像", "signature image"),
}


def _error(field: str, value: Any, code: str, zh: str, en: str) -> FieldError:
    label_zh, label_en = _LABELS[field]
    return FieldError(field, value, code, label_zh, label_en, zh, en)


def _image_errors(image_png: bytes) -> list[FieldError]:
    shown = f"{len(image_png)} bytes" if isinstance(image_png, bytes) else repr(image_png)
    if not isinstance(image_png, bytes) or not image_png.startswith(PNG_MAGIC):
        return [_error("image_png", shown, "not_png", "不是PNG图像", "is not a PNG image")]
    if len(image_png) > MAX_IMAGE_BYTES:
        return [
            _error(
                "image_png",
                shown,
                "too_large",
                f"太大（最多{MAX_IMAGE_BYTES // 1000} KB）",
                f"is too large (at most {MAX_IMAGE_BYTES // 1000} KB)",
            )
        ]
    try:
        with Image.open(io.BytesIO(image_png)) as image:
            image.load()
            width, height = image.size
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
        return [_error("image_png", shown, "damaged", "图像已损坏，无法读取", "is damaged")]
    if not (0 < width <= MAX_IMAGE_SIDE and 0 < height <= MAX_IMAGE_SIDE):
        return [
            _error(
                "image_png",
                f"{width}x{height}",
                "size",
                f"尺寸不合理（每边最多{MAX_IMAGE_SIDE}像素）",
                f"has an implausible size (at most {MAX_IMAGE_SIDE} pixels a side)",
            )
        ]
    return []


def save_signature(
    conn: Connection,
    *,
    household_id: str,
    signer_name: str,
    signer_role: SignerRole,
    document_kind: str,
    document_id: str,
    document_sha256: str,
    image_png: bytes,
    device_id: str,
    member_id: str | None = None,
    signed_at: datetime | None = None,
) -> Signature:
    """Store a signature (inside the caller's transaction) and return it.

    Raises ValidationFailed, writing nothing, when the household or member is unknown, the
    member is not in the household, the role does not fit, the version is not a SHA-256,
    the time is not a timezone-aware time that has passed, or the image is not a PNG.
    """
    signed_at = signed_at or utcnow()
    role, errors = _signer_errors(conn, household_id, signer_role, member_id)
    try:
        signer_name = parse_name(signer_name)
    except _Problem as problem:
        errors.append(_error("signer_name", signer_name, problem.code, problem.zh, problem.en))
    errors += _document_errors(document_kind, document_id, document_sha256)
    errors += _time_errors(signed_at)
    errors += _image_errors(image_png)
    if errors:
        raise ValidationFailed(errors)
    assert role is not None
    signature = Signature(
        id=new_id(),
        household_id=household_id,
        member_id=member_id,
        signer_name=signer_name,
        signer_role=role,
        document_kind=document_kind,
        document_id=document_id,
        document_sha256=document_sha256,
        # SQLite keeps no offset: store the moment in UTC (read back as UTC).
        signed_at=signed_at.astimezone(UTC),
        image_png=image_png,
    )
    _insert(conn, signature, device_id)
    return signature


def _signer_errors(
    conn: Connection, household_id: str, signer_role: SignerRole, member_id: str | None
) -> tuple[SignerRole | None, list[FieldError]]:
    """The signer's role (None if unknown), and what is wrong with the household, the role
    or the member signing."""
    errors: list[FieldError] = []
    if conn.execute(select(HOUSEHOLD.c.id).where(HOUSEHOLD.c.id == household_id)).first() is None:
        errors.append(
            _error(
                "household_id", household_id, "unknown", "不在本地数据库中", "is not in this store"
            )
        )
    role = SignerRole.parse(signer_role)
    if role is None:
        errors.append(
            _error(
                "signer_role",
                signer_role,
                "code",
                f"应为{SignerRole.choices()}之一",
                f"must be one of {SignerRole.choices()}",
            )
        )
    elif role is SignerRole.INVESTIGATOR and member_id is not None:
        errors.append(
            _error(
                "member_id",
                member_id,
                "role",
                "调查人不是家庭成员",
                "an investigator is not a member",
            )
        )
    elif role is not SignerRole.INVESTIGATOR:
        errors += _member_errors(conn, household_id, member_id)
    return role, errors


def _member_errors(conn: Connection, household_id: str, member_id: str | None) -> list[FieldError]:
    if member_id is None:
        return [
            _error(
                "member_id",
                None,
                "required",
                "本人或监护人签字须指明是哪位成员",
                "a member's or guardian's signature must name the member",
            )
        ]
    owner = conn.execute(select(MEMBER.c.household_id).where(MEMBER.c.id == member_id)).scalar()
    if owner != household_id:
        return [
            _error(
                "member_id",
                member_id,
                "not_member",
                "不是该户的家庭成员",
                "is not a member of this household",
            )
        ]
    return []


def _document_errors(
    document_kind: str, document_id: str, document_sha256: str
) -> list[FieldError]:
    errors: list[FieldError] = []
    if not isinstance(document_kind, str) or not _KIND_RE.match(document_kind):
        errors.append(
            _error(
                "document_kind",
                document_kind,
                "format",
                "应为小写英文代码（如authorization）",
                "must be a lower-case code such as authorization",
            )
        )
    if not isinstance(document_id, str) or not 0 < len(document_id) <= 36:
        errors.append(
            _error("document_id", document_id, "format", "应为记录编号", "must be a record id")
        )
    if not isinstance(document_sha256, str) or not _SHA_RE.match(document_sha256):
        errors.append(
            _error(
                "document_sha256",
                document_sha256,
                "format",
                "应为64位十六进制SHA-256值",
                "must be a SHA-256 as 64 lower-case hex digits",
            )
        )
    return errors


def _time_errors(signed_at: datetime) -> list[FieldError]:
    if signed_at.tzinfo is None:
        return [_error("signed_at", signed_at, "naive", "须带时区", "must carry a time zone")]
    if signed_at > utcnow() + CLOCK_SKEW:
        return [
            _error(
                "signed_at", signed_at.isoformat(), "future", "不能晚于当前时间", "is in the future"
            )
        ]
    return []


def _insert(conn: Connection, signature: Signature, device_id: str) -> None:
    now = utcnow()
    conn.execute(
        SIGNATURE.insert().values(
            id=signature.id,
            created_at=now,
            updated_at=now,
            device_id=device_id,
            version=1,
            household_id=signature.household_id,
            member_id=signature.member_id,
            signer_name=signature.signer_name,
            signer_role=signature.signer_role.value,
            document_kind=signature.document_kind,
            document_id=signature.document_id,
            document_sha256=signature.document_sha256,
            signed_at=signature.signed_at,
            image_png=signature.image_png,
        )
    )


def _from_row(row: Any) -> Signature:
    signed_at: datetime = row.signed_at
    if signed_at.tzinfo is None:  # SQLite keeps no offset; the store writes UTC
        signed_at = signed_at.replace(tzinfo=UTC)
    return Signature(
        id=row.id,
        household_id=row.household_id,
        member_id=row.member_id,
        signer_name=row.signer_name,
        signer_role=SignerRole(row.signer_role),
        document_kind=row.document_kind,
        document_id=row.document_id,
        document_sha256=row.document_sha256,
        signed_at=signed_at,
        image_png=bytes(row.image_png),
    )


def document_signatures(conn: Connection, document_kind: str, document_id: str) -> list[Signature]:
    """The signatures on one document (every version), oldest first."""
    query = (
        select(SIGNATURE)
        .where(SIGNATURE.c.document_kind == document_kind, SIGNATURE.c.document_id == document_id)
        .order_by(SIGNATURE.c.signed_at, SIGNATURE.c.created_at)
    )
    return [_from_row(row) for row in conn.execute(query)]


def household_signatures(conn: Connection, household_id: str) -> list[Signature]:
    """Every signature given for a household's documents, oldest first."""
    query = (
        select(SIGNATURE)
        .where(SIGNATURE.c.household_id == household_id)
        .order_by(SIGNATURE.c.signed_at, SIGNATURE.c.created_at)
    )
    return [_from_row(row) for row in conn.execute(query)]
