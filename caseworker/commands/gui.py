"""Starting the desktop app (the ``caseworker`` command with no sub-command)."""

import argparse

from caseworker.commands.common import db_path


def run_gui(args: argparse.Namespace) -> int:
    """Hand over to the Qt application, which signs the worker in."""
    from caseworker.ui.app import run_app  # Qt is only imported when the GUI starts

    return run_app(db_path(args))
