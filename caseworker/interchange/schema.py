"""The JSON Schema of the household interchange format, shipped with the package."""

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def household_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one ``caseworker.household/1`` object."""
    text = (
        resources.files("caseworker.interchange")
        .joinpath("household.schema.json")
        .read_text(encoding="utf-8")
    )
    schema: dict[str, Any] = json.loads(text)
    return schema
