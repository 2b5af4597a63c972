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


def choose(parent: QWidget | None, title: str, text: str, choices: list[str]) -> int | None:
    """A question with several answers (and Cancel); the index of the one chosen, or None
    for Cancel."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    buttons = [box.addButton(choice, QMessageBox.ButtonRole.AcceptRole) for choice in choices]
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    clicked = box.clickedButton()
    return buttons.index(clicked) if clicked in buttons else None


def open_file(parent: QWidget | None, title: str, filters: str) -> str | None:
    """A file to open, chosen by the user; None if they cancelled."""
    from PySide6.QtWidgets import QFileDialog

    path, _ = QFileDialog.getOpenFileName(parent, title, "", filters)
    return path or None
