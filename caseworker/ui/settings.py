"""Per-user preferences of the desktop app (language, type size, window layout), kept
with QSettings.

The worker using the laptop is not here: it belongs to the store (``store/workers.py``).
"""

from pathlib import Path

from PySide6.QtCore import QLocale, QSettings

LANGUAGES = ("zh_CN", "en")
# Type sizes a person can choose, and how much larger than normal each is.
TYPE_SIZES = {"normal": 1.0, "large": 1.2, "extra_large": 1.5}


class AppSettings:
    """Typed access to the app's QSettings; ``path`` puts them in a given INI file (tests)."""

    def __init__(self, path: Path | None = None) -> None:
        if path is None:
            self._qs = QSettings("Caseworker", "caseworker")
        else:
            self._qs = QSettings(str(path), QSettings.Format.IniFormat)

    @property
    def language(self) -> str:
        """The chosen language, or the system's: English for an English system, else Chinese."""
        chosen = self._qs.value("language")
        if isinstance(chosen, str) and chosen in LANGUAGES:
            return chosen
        return "en" if QLocale.system().language() == QLocale.Language.English else "zh_CN"

    @language.setter
    def language(self, value: str) -> None:
        if value not in LANGUAGES:
            raise ValueError(f"unknown language {value!r}")
        self._qs.setValue("language", value)
        self._qs.sync()

    @property
    def type_size(self) -> str:
        """The chosen type size (``normal`` unless chosen)."""
        chosen = self._qs.value("type_size")
        return chosen if isinstance(chosen, str) and chosen in TYPE_SIZES else "normal"

    @type_size.setter
    def type_size(self, value: str) -> None:
        if value not in TYPE_SIZES:
            raise ValueError(f"unknown type size {value!r}")
        self.set_value("type_size", value)

    def value(self, key: str) -> object:
        return self._qs.value(key)

    def set_value(self, key: str, value: object) -> None:
        """Store a preference and write it out at once (not whenever Qt gets round to it,
        which may be after the app's folder is gone)."""
        self._qs.setValue(key, value)
        self._qs.sync()
