"""Text with fields: ``"户主：{head.name}"``. Form files write their labels and values so.

``{{`` and ``}}`` stand for literal braces. A template knows which fields it uses, so a
form file naming a field that does not exist is refused when the form is loaded, not when
a township prints 300 case files.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

_FIELD = re.compile(r"\{\{|\}\}|\{([a-z_][a-z0-9_.]*)\}|[{}]")


class TemplateError(ValueError):
    """A template with an unmatched brace or a bad field name."""


@dataclass(frozen=True, slots=True)
class Template:
    """Literal text and field names, in order."""

    parts: tuple[tuple[bool, str], ...]  # (is_field, text or field name)
    source: str

    @property
    def fields(self) -> frozenset[str]:
        return frozenset(text for is_field, text in self.parts if is_field)

    @property
    def is_literal(self) -> bool:
        return not any(is_field for is_field, _ in self.parts)

    def render(self, lookup: Callable[[str], str]) -> str:
        """The text with every field replaced by ``lookup(name)``."""
        if len(self.parts) == 1:
            is_field, text = self.parts[0]
            return lookup(text) if is_field else text
        return "".join(lookup(text) if is_field else text for is_field, text in self.parts)


def parse_template(source: str) -> Template:
    """Parse ``source``; raise TemplateError on a stray brace."""
    parts: list[tuple[bool, str]] = []
    literal = ""
    pos = 0
    for match in _FIELD.finditer(source):
        literal += source[pos : match.start()]
        pos = match.end()
        token = match.group(0)
        if token in ("{{", "}}"):
            literal += token[0]
        elif match.group(1):
            if literal:
                parts.append((False, literal))
                literal = ""
            parts.append((True, match.group(1)))
        else:
            raise TemplateError(f"unmatched '{token}' at position {match.start()} in {source!r}")
    literal += source[pos:]
    if literal or not parts:
        parts.append((False, literal))
    return Template(tuple(parts), source)
