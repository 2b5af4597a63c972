"""Drawing laid-out pages into a PDF with ReportLab, each page with its footer.

Every page carries the record it belongs to (household id or village code) as text and as
a QR code, the print date, the policy pack that produced any amounts, and its number
("第 x 页 共 y 页"). A QR code is drawn once per record as a PDF form object and reused on
each of its pages. Files are written atomically: to a temporary file next to the target,
renamed into place only when complete.
"""

import io
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO

from reportlab import rl_config
from reportlab.lib.rl_accel import escapePDF
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from caseworker import __version__
from caseworker.printing.boxes import Page, PlacedPdfPage
from caseworker.printing.definitions import MM
from caseworker.printing.fonts import FONT_NAME, register_font, runs, text_width
from caseworker.printing.layout import FOOTER_H
from caseworker.printing.qr import qr_matrix, qr_runs
from caseworker.printing.text import cn_date
from caseworker.printing.wrap import wrap

# Streams are compressed and left binary: ASCII85 on top only made every PDF larger and
# cost a fifth of the drawing time in ReportLab's pure-Python encoder.
rl_config.useA85 = 0

QR_SIZE = 14 * MM
FOOTER_SIZE = 7.5
PAGE_NUMBER_SIZE = 9.0
LINE_WIDTH = 0.6
BOLD_STROKE = 0.35  # outline added to titles: the font has no bold face


@dataclass(frozen=True, slots=True)
class Footer:
    """What the footer of each page of one document says."""

    key: str  # the record id, in the QR code
    key_label: str  # e.g. 档案编号
    shown_key: str  # the reference a person reads (the record id itself is for machines)
    printed_on: date
    policy: str  # the policy pack that produced the amounts, or that none was used
    bottom_margin: float  # pt


class PdfBuilder:
    """A PDF being drawn page by page."""

    def __init__(self, out: BinaryIO, *, title: str) -> None:
        register_font()
        self._out = out
        # ReportLab makes the whole file in memory at the end anyway; it is drawn into a
        # buffer first so that pages of attached PDFs can be placed in it before it is
        # written (see ``placing``).
        self._buffer = io.BytesIO()
        self.placed: list[tuple[int, PlacedPdfPage]] = []
        self.canvas = Canvas(
            self._buffer,
            initialFontName=FONT_NAME,
            initialFontSize=10,
            pageCompression=1,
        )
        self.canvas.setTitle(title)
        self.canvas.setCreator(f"Caseworker {__version__}")
        self.canvas.setAuthor("Caseworker")
        self._qr_names: dict[str, str] = {}
        # The canvas's document: TrueType subsets are kept per document.
        self._doc = self.canvas._doc
        self._encodings: dict[str, list[tuple[str, str]]] = {}
        self._subset_names: dict[tuple[str, int], str] = {}
        self.pages = 0
        self._outlines = 0

    def _qr_form(self, key: str) -> str:
        """The name of the form object that draws ``key``'s QR code (made on first use)."""
        name = self._qr_names.get(key)
        if name is None:
            name = f"qr{len(self._qr_names)}"
            matrix = qr_matrix(key)
            module = QR_SIZE / len(matrix)
            c = self.canvas
            c.beginForm(name, 0, 0, QR_SIZE, QR_SIZE)
            rects = " ".join(
                f"{col * module:.3f} {QR_SIZE - (row + 1) * module:.3f} "
                f"{length * module:.3f} {module:.3f} re"
                for row, col, length in qr_runs(matrix)
            )
            c.addLiteral(f"{rects} f")
            c.endForm()
            self._qr_names[key] = name
        return name

    def add(
        self,
        pages: list[Page],
        footer: Footer,
        *,
        first_number: int = 1,
        total: int | None = None,
        outline: str | None = None,
        outline_level: int = 0,
    ) -> None:
        """Draw ``pages``, numbered from ``first_number`` of ``total`` (default: of these),
        the first under the outline entry ``outline``."""
        qr_name = self._qr_form(footer.key)
        total = total if total is not None else first_number + len(pages) - 1
        for offset, page in enumerate(pages):
            if outline and offset == 0:
                self.outline(outline, level=outline_level)
            self._draw(page, footer, qr_name, first_number + offset, total)

    def outline(self, title: str, *, level: int = 0) -> None:
        """An entry in the PDF's outline (bookmarks) pointing at the next page drawn."""
        key = f"p{self.pages}.{self._outlines}"
        self._outlines += 1
        self.canvas.bookmarkPage(key)
        self.canvas.addOutlineEntry(title, key, level=level)

    def _encoded(self, text: str) -> list[tuple[str, str]]:
        """``text`` as (font subset's resource name, PDF string operator) pieces, cached
        for the document.

        Each run of the text goes to the font that draws it (the main font, or the
        fallback for rare characters). ReportLab's TrueType subsetting gives a character
        its code in a subset the first time the document uses it and never changes it,
        so the encoding of a string can be kept: labels and values repeat on every page
        of a batch.
        """
        pieces = self._encodings.get(text)
        if pieces is None:
            pieces = []
            for font_name, run in runs(text):
                font = pdfmetrics.getFont(font_name)
                for subset, chunk in font.splitString(run, self._doc):
                    name = self._subset_name(font, subset)
                    pieces.append((name, f"({escapePDF(chunk)}) Tj"))
            self._encodings[text] = pieces
        return pieces

    def _subset_name(self, font: TTFont, subset: int) -> str:
        key = (font.fontName, subset)
        name = self._subset_names.get(key)
        if name is None:
            name = self._subset_names[key] = font.getSubsetInternalName(subset, self._doc)
        return name

    def _draw(self, page: Page, footer: Footer, qr_name: str, number: int, total: int) -> None:
        c = self.canvas
        c.setPageSize(page.size)
        if page.lines:
            c.setLineWidth(LINE_WIDTH)
            c.addLiteral(stroke_path(page.lines))
        for x, y, w, h, png in page.images:
            c.drawImage(ImageReader(io.BytesIO(png)), x, y, w, h, mask="auto")
        # One text object for the page. Titles are drawn filled and outlined (render
        # mode 2), a bold face the font does not have.
        ops = [f"{BOLD_STROKE} w BT"]
        font, size, bold = "", 0.0, False
        for texts in (page.texts, footer_texts(page.size, footer, number, total)):
            for x, y, text_size, string, text_bold in texts:
                if text_bold != bold:
                    ops.append("2 Tr" if text_bold else "0 Tr")
                    bold = text_bold
                ops.append(f"1 0 0 1 {x:.2f} {y:.2f} Tm")
                for piece_font, operator in self._encoded(string):
                    if piece_font != font or text_size != size:
                        ops.append(f"{piece_font} {text_size:g} Tf")
                        font, size = piece_font, text_size
                    ops.append(operator)
        ops.append("0 Tr ET" if bold else "ET")
        c.addLiteral(" ".join(ops))
        c.saveState()
        c.translate(page.size[0] - footer.bottom_margin - QR_SIZE, footer.bottom_margin)
        c.doForm(qr_name)
        c.restoreState()
        c.showPage()
        if page.pdf is not None:
            self.placed.append((self.pages, page.pdf))
        self.pages += 1

    def finish(self) -> None:
        self.canvas.save()
        if self.placed:
            from caseworker.printing.placing import place_pdf_pages

            place_pdf_pages(self._buffer, self.placed, self._out)
        else:
            self._out.write(self._buffer.getbuffer())
        self._buffer = io.BytesIO()


assert FOOTER_H >= QR_SIZE  # the footer area holds the QR code


def _merged(spans: dict[float, list[tuple[float, float]]]) -> list[tuple[float, float, float]]:
    """Touching or overlapping spans on one line joined: (position, start, end)."""
    out = []
    for at, pieces in spans.items():
        pieces.sort()
        start, end = pieces[0]
        for lo, hi in pieces[1:]:
            if lo <= end + 0.01:
                end = max(end, hi)
            else:
                out.append((at, start, end))
                start, end = lo, hi
        out.append((at, start, end))
    return out


def stroke_path(lines: list[tuple[float, float, float, float]]) -> str:
    """PDF operators stroking a page's rules.

    Neighbouring boxes share borders and the boxes of a table line up: segments on one
    line are joined, so each rule is one segment (a table's column rule runs its whole
    height), written with one decimal (0.04 mm).
    """
    across: dict[float, list[tuple[float, float]]] = {}
    down: dict[float, list[tuple[float, float]]] = {}
    other = []
    for x1, y1, x2, y2 in lines:
        if abs(y1 - y2) < 0.01:
            across.setdefault(round(y1, 1), []).append((min(x1, x2), max(x1, x2)))
        elif abs(x1 - x2) < 0.01:
            down.setdefault(round(x1, 1), []).append((min(y1, y2), max(y1, y2)))
        else:
            other.append(f"{x1:.1f} {y1:.1f} m {x2:.1f} {y2:.1f} l")
    parts = [f"{lo:.1f} {y:.1f} m {hi:.1f} {y:.1f} l" for y, lo, hi in _merged(across)]
    parts += [f"{x:.1f} {lo:.1f} m {x:.1f} {hi:.1f} l" for x, lo, hi in _merged(down)]
    return "n " + " ".join(parts + other) + " S"


def footer_texts(
    size: tuple[float, float], footer: Footer, number: int, total: int
) -> list[tuple[float, float, float, str, bool]]:
    """The texts of a page's footer: its number in the middle, then at the left the
    reference, print date and the policy the amounts follow (the QR code goes at the
    right)."""
    width = size[0]
    base = footer.bottom_margin
    number_text = f"第 {number} 页 共 {total} 页"
    x = (width - text_width(number_text, PAGE_NUMBER_SIZE)) / 2
    texts = [(x, base + 11 * MM, PAGE_NUMBER_SIZE, number_text, False)]
    room = width - 2 * base - QR_SIZE - 3 * MM
    info = [
        f"{footer.key_label}：{footer.shown_key}　　打印日期：{cn_date(footer.printed_on)}",
        f"计算依据：{footer.policy}",
    ]
    y = base + 6.5 * MM
    for line in [line for part in info for line in wrap(part, room, FOOTER_SIZE)][:3]:
        texts.append((base, y, FOOTER_SIZE, line, False))
        y -= FOOTER_SIZE * 1.3
    return texts


def render_to_bytes(title: str, draw: Callable[[PdfBuilder], None]) -> bytes:
    """A whole PDF in memory (for a preview)."""
    out = io.BytesIO()
    builder = PdfBuilder(out, title=title)
    draw(builder)
    builder.finish()
    return out.getvalue()


@contextmanager
def atomic_output(path: Path) -> Iterator[BinaryIO]:
    """A file to write ``path`` through: renamed into place on success, removed on any
    error or cancellation, so no partial PDF is ever left behind."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# Where a PDF goes: a file (written atomically), or memory (a preview nobody saved yet
# is never written to disk, where it would outlive a crash in clear).
Output = Path | BinaryIO


def write_pdf(output: Output, title: str, draw: Callable[[PdfBuilder], None]) -> int:
    """Write a PDF to ``output`` (a file atomically); return its number of pages."""
    if not isinstance(output, Path):
        return _drawn(output, title, draw)
    with atomic_output(output) as out:
        return _drawn(out, title, draw)


def _drawn(out: BinaryIO, title: str, draw: Callable[[PdfBuilder], None]) -> int:
    builder = PdfBuilder(out, title=title)
    draw(builder)
    builder.finish()
    return builder.pages
