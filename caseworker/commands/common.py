"""What the sub-commands share: the ``--db`` option, opening the store, reporting errors."""

import argparse
import sys
from pathlib import Path

from caseworker.config import default_db_path
from caseworker.domain.validation import ValidationFailed
from caseworker.store.db import Store, open_store

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_BAD_INPUT = 2


class CommandError(Exception):
    """A failure to report to the user (message in Chinese and English); nothing written."""

    def __init__(self, zh: str, en: str, status: int = EXIT_BAD_INPUT) -> None:
        super().__init__(f"{zh} / {en}")
        self.zh = zh
        self.en = en
        self.status = status


def add_db_option(parser: argparse.ArgumentParser, *, suppress_default: bool = True) -> None:
    """``--db PATH``, accepted before or after the sub-command."""
    parser.add_argument(
        "--db",
        type=Path,
        metavar="PATH",
        default=argparse.SUPPRESS if suppress_default else None,
        help="the local database file (default: in the user data folder)",
    )


def store_from(args: argparse.Namespace) -> Store:
    """Open the store named by ``--db`` (or the default one)."""
    return open_store(args.db or default_db_path())


def report_error(error: Exception) -> None:
    """Print an error for a person: each problem in Chinese, then in English."""
    out = sys.stderr
    if isinstance(error, ValidationFailed):
        print(f"错误：发现{len(error.errors)}处问题，未写入任何数据。", file=out)
        print(f"error: {len(error.errors)} problem(s) found; nothing was written.", file=out)
        for e in error.errors:
            print(f"  - {e.message_zh}", file=out)
            print(f"    {e.message_en}", file=out)
    elif isinstance(error, CommandError):
        print(f"错误：{error.zh}", file=out)
        print(f"error: {error.en}", file=out)
    else:
        print(f"错误 / error: {error}", file=out)
