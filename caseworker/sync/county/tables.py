"""The county server's tables (SQLModel, on their own metadata: the server's database is
not a laptop store). Its migrations live in ``migrations/`` beside this file.

Households are kept as generic records (one row per store row, its content as JSON), so
the server stores exactly what laptops send, for every table, with a version counter and
the device that last changed it. ``household.seq`` is the pull cursor: it rises whenever
anything in the household changes.
"""

# No ``from __future__ import annotations`` here: SQLModel needs real annotations.
from datetime import UTC, date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import registry
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    return datetime.now(UTC)


class CountyModel(SQLModel, registry=registry()):
    """Base of the server's tables: its own registry and metadata."""


class HouseholdEntry(CountyModel, table=True):
    __tablename__ = "household"
    id: str = Field(primary_key=True, max_length=36)
    village_code: str = Field(max_length=12, index=True)
    seq: int = Field(sa_column=sa.Column(sa.BigInteger, nullable=False, unique=True))
    updated_at: datetime = Field(default_factory=utcnow)


class RecordEntry(CountyModel, table=True):
    __tablename__ = "record"
    id: str = Field(primary_key=True, max_length=36)
    table_name: str = Field(max_length=32)
    household_id: str = Field(max_length=36, index=True)
    data: dict[str, Any] = Field(sa_column=sa.Column(sa.JSON, nullable=False))
    version: int = 1
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    device_id: str = Field(max_length=36)


class PersonEntry(CountyModel, table=True):
    """Which household each resident ID number belongs to (unique across the county)."""

    __tablename__ = "person"
    id_number: str = Field(primary_key=True, max_length=18)
    member_id: str = Field(max_length=36)
    household_id: str = Field(max_length=36, index=True)


class AppliedChange(CountyModel, table=True):
    """The answer given to each (device, seq): a replay gets the same answer."""

    __tablename__ = "applied_change"
    device_id: str = Field(primary_key=True, max_length=36)
    seq: int = Field(sa_column=sa.Column(sa.BigInteger, primary_key=True))
    household_id: str = Field(max_length=36)
    payload_sha256: str = Field(max_length=64)
    status: str = Field(max_length=10)
    result: dict[str, Any] = Field(sa_column=sa.Column(sa.JSON, nullable=False))
    received_at: datetime = Field(default_factory=utcnow)


class ConflictEntry(CountyModel, table=True):
    __tablename__ = "conflict"
    id: str = Field(primary_key=True, max_length=36)
    household_id: str = Field(max_length=36, index=True)
    village_code: str = Field(max_length=12, index=True)
    table_name: str = Field(max_length=32)
    row_id: str = Field(max_length=36)
    field: str = Field(max_length=40)
    kept_value: Any = Field(default=None, sa_column=sa.Column(sa.JSON))
    other_value: Any = Field(default=None, sa_column=sa.Column(sa.JSON))
    other_device: str = Field(max_length=36)
    other_seq: int = Field(sa_column=sa.Column(sa.BigInteger, nullable=False))
    created_at: datetime = Field(default_factory=utcnow)
    resolved_at: datetime | None = None
    resolved_by: str | None = Field(default=None, max_length=36)
    resolution: Any = Field(default=None, sa_column=sa.Column(sa.JSON))
    # Why the county dismissed it, or why the last resolution sent was refused.
    note: str | None = Field(default=None, sa_column=sa.Column(sa.Text))


class DeviceEntry(CountyModel, table=True):
    """An enrolled laptop's credential (only the hash of its secret is kept)."""

    __tablename__ = "device"
    credential_id: str = Field(primary_key=True, max_length=36)
    device_id: str = Field(max_length=36, index=True)
    device_name: str = Field(default="", max_length=80)
    worker: str = Field(max_length=40)
    role: str = Field(max_length=10)
    scope_code: str = Field(max_length=12)
    secret_sha256: str = Field(max_length=64)
    enrolled_at: datetime = Field(default_factory=utcnow)
    revoked_at: datetime | None = None
    # The laptop's Ed25519 public key (base64) that signs its pending-changes files: sent
    # at enrollment, or on the first sync of a laptop enrolled before signed files.
    signing_key: str | None = Field(default=None, max_length=44)


class CountyKeyEntry(CountyModel, table=True):
    """A key pair of the county's own (base64): ``pending`` is the X25519 key laptops
    encrypt their pending-changes files to. Kept in the database: a copy of it already
    holds every household such a file could carry."""

    __tablename__ = "county_key"
    name: str = Field(primary_key=True, max_length=32)
    private_key: str = Field(max_length=44)
    public_key: str = Field(max_length=44)
    created_at: datetime = Field(default_factory=utcnow)


class EnrollmentEntry(CountyModel, table=True):
    """A one-time enrollment code (hashed), until a laptop redeems it."""

    __tablename__ = "enrollment"
    code_sha256: str = Field(primary_key=True, max_length=64)
    worker: str = Field(max_length=40)
    role: str = Field(max_length=10)
    scope_code: str = Field(max_length=12)
    created_at: datetime = Field(default_factory=utcnow)
    expires_at: datetime
    used_at: datetime | None = None
    used_by: str | None = Field(default=None, max_length=36)
    # Set for a code made to let one known laptop back in: only that laptop may redeem it.
    device_id: str | None = Field(default=None, max_length=36)


class PolicyEntry(CountyModel, table=True):
    """A policy pack published to the devices of one county (a pack naming several
    counties has a row for each)."""

    __tablename__ = "policy"
    id: str = Field(primary_key=True, max_length=80)
    version: str = Field(primary_key=True, max_length=40)
    county: str = Field(primary_key=True, max_length=6, index=True)
    sha256: str = Field(max_length=64)
    text: str
    seq: int = Field(sa_column=sa.Column(sa.BigInteger, nullable=False, unique=True))
    published_at: datetime = Field(default_factory=utcnow)


class RegionEntry(CountyModel, table=True):
    __tablename__ = "region"
    code: str = Field(primary_key=True, max_length=12)
    name: str = Field(max_length=80)
    level: str = Field(max_length=10)
    parent_code: str | None = Field(default=None, max_length=12)


class RefusalEntry(CountyModel, table=True):
    """A refused request (bad credential, out of scope, ...), for the county to review."""

    __tablename__ = "refusal"
    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow)
    credential_id: str = Field(default="", max_length=36)
    device_id: str = Field(default="", max_length=36)
    path: str = Field(max_length=200)
    status: int
    reason: str


class CounterEntry(CountyModel, table=True):
    """Named counters (the household and policy cursors). Taking a number locks the row
    until commit, so numbers are committed in the order they were taken."""

    __tablename__ = "counter"
    name: str = Field(primary_key=True, max_length=32)
    value: int = Field(sa_column=sa.Column(sa.BigInteger, nullable=False))


class AuditEntryRow(CountyModel, table=True):
    """A laptop's audit-trail entry, as uploaded: the chain of each device is kept whole
    (its hashes are checked on arrival), so the county can verify it at any time."""

    __tablename__ = "audit_entry"
    device_id: str = Field(primary_key=True, max_length=36)
    seq: int = Field(primary_key=True, sa_type=sa.BigInteger)
    id: str = Field(max_length=36)
    at: datetime
    actor: str = Field(max_length=40)
    action: str = Field(max_length=16)
    household_id: str | None = Field(default=None, max_length=36, index=True)
    detail: dict[str, Any] = Field(sa_column=sa.Column(sa.JSON, nullable=False))
    prev_hash: str = Field(max_length=64)
    hash: str = Field(max_length=64)
    received_at: datetime = Field(default_factory=utcnow)


class AttachmentEntry(CountyModel, table=True):
    """An attachment's record as a laptop sent it (``caseworker.domain.evidence
    .Attachment``): never changed except by its removal, which the county never undoes.
    ``seq`` is the attachment pull cursor (it rises with the record's every change);
    ``device_id`` the device that sent its current version."""

    __tablename__ = "attachment"
    id: str = Field(primary_key=True, max_length=36)
    household_id: str = Field(max_length=36, index=True)
    member_id: str | None = Field(default=None, max_length=36)
    visit_id: str | None = Field(default=None, max_length=36)
    application_id: str | None = Field(default=None, max_length=36)
    kind: str = Field(max_length=32)
    taken_on: date
    note: str = Field(default="", max_length=200)
    added_by: str = Field(max_length=40)
    added_at: datetime
    sha256: str = Field(max_length=64, index=True)
    media_type: str = Field(max_length=40)
    size: int = Field(sa_column=sa.Column(sa.BigInteger, nullable=False))
    pages: int
    removed_at: datetime | None = None
    removed_by: str = Field(default="", max_length=40)
    removed_reason: str = Field(default="", max_length=200)
    version: int = 1
    seq: int = Field(sa_column=sa.Column(sa.BigInteger, nullable=False, unique=True))
    device_id: str = Field(max_length=36)
    received_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class AttachmentContentEntry(CountyModel, table=True):
    """Content of attached files, once per SHA-256 (checked whole when its upload ended):
    the ``chunks`` pieces of ``chunk_size`` bytes that ``device_id`` sent
    (``attachment_chunk``), kept where they arrived."""

    __tablename__ = "attachment_content"
    sha256: str = Field(primary_key=True, max_length=64)
    size: int = Field(sa_column=sa.Column(sa.BigInteger, nullable=False))
    chunk_size: int
    chunks: int
    device_id: str = Field(max_length=36)  # the device whose upload it is
    created_at: datetime = Field(default_factory=utcnow)


class AttachmentUploadEntry(CountyModel, table=True):
    """One device's upload of one content: declared size and chunking while it is under
    way (its chunks in ``attachment_chunk``); once whole and checked,
    ``completed_at`` is set and the row stays as the proof that this device holds the
    content (the county names content to a device only when it holds it or an attachment
    of its scope refers to it)."""

    __tablename__ = "attachment_upload"
    device_id: str = Field(primary_key=True, max_length=36)
    sha256: str = Field(primary_key=True, max_length=64)
    size: int = Field(sa_column=sa.Column(sa.BigInteger, nullable=False))
    chunk_size: int
    chunks: int
    started_at: datetime = Field(default_factory=utcnow)
    completed_at: datetime | None = None


class AttachmentChunk(CountyModel, table=True):
    """A chunk of content as a device sent it: part of an upload under way, or, once the
    upload is whole and checked, of the content (``attachment_content.device_id`` says
    whose chunks the content's are; another device's copy of content held is dropped)."""

    __tablename__ = "attachment_chunk"
    device_id: str = Field(primary_key=True, max_length=36)
    sha256: str = Field(primary_key=True, max_length=64)
    chunk_index: int = Field(primary_key=True)
    data: bytes = Field(sa_column=sa.Column(sa.LargeBinary, nullable=False))


def table_of(row_class: type[SQLModel]) -> sa.Table:
    table: sa.Table = row_class.__table__  # type: ignore[attr-defined]
    return table


METADATA = CountyModel.metadata
HOUSEHOLD = table_of(HouseholdEntry)
RECORD = table_of(RecordEntry)
PERSON = table_of(PersonEntry)
APPLIED = table_of(AppliedChange)
CONFLICT = table_of(ConflictEntry)
DEVICE = table_of(DeviceEntry)
COUNTY_KEY = table_of(CountyKeyEntry)
ENROLLMENT = table_of(EnrollmentEntry)
POLICY = table_of(PolicyEntry)
REGION = table_of(RegionEntry)
REFUSAL = table_of(RefusalEntry)
COUNTER = table_of(CounterEntry)
AUDIT_ENTRY = table_of(AuditEntryRow)
ATTACHMENT = table_of(AttachmentEntry)
ATTACHMENT_CONTENT = table_of(AttachmentContentEntry)
ATTACHMENT_UPLOAD = table_of(AttachmentUploadEntry)
ATTACHMENT_CHUNK = table_of(AttachmentChunk)
