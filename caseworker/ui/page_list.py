"""The main window's list of pages, a row per page of its stack, each named with its
shortcut (Ctrl+1, Ctrl+2, ... in the order of the list) in its tooltip."""

from PySide6.QtCore import QEvent
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QListWidget, QWidget


class PageList(QListWidget):
    """The navigation list; ``page_actions`` choose its rows by their shortcuts, for the
    window to add (their shortcuts set by ``set_shortcuts`` once it is drawn)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedWidth(150)
        self.page_actions: list[QAction] = []
        for row in range(len(self.names())):
            self.addItem("")
            action = QAction(self)
            action.triggered.connect(lambda _=False, row=row: self.setCurrentRow(row))
            self.page_actions.append(action)
        self.retranslate()

    def set_shortcuts(self) -> None:
        """Ctrl+1, Ctrl+2, ... (setting a shortcut loads Qt's namespace of enums, a
        hundredth of a second the first paint need not wait for)."""
        for row, action in enumerate(self.page_actions):
            action.setShortcut(QKeySequence(f"Ctrl+{row + 1}"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def names(self) -> tuple[str, ...]:
        """The pages' names, in the order of the main window's stack of pages."""
        return (
            self.tr("Home"),
            self.tr("Households"),
            self.tr("Household"),
            self.tr("Print centre"),
            self.tr("Policy"),
            self.tr("Sync"),
            self.tr("Settings"),
        )

    def retranslate(self) -> None:
        for row, text in enumerate(self.names()):
            item = self.item(row)
            item.setText(text)
            item.setToolTip(f"{text} (Ctrl+{row + 1})")
        self.setAccessibleName(self.tr("Pages"))
