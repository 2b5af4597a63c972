"""Screening the store uses the packs the county sent, newest version first."""

import hashlib
from datetime import date

from caseworker.config import resource_path
from caseworker.demo.generator import generate_households
from caseworker.demo.places import demo_regions
from caseworker.domain.codes import Program
from caseworker.screening import PolicyChooser, policy_library, screen_store, what_if
from caseworker.store.db import Store
from caseworker.store.decisions import latest_screening
from caseworker.store.households import iter_households, save_households
from caseworker.store.tables import POLICY_PACK

DAY = date(2020, 4, 15)


def receive(store: Store, text: str, pack_id: str, version: str) -> None:
    with store.begin() as conn:
        conn.execute(
            POLICY_PACK.insert().values(
                id=pack_id,
                version=version,
                sha256=hashlib.sha256(text.encode()).hexdigest(),
                text=text,
            )
        )


def test_a_pack_from_the_county_replaces_the_bundled_one(store: Store) -> None:
    save_households(store, generate_households(30, seed=4, as_of=DAY), regions=demo_regions())
    bundled = resource_path("policies", "cn-610423-jingyang.yaml").read_text(encoding="utf-8")
    newer = bundled.replace('version: "2020.1"', 'version: "2020.2"').replace(
        '{from: 2020-01-01, value: "400.00"', '{from: 2020-01-01, value: "450.00"'
    )
    receive(store, newer, "cn-610423-jingyang", "2020.2")
    library = policy_library(store)
    run = screen_store(store, on=DAY, policies=PolicyChooser(library))
    assert run.screened == run.changed == 30
    with store.read() as conn:
        ids = [h.id for h in iter_households(conn)]
        stored = [latest_screening(conn, hid) for hid in ids]
    assert {s.policy.version for s in stored if s is not None} == {"2020.2"}
    assert all(s is not None for s in stored)
    result, heads = what_if(store, {"dibao.standard.rural": "300.00"}, on=DAY, library=library)
    assert result.households == 30 and set(heads) == set(ids)
    dibao = result.summary[Program.DIBAO]
    assert dibao.dropped >= dibao.brought_in
