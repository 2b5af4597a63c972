"""JSON texts as the store and the sync write and read them: one canonical text both ends
hash, and compact texts for storage, written and read by orjson wherever it gives exactly
what the standard library gives (faster), by the standard library otherwise."""

import json
import math
import re
from typing import Any

import orjson


def canonical_json(value: Any) -> str:
    """The one text of a JSON value both ends hash (sorted keys, no spaces, UTF-8 kept)."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


class NonFinite(float):
    """NaN or an infinity read from stored JSON (the standard library writes and reads
    them). orjson refuses to write this type, so a value holding one is always written by
    the standard library, as before."""


# 19 digits in a row may be an integer beyond 64 bits, which orjson would read as a float.
_LONG_NUMBER = re.compile(r"[0-9]{19}")
# A number with a fraction or an exponent in orjson's output (or text that looks like one):
# orjson spells some floats unlike the standard library.
_FLOAT_TOKEN = re.compile(rb"[:,\[]-?[0-9]+[.eE]")


def _mark_non_finite(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return NonFinite(value)
    if isinstance(value, dict):
        return {k: _mark_non_finite(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_mark_non_finite(v) for v in value]
    return value


def read_json(text: str | bytes) -> Any:
    """A stored JSON text read exactly as ``json.loads`` reads it, only faster."""
    if not _LONG_NUMBER.search(text if isinstance(text, str) else text.decode("utf-8")):
        try:
            return orjson.loads(text)
        except orjson.JSONDecodeError:  # NaN or infinities, which the standard library reads
            pass
    return _mark_non_finite(json.loads(text))


def canonical_text(value: Any) -> str:
    """``canonical_json(value)``, written by orjson when that gives the same text: no floats
    (``NonFinite`` ones make orjson refuse), no integers beyond 64 bits."""
    try:
        text = orjson.dumps(value, option=orjson.OPT_SORT_KEYS)
    except TypeError:  # orjson.JSONEncodeError
        return canonical_json(value)
    if _FLOAT_TOKEN.search(text):
        return canonical_json(value)
    return text.decode("utf-8")


def json_text(value: Any) -> str:
    """Compact JSON text of ``value`` for storage (read back by ``json.loads`` or
    ``read_json`` as the same value)."""
    try:
        return orjson.dumps(value).decode("utf-8")
    except TypeError:  # NonFinite, or an integer beyond 64 bits
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
