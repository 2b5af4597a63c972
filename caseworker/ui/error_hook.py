"""Errors that reach Qt's event loop, told in words.

A slot that raises (a save when the disk is full, a read of a damaged store) would
otherwise print a traceback to a console the specialist never sees, and the window would
carry on as if the click had done nothing. The hook shows the error as ``in_words`` puts it
(which logs an error it does not know) and the app goes on.
"""

import sys
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from caseworker.ui import ask
from caseworker.ui.i18n import is_chinese


def _show(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
    if not isinstance(error, Exception):  # KeyboardInterrupt, SystemExit: as Python does
        sys.__excepthook__(kind, error, trace)
        return
    # Loaded when an error comes, not before the first window (it loads cryptography).
    from caseworker.operations.messages import in_words

    ask.warn(
        QApplication.activeWindow(),
        QCoreApplication.translate("ErrorHook", "Not done"),
        in_words(error).text(is_chinese()),
    )


def install_error_hook() -> None:
    """Show every error that reaches the event loop in a message box, in words."""
    sys.excepthook = _show
