"""The visit's fields in its draft: the draft is the visit in interchange form (plus the
form's own choices), and each field's value sits at its key ("observations.housing.area_m2",
"workers[1]"). Reading the editors into a draft and a draft into the editors walks the
field lists (``caseworker.ui.visit.steps``)."""

import re
from collections.abc import Mapping
from itertools import pairwise
from typing import Any

from PySide6.QtWidgets import QWidget

from caseworker.ui.visit.steps import NULL_WHEN_BLANK, VisitField

Path = list[str | int]


def path_of(key: str) -> Path:
    """``"workers[1]"`` -> ``["workers", 1]``; ``"a.b"`` -> ``["a", "b"]``."""
    return [int(part) if part.isdigit() else part for part in re.split(r"\.|\[|\]\.?", key) if part]


def value_at(state: Mapping[str, Any], key: str) -> Any:
    """The value at ``key`` (None where the draft has nothing there)."""
    node: Any = state
    for step in path_of(key):
        if isinstance(step, int):
            node = node[step] if isinstance(node, list) and step < len(node) else None
        else:
            node = node.get(step) if isinstance(node, dict) else None
        if node is None:
            return None
    return node


def put(state: dict[str, Any], key: str, value: Any, *, omit: bool = False) -> None:
    """Set the value at ``key``, making the dicts and lists on the way; ``omit``: only
    make the way (the value is left out)."""
    path = path_of(key)
    node: Any = state
    for step, following in pairwise(path):
        empty: Any = [] if isinstance(following, int) else {}
        if isinstance(step, int):
            while len(node) <= step:
                node.append(empty)
            node = node[step]
        else:
            node = node.setdefault(step, empty)
    last = path[-1]
    if omit:
        return
    if isinstance(last, int):
        node.extend([None] * (last + 1 - len(node)))
    node[last] = value


def read_fields(
    fields: list[VisitField], editors: Mapping[str, QWidget], into: dict[str, Any]
) -> None:
    """Put every field's value into the draft ``into``."""
    for f in fields:
        value = f.kind.read(editors[f.key])
        put(into, f.key, value, omit=f.omit_if_empty and not value)
    for key in NULL_WHEN_BLANK:
        part = value_at(into, key)
        if isinstance(part, dict) and all(v is None for v in part.values()):
            put(into, key, None)


def write_fields(
    fields: list[VisitField], editors: Mapping[str, QWidget], state: Mapping[str, Any]
) -> None:
    """Show the draft ``state`` in the editors (an editor whose value it lacks is emptied)."""
    for f in fields:
        f.kind.write(editors[f.key], value_at(state, f.key))
