"""Reading one record of the household format field by field, every error collected.

``RecordReader`` holds the ``Collector`` of one household's parse and the day it is read
on; the readers of the household's parts (``household_reading``, ``history_reading``)
read their objects, lists and fields through it, so every bad field of a household is
named at once.
"""

import uuid
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from caseworker.domain.validation import (
    Collector,
    Problem,
    Where,
    parse_date,
    parse_text,
    parse_uuid,
)
from caseworker.interchange.observations import read_object


def optional_text(value: Any) -> str:
    """A free text that may be left empty."""
    return parse_text(value, required=False)


def _new_id() -> str:
    return str(uuid.uuid4())


class RecordReader:
    """One household's parse: every error is collected, then raised together."""

    def __init__(self, today: date) -> None:
        self.c = Collector()
        self.today = today
        self.past_date = parse_date(not_after=today)

    def obj(self, where: Where, value: Any, keys: frozenset[str]) -> Mapping[str, Any] | None:
        """``value`` as an object with only ``keys``; unknown keys are errors."""
        return read_object(self.c, where, value, keys)

    def items(self, where: Where, key: str, value: Any) -> list[Any] | None:
        """``value`` of field ``key`` as a list, or None with the error recorded."""
        if not isinstance(value, list):
            self.c.add(
                where.field(key), None, Problem("type", "应为列表（[...]）", "must be a list [...]")
            )
            return None
        return value

    def req(
        self, where: Where, data: Mapping[str, Any], key: str, parse: Callable[[Any], Any]
    ) -> Any:
        """A required field: its parsed value, or None with the error recorded."""
        return self.c.check(where, key, data.get(key), parse)

    def opt(
        self, where: Where, data: Mapping[str, Any], key: str, parse: Callable[[Any], Any]
    ) -> Any:
        """An optional field: None when absent or null, else as ``req``."""
        value = data.get(key)
        return None if value is None else self.c.check(where, key, value, parse)

    def record_id(self, where: Where, data: Mapping[str, Any]) -> str:
        """The record's ``id``, or a new one when it has none (or a bad one, recorded)."""
        value = data.get("id")
        if value is None:
            return _new_id()
        return self.c.check(where, "id", value, parse_uuid) or _new_id()
