"""Starting the desktop app (the ``caseworker`` command with no sub-command)."""

import argparse

from caseworker.commands.common import store_from


def run_gui(args: argparse.Namespace) -> int:
    """Open the store, then hand over to the Qt application."""
    from caseworker.ui.app import run_app  # Qt is only imported when the GUI starts

    store = store_from(args)
    try:
        return run_app(store)
    finally:
        store.close()
