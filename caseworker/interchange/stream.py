"""Reading a large household file one household at a time.

A whole 100,000-household document parsed at once takes seconds before the first
household can be checked; read one at a time, checking (and writing) starts at once. A
file is also read and decoded a piece at a time (``file_pieces``), so the first household
does not wait for the whole file to be read either.
Only the two shapes large files have stream: the export document exactly as
``export_document`` writes it (``format``, ``regions``, ``households``, in that order) and
a plain list of households. Anything else, and anything wrong (bad JSON, a wrong format,
a bad region), raises ``NotStreamable``: the caller then reads the file the ordinary way
(``read_household_file``), which gives the one true answer, errors included.
"""

import codecs
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from caseworker.domain.regions import Region
from caseworker.domain.validation import ValidationFailed
from caseworker.interchange.files import DECODER, EXPORT_FORMAT, parse_regions

_SPACE = re.compile(r"[ \t\n\r]*")  # JSON's whitespace, as the json module skips it
_EXPORT_KEYS = ("format", "regions", "households")
PIECE_BYTES = 8 * 1024 * 1024


class NotStreamable(Exception):
    """This file cannot (or should not) be read one household at a time."""


def file_pieces(path: Path, size: int = PIECE_BYTES) -> Iterator[str]:
    """The text of a household file a piece at a time (a UTF-8 byte-order mark is
    allowed; bytes that are not UTF-8 raise UnicodeDecodeError)."""
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    with path.open("rb") as file:
        while block := file.read(size):
            yield decoder.decode(block)
    yield decoder.decode(b"", final=True)


class _Reader:
    """JSON values read in order from text that arrives in pieces."""

    def __init__(self, pieces: Iterator[str]) -> None:
        self._pieces = pieces
        self.text = ""
        self.at = 0

    def _more(self) -> bool:
        """Add the next piece to the text (dropping what has been read); False at the end."""
        piece = next(self._pieces, None)
        if piece is None:
            return False
        self.text = self.text[self.at :] + piece
        self.at = 0
        return True

    def skip(self) -> str:
        """Skip whitespace; the next character ('' at the end)."""
        while True:
            self.at = _SPACE.match(self.text, self.at).end()  # type: ignore[union-attr]
            if self.at < len(self.text) or not self._more():
                return self.text[self.at : self.at + 1]

    def value(self) -> Any:
        self.skip()
        while True:
            try:
                value, end = DECODER.raw_decode(self.text, self.at)
            except ValueError as exc:
                if self._more():  # perhaps only cut off where the piece ends
                    continue
                raise NotStreamable(str(exc)) from exc
            if end == len(self.text) and self._more():
                continue  # a number may go on in the next piece ("12" then "34")
            self.at = end
            return value

    def expect(self, char: str) -> None:
        if self.skip() != char:
            raise NotStreamable(f"expected {char!r} at {self.at}")
        self.at += 1

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


def stream_households(text: str | Iterator[str]) -> tuple[list[Region], Iterator[Any]]:
    """The regions of a household file and an iterator over its households' JSON objects
    (unchecked: each goes through ``parse_household``), from its text whole or in pieces
    (``file_pieces``). The iterator raises ``NotStreamable`` if the rest of the file turns
    out not to be what it seemed."""
    reader = _Reader(iter((text,)) if isinstance(text, str) else text)
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
