"""The fonts forms print in, and which of them draws each character.

Two TrueType fonts ship in ``resources/fonts/`` and every PDF embeds the subset of each
that the document uses, so a form prints the same on a township office computer that has
no Chinese fonts installed. WenQuanYi Micro Hei draws nearly everything; the fallback, a
subset of Hanazono Mincho A, draws the rare characters it lacks (CJK Extension A and the
Extension B-F characters of names, such as 䶮 and 𠮷). Text is cut into runs where the
font changes; widths come from the font that draws each character, so wrapping and
centring hold for a name with a rare character in it.

A character neither font has is printed as "□", the mark Chinese print uses for a
character it cannot set (缺字), full width from the fallback, and measured so: visibly a
character that could not be printed, to be written in by hand, never silently left out.
(Left to ReportLab, it would print blank: the main font maps U+0000, the code ReportLab
gives a character a font lacks, to an empty glyph.) The PDF's text reads "□" there too,
as the paper does. Nothing is logged about it: it is part of a person's name.

The fallback is loaded only when a document first needs it.
"""

from functools import lru_cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from caseworker.config import resource_path
from caseworker.font_files import (
    FALLBACK_FONT_FILE,
    MAIN_FONT_FACE,
    MAIN_FONT_FILE,
)
from caseworker.printing import to_unicode
from caseworker.printing.errors import PrintError

FONT_NAME = "CaseworkerCJK"
FALLBACK_NAME = "CaseworkerRareHan"
# □ (WHITE SQUARE), printed for a character in neither font: the fallback's, full width
# like the ideograph it stands for (the main font's is narrow).
MISSING = "\u25a1"
_fonts: dict[str, TTFont] = {}
_drawn: dict[str, tuple[str, str]] = {}  # character -> (font name, character drawn)
_widths: dict[str, float] = {}


def _load(name: str, file: str, face: int = 0) -> TTFont:
    """Register ``file`` with ReportLab as ``name`` (once per process)."""
    font = _fonts.get(name)
    if font is None:
        path = resource_path("fonts", file)
        if not path.is_file():
            raise PrintError(
                f"缺少打印字体文件：{path}",
                f"the printing font is missing: {path}",
            )
        to_unicode.install()  # before any document writes a font's ToUnicode map
        font = TTFont(name, str(path), subfontIndex=face)
        pdfmetrics.registerFont(font)
        _fonts[name] = font
    return font


def register_font() -> str:
    """Register the main CJK font with ReportLab (once per process); return its name."""
    _load(FONT_NAME, MAIN_FONT_FILE, MAIN_FONT_FACE)
    return FONT_NAME


def register_fallback() -> str:
    """Register the fallback font for rare characters (once per process); return its name."""
    _load(FALLBACK_NAME, FALLBACK_FONT_FILE)
    return FALLBACK_NAME


def _has(font: TTFont, code: int) -> bool:
    glyphs: dict[int, int] = font.face.charToGlyph
    return code in glyphs


def drawn_as(ch: str) -> tuple[str, str]:
    """(the name of the registered font that draws ``ch``, the character it draws): the
    main font, or the fallback for a character only it has; the fallback's □ for a
    character neither has."""
    drawn = _drawn.get(ch)
    if drawn is None:
        code = ord(ch)
        main = _load(FONT_NAME, MAIN_FONT_FILE, MAIN_FONT_FACE)
        # Spaces and control characters stay with the main font: they draw nothing.
        if _has(main, code) or ch.isspace() or code < 0x20:
            drawn = (FONT_NAME, ch)
        elif _has(_load(FALLBACK_NAME, FALLBACK_FONT_FILE), code):
            drawn = (FALLBACK_NAME, ch)
        else:
            drawn = (FALLBACK_NAME, MISSING)
        _drawn[ch] = drawn
    return drawn


def font_for(ch: str) -> str:
    """The name of the registered font that draws ``ch``."""
    return drawn_as(ch)[0]


@lru_cache(maxsize=32768)
def runs(text: str) -> tuple[tuple[str, str], ...]:
    """``text`` as (font name, piece) runs, cut where the drawing font changes, each
    piece as it is drawn (□ for a character neither font has).

    Cached: the labels and values of a form repeat on every page of a batch.
    """
    pieces: list[tuple[str, list[str]]] = []
    for ch in text:
        name, shown = drawn_as(ch)
        if pieces and pieces[-1][0] == name:
            pieces[-1][1].append(shown)
        else:
            pieces.append((name, [shown]))
    return tuple((name, "".join(chars)) for name, chars in pieces)


def char_width(ch: str) -> float:
    """Width of one character at 1 pt, as drawn (in the font that draws it)."""
    width = _widths.get(ch)
    if width is None:
        name, shown = drawn_as(ch)
        width = _fonts[name].stringWidth(shown, 1.0)
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


def draw_string(canvas: Canvas, x: float, y: float, size: float, text: str) -> None:
    """Draw ``text`` on a ReportLab canvas from (x, y), each run in the font that has it
    (for pages drawn with the canvas's own text calls rather than a form's layout)."""
    line = canvas.beginText(x, y)
    for name, piece in runs(text):
        line.setFont(name, size)
        line.textOut(piece)
    canvas.drawText(line)
