"""Interrupted pushes and pulls, quarantine, scope, credentials and bad input, against a
real server process."""

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from caseworker.cli import main
from caseworker.config import resource_path
from caseworker.demo.generator import generate_households
from caseworker.domain.codes import Program, Sex
from caseworker.eligibility.engine import screen
from caseworker.interchange.household_format import parse_household
from caseworker.screening import policy_library
from caseworker.store.db import Store
from caseworker.store.households import count_households, save_household, save_households
from caseworker.store.policy_packs import received_policy_texts
from caseworker.store.tables import OUTBOX
from caseworker.sync.client import Cancelled, sync
from caseworker.sync.county.auth import create_enrollment, revoke
from caseworker.sync.county.tables import APPLIED, HOUSEHOLD, RECORD, REFUSAL
from caseworker.sync.quarantine import quarantined, resend
from caseworker.sync.transport import SyncError
from tests.sync.conftest import (
    TOWNSHIP,
    VILLAGE_A,
    VILLAGE_B,
    CountyServer,
    enroll_laptop,
    raw_client,
)

Make = Callable[..., dict[str, Any]]


def county_count(county: CountyServer, table: Any) -> int:
    with county.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


def demo(n: int, seed: int, village: str) -> list[Any]:
    households = generate_households(n, seed=seed, as_of=date(2026, 11, 1))
    for h in households:
        h.village_code = village
    return households


class DropAfter(httpx.HTTPTransport):
    """A transport that loses the answer of the n-th request to ``path`` (the server did
    the work)."""

    def __init__(self, lose: set[int], path: str) -> None:
        super().__init__()
        self.count = 0
        self.lose = lose
        self.path = path

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.count += request.url.path == self.path
        response = super().handle_request(request)
        if request.url.path == self.path and self.count in self.lose:
            response.read()
            raise httpx.ReadError("connection lost", request=request)
        return response


def test_a_push_whose_answer_is_lost_is_retried_without_duplicates(
    county: CountyServer, laptops: Callable[[str], Store]
) -> None:
    a = laptops("a")
    enroll_laptop(county, a)
    save_households(a, demo(30, 3, VILLAGE_A))
    with pytest.raises(SyncError):
        sync(
            a, batch_size=10, transport=DropAfter({2}, "/v1/push")
        )  # 2nd batch applied, answer lost
    assert county_count(county, HOUSEHOLD) == 20
    report = sync(a, batch_size=10)
    assert report.synced
    assert county_count(county, HOUSEHOLD) == 30
    assert county_count(county, APPLIED) == 30  # each change applied exactly once
    with county.engine.connect() as conn:
        versions = set(conn.execute(select(RECORD.c.version)).scalars())
    assert versions == {1}  # the replay changed nothing


def test_a_pull_broken_mid_way_resumes_from_the_last_committed_page(
    county: CountyServer, laptops: Callable[[str], Store]
) -> None:
    a, b = laptops("a"), laptops("b")
    enroll_laptop(county, a)
    enroll_laptop(county, b)
    save_households(a, demo(25, 4, VILLAGE_A))
    assert sync(a).synced
    with pytest.raises(SyncError):
        sync(b, page_size=10, transport=DropAfter({2}, "/v1/pull"))  # page 1 stored, page 2 lost
    with b.read() as conn:
        assert count_households(conn) == 10
    assert sync(b, page_size=10).synced
    with a.read() as ca, b.read() as cb:
        assert count_households(cb) == 25
        from caseworker.interchange.household_format import household_to_dict
        from caseworker.store.households import iter_households

        assert [household_to_dict(h) for h in iter_households(ca)] == [
            household_to_dict(h) for h in iter_households(cb)
        ]


def test_cancelling_between_batches_keeps_everything_for_the_next_sync(
    county: CountyServer, laptops: Callable[[str], Store]
) -> None:
    a = laptops("a")
    enroll_laptop(county, a)
    save_households(a, demo(20, 5, VILLAGE_A))
    seen: list[int] = []
    with pytest.raises(Cancelled):
        sync(
            a, batch_size=5, progress=lambda p: seen.append(p.sent), cancelled=lambda: len(seen) > 2
        )
    assert 0 < county_count(county, HOUSEHOLD) < 20
    assert sync(a, batch_size=5).synced
    assert county_count(county, HOUSEHOLD) == 20


def test_a_rejected_record_is_quarantined_and_does_not_block_the_others(
    county: CountyServer, laptops: Callable[[str], Store], household_data: Make
) -> None:
    a, b = laptops("a"), laptops("b")
    enroll_laptop(county, a)
    enroll_laptop(county, b)
    first = parse_household(household_data())
    save_household(b, first)
    assert sync(b).synced
    # A registers the same person (ID number) in a household of its own, plus good ones.
    clash = parse_household(household_data())
    save_households(a, [clash, *demo(5, 6, VILLAGE_A)])
    report = sync(a)
    assert (report.accepted, report.rejected, report.quarantined) == (5, 1, 1)
    assert not report.synced
    [held] = quarantined(a)
    assert held.household_id == clash.id
    assert {e["code"] for e in held.errors} == {"id_in_other_household"}
    assert "另一户" in held.errors[0]["message_zh"]
    # The worker fixes it (the person was recorded twice: drop that member) and resends.
    clash.members = clash.members[:1]
    head = clash.members[0]
    head.id_number, head.birth_date, head.sex = "610423198001010013", date(1980, 1, 1), Sex.MALE
    save_household(a, clash)
    assert sync(a).synced
    assert quarantined(a) == []
    assert county_count(county, HOUSEHOLD) == 7


def test_a_household_outside_the_laptops_scope_is_held_back_locally(
    county: CountyServer, laptops: Callable[[str], Store], household_data: Make
) -> None:
    a = laptops("a")
    enroll_laptop(county, a, scope=VILLAGE_A)
    save_household(a, parse_household(household_data(village_code=VILLAGE_B)))
    save_households(a, demo(1, 10, VILLAGE_A))
    report = sync(a)
    assert report.accepted == 1 and report.quarantined == 1
    [held] = quarantined(a)
    assert held.errors[0]["code"] == "out_of_scope"
    assert resend(a, held.seq)  # it comes back as a fresh pending change ...
    assert sync(a).quarantined == 1  # ... and is held back again, never sent


def test_a_village_device_cannot_see_another_village(
    county: CountyServer, laptops: Callable[[str], Store]
) -> None:
    town = laptops("town")
    enroll_laptop(county, town, role="township", scope=TOWNSHIP)
    save_households(town, demo(4, 7, VILLAGE_A) + demo(3, 8, VILLAGE_B))
    assert sync(town).synced
    village_b = laptops("b")
    enroll_laptop(county, village_b, scope=VILLAGE_B)
    assert sync(village_b).received == 3  # only its own village comes down
    token = village_b.setting("sync.credential")
    with raw_client(county, token) as http:
        refused = http.get("/v1/pull", params={"village": VILLAGE_A})
        assert refused.status_code == 403
        assert "households" not in refused.json() and refused.json()["reason_zh"]
        # Pushing a household of village A is refused whole, and logged.
        before = county_count(county, HOUSEHOLD)
        with town.read() as conn:
            from caseworker.sync.local_rows import empty_rows, read_rows
            from caseworker.sync.outbox import diff_rows

            hid = demo(1, 7, VILLAGE_A)[0].id
            rows = read_rows(conn, [hid])[hid]
        change = {
            "seq": 1,
            "household_id": hid,
            "village_code": VILLAGE_A,
            "rows": diff_rows(hid, rows, empty_rows()),
        }
        pushed = http.post("/v1/push", json={"protocol": "caseworker.sync/1", "changes": [change]})
        assert pushed.status_code == 403
    assert county_count(county, HOUSEHOLD) == before
    assert county_count(county, REFUSAL) >= 2


def test_revoked_forged_and_replayed_credentials_are_refused(
    county: CountyServer, laptops: Callable[[str], Store]
) -> None:
    a = laptops("a")
    code = create_enrollment(county.engine, worker="王建华", role="village", scope=VILLAGE_A)
    from caseworker.sync.client import enroll

    enroll(a, county.url, code)
    other = laptops("other")
    with pytest.raises(SyncError) as replayed:
        enroll(other, county.url, code)  # a code is good once
    assert replayed.value.status == 409
    token = a.setting("sync.credential") or ""
    with raw_client(county, token.split(".")[0] + ".forged-secret") as http:
        assert http.get("/v1/whoami").status_code == 401
    with raw_client(county) as http:
        assert http.get("/v1/pull").status_code == 401
    assert sync(a).synced
    assert revoke(county.engine, a.device_id) == 1
    with pytest.raises(SyncError) as refused:
        sync(a)
    assert refused.value.status == 401 and "注销" in refused.value.zh
    assert county.alive


@pytest.mark.parametrize(
    "body, status",
    [
        (b"{not json", 422),
        (b'{"protocol": "caseworker.sync/1", "changes": "many"}', 422),
        (b'{"protocol": "caseworker.sync/1", "changes": [], "extra": 1}', 422),
        (
            b'{"protocol": "caseworker.sync/1", "changes": [{"seq": "1", "household_id": "x",'
            b' "village_code": "610423100201", "rows": []}]}',
            422,
        ),
    ],
)
def test_malformed_pushes_get_a_reason_and_store_nothing(
    county: CountyServer, laptops: Callable[[str], Store], body: bytes, status: int
) -> None:
    a = laptops("a")
    enroll_laptop(county, a)
    with raw_client(county, a.setting("sync.credential")) as http:
        response = http.post("/v1/push", content=body, headers={"Content-Type": "application/json"})
        assert response.status_code == status
        assert response.json()["detail"]
        assert http.post("/v1/push", content=b"x" * (65 * 1024 * 1024)).status_code == 413
    assert county_count(county, APPLIED) == 0 and county_count(county, RECORD) == 0
    assert county.alive


def test_bad_rows_are_rejected_per_record_with_field_and_value(
    county: CountyServer, laptops: Callable[[str], Store], household_data: Make
) -> None:
    a = laptops("a")
    enroll_laptop(county, a)
    h = parse_household(household_data())
    save_household(a, h)
    from caseworker.sync.local_rows import empty_rows, read_rows
    from caseworker.sync.outbox import diff_rows

    with a.read() as conn:
        rows = diff_rows(h.id, read_rows(conn, [h.id])[h.id], empty_rows())
    member = next(r for r in rows if r["table"] == "member")
    good = member["new"]["id_number"]
    answers = {}
    with raw_client(county, a.setting("sync.credential")) as http:
        for seq, bad in ((7, {"id_number": "610423197401080658"}), (8, {"nickname": "老张"})):
            member["new"] = {**member["new"], "id_number": good, **bad}
            change = {"seq": seq, "household_id": h.id, "village_code": VILLAGE_A, "rows": rows}
            body = {"protocol": "caseworker.sync/1", "changes": [change]}
            answer = http.post("/v1/push", json=body).json()
            assert answer["receipt"]["count"] == 0
            [answers[seq]] = answer["results"]
    assert {r["status"] for r in answers.values()} == {"rejected"}
    [wrong_id] = answers[7]["errors"]
    # Named by table, row and field: 家庭成员（1a2b3c4d）：身份证号“…”：…
    assert wrong_id["field"] == "id_number"
    assert wrong_id["value"] == "610423197401080658" and "身份证号" in wrong_id["message_zh"]
    assert "家庭成员" in wrong_id["message_zh"] and member["id"][:8] in wrong_id["message_en"]
    [unknown] = answers[8]["errors"]
    assert (unknown["field"], unknown["code"]) == ("nickname", "unknown_field")
    assert "member" in unknown["message_en"]
    assert county_count(county, RECORD) == 0


def test_policy_packs_published_at_the_county_come_down(
    county: CountyServer, laptops: Callable[[str], Store], tmp_path: Path
) -> None:
    bundled = resource_path("policies", "cn-610423-jingyang.yaml").read_text(encoding="utf-8")
    pack = tmp_path / "jingyang.yaml"
    # The county also passes on a month of price figures that came out after the release.
    month = "\n".join(
        f"  price_subsidy.{name}:\n    - {{from: 2099-10-01, value: {{2099-10: {value}}}, "
        f"ref: 国家统计局2099年10月数据（县民政局转发）}}"
        for name, value in (("cpi", "4.0"), ("food_cpi", "1.0"))
    )
    pack.write_text(
        bundled.replace('version: "2020.1"', 'version: "2020.3"').replace(
            "\nparameters:\n", f"\nparameters:\n{month}\n"
        ),
        encoding="utf-8",
    )
    assert main(["county", "publish-policy", "--db", county.db, str(pack)]) == 0
    other = tmp_path / "other.yaml"
    other.write_text(
        resource_path("policies", "cn-420102-jiangan.yaml").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    assert main(["county", "publish-policy", "--db", county.db, str(other)]) == 0
    broken = tmp_path / "broken.yaml"
    broken.write_text(
        pack.read_text(encoding="utf-8").replace("dibao.standard.rural", "dibao.standard.rurall"),
        encoding="utf-8",
    )
    assert main(["county", "publish-policy", "--db", county.db, str(broken)]) == 2
    a = laptops("a")
    enroll_laptop(county, a)
    assert sync(a).policies == 1
    assert received_policy_texts(a) == [pack.read_text(encoding="utf-8")]
    assert sync(a).policies == 0  # incremental
    # Screening on the laptop now uses the county's pack rather than the bundled one,
    # with the month of price figures it passed on.
    policy = policy_library(a).policy_for_county("610423")
    assert policy.version == "2020.3"
    october = date(2099, 10, 20)
    [household] = demo(1, 3, VILLAGE_A)
    price = screen(household, policy, october, explain=True).finding(Program.PRICE_SUBSIDY)
    assert price is not None and not price.missing
    assert any("2099年10月CPI同比4.0%" in r.text_zh for r in price.reasons)


def test_unsynced_changes_survive_re_enrollment_and_export_to_a_file(
    county: CountyServer,
    laptops: Callable[[str], Store],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    a = laptops("a")
    enroll_laptop(county, a)
    save_households(a, demo(6, 9, VILLAGE_A))
    enroll_laptop(county, a)  # re-enrollment keeps the outbox
    out = tmp_path / "pending.bin"
    assert main(["sync", "--db", str(a.path), "--export-pending", str(out)]) == 0
    assert "6" in capsys.readouterr().out  # signed and encrypted: tests/sync/test_pending_files.py
    assert main(["county", "import-pending", "--db", county.db, str(out)]) == 0
    assert county_count(county, HOUSEHOLD) == 6
    # When the laptop connects later, nothing is applied twice and the receipt matches.
    report = sync(a)
    assert report.synced and report.accepted == 6
    assert county_count(county, APPLIED) == 6
    with a.read() as conn:
        states = set(conn.execute(select(OUTBOX.c.state)).scalars())
    assert states == {"accepted"}
