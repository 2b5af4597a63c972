"""The per-field three-way merge, as pure functions over wire rows (no database).

A laptop sends, for each field it changed, the value it started from (``base``, what the
county last told it) and its new value. On the county's copy of the row:

- the field still holds ``base``: nobody else changed it, the new value is applied;
- the field already holds the new value: nothing to do (a replay, or the same edit twice);
- the field holds something else: both sides changed it. The county's value stays (the
  first value to reach the county wins, whatever the order of later arrivals), the other
  value is kept in a conflict record, shown until someone resolves it.

Different fields of one row merge without conflict. Visits are append-only: a new visit is
always added, an unsigned visit takes the latest edit, and a signed visit never changes.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from caseworker.domain.validation import Problem

ROW_DELETED = "__row__"  # the "field" of a conflict between a delete and an edit


@dataclass(slots=True)
class FieldConflict:
    table: str
    row_id: str
    field: str
    kept_value: Any
    other_value: Any


@dataclass(slots=True)
class RowMerge:
    """What merging one row change did: the row's new content (None = deleted), whether it
    changed, and the conflicts found."""

    data: dict[str, Any] | None
    changed: bool
    conflicts: list[FieldConflict] = field(default_factory=list)


SIGNED_VISIT = Problem(
    "signed_visit",
    "已签字的入户调查记录不能修改或删除，如需更正请新增一次调查",
    "a signed visit cannot be changed or removed; record a new visit to correct it",
)


def merge_fields(
    table: str,
    row_id: str,
    current: Mapping[str, Any],
    base: Mapping[str, Any] | None,
    new: Mapping[str, Any],
) -> RowMerge:
    """Apply the changed fields ``new`` (started from ``base``) to ``current``.

    ``base`` None means the sender had no copy of the row (it inserted a row the county
    already holds): every differing field is then a conflict.
    """
    if table == "visit":
        return _merge_visit(row_id, current, new)
    data = dict(current)
    conflicts: list[FieldConflict] = []
    changed = False
    for key, value in new.items():
        now = data.get(key)
        if now == value:
            continue
        if base is not None and key in base and base[key] == now:
            data[key] = value
            changed = True
        else:
            conflicts.append(FieldConflict(table, row_id, key, now, value))
    return RowMerge(data, changed, conflicts)


def _merge_visit(row_id: str, current: Mapping[str, Any], new: Mapping[str, Any]) -> RowMerge:
    differs = {k: v for k, v in new.items() if current.get(k) != v}
    if not differs:
        return RowMerge(dict(current), False)
    if current.get("signed_at") is not None:
        raise SIGNED_VISIT
    return RowMerge({**current, **differs}, True)


def merge_delete(
    table: str, row_id: str, current: Mapping[str, Any] | None, base: Mapping[str, Any] | None
) -> RowMerge:
    """Delete a row the sender last saw as ``base``; if someone changed it since, the row
    stays and the delete becomes a conflict."""
    if current is None:
        return RowMerge(None, False)
    if table == "visit" and current.get("signed_at") is not None:
        raise SIGNED_VISIT
    if base is not None and all(current.get(k) == v for k, v in base.items()):
        return RowMerge(None, True)
    conflict = FieldConflict(table, row_id, ROW_DELETED, "kept", "deleted")
    return RowMerge(dict(current), False, [conflict])
