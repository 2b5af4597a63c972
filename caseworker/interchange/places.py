"""Where each value of a household read from a roster came from: the cell (``Place``) and
the household's object with the cell of each of its values (``Draft``), so that every
problem is said at its sheet, row and column.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from caseworker.domain.validation import FieldError, Problem
from caseworker.interchange import cells


@dataclass(slots=True)  # not frozen: one is made per cell read, and frozen costs twice
class Place:
    """A cell: its sheet, its row as the spreadsheet numbers it, its column's header."""

    sheet: str
    row: int
    header: str
    value: Any

    @property
    def zh(self) -> str:
        return f"{self.sheet} 第{self.row}行 “{self.header}”" if self.header else self.row_zh

    @property
    def en(self) -> str:
        if self.header:
            return f"{self.sheet} row {self.row}, column '{self.header}'"
        return f"{self.sheet} row {self.row}"

    @property
    def row_zh(self) -> str:
        return f"{self.sheet} 第{self.row}行"

    def error(self, problem: Problem, *, about: tuple[str, str] | None = None) -> FieldError:
        """A problem said at this cell; ``about`` names the field when the cell is only
        the nearest one to it (a missing value has no cell of its own)."""
        zh, en = (f"{about[0]}：", f"{about[1]}: ") if about else ("", "")
        return FieldError(
            field="",
            value=cells.shown(self.value) if not cells.is_empty(self.value) else None,
            code=problem.code,
            label_zh=self.zh,
            label_en=self.en,
            problem_zh=zh + problem.zh,
            problem_en=en + problem.en,
        )


@dataclass
class Draft:
    """One household read from the sheet: its interchange object, and the cell each of
    its values came from (keyed by the value's path, such as ``members[1].id_number``)."""

    data: dict[str, Any]
    # A cell as read, or (row, column) of the sheet, made a Place only for a problem:
    # most cells never need one, and a 20,000-row roster has hundreds of thousands.
    places: dict[str, "Place | tuple[int, int]"]
    first: Place  # the household's first row
    locate: Callable[[int, int], Place]
    reported: set[str] = field(default_factory=set)  # paths whose problem is already said

    def already_said(self, path: str) -> bool:
        """Whether the value at ``path`` (or the cell it came from) was already refused
        when its cell was read: ``parse_household`` would only add "is required"."""
        return path in self.reported

    def place_of(self, path: str) -> tuple[Place, bool]:
        """The cell a path's value came from, or the nearest one (a household rule such
        as "exactly one head" is said at the household's first row); and whether it is
        the value's own cell."""
        own = True
        while path:
            found = self.places.get(path)
            if found is not None:
                return (found if isinstance(found, Place) else self.locate(*found)), own
            cut = max(path.rfind("."), path.rfind("["))
            path = path[:cut] if cut > 0 else ""
            own = False
        return self.first, False
