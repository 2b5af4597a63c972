"""Signature images for print: the size of a PNG, and the part of it that holds ink.

A signature pad records the whole pad, mostly empty; printed whole and scaled into its
line, the strokes come out a few millimetres wide. Printing uses the ink's bounding box
(with a little margin) instead, so the signature fills the space given to it.
"""

import io
import struct
from functools import lru_cache

from PIL import Image, ImageChops

INK_MARGIN = 0.04  # of the ink's larger side, kept around it
INK_THRESHOLD = 40  # how far from the background a pixel must be to count as ink (0-255)


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height in pixels from a PNG's header chunk; (1, 1) if it has none."""
    if len(data) >= 24 and data[12:16] == b"IHDR":
        width, height = struct.unpack(">II", data[16:24])
        if width and height:
            return int(width), int(height)
    return 1, 1


@lru_cache(maxsize=256)
def inked_part(data: bytes) -> bytes:
    """The PNG cropped to its ink (on a white or transparent background); the image as
    it is if it holds no ink or cannot be read."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            rgba = image.convert("RGBA")
    except (OSError, ValueError):
        return data
    white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
    flat = Image.alpha_composite(white, rgba).convert("L")
    difference = ImageChops.difference(flat, Image.new("L", flat.size, 255))
    mask = difference.point(lambda v: 255 if v > INK_THRESHOLD else 0)
    box = mask.getbbox()
    if box is None:
        return data
    left, top, right, bottom = box
    margin = int(max(right - left, bottom - top) * INK_MARGIN) + 2
    cropped = rgba.crop(
        (
            max(left - margin, 0),
            max(top - margin, 0),
            min(right + margin, rgba.width),
            min(bottom + margin, rgba.height),
        )
    )
    out = io.BytesIO()
    cropped.save(out, "PNG")
    return out.getvalue()
