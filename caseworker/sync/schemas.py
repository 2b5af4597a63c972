"""The messages of the sync protocol (see docs/sync-protocol.md), as pydantic models.

Requests forbid unknown fields and take JSON types strictly, so a misspelt key or a number
sent as text is refused with 422 and a reason, before anything is stored. The content of
rows is checked per record (``caseworker.sync.wire``), so one bad record is answered
"rejected" without blocking the others.
"""

from typing import Annotated, Any, Literal, NotRequired

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter
from typing_extensions import TypedDict

PROTOCOL = "caseworker.sync/1"
MAX_CHANGES_PER_PUSH = 2000
MAX_ROWS_PER_CHANGE = 2000


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


# The push request is read straight from the request body into plain dicts (TypedDicts
# checked by pydantic's JSON parser): a push carries tens of thousands of rows, and a
# model object per row, or a second JSON parser, cost more than the rest of the parsing.
# The rules are the same as for models: strict types, unknown keys refused.
_STRICT_DICT = ConfigDict(extra="forbid", strict=True)


class RowChange(TypedDict):
    """One row of a household changed on a laptop: inserted, updated (the changed fields
    with the values they had before, ``base``) or deleted (``base`` = the whole row)."""

    __pydantic_config__ = _STRICT_DICT  # type: ignore[misc]
    table: Annotated[str, Field(max_length=32)]
    id: Annotated[str, Field(max_length=36)]
    op: Literal["insert", "update", "delete"]
    base: NotRequired[dict[str, Any] | None]
    new: NotRequired[dict[str, Any] | None]


class Change(TypedDict):
    """Every change a device made to one household since it last reached the county."""

    __pydantic_config__ = _STRICT_DICT  # type: ignore[misc]
    seq: Annotated[int, Field(ge=1, le=2**53)]
    household_id: Annotated[str, Field(max_length=36)]
    village_code: Annotated[str, Field(max_length=12)]
    rows: Annotated[list[RowChange], Field(max_length=MAX_ROWS_PER_CHANGE)]


class RegionIn(TypedDict):
    __pydantic_config__ = _STRICT_DICT  # type: ignore[misc]
    code: Annotated[str, Field(max_length=12)]
    name: Annotated[str, Field(max_length=80)]
    level: Literal["county", "township", "village"]
    parent_code: NotRequired[Annotated[str, Field(max_length=12)] | None]


class PushRequest(TypedDict):
    __pydantic_config__ = _STRICT_DICT  # type: ignore[misc]
    protocol: Literal["caseworker.sync/1"]
    changes: Annotated[list[Change], Field(max_length=MAX_CHANGES_PER_PUSH)]
    regions: NotRequired[Annotated[list[RegionIn], Field(max_length=10_000)]]


PUSH_REQUEST: TypeAdapter[PushRequest] = TypeAdapter(PushRequest)


class ConflictOut(BaseModel):
    """A same-field conflict: the value in force at the county (``kept_value``) and the
    other one. ``other_device`` is the id of the device that sent the other value when it
    is the reader's own, otherwise a reference only the reader sees (never another
    laptop's id). ``note``: why the county dismissed it, or refused a resolution of it."""

    id: str
    household_id: str
    table: str
    row_id: str
    field: str
    kept_value: Any = None
    other_value: Any = None
    other_device: str = ""
    created_at: str
    resolved: bool = False
    resolution: Any = None
    note: str = ""


class RecordResult(BaseModel):
    seq: int
    status: Literal["accepted", "conflict", "rejected"]
    payload_sha256: str
    conflicts: list[ConflictOut] = Field(default_factory=list)
    errors: list[dict[str, Any]] = Field(default_factory=list)
    replayed: bool = False


class Receipt(BaseModel):
    """What the server accepted from one push: how many changes, and a hash over their
    sequence numbers and payload hashes that the laptop recomputes."""

    count: int
    sha256: str


class PushResponse(BaseModel):
    """The answer to a push. ``refused_regions``: regions the push named that the county
    did not take (region names are county data), each a field error in Chinese and
    English; laptops of earlier versions send them, and ignore this list."""

    results: list[RecordResult]
    receipt: Receipt
    refused_regions: list[dict[str, Any]] = Field(default_factory=list)


class RowOut(BaseModel):
    id: str
    version: int
    created_at: str
    updated_at: str
    device_id: str
    data: dict[str, Any]


class HouseholdBundle(BaseModel):
    """A household as the county holds it: every row by table, and its open conflicts."""

    id: str
    seq: int
    village_code: str
    rows: dict[str, list[RowOut]]
    conflicts: list[ConflictOut] = Field(default_factory=list)


class RegionOut(BaseModel):
    code: str
    name: str
    level: str
    parent_code: str | None = None


class PolicyOut(BaseModel):
    id: str
    version: str
    county: str
    sha256: str
    text: str
    seq: int


class PullResponse(BaseModel):
    households: list[HouseholdBundle]
    regions: list[RegionOut]
    policies: list[PolicyOut]
    next_cursor: int
    policy_cursor: int
    more: bool


class EnrollRequest(Strict):
    """``signing_key``: the laptop's Ed25519 public key (base64) that signs its
    pending-changes files (laptops of earlier versions send none)."""

    code: str = Field(min_length=4, max_length=64)
    device_id: str = Field(max_length=36)
    device_name: str = Field(default="", max_length=80)
    signing_key: str | None = Field(default=None, max_length=44)


class EnrollResponse(BaseModel):
    """``pending_key``: the county's X25519 public key (base64) that pending-changes files
    are encrypted to (empty from a county of an earlier version)."""

    credential: str
    device_id: str
    worker: str
    role: str
    scope: str
    pending_key: str = ""


class DeviceKeyRequest(Strict):
    """Sent at every sync: the key this laptop signs its pending-changes files with."""

    signing_key: str = Field(max_length=44)


class DeviceKeyAnswer(BaseModel):
    """The county's public key for pending-changes files (base64)."""

    pending_key: str


class Resolution(Strict):
    """A conflict settled with ``value``. ``base`` is the value the resolver saw in force
    (the conflict's ``kept_value``): the county refuses the resolution when the field has
    changed since (another resolution came first), unless it holds ``value`` already."""

    conflict_id: str = Field(max_length=36)
    value: Any = None
    base: Any = None


class ResolveRequest(Strict):
    resolutions: list[Resolution] = Field(max_length=10_000)


class RefusedResolution(BaseModel):
    """A resolution the county did not apply: the conflict stays open, for this reason."""

    conflict_id: str
    reason_zh: str
    reason_en: str


class ResolveResponse(BaseModel):
    resolved: list[str]
    unknown: list[str]
    refused: list[RefusedResolution] = Field(default_factory=list)


class AuditEntryIn(Strict):
    """One entry of a laptop's audit trail (see ``caseworker/store/audit.py``)."""

    seq: int = Field(ge=1, le=2**53)
    id: str = Field(max_length=36)
    at: str = Field(max_length=40)  # ISO 8601 with offset
    actor: str = Field(max_length=40)
    action: str = Field(max_length=16)
    household_id: str | None = Field(default=None, max_length=36)
    detail: dict[str, Any]
    prev_hash: str = Field(min_length=64, max_length=64)
    hash: str = Field(min_length=64, max_length=64)


class AuditPush(Strict):
    entries: list[AuditEntryIn] = Field(max_length=1000)


class AuditAnswer(BaseModel):
    """What the county holds of this device's audit trail after the upload."""

    stored: int
    last_seq: int
    last_hash: str


# Attachments (evidence files): their content goes up and down in chunks, their records
# after their content (see docs/sync-protocol.md, "Attachments").
MAX_CONTENTS_PER_REQUEST = 500
MAX_ATTACHMENTS_PER_PUSH = 500
MAX_ATTACHMENT_PAGE = 1000


class ContentWanted(Strict):
    """Content a laptop is about to send: its SHA-256 (64 lowercase hex digits) and size."""

    sha256: str = Field(max_length=100)
    size: int = Field(ge=0, le=2**53)


class UploadsRequest(Strict):
    contents: list[ContentWanted] = Field(max_length=MAX_CONTENTS_PER_REQUEST)


class UploadState(BaseModel):
    """What the county has of one content: ``held`` (never send it), ``upload`` (send the
    chunks not in ``received``, each ``chunk_size`` bytes, the last one the rest) or
    ``refused`` (for the reason given; nothing was stored)."""

    sha256: str
    state: Literal["held", "upload", "refused"]
    size: int
    chunk_size: int = 0
    chunks: int = 0
    received: list[int] = Field(default_factory=list)
    reason_zh: str = ""
    reason_en: str = ""


class UploadsAnswer(BaseModel):
    chunk_size: int
    max_file_bytes: int
    contents: list[UploadState]


class ChunkAnswer(BaseModel):
    """A chunk taken: how many of the content's chunks the county holds now, and whether
    the content is whole (its SHA-256 checked: it is the county's from now on)."""

    sha256: str
    chunk: int
    received: int
    chunks: int
    complete: bool


class AttachmentIn(Strict):
    """An attachment's record as a laptop sends it (its current version: a removed one
    carries ``removed_at``, ``removed_by`` and ``removed_reason``). Texts are checked by
    the county as the laptop checks them; lengths here only bound the request."""

    id: str = Field(max_length=100)
    household_id: str = Field(max_length=100)
    member_id: str | None = Field(default=None, max_length=100)
    visit_id: str | None = Field(default=None, max_length=100)
    application_id: str | None = Field(default=None, max_length=100)
    kind: str = Field(max_length=100)
    taken_on: str = Field(max_length=40)
    note: str = Field(default="", max_length=2000)
    added_by: str = Field(default="", max_length=200)
    added_at: str = Field(max_length=40)
    sha256: str = Field(max_length=100)
    media_type: str = Field(max_length=100)
    size: int = Field(ge=0, le=2**53)
    pages: int = Field(ge=0, le=2**31)
    removed_at: str | None = Field(default=None, max_length=40)
    removed_by: str = Field(default="", max_length=200)
    removed_reason: str = Field(default="", max_length=2000)


class AttachmentPush(Strict):
    attachments: list[AttachmentIn] = Field(max_length=MAX_ATTACHMENTS_PER_PUSH)


class AttachmentResult(BaseModel):
    """``accepted``: the county holds this version (or a removal it had already);
    ``rejected``: the reasons, each naming the field (nothing of the record was stored)."""

    id: str
    status: Literal["accepted", "rejected"]
    errors: list[dict[str, Any]] = Field(default_factory=list)


class AttachmentPushAnswer(BaseModel):
    results: list[AttachmentResult]


class AttachmentOut(BaseModel):
    """An attachment's record as the county holds it, in a pull page. ``device_id``: the
    reader's own id, or a reference to another device (as for household rows)."""

    id: str
    household_id: str
    member_id: str | None = None
    visit_id: str | None = None
    application_id: str | None = None
    kind: str
    taken_on: str
    note: str = ""
    added_by: str = ""
    added_at: str
    sha256: str
    media_type: str
    size: int
    pages: int
    removed_at: str | None = None
    removed_by: str = ""
    removed_reason: str = ""
    version: int
    seq: int
    device_id: str


class AttachmentPage(BaseModel):
    attachments: list[AttachmentOut]
    next_cursor: int
    more: bool
