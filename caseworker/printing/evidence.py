"""The 证明材料 section of a case file: an index of the household's evidence, then each
attachment on A4 with its caption, in the index's order.

A photo is placed whole within the margins. A PDF's pages are each given a page with the
caption, and the PDF page itself is drawn into it, scaled to fit, when the document is
finished (``render.PlacedPdfPage``). Removed attachments are never printed. Content is
read as each household is laid out, so a batch holds the photos of one household at a
time while it reads them.
"""

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlab.lib.pagesizes import A4

from caseworker.domain.evidence import Attachment, MediaType
from caseworker.domain.records import Household
from caseworker.printing.boxes import ASCENT, PAD_X, PAD_Y, Page, PlacedPdfPage
from caseworker.printing.definitions import MM
from caseworker.printing.fonts import text_width
from caseworker.printing.layout import FOOTER_H
from caseworker.printing.text import cn_date
from caseworker.printing.wrap import wrap

SECTION_TITLE = "证明材料"
INDEX_TITLE = "证明材料目录"
NONE_YET = "暂无证明材料"
WHOLE_HOUSEHOLD = "全户"
MARGIN = 20 * MM
BOTTOM = 8 * MM  # the footer's own margin, as on the cover
TITLE_SIZE = 16.0
HEAD_SIZE = 12.0
CAPTION_SIZE = 10.0
TABLE_SIZE = 10.0
LEADING = 1.35
# The index's columns: heading and width (mm); the note takes the rest of the line.
COLUMNS = (("序号", 11), ("材料种类", 30), ("所属成员", 24), ("拍摄（出具）日期", 32), ("页数", 11))

# A small picture is not blown up past 144 pixels an inch (half a point a pixel), where
# it would print as blocks; a PDF page is not enlarged at all.
PHOTO_LARGEST = 0.5

ContentOf = Callable[[str], bytes]
"""The content of an attachment, by its SHA-256."""


@dataclass(frozen=True, slots=True)
class Evidence:
    """A household's kept attachments (in the order they are printed) and how to read
    their content."""

    attachments: Sequence[Attachment]
    content: ContentOf


def member_name(household: Household, attachment: Attachment) -> str:
    """Whose the attachment is, as printed: a member's name or 全户 (the household)."""
    if attachment.member_id is None:
        return WHOLE_HOUSEHOLD
    for member in household.members:
        if member.id == attachment.member_id:
            return member.name
    return "原家庭成员"  # a member since removed from the household


def kept(evidence: Evidence) -> list[Attachment]:
    """The attachments that are printed: not removed, oldest first as the store gives."""
    return [a for a in evidence.attachments if not a.removed]


PAGE_W, PAGE_H = float(A4[0]), float(A4[1])


def _top() -> float:
    return PAGE_H - MARGIN


def _room_bottom() -> float:
    return BOTTOM + FOOTER_H + 4 * MM


def _width() -> float:
    return PAGE_W - 2 * MARGIN


def _index_row(household: Household, number: int, a: Attachment) -> list[str]:
    return [
        str(number),
        a.kind.zh,
        member_name(household, a),
        cn_date(a.taken_on),
        str(a.pages),
        a.note,
    ]


def _row_height(cells: list[list[str]]) -> float:
    lines = max(len(c) for c in cells)
    return lines * TABLE_SIZE * LEADING + 2 * PAD_Y


def _draw_row(page: Page, y: float, cells: list[list[str]], widths: list[float]) -> float:
    """Draw one table row whose top is at ``y``; the y of its bottom."""
    height = _row_height(cells)
    x = MARGIN
    for lines, w in zip(cells, widths, strict=True):
        line_y = y - PAD_Y - ASCENT * TABLE_SIZE
        for line in lines:
            page.text(x + PAD_X, line_y, TABLE_SIZE, line)
            line_y -= TABLE_SIZE * LEADING
        page.lines.append((x, y, x, y - height))
        x += w
    page.lines.append((x, y, x, y - height))
    page.lines.append((MARGIN, y, x, y))
    page.lines.append((MARGIN, y - height, x, y - height))
    return y - height


def _index_page_start(household: Household, count: int, pages: int, more: bool) -> Page:
    page = Page((PAGE_W, PAGE_H))
    title = INDEX_TITLE + ("（续）" if more else "")
    page.text(
        (PAGE_W - text_width(title, TITLE_SIZE)) / 2, _top() - TITLE_SIZE, TITLE_SIZE, title, True
    )
    head = household.head
    summary = f"户主：{head.name if head else ''}　　共{count}份，{pages}页"
    page.text(MARGIN, _top() - TITLE_SIZE - 10 * MM, CAPTION_SIZE, summary)
    return page


def index_pages(household: Household, attachments: Sequence[Attachment]) -> list[Page]:
    """The index of the section: one line per attachment (number, kind, member or 全户,
    date, pages, note), or 暂无证明材料."""
    pages_in_all = sum(a.pages for a in attachments)
    page = _index_page_start(household, len(attachments), pages_in_all, more=False)
    if not attachments:
        page.text(MARGIN, _top() - TITLE_SIZE - 22 * MM, HEAD_SIZE, NONE_YET)
        return [page]
    widths = [w * MM for _, w in COLUMNS]
    widths.append(_width() - sum(widths))
    heading = [[name] for name, _ in COLUMNS] + [["备注"]]
    rows = [
        [
            wrap(cell, w - 2 * PAD_X, TABLE_SIZE) or [""]
            for cell, w in zip(values, widths, strict=True)
        ]
        for values in (_index_row(household, n, a) for n, a in enumerate(attachments, 1))
    ]
    out = [page]
    y = _draw_row(page, _top() - TITLE_SIZE - 14 * MM, heading, widths)
    for cells in rows:
        if y - _row_height(cells) < _room_bottom():
            page = _index_page_start(household, len(attachments), pages_in_all, more=True)
            out.append(page)
            y = _draw_row(page, _top() - TITLE_SIZE - 14 * MM, heading, widths)
        y = _draw_row(page, y, cells, widths)
    return out


def caption(household: Household, a: Attachment, number: int, count: int) -> list[str]:
    """The lines printed above an attachment: which one of how many, what it is, whose,
    when, and its note."""
    lines = [
        f"{SECTION_TITLE}　第{number}份，共{count}份",
        f"{a.kind.zh}　{member_name(household, a)}　{cn_date(a.taken_on)}",
    ]
    if a.note:
        lines += wrap(f"备注：{a.note}", _width(), CAPTION_SIZE)[:3]
    return lines


def _captioned_page(lines: list[str]) -> tuple[Page, float]:
    """A page with the caption at its top; the y below which the attachment goes."""
    page = Page((PAGE_W, PAGE_H))
    y = _top() - HEAD_SIZE
    page.text(MARGIN, y, HEAD_SIZE, lines[0], True)
    for line in lines[1:]:
        y -= CAPTION_SIZE * 1.6
        page.text(MARGIN, y, CAPTION_SIZE, line)
    return page, y - 4 * MM


def _fit(
    width: float, height: float, top: float, largest: float
) -> tuple[float, float, float, float]:
    """Where a picture of ``width`` x ``height`` goes, as large as fits below ``top`` but
    enlarged at most ``largest`` times, centred across the page: (x, y, w, h)."""
    room_w, room_h = _width(), top - _room_bottom()
    scale = min(room_w / width, room_h / height, largest)
    w, h = width * scale, height * scale
    return (PAGE_W - w) / 2, top - h, w, h


def _frame(page: Page, x: float, y: float, w: float, h: float) -> None:
    page.lines += [
        (x, y, x + w, y),
        (x, y + h, x + w, y + h),
        (x, y, x, y + h),
        (x + w, y, x + w, y + h),
    ]


def _image_page(lines: list[str], content: bytes) -> Page:
    from PIL import Image

    with Image.open(io.BytesIO(content)) as image:
        width, height = image.size
    page, top = _captioned_page(lines)
    x, y, w, h = _fit(width, height, top, PHOTO_LARGEST)
    page.images.append((x, y, w, h, content))
    _frame(page, x, y, w, h)
    return page


def _pdf_pages(
    lines: list[str], a: Attachment, content: bytes, content_of: ContentOf
) -> list[Page]:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(content))
    pages = []
    for index, source in enumerate(reader.pages):
        width, height = _shown_size(source)
        page_lines = [f"{lines[0]}　（第{index + 1}页，共{len(reader.pages)}页）", *lines[1:]]
        page, top = _captioned_page(page_lines)
        x, y, w, h = _fit(width, height, top, 1.0)
        page.pdf = PlacedPdfPage(a.sha256, content_of, index, (x, y, w, h))
        _frame(page, x, y, w, h)
        pages.append(page)
    return pages


def _shown_size(page: object) -> tuple[float, float]:
    """A PDF page's size as it is seen (turned by its /Rotate)."""
    box = page.cropbox  # type: ignore[attr-defined]
    width, height = float(box.width), float(box.height)
    if int(page.get("/Rotate", 0) or 0) % 180:  # type: ignore[attr-defined]
        return height, width
    return width, height


def attachment_pages(
    household: Household,
    a: Attachment,
    number: int,
    count: int,
    content: bytes,
    content_of: ContentOf,
) -> list[Page]:
    """The pages of one attachment: a photo on one page, each page of a PDF on its own
    (drawn in when the document is finished, read again then by ``content_of``)."""
    lines = caption(household, a, number, count)
    if a.media_type is MediaType.PDF:
        return _pdf_pages(lines, a, content, content_of)
    return [_image_page(lines, content)]


def evidence_section(household: Household, evidence: Evidence) -> list[Page]:
    """The section's pages: the index, then every attachment in the index's order."""
    attachments = kept(evidence)
    pages = index_pages(household, attachments)
    for number, a in enumerate(attachments, 1):
        content = evidence.content(a.sha256)
        pages += attachment_pages(household, a, number, len(attachments), content, evidence.content)
    return pages
