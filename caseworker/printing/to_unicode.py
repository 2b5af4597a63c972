"""ToUnicode maps that also spell characters beyond the Basic Multilingual Plane.

ReportLab writes each code of a TrueType subset's ToUnicode map as ``<%04X>`` of the code
point, which is right only up to U+FFFF: 𠮷 (U+20BB7, CJK Extension B) comes out as
``<20BB7>``, an odd-length string that PDF readers reject, so the character cannot be
searched or copied and text extraction loses it. The map must give UTF-16BE, a surrogate
pair for such a character (``<D842DFB7>``). ``install`` puts this module's writer in place
of ReportLab's; for BMP characters it writes exactly what ReportLab wrote.
"""

from reportlab.pdfbase import ttfonts


def utf16_hex(code: int) -> str:
    """The code point as UTF-16BE in hex: four digits, or eight for a surrogate pair."""
    return chr(code).encode("utf-16-be", "surrogatepass").hex().upper()


def to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """The ToUnicode CMap of one subset (code ``i`` stands for ``subset[i]``)."""
    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo",
        f"<< /Registry ({fontname})",
        f"/Ordering ({fontname})",
        "/Supplement 0",
        ">> def",
        f"/CMapName /{fontname} def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>",
        "endcodespacerange",
        f"{len(subset)} beginbfchar",
        *(f"<{i:02X}> <{utf16_hex(code)}>" for i, code in enumerate(subset)),
        "endbfchar",
        "endcmap",
        "CMapName currentdict /CMap defineresource pop",
        "end",
        "end",
    ]
    return "\n".join(lines)


def install() -> None:
    """Make ReportLab write ToUnicode maps with this module (idempotent)."""
    # ReportLab looks the function up in its module when it writes a document's fonts.
    ttfonts.makeToUnicodeCMap = to_unicode_cmap
