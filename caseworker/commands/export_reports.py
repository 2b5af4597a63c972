"""``caseworker export --report``: the reports for the township, the county and the bank."""

import argparse
from pathlib import Path

from caseworker.commands.common import EXIT_OK, CommandError, store_from
from caseworker.operations.reports import (
    ENCODINGS,
    FORMATS,
    REPORTS,
    ReportError,
    ReportRequest,
    build_report,
    parse_month,
    save_report,
)


def add_options(parser: argparse.ArgumentParser) -> None:
    """The options of ``export --report`` (the household export ignores them)."""
    parser.add_argument(
        "--report", choices=tuple(REPORTS), help="write a report instead of households"
    )
    parser.add_argument("--month", metavar="YYYY-MM", help="the report's month")
    parser.add_argument("--township", metavar="CODE", help="only this township (9-digit code)")
    parser.add_argument("--format", choices=FORMATS, default="xlsx", help="report file format")
    parser.add_argument(
        "--encoding", choices=ENCODINGS, default="gb18030", help="csv encoding (default GB18030)"
    )


def run_report(args: argparse.Namespace) -> int:
    """Write the report named by ``args.report`` to ``args.out``."""
    try:
        month = parse_month(args.month)
    except ReportError as exc:
        raise CommandError(exc.zh, exc.en) from exc
    if args.out is None:
        raise CommandError("报表须用 --out 指定文件", "a report needs --out FILE")
    out: Path = args.out
    request = ReportRequest(args.report, month, village=args.village, township=args.township)
    store = store_from(args)
    try:
        report = build_report(store, request)
        save_report(store, request, report, out, file_format=args.format, encoding=args.encoding)
    except ReportError as exc:
        raise CommandError(exc.zh, exc.en) from exc
    finally:
        store.close()
    print(f"已导出报表{len(report.rows)}行 / exported a report of {len(report.rows)} rows: {out}")
    return EXIT_OK
