"""Asking the user: the few modal questions the app puts, in one place.

Tests answer them by replacing these functions (the answer is the user's input).
"""

from PySide6.QtWidgets import QMessageBox, QWidget


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    """A yes/no question; True for yes."""
    answer = QMessageBox.question(parent, title, text)
    return answer == QMessageBox.StandardButton.Yes


def warn(parent: QWidget | None, title: str, text: str) -> None:
    """Tell the user something went wrong (and what to do)."""
    QMessageBox.warning(parent, title, text)
