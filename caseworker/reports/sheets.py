"""Write one report table to xlsx (xlsxwriter) or csv (GB18030 by default).

A report is a title, the issuing unit and month, a header row, data rows and an optional total
row. Columns say whether they hold text (ID numbers, account numbers: kept as text so Excel
neither rounds them nor shows them in scientific notation) or money in integer fen (written as
numbers with two decimals, converted through Decimal, never float arithmetic).
"""

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

MONEY_FORMAT = "0.00"
# Column widths (Excel's units, about a character each) that A4 landscape holds at 70 %:
# wider tables print across pages at that scale instead of shrinking further.
ONE_PAGE_WIDE = 200
WIDE_SCALE = 70


@dataclass(frozen=True)
class Column:
    """One column: its header, its kind ('text', 'money' in fen, 'count') and its width."""

    header: str
    kind: str = "text"
    width: float = 12.0


@dataclass
class Report:
    """A report ready to write: title lines on top, columns, rows and the total row."""

    title: str
    unit: str
    month: str
    columns: Sequence[Column]
    rows: list[list[str | int]] = field(default_factory=list)
    total: list[str | int] | None = None
    total_in_words: str | None = None


def fen_to_decimal(fen: int) -> Decimal:
    """Integer fen to yuan as an exact Decimal with two places."""
    return (Decimal(fen) / 100).quantize(Decimal("0.01"))


def _cell(column: Column, value: str | int) -> object:
    if column.kind == "money" and isinstance(value, int):
        return fen_to_decimal(value)
    return value


def write_xlsx(report: Report, out: Path) -> None:
    """Write ``report`` as an xlsx workbook set up for A4 landscape printing: the title over
    the table, ruled cells, the header repeated on every page, page numbers at the foot;
    one page wide where that keeps the type readable, else the first columns (who the row
    is) repeated on every page across.

    Written row by row (xlsxwriter's constant-memory mode): a payment list of 100,000
    households neither waits for a workbook built in memory nor holds one.
    """
    import xlsxwriter

    book = xlsxwriter.Workbook(str(out), {"constant_memory": True})
    try:
        sheet = book.add_worksheet(report.title[:31])
        ruled = {"border": 1, "valign": "vcenter"}
        # Text, so Excel keeps an 18-digit ID or a 19-digit account whole.
        formats = {
            "text": book.add_format({**ruled, "num_format": "@"}),
            "money": book.add_format({**ruled, "num_format": MONEY_FORMAT}),
            "count": book.add_format(ruled),
        }
        heading = book.add_format({**ruled, "bold": True, "align": "center", "text_wrap": True})
        title = book.add_format({"bold": True, "font_size": 14, "align": "center"})
        last = len(report.columns) - 1
        for index, column in enumerate(report.columns):
            sheet.set_column(index, index, column.width)
        header_row = 2  # the third row, counted from 0
        sheet.freeze_panes(header_row + 1, 0)
        sheet.repeat_rows(header_row)
        sheet.set_landscape()
        sheet.set_paper(9)  # A4
        sheet.set_footer("&C第 &P 页，共 &N 页")
        if sum(c.width for c in report.columns) <= ONE_PAGE_WIDE:
            sheet.fit_to_pages(1, 0)
            # Centred over the table; a single column needs no merge.
            if last > 0:
                sheet.merge_range(0, 0, 0, last, report.title, title)
            else:
                sheet.write_string(0, 0, report.title, title)
        else:  # a roster with many members: pages across, each saying whose row it is
            sheet.set_print_scale(WIDE_SCALE)
            sheet.repeat_columns(0, min(2, last))
            # On the first page, not centred over pages the reader sees later.
            sheet.write_string(0, 0, report.title, book.add_format({"bold": True, "font_size": 14}))
        sheet.write_string(1, 0, f"填报单位：{report.unit}    月份：{report.month}")
        for index, column in enumerate(report.columns):
            sheet.write_string(header_row, index, column.header, heading)
        row_number = header_row
        for row in [*report.rows, *([report.total] if report.total else [])]:
            row_number += 1
            for index, (column, value) in enumerate(zip(report.columns, row, strict=True)):
                cell = formats.get(column.kind, formats["text"])
                if isinstance(value, int):
                    number = fen_to_decimal(value) if column.kind == "money" else value
                    sheet.write_number(row_number, index, number, cell)
                else:
                    sheet.write_string(row_number, index, value, cell)
        if report.total_in_words:
            sheet.write_string(row_number + 1, 0, f"合计（大写）：{report.total_in_words}")
    finally:
        book.close()


def csv_text(report: Report) -> str:
    """The report as csv text (title lines, header, rows, total), amounts as '0.00'."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([report.title])
    writer.writerow([f"填报单位：{report.unit}    月份：{report.month}"])
    writer.writerow([c.header for c in report.columns])
    for row in [*report.rows, *([report.total] if report.total else [])]:
        writer.writerow([str(_cell(c, v)) for c, v in zip(report.columns, row, strict=True)])
    if report.total_in_words:
        writer.writerow([f"合计（大写）：{report.total_in_words}"])
    return buffer.getvalue()


def write_csv(report: Report, out: Path, encoding: str = "gb18030") -> None:
    """Write ``report`` as csv; GB18030 by default so Excel on Chinese Windows opens it."""
    out.write_bytes(csv_text(report).encode(encoding))


def yuan_in_words(fen: int) -> str:
    """An amount in fen in Chinese capital figures (大写), e.g. 83005 -> 捌佰叁拾元零伍分."""
    import cn2an

    return str(cn2an.an2cn(str(fen_to_decimal(fen)), "rmb"))
