"""Reading the size of a PNG (signature images) without decoding it."""

import struct


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height in pixels from a PNG's header chunk; (1, 1) if it has none."""
    if len(data) >= 24 and data[12:16] == b"IHDR":
        width, height = struct.unpack(">II", data[16:24])
        if width and height:
            return int(width), int(height)
    return 1, 1
