"""The ``caseworker`` command: with no sub-command it starts the desktop app.

Every sub-command lives in ``caseworker/commands/`` and registers itself here. Exit status:
0 done, 1 failed, 2 bad input (nothing was written).
"""

import argparse
import sys
from collections.abc import Sequence

from caseworker import __version__
from caseworker.commands import COMMANDS
from caseworker.commands.common import EXIT_BAD_INPUT, CommandError, add_db_option, report_error
from caseworker.domain.validation import ValidationFailed
from caseworker.store.db import StoreError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="caseworker",
        description="Caseworker 社会救助入户调查与救助申请 / social assistance casework.",
    )
    parser.add_argument("--version", action="version", version=f"caseworker {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation in a temporary folder (never touches your records) "
        "自检：在临时文件夹中检查本程序是否完好",
    )
    add_db_option(parser, suppress_default=False)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in COMMANDS:
        command.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.self_test:
        if args.command is not None or args.db is not None:
            report_error(
                CommandError(
                    "--self-test不能与子命令或--db同时使用（自检只使用临时文件夹）",
                    "--self-test takes no sub-command and no --db (it works in a temporary folder)",
                )
            )
            return EXIT_BAD_INPUT
        from caseworker.selftest import run_self_test

        return run_self_test()
    if args.command is None:
        from caseworker.commands.gui import run_gui

        return run_gui(args)
    try:
        status: int = args.func(args)
    except ValidationFailed as failed:
        report_error(failed)
        return EXIT_BAD_INPUT
    except (CommandError, StoreError) as exc:
        report_error(exc)
        return getattr(exc, "status", EXIT_BAD_INPUT)
    except BrokenPipeError:
        return 0
    return status


if __name__ == "__main__":
    sys.exit(main())
