"""Languages: Qt Linguist translations of the app's own strings, Qt's for standard dialogs.

Source strings are English; ``resources/translations/caseworker_zh_CN.ts`` holds the
Chinese, compiled to ``.qm``. Domain labels (codes) carry both languages themselves and are
picked with ``labels.label``.
"""

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from caseworker.config import resource_path

_installed: list[QTranslator] = []
_current = "zh_CN"


def current_language() -> str:
    return _current


def is_chinese() -> bool:
    return _current.startswith("zh")


def install_language(language: str) -> None:
    """Switch the running app's language; open windows retranslate on LanguageChange."""
    global _current
    app = QCoreApplication.instance()
    assert app is not None, "create the QApplication first"
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _current = language
    QLocale.setDefault(
        QLocale(QLocale.Language.Chinese if is_chinese() else QLocale.Language.English)
    )
    if not is_chinese():
        return
    ours = QTranslator(app)
    if ours.load(str(resource_path("translations", f"caseworker_{language}.qm"))):
        app.installTranslator(ours)
        _installed.append(ours)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
