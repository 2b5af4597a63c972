"""Reading the cells of a spreadsheet: .xlsx and .xls (calamine), .csv (any of the
encodings Excel and WPS save: UTF-8 with or without a byte-order mark, GBK/GB18030).

The encoding of a CSV file is found, never guessed: UTF-8 is tried first (a GBK file of
Chinese text is practically never valid UTF-8), then GB18030, a superset of GBK that also
holds rare characters such as 䶮 and 𠮷; the one used is reported to the person importing.
"""

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from caseworker.domain.validation import FieldError, ValidationFailed

SPREADSHEET_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xls", ".csv"})
Cell = Any  # str, float, int, bool, datetime.date / datetime, or "" for an empty cell

# Encodings as reported: (Chinese, English).
ENCODING_WORDS = {
    "utf-8-sig": ("UTF-8（带BOM）", "UTF-8 with a byte-order mark"),
    "utf-8": ("UTF-8", "UTF-8"),
    "gb18030": ("GBK（GB18030）", "GBK (GB18030)"),
}


@dataclass
class SheetCells:
    """The cells of one sheet, row by row, as read."""

    sheet: str  # the sheet's name (a CSV file: the file's name)
    rows: list[list[Cell]]
    encoding: str | None = None  # a CSV file's encoding (a key of ENCODING_WORDS)
    sheet_names: Sequence[str] = ()  # every sheet of the workbook


def file_error(source: str, code: str, zh: str, en: str) -> ValidationFailed:
    """A problem with a whole file, said with its name."""
    return ValidationFailed(
        [
            FieldError(
                field="",
                value=None,
                code=code,
                label_zh=source,
                label_en=source,
                problem_zh=zh,
                problem_en=en,
            )
        ]
    )


def is_spreadsheet(path: Path) -> bool:
    """Whether ``path`` is named as a spreadsheet (rather than a household JSON file)."""
    return path.suffix.lower() in SPREADSHEET_SUFFIXES


def read_workbook(path: Path, *, sheet: str | None = None) -> list[SheetCells]:
    """Every sheet of ``path`` (only ``sheet`` if named); ValidationFailed in words if the
    file cannot be read."""
    if not path.is_file():
        raise file_error(
            path.name,
            "not_a_file",
            "不是一个文件（或文件不存在）",
            "is not a file (or is not there)",
        )
    if path.suffix.lower() == ".csv":
        if sheet is not None:
            raise file_error(
                path.name,
                "sheet",
                "CSV文件只有一张表，不能指定工作表",
                "a CSV file has one sheet: --sheet does not apply",
            )
        return [_read_csv(path)]
    return _read_workbook(path, sheet)


def _read_workbook(path: Path, sheet: str | None) -> list[SheetCells]:
    from python_calamine import CalamineError, CalamineWorkbook

    try:
        book = CalamineWorkbook.from_path(str(path))
        names = list(book.sheet_names)
        wanted = [sheet] if sheet is not None else names
        if sheet is not None and sheet not in names:
            listed = "、".join(names)
            raise file_error(
                path.name,
                "sheet",
                f"没有名为“{sheet}”的工作表（有：{listed}）",
                f"has no sheet named {sheet!r} (it has: {', '.join(names)})",
            )
        return [
            SheetCells(
                sheet=name,
                rows=book.get_sheet_by_name(name).to_python(skip_empty_area=False),
                sheet_names=names,
            )
            for name in wanted
        ]
    except (CalamineError, OSError, ValueError) as exc:
        if isinstance(exc, ValidationFailed):
            raise
        raise file_error(
            path.name,
            "unreadable",
            "无法作为Excel表格读取（文件可能已损坏，或不是.xlsx/.xls文件）",
            f"cannot be read as a spreadsheet ({type(exc).__name__})",
        ) from exc


def decode_csv(data: bytes, source: str) -> tuple[str, str]:
    """The text of a CSV file and the encoding it was in (a key of ENCODING_WORDS)."""
    if data.startswith(b"\xef\xbb\xbf"):
        encodings: Sequence[str] = ("utf-8-sig",)
    else:
        encodings = ("utf-8", "gb18030")
    for encoding in encodings:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise file_error(
        source,
        "encoding",
        "既不是UTF-8也不是GBK（GB18030）编码的文本，无法读取：请用Excel或WPS另存为CSV后再导入",
        "is neither UTF-8 nor GBK (GB18030) text: save it as CSV from Excel or WPS again",
    )


def _read_csv(path: Path) -> SheetCells:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise file_error(
            path.name, "unreadable", "无法读取文件", f"cannot be read ({exc.strerror})"
        ) from exc
    text, encoding = decode_csv(data, path.name)
    first = text.split("\n", 1)[0]
    # Excel saves "CSV" with commas; "Unicode text" (and some county systems) with tabs.
    delimiter = "\t" if first.count("\t") > first.count(",") else ","
    try:
        rows = [list(row) for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    except csv.Error as exc:
        raise file_error(
            path.name, "csv", "不是有效的CSV表格", f"is not a valid CSV file ({exc})"
        ) from exc
    return SheetCells(sheet=path.name, rows=rows, encoding=encoding, sheet_names=(path.name,))
