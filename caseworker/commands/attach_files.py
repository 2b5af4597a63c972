"""The file work of ``caseworker attach``: reading the files to add under the county's
limits, and writing a household's evidence to a folder without overwriting anything."""

import argparse
import os
import re
import tempfile
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

from caseworker.commands.common import CommandError
from caseworker.domain.errors import os_reason
from caseworker.domain.evidence import (
    Attachment,
    AttachmentRefused,
    EvidenceKind,
    EvidenceLimits,
    MediaType,
)
from caseworker.domain.records import Household
from caseworker.store.db import Store

_EXTENSION = {MediaType.JPEG: "jpg", MediaType.PNG: "png", MediaType.HEIC: "heic"}
# Characters no file name may hold on Windows, Linux or a FAT memory stick.
_UNSAFE = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]')


def _limits(store: Store, household: Household, today: date) -> EvidenceLimits:
    """The limits of the household's county policy (the defaults without one)."""
    from caseworker.eligibility.policy import PolicyError
    from caseworker.operations.evidence import limits_of
    from caseworker.screening import PolicyChooser, policy_library

    try:
        policy = PolicyChooser(policy_library(store))(household)
    except PolicyError:  # no pack for the county: the defaults
        policy = None
    return limits_of(policy, today)


def add_files(
    store: Store,
    household: Household,
    args: argparse.Namespace,
    kind: EvidenceKind,
    member_id: str | None,
) -> list[Attachment]:
    """Read and check every file, then attach them all; CommandError listing every
    refused file (and nothing stored) when any is refused."""
    from caseworker.operations.evidence import (
        AttachRequest,
        FileToAttach,
        attach_files,
        read_file_to_attach,
    )

    today = date.today()
    limits = _limits(store, household, today)

    def read(path: Path) -> FileToAttach | AttachmentRefused:
        try:
            return read_file_to_attach(path, limits, today)
        except AttachmentRefused as exc:
            return exc

    # Pillow lets go of the interpreter while it decodes and encodes: photos are
    # brought down on every core at once, a few at a time (each is held whole meanwhile).
    with ThreadPoolExecutor(max_workers=min(4, os.cpu_count() or 1)) as pool:
        read_in = list(pool.map(read, args.files))
    files = [f for f in read_in if isinstance(f, FileToAttach)]
    problems = [p for p in read_in if isinstance(p, AttachmentRefused)]
    if problems:
        raise CommandError(
            "；".join(p.zh for p in problems) + "。未添加任何文件",
            "; ".join(p.en for p in problems) + ". No file was added",
        )
    request = AttachRequest(
        household_id=household.id,
        kind=kind,
        note=args.note,
        member_id=member_id,
        visit_id=args.visit,
        application_id=args.application,
        taken_on=args.date,
    )
    try:
        return attach_files(store, files, request, store.actor)
    except AttachmentRefused as exc:
        named = exc.value in exc.zh  # the message names the value itself
        raise CommandError(
            f"{exc.zh if named else f'{exc.zh}（{exc.value}）'}。未添加任何文件",
            f"{exc.en if named else f'{exc.en} ({exc.value!r})'}. No file was added",
        ) from None


def safe_part(text: str) -> str:
    """``text`` made safe as a piece of a file name: no separators, no control
    characters, no leading dots, not empty."""
    cleaned = _UNSAFE.sub("_", text).strip(" .")
    return cleaned[:40] or "_"


def export_names(household: Household, attachments: Sequence[Attachment]) -> list[str]:
    """A readable file name for each attachment: ``01-居民身份证-张三-2026-12-01.jpg``."""
    from caseworker.printing.evidence import member_name

    names = []
    for number, a in enumerate(attachments, 1):
        ext = _EXTENSION.get(a.media_type, "pdf")
        who = safe_part(member_name(household, a))
        names.append(f"{number:02d}-{safe_part(a.kind.zh)}-{who}-{a.taken_on.isoformat()}.{ext}")
    return names


def _write_new(folder: Path, name: str, content: bytes) -> Path:
    """Write ``content`` to ``folder/name`` through a temporary file, never replacing a
    file already there."""
    target = folder / name
    fd, tmp = tempfile.mkstemp(prefix=".attach-", suffix=".part", dir=folder)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(content)
            out.flush()
            os.fsync(out.fileno())
        try:
            os.link(tmp, target)  # fails if the name is taken: nothing is overwritten
        except FileExistsError:
            raise
        except OSError:  # a file system without links (a FAT memory stick)
            if target.exists():
                raise FileExistsError(target) from None
            os.rename(tmp, target)
    finally:
        Path(tmp).unlink(missing_ok=True)
    return target


def export_files(store: Store, household: Household, out: Path) -> list[Path]:
    """Write the household's kept evidence, decrypted, into the folder ``out``."""
    from caseworker.store.attachments import attachments_of, content_of

    if out.exists() and not out.is_dir():
        raise CommandError(f"“{out}”不是文件夹", f"'{out}' is not a folder")
    with store.read() as conn:
        attachments = attachments_of(conn, household.id)
    names = export_names(household, attachments)
    taken = [n for n in names if (out / n).exists()]
    if taken:
        raise CommandError(
            f"文件夹{out}中已有同名文件：{'、'.join(taken)}，未导出任何文件",
            f"the folder {out} already holds {', '.join(taken)}; nothing was exported",
        )
    written = []
    try:
        out.mkdir(parents=True, exist_ok=True)
        for a, name in zip(attachments, names, strict=True):
            with store.read() as conn:
                content = content_of(conn, a.sha256)
            written.append(_write_new(out, name, content))
    except FileExistsError as exc:
        raise CommandError(
            f"文件夹{out}中已有同名文件：{exc}，未覆盖",
            f"the folder {out} already holds {exc}; it was not overwritten",
        ) from None
    except OSError as exc:
        zh, en = os_reason(exc)
        raise CommandError(
            f"无法写入文件夹{out}：{zh}", f"cannot write to {out}: {en}", status=1
        ) from None
    return written
