"""Visits recorded before their observations were typed, brought to the typed shape.

Until schema 0006 a visit's ``observations`` was any JSON object: the desktop's visit form
wrote ``{"housing": {"structure", "area_m2", "condition"}, "livestock": {kind: n},
"vehicles": {kind: n}, "incomes": [{member_id, kind, monthly_yuan}], "hardship_causes":
[...], "property_notes", "expense_notes"}`` (with ``""`` and ``0`` for what was not
filled in), and the demo and imports wrote free text such as ``{"housing": "砖混平房",
"livestock": "羊3只"}``.

``convert_visit`` turns such a visit into exactly the object ``observations_to_dict``
writes: every recognised value goes into its typed field, and everything else is appended
to the visit's notes as readable Chinese (``住房：砖混平房；牲畜：羊3只``), so nothing is
lost. A visit already in the typed shape comes back unchanged.

Store migration 0006, county migration 0005 and the laptop's pull (a county not yet
upgraded) all convert with this function, so the laptop and the county reach the same
values: change what it produces only with a new migration.
"""

import math
import re
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

from caseworker.domain.codes import (
    HardshipCause,
    HousingCondition,
    HousingStructure,
    IncomeKind,
    LabelledCode,
    LivestockKind,
    VehicleKind,
)
from caseworker.domain.money import format_yuan
from caseworker.domain.validation import (
    HOUSING_AREA_LIMIT_M2,
    MONTHLY_INCOME_LIMIT_FEN,
    TEXT_MAX,
    VISIT_COUNT_LIMIT,
)

C = TypeVar("C", bound=LabelledCode)

# How the old keys are spoken of when their value goes to the notes.
OLD_KEY_WORDS = {
    "housing": "住房",
    "livestock": "牲畜",
    "vehicles": "车辆农机",
    "incomes": "收入",
    "hardship_causes": "致困原因",
    "property_notes": "财产情况",
    "expense_notes": "支出情况",
}
HOUSING_PART_WORDS = {"structure": "住房结构", "area_m2": "住房面积", "condition": "房屋状况"}
# Said in place of a member no longer in the household (an id is never shown to a person).
FORMER_MEMBER = "原家庭成员"
TOO_LONG = "……（原调查记录过长，其余内容见升级前的备份文件）"
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f]")


def _clean(text: str) -> str:
    """Text as the format keeps it: no control characters but tab and line feed."""
    return _CONTROL.sub(" ", text).strip()


def _words(value: Any) -> str:
    """Any JSON value said as a person would write it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, str):
        return _clean(value)
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, Mapping):
        return "、".join(f"{_clean(str(k))}{_words(v)}" for k, v in value.items() if v is not None)
    if isinstance(value, list):
        return "、".join(w for w in (_words(v) for v in value) if w)
    return _clean(str(value))


def _code(cls: type[C], value: Any) -> C | None:
    """A code written as its code or as its Chinese label."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    found = cls.parse(text)
    if found is not None:
        return found
    return next((m for m in cls if text and text == m.zh), None)


def _whole(value: Any, lo: int, hi: int) -> int | None:
    """A whole number in ``lo..hi`` (also written as ``85.0`` or ``"85"``), else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        try:
            value = Decimal(value.strip())
        except InvalidOperation:
            return None
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, Decimal) and not value.is_finite():
        return None
    if isinstance(value, float | Decimal):
        if value != int(value):
            return None
        value = int(value)
    if isinstance(value, int) and lo <= value <= hi:
        return value
    return None


def _fen(value: Any) -> int | None:
    """An amount of yuan (decimal text or a whole number) as fen within the import's
    bounds, else None."""
    if isinstance(value, bool) or not isinstance(value, str | int):
        return None
    try:
        amount = Decimal(str(value).strip().replace(",", ""))
    except InvalidOperation:
        return None
    if not amount.is_finite():
        return None
    fen = amount * 100
    if fen != fen.to_integral_value() or not 0 <= fen <= MONTHLY_INCOME_LIMIT_FEN:
        return None
    return int(fen)


class _Conversion:
    """One visit's conversion: the typed object, and what goes to the notes."""

    def __init__(self, members: Mapping[str, str]) -> None:
        self.members = members
        self.left: list[str] = []

    def leave(self, label: str, value: Any) -> None:
        text = _words(value)
        if text:
            self.left.append(f"{label}：{text}")

    def housing(self, value: Any) -> dict[str, Any] | None:
        if value is None or value == "" or value == {}:
            return None
        if not isinstance(value, Mapping):
            self.leave(OLD_KEY_WORDS["housing"], value)
            return None
        structure = condition = area = None
        for key, part in value.items():
            if part is None or part == "" or (key == "area_m2" and part == 0):
                continue  # the old form's way of leaving a part blank
            if key == "structure" and (found := _code(HousingStructure, part)) is not None:
                structure = found.value
            elif key == "condition" and (state := _code(HousingCondition, part)) is not None:
                condition = state.value
            elif key == "area_m2" and (m2 := _whole(part, 1, HOUSING_AREA_LIMIT_M2)) is not None:
                area = m2
            else:
                label = HOUSING_PART_WORDS.get(key, f"{OLD_KEY_WORDS['housing']}（{key}）")
                self.leave(label, f"{_words(part)}平方米" if key == "area_m2" else part)
        if structure is None and area is None and condition is None:
            return None
        return {"structure": structure, "area_m2": area, "condition": condition}

    def counts(self, key: str, value: Any, kinds: type[C]) -> dict[str, int]:
        if value is None or value == "" or value == {}:
            return {}
        if not isinstance(value, Mapping):
            self.leave(OLD_KEY_WORDS[key], value)
            return {}
        counts: dict[str, int] = {}
        for name, raw in value.items():
            kind = _code(kinds, name)
            count = _whole(raw, 0, VISIT_COUNT_LIMIT)
            if kind is not None and count is not None and kind.value not in counts:
                if count:
                    counts[kind.value] = count
            else:
                self.leave(OLD_KEY_WORDS[key], {name: raw})
        return counts

    def incomes(self, value: Any) -> list[dict[str, str]] | None:
        if value is None:
            return None
        if not isinstance(value, list):
            self.leave(OLD_KEY_WORDS["incomes"], value)
            return None
        rows = []
        for row in value:
            if not isinstance(row, Mapping):
                self.leave(OLD_KEY_WORDS["incomes"], row)
                continue
            member = row.get("member_id")
            kind = _code(IncomeKind, row.get("kind"))
            fen = _fen(row.get("monthly_yuan"))
            extra = set(row) - {"member_id", "kind", "monthly_yuan"}
            if isinstance(member, str) and member in self.members and kind and fen is not None:
                rows.append(
                    {"member_id": member, "kind": kind.value, "monthly_yuan": format_yuan(fen)}
                )
                if extra:
                    self.leave(OLD_KEY_WORDS["incomes"], {k: row[k] for k in sorted(extra)})
                continue
            who = self.members.get(member, FORMER_MEMBER) if isinstance(member, str) else ""
            what = kind.zh if kind else _words(row.get("kind"))
            amount = row.get("monthly_yuan")
            how_much = f"{format_yuan(fen)}元/月" if fen is not None else _words(amount)
            rest = "、".join(_words({k: row[k]}) for k in sorted(extra))
            self.leave(OLD_KEY_WORDS["incomes"], "".join((who, what, how_much, rest)))
        return rows

    def causes(self, value: Any) -> list[str]:
        if value is None or value == "":
            return []
        items = value if isinstance(value, list) else [value]
        causes: list[str] = []
        for item in items:
            cause = _code(HardshipCause, item)
            if cause is None:
                self.leave(OLD_KEY_WORDS["hardship_causes"], item)
            elif cause.value not in causes:
                causes.append(cause.value)
        return causes

    def text(self, key: str, value: Any) -> str:
        if value is None:
            return ""
        if isinstance(value, str) and len(_clean(value)) <= TEXT_MAX:
            return _clean(value)
        self.leave(OLD_KEY_WORDS[key], value)
        return ""


def convert_observations(value: Any, members: Mapping[str, str]) -> tuple[dict[str, Any], str]:
    """The typed ``observations`` object for an old one, and what could not be typed, in
    words (empty when everything found its field). ``members``: the household's member
    ids and names."""
    work = _Conversion(members)
    if not isinstance(value, Mapping):
        if value not in (None, "", [], {}):
            work.leave("调查情况", value)
        value = {}
    typed = {
        "housing": work.housing(value.get("housing")),
        "livestock": work.counts("livestock", value.get("livestock"), LivestockKind),
        "vehicles": work.counts("vehicles", value.get("vehicles"), VehicleKind),
        "incomes": work.incomes(value.get("incomes")),
        "hardship_causes": work.causes(value.get("hardship_causes")),
        "property_notes": work.text("property_notes", value.get("property_notes")),
        "expense_notes": work.text("expense_notes", value.get("expense_notes")),
    }
    for key, other in value.items():
        if key not in OLD_KEY_WORDS:
            work.leave(_clean(str(key)), other)
    return typed, "；".join(work.left)


def with_notes(notes: str | None, left: str) -> str:
    """The visit's notes with ``left`` appended on a line of its own, within the format's
    length (anything beyond it stays in the backup made before the upgrade)."""
    notes = notes or ""
    if not left:
        return notes
    joined = f"{notes.rstrip()}\n{left}" if notes.strip() else left
    if len(joined) <= TEXT_MAX:
        return joined
    return joined[: TEXT_MAX - len(TOO_LONG)] + TOO_LONG


def convert_visit(
    observations: Any, notes: str | None, members: Mapping[str, str]
) -> tuple[dict[str, Any], str]:
    """A visit's typed observations and its notes (with whatever did not fit a field)."""
    typed, left = convert_observations(observations, members)
    return typed, with_notes(notes, left)
