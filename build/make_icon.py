"""Draw the app icon: a white house on a rounded green square.

    python build/make_icon.py    # writes resources/icons/caseworker.png and caseworker.ico

The icon is drawn with Qt at every size a Windows icon holds (so small sizes stay crisp
instead of being scaled down from one bitmap) and the sizes are packed into one ``.ico``
(each entry a PNG, which Windows Vista and later read). The outputs are committed; run
this again only to change the drawing.
"""

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPainterPath, QPolygonF

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)
GREEN = QColor("#1f6f5c")
WHITE = QColor("#ffffff")
RED = QColor("#c8372d")


def draw(size: int) -> QImage:
    """The icon at ``size`` x ``size`` pixels."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = float(size)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(GREEN)
    p.drawRoundedRect(QRectF(0, 0, s, s), s * 0.18, s * 0.18)
    # The house: a roof and a body, in units of the icon's size.
    p.setBrush(WHITE)
    roof = QPolygonF([QPointF(s * 0.50, s * 0.16), QPointF(s * 0.88, s * 0.50),
                      QPointF(s * 0.12, s * 0.50)])  # fmt: skip
    p.drawPolygon(roof)
    p.drawRect(QRectF(s * 0.22, s * 0.46, s * 0.56, s * 0.38))
    # A red heart on the door: help for the household (dropped where it would be a smudge).
    if size >= 32:
        heart = QPainterPath()
        cx, cy, r = s * 0.50, s * 0.62, s * 0.075
        heart.moveTo(cx, cy + r * 1.9)
        heart.cubicTo(cx - r * 2.6, cy + r * 0.2, cx - r * 1.2, cy - r * 1.6, cx, cy - r * 0.3)
        heart.cubicTo(cx + r * 1.2, cy - r * 1.6, cx + r * 2.6, cy + r * 0.2, cx, cy + r * 1.9)
        p.setBrush(RED)
        p.drawPath(heart)
    p.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(pngs: list[tuple[int, bytes]]) -> bytes:
    """An ICO file holding PNG images (ICONDIR, one ICONDIRENTRY per image, the images)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, blobs = b"", b""
    for size, png in pngs:
        dim = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(png), offset)
        blobs += png
        offset += len(png)
    return header + entries + blobs


def main() -> int:
    app = QGuiApplication(sys.argv[:1])
    ICONS.mkdir(parents=True, exist_ok=True)
    images = [(size, png_bytes(draw(size))) for size in SIZES]
    (ICONS / "caseworker.png").write_bytes(images[-1][1])
    (ICONS / "caseworker.ico").write_bytes(ico_bytes(images))
    print(f"wrote {ICONS / 'caseworker.png'} and {ICONS / 'caseworker.ico'}")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
