"""Settings: the language of the app (Chinese by default, English available)."""

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from caseworker.ui.i18n import current_language, install_language
from caseworker.ui.settings import LANGUAGES, AppSettings

LANGUAGE_NAMES = {"zh_CN": "简体中文", "en": "English"}


class SettingsPage(QWidget):
    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.language = QComboBox()
        for code in LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES[code], code)
        self.language.setCurrentIndex(max(self.language.findData(current_language()), 0))
        self.language_label = QLabel()
        form = QFormLayout()
        form.addRow(self.language_label, self.language)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch()
        self.language.currentIndexChanged.connect(self._language_chosen)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.language_label.setText(self.tr("Language"))

    def _language_chosen(self) -> None:
        code = self.language.currentData()
        self.settings.language = code
        install_language(code)
