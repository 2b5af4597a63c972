"""``caseworker export``: write households (with their regions) to an interchange file."""

import argparse
import sys
from pathlib import Path

from caseworker.commands import export_reports, help_of
from caseworker.commands.common import EXIT_OK, CommandError, add_db_option, store_from
from caseworker.interchange.files import export_document, write_atomically
from caseworker.store import audit
from caseworker.store.households import iter_households
from caseworker.store.regions import regions_with_ancestors, village_codes


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = sub.add_parser("export", help=help_of("export"))
    parser.add_argument("--village", metavar="CODE", help="only this village (12-digit code)")
    parser.add_argument("--out", type=Path, metavar="FILE", help="output file (default: stdout)")
    add_db_option(parser)
    export_reports.add_options(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.report:
        return export_reports.run_report(args)
    store = store_from(args)
    try:
        with store.read() as conn:
            villages = None
            if args.village:
                if args.village not in village_codes(conn):
                    raise CommandError(
                        f"村（社区）代码“{args.village}”不在本地数据库中",
                        f"village code '{args.village}' is not in this store",
                    )
                villages = [args.village]
            households = list(iter_households(conn, village_codes=villages))
            regions = regions_with_ancestors(conn, {h.village_code for h in households})
        from caseworker.screening import policy_library

        text = export_document(households, regions, policy_library(store).work_calendar())
        if args.out:
            write_atomically(args.out, text)
        with store.begin() as conn:
            audit.record(
                conn,
                device_id=store.device_id,
                actor=store.actor,
                action=audit.Action.EXPORT,
                detail={
                    "village": args.village,
                    "households": len(households),
                    "file": str(args.out) if args.out else "stdout",
                },
            )
    finally:
        store.close()
    if args.out:
        print(f"已导出{len(households)}户 / exported {len(households)} households: {args.out}")
    else:
        sys.stdout.write(text)
    return EXIT_OK
