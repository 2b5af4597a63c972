"""What a drop or the clipboard brings to attach: files from the file manager, or an image
copied from another program (a screenshot, a photo in a chat window)."""

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMimeData
from PySide6.QtGui import QImage

from caseworker.operations.evidence import Source

PASTED_NAME = "clipboard.png"


def local_files(mime: QMimeData) -> list[Path]:
    """The files on this computer that ``mime`` names."""
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


def png_of(image: QImage) -> bytes:
    """``image`` as PNG bytes (kept in memory, never written to disk)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # str works at runtime
    buffer.close()
    return bytes(data.data())


def sources_of(mime: QMimeData) -> list[Source]:
    """The files of ``mime``, else its image, else nothing."""
    paths: list[Source] = list(local_files(mime))
    if paths:
        return paths
    if mime.hasImage():
        image = QImage(mime.imageData())
        if not image.isNull():
            return [(PASTED_NAME, png_of(image))]
    return []


def brings_something(mime: QMimeData) -> bool:
    """Whether a drag carries files or an image (without reading the image yet)."""
    return bool(local_files(mime)) or mime.hasImage()
