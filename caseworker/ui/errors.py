"""Validation errors in the app's language: beside a field, or in full in a message box."""

from collections.abc import Iterable

from caseworker.domain.validation import FieldError
from caseworker.ui.i18n import is_chinese


def beside_field(error: FieldError) -> str:
    """The problem, with the refused value, for the line under the field itself."""
    value = "" if error.value is None else str(error.value)
    if is_chinese():
        return f"“{value}”：{error.problem_zh}" if value else error.problem_zh
    return f"'{value}': {error.problem_en}" if value else error.problem_en


def in_full(errors: Iterable[FieldError]) -> str:
    """Every error with its field named, one per line."""
    return "\n".join(e.message_zh if is_chinese() else e.message_en for e in errors)
