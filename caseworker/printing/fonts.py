"""The one font every form prints in.

A CJK TrueType font ships in ``resources/fonts/`` and every PDF embeds the subset of it
that the document uses, so a form prints the same on a township office computer that has
no Chinese fonts installed. Widths are cached per character: layout measures every cell.
"""

from functools import lru_cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from caseworker.config import resource_path
from caseworker.printing.errors import PrintError

FONT_NAME = "CaseworkerCJK"
FONT_FILE = "wqy-microhei.ttc"
# Face 0 of the collection is the proportional "WenQuanYi Micro Hei".
_FACE = 0

_font: TTFont | None = None
_widths: dict[str, float] = {}


def register_font() -> str:
    """Register the CJK font with ReportLab (once per process); return its name."""
    global _font
    if _font is None:
        path = resource_path("fonts", FONT_FILE)
        if not path.is_file():
            raise PrintError(
                f"缺少打印字体文件：{path}",
                f"the printing font is missing: {path}",
            )
        font = TTFont(FONT_NAME, str(path), subfontIndex=_FACE)
        pdfmetrics.registerFont(font)
        _font = font
    return FONT_NAME


def char_width(ch: str) -> float:
    """Width of one character at 1 pt."""
    width = _widths.get(ch)
    if width is None:
        if _font is None:
            register_font()
        assert _font is not None
        width = _font.stringWidth(ch, 1.0)
        _widths[ch] = width
    return width


def text_width(text: str, size: float) -> float:
    """Width of ``text`` at ``size`` pt (ReportLab applies no kerning, so widths add up)."""
    return _unit_width(text) * size


@lru_cache(maxsize=32768)
def _unit_width(text: str) -> float:
    # Cached: layout measures the same labels and values on every page of a batch.
    widths = _widths
    total = 0.0
    for ch in text:
        width = widths.get(ch)
        total += width if width is not None else char_width(ch)
    return total
