"""Pending-changes files (``sync --export-pending`` / ``county import-pending``): signed by
the laptop's own key, encrypted to the county's key, refused when revoked, unknown, changed
or signed by another laptop (issue 15, finding 7), against a real county server and database
(SQLite and PostgreSQL)."""

import base64
import json
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from caseworker.cli import main
from caseworker.demo.generator import generate_households
from caseworker.security.keys import new_data_key
from caseworker.store.db import Store, open_store, write_setting
from caseworker.store.households import save_households
from caseworker.store.tables import OUTBOX
from caseworker.sync import outbox, pending_file
from caseworker.sync.client import sync
from caseworker.sync.county.admin import import_pending
from caseworker.sync.county.auth import Refused, create_enrollment, revoke
from caseworker.sync.county.pending_key import county_pending_key
from caseworker.sync.county.tables import APPLIED, DEVICE, HOUSEHOLD, RECORD
from caseworker.sync.schemas import MAX_CHANGES_PER_PUSH
from caseworker.sync.transport import (
    COUNTY_KEY,
    CREDENTIAL,
    ROLE,
    SCOPE,
    SERVER,
    SIGNING_KEY,
    WORKER,
)
from tests.sync.conftest import VILLAGE_A, CountyServer, enroll_laptop, raw_client

CJK = re.compile(r"[\u4e00-\u9fff]")


def county_count(county: CountyServer, table: Any) -> int:
    with county.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


def demo(n: int, seed: int) -> list[Any]:
    households = generate_households(n, seed=seed, as_of=date(2026, 11, 1))
    for h in households:
        h.village_code = VILLAGE_A
    return households


def export(store: Store, out: Path) -> int:
    return main(["sync", "--db", str(store.path), "--export-pending", str(out)])


def import_file(county: CountyServer, path: Path) -> int:
    return main(["county", "import-pending", "--db", county.db, str(path)])


def nothing_applied(county: CountyServer) -> bool:
    return (
        county_count(county, HOUSEHOLD) == 0
        and county_count(county, RECORD) == 0
        and county_count(county, APPLIED) == 0
    )


def refused_bilingually(capsys: pytest.CaptureFixture[str], *words: str) -> str:
    err = capsys.readouterr().err
    assert CJK.search(err), err
    for word in words:
        assert word in err, err
    return err


def exported(county: CountyServer, store: Store, tmp_path: Path, n: int = 5, seed: int = 1) -> Path:
    """A laptop enrolled at ``county`` with ``n`` unsynced households, exported to a file."""
    enroll_laptop(county, store)
    save_households(store, demo(n, seed))
    out = tmp_path / f"{store.path.stem}-pending.bin"
    assert export(store, out) == 0
    return out


def test_a_good_file_is_applied_as_a_push_and_never_twice(
    county: CountyServer,
    laptops: Callable[[str], Store],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    a = laptops("a")
    households = demo(6, 9)
    enroll_laptop(county, a)
    save_households(a, households)
    out = tmp_path / "pending.bin"
    assert export(a, out) == 0
    assert "6" in capsys.readouterr().out
    data = out.read_bytes()
    # Nothing personal in the clear: no name, no ID number, no household id.
    for h in households:
        assert h.id.encode() not in data
        for m in h.members:
            assert m.name.encode("utf-8") not in data
            assert m.id_number.encode() not in data
    header = pending_file.read(data).header
    assert header.credential_id == a.setting(CREDENTIAL).split(".")[0]  # type: ignore[union-attr]

    assert import_file(county, out) == 0
    assert "6" in capsys.readouterr().out
    assert county_count(county, HOUSEHOLD) == 6 and county_count(county, APPLIED) == 6
    with county.engine.connect() as conn:
        seqs = sorted(conn.execute(select(HOUSEHOLD.c.seq)).scalars())
    records = county_count(county, RECORD)
    # The same file again applies nothing twice.
    assert import_file(county, out) == 0
    with county.engine.connect() as conn:
        assert sorted(conn.execute(select(HOUSEHOLD.c.seq)).scalars()) == seqs
    assert county_count(county, RECORD) == records and county_count(county, APPLIED) == 6
    # The laptop connecting later gets the county's answers to the imported changes as a
    # push would: the receipt matches, nothing is applied again.
    report = sync(a)
    assert report.synced and report.accepted == 6
    assert county_count(county, APPLIED) == 6
    with a.read() as conn:
        assert set(conn.execute(select(OUTBOX.c.state)).scalars()) == {"accepted"}


def test_a_revoked_devices_file_is_refused(
    county: CountyServer,
    laptops: Callable[[str], Store],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The finding: a revoked laptop's file had 97 changes applied."""
    a = laptops("a")
    out = exported(county, a, tmp_path)
    assert revoke(county.engine, a.device_id) == 1
    capsys.readouterr()
    assert import_file(county, out) == 2
    refused_bilingually(capsys, "注销", "revoked")
    assert nothing_applied(county)


def test_a_changed_byte_anywhere_is_refused(
    county: CountyServer,
    laptops: Callable[[str], Store],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    a = laptops("a")
    out = exported(county, a, tmp_path)
    data = out.read_bytes()
    header_end = data.index(b"\n")
    positions = sorted(
        {0, 5, header_end - 3, header_end, header_end + 1, len(data) // 2, len(data) - 65}
        | {len(data) - 64, len(data) - 1}
        | set(range(0, len(data), max(1, len(data) // 40)))
    )
    for position in positions:
        for flip in (0x01, 0x80):
            changed = bytearray(data)
            changed[position] ^= flip
            with pytest.raises(Refused) as refused:
                import_pending(county.engine, bytes(changed))
            assert CJK.search(refused.value.zh), (position, refused.value.en)
    with pytest.raises(Refused):
        import_pending(county.engine, data + b"\n")
    with pytest.raises(Refused):
        import_pending(county.engine, data[:-1])
    # Through the command: exit 2, a reason in both languages, nothing applied.
    changed = bytearray(data)
    changed[len(data) // 2] ^= 0x01
    tampered = tmp_path / "tampered.bin"
    tampered.write_bytes(bytes(changed))
    capsys.readouterr()
    assert import_file(county, tampered) == 2
    refused_bilingually(capsys, "签名", "signature")
    assert nothing_applied(county)
    assert import_file(county, out) == 0  # the untouched file is good
    assert county_count(county, HOUSEHOLD) == 5


def test_a_file_signed_by_another_laptop_is_refused(
    county: CountyServer,
    laptops: Callable[[str], Store],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    a, b = laptops("a"), laptops("b")
    enroll_laptop(county, a)
    out_b = exported(county, b, tmp_path)
    document = {
        "format": pending_file.DOCUMENT_FORMAT,
        "protocol": "caseworker.sync/1",
        "device_id": a.device_id,
        "exported_at": "2026-12-01T00:00:00+00:00",
        "changes": json.loads(
            json.dumps(pending_document_of(b)["changes"]),  # b's changes, in a's name
        ),
    }
    a_credential = a.setting(CREDENTIAL).split(".")[0]  # type: ignore[union-attr]
    forged = pending_file.seal(
        document,
        credential_id=a_credential,
        signing_key=b.setting(SIGNING_KEY) or "",
        county_key=b.setting(COUNTY_KEY) or "",
    )
    path = tmp_path / "forged.bin"
    path.write_bytes(forged)
    capsys.readouterr()
    assert import_file(county, path) == 2
    refused_bilingually(capsys, "签名", "signature")
    # b's own file re-labelled as a's: the header names a, the signature is b's.
    data = out_b.read_bytes()
    header = pending_file.read(data).header
    relabelled = data.replace(header.credential_id.encode(), a_credential.encode(), 1)
    path.write_bytes(relabelled)
    assert import_file(county, path) == 2
    assert nothing_applied(county)


def pending_document_of(store: Store) -> dict[str, Any]:
    with store.read() as conn:
        return outbox.pending_document(conn, store.device_id)


def test_a_file_from_an_unknown_device_or_in_the_old_clear_format_is_refused(
    county: CountyServer,
    laptops: Callable[[str], Store],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    a = laptops("a")
    out = exported(county, a, tmp_path)
    document = pending_document_of(a)
    # Made with a key of its own and a credential id the county never issued.
    stranger = pending_file.seal(
        document,
        credential_id="5b0c7c1e-8a55-4e49-9f5a-0c6f3f1f4d2a",
        signing_key=pending_file.new_signing_key()[0],
        county_key=a.setting(COUNTY_KEY) or "",
    )
    path = tmp_path / "stranger.bin"
    path.write_bytes(stranger)
    capsys.readouterr()
    assert import_file(county, path) == 2
    refused_bilingually(capsys, "未在本县注册", "not enrolled")
    # A header naming no credential the county could have issued (NUL: not storable in
    # PostgreSQL text) is refused as damaged, before the database is asked.
    for odd in ("\x00", "'; DROP TABLE device; --", "A" * 5000):
        with pytest.raises(Refused) as refused:
            import_pending(
                county.engine,
                pending_file.seal(
                    document,
                    credential_id=odd,
                    signing_key=a.setting(SIGNING_KEY) or "",
                    county_key=a.setting(COUNTY_KEY) or "",
                ),
            )
        assert refused.value.status == 400 and CJK.search(refused.value.zh)
    # The old clear file (format 1): refused, it carries personal data unsigned.
    old = tmp_path / "old.json"
    old.write_text(json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8")
    assert import_file(county, old) == 2
    refused_bilingually(capsys, "旧", "old")
    assert nothing_applied(county)
    assert import_file(county, out) == 0


def test_a_file_for_another_county_key_is_refused(
    county: CountyServer, laptops: Callable[[str], Store], tmp_path: Path
) -> None:
    a = laptops("a")
    exported(county, a, tmp_path)
    _, other_public = pending_file.new_exchange_key()
    forged = pending_file.seal(
        pending_document_of(a),
        credential_id=(a.setting(CREDENTIAL) or "").split(".")[0],
        signing_key=a.setting(SIGNING_KEY) or "",
        county_key=other_public,
    )
    with pytest.raises(Refused) as refused:
        import_pending(county.engine, forged)
    assert "key" in refused.value.en and CJK.search(refused.value.zh)
    assert nothing_applied(county)


def test_enrollment_exchanges_the_keys(
    county: CountyServer, laptops: Callable[[str], Store], tmp_path: Path
) -> None:
    a = laptops("a")
    enroll_laptop(county, a)
    private = a.setting(SIGNING_KEY)
    assert private and a.setting(COUNTY_KEY) == county_pending_key(county.engine).public
    with county.engine.connect() as conn:
        stored = conn.execute(select(DEVICE.c.signing_key)).scalar_one()
    assert stored == pending_file.public_of(private)
    # A stolen credential cannot swap the laptop's key for another one.
    with raw_client(county, a.setting(CREDENTIAL)) as http:
        answer = http.post(
            "/v1/device-key", json={"signing_key": pending_file.new_signing_key()[1]}
        )
        assert answer.status_code == 409, answer.text
        assert CJK.search(answer.json()["reason_zh"])
        same = http.post("/v1/device-key", json={"signing_key": stored})
        assert same.status_code == 200 and same.json()["pending_key"] == a.setting(COUNTY_KEY)
    with county.engine.connect() as conn:
        assert conn.execute(select(DEVICE.c.signing_key)).scalar_one() == stored
    # Enrolling again makes a new key pair; a file made under the old credential is refused
    # (that credential is replaced), a new export is accepted.
    save_households(a, demo(2, 8))
    old = tmp_path / "before-re-enrollment.bin"
    assert export(a, old) == 0
    enroll_laptop(county, a)
    assert a.setting(SIGNING_KEY) != private
    with pytest.raises(Refused) as refused:
        import_pending(county.engine, old.read_bytes())
    assert "revoked" in refused.value.en and "export again" in refused.value.en
    assert nothing_applied(county)
    new = tmp_path / "after.bin"
    assert export(a, new) == 0
    assert import_pending(county.engine, new.read_bytes()).receipt.count == 2


def test_the_signing_key_is_not_in_clear_in_an_encrypted_store(
    county: CountyServer, tmp_path: Path
) -> None:
    path = tmp_path / "secret.db"
    store = open_store(path, key=new_data_key())
    try:
        enroll_laptop(county, store)
        private = store.setting(SIGNING_KEY) or ""
        assert private
    finally:
        store.close()
    raw = base64.b64decode(private)
    for file in tmp_path.glob("secret.db*"):
        content = file.read_bytes()
        assert private.encode() not in content and raw not in content


def test_a_laptop_enrolled_before_signed_files_registers_its_key_on_its_next_sync(
    county: CountyServer,
    laptops: Callable[[str], Store],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    a = laptops("a")
    # Enrolled as earlier versions did: no key sent, none received.
    code = create_enrollment(county.engine, worker="王建华", role="village", scope=VILLAGE_A)
    with raw_client(county) as http:
        answer = http.post("/v1/enroll", json={"code": code, "device_id": a.device_id})
        assert answer.status_code == 200, answer.text
        body = answer.json()
    with a.begin() as conn:
        for key, value in (
            (SERVER, county.url),
            (CREDENTIAL, body["credential"]),
            (SCOPE, body["scope"]),
            (WORKER, body["worker"]),
            (ROLE, body["role"]),
        ):
            write_setting(conn, key, value)
    with county.engine.connect() as conn:
        assert conn.execute(select(DEVICE.c.signing_key)).scalar_one() is None
    save_households(a, demo(4, 5))
    out = tmp_path / "pending.bin"
    capsys.readouterr()
    # No county key yet: nothing is written, personal data never leaves in the clear.
    assert export(a, out) == 2
    refused_bilingually(capsys, "县", "county")
    assert not out.exists()
    with a.read() as conn:  # nothing was frozen for a file that was not written
        assert set(conn.execute(select(OUTBOX.c.state)).scalars()) == {"pending"}

    # Its next sync (at the county office) registers its key and brings the county's.
    save_households(a, demo(1, 77))
    assert sync(a).synced
    with county.engine.connect() as conn:
        registered = conn.execute(select(DEVICE.c.signing_key)).scalar_one()
    assert registered == pending_file.public_of(a.setting(SIGNING_KEY) or "")
    assert a.setting(COUNTY_KEY) == county_pending_key(county.engine).public
    # Out in the village again: the file it writes is accepted.
    save_households(a, demo(3, 6))
    assert export(a, out) == 0
    before = county_count(county, HOUSEHOLD)
    assert import_file(county, out) == 0
    assert county_count(county, HOUSEHOLD) == before + 3


def test_a_file_of_more_changes_than_one_push_carries_is_applied_whole(
    county: CountyServer, laptops: Callable[[str], Store], tmp_path: Path
) -> None:
    a = laptops("a")
    out = exported(county, a, tmp_path, n=MAX_CHANGES_PER_PUSH + 5, seed=3)
    answer = import_pending(county.engine, out.read_bytes())
    assert len(answer.results) == MAX_CHANGES_PER_PUSH + 5
    assert county_count(county, HOUSEHOLD) == MAX_CHANGES_PER_PUSH + 5
    report = sync(a)
    assert report.synced and report.accepted == MAX_CHANGES_PER_PUSH + 5
