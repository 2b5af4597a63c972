"""The tables of the local store (SQLModel). Migrations in ``migrations/`` create them.

Every row that syncs carries a UUID primary key, created/updated timestamps (UTC), the id
of the device that last changed it, and a version counter. Money columns end in ``_fen``
and hold integer fen. Child rows keep a ``position`` so lists come back in their order.
"""

# No ``from __future__ import annotations`` here: SQLModel needs real annotations.
import uuid
from datetime import UTC, date, datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from caseworker.store.packed import PackedJSON, PackedText


def new_id() -> str:
    """A new record id (UUID4, canonical text)."""
    return str(uuid.uuid4())


def utcnow() -> datetime:
    """Now, in UTC (timestamps are always timezone-aware)."""
    return datetime.now(UTC)


class SyncedRow(SQLModel):
    """Columns every synced row has."""

    id: str = Field(default_factory=new_id, primary_key=True, max_length=36)
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    device_id: str = Field(max_length=36)
    version: int = Field(default=1)


SYNC_COLUMNS = ("created_at", "updated_at", "device_id", "version")


class SettingRow(SQLModel, table=True):
    """Local key/value settings of this store (device id, current worker, ...)."""

    __tablename__ = "setting"
    key: str = Field(primary_key=True, max_length=64)
    value: str


class RegionRow(SQLModel, table=True):
    """A county (6 digits), township (9) or village (12) with its name."""

    __tablename__ = "region"
    code: str = Field(primary_key=True, max_length=12)
    name: str = Field(max_length=80)
    level: str = Field(max_length=10)
    parent_code: str | None = Field(default=None, foreign_key="region.code", index=True)


class WorkerRow(SyncedRow, table=True):
    __tablename__ = "worker"
    name: str = Field(max_length=40)
    role: str = Field(max_length=10)
    scope_code: str | None = Field(default=None, foreign_key="region.code")


class HouseholdRow(SyncedRow, table=True):
    __tablename__ = "household"
    village_code: str = Field(foreign_key="region.code", index=True, max_length=12)
    address: str = Field(max_length=200)
    hukou: str = Field(max_length=10)
    local_resident: bool | None = None
    poor_status: str | None = Field(default=None, max_length=12)
    poor_exited_on: date | None = None
    cadre_relative: bool | None = None
    assets_recorded: bool = False
    expenses_recorded: bool = False
    supporters_recorded: bool = False
    emergency_kind: str | None = Field(default=None, max_length=24)
    emergency_date: date | None = None
    emergency_description: str | None = None
    # Where assistance is paid (all null: not recorded); numbers as text.
    bank_code: str | None = Field(default=None, max_length=12)
    bank_name: str | None = Field(default=None, max_length=60)
    account_name: str | None = Field(default=None, max_length=40)
    account_number: str | None = Field(default=None, max_length=25)


class MemberRow(SyncedRow, table=True):
    __tablename__ = "member"
    household_id: str = Field(foreign_key="household.id", index=True, ondelete="CASCADE")
    position: int
    name: str = Field(max_length=40)  # searched through household_search, not an index
    id_number: str = Field(max_length=18, unique=True)
    birth_date: date
    sex: str = Field(max_length=6)
    relation: str = Field(max_length=12)
    labor_capacity: str | None = Field(default=None, max_length=8)
    disability_type: str | None = Field(default=None, max_length=14)
    disability_grade: int | None = None
    serious_illness: str | None = None
    self_care_impossible: int | None = None
    in_school: bool | None = None
    orphan: bool | None = None
    de_facto_unsupported_child: bool | None = None
    employment: str | None = Field(default=None, max_length=16)
    returned_to_work: bool | None = None
    incomes_recorded: bool = False


class IncomeRow(SyncedRow, table=True):
    __tablename__ = "income"
    household_id: str = Field(foreign_key="household.id", index=True, ondelete="CASCADE")
    member_id: str = Field(foreign_key="member.id", index=True, ondelete="CASCADE")
    position: int
    kind: str = Field(max_length=24)
    monthly_fen: int


class AssetRow(SyncedRow, table=True):
    __tablename__ = "asset"
    household_id: str = Field(foreign_key="household.id", index=True, ondelete="CASCADE")
    position: int
    kind: str = Field(max_length=24)
    value_fen: int
    count: int = 1


class ExpenseRow(SyncedRow, table=True):
    __tablename__ = "expense"
    household_id: str = Field(foreign_key="household.id", index=True, ondelete="CASCADE")
    position: int
    kind: str = Field(max_length=24)
    amount_fen: int
    date: date


class LegalSupporterRow(SyncedRow, table=True):
    __tablename__ = "legal_supporter"
    household_id: str = Field(foreign_key="household.id", index=True, ondelete="CASCADE")
    position: int
    relation: str = Field(max_length=12)
    name: str | None = Field(default=None, max_length=40)
    able: bool | None = None
    reason: str | None = Field(default=None, max_length=32)


class BenefitRow(SyncedRow, table=True):
    __tablename__ = "benefit"
    household_id: str = Field(foreign_key="household.id", index=True, ondelete="CASCADE")
    position: int
    program: str = Field(max_length=24, index=True)
    category: str | None = Field(default=None, max_length=2)
    monthly_fen: int
    since: date
    exit_until: date | None = None
    certificate_number: str | None = Field(default=None, max_length=40)
    # Member ids the benefit covers; null: the whole household.
    covered_members: list[str] | None = Field(default=None, sa_column=sa.Column(sa.JSON))


class VisitRow(SyncedRow, table=True):
    """A household visit; rows with ``signed_at`` set are never updated or deleted."""

    __tablename__ = "visit"
    household_id: str = Field(foreign_key="household.id", index=True, ondelete="CASCADE")
    date: date
    workers: list[str] = Field(sa_column=sa.Column(sa.JSON, nullable=False))
    purpose: str = Field(max_length=16)
    observations: dict[str, Any] = Field(sa_column=sa.Column(sa.JSON, nullable=False))
    conclusion: str = ""
    notes: str = ""
    signed_at: datetime | None = None


class ApplicationRow(SyncedRow, table=True):
    __tablename__ = "application"
    household_id: str = Field(foreign_key="household.id", index=True, ondelete="CASCADE")
    position: int
    program: str = Field(max_length=24)
    stage: str = Field(max_length=20, index=True)  # current stage, kept for dashboard queries
    member_id: str | None = Field(default=None, max_length=36)  # single-person inclusion


class ApplicationStageRow(SyncedRow, table=True):
    __tablename__ = "application_stage"
    application_id: str = Field(foreign_key="application.id", index=True, ondelete="CASCADE")
    household_id: str = Field(foreign_key="household.id", index=True, ondelete="CASCADE")
    position: int
    stage: str = Field(max_length=20)
    date: date
    worker: str = ""
    note: str = ""
    amount_fen: int | None = None  # the monthly amount proposed or approved
    member_id: str | None = Field(default=None, max_length=36)
    # A democratic appraisal's record (``caseworker.interchange.appraisal``), else null.
    appraisal: dict[str, Any] | None = Field(default=None, sa_column=sa.Column(sa.JSON))


class HouseholdIndexRow(SQLModel, table=True):
    """What lists and search read about a household, kept beside it by the store: head name
    and its pinyin (lists sort by pinyin, as people expect), member count, and the search
    terms (names, pinyin, initials, ID numbers).

    An FTS5 trigram index (``household_search``, created by the migration) mirrors
    ``terms``; the store writes both together. The integer rowid keeps the mirror stable
    across VACUUM. Local to this laptop; rebuilt from the households at any time.
    """

    __tablename__ = "household_index"
    __table_args__ = (
        sa.Index("ix_household_index_head", "head_pinyin"),
        sa.Index("ix_household_index_village_head", "village_code", "head_pinyin"),
    )
    rowid: int | None = Field(default=None, primary_key=True)
    household_id: str = Field(foreign_key="household.id", unique=True, ondelete="CASCADE")
    village_code: str = Field(max_length=12)
    head_name: str = Field(max_length=40)
    head_pinyin: str = Field(max_length=120)
    member_count: int
    terms: str


HOUSEHOLD_CHILD_TABLES: tuple[type[SyncedRow], ...] = (
    MemberRow,
    IncomeRow,
    AssetRow,
    ExpenseRow,
    LegalSupporterRow,
    BenefitRow,
    VisitRow,
    ApplicationRow,
    ApplicationStageRow,
)


class DecisionRow(SyncedRow, table=True):
    """A stored screening: what the app concluded for a household, on a date, under which
    policy pack, from which household data (hash of its interchange form)."""

    __tablename__ = "decision"
    household_id: str = Field(foreign_key="household.id", index=True, ondelete="CASCADE")
    screened_on: date
    policy_id: str = Field(max_length=80)
    policy_version: str = Field(max_length=40)
    policy_sha256: str = Field(max_length=64)
    household_sha256: str = Field(max_length=64)
    # The compact form (``caseworker.eligibility.record``); records made before store
    # migration 0009, or by laptops not yet upgraded, hold a list of full findings.
    findings: Any = Field(sa_column=sa.Column(sa.JSON, nullable=False))


class SignatureRow(SyncedRow, table=True):
    """An electronic signature: who signed which version of which document, when, and the
    image of the signature itself (PNG)."""

    __tablename__ = "signature"
    household_id: str = Field(foreign_key="household.id", index=True, ondelete="CASCADE")
    member_id: str | None = Field(default=None, max_length=36)  # None for investigators
    signer_name: str = Field(max_length=40)
    signer_role: str = Field(max_length=16)  # member, guardian, investigator
    document_kind: str = Field(max_length=32)  # e.g. authorization, visit, application
    document_id: str = Field(max_length=36)
    document_sha256: str = Field(max_length=64)  # the document version signed
    signed_at: datetime
    image_png: bytes = Field(sa_column=sa.Column(sa.LargeBinary, nullable=False))


class AttachmentRow(SyncedRow, table=True):
    """A photo or scan of evidence attached to a household (or one of its members, visits
    or applications). Its content is in ``attachment_content``, named by its SHA-256; a
    removed attachment keeps its row, with who removed it, when and why."""

    __tablename__ = "attachment"
    household_id: str = Field(index=True, max_length=36)
    member_id: str | None = Field(default=None, max_length=36)
    visit_id: str | None = Field(default=None, max_length=36)
    application_id: str | None = Field(default=None, max_length=36)
    kind: str = Field(max_length=32)
    taken_on: date
    note: str = Field(default="", max_length=200)
    added_by: str = Field(max_length=40)
    sha256: str = Field(index=True, max_length=64)
    media_type: str = Field(max_length=40)
    size: int
    pages: int = Field(default=1)
    removed_at: datetime | None = Field(default=None)
    removed_by: str = Field(default="", max_length=40)
    removed_reason: str = Field(default="", max_length=200)
    # The version the county has (0: never sent); below ``version`` it is sent again.
    sent_version: int = Field(default=0)


class AttachmentContentRow(SQLModel, table=True):
    """The content of attached files, each once, sealed (AES-GCM under the store's
    attachment key, bound to its SHA-256), with its thumbnail sealed the same way."""

    __tablename__ = "attachment_content"
    sha256: str = Field(primary_key=True, max_length=64)
    size: int
    sealed: bytes = Field(sa_column=sa.Column(sa.LargeBinary, nullable=False))
    thumbnail: bytes | None = Field(default=None, sa_column=sa.Column(sa.LargeBinary))


class DraftRow(SQLModel, table=True):
    """Work typed but not yet saved (a visit form in progress). Local to this laptop; kept
    until the worker saves or discards it, so a crash or power cut loses nothing."""

    __tablename__ = "draft"
    id: str = Field(default_factory=new_id, primary_key=True, max_length=36)
    kind: str = Field(max_length=32)  # e.g. visit
    household_id: str | None = Field(default=None, index=True, max_length=36)
    worker: str = Field(default="", max_length=40)
    data: dict[str, Any] = Field(sa_column=sa.Column(sa.JSON, nullable=False))
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


def table_of(row_class: type[SQLModel]) -> sa.Table:
    """The Core table behind a row class (the store's queries are written in Core)."""
    table: sa.Table = row_class.__table__  # type: ignore[attr-defined]
    return table


SETTING = table_of(SettingRow)
REGION = table_of(RegionRow)
WORKER = table_of(WorkerRow)
HOUSEHOLD_INDEX = table_of(HouseholdIndexRow)
DECISION = table_of(DecisionRow)
SIGNATURE = table_of(SignatureRow)
DRAFT = table_of(DraftRow)
ATTACHMENT = table_of(AttachmentRow)
ATTACHMENT_CONTENT = table_of(AttachmentContentRow)


class OutboxRow(SQLModel, table=True):
    """One local change of a household, waiting to reach the county server.

    ``seq`` is this device's sequence number (never reused: AUTOINCREMENT); the server
    applies each (device, seq) once. Entries are never deleted: the state records what
    became of each (see ``caseworker.sync.outbox``).
    """

    __tablename__ = "outbox"
    __table_args__ = {"sqlite_autoincrement": True}
    seq: int | None = Field(default=None, primary_key=True)
    household_id: str = Field(max_length=36, index=True)
    kind: str = Field(max_length=12)  # insert, update, decision, signature, resolve
    recorded_at: datetime = Field(default_factory=utcnow)
    state: str = Field(default="pending", max_length=12, index=True)
    merged_into: int | None = None  # the seq whose payload carried this change
    # The exact JSON sent (frozen until answered), stored packed.
    payload: str | None = Field(default=None, sa_column=sa.Column(PackedText))
    payload_sha256: str | None = Field(default=None, max_length=64)
    result: dict[str, Any] | None = Field(default=None, sa_column=sa.Column(sa.JSON))
    answered_at: datetime | None = None


class SyncBaseRow(SQLModel, table=True):
    """A household as last agreed with the county (wire form, by table and row id): the
    common ancestor of the three-way, per-field merge."""

    __tablename__ = "sync_base"
    household_id: str = Field(primary_key=True, max_length=36)
    server_seq: int = 0
    data: dict[str, Any] = Field(sa_column=sa.Column(PackedJSON, nullable=False))


class SyncConflictRow(SQLModel, table=True):
    """A same-field conflict reported by the county: both values, the one applied, and
    whether (and how) someone resolved it."""

    __tablename__ = "sync_conflict"
    id: str = Field(primary_key=True, max_length=36)
    household_id: str = Field(max_length=36, index=True)
    table_name: str = Field(max_length=32)
    row_id: str = Field(max_length=36)
    field: str = Field(max_length=40)
    kept_value: Any = Field(default=None, sa_column=sa.Column(sa.JSON))
    other_value: Any = Field(default=None, sa_column=sa.Column(sa.JSON))
    other_device: str = Field(default="", max_length=36)
    created_at: datetime = Field(default_factory=utcnow)
    resolved_at: datetime | None = None
    resolution: Any = Field(default=None, sa_column=sa.Column(sa.JSON))
    resolution_sent: bool = True


class PolicyPackRow(SQLModel, table=True):
    """A policy pack received from the county (the YAML text exactly as published)."""

    __tablename__ = "policy_pack"
    id: str = Field(primary_key=True, max_length=80)
    version: str = Field(primary_key=True, max_length=40)
    sha256: str = Field(max_length=64)
    text: str
    received_at: datetime = Field(default_factory=utcnow)


class DecisionParameterRow(SQLModel, table=True):
    """A policy parameter as decision records cite it: its value and document on and after
    ``effective_from`` under the policy with this hash. Kept once here, not in every
    record; local to this laptop (records name the parameter and date, which the policy
    pack resolves anywhere)."""

    __tablename__ = "decision_parameter"
    policy_sha256: str = Field(primary_key=True, max_length=64)
    name: str = Field(primary_key=True, max_length=80)  # "name/key" for one key of a mapping
    effective_from: date = Field(primary_key=True)
    value: Any = Field(default=None, sa_column=sa.Column(sa.JSON))
    ref: str


OUTBOX = table_of(OutboxRow)
SYNC_BASE = table_of(SyncBaseRow)
SYNC_CONFLICT = table_of(SyncConflictRow)
POLICY_PACK = table_of(PolicyPackRow)
DECISION_PARAMETER = table_of(DecisionParameterRow)


class AuditRow(SQLModel, table=True):
    """One entry of the append-only, hash-chained audit trail (see ``store/audit.py``)."""

    __tablename__ = "audit"
    seq: int | None = Field(default=None, primary_key=True)
    id: str = Field(max_length=36, unique=True)
    at: datetime
    device_id: str = Field(max_length=36)
    actor: str = Field(max_length=40)
    action: str = Field(max_length=16)
    household_id: str | None = Field(default=None, max_length=36, index=True)
    detail: dict[str, Any] = Field(sa_column=sa.Column(sa.JSON, nullable=False))
    prev_hash: str = Field(max_length=64)
    hash: str = Field(max_length=64)


AUDIT = table_of(AuditRow)


class AuditAckRow(SQLModel, table=True):
    """An audit entry the county has acknowledged holding, with the hash it was sent with:
    ``audit verify`` finds a synced entry changed or removed since (see ``store/audit.py``)."""

    __tablename__ = "audit_ack"
    seq: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    hash: str = Field(max_length=64)


AUDIT_ACK = table_of(AuditAckRow)
