"""``caseworker export --report``: the reports for the township, the county and the bank."""

import argparse
import re
from pathlib import Path

from caseworker.commands.common import EXIT_OK, CommandError, store_from
from caseworker.reports.changes import changes_report
from caseworker.reports.history import Month
from caseworker.reports.payments import payments_report
from caseworker.reports.roster import roster_report
from caseworker.reports.sheets import write_csv, write_xlsx
from caseworker.store import audit
from caseworker.store.households import iter_households
from caseworker.store.regions import region_names, village_codes

REPORTS = ("roster", "payments", "changes")
FORMATS = ("xlsx", "csv")
ENCODINGS = ("gb18030", "utf-8-sig")


def add_options(parser: argparse.ArgumentParser) -> None:
    """The options of ``export --report`` (the household export ignores them)."""
    parser.add_argument("--report", choices=REPORTS, help="write a report instead of households")
    parser.add_argument("--month", metavar="YYYY-MM", help="the report's month")
    parser.add_argument("--township", metavar="CODE", help="only this township (9-digit code)")
    parser.add_argument("--format", choices=FORMATS, default="xlsx", help="report file format")
    parser.add_argument(
        "--encoding", choices=ENCODINGS, default="gb18030", help="csv encoding (default GB18030)"
    )


def _month(text: str | None) -> tuple[int, int]:
    match = re.fullmatch(r"(\d{4})-(\d{2})", text or "")
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise CommandError(
            f"月份“{text or ''}”无效（格式：2026-11）", f"month '{text or ''}' is not YYYY-MM"
        )
    return int(match.group(1)), int(match.group(2))


def run_report(args: argparse.Namespace) -> int:
    """Write the report named by ``args.report`` to ``args.out``."""
    year, month = _month(args.month)
    if args.out is None:
        raise CommandError("报表须用 --out 指定文件", "a report needs --out FILE")
    out: Path = args.out
    store = store_from(args)
    try:
        with store.read() as conn:
            known = village_codes(conn)
            names = region_names(conn)
            villages = _villages(args, known, names)
            households = list(iter_households(conn, village_codes=villages))
        unit_code = args.township or (args.village[:9] if args.village else None)
        unit = names.get(unit_code, "") if unit_code else ""
        if args.report == "roster":
            report = roster_report(households, names, month=Month(year, month), unit=unit)
        elif args.report == "changes":
            report = changes_report(households, month=Month(year, month), unit=unit)
        else:
            report = payments_report(households, names, month=Month(year, month), unit=unit)
        if args.format == "csv":
            write_csv(report, out, encoding=args.encoding)
        else:
            write_xlsx(report, out)
        with store.begin() as conn:
            audit.record(
                conn,
                device_id=store.device_id,
                actor=store.actor,
                action=audit.Action.EXPORT,
                detail={
                    "report": args.report,
                    "month": args.month,
                    "village": args.village,
                    "township": args.township,
                    "rows": len(report.rows),
                    "file": str(out),
                },
            )
    finally:
        store.close()
    print(f"已导出报表{len(report.rows)}行 / exported a report of {len(report.rows)} rows: {out}")
    return EXIT_OK


def _villages(args: argparse.Namespace, known: set[str], names: dict[str, str]) -> list[str] | None:
    if args.village:
        if args.village not in known:
            raise CommandError(
                f"村（社区）代码“{args.village}”不在本地数据库中",
                f"village code '{args.village}' is not in this store",
            )
        return [args.village]
    if args.township:
        if args.township not in names:
            raise CommandError(
                f"乡镇（街道）代码“{args.township}”不在本地数据库中",
                f"township code '{args.township}' is not in this store",
            )
        return sorted(code for code in known if code.startswith(args.township))
    return None
