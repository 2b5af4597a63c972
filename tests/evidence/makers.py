"""Files of evidence made for the tests: phone-like photos, scans, PDFs with known text."""

import io
import random
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PIL import Image, ImageDraw, PngImagePlugin

from caseworker.config import resource_path

if TYPE_CHECKING:
    from caseworker.domain.evidence import Attachment, EvidenceKind
    from caseworker.store.db import Store

ORIENTATION = 0x0112
EXIF_IFD = 0x8769
DATETIME_ORIGINAL = 0x9003
GPS_IFD = 0x8825
PDF_TEXT = "UNIQUE-PDF-TEXT-7Q3Z"
PNG_TEXT = "UNIQUE-PNG-TEXT-K9W2"


def textured(width: int, height: int, seed: int = 1) -> Image.Image:
    """A picture with enough detail that it does not compress to nothing."""
    rng = random.Random(seed)
    image = Image.new("RGB", (width, height), (rng.randint(150, 255), 230, 210))
    draw = ImageDraw.Draw(image)
    step = max(width, height) // 40
    for _ in range(400):
        x, y = rng.randrange(width), rng.randrange(height)
        colour = (rng.randrange(256), rng.randrange(256), rng.randrange(256))
        draw.rectangle([x, y, x + rng.randint(4, step), y + rng.randint(4, step)], fill=colour)
    noise = Image.effect_noise((width, height), 40).convert("RGB")
    return Image.blend(image, noise, 0.25)


def photo_bytes(
    width: int = 1200,
    height: int = 900,
    *,
    orientation: int | None = None,
    taken: str | None = None,
    gps: bool = False,
    seed: int = 1,
    quality: int = 90,
) -> bytes:
    """A JPEG as a phone makes it: EXIF orientation, time taken and location if asked."""
    exif = Image.Exif()
    if orientation is not None:
        exif[ORIENTATION] = orientation
    if taken is not None:
        exif.get_ifd(EXIF_IFD)[DATETIME_ORIGINAL] = taken
    if gps:
        exif[GPS_IFD] = {1: "N", 2: (34.0, 32.0, 0.0), 3: "E", 4: (108.0, 50.0, 0.0)}
    out = io.BytesIO()
    textured(width, height, seed).save(out, "JPEG", quality=quality, exif=exif.tobytes())
    return out.getvalue()


def png_bytes(width: int = 600, height: int = 400, text: str = PNG_TEXT) -> bytes:
    """A PNG with ``text`` in a text chunk."""
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", text)
    out = io.BytesIO()
    textured(width, height, 2).save(out, "PNG", pnginfo=info)
    return out.getvalue()


def heic_bytes() -> bytes:
    """A HEIC photo as an iPhone saves it: 600x800 upright (the camera's turn kept in the
    file's own rotation), with the place it was taken. The app reads HEIC and never
    writes it, so the photo is a file in ``resources/samples`` (the self-test uses it too)."""
    return resource_path("samples", "iphone-photo.heic").read_bytes()


def pdf_bytes(pages: int = 2, text: str = PDF_TEXT) -> bytes:
    """A PDF of ``pages`` pages, the first A4 portrait with ``text``, then landscape."""
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    canvas = Canvas(out, pageCompression=0)  # the text stays readable in the file
    for number in range(pages):
        if number:
            canvas.setPageSize((842, 595))
        canvas.rect(30, 30, canvas._pagesize[0] - 60, canvas._pagesize[1] - 60)
        canvas.setFont("Helvetica", 24)
        canvas.drawString(80, canvas._pagesize[1] - 120, f"{text} page {number + 1}")
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def attach_data(
    store: "Store",
    household_id: str,
    kind: "EvidenceKind",
    data: bytes,
    *,
    member_id: str | None = None,
    note: str = "",
    taken_on: date | None = None,
) -> "Attachment":
    """Attach the file ``data`` as the app does (checked, then kept in one transaction)."""
    from caseworker.domain.evidence import EvidenceLimits
    from caseworker.interchange.evidence_files import prepare
    from caseworker.operations.evidence import AttachRequest, FileToAttach, attach_files

    prepared = prepare(data, "file", EvidenceLimits())
    on = taken_on or prepared.taken_on or date(2026, 10, 1)
    request = AttachRequest(household_id, kind, note, member_id, taken_on=on)
    [added] = attach_files(store, [FileToAttach("file", prepared, on)], request, "李娜")
    return added
