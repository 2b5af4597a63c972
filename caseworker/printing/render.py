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

from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from caseworker import __version__
from caseworker.printing.definitions import MM
from caseworker.printing.fonts import FONT_NAME, register_font, text_width
from caseworker.printing.layout import FOOTER_H, Page
from caseworker.printing.qr import qr_matrix, qr_runs
from caseworker.printing.text import cn_date
from caseworker.printing.wrap import wrap

QR_SIZE = 14 * MM
FOOTER_SIZE = 7.5
PAGE_NUMBER_SIZE = 9.0
LINE_WIDTH = 0.6
BOLD_STROKE = 0.35  # outline added to titles: the font has no bold face


@dataclass(frozen=True, slots=True)
class Footer:
    """What the footer of each page of one document says."""

    key: str  # the record id: in text and in the QR code
    key_label: str  # e.g. 户编号
    printed_on: date
    policy: str  # the policy pack that produced the amounts, or that none was used
    bottom_margin: float  # pt


class PdfBuilder:
    """A PDF being drawn page by page."""

    def __init__(self, out: BinaryIO, *, title: str) -> None:
        register_font()
        self.canvas = Canvas(
            out,
            initialFontName=FONT_NAME,
            initialFontSize=10,
            pageCompression=1,
        )
        self.canvas.setTitle(title)
        self.canvas.setCreator(f"Caseworker {__version__}")
        self.canvas.setAuthor("Caseworker")
        self._qr_names: dict[str, str] = {}
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
            path = c.beginPath()
            top = QR_SIZE
            for row, col, length in qr_runs(matrix):
                path.rect(col * module, top - (row + 1) * module, length * module, module)
            c.drawPath(path, stroke=0, fill=1)
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

    def _draw(self, page: Page, footer: Footer, qr_name: str, number: int, total: int) -> None:
        c = self.canvas
        c.setPageSize(page.size)
        if page.lines:
            c.setLineWidth(LINE_WIDTH)
            c.lines(page.lines)
        for x, y, w, h, png in page.images:
            c.drawImage(ImageReader(io.BytesIO(png)), x, y, w, h, mask="auto")
        text = c.beginText()
        size = 0.0
        bold = False
        for texts in (page.texts, footer_texts(page.size, footer, number, total)):
            for x, y, text_size, string, text_bold in texts:
                if text_size != size:
                    text.setFont(FONT_NAME, text_size)
                    size = text_size
                if text_bold != bold:
                    text.setTextRenderMode(2 if text_bold else 0)
                    bold = text_bold
                text.setTextOrigin(x, y)
                text.textOut(string)
        c.setLineWidth(BOLD_STROKE)
        c.drawText(text)
        c.saveState()
        c.translate(page.size[0] - footer.bottom_margin - QR_SIZE, footer.bottom_margin)
        c.doForm(qr_name)
        c.restoreState()
        c.showPage()
        self.pages += 1

    def finish(self) -> None:
        self.canvas.save()


assert FOOTER_H >= QR_SIZE  # the footer area holds the QR code


def footer_texts(
    size: tuple[float, float], footer: Footer, number: int, total: int
) -> list[tuple[float, float, float, str, bool]]:
    """The texts of a page's footer: its number in the middle, then at the left the
    record id, print date and policy pack (the QR code goes at the right)."""
    width = size[0]
    base = footer.bottom_margin
    number_text = f"第 {number} 页 共 {total} 页"
    x = (width - text_width(number_text, PAGE_NUMBER_SIZE)) / 2
    texts = [(x, base + 11 * MM, PAGE_NUMBER_SIZE, number_text, False)]
    room = width - 2 * base - QR_SIZE - 3 * MM
    info = [
        f"{footer.key_label}：{footer.key}　　打印日期：{cn_date(footer.printed_on)}",
        f"政策包：{footer.policy}",
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


def write_pdf(path: Path, title: str, draw: Callable[[PdfBuilder], None]) -> int:
    """Write a PDF atomically; return its number of pages."""
    with atomic_output(path) as out:
        builder = PdfBuilder(out, title=title)
        draw(builder)
        builder.finish()
    return builder.pages
