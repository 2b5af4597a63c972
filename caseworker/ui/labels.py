"""Words for domain codes in the app's current language."""

from caseworker.domain.codes import LabelledCode
from caseworker.domain.wording import code_words
from caseworker.ui.i18n import current_language, is_chinese


def label(code: LabelledCode | None, *, unknown: str = "") -> str:
    """The label of a code in the current language (``unknown`` for None)."""
    if code is None:
        return unknown
    return code_words(code, language())


def language() -> str:
    """The app's language as the Qt-free wording functions take it: "zh" or "en"."""
    return "zh" if current_language().startswith("zh") else "en"


def yuan(fen: int | None) -> str:
    """An amount for display: "1,200.00 元" / "¥1,200.00"."""
    if fen is None:
        return ""
    from caseworker.domain.money import format_yuan  # not needed for the first window

    text = format_yuan(fen)
    whole, _, cents = text.partition(".")
    sign = "-" if whole.startswith("-") else ""
    grouped = f"{int(whole.lstrip('-')):,}"
    return f"{sign}{grouped}.{cents} 元" if is_chinese() else f"{sign}¥{grouped}.{cents}"
