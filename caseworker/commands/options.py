"""Options every sub-command takes, light enough for ``--help`` (no store loaded)."""

import argparse
from pathlib import Path


def add_db_option(parser: argparse.ArgumentParser, *, suppress_default: bool = True) -> None:
    """``--db PATH``, accepted before or after the sub-command."""
    parser.add_argument(
        "--db",
        type=Path,
        metavar="PATH",
        default=argparse.SUPPRESS if suppress_default else None,
        help="the local database file (default: in the user data folder)",
    )
