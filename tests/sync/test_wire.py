"""The canonical text both ends hash: orjson's spelling equals the standard library's for
values without floats, so the county may use either and the hashes agree."""

import hashlib
import json

import pytest

from caseworker.interchange.jsontext import canonical_json, canonical_text, json_text, read_json
from caseworker.sync.county.sync_routes import FLOATS
from caseworker.sync.wire import sha256_of

EVERY_CHARACTER = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
PLAIN_VALUES = [
    {"b": 1, "a": [True, False, None], "c": {"z": "", "é": '"\\\n\t\r\x00\x1f\x7f\u2028'}},
    {"text": EVERY_CHARACTER, EVERY_CHARACTER[:300]: -(2**63), "big": 2**64 - 1},
    {"beyond 64 bits": 2**70, "negative": -(2**70)},
    [[], {}, "", 0, -1, 2**53],
]


@pytest.mark.parametrize("value", PLAIN_VALUES)
def test_plain_values_hash_alike(value: object) -> None:
    text = canonical_json(value)
    assert text == json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    expected = hashlib.sha256(text.encode("utf-8")).hexdigest()
    assert sha256_of(value, plain=True) == sha256_of(value) == expected


@pytest.mark.parametrize(
    "body",
    [b'{"a":1.5}', b'{"a": 1e16}', b'{"a":[0.1]}', b'{"a":NaN}', b'{"a":-Infinity}', b"[1E5]"],
)
def test_requests_with_floats_are_noticed(body: bytes) -> None:
    assert FLOATS.search(body)


def test_requests_without_floats_are_plain() -> None:
    body = b'{"id":"1e4f0c2a-...","date":"2026-01-02","n":12,"t":"10:00:00+00:00","x":[-3]}'
    assert not FLOATS.search(body)


STORED_TEXTS = [
    '{"a": NaN, "b": [Infinity, -Infinity], "c": 1e400}',
    '{"count": 1180591620717411303424, "small": -12}',
    '{"share": 0.1, "big": 1e16, "tiny": 1e-07, "whole": 100.0}',
    '{"text": "编号123456789012345678901", "ok": true, "none": null}',
]


@pytest.mark.parametrize("stored", STORED_TEXTS)
def test_stored_json_reads_and_writes_as_the_standard_library_does(stored: str) -> None:
    value = read_json(stored)
    expected = json.loads(stored)
    assert json.dumps(value) == json.dumps(expected)  # same numbers, same types
    assert canonical_text(value) == canonical_json(expected)
    assert json.dumps(json.loads(json_text(value))) == json.dumps(expected)


@pytest.mark.parametrize("value", PLAIN_VALUES)
def test_canonical_text_of_plain_values(value: object) -> None:
    assert canonical_text(value) == canonical_json(value)
