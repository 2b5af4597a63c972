"""Reports written to real files and read back (openpyxl; csv decoded as GB18030)."""

from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook

from caseworker.reports.sheets import Column, Report, write_csv, write_xlsx


def _report() -> Report:
    return Report(
        title="低保金发放明细",
        unit="示例镇人民政府",
        month="2026-11",
        columns=[
            Column("姓名"),
            Column("身份证号", width=22),
            Column("保障金", kind="money"),
            Column("账号", width=24),
        ],
        rows=[
            ["李䶮", "110101199003071234", 83000, "6217000010001234567"],
            ["𠮷田", "11010119900307123X", 5, "6228480010001234"],
        ],
        total=["合计", "", 83005, ""],
        total_in_words="捌佰叁拾元零伍分",
    )


def test_xlsx_keeps_ids_and_accounts_as_text_and_amounts_as_numbers(tmp_path: Path) -> None:
    out = tmp_path / "payments.xlsx"
    write_xlsx(_report(), out)
    sheet = load_workbook(out).active
    assert sheet is not None
    assert sheet["A1"].value == "低保金发放明细"
    assert sheet["B4"].value == "110101199003071234"
    assert sheet["D4"].value == "6217000010001234567"
    assert sheet["B4"].data_type == "s"
    assert Decimal(str(sheet["C4"].value)) == Decimal("830.00")
    assert sheet["C4"].number_format == "0.00"
    assert Decimal(str(sheet["C6"].value)) == Decimal("830.05")
    assert sheet["A7"].value == "合计（大写）：捌佰叁拾元零伍分"
    assert sheet.freeze_panes == "A4"
    assert sheet.page_setup.orientation == "landscape"
    assert str(sheet.page_setup.paperSize) == "9"  # A4
    assert abs(sheet.column_dimensions["B"].width - 22) < 1  # as Excel stores 22 characters
    assert sheet.print_title_rows == "$3:$3"


def test_a_narrow_report_prints_one_page_wide_and_a_wide_one_across_pages(
    tmp_path: Path,
) -> None:
    narrow = tmp_path / "narrow.xlsx"
    write_xlsx(_report(), narrow)
    sheet = load_workbook(narrow).active
    assert sheet is not None
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.page_setup.fitToWidth in (None, 1) and sheet.page_setup.fitToHeight == 0
    assert "A1:D1" in {str(r) for r in sheet.merged_cells.ranges}  # title over the table
    assert sheet["A4"].border.left.style == "thin"  # ruled cells
    assert "&P" in sheet.oddFooter.center.text  # page numbers
    members = [Column(f"成员{n}身份证号", width=22) for n in range(1, 10)]
    wide = Report("花名册", "示例镇", "2026年11月", [Column("属地"), *members])
    wide.rows = [["示例村", *[f"11010119900307{n:03d}X" for n in range(9)]]]
    out = tmp_path / "wide.xlsx"
    write_xlsx(wide, out)
    sheet = load_workbook(out).active
    assert sheet is not None
    assert not sheet.sheet_properties.pageSetUpPr.fitToPage  # not shrunk past reading
    assert sheet.page_setup.scale == 70
    assert sheet.print_title_cols == "$A:$C"  # each page across says whose row it is


def test_csv_is_gb18030_with_rare_characters(tmp_path: Path) -> None:
    out = tmp_path / "payments.csv"
    write_csv(_report(), out)
    text = out.read_bytes().decode("gb18030")
    assert "李䶮,110101199003071234,830.00,6217000010001234567" in text
    assert "𠮷田" in text
    assert "合计,,830.05," in text


def test_total_in_chinese_capital_figures() -> None:
    from caseworker.reports.sheets import yuan_in_words

    assert yuan_in_words(83005) == "捌佰叁拾元零伍分"
    assert yuan_in_words(10000000) == "壹拾万元整"
