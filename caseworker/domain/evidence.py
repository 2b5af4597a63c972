"""Evidence: the photos and scans attached to a household, one of its members, a visit or
an application, and the checklist of what each program's file needs.

An attachment's content never changes once added: adding the same file again stores it
once (its SHA-256 names it), and removing an attachment keeps the record, with who
removed it, when and why, as a signed visit is kept.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from caseworker.domain.codes import LabelledCode, Program
from caseworker.domain.errors import BilingualError
from caseworker.domain.records import Household, Member


class EvidenceKind(LabelledCode):
    """What a piece of evidence is (the household format's code list)."""

    ID_CARD = "id_card", "居民身份证", "ID card"
    HUKOU = "hukou", "户口簿", "hukou booklet"
    DISABILITY_CERTIFICATE = "disability_certificate", "残疾人证", "disability certificate"
    DIAGNOSIS = "diagnosis", "疾病诊断证明", "medical diagnosis"
    MEDICAL_BILL = "medical_bill", "医疗费用票据", "medical bills"
    MARRIAGE = "marriage", "婚姻状况证明", "marriage proof"
    PROPERTY = "property", "财产状况证明", "property proof"
    INCOME_PROOF = "income_proof", "收入证明", "income proof"
    APPRAISAL_RECORD = "appraisal_record", "民主评议记录", "democratic appraisal record"
    APPRAISAL_PHOTO = "appraisal_photo", "民主评议照片", "democratic appraisal photo"
    HOUSING_PHOTO = "housing_photo", "住房照片", "housing photo"
    SIGNED_FORM = "signed_form", "签字的申请书", "signed application"
    OTHER = "other", "其他材料", "other"


class MediaType(LabelledCode):
    """The kinds of file accepted, recognised by their content."""

    JPEG = "image/jpeg", "JPEG照片", "JPEG photo"
    PNG = "image/png", "PNG图像", "PNG image"
    HEIC = "image/heic", "HEIC照片", "HEIC photo"
    PDF = "application/pdf", "PDF文件", "PDF document"

    @property
    def is_image(self) -> bool:
        return self is not MediaType.PDF


# Kinds that belong to one member: the checklist asks for one per member it applies to.
_PER_MEMBER: Mapping[EvidenceKind, str] = {
    EvidenceKind.ID_CARD: "adult",
    EvidenceKind.DISABILITY_CERTIFICATE: "disabled",
    EvidenceKind.DIAGNOSIS: "ill",
}


class AttachmentRefused(BilingualError):
    """A file or an attachment's details were refused; nothing was stored. ``field`` and
    ``value`` name what was refused."""

    def __init__(self, field: str, value: str, zh: str, en: str) -> None:
        super().__init__(zh, en)
        self.field = field
        self.value = value


@dataclass(frozen=True, slots=True)
class EvidenceLimits:
    """How files are taken in: the largest accepted, the size photos are brought down to,
    and whether a photo keeps where it was taken (the county's pack sets them)."""

    max_file_bytes: int = 20 * 1024 * 1024
    long_side: int = 2000
    jpeg_quality: int = 85
    keep_gps: bool = False


@dataclass(frozen=True, slots=True)
class Attachment:
    """One attached file's record. ``member_id``, ``visit_id`` and ``application_id`` say
    what in the household it belongs to (None: the household as a whole)."""

    id: str
    household_id: str
    kind: EvidenceKind
    taken_on: date
    note: str
    added_by: str
    added_at: datetime
    sha256: str
    media_type: MediaType
    size: int
    pages: int  # 1 for a photo
    member_id: str | None = None
    visit_id: str | None = None
    application_id: str | None = None
    removed_at: datetime | None = None
    removed_by: str = ""
    removed_reason: str = ""

    @property
    def removed(self) -> bool:
        return self.removed_at is not None


@dataclass(frozen=True, slots=True)
class ChecklistItem:
    """One document a program's file needs: of the household (``member`` None) or of one
    member, and the attachments that provide it."""

    program: Program
    kind: EvidenceKind
    member: Member | None
    provided_by: tuple[str, ...]  # attachment ids

    @property
    def missing(self) -> bool:
        return not self.provided_by

    @property
    def text_zh(self) -> str:
        return f"{self.member.name}的{self.kind.zh}" if self.member else self.kind.zh

    @property
    def text_en(self) -> str:
        return f"{self.kind.en} of {self.member.name}" if self.member else self.kind.en


# A resident ID card is issued from 16 (younger children are on the hukou booklet).
ID_CARD_AGE = 16


def _age(member: Member, on: date) -> int:
    born = member.birth_date
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def _members_needing(kind: EvidenceKind, household: Household, on: date) -> Sequence[Member] | None:
    """The members a per-member kind is asked of, or None for a household-wide kind."""
    rule = _PER_MEMBER.get(kind)
    if rule is None:
        return None
    if rule == "disabled":
        return [m for m in household.members if m.disability is not None and m.disability.present]
    if rule == "ill":
        return [m for m in household.members if m.has_serious_illness]
    return [m for m in household.members if _age(m, on) >= ID_CARD_AGE]


def checklist(
    household: Household,
    required: Mapping[Program, Iterable[EvidenceKind]],
    attachments: Iterable[Attachment],
    on: date,
) -> list[ChecklistItem]:
    """What each program in ``required`` asks of ``household`` on ``on``, per member where
    the kind belongs to a member (an ID card of each member of 16 or over, a disability
    certificate of each
    disabled member), with the attachments that provide each. Removed attachments count
    for nothing."""
    kept = [a for a in attachments if not a.removed]
    items: list[ChecklistItem] = []
    for program, kinds in required.items():
        for kind in kinds:
            of_kind = [a for a in kept if a.kind is kind]
            members = _members_needing(kind, household, on)
            if members is None:
                items.append(ChecklistItem(program, kind, None, tuple(a.id for a in of_kind)))
                continue
            for member in members:
                mine = tuple(a.id for a in of_kind if a.member_id == member.id)
                items.append(ChecklistItem(program, kind, member, mine))
    return items


def belongs_to_a_member(kind: EvidenceKind) -> bool:
    """Whether a document of ``kind`` is one member's (an ID card), not the household's."""
    return kind in _PER_MEMBER
