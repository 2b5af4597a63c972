"""Taking in a file of evidence: what it is (by its content, never its name), whether it is
whole, and the form it is kept in.

Photos are turned upright by their EXIF orientation, brought down to the county's size
and saved again without their EXIF data, so neither where they were taken (GPS) nor the
phone's serial travels with them, unless the county's pack asks to keep the location.
A PDF is kept as it came, once it reads as a whole document.
"""

import io
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from caseworker.domain.evidence import AttachmentRefused, EvidenceLimits, MediaType

_HEIC_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1"}
_ORIENTATION = 0x0112
_DATETIME = 0x0132
_EXIF_IFD = 0x8769
_DATETIME_ORIGINAL = 0x9003
_GPS_IFD = 0x8825
THUMBNAIL_SIDE = 320
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@dataclass(frozen=True, slots=True)
class PreparedFile:
    """A file as it will be kept: its bytes, kind, pages, and the date its EXIF data says
    it was taken (None when it does not say)."""

    content: bytes
    media_type: MediaType
    pages: int
    taken_on: date | None


def recognise(head: bytes) -> MediaType | None:
    """The kind of file whose first bytes are ``head`` (at least 12), or None."""
    if head.startswith(b"\xff\xd8\xff"):
        return MediaType.JPEG
    if head.startswith(PNG_MAGIC):
        return MediaType.PNG
    if head.startswith(b"%PDF-"):
        return MediaType.PDF
    if head[4:8] == b"ftyp" and head[8:12] in _HEIC_BRANDS:
        return MediaType.HEIC
    return None


def _refuse(name: str, zh: str, en: str) -> AttachmentRefused:
    return AttachmentRefused("file", name, f"文件“{name}”{zh}", f"file '{name}' {en}")


def check_size(name: str, size: int, limits: EvidenceLimits) -> None:
    """Refuse a file larger than the county allows (before reading it)."""
    if size > limits.max_file_bytes:
        mb = limits.max_file_bytes / (1024 * 1024)
        raise _refuse(
            name,
            f"有 {size / (1024 * 1024):.1f} MB，超过了允许的 {mb:g} MB，未添加",
            f"is {size / (1024 * 1024):.1f} MB, more than the {mb:g} MB allowed; not added",
        )
    if size == 0:
        raise _refuse(name, "是空文件，未添加", "is empty; not added")


def prepare(data: bytes, name: str, limits: EvidenceLimits) -> PreparedFile:
    """``data`` as it will be kept, or ``AttachmentRefused`` saying why it cannot be."""
    check_size(name, len(data), limits)
    media_type = recognise(data[:16])
    if media_type is None:
        raise _refuse(
            name,
            "不是照片（JPEG、PNG、HEIC）或PDF文件，未添加",
            "is not a photo (JPEG, PNG, HEIC) or a PDF; not added",
        )
    if media_type is MediaType.PDF:
        return PreparedFile(data, media_type, pdf_pages(data, name), None)
    return _prepare_image(data, name, media_type, limits)


def pdf_pages(data: bytes, name: str) -> int:
    """How many pages the PDF ``data`` has; refused when it is damaged, cut short or
    locked with a password."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    if b"%%EOF" not in data[-2048:]:
        raise _refuse(name, "不完整（可能没有下载或复制完），未添加", "is incomplete; not added")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise _refuse(name, "设有密码，无法打印，未添加", "is password-protected; not added")
        pages = len(reader.pages)
    except (PyPdfError, ValueError, KeyError, TypeError) as exc:
        raise _refuse(name, "已损坏，无法读取，未添加", "is damaged; not added") from exc
    if pages == 0:
        raise _refuse(name, "没有页面，未添加", "has no pages; not added")
    return pages


def _open_image(data: bytes, name: str, media_type: MediaType, long_side: int) -> Any:
    from PIL import Image, UnidentifiedImageError

    if media_type is MediaType.HEIC:
        try:
            from pi_heif import register_heif_opener
        except ImportError as exc:
            raise _refuse(
                name, "是HEIC照片，本机无法读取，请在手机上存为JPEG", "is HEIC, not readable here"
            ) from exc
        register_heif_opener()
    try:
        image = Image.open(io.BytesIO(data))
        if media_type is MediaType.JPEG:
            # Decode at the nearest scale at or above the size kept: a phone photo
            # is read at half size, much faster than whole and no worse once scaled.
            width, height = image.size
            scale = max(width, height) / long_side
            if scale > 1:
                image.draft("RGB", (int(width / scale), int(height / scale)))
        image.load()
    except (OSError, UnidentifiedImageError, SyntaxError, ValueError) as exc:
        raise _refuse(
            name, "已损坏或不完整，无法读取，未添加", "is damaged or incomplete; not added"
        ) from exc
    return image


def _taken_on(exif: Any) -> date | None:
    text = exif.get_ifd(_EXIF_IFD).get(_DATETIME_ORIGINAL) or exif.get(_DATETIME)
    if not isinstance(text, str):
        return None
    try:
        return datetime.strptime(text.strip()[:19], "%Y:%m:%d %H:%M:%S").date()
    except ValueError:
        return None


def _prepare_image(
    data: bytes, name: str, media_type: MediaType, limits: EvidenceLimits
) -> PreparedFile:
    from PIL import Image, ImageOps

    image = _open_image(data, name, media_type, limits.long_side)
    exif = image.getexif()
    taken_on = _taken_on(exif)
    image = ImageOps.exif_transpose(image)
    if max(image.size) > limits.long_side:
        image.thumbnail((limits.long_side, limits.long_side), Image.Resampling.LANCZOS)
    kept = Image.Exif()
    if limits.keep_gps and exif.get_ifd(_GPS_IFD):
        kept[_GPS_IFD] = exif.get_ifd(_GPS_IFD)
    out = io.BytesIO()
    if media_type is MediaType.PNG:
        image.save(out, "PNG", exif=kept.tobytes())
        kept_type = MediaType.PNG
    else:  # a photo (JPEG, or HEIC, which printers and the county read as JPEG)
        if image.mode not in ("RGB", "L"):
            image = image.convert("RGB")
        image.save(out, "JPEG", quality=limits.jpeg_quality, exif=kept.tobytes())
        kept_type = MediaType.JPEG
    return PreparedFile(out.getvalue(), kept_type, 1, taken_on)


def thumbnail(content: bytes) -> bytes:
    """A small JPEG of the kept image ``content``, for the evidence tab."""
    from PIL import Image

    image: Any = Image.open(io.BytesIO(content))
    image.thumbnail((THUMBNAIL_SIDE, THUMBNAIL_SIDE))
    if image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80)
    return out.getvalue()
