"""Files taken in as evidence: recognised by content, refused when they are not photos or
PDFs or are damaged or too large, photos turned upright and stripped of their location."""

import io
import zipfile
from datetime import date
from pathlib import Path

import pytest
from PIL import Image

from caseworker.domain.evidence import AttachmentRefused, EvidenceLimits, MediaType
from caseworker.interchange.evidence_files import prepare
from caseworker.operations.evidence import read_file_to_attach
from tests.evidence.makers import GPS_IFD, heic_bytes, pdf_bytes, photo_bytes, png_bytes, write

LIMITS = EvidenceLimits()
TODAY = date(2026, 12, 1)


def opened(content: bytes) -> Image.Image:
    return Image.open(io.BytesIO(content))


def test_a_jpeg_named_pdf_is_taken_as_the_photo_it_is(tmp_path: Path) -> None:
    path = write(tmp_path, "身份证.pdf", photo_bytes())
    taken = read_file_to_attach(path, LIMITS, TODAY)
    assert taken.prepared.media_type is MediaType.JPEG
    assert taken.prepared.pages == 1


def test_a_png_a_heic_photo_and_a_pdf_are_accepted() -> None:
    png = prepare(png_bytes(), "house.png", LIMITS)
    assert png.media_type is MediaType.PNG and opened(png.content).size == (600, 400)
    heic = prepare(heic_bytes(), "IMG_0001.HEIC", LIMITS)
    assert heic.media_type is MediaType.JPEG  # kept as a JPEG every printer reads
    photo = opened(heic.content)
    assert photo.size == (600, 800)  # upright, as taken
    assert not photo.getexif().get_ifd(GPS_IFD)  # where it was taken is removed
    pdf = prepare(pdf_bytes(3), "scan.pdf", LIMITS)
    assert pdf.media_type is MediaType.PDF and pdf.pages == 3


def refusal(data: bytes, name: str) -> AttachmentRefused:
    with pytest.raises(AttachmentRefused) as refused:
        prepare(data, name, LIMITS)
    assert refused.value.field == "file" and refused.value.value == name
    assert name in refused.value.zh and name in refused.value.en
    return refused.value


def test_damaged_cut_short_and_foreign_files_are_refused_naming_the_file() -> None:
    png = png_bytes()
    assert "损坏或不完整" in refusal(png[: len(png) // 2], "cut.png").zh
    pdf = pdf_bytes()
    assert "不完整" in refusal(pdf[: len(pdf) - 200], "cut.pdf").zh
    damaged = pdf[:20] + b"\x00" * (len(pdf) - 40) + pdf[-20:]
    assert "损坏" in refusal(damaged, "damaged.pdf").zh
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w") as archive:
        archive.writestr("photo.jpg", photo_bytes())
    refused = refusal(packed.getvalue(), "photos.jpg")
    assert "不是照片（JPEG、PNG、HEIC）或PDF文件" in refused.zh
    assert "is not a photo (JPEG, PNG, HEIC) or a PDF" in refused.en


def test_a_200_mb_file_is_refused_without_being_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    huge = tmp_path / "video.jpg"
    with huge.open("wb") as out:  # sparse: takes no room on the disk
        out.write(b"\xff\xd8\xff")
        out.truncate(200 * 1024 * 1024)
    reads: list[Path] = []
    real = Path.read_bytes

    def counted(self: Path) -> bytes:
        reads.append(self)
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", counted)
    with pytest.raises(AttachmentRefused) as refused:
        read_file_to_attach(huge, LIMITS, TODAY)
    assert "200.0 MB，超过了允许的 20 MB" in refused.value.zh
    assert reads == []


def test_a_phone_photo_is_turned_upright_brought_down_and_loses_its_location() -> None:
    # Taken holding the phone upright: stored landscape, EXIF says turn it (6).
    data = photo_bytes(3000, 2000, orientation=6, taken="2026:10:02 09:15:00", gps=True)
    kept = prepare(data, "IMG_1.jpg", LIMITS)
    image = opened(kept.content)
    assert image.size == (1333, 2000)  # portrait, long side 2,000
    exif = image.getexif()
    assert exif.get(0x0112) in (None, 1)
    assert not exif.get_ifd(GPS_IFD)
    assert kept.taken_on == date(2026, 10, 2)
    located = opened(prepare(data, "IMG_1.jpg", EvidenceLimits(keep_gps=True)).content)
    assert located.getexif().get_ifd(GPS_IFD)[1] == "N"


def test_the_date_of_a_photo_without_exif_time_is_its_file_time(tmp_path: Path) -> None:
    import os

    path = write(tmp_path, "photo.jpg", photo_bytes())
    moment = 1_790_000_000  # 2026-09-21
    os.utime(path, (moment, moment))
    assert read_file_to_attach(path, LIMITS, TODAY).taken_on == date(2026, 9, 21)
    dated = write(tmp_path, "dated.jpg", photo_bytes(taken="2025:03:04 08:00:00"))
    assert read_file_to_attach(dated, LIMITS, TODAY).taken_on == date(2025, 3, 4)
