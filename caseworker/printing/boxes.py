"""Pages as drawing operations, and rows of boxes drawn onto them.

A box holds wrapped lines of text and, at its bottom, an optional footer line (a signature
and date line) and signature mark. A row of boxes is drawn with its rules; a row too tall
for a page is split into a part that fits and the rest.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from caseworker.printing.definitions import MM
from caseworker.printing.fonts import text_width
from caseworker.printing.images import inked_part, png_size
from caseworker.printing.signing import SignatureMark
from caseworker.printing.wrap import wrap

PAD_X = 3.0  # pt, inside a box
PAD_Y = 2.5
LEADING = 1.3  # line height in a box, as a multiple of the size
ROW_MIN = 8 * MM
MARK_H = 14 * MM  # the height a signature is drawn in
MARK_MIN_W = 40 * MM  # the narrowest box a form may give a signature (a test checks)
CAPTION_SIZE = 6.5
ASCENT = 0.86  # of the font, as a fraction of the size (baseline below a line's top)


@dataclass(frozen=True, slots=True)
class PlacedPdfPage:
    """A page of another PDF drawn into a page, scaled into ``box`` (x, y, w, h), when the
    document is finished: ``read(key)`` gives that PDF's bytes."""

    key: str
    read: Callable[[str], bytes]
    index: int
    box: tuple[float, float, float, float]


@dataclass
class Page:
    """One laid-out page: texts (x, y, size, text, bold), line segments and images, and
    a page of another PDF placed on it."""

    size: tuple[float, float]
    texts: list[tuple[float, float, float, str, bool]] = field(default_factory=list)
    lines: list[tuple[float, float, float, float]] = field(default_factory=list)
    images: list[tuple[float, float, float, float, bytes]] = field(default_factory=list)
    pdf: PlacedPdfPage | None = None

    def text(self, x: float, y: float, size: float, text: str, bold: bool = False) -> None:
        if text:
            self.texts.append((x, y, size, text, bold))


def aligned(x: float, w: float, text: str, size: float, align: str) -> float:
    """Where text starts to sit left, centred or right in ``w`` from ``x``."""
    if align == "left":
        return x
    free = w - text_width(text, size)
    return x + (free if align == "right" else free / 2)


@dataclass
class Box:
    """The content of one box of a row: wrapped lines, and what sits at its bottom."""

    x: float
    w: float
    lines: list[str]
    size: float
    align: str
    valign: str
    footer: str = ""
    mark: SignatureMark | None = None
    min_h: float = 0.0
    caption: list[str] = field(default_factory=list)  # the mark's caption, wrapped

    def __post_init__(self) -> None:
        if self.mark is not None and not self.caption:
            self.caption = wrap(self.mark.caption, self.w - 2 * PAD_X, CAPTION_SIZE)

    @property
    def lead(self) -> float:
        return self.size * LEADING

    def needed(self) -> float:
        """The height the box needs."""
        h = 2 * PAD_Y + len(self.lines) * self.lead
        if self.footer:
            h += self.lead
        if self.mark is not None:
            h += (MARK_H if self.mark.image_png else 0) + len(self.caption) * CAPTION_SIZE * LEADING
        return max(h, self.min_h)


def split_row(boxes: list[Box], room: float) -> tuple[list[Box], list[Box]]:
    """A row taller than ``room`` as the part that fits and the rest (footer and mark go
    with the last part of each box)."""
    head, tail = [], []
    for b in boxes:
        whole = b.needed() <= room
        fits = len(b.lines) if whole else max(0, int((room - 2 * PAD_Y) // b.lead))
        cut, rest = b.lines[:fits], b.lines[fits:]
        done = whole and not rest
        first = Box(b.x, b.w, cut, b.size, b.align, "top")
        last = Box(b.x, b.w, rest, b.size, b.align, "top")
        if done:
            first.footer, first.mark, first.caption = b.footer, b.mark, b.caption
        else:
            last.footer, last.mark, last.caption = b.footer, b.mark, b.caption
        head.append(first)
        tail.append(last)
    return head, tail


def draw_row(page: Page, boxes: list[Box], top: float, height: float) -> None:
    """Draw a row of boxes with its rules, from ``top`` down ``height``."""
    bottom = top - height
    lines = page.lines
    x_left, x_right = boxes[0].x, boxes[-1].x + boxes[-1].w
    lines.append((x_left, top, x_right, top))
    lines.append((x_left, bottom, x_right, bottom))
    for b in boxes:
        lines.append((b.x, top, b.x, bottom))
    lines.append((x_right, top, x_right, bottom))
    for b in boxes:
        _draw_box(page, b, top, bottom)


def _draw_box(page: Page, b: Box, top: float, bottom: float) -> None:
    lead, size = b.lead, b.size
    inner_x, inner_w = b.x + PAD_X, b.w - 2 * PAD_X
    text_h = len(b.lines) * lead
    if b.valign == "middle" and not b.footer and b.mark is None:
        y = top - (top - bottom - text_h) / 2
    else:
        y = top - PAD_Y
    for line in b.lines:
        x = aligned(inner_x, inner_w, line, size, b.align)
        page.text(x, y - (lead - size) / 2 - size * ASCENT, size, line)
        y -= lead
    if b.mark is not None:
        _draw_mark(page, b, inner_x, inner_w, y)
    if b.footer:
        x = aligned(inner_x, inner_w, b.footer, size, "right")
        page.text(x, bottom + PAD_Y + (lead - size) / 2 + size * (1 - ASCENT), size, b.footer)


def _draw_mark(page: Page, b: Box, x: float, w: float, top: float) -> None:
    """A signature: the image scaled into the box, its caption below."""
    assert b.mark is not None
    caption_lead = CAPTION_SIZE * LEADING
    if b.mark.image_png:
        ink = inked_part(b.mark.image_png)
        px_w, px_h = png_size(ink)
        img_w = min(w, MARK_H * px_w / px_h)  # the ink, aspect kept, in w x MARK_H
        h = img_w * px_h / px_w
        page.images.append((x, top - h, img_w, h, ink))
        top -= MARK_H
    for line in b.caption:
        page.text(x, top - caption_lead + CAPTION_SIZE * 0.3, CAPTION_SIZE, line)
        top -= caption_lead
