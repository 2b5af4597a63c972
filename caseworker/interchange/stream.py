"""Reading a large household file one household at a time.

A whole 100,000-household document parsed at once takes seconds before the first
household can be checked; read one at a time, checking (and writing) starts at once.
Only the two shapes large files have stream: the export document exactly as
``export_document`` writes it (``format``, ``regions``, ``households``, in that order) and
a plain list of households. Anything else, and anything wrong (bad JSON, a wrong format,
a bad region), raises ``NotStreamable``: the caller then reads the file the ordinary way
(``read_household_file``), which gives the one true answer, errors included.
"""

import re
from collections.abc import Iterator
from typing import Any

from caseworker.domain.regions import Region
from caseworker.domain.validation import ValidationFailed
from caseworker.interchange.files import DECODER, EXPORT_FORMAT, parse_regions

_SPACE = re.compile(r"[ \t\n\r]*")  # JSON's whitespace, as the json module skips it
_EXPORT_KEYS = ("format", "regions", "households")


class NotStreamable(Exception):
    """This file cannot (or should not) be read one household at a time."""


class _Reader:
    def __init__(self, text: str) -> None:
        self.text = text
        self.at = 0

    def skip(self) -> str:
        """Skip whitespace; the next character ('' at the end)."""
        self.at = _SPACE.match(self.text, self.at).end()  # type: ignore[union-attr]
        return self.text[self.at : self.at + 1]

    def expect(self, char: str) -> None:
        if self.skip() != char:
            raise NotStreamable(f"expected {char!r} at {self.at}")
        self.at += 1

    def value(self) -> Any:
        self.skip()
        try:
            value, self.at = DECODER.raw_decode(self.text, self.at)
        except ValueError as exc:
            raise NotStreamable(str(exc)) from exc
        return value

    def items(self) -> Iterator[Any]:
        """The elements of the array starting here, one by one."""
        self.expect("[")
        if self.skip() == "]":
            self.at += 1
            return
        while True:
            yield self.value()
            following = self.skip()
            self.at += 1
            if following == "]":
                return
            if following != ",":
                raise NotStreamable(f"expected ',' or ']' at {self.at - 1}")

    def end(self) -> None:
        if self.skip() != "":
            raise NotStreamable(f"extra data at {self.at}")


def stream_households(text: str) -> tuple[list[Region], Iterator[Any]]:
    """The regions of a household file and an iterator over its households' JSON objects
    (unchecked: each goes through ``parse_household``). The iterator raises
    ``NotStreamable`` if the rest of the file turns out not to be what it seemed."""
    reader = _Reader(text)
    first = reader.skip()
    if first == "[":
        return [], _then_end(reader, reader.items())
    if first != "{":
        raise NotStreamable("neither an export document nor a list")
    reader.at += 1
    regions: list[Region] = []
    for index, key in enumerate(_EXPORT_KEYS):
        if index:
            reader.expect(",")
        if reader.value() != key:
            raise NotStreamable("not an export document in the order it is written")
        reader.expect(":")
        if key == "format" and reader.value() != EXPORT_FORMAT:
            raise NotStreamable("not this export format")
        if key == "regions":
            try:
                regions = parse_regions(reader.value() or [])
            except ValidationFailed as exc:
                raise NotStreamable("a bad region") from exc
    return regions, _then_end(reader, reader.items(), closing="}")


def _then_end(reader: _Reader, items: Iterator[Any], closing: str = "") -> Iterator[Any]:
    yield from items
    if closing:
        reader.expect(closing)
    reader.end()
