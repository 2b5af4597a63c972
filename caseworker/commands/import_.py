"""``caseworker import FILE...``: add or update households from interchange files, or
from one roster spreadsheet (.xlsx, .xls, .csv; see caseworker/importing/spreadsheet.py)."""

import argparse
from pathlib import Path

from caseworker.commands import help_of
from caseworker.commands.common import EXIT_OK, add_db_option, db_path, store_from
from caseworker.domain.records import Household
from caseworker.domain.regions import Region
from caseworker.importing.pipeline import import_households, read_household_files
from caseworker.interchange.sheets import is_spreadsheet
from caseworker.store import audit
from caseworker.store.db import Store
from caseworker.store.households import ImportResult, save_households


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = sub.add_parser("import", help=help_of("import"))
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE")
    sheets = parser.add_argument_group("spreadsheets 表格（.xlsx .xls .csv）")
    sheets.add_argument(
        "--mapping",
        metavar="NAME_OR_FILE",
        help="column mapping: roster-per-person, roster-per-household or a YAML file "
        "列对照表（不指定时按表头自动选择）",
    )
    sheets.add_argument("--sheet", metavar="NAME", help="worksheet 工作表名")
    sheets.add_argument(
        "--village",
        metavar="CODE_OR_NAME",
        help="village of households without a village column 表中无“村”列时各户所在的村（社区）",
    )
    sheets.add_argument(
        "--dry-run", action="store_true", help="check and show, write nothing 只检查，不写入"
    )
    sheets.add_argument(
        "--confirm-duplicates",
        action="store_true",
        help="import people flagged as possible duplicates as different people "
        "已核实疑似重复的人不是同一人，照常导入",
    )
    add_db_option(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if any(is_spreadsheet(p) for p in args.files):
        from caseworker.commands.import_sheet import run_spreadsheet

        return run_spreadsheet(args)
    read: tuple[list[Household], list[Region]] | None = None
    path = db_path(args)
    new = not path.exists()
    if new:
        # A new store is only created once the files are known to be good.
        read = read_household_files(args.files)
    store = store_from(args, create=True)  # households may start a new store
    done = False
    try:
        if read is None:
            # An existing store: a large file is written while it is being read.
            result = import_households(store, args.files)
        else:
            result = save_households(store, read[0], regions=read[1])
        _record_import(store, args.files, result)
        done = True
    finally:
        store.close()
        if new and not done:  # refused by the store's own checks: leave no empty store
            for suffix in ("", "-wal", "-shm", "-journal"):
                path.with_name(path.name + suffix).unlink(missing_ok=True)
    print(
        f"导入完成：新增{result.added}户，更新{result.updated}户，未变{result.unchanged}户\n"
        f"imported: {result.added} added, {result.updated} updated, {result.unchanged} unchanged"
    )
    return EXIT_OK


def _record_import(store: Store, files: list[Path], result: ImportResult) -> None:
    with store.begin() as conn:
        audit.record(
            conn,
            device_id=store.device_id,
            actor=store.actor,
            action=audit.Action.IMPORT,
            detail={
                "files": [str(p) for p in files],
                "added": result.added,
                "updated": result.updated,
                "unchanged": result.unchanged,
            },
        )
