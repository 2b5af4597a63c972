"""Evidence as the app and the command line use it: attaching files to a household, and
the checklist of what the household's open applications still need.

Files are all read and checked before anything is written: a refused file leaves the store
as it was, even when it came with others.
"""

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from caseworker.domain.codes import FINAL_STAGES, Program
from caseworker.domain.errors import os_reason
from caseworker.domain.evidence import (
    Attachment,
    AttachmentRefused,
    ChecklistItem,
    EvidenceKind,
    EvidenceLimits,
    checklist,
)
from caseworker.domain.records import Household
from caseworker.eligibility.policy import Policy, PolicyError
from caseworker.interchange.evidence_files import PreparedFile, check_size, prepare
from caseworker.store.attachments import (
    add_attachment,
    attachments_of_many,
    content_of,
    has_content,
    remove_attachment,
    taken_on_default,
    thumbnail_of,
)
from caseworker.store.db import Store
from caseworker.store.households import households_applying, load_households

# The programs whose files the county checks for evidence, and the parameter of each.
REQUIRED_PARAMETERS = {
    Program.DIBAO: "dibao.evidence_required",
    Program.DIBAO_SINGLE_PERSON: "dibao.single_person.evidence_required",
    Program.MARGINAL: "marginal.evidence_required",
    Program.SPECIAL_HARDSHIP: "special_hardship.evidence_required",
    Program.TEMPORARY_ASSISTANCE: "temporary_assistance.evidence_required",
}


def limits_of(policy: Policy | None, on: date) -> EvidenceLimits:
    """How files are taken in under ``policy`` (the defaults without one)."""
    if policy is None:
        return EvidenceLimits()
    try:
        return EvidenceLimits(
            max_file_bytes=int(policy.entry("evidence.max_file_mb", on).value) * 1024 * 1024,
            long_side=int(policy.entry("evidence.photo_long_side", on).value),
            jpeg_quality=int(policy.entry("evidence.jpeg_quality", on).value),
            keep_gps=bool(policy.entry("evidence.keep_gps", on).value),
        )
    except (KeyError, PolicyError):  # a pack from before these parameters
        return EvidenceLimits()


def programs_needing_evidence(household: Household) -> list[Program]:
    """The programs of the household's applications still under way, in their order."""
    programs: list[Program] = []
    for application in household.applications:
        if application.stage in FINAL_STAGES or application.program not in REQUIRED_PARAMETERS:
            continue
        if application.program not in programs:
            programs.append(application.program)
    return programs


def required_of(
    policy: Policy, programs: Sequence[Program], on: date
) -> dict[Program, tuple[EvidenceKind, ...]]:
    """The kinds of document each of ``programs`` needs under ``policy`` on ``on``."""
    required: dict[Program, tuple[EvidenceKind, ...]] = {}
    for program in programs:
        try:
            codes = policy.entry(REQUIRED_PARAMETERS[program], on).value
        except (KeyError, PolicyError):
            continue
        # The pack gives a set: listed in the kinds' own order, the same on every run.
        kinds = {EvidenceKind(code) for code in codes}
        required[program] = tuple(kind for kind in EvidenceKind if kind in kinds)
    return required


def household_checklist(
    household: Household, policy: Policy, attachments: Sequence[Attachment], on: date
) -> list[ChecklistItem]:
    """What the household's applications under way need, and what is attached for each."""
    required = required_of(policy, programs_needing_evidence(household), on)
    return checklist(household, required, attachments, on)


@dataclass(frozen=True, slots=True)
class FileToAttach:
    """A file read and checked, ready to be attached."""

    name: str
    prepared: PreparedFile
    taken_on: date


def read_file_to_attach(path: Path, limits: EvidenceLimits, today: date) -> FileToAttach:
    """Read and check one file (its size first, so a huge file is never read whole)."""
    name = path.name or str(path)  # "." or "/" has no name of its own
    try:
        size = path.stat().st_size
        check_size(name, size, limits)
        data = path.read_bytes()
        modified = datetime.fromtimestamp(os.path.getmtime(path), UTC)
    except OSError as exc:
        zh, en = os_reason(exc)
        raise AttachmentRefused(
            "file",
            name,
            f"文件“{name}”无法读取：{zh}",
            f"file '{name}' cannot be read: {en}",
        ) from exc
    prepared = prepare(data, name, limits)
    return FileToAttach(name, prepared, taken_on_default(prepared, modified, today))


@dataclass(frozen=True, slots=True)
class AttachRequest:
    """What the files are and what they belong to."""

    household_id: str
    kind: EvidenceKind
    note: str = ""
    member_id: str | None = None
    visit_id: str | None = None
    application_id: str | None = None
    taken_on: date | None = None  # None: each file's own date


def attach_files(
    store: Store, files: Sequence[FileToAttach], request: AttachRequest, actor: str
) -> list[Attachment]:
    """Attach checked files, all in one transaction: all are added or none."""
    with store.begin() as conn:
        return [
            add_attachment(
                conn,
                device_id=store.device_id,
                actor=actor,
                household_id=request.household_id,
                prepared=f.prepared,
                kind=request.kind,
                taken_on=request.taken_on or f.taken_on,
                note=request.note,
                member_id=request.member_id,
                visit_id=request.visit_id,
                application_id=request.application_id,
            )
            for f in files
        ]


@dataclass(frozen=True, slots=True)
class MissingEvidence:
    """A household whose applications under way still lack documents (the home page)."""

    household_id: str
    head_name: str
    missing: tuple[ChecklistItem, ...]


def households_missing_evidence(
    store: Store,
    *,
    scope: str | None,
    on: date,
    policy_of: Callable[[Household], Policy],
) -> list[MissingEvidence]:
    """The households in ``scope`` (a region code prefix, None: all) with an application
    under way that lacks a required document, ordered by the head's name. Only records
    are read, never a file's content: the home page counts this at every refresh."""
    found: list[MissingEvidence] = []
    with store.read() as conn:
        ids = households_applying(conn, list(REQUIRED_PARAMETERS), scope=scope)
        attached = attachments_of_many(conn, ids)
        for h in load_households(conn, ids):
            items = household_checklist(h, policy_of(h), attached[h.id], on)
            missing = tuple(item for item in items if item.missing)
            if missing:
                found.append(MissingEvidence(h.id, h.head.name if h.head else "", missing))
    found.sort(key=lambda m: m.head_name)
    return found


def read_bytes_to_attach(
    data: bytes, name: str, limits: EvidenceLimits, today: date
) -> FileToAttach:
    """Check content that came without a file (an image pasted from the clipboard)."""
    prepared = prepare(data, name, limits)
    return FileToAttach(name, prepared, taken_on_default(prepared, None, today))


# A file to read: a path, or (name, bytes) for an image pasted from the clipboard.
Source = Path | tuple[str, bytes]


def read_to_attach(
    sources: Sequence[Source],
    limits: EvidenceLimits,
    today: date,
    report: Callable[[int, int], None] = lambda done, total: None,
) -> list[FileToAttach]:
    """Read and check each of ``sources`` in turn, reporting ``(done, total)`` before each;
    the first refused stops them all (``AttachmentRefused``): they are added together or
    not at all."""
    read = []
    for done, source in enumerate(sources):
        report(done, len(sources))
        if isinstance(source, Path):
            read.append(read_file_to_attach(source, limits, today))
        else:
            read.append(read_bytes_to_attach(source[1], source[0], limits, today))
    return read


def remove_evidence(store: Store, attachment_id: str, reason: str, actor: str) -> None:
    """Remove an attachment from the file, with the reason (the record stays, audited)."""
    with store.begin() as conn:
        remove_attachment(
            conn, device_id=store.device_id, actor=actor, attachment_id=attachment_id, reason=reason
        )


def thumbnails_of(store: Store, attachments: Sequence[Attachment]) -> dict[str, bytes]:
    """The small pictures of ``attachments`` by id (made once and kept; none for a file
    whose content has not arrived yet)."""
    found: dict[str, bytes] = {}
    with store.begin() as conn:  # a thumbnail made now is kept for next time
        for attachment in attachments:
            if attachment.media_type.is_image and has_content(conn, attachment.sha256):
                small = thumbnail_of(conn, attachment)
                if small is not None:
                    found[attachment.id] = small
    return found


def evidence_content(store: Store, attachment: Attachment) -> bytes | None:
    """An attachment's file as it was added (None when it has not arrived from the county)."""
    with store.read() as conn:
        if not has_content(conn, attachment.sha256):
            return None
        return content_of(conn, attachment.sha256)
