"""``caseworker export``: write households (with their regions) to an interchange file."""

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path

from caseworker.commands import export_reports, help_of
from caseworker.commands.common import EXIT_OK, CommandError, add_db_option, store_from
from caseworker.domain.records import Household
from caseworker.interchange.files import export_pieces, write_atomically
from caseworker.store import audit
from caseworker.store.households import household_villages, iter_households
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
        from caseworker.screening import policy_library

        calendar = policy_library(store).work_calendar()
        with store.read() as conn:
            regions = regions_with_ancestors(conn, household_villages(conn, village_codes=villages))
            counted = _Counted(iter_households(conn, village_codes=villages))
            pieces = export_pieces(counted, regions, calendar)
            if args.out:
                # One household at a time into the file (a county's store would not fit in
                # memory whole), within one read: the file shows one moment of the store.
                write_atomically(args.out, pieces)
            else:
                text = "".join(pieces)  # nothing reaches the output unless all of it does
        with store.begin() as conn:
            audit.record(
                conn,
                device_id=store.device_id,
                actor=store.actor,
                action=audit.Action.EXPORT,
                detail={
                    "village": args.village,
                    "households": counted.count,
                    "file": str(args.out) if args.out else "stdout",
                },
            )
    finally:
        store.close()
    if args.out:
        print(f"已导出{counted.count}户 / exported {counted.count} households: {args.out}")
    else:
        sys.stdout.write(text)
    return EXIT_OK


class _Counted:
    """Households passed through as they come, counted."""

    def __init__(self, households: Iterator[Household]) -> None:
        self.households = households
        self.count = 0

    def __iter__(self) -> Iterator[Household]:
        for h in self.households:
            self.count += 1
            yield h
