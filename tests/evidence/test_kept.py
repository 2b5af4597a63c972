"""Evidence as the store keeps it: sealed (no file signature or text readable in the
database file, plain or encrypted), stored once however often it is attached, never
removed without a reason and a line in the audit trail, and carried by a backup."""

import re
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from caseworker.demo.places import demo_regions
from caseworker.domain.evidence import AttachmentRefused, EvidenceKind
from caseworker.domain.records import Household
from caseworker.operations.evidence import AttachRequest, attach_files, read_file_to_attach
from caseworker.security.keys import new_data_key
from caseworker.store import audit
from caseworker.store.attachments import attachments_of, content_of, remove_attachment
from caseworker.store.backups import backup_now, restore
from caseworker.store.db import Store, open_store
from caseworker.store.households import save_household
from caseworker.store.regions import add_regions
from caseworker.store.tables import ATTACHMENT_CONTENT
from tests.evidence.makers import PDF_TEXT, PNG_TEXT, pdf_bytes, photo_bytes, png_bytes, write

TODAY = date(2026, 12, 1)
# A file's signature as it starts a file. Three bytes alone (a JPEG's FF D8 FF) turn up
# by chance about once in 16 MB of ciphertext, so a JPEG is looked for with the segment
# that follows its start (JFIF or Exif), as a file carver would.
SIGNATURES = (
    re.compile(rb"\xff\xd8\xff[\xe0-\xef]..(JFIF|Exif)", re.DOTALL),
    re.compile(re.escape(b"\x89PNG\r\n\x1a\n")),
    re.compile(re.escape(b"%PDF-")),
)


def attach(store: Store, paths: list[Path], household: Household, kind: EvidenceKind) -> list[str]:
    from caseworker.domain.evidence import EvidenceLimits

    files = [read_file_to_attach(p, EvidenceLimits(), TODAY) for p in paths]
    added = attach_files(store, files, AttachRequest(household.id, kind), "李娜")
    return [a.id for a in added]


def test_nothing_of_a_file_can_be_read_in_the_store_plain_or_encrypted(
    tmp_path: Path, household: Household
) -> None:
    files = [
        write(tmp_path, "a.jpg", photo_bytes()),
        write(tmp_path, "b.png", png_bytes()),
        write(tmp_path, "c.pdf", pdf_bytes()),
    ]
    assert PDF_TEXT.encode() in files[2].read_bytes()  # readable before it is attached
    for key in (None, new_data_key()):
        store = open_store(tmp_path / f"store-{key is None}.db", key=key)
        with store.begin() as conn:
            add_regions(conn, demo_regions())
        save_household(store, household)
        attach(store, files, household, EvidenceKind.INCOME_PROOF)
        with store.read() as conn:
            kept = [content_of(conn, a.sha256) for a in attachments_of(conn, household.id)]
        assert PDF_TEXT.encode() in kept[2]  # a PDF is kept as it came
        assert PNG_TEXT.encode() not in kept[1]  # an image's metadata is not kept
        path = store.path
        store.close()
        on_disk = b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*") if p.is_file())
        assert all(SIGNATURES[0].match(k) for k in kept if k[:3] == b"\xff\xd8\xff")
        for signature in SIGNATURES:
            assert signature.search(on_disk) is None, signature
        for secret in (PDF_TEXT.encode(), PNG_TEXT.encode(), kept[0][200:232]):
            assert secret not in on_disk


def test_the_same_file_attached_twice_is_stored_once(
    tmp_path: Path, store: Store, household: Household
) -> None:
    photo = write(tmp_path, "a.jpg", photo_bytes())
    copy = write(tmp_path, "copy-of-a.jpg", photo.read_bytes())
    attach(store, [photo], household, EvidenceKind.ID_CARD)
    attach(store, [copy], household, EvidenceKind.HUKOU)
    with store.read() as conn:
        assert len(attachments_of(conn, household.id)) == 2
        assert conn.execute(select(func.count()).select_from(ATTACHMENT_CONTENT)).scalar() == 1


def test_removing_needs_a_reason_is_audited_and_keeps_the_record(
    tmp_path: Path, store: Store, household: Household
) -> None:
    [added] = attach(
        store, [write(tmp_path, "a.jpg", photo_bytes())], household, EvidenceKind.HUKOU
    )
    with store.begin() as conn, pytest.raises(AttachmentRefused) as refused:
        remove_attachment(
            conn, device_id=store.device_id, actor="李娜", attachment_id=added, reason=" "
        )
    assert refused.value.field == "reason"
    with store.begin() as conn:
        remove_attachment(
            conn, device_id=store.device_id, actor="李娜", attachment_id=added, reason="拍错了人"
        )
    with store.read() as conn:
        assert attachments_of(conn, household.id) == []
        [kept] = attachments_of(conn, household.id, include_removed=True)
        trail = audit.entries(conn, household_id=household.id)
        content_of(conn, kept.sha256)  # the content stays
    assert kept.removed_reason == "拍错了人" and kept.removed_by == "李娜"
    removal = trail[-1]
    assert removal.action == audit.Action.DELETE
    assert removal.detail == {"attachment": added, "kind": "hukou", "reason": "拍错了人"}


def test_a_backup_brings_the_attachments_back(
    tmp_path: Path, store: Store, household: Household
) -> None:
    photo = write(tmp_path, "a.jpg", photo_bytes())
    attach(store, [photo], household, EvidenceKind.ID_CARD)
    with store.read() as conn:
        [before] = attachments_of(conn, household.id)
        content = content_of(conn, before.sha256)
    backup = backup_now(store, tmp_path / "usb")
    attach(store, [write(tmp_path, "b.pdf", pdf_bytes())], household, EvidenceKind.OTHER)
    path = store.path
    store.close()
    restore(backup, path, None)
    again = open_store(path)
    try:
        with again.read() as conn:
            assert attachments_of(conn, household.id) == [before]
            assert content_of(conn, before.sha256) == content
    finally:
        again.close()
