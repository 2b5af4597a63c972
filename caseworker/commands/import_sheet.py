"""``caseworker import FILE.xlsx|FILE.xls|FILE.csv``: households from a roster
spreadsheet, checked like a JSON import, all or nothing (the import command dispatches
here on the file's suffix)."""

import argparse
import sys

from caseworker.commands.common import EXIT_BAD_INPUT, EXIT_OK, CommandError, db_path, store_from
from caseworker.importing.spreadsheet import (
    DuplicatesNotConfirmed,
    SheetPreview,
    import_spreadsheet,
    preview_spreadsheet,
)
from caseworker.interchange.sheets import ENCODING_WORDS


def run_spreadsheet(args: argparse.Namespace) -> int:
    """Preview the sheet, report what was read, then import it (unless --dry-run)."""
    if len(args.files) != 1:
        raise CommandError(
            "表格一次只能导入一个文件", "import one spreadsheet at a time (one FILE)"
        )
    if not db_path(args).exists():
        # A roster carries no regions: its villages must already be in the store.
        raise CommandError(
            f"数据库{db_path(args).name}不存在：表格中没有行政区划，请在已有本村（社区）的数据库中导入",
            f"the store {db_path(args).name} does not exist: a roster carries no regions, "
            "import it into a store that knows its villages",
        )
    store = store_from(args)
    try:
        preview = preview_spreadsheet(
            args.files[0],
            store=store,
            mapping=args.mapping,
            sheet=args.sheet,
            village=args.village,
        )
        _describe(preview)
        if not preview.ok:
            raise preview.failure()
        if preview.duplicates:
            _list_duplicates(preview, confirmed=args.confirm_duplicates)
        if args.dry_run:
            print(
                f"检查完毕（未写入）：可导入{len(preview.households)}户\n"
                f"checked, nothing written: {len(preview.households)} household(s) can be imported"
            )
            return EXIT_BAD_INPUT if preview.duplicates and not args.confirm_duplicates else EXIT_OK
        try:
            result = import_spreadsheet(store, preview, confirmed=args.confirm_duplicates)
        except DuplicatesNotConfirmed:
            print(
                "错误：有疑似重复的人，未写入任何数据。核实他们不是同一人后，加--confirm-duplicates再导入；"
                "是同一人的，请改正表格。\n"
                "error: possible duplicates found; nothing was written. Once checked that they "
                "are different people, import again with --confirm-duplicates; otherwise "
                "correct the sheet.",
                file=sys.stderr,
            )
            return EXIT_BAD_INPUT
    finally:
        store.close()
    print(
        f"导入完成：新增{result.added}户，更新{result.updated}户，未变{result.unchanged}户\n"
        f"imported: {result.added} added, {result.updated} updated, {result.unchanged} unchanged"
    )
    return EXIT_OK


def _describe(preview: SheetPreview) -> None:
    """What was read and how: the sheet, the encoding, the mapping, the columns left out."""
    lines_zh = [f"表格：{preview.file}，工作表“{preview.sheet}”，表头在第{preview.header_row}行"]
    lines_en = [
        f"spreadsheet: {preview.file}, sheet '{preview.sheet}', header row {preview.header_row}"
    ]
    if preview.encoding is not None:
        zh, en = ENCODING_WORDS[preview.encoding]
        lines_zh.append(f"文件编码：{zh}")
        lines_en.append(f"encoding: {en}")
    how_zh = "按表头自动选择" if preview.mapping_chosen else "指定"
    how_en = "chosen from the headers" if preview.mapping_chosen else "as given"
    lines_zh.append(f"对照表：{preview.mapping.name}（{preview.mapping.title}，{how_zh}）")
    lines_en.append(f"mapping: {preview.mapping.name} ({preview.mapping.title_en}, {how_en})")
    if preview.columns.ignored:
        lines_zh.append("不导入的列（本系统暂无此项）：" + "、".join(preview.columns.ignored))
        lines_en.append(
            "columns not imported (no such field yet): " + ", ".join(preview.columns.ignored)
        )
    if preview.columns.unknown:
        lines_zh.append("未识别的列（未导入）：" + "、".join(preview.columns.unknown))
        lines_en.append(
            "columns not recognised (not imported): " + ", ".join(preview.columns.unknown)
        )
    lines_zh.append(f"读到{len(preview.drafts)}户")
    lines_en.append(f"{len(preview.drafts)} household(s) read")
    print("\n".join(lines_zh + lines_en))


def _list_duplicates(preview: SheetPreview, *, confirmed: bool) -> None:
    out = sys.stdout if confirmed else sys.stderr
    count = len(preview.duplicates)
    if confirmed:
        print(f"疑似重复{count}处（已确认不是同一人，照常导入）：", file=out)
        print(f"{count} possible duplicate(s), confirmed as different people:", file=out)
    else:
        print(f"疑似重复{count}处，请核实：", file=out)
        print(f"{count} possible duplicate(s) to check:", file=out)
    for duplicate in preview.duplicates[:100]:
        print(f"  - {duplicate.zh}", file=out)
        print(f"    {duplicate.en}", file=out)
    if count > 100:
        print(f"  ……另有{count - 100}处未列出\n    ... and {count - 100} more", file=out)
