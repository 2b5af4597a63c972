"""The sync's own copies of households (each change's frozen payload, each household's
last-agreed copy) are kept packed: after a first sync the store holds them deflated, reads
them back exactly, and has not grown by a second and third full copy of every household."""

import json
import sqlite3
from collections.abc import Callable

import pytest
from sqlalchemy import select

from caseworker.store.db import Store
from caseworker.store.households import save_households
from caseworker.store.packed import PackError, pack, unpack
from caseworker.store.tables import OUTBOX
from caseworker.sync.client import sync
from caseworker.sync.local_rows import read_bases, read_rows
from caseworker.sync.outbox import diff_rows
from tests.sync.conftest import CountyServer, enroll_laptop
from tests.sync.test_resilience import demo

VILLAGE = "610423100201"


@pytest.mark.parametrize(
    "text", ["", "{}", '{"name":"王桂芝","note":"䶮𠮷"}', "x" * 100_000, "\u0000\uffff"]
)
def test_a_packed_text_unpacks_to_itself(text: str) -> None:
    packed = pack(text)
    assert packed[0] == 1  # the format byte
    assert unpack(packed) == text


@pytest.mark.parametrize("blob", [b"", b"\x09abc", pack("{}")[:-3], b'{"a":1}'])
def test_what_is_not_a_packed_text_is_refused(blob: bytes) -> None:
    with pytest.raises(PackError):
        unpack(blob)


def test_after_its_first_sync_a_store_keeps_its_copies_packed_and_agreed(
    county: CountyServer, laptops: Callable[[str], Store]
) -> None:
    laptop = laptops("a")
    enroll_laptop(county, laptop)
    households = demo(120, 3, VILLAGE)
    save_households(laptop, households)
    ids = [h.id for h in households]
    report = sync(laptop)
    assert report.synced and report.accepted == len(households)

    raw = sqlite3.connect(laptop.path)
    try:
        payloads = [r[0] for r in raw.execute("SELECT payload FROM outbox WHERE payload NOTNULL")]
        bases = [r[0] for r in raw.execute("SELECT data FROM sync_base")]
    finally:
        raw.close()
    assert len(bases) == len(households) and payloads
    for blob in [*payloads, *bases]:
        assert isinstance(blob, bytes) and blob[0] == 1
        assert b"household_id" not in blob  # deflated, not the JSON text
    # Read back through the store: the payloads are the JSON that was sent, and every
    # household's agreed copy is what it holds (nothing left to send).
    with laptop.read() as conn:
        sent = [json.loads(r) for r in conn.execute(select(OUTBOX.c.payload)).scalars() if r]
        local, agreed = read_rows(conn, ids), read_bases(conn, ids)
    assert {p["household_id"] for p in sent} == set(ids)
    assert all(diff_rows(hid, local[hid], agreed[hid]) == [] for hid in ids)
    assert sync(laptop).sent == 0
