"""The ``caseworker`` command: with no sub-command it starts the desktop app.

Every sub-command lives in ``caseworker/commands/`` and registers itself here. Exit status:
0 done, 1 failed, 2 bad input (nothing was written).

Starting the desktop app (``caseworker`` or ``caseworker --db PATH``) loads none of the
sub-commands: they import ReportLab, SQLAlchemy and the policy engine, which the app's
first windows do not need and would only make the worker wait for.
"""

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from caseworker import __version__


class _NotTheApp(Exception):
    """The command line asks for more than the desktop app."""


class _AppOnlyParser(argparse.ArgumentParser):
    """Recognises the desktop app's own command line; anything else is left to the full
    parser, which explains mistakes properly."""

    def error(self, message: str) -> NoReturn:
        raise _NotTheApp(message)


def app_database(argv: Sequence[str]) -> tuple[bool, Path | None]:
    """Whether ``argv`` starts the desktop app and nothing else (no sub-command, no other
    option), and the ``--db`` it names, if any."""
    parser = _AppOnlyParser(add_help=False, allow_abbrev=False)
    parser.add_argument("--db", type=Path)
    try:
        args, rest = parser.parse_known_args(list(argv))
    except _NotTheApp:
        return False, None
    return not rest, args.db


def run_gui(path: Path | None) -> int:
    """Hand over to the Qt application, which signs the worker in."""
    from caseworker.config import default_db_path
    from caseworker.ui.app import run_app  # Qt is only imported when the GUI starts

    return run_app(path or default_db_path())


def _subcommand_of(argv: Sequence[str]) -> str | None:
    """The sub-command ``argv`` names: its first word that is not an option or the value
    of ``--db`` (the only top-level option with a value)."""
    words = iter(argv)
    for word in words:
        if word == "--db":
            next(words, None)
        elif not word.startswith("-"):
            return word
    return None


def build_parser(argv: Sequence[str] = ()) -> argparse.ArgumentParser:
    """The full command line. The sub-command ``argv`` names is registered with all its
    options (its module imported); the others are listed by name and help only."""
    from caseworker.commands import SUBCOMMANDS, help_of, module_of
    from caseworker.commands.options import add_db_option
    from caseworker.commands.usage import BilingualParser

    # Every sub-command's and verb's parser is made of the same class by argparse, so all
    # of them say their mistakes in both languages.
    parser = BilingualParser(
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
    chosen = _subcommand_of(argv)
    registered: set[str] = set()
    for name, (module, _) in SUBCOMMANDS.items():
        if chosen in SUBCOMMANDS and module == SUBCOMMANDS[chosen][0]:
            if module not in registered:  # backup registers restore too
                module_of(name).register(sub)
                registered.add(module)
        else:
            sub.add_parser(name, help=help_of(name))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    app_only, path = app_database(sys.argv[1:] if argv is None else argv)
    if app_only:
        return run_gui(path)
    words = sys.argv[1:] if argv is None else list(argv)
    args = build_parser(words).parse_args(words)  # --help and --version end here
    from caseworker.commands.common import (
        EXIT_BAD_INPUT,
        EXIT_FAILED,
        CommandError,
        file_failure,
        report_error,
    )
    from caseworker.domain.validation import ValidationFailed
    from caseworker.store.failures import StoreError

    if args.self_test:
        if args.command is not None or args.db is not None:
            report_error(
                CommandError(
                    "--self-test不能与子命令或--db同时使用（自检只使用临时文件夹）",
                    "--self-test takes no sub-command and no --db (it works in a temporary folder)",
                )
            )
            return EXIT_BAD_INPUT
        from caseworker.selftest.runner import run_self_test

        return run_self_test()
    if args.command is None:
        return run_gui(args.db)
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
    except Exception as exc:
        from caseworker.commands.common import db_path
        from caseworker.store.failures import store_failure

        failure = store_failure(exc, db_path(args) if hasattr(args, "db") else None)
        if failure is not None:
            report_error(failure)
            return EXIT_BAD_INPUT
        if isinstance(exc, OSError):  # a file or folder named on the command line
            report_error(file_failure(exc))
            return EXIT_FAILED
        raise
    return status


if __name__ == "__main__":
    sys.exit(main())
