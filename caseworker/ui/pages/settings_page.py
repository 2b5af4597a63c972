"""Settings: the language of the app (Chinese by default, English available), the type
size (normal, large, extra large), and backups (the last one, backing up now, restoring
one), and the store (its size, compacting it)."""

from PySide6.QtCore import QEvent
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from caseworker.store.db import Store
from caseworker.ui.backup_runner import BackupRunner
from caseworker.ui.fonts import apply_type_size
from caseworker.ui.i18n import current_language, install_language
from caseworker.ui.pages.backup_panel import BackupPanel
from caseworker.ui.pages.store_panel import StorePanel
from caseworker.ui.settings import LANGUAGES, TYPE_SIZES, AppSettings

LANGUAGE_NAMES = {"zh_CN": "简体中文", "en": "English"}


class SettingsPage(QWidget):
    def __init__(
        self,
        settings: AppSettings,
        parent: QWidget | None = None,
        *,
        backups: BackupRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.language = QComboBox()
        for code in LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES[code], code)
        self.language.setCurrentIndex(max(self.language.findData(current_language()), 0))
        self.language_label = QLabel()
        self.type_size = QComboBox()
        for size in TYPE_SIZES:
            self.type_size.addItem("", size)
        self.type_size.setCurrentIndex(max(self.type_size.findData(settings.type_size), 0))
        self.type_size_label = QLabel()
        self.backup_panel = BackupPanel()
        self.store_panel = StorePanel()
        form = QFormLayout()
        for label, choice in (
            (self.language_label, self.language),
            (self.type_size_label, self.type_size),
        ):
            row = QHBoxLayout()  # a choice of a few words needs no whole screen's width
            row.addWidget(choice)
            row.addStretch()
            form.addRow(label, row)
        body = QWidget()
        column = QVBoxLayout(body)
        column.addLayout(form)
        column.addWidget(self.backup_panel)
        column.addWidget(self.store_panel)
        column.addStretch()
        # At 150% on a laptop the backups' sentences need more height than there is.
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(area)
        self.language.currentIndexChanged.connect(self._language_chosen)
        self.type_size.currentIndexChanged.connect(self._type_size_chosen)
        if backups is not None:
            self.backup_panel.attach(backups)
        self.retranslate()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        # The main window builds this page knowing only the settings; the window's
        # backups are found when the page is first shown in it.
        window = self.window()
        store = getattr(window, "store", None)
        if isinstance(store, Store) and self.store_panel.store is not store:
            self.store_panel.attach(store)
        else:
            self.store_panel.show_state()
        if self.backup_panel.backups is None:
            backups = window.findChild(BackupRunner)
            if not isinstance(backups, BackupRunner) and isinstance(store, Store):
                # A window opened without a session (no restore there): backing up works.
                backups = BackupRunner(store, parent=window)
            if isinstance(backups, BackupRunner):
                self.backup_panel.attach(backups)
        else:
            self.backup_panel.show_state()  # a daily backup may have been made meanwhile
        super().showEvent(event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.language_label.setText(self.tr("Language"))
        self.language.setAccessibleName(self.language_label.text())
        self.type_size_label.setText(self.tr("Type size"))
        self.type_size.setAccessibleName(self.type_size_label.text())
        names = (self.tr("Normal"), self.tr("Large"), self.tr("Extra large"))
        for index, name in enumerate(names):
            self.type_size.setItemText(index, name)

    def _language_chosen(self) -> None:
        code = self.language.currentData()
        self.settings.language = code
        install_language(code)

    def _type_size_chosen(self) -> None:
        size = self.type_size.currentData()
        self.settings.type_size = size
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_type_size(app, size)
