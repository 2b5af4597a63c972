"""A hostile review, replayed against a real county server on loopback (SQLite and
PostgreSQL): an enrolled laptop, or someone with no credential at all, tries to take over
another laptop, rename regions, abuse conflict resolution and exhaust the server's memory.
Each attack is refused with a reason in Chinese and English, and the laptops it aimed at
keep syncing."""

import re
import socket
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest
from sqlalchemy import select

from caseworker.interchange.household_format import household_to_dict, parse_household
from caseworker.store.db import Store
from caseworker.store.households import load_household, save_household
from caseworker.sync.client import enroll, sync
from caseworker.sync.conflicts import open_conflicts, resolve_conflict
from caseworker.sync.county.admin import dismiss_conflict, list_conflicts
from caseworker.sync.county.auth import create_enrollment, revoke
from caseworker.sync.county.regions import rename_region
from caseworker.sync.county.tables import CONFLICT, RECORD, REGION
from caseworker.sync.transport import SyncError
from tests.sync.conftest import (
    COUNTY,
    TOWNSHIP,
    VILLAGE_A,
    CountyServer,
    enroll_laptop,
    raw_client,
)

Make = Callable[..., dict[str, Any]]
CJK = re.compile(r"[\u4e00-\u9fff]")


def snapshot(store: Store, household_id: str) -> dict[str, Any]:
    with store.read() as conn:
        h = load_household(conn, household_id)
    assert h is not None
    return household_to_dict(h)


def edit(store: Store, household_id: str, change: Callable[[dict[str, Any]], None]) -> None:
    data = snapshot(store, household_id)
    change(data)
    save_household(store, parse_household(data))


def set_illness(value: str) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        data["members"][1]["serious_illness"] = value

    return change


def bilingual(answer: httpx.Response, *words: str) -> None:
    """A refusal a person reads: Chinese and English, each naming ``words``."""
    body = answer.json()
    zh, en = body["reason_zh"], body["reason_en"]
    assert CJK.search(zh) and re.search(r"[A-Za-z]{3}", en), body
    for word in words:
        assert word in zh and word in en, (word, body)


def credential(store: Store) -> str:
    return store.setting("sync.credential") or ""


def member_row(county: CountyServer, household_id: str, name: str) -> tuple[str, dict[str, Any]]:
    with county.engine.connect() as conn:
        for r in conn.execute(select(RECORD).where(RECORD.c.household_id == household_id)):
            if r.table_name == "member" and r.data["name"] == name:
                return r.id, dict(r.data)
    raise AssertionError(name)


def push(changes: list[dict[str, Any]], regions: list[Any] | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"protocol": "caseworker.sync/1", "changes": changes}
    if regions is not None:
        body["regions"] = regions
    return body


# 1. Device take-over at enrollment ---------------------------------------------------------
def test_enrolling_under_another_laptops_device_id_is_refused_and_the_laptop_keeps_syncing(
    county: CountyServer, laptops: Callable[[str], Store], household_data: Make
) -> None:
    victim = laptops("victim")
    enroll_laptop(county, victim)
    h = parse_household(household_data())
    save_household(victim, h)
    assert sync(victim).synced

    # Any valid code, even one for the whole county, with the victim's device id.
    code = create_enrollment(county.engine, worker="张伟", role="county", scope=COUNTY)
    with raw_client(county) as http:
        taken = http.post("/v1/enroll", json={"code": code, "device_id": victim.device_id})
        assert taken.status_code == 409, taken.text
        bilingual(taken, victim.device_id)
        # A forged or another device's credential does not prove the id either.
        other = laptops("other")
        enroll_laptop(county, other)
        again = http.post(
            "/v1/enroll",
            json={"code": code, "device_id": victim.device_id},
            headers={"Authorization": f"Bearer {credential(other)}"},
        )
        assert again.status_code == 409, again.text

    # Nothing was bound to the victim's id: its edits are applied, not quarantined.
    edit(victim, h.id, set_illness("肺癌晚期"))
    report = sync(victim)
    assert report.synced and report.accepted == 1 and report.quarantined == 0
    # The refused code is still good for a laptop of its own.
    assert enroll(laptops("new"), county.url, code).scope == COUNTY


def test_a_laptop_re_enrolls_with_its_own_credential_or_a_code_made_for_it(
    county: CountyServer, laptops: Callable[[str], Store], household_data: Make
) -> None:
    a = laptops("a")
    enroll_laptop(county, a)
    first = credential(a)
    # Enrolling again (say, for another worker) proves the id with the current credential.
    enroll_laptop(county, a, worker="李秀英")
    assert credential(a) != first and a.setting("sync.worker") == "李秀英"
    with raw_client(county, first) as http:
        assert http.get("/v1/whoami").status_code == 401  # replaced
    with raw_client(county, credential(a)) as http:
        assert http.get("/v1/whoami").json()["device_id"] == a.device_id

    # Revoked: only a code the county made for this very laptop lets it back in.
    assert revoke(county.engine, a.device_id) == 1
    with pytest.raises(SyncError) as refused:
        enroll_laptop(county, a)
    assert refused.value.status == 409 and a.device_id in refused.value.en
    assert "--device" in refused.value.en and CJK.search(refused.value.zh)
    code = create_enrollment(
        county.engine, worker="王建华", role="village", scope=VILLAGE_A, device_id=a.device_id
    )
    stranger = laptops("stranger")
    with pytest.raises(SyncError) as wrong_laptop:
        enroll(stranger, county.url, code)
    assert wrong_laptop.value.status == 409
    enroll(a, county.url, code)
    save_household(a, parse_household(household_data()))
    assert sync(a).synced


def test_a_laptop_never_learns_another_laptops_device_id(
    county: CountyServer, laptops: Callable[[str], Store], household_data: Make
) -> None:
    a, b = laptops("a"), laptops("b")
    enroll_laptop(county, a)
    enroll_laptop(county, b, worker="李秀英")
    h = parse_household(household_data())
    save_household(a, h)
    sync(a)
    sync(b)
    edit(a, h.id, set_illness("肺癌晚期"))
    edit(b, h.id, set_illness("肺癌（已手术）"))
    sync(a)
    assert sync(b).conflicts == 1
    with raw_client(county, credential(b)) as http:
        pulled = http.get("/v1/pull").text
        listed = http.get("/v1/conflicts").text
    with raw_client(county, credential(a)) as http:
        pulled_by_a = http.get("/v1/pull").text
        listed_by_a = http.get("/v1/conflicts").text
    assert a.device_id not in pulled + listed
    assert b.device_id not in pulled_by_a + listed_by_a
    # A laptop still knows its own rows and its own conflicts.
    assert b.device_id in pulled and b.device_id in listed
    assert a.device_id in pulled_by_a
    sync(a)
    [conflict] = open_conflicts(a)
    assert conflict.other_device not in (b.device_id, "")
    [mine] = open_conflicts(b)
    assert mine.other_device == b.device_id


# 2. Region names are county data -----------------------------------------------------------
def test_a_laptop_cannot_rename_or_add_regions(
    county: CountyServer, laptops: Callable[[str], Store], household_data: Make
) -> None:
    a = laptops("a")
    enroll_laptop(county, a, role="township", scope=TOWNSHIP)
    save_household(a, parse_household(household_data()))
    assert sync(a).synced
    renamed = [
        {"code": COUNTY, "name": "改名县", "level": "county", "parent_code": None},
        {"code": TOWNSHIP, "name": "改名镇", "level": "township", "parent_code": COUNTY},
        {"code": TOWNSHIP + "299", "name": "新造村", "level": "village", "parent_code": TOWNSHIP},
    ]
    with raw_client(county, credential(a)) as http:
        answer = http.post("/v1/push", json=push([], renamed))
    assert answer.status_code == 200, answer.text
    refused = answer.json()["refused_regions"]
    assert [r["value"] for r in refused] == ["改名县", "改名镇", "新造村"]
    for r in refused:
        assert CJK.search(r["message_zh"]) and r["value"] in r["message_zh"]
        assert r["value"] in r["message_en"] and "county" in r["message_en"]
    with county.engine.connect() as conn:
        names = dict(conn.execute(select(REGION.c.code, REGION.c.name)).all())
    assert names[COUNTY] == "泾阳县" and names[TOWNSHIP] == "云阳镇"
    assert TOWNSHIP + "299" not in names

    # The county administration renames, and laptops holding households there take the
    # county's name (the households come down again, with their regions).
    rename_region(county.engine, TOWNSHIP, "云阳街道")
    assert sync(a).synced
    with a.read() as conn:
        from caseworker.store.regions import region_names

        assert region_names(conn)[TOWNSHIP] == "云阳街道"


# 4. Credentials before bodies ---------------------------------------------------------------
def _status_of_half_sent(county: CountyServer, headers: dict[str, str], sent: int) -> int:
    """Send a request announcing a 60 MB body but only ``sent`` bytes of it, and read the
    answer: a server that waits for the whole body before checking credentials times out."""
    parts = urlsplit(county.url)
    lines = [
        "POST /v1/push HTTP/1.1",
        f"Host: {parts.netloc}",
        "Content-Type: application/json",
        f"Content-Length: {60 * 1024 * 1024}",
        *(f"{k}: {v}" for k, v in headers.items()),
    ]
    with socket.create_connection((parts.hostname, parts.port), timeout=10) as s:
        s.sendall(("\r\n".join(lines) + "\r\n\r\n").encode() + b"[" * sent)
        answer = s.recv(4096).decode("latin-1")
    return int(answer.split(" ", 2)[1])


def test_a_body_without_a_valid_credential_is_refused_before_it_is_read(
    county: CountyServer, laptops: Callable[[str], Store]
) -> None:
    assert _status_of_half_sent(county, {}, 64 * 1024) == 401
    forged = {"Authorization": "Bearer 00000000-0000-0000-0000-000000000000.forged"}
    assert _status_of_half_sent(county, forged, 64 * 1024) == 401
    with raw_client(county) as http:
        refused = http.post("/v1/push", content=b"[" * 5_000_000)
        assert refused.status_code == 401
        bilingual(refused)
        # Enrollment is the one request without a credential: its body is small.
        big = http.post(
            "/v1/enroll",
            json={"code": "X" * 40, "device_id": "d" * 36, "device_name": "n" * 200_000},
        )
        assert big.status_code == 413
        bilingual(big)
    assert county.alive


# 3. Conflict resolution abuse ---------------------------------------------------------------
def test_a_stale_resolution_cannot_undo_an_earlier_one(
    county: CountyServer, laptops: Callable[[str], Store], household_data: Make
) -> None:
    a, b, c = laptops("a"), laptops("b"), laptops("c")
    for laptop, worker in ((a, "王建华"), (b, "李秀英"), (c, "张伟")):
        enroll_laptop(county, laptop, worker=worker)
    h = parse_household(household_data())
    save_household(a, h)
    sync(a)
    sync(b)
    sync(c)
    edit(a, h.id, set_illness("肺癌晚期"))
    edit(b, h.id, set_illness("肺癌（已手术）"))
    edit(c, h.id, set_illness("肺癌（化疗中）"))
    sync(a)
    assert sync(b).conflicts == 1
    assert sync(c).conflicts == 1
    sync(b)
    sync(c)
    # B settles its conflict for its own value; C, who saw "肺癌晚期" in force, keeps it.
    [cb] = [x for x in open_conflicts(b) if x.other_value == "肺癌（已手术）"]
    resolve_conflict(b, cb.id, "other")
    assert sync(b).synced
    [cc] = [x for x in open_conflicts(c) if x.other_value == "肺癌（化疗中）"]
    assert cc.kept_value == "肺癌晚期"
    resolve_conflict(c, cc.id, "kept")
    report = sync(c)
    assert any("肺癌（已手术）" in p for p in report.problems), report.problems
    _, row = member_row(county, h.id, "王桂芝")
    assert row["serious_illness"] == "肺癌（已手术）"  # B's resolution stands
    # C sees the conflict again, with the value now in force, and can settle it.
    [again] = open_conflicts(c)
    assert again.id == cc.id and again.kept_value == "肺癌（已手术）"
    resolve_conflict(c, cc.id, "kept")
    assert sync(c).synced and open_conflicts(c) == []
    assert list_conflicts(county.engine) == []
    _, row = member_row(county, h.id, "王桂芝")
    assert row["serious_illness"] == "肺癌（已手术）"


def test_conflicts_are_made_only_of_real_fields_and_values(
    county: CountyServer, laptops: Callable[[str], Store], household_data: Make
) -> None:
    a = laptops("a")
    enroll_laptop(county, a)
    h = parse_household(household_data())
    save_household(a, h)
    sync(a)
    member_id, _ = member_row(county, h.id, "王桂芝")

    def change(seq: int, new: dict[str, Any], base: dict[str, Any]) -> dict[str, Any]:
        row = {"table": "member", "id": member_id, "op": "update", "base": base, "new": new}
        return {"seq": seq, "household_id": h.id, "village_code": VILLAGE_A, "rows": [row]}

    with raw_client(county, credential(a)) as http:
        bad_key = http.post("/v1/push", json=push([change(90, {"address') --": "x"}, {})]))
        [result] = bad_key.json()["results"]
        assert result["status"] == "rejected", result
        assert result["errors"][0]["field"] == "address') --"
        bad_value = http.post(
            "/v1/push", json=push([change(91, {"serious_illness": 7}, {"serious_illness": "x"})])
        )
        [result] = bad_value.json()["results"]
        assert result["status"] == "rejected", result
        assert result["errors"][0]["field"] == "serious_illness"
        nan = b'{"serious_illness": NaN}'
        for path, body in (
            ("/v1/push", push([change(92, {"serious_illness": "@"}, {"serious_illness": "x"})])),
            ("/v1/conflicts/resolve", {"resolutions": [{"conflict_id": "x", "value": "@"}]}),
        ):
            text = httpx.Request("POST", "/", json=body).content.replace(b'"@"', b"NaN")
            refused = http.post(path, content=text, headers={"Content-Type": "application/json"})
            assert refused.status_code == 422, (path, refused.text)
            bilingual(refused, "NaN")
        assert nan  # (the same spelling inside a row)
    with county.engine.connect() as conn:
        assert conn.execute(select(CONFLICT)).first() is None


def test_the_county_dismisses_a_conflict_with_a_reason(
    county: CountyServer, laptops: Callable[[str], Store], household_data: Make
) -> None:
    a, b = laptops("a"), laptops("b")
    enroll_laptop(county, a)
    enroll_laptop(county, b, worker="李秀英")
    h = parse_household(household_data())
    save_household(a, h)
    sync(a)
    sync(b)
    edit(a, h.id, set_illness("肺癌晚期"))
    edit(b, h.id, set_illness("肺癌（已手术）"))
    sync(a)
    sync(b)
    [c] = list_conflicts(county.engine)
    dismiss_conflict(county.engine, c.id, "两个值都不对，入户核实后重新录入")
    assert list_conflicts(county.engine) == []
    [closed] = list_conflicts(county.engine, open_only=False)
    assert closed.resolved and closed.note == "两个值都不对，入户核实后重新录入"
    assert sync(b).synced and open_conflicts(b) == []
    _, row = member_row(county, h.id, "王桂芝")
    assert row["serious_illness"] == "肺癌晚期"


# 5. A resolution passes the household's checks ----------------------------------------------
def test_a_resolution_goes_through_the_household_checks(
    county: CountyServer, laptops: Callable[[str], Store], household_data: Make
) -> None:
    a, b = laptops("a"), laptops("b")
    enroll_laptop(county, a)
    enroll_laptop(county, b, worker="李秀英")
    h = parse_household(household_data())
    save_household(a, h)
    sync(a)
    sync(b)
    edit(a, h.id, lambda d: d["members"][1].update(relation="other"))
    edit(b, h.id, lambda d: d["members"][1].update(relation="sibling"))
    sync(a)
    sync(b)
    [c] = list_conflicts(county.engine)
    assert c.field == "relation" and c.kept_value == "other"
    with raw_client(county, credential(b)) as http:
        # A second head of household, through a conflict on one member's relation.
        answer = http.post(
            "/v1/conflicts/resolve",
            json={"resolutions": [{"conflict_id": c.id, "value": "head", "base": "other"}]},
        )
        assert answer.status_code == 200, answer.text
        [refused] = answer.json()["refused"]
        assert refused["conflict_id"] == c.id and CJK.search(refused["reason_zh"])
        assert "head" in refused["reason_en"]
        assert answer.json()["resolved"] == []
    [still] = list_conflicts(county.engine)
    assert still.id == c.id and "head" in still.note
    _, parent = member_row(county, h.id, "王桂芝")
    assert parent["relation"] == "other"
