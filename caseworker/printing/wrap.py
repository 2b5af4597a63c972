"""Line breaking for Chinese text inside a box of a given width.

Chinese breaks between any two characters; runs of Latin letters and digits (ID numbers,
amounts, codes) are kept together unless a run alone is wider than the box, and so are
words joined by a slash ("元/月"). Closing punctuation never starts a line and opening
punctuation never ends one (the usual rule of Chinese typesetting), and nothing is ever
wider than the box.
"""

from functools import lru_cache

from caseworker.printing.fonts import text_width

# Characters that must not begin a line, and those that must not end one.
NO_LINE_START = frozenset("，。、；：？！）》」』】〕〉…,.;:?!)]}%’”")
NO_LINE_END = frozenset("（《「『【〔〈([{‘“")


def _units(text: str) -> list[str]:
    """Split text into unbreakable units: one CJK character, or a run of ASCII non-space."""
    units: list[str] = []
    run = ""
    for ch in text:
        if ch.isascii() and not ch.isspace():
            run += ch
            continue
        if run:
            units.append(run)
            run = ""
        units.append(ch)
    if run:
        units.append(run)
    return _glue_slashes(units)


def _glue_slashes(units: list[str]) -> list[str]:
    """A slash between words binds them ("元/月" is never broken at the slash)."""
    if "/" not in units:
        return units
    glued: list[str] = []
    join_next = False
    for unit in units:
        if unit == "/" and glued and not glued[-1].isspace():
            glued[-1] += unit
            join_next = True
        elif join_next and not unit.isspace():
            glued[-1] += unit
            join_next = False
        else:
            glued.append(unit)
            join_next = False
    return glued


def _split_wide(unit: str, width: float, size: float) -> list[str]:
    """Break one unit that is wider than the box into pieces that fit."""
    pieces: list[str] = []
    piece = ""
    for ch in unit:
        if piece and text_width(piece + ch, size) > width:
            pieces.append(piece)
            piece = ch
        else:
            piece += ch
    if piece:
        pieces.append(piece)
    return pieces


def _wrap_paragraph(text: str, width: float, size: float) -> list[str]:
    lines: list[list[str]] = [[]]
    used = 0.0
    for unit in _units(text):
        unit_width = text_width(unit, size)
        pieces = _split_wide(unit, width, size) if unit_width > width else [unit]
        for piece in pieces:
            piece_width = unit_width if len(pieces) == 1 else text_width(piece, size)
            line = lines[-1]
            if used + piece_width <= width or not line:
                line.append(piece)
                used += piece_width
                continue
            if piece.isspace():
                continue  # a space at a break disappears
            carried: list[str] = []
            # Move punctuation-bound characters so the rules above hold.
            if piece[0] in NO_LINE_START:
                # Carry the last character over too (and more, while it is itself one
                # that must not start a line).
                while len(line) > 1:
                    carried.insert(0, line.pop())
                    if carried[0][0] not in NO_LINE_START:
                        break
            while len(line) > 1 and line[-1] and line[-1][-1] in NO_LINE_END:
                carried.insert(0, line.pop())
            while line and line[-1].isspace():
                line.pop()
            lines.append([*carried, piece])
            used = sum(text_width(u, size) for u in lines[-1])
            if used > width:  # the carried characters made it too wide: give up the rule
                lines[-1] = [piece]
                lines[-2].extend(carried)
                used = piece_width
    return ["".join(line).rstrip() for line in lines]


def wrap(text: str, width: float, size: float) -> list[str]:
    """The lines of ``text`` in a box ``width`` pt wide at ``size`` pt; ``\\n`` breaks too.

    Empty text has no lines.
    """
    if not text:
        return []
    return list(_wrap(text, width, size))


@lru_cache(maxsize=16384)
def _wrap(text: str, width: float, size: float) -> tuple[str, ...]:
    # Cached: the labels and many values of a form repeat on every page of a batch.
    if "\n" not in text and text_width(text, size) <= width:
        return (text,)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines.extend(_wrap_paragraph(paragraph, width, size) if paragraph else [""])
    return tuple(lines)
