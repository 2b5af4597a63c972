"""Households from the rows of a roster, as interchange objects.

Each household is built as the object a JSON file would hold (``caseworker.household/1``)
and then goes through the same ``parse_household`` and the same saving path as a JSON
import. What this module adds is the way back from a field to the cell it came from
(``Draft.places``, see ``places``), so that every problem is said at its sheet, row and
column, and the translation of cells (``cells``) and words (the mapping).
"""

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from caseworker.domain.regions import Region
from caseworker.domain.validation import FieldError, Problem
from caseworker.interchange import cells
from caseworker.interchange.columns import Columns, plan_columns
from caseworker.interchange.household_format import FORMAT
from caseworker.interchange.mappings import (
    HOUSEHOLD_FIELDS,
    MEMBER_FIELDS,
    PER_PERSON,
    SheetMapping,
    normalise_header,
)
from caseworker.interchange.places import Draft, Place
from caseworker.interchange.sheets import SheetCells
from caseworker.interchange.village_names import VillageNames

NEW_BENEFIT = "new"  # the change_kind code for "newly included"
FAILED = object()  # a cell that could not be read (its problem is already recorded)


@dataclass
class SheetRows:
    """A sheet read with a mapping: its households, and the problems found on the way."""

    sheet: str
    header_row: int  # as the spreadsheet numbers rows
    headers: list[str]
    columns: Columns
    drafts: list[Draft]
    problems: list[FieldError]


# How the total rows under a roster's households begin.
_TOTALS = ("合计", "小计", "总计")
# Where a household column's value goes in the household format.
_HOUSEHOLD_PATHS = {
    "village": "village_code",
    "benefit_kind": "benefits[0].program",
    "benefit_program": "benefits[0].program",
    "benefit_category": "benefits[0].category",
    "benefit_monthly_yuan": "benefits[0].monthly_yuan",
    "benefit_since": "benefits[0].since",
    "change_date": "benefits[0].since",
    "benefit_certificate_number": "benefits[0].certificate_number",
    "bank_name": "payment.bank_name",
    "account_name": "payment.account_name",
    "account_number": "payment.account_number",
}
_MEMBER_PATHS = {"disability_type": "disability.type", "disability_grade": "disability.grade"}


class _Reader:
    """Reads the rows of one sheet into drafts with one mapping."""

    def __init__(
        self,
        sheet: SheetCells,
        header_row: int,
        mapping: SheetMapping,
        villages: VillageNames,
        default_village: str | None,
    ) -> None:
        self.sheet = sheet.sheet
        self.rows = sheet.rows
        self.header_row = header_row
        self.headers = [normalise_header(c) for c in sheet.rows[header_row]]
        self.shown_headers = [cells.shown(c) for c in sheet.rows[header_row]]
        self.mapping = mapping
        self.plan = plan_columns(self.headers, mapping)
        self.villages = villages
        self.default_village = default_village
        self.problems: list[FieldError] = []
        self.words = {
            name: cells.words_for(name, mapping.values.get(name, {}))
            for name in {*HOUSEHOLD_FIELDS, *MEMBER_FIELDS}
        }
        self.converters = {name: self.converter(name) for name in self.words}

    # cells ---------------------------------------------------------------------------------
    def place(self, row: int, column: int) -> Place:
        values = self.rows[row]
        value = values[column] if column < len(values) else ""
        return Place(self.sheet, row + 1, self.shown_headers[column], value)

    def converter(self, name: str) -> Callable[[Any], Any]:
        """How a cell of field ``name`` becomes its interchange value."""
        labels = HOUSEHOLD_FIELDS.get(name) or MEMBER_FIELDS[name]
        words = self.words[name]
        if name == "id_number":
            return cells.id_number
        if name == "account_number":
            return cells.account_number
        if name == "benefit_monthly_yuan":
            return cells.money
        if name in ("benefit_since", "change_date", "birth_date"):
            return cells.day
        if name == "disability_grade":
            return lambda v: cells.whole_number(v, words)
        if name == "benefit_kind":
            return lambda v: cells.benefit_kind(v, words, *labels)
        if name == "change_kind":
            return lambda v: words.get(cells.shown(v), cells.text(v))
        if words and name not in ("village", "village_code"):
            return lambda v: cells.translate(v, words, *labels)
        return cells.text

    def converted(self, name: str, place: Place) -> Any:
        """The interchange value of a cell for field ``name`` (None for an empty cell;
        FAILED, with the problem recorded, if it cannot be read)."""
        try:
            return self.converters[name](place.value)
        except Problem as problem:
            self.problems.append(place.error(problem))
            return FAILED

    def filled(self, row: int) -> bool:
        """Whether a row holds a household's (or person's) data: not blank, and not the
        total rows a roster ends with (合计, 小计, 总计, and the total in capitals)."""
        values = [v for v in self.rows[row] if not cells.is_empty(v)]
        return bool(values) and not cells.shown(values[0]).strip().startswith(_TOTALS)

    # households ----------------------------------------------------------------------------
    def household_rows(self) -> Iterator[list[int]]:
        """The rows of each household, in the order the households first appear."""
        body = [r for r in range(self.header_row + 1, len(self.rows)) if self.filled(r)]
        if self.mapping.layout != PER_PERSON:
            yield from ([r] for r in body)
            return
        assert self.plan.key is not None  # a per-person mapping is only chosen with one
        groups: dict[str, list[int]] = {}
        for r in body:
            place = self.place(r, self.plan.key)
            convert = cells.id_number if "身份证" in place.header else cells.text
            try:
                key = convert(place.value)
            except Problem as problem:
                self.problems.append(place.error(problem))
                continue
            if key is None:
                self.problems.append(
                    place.error(
                        Problem(
                            "required",
                            "必须填写（同一户的各行此列相同）",
                            "is required (the rows of one household share it)",
                        )
                    )
                )
                continue
            groups.setdefault(key, []).append(r)
        yield from groups.values()

    def draft(self, rows: list[int]) -> Draft:
        places: dict[str, Place | tuple[int, int]] = {}
        reported: set[str] = set()
        first = Place(self.sheet, rows[0] + 1, "", "")
        members: list[dict[str, Any]] = []
        member_rows: list[tuple[int, dict[str, int], bool]] = []
        if self.mapping.layout == PER_PERSON:
            member_rows = [(r, self.plan.member, False) for r in rows]
        else:
            member_rows = [(rows[0], self.plan.member, True)]
            member_rows += [
                (rows[0], self.plan.numbered[n], False) for n in sorted(self.plan.numbered)
            ]
        for row, columns, is_head in member_rows:
            member = self.member(row, columns, len(members), places, reported, is_head=is_head)
            if member is not None:
                members.append(member)
        # The household's own columns: from the head's row first, then the others.
        head_index = next((i for i, m in enumerate(members) if m.get("relation") == "head"), 0)
        head = places.get(f"members[{head_index}]")
        head_row = head[0] if isinstance(head, tuple) else rows[0]
        order = [head_row, *(r for r in rows if r != head_row)]
        values: dict[str, tuple[Any, Place]] = {}
        for name, column in self.plan.household.items():
            for r in order:
                row_values = self.rows[r]
                if column < len(row_values) and not cells.is_empty(row_values[column]):
                    place = self.place(r, column)
                    values[name] = (self.converted(name, place), place)
                    break
            else:  # an empty column is said at the head's cell ("住址: is required")
                places[_HOUSEHOLD_PATHS.get(name, name)] = (head_row, column)
        if "hukou" not in values and "benefit_kind" in values:
            # 城市低保 / 农村低保 also say which standard (hukou) applies.
            place = values["benefit_kind"][1]
            said = cells.shown(place.value)
            hukou = "urban" if ("城市" in said or "城镇" in said) else None
            hukou = "rural" if "农村" in said else hukou
            if hukou is not None:
                values["hukou"] = (hukou, place)
        for name, (value, _) in list(values.items()):
            if value is FAILED:
                reported.add(_HOUSEHOLD_PATHS.get(name, name))
                del values[name]
        data: dict[str, Any] = {"format": FORMAT, "members": members}
        self.village(data, values, places, reported, first)
        for name, key in (("address", "address"), ("hukou", "hukou")):
            if name in values:
                data[key], places[key] = values[name]
        payment = [
            name for name in ("bank_name", "account_name", "account_number") if name in values
        ]
        if payment:  # one filled in asks for the others ("账号: is required")
            data["payment"] = {}
            for name in payment:
                data["payment"][name], places[f"payment.{name}"] = values[name]
        self.benefit(data, values, places)
        return Draft(data=data, places=places, first=first, locate=self.place, reported=reported)

    def member(
        self,
        row: int,
        columns: Mapping[str, int],
        index: int,
        places: dict[str, Place | tuple[int, int]],
        reported: set[str],
        *,
        is_head: bool,
    ) -> dict[str, Any] | None:
        row_values = self.rows[row]
        width = len(row_values)
        raw = {name: row_values[c] if c < width else "" for name, c in columns.items()}
        if all(cells.is_empty(v) for v in raw.values()):
            return None  # a numbered member left blank
        member: dict[str, Any] = {}
        where = f"members[{index}]"
        places[where] = (row, columns.get("name", next(iter(columns.values()))))
        disability: dict[str, Any] = {}
        for name, column in columns.items():
            path = f"{where}.{_MEMBER_PATHS.get(name, name)}"
            places[path] = (row, column)  # even if empty: "姓名: is required" is said there
            if cells.is_empty(raw[name]):
                continue
            try:
                value = self.converters[name](raw[name])
            except Problem as problem:
                self.problems.append(self.place(row, column).error(problem))
                reported.add(path)
                continue
            if value is None:
                continue
            if name in ("disability_type", "disability_grade"):
                disability["type" if name == "disability_type" else "grade"] = value
                places.setdefault(f"{where}.disability", (row, column))
            else:
                member[name] = value
        if disability:
            member["disability"] = {
                "type": disability.get("type"),
                "grade": disability.get("grade"),
            }
        if is_head:
            member["relation"] = "head"
        return member

    def village(
        self,
        data: dict[str, Any],
        values: Mapping[str, tuple[Any, Place]],
        places: dict[str, Place | tuple[int, int]],
        reported: set[str],
        first: Place,
    ) -> None:
        if "village_code" in values:
            data["village_code"], places["village_code"] = values["village_code"]
            return
        if "village" in values:
            name, place = values["village"]
            places["village_code"] = place
            township = values.get("township", (None,))[0]
            if name is not None:
                try:
                    data["village_code"] = self.villages.code(name, township)
                except Problem as problem:
                    self.problems.append(place.error(problem))
                    reported.add("village_code")
            return
        if self.default_village is not None:
            data["village_code"] = self.default_village
            places["village_code"] = first

    def benefit(
        self,
        data: dict[str, Any],
        values: Mapping[str, tuple[Any, Place]],
        places: dict[str, Place | tuple[int, int]],
    ) -> None:
        """The household's current benefit from the 保障类别 / amount / date columns."""
        present = [n for n in values if n.startswith("benefit_")]
        if not present:
            return
        benefit: dict[str, Any] = {}
        anchor = values[present[0]][1]
        places["benefits[0]"] = anchor
        kind, kind_place = values.get("benefit_kind", (None, None))
        if kind is not None and kind_place is not None:
            program, _, category = str(kind).partition("/")
            benefit["program"] = program
            places["benefits[0].program"] = kind_place
            if category:
                benefit["category"] = category
                places["benefits[0].category"] = kind_place
        for name, key in (
            ("benefit_program", "program"),
            ("benefit_category", "category"),
            ("benefit_monthly_yuan", "monthly_yuan"),
            ("benefit_since", "since"),
            ("benefit_certificate_number", "certificate_number"),
        ):
            if name in values and values[name][0] is not None:
                benefit[key], places[f"benefits[0].{key}"] = values[name]
        newly = values.get("change_kind", (None,))[0] == NEW_BENEFIT
        if "since" not in benefit and newly and "change_date" in values:
            benefit["since"], places["benefits[0].since"] = values["change_date"]
        data["benefits"] = [benefit]


def read_rows(
    sheet: SheetCells,
    header_row: int,
    mapping: SheetMapping,
    *,
    villages: Sequence[Region] = (),
    default_village: str | None = None,
) -> SheetRows:
    """The households of a sheet (header at ``header_row``, 0-based) read with ``mapping``."""
    reader = _Reader(sheet, header_row, mapping, VillageNames(villages), default_village)
    drafts = [reader.draft(rows) for rows in reader.household_rows()]
    return SheetRows(
        sheet=sheet.sheet,
        header_row=header_row + 1,
        headers=reader.shown_headers,
        columns=reader.plan,
        drafts=drafts,
        problems=reader.problems,
    )
