"""Flowing a form's blocks down its pages.

Layout turns a form definition and its values into pages of simple drawing operations
(text at a point, line segments, images), before anything is drawn: so the number of
pages of every document is known when its first page is drawn (for "第 x 页 共 y 页" and
a case file's contents). Text wraps inside its box and a box grows to hold it; a table
that does not fit continues on the next page under a repeated header; a box taller than a
whole page is split across pages. Nothing is ever drawn outside its box.
"""

from collections.abc import Callable
from dataclasses import dataclass

from caseworker.printing.boxes import (
    ASCENT,
    LEADING,
    PAD_X,
    PAD_Y,
    ROW_MIN,
    Box,
    Page,
    aligned,
    draw_row,
    split_row,
)
from caseworker.printing.context import SIGNER_KEY, Item, Values
from caseworker.printing.definitions import (
    MM,
    Block,
    Cell,
    FormDef,
    LineBlock,
    ListBlock,
    ParagraphBlock,
    RowBlock,
    SpaceBlock,
    TableBlock,
    TitleBlock,
)
from caseworker.printing.fonts import text_width
from caseworker.printing.signing import SignatureMark
from caseworker.printing.wrap import wrap

FOOTER_H = 17 * MM  # reserved above the bottom margin for the page footer


@dataclass
class _Portion:
    """The part of a table on one page: where it starts, for the merged side box."""

    block: TableBlock
    top: float
    size: float
    side_w: float


class Layout:
    """Lays out one form filled with one set of values."""

    def __init__(self, form: FormDef, values: Values) -> None:
        self.form = form
        self.values = values
        width, height = form.page_size
        top, right, bottom, left = form.margins
        self.x0, self.x1 = left, width - right
        self.width = self.x1 - self.x0
        self.top = height - top
        self.bottom = bottom + FOOTER_H
        self.size = form.font_size
        self.pages: list[Page] = []
        self._portion: _Portion | None = None  # the table on the page, for its side box
        self.page = self._new_page()
        self.y = self.top

    def _new_page(self) -> Page:
        if self.pages and self._portion is not None:
            self._close_portion()
        self.page = Page(self.form.page_size)
        self.pages.append(self.page)
        self.y = self.top
        if self._portion is not None:
            self._portion.top = self.top
        return self.page

    def _fresh(self) -> bool:
        return self.y >= self.top - 0.01

    def _need(self, height: float) -> None:
        """Start a new page unless ``height`` fits below the current position."""
        if self.y - height < self.bottom and not self._fresh():
            self._new_page()

    def _text(self, x: float, y: float, size: float, text: str, bold: bool = False) -> None:
        self.page.text(x, y, size, text, bold)

    # --- blocks -----------------------------------------------------------------------------
    def run(self) -> list[Page]:
        blocks = [b for b in self.form.blocks if not b.when or self.values.scalar(b.when)]
        for index, block in enumerate(blocks):
            if isinstance(block, RowBlock | TableBlock) and block.keep_with_next:
                self._keep_together(blocks[index:])
            self._block(block)
        return self.pages

    def _keep_together(self, blocks: list[Block]) -> None:
        """Start a new page unless the blocks that keep with the next (and the one they
        keep with) fit below the current position, so that no row goes over alone (a
        signature row under its table); not if together they fill more than a page."""
        height = 0.0
        for block in blocks:
            measured = self._height(block)
            if measured is None:
                break
            height += measured
            if not (isinstance(block, RowBlock | TableBlock) and block.keep_with_next):
                break
        if height <= self.top - self.bottom:
            self._need(height)

    def _height(self, block: Block) -> float | None:
        """The height a row or a table will take (None for other blocks)."""
        if isinstance(block, RowBlock):
            return max(ROW_MIN, *(b.needed() for b in self._row_boxes(block)))
        if isinstance(block, TableBlock):
            header, rows = self._table_boxes(block)
            row_min = block.row_height
            total = sum(max(row_min, *(b.needed() for b in row)) for row in rows)
            if any(c.header for c in block.columns):
                total += max(row_min, *(b.needed() for b in header))
            return total
        return None

    def _block(self, block: Block) -> None:
        if isinstance(block, TitleBlock):
            self._title(block)
        elif isinstance(block, LineBlock):
            self._line(block)
        elif isinstance(block, RowBlock):
            self._row(block)
        elif isinstance(block, TableBlock):
            self._table(block)
        elif isinstance(block, ParagraphBlock):
            self._paragraph(block)
        elif isinstance(block, ListBlock):
            self._list(block)
        elif isinstance(block, SpaceBlock):
            self.y -= block.height
            if self.y < self.bottom:
                self._new_page()

    def _flow_lines(
        self, lines: list[str], size: float, lead: float, align: str, bold: bool = False
    ) -> None:
        for line in lines:
            self._need(lead)
            x = aligned(self.x0, self.width, line, size, align)
            self._text(x, self.y - (lead - size) / 2 - size * ASCENT, size, line, bold)
            self.y -= lead

    def _title(self, block: TitleBlock) -> None:
        text = block.text.render(self.values.scalar)
        self._flow_lines(
            wrap(text, self.width, block.size), block.size, block.size * 1.5, "center", True
        )
        if block.subtitle is not None:
            sub = block.subtitle.render(self.values.scalar)
            size = self.size
            self._flow_lines(wrap(sub, self.width, size), size, size * 1.6, "center")
        self.y -= 2 * MM

    def _line(self, block: LineBlock) -> None:
        size = block.size or self.size
        lead = size * 1.6
        parts = [
            (t.render(self.values.scalar), align)
            for t, align in ((block.left, "left"), (block.center, "center"), (block.right, "right"))
            if t is not None
        ]
        parts = [(text, align) for text, align in parts if text]
        total = sum(text_width(text, size) for text, _ in parts) + 2 * size * (len(parts) - 1)
        if total <= self.width:
            self._need(lead)
            baseline = self.y - (lead - size) / 2 - size * ASCENT
            for text, align in parts:
                self._text(aligned(self.x0, self.width, text, size, align), baseline, size, text)
            self.y -= lead
            return
        for text, align in parts:
            self._flow_lines(wrap(text, self.width, size), size, lead, align)

    # --- rows of boxes ------------------------------------------------------------------------
    def _boxes(
        self,
        cells: list[tuple[float, Cell | None]],
        texts: list[str],
        marks: list[SignatureMark | None],
        x: float,
        width: float,
        aligns: list[str] | None = None,
        size: float | None = None,
    ) -> list[Box]:
        total = sum(w for w, _ in cells)
        boxes = []
        left = x
        for i, (w, cell) in enumerate(cells):
            box_w = width * w / total
            box_size = (cell.size if cell and cell.size else None) or size or self.size
            inner = box_w - 2 * PAD_X
            footer = cell.footer.render(self.values.scalar) if cell and cell.footer else ""
            lines = wrap(texts[i], inner, box_size)
            if cell is not None and cell.max_lines is not None:
                # Shrink rather than grow, so the row keeps its place on the page.
                while len(lines) > cell.max_lines and box_size - 0.5 >= cell.min_size:
                    box_size -= 0.5
                    lines = wrap(texts[i], inner, box_size)
            boxes.append(
                Box(
                    x=left,
                    w=box_w,
                    lines=lines,
                    size=box_size,
                    align=aligns[i] if aligns else (cell.align if cell else "left"),
                    valign=cell.valign if cell else "middle",
                    footer=footer,
                    mark=marks[i],
                    min_h=cell.min_height if cell else 0.0,
                )
            )
            left += box_w
        return boxes

    def _place_row(self, boxes: list[Box], min_h: float = ROW_MIN) -> None:
        """Place a row of boxes at the current position. A row taller than a whole page
        is split: what fits here, the rest on the following pages."""
        while True:
            height = max(min_h, *(b.needed() for b in boxes))
            room = self.y - self.bottom
            if height <= room:
                draw_row(self.page, boxes, self.y, height)
                self.y -= height
                return
            if not self._fresh() and (height <= self.top - self.bottom or room < 3 * ROW_MIN):
                self._new_page()
                continue
            head, boxes = split_row(boxes, room)
            draw_row(self.page, head, self.y, room)
            self.y -= room
            self._new_page()

    def _row_boxes(self, block: RowBlock) -> list[Box]:
        cells: list[tuple[float, Cell | None]] = [(c.w, c) for c in block.cells]
        texts = [c.text.render(self.values.scalar) for c in block.cells]
        marks = [self._head_mark() if c.signature == "head" else None for c in block.cells]
        return self._boxes(cells, texts, marks, self.x0, self.width)

    def _row(self, block: RowBlock) -> None:
        self._place_row(self._row_boxes(block))

    def _head_mark(self) -> SignatureMark | None:
        head = self.values.head
        return None if head is None else self.values.signature(head.id)

    # --- tables ------------------------------------------------------------------------------
    def _table_boxes(self, block: TableBlock) -> tuple[list[Box], list[list[Box]]]:
        """A table's header and rows (blank ones to its minimum, or the "empty" line)."""
        items = self.values.items(block.source)
        size = block.size or self.size
        total_w = sum(c.w for c in block.columns) + (block.side_w if block.side else 0)
        side_w = self.width * block.side_w / total_w if block.side else 0.0
        x, width = self.x0 + side_w, self.width - side_w
        cols: list[tuple[float, Cell | None]] = [(c.w, None) for c in block.columns]
        aligns = [c.align for c in block.columns]
        header = self._boxes(
            cols,
            [c.header for c in block.columns],
            [None] * len(cols),
            x,
            width,
            ["center"] * len(cols),
            size,
        )
        rows: list[list[Box]] = []
        for item in items:
            lookup = self._lookup(item)
            texts = [c.text.render(lookup) for c in block.columns]
            marks = [self._item_mark(item) if c.signature else None for c in block.columns]
            rows.append(self._boxes(cols, texts, marks, x, width, aligns, size))
        blank = [""] * len(cols)
        while len(rows) < block.min_rows:
            rows.append(self._boxes(cols, blank, [None] * len(cols), x, width, aligns, size))
        if not rows and block.empty:
            whole = self._boxes([(1.0, None)], [block.empty], [None], x, width, ["center"], size)
            rows.append(whole)
        return header, rows

    def _table(self, block: TableBlock) -> None:
        size = block.size or self.size
        total_w = sum(c.w for c in block.columns) + (block.side_w if block.side else 0)
        side_w = self.width * block.side_w / total_w if block.side else 0.0
        header, rows = self._table_boxes(block)
        row_min = block.row_height
        has_header = any(c.header for c in block.columns)
        self._portion = _Portion(block, self.y, size, side_w)
        for i, row in enumerate(rows):
            row_h = max(row_min, *(b.needed() for b in row))
            header_h = max(row_min, *(b.needed() for b in header)) if has_header else 0.0
            body = self.top - self.bottom
            if i == 0:
                self._need(header_h + min(row_h, body - header_h))
            elif self.y - row_h < self.bottom and row_h <= body:
                self._new_page()  # (a row taller than a page is split from here instead)
            if i == 0 or self._fresh():
                self._portion.top = self.y
                if has_header:
                    self._place_row(header, row_min)
            self._place_row(row, row_min)
        self._close_portion()
        self._portion = None

    def _lookup(self, item: Item) -> Callable[[str], str]:
        def lookup(name: str) -> str:
            return self.values.item_value(item, name)

        return lookup

    def _item_mark(self, item: Item) -> SignatureMark | None:
        signer = item.get(SIGNER_KEY, "")
        return self.values.signature(signer) if signer else None

    def _close_portion(self) -> None:
        """Draw the side box of the table's rows on the current page."""
        portion = self._portion
        assert portion is not None
        block, top, bottom = portion.block, portion.top, self.y
        side_w, size = portion.side_w, portion.size
        if not block.side or top - bottom < 1:
            return
        page = self.page
        lines = page.lines
        lines.append((self.x0, top, self.x0 + side_w, top))
        lines.append((self.x0, bottom, self.x0 + side_w, bottom))
        lines.append((self.x0, top, self.x0, bottom))
        text_lines = wrap(block.side, side_w - 2 * PAD_X, size)
        while len(text_lines) * size * LEADING > top - bottom - 2 * PAD_Y and size > 5:
            size -= 0.5  # a short portion of a table: shrink the label rather than overflow
            text_lines = wrap(block.side, side_w - 2 * PAD_X, size)
        lead = size * LEADING
        y = top - (top - bottom - len(text_lines) * lead) / 2
        for line in text_lines:
            x = aligned(self.x0 + PAD_X, side_w - 2 * PAD_X, line, size, "center")
            page.text(x, y - (lead - size) / 2 - size * ASCENT, size, line)
            y -= lead

    # --- running text -------------------------------------------------------------------------
    def _paragraph(self, block: ParagraphBlock) -> None:
        size = block.size or self.size
        text = block.text.render(self.values.scalar)
        indent = "\u3000" * block.indent
        lines: list[str] = []
        for para in text.split("\n"):
            lines.extend(wrap(indent + para, self.width, size) if para else [""])
        self._flow_lines(lines, size, size * block.leading, block.align)

    def _list(self, block: ListBlock) -> None:
        size = block.size or self.size
        lead = size * 1.5
        items = self.values.items(block.source)
        if not items and block.empty:
            self._flow_lines(wrap(block.empty, self.width, size), size, lead, "left")
        for n, item in enumerate(items, start=1):
            text = block.item.render(self._lookup({**item, "n": str(n)}))
            # A hanging indent: continuation lines start under the text, not the number.
            number, _, rest = text.partition("\u3000") if "\u3000" in text[:6] else ("", "", text)
            hang = text_width(number + "\u3000", size) if number else 0.0
            lines = wrap(rest, self.width - hang, size)
            for k, line in enumerate(lines):
                self._need(lead)
                baseline = self.y - (lead - size) / 2 - size * ASCENT
                if k == 0 and number:
                    self._text(self.x0, baseline, size, number)
                self._text(self.x0 + hang, baseline, size, line)
                self.y -= lead
