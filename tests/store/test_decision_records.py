"""Decision records as a whole-store screening keeps them: compact, one per household, a
new one only when something changed, read back in the very words of a fresh screening;
and a store of older records upgraded to that form (real SQLite files, no mocks)."""

import json
import sqlite3
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from caseworker.demo.generator import generate_households
from caseworker.demo.places import demo_regions
from caseworker.domain.records import Household
from caseworker.eligibility.engine import screen
from caseworker.eligibility.findings import Screening, finding_to_dict
from caseworker.eligibility.library import PolicyLibrary
from caseworker.eligibility.params import SPECS
from caseworker.eligibility.record import FORMAT, short_code
from caseworker.eligibility.template import MISSING_TEMPLATES, TEMPLATES, missing_template_for
from caseworker.screening import PolicyChooser, record_screenings, screen_store
from caseworker.store.db import Store, open_store
from caseworker.store.decisions import (
    household_sha256,
    latest_screening,
    legacy_household_sha256,
)
from caseworker.store.households import iter_households, load_household, save_households
from caseworker.store.signatures import SignerRole, save_signature
from caseworker.store.tables import DECISION, new_id, utcnow
from tests.fixtures.make_store_fixtures import signature_png
from tests.store.earlier import as_kept_before_payments, later_columns

DAY = date(2026, 11, 1)
HOUSEHOLDS = 120


def counts(store: Store) -> tuple[int, int]:
    """(decision records, outbox entries)."""
    with store.read() as conn:
        decisions = conn.exec_driver_sql("SELECT COUNT(*) FROM decision").scalar_one()
        outbox = conn.exec_driver_sql("SELECT COUNT(*) FROM outbox").scalar_one()
    return int(decisions), int(outbox)


def words(screening: Screening) -> str:
    """Everything a screening says, as JSON text (lists and tuples alike)."""
    return json.dumps([finding_to_dict(f) for f in screening.findings], ensure_ascii=False)


@pytest.fixture
def demo(store: Store) -> Store:
    save_households(
        store, generate_households(HOUSEHOLDS, seed=5, as_of=DAY), regions=demo_regions()
    )
    return store


def sign_record(store: Store, household_id: str, record_id: str) -> None:
    """A signature naming a decision record as the document signed."""
    with store.begin() as conn:
        save_signature(
            conn,
            household_id=household_id,
            member_id=None,
            signer_name="王建华",
            signer_role=SignerRole.INVESTIGATOR,
            document_kind="decision",
            document_id=record_id,
            document_sha256="0" * 64,
            image_png=signature_png(),
            device_id=store.device_id,
            signed_at=utcnow(),
        )


def screen_all(store: Store, on: date = DAY) -> Any:
    return screen_store(store, on=on, policies=PolicyChooser(PolicyLibrary()))


def test_a_second_run_on_an_unchanged_store_writes_nothing(demo: Store) -> None:
    first = screen_all(demo)
    assert first.screened == first.changed == HOUSEHOLDS
    after_first = counts(demo)
    assert after_first[0] == HOUSEHOLDS
    again = screen_all(demo)
    assert (again.screened, again.changed) == (HOUSEHOLDS, 0)
    assert counts(demo) == after_first  # no record, and nothing for the sync to send
    # A day later only the findings that depend on the day change (time limits, ages):
    # those households get a record, which replaces their earlier one.
    later = screen_all(demo, DAY + timedelta(days=1))
    assert 0 <= later.changed < HOUSEHOLDS // 4
    assert counts(demo)[0] == HOUSEHOLDS


def test_a_changed_income_writes_exactly_one_record(demo: Store) -> None:
    screen_all(demo)
    with demo.read() as conn:
        h = next(h for h in iter_households(conn) if any(m.incomes for m in h.members))
        before = latest_screening(conn, h.id)
    income = next(i for m in h.members for i in m.incomes or ())
    income.monthly_fen += 150_000
    from caseworker.store.households import save_household

    assert save_household(demo, h)
    decisions, _ = counts(demo)
    run = screen_all(demo)
    assert run.changed == 1
    # The new record superseded the household's old one: still one per household.
    assert counts(demo)[0] == decisions
    with demo.read() as conn:
        after = latest_screening(conn, h.id)
        row = (
            conn.execute(DECISION.select().where(DECISION.c.household_id == h.id)).mappings().one()
        )
    assert before is not None and after is not None and words(after) != words(before)
    assert row["household_sha256"] == household_sha256(h)


def test_stored_records_read_exactly_as_a_fresh_screening(demo: Store) -> None:
    library = PolicyLibrary()
    chooser = PolicyChooser(library)
    for on in (DAY, date(2020, 4, 15)):
        screen_all(demo, on)
        with demo.read() as conn:
            for h in iter_households(conn):
                stored = latest_screening(conn, h.id)
                assert stored is not None
                assert words(stored) == words(screen(h, chooser(h), stored.on, explain=True))
        with demo.read() as conn:
            sizes = conn.exec_driver_sql("SELECT AVG(LENGTH(findings)) FROM decision").scalar()
        # Bytes per household (the sentences took ~36 KB); codes, numbers and references
        # only, so the day's words (a month not yet published) add none.
        assert sizes < 2048


def test_a_cancel_while_writing_stores_nothing(demo: Store) -> None:
    class Cancelled(Exception):
        pass

    seen: list[int] = []

    def progress(done: int, total: int) -> None:
        seen.append(done)
        if done > 950:  # the records are being written
            raise Cancelled

    with pytest.raises(Cancelled):
        screen_store(demo, on=DAY, policies=PolicyChooser(PolicyLibrary()), progress=progress)
    assert counts(demo)[0] == 0
    assert seen == sorted(seen) and max(seen) < 1000  # never at the end before it is


def test_a_record_with_the_fingerprint_of_before_is_not_repeated(demo: Store) -> None:
    screen_all(demo)
    with demo.read() as conn:
        h = next(iter_households(conn))
    with demo.begin() as conn:
        conn.exec_driver_sql(
            "UPDATE decision SET household_sha256 = ? WHERE household_id = ?",
            (legacy_household_sha256(h), h.id),
        )
    before = counts(demo)
    assert screen_all(demo).changed == 0
    assert counts(demo) == before  # fingerprinted anew, not sent as a change
    with demo.read() as conn:
        digest = conn.exec_driver_sql(
            "SELECT household_sha256 FROM decision WHERE household_id = ?", (h.id,)
        ).scalar_one()
    assert digest == household_sha256(h)


def test_a_record_a_signed_document_names_survives_pruning(demo: Store) -> None:
    from caseworker.store.households import save_household

    screen_all(demo)
    with demo.read() as conn:
        h = next(h for h in iter_households(conn) if any(m.incomes for m in h.members))
        (signed_id,) = conn.exec_driver_sql(
            "SELECT id FROM decision WHERE household_id = ?", (h.id,)
        ).one()
    sign_record(demo, h.id, signed_id)  # a printed and signed notice names this record
    income = next(i for m in h.members for i in m.incomes or ())
    for rise in (150_000, 90_000):  # two changes: two newer records, one superseded
        income.monthly_fen += rise
        assert save_household(demo, h)
        assert screen_all(demo).changed == 1
    with demo.read() as conn:
        kept = [
            r[0]
            for r in conn.exec_driver_sql(
                "SELECT id FROM decision WHERE household_id = ? ORDER BY created_at", (h.id,)
            )
        ]
        latest = latest_screening(conn, h.id)
    assert len(kept) == 2 and kept[0] == signed_id  # the signed one, and the latest
    assert latest is not None and words(latest) == words(
        screen(h, PolicyChooser(PolicyLibrary())(h), DAY, explain=True)
    )


def old_records(store: Store, households: list[Household]) -> dict[str, list[str]]:
    """Records as the code before store migration 0009 wrote them (full findings, one per
    run): three runs a month apart; the ids of each household's records, oldest first."""
    chooser = PolicyChooser(PolicyLibrary())
    made: dict[str, list[str]] = {}
    with store.begin() as conn:
        for months in (2, 1, 0):
            on = DAY - timedelta(days=30 * months)
            for h in households:
                s = screen(h, chooser(h), on, explain=True)
                now = utcnow()
                record_id = new_id()
                conn.execute(
                    DECISION.insert().values(
                        id=record_id,
                        created_at=now,
                        updated_at=now,
                        device_id=store.device_id,
                        version=1,
                        household_id=h.id,
                        screened_on=on,
                        policy_id=s.policy.id,
                        policy_version=s.policy.version,
                        policy_sha256=s.policy.sha256,
                        household_sha256=legacy_household_sha256(h),
                        findings=[finding_to_dict(f) for f in s.findings],
                    )
                )
                made.setdefault(h.id, []).append(record_id)
    return made


def test_a_store_of_old_records_is_made_compact_and_pruned(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    store = open_store(path, revision="0006")
    # Without applications: their stages have columns a store at 0006 did not have yet.
    households = [
        replace(as_kept_before_payments(h), applications=[])
        for h in generate_households(40, seed=9, as_of=DAY)
    ]
    with later_columns(store):
        save_households(store, households, regions=demo_regions())
    made = old_records(store, households)
    signed = households[0]
    kept_for_signature = made[signed.id][0]  # a signature names this (older) record
    sign_record(store, signed.id, kept_for_signature)
    with store.read() as conn:
        before_words = {h.id: words(latest_screening(conn, h.id)) for h in households}  # type: ignore[arg-type]
    outbox_before = counts(store)[1]
    store.close()
    size_before = path.stat().st_size

    store = open_store(path)
    try:
        assert store.migration_backup is not None
        decisions, outbox = counts(store)
        assert decisions == len(households) + 1  # the latest of each, and the signed one
        assert outbox == outbox_before  # nothing to send because of the upgrade alone
        with store.read() as conn:
            ids = {r[0] for r in conn.exec_driver_sql("SELECT id FROM decision")}
            assert ids == {m[-1] for m in made.values()} | {kept_for_signature}
            for h in households:
                again = latest_screening(conn, h.id)
                assert again is not None and words(again) == before_words[h.id]
            forms = [
                json.loads(text)
                for (text,) in conn.exec_driver_sql("SELECT findings FROM decision")
            ]
        assert all(isinstance(f, dict) and f["format"] == FORMAT for f in forms)
        # Nothing changed since the last old run: screening again on its day keeps them.
        run = screen_all(store)
        assert run.changed == 0 and counts(store)[0] == decisions
        with store.read() as conn:
            h = load_household(conn, households[1].id)
            assert h is not None
            digest = conn.exec_driver_sql(
                "SELECT household_sha256 FROM decision WHERE household_id = ?", (h.id,)
            ).scalar_one()
        assert digest == household_sha256(h)
    finally:
        store.close()
    vacuumed = sqlite3.connect(path)
    vacuumed.execute("VACUUM")
    vacuumed.close()
    assert path.stat().st_size < size_before


def test_record_screenings_keeps_only_what_changed(demo: Store) -> None:
    chooser = PolicyChooser(PolicyLibrary())
    with demo.read() as conn:
        households = list(iter_households(conn))[:10]
    done = [(h, screen(h, chooser(h), DAY, explain=True)) for h in households]
    assert record_screenings(demo, done) == 10
    assert record_screenings(demo, done) == 0


def as_format_2(text: str) -> str:
    """A record as the code of before kept it: templates and parameters by their full
    names, what is missing by its sentences."""
    data = json.loads(text)
    keys = {short_code(k): k for k in (*TEMPLATES, *MISSING_TEMPLATES)}
    names = {short_code(n): n for n in SPECS}

    def name(code: str) -> str:
        base, slash, part = code.partition("/")
        return names[base] + slash + part

    def missing(field: str, code: str, args: list[Any]) -> list[str]:
        template = missing_template_for(keys[code])
        assert template is not None
        said = template(field, *args)
        return [field, said.text_zh, said.text_en]

    return json.dumps(
        {
            "format": 2,
            "members": data["members"],
            "params": [[g[0], *(name(c) for c in g[1:])] for g in data["params"]],
            "reasons": [[keys[r[0]], *r[1:]] for r in data["reasons"]],
            "findings": [[*f[:6], [missing(*m) for m in f[6]]] for f in data["findings"]],
        },
        ensure_ascii=False,
    )


def test_records_of_the_format_before_are_kept_and_written_anew_quietly(demo: Store) -> None:
    screen_all(demo)
    with demo.read() as conn:
        today = dict(conn.exec_driver_sql("SELECT id, findings FROM decision").all())
        said = {h.id: words(latest_screening(conn, h.id)) for h in iter_households(conn)}  # type: ignore[arg-type]
    # Some say what is missing (kept by template now, by its sentences before).
    assert any(f[6] for text in today.values() for f in json.loads(text)["findings"])
    with demo.begin() as conn:  # as a store upgraded with records of before holds them
        conn.exec_driver_sql("INSERT INTO setting (key, value) VALUES ('sync.applying', '1')")
        conn.exec_driver_sql(
            "UPDATE decision SET findings = ? WHERE id = ?",
            [(as_format_2(text), record_id) for record_id, text in today.items()],
        )
        conn.exec_driver_sql("DELETE FROM setting WHERE key = 'sync.applying'")
    before = counts(demo)
    with demo.read() as conn:
        # Read as they are: the same words.
        assert {h.id: words(latest_screening(conn, h.id)) for h in iter_households(conn)} == said  # type: ignore[arg-type]
    run = screen_all(demo)
    assert run.changed == 0  # nothing to send, no new record
    assert counts(demo) == before
    with demo.read() as conn:
        again = dict(conn.exec_driver_sql("SELECT id, findings FROM decision").all())
    assert again == today  # the same records, in today's form
