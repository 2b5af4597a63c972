"""Bad input against the county server: requests generated from its own OpenAPI schema
(schemathesis, valid and invalid by the schema) and pushes built around real households, all
sent to a real server process on loopback.

Whatever arrives: no 5xx, every 4xx names its reason in Chinese and English, a refused
request stores nothing (only the log of refused credentials and scope, table ``refusal``,
grows), and the server keeps serving. Example counts are bounded and generation is
derandomized, so a run takes seconds and sends the same requests every time.
"""

import re
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import httpx
import requests
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
)
from sqlalchemy import Engine, func, select

from caseworker.interchange.household_format import parse_household
from caseworker.store.db import Store
from caseworker.store.households import save_household
from caseworker.sync.county.tables import METADATA
from caseworker.sync.local_rows import empty_rows, read_rows
from caseworker.sync.outbox import diff_rows
from caseworker.sync.wire import SYNC_TABLES
from tests.conftest import BASE_HOUSEHOLD
from tests.sync.conftest import VILLAGE_A, CountyServer, enroll_laptop, raw_client

EXAMPLES = 40  # per operation and way of generating
PUSH_EXAMPLES = 120
CJK = re.compile(r"[\u4e00-\u9fff]")
LATIN = re.compile(r"[A-Za-z]")
# 401, 403 and 409 are logged (table ``refusal``); nothing else may change when refused.
LOGGED = (401, 403, 409)
SETTINGS = settings(
    max_examples=EXAMPLES,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)


def table_counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {
            t.name: int(conn.execute(select(func.count()).select_from(t)).scalar_one())
            for t in METADATA.sorted_tables
        }


@dataclass
class Referee:
    """Sends requests to the county and checks every answer against the rules above."""

    county: CountyServer
    answered: dict[int, int] = field(default_factory=dict)  # status -> how many

    @contextmanager
    def watching(self, what: str) -> Iterator[Callable[[int, Any], None]]:
        before = table_counts(self.county.engine)

        def check(status: int, body: Any) -> None:
            self.answered[status] = self.answered.get(status, 0) + 1
            assert status < 500, f"{what}: {status} {body!r}"[:2000]
            assert self.county.alive, f"the server stopped after {what}"
            if status < 400:
                return
            assert isinstance(body, dict), f"{what}: {status} without a JSON reason: {body!r}"
            zh, en = body.get("reason_zh"), body.get("reason_en")
            assert isinstance(zh, str) and CJK.search(zh), f"{what}: {status} {body!r}"[:2000]
            assert isinstance(en, str) and LATIN.search(en), f"{what}: {status} {body!r}"[:2000]
            after = table_counts(self.county.engine)
            logged = 1 if status in LOGGED else 0
            assert after == {**before, "refusal": before["refusal"] + logged}, (
                f"{what}: refused with {status} but the county's tables changed: "
                f"{ {t: (before[t], after[t]) for t in after if before[t] != after[t]} }"
            )

        yield check


def _json(response: requests.Response | httpx.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        return response.text


def test_requests_generated_from_the_schema_are_answered_or_refused_with_reasons(
    county: CountyServer, laptops: Callable[[str], Store]
) -> None:
    store = laptops("a")
    enroll_laptop(county, store)
    credential = f"Bearer {store.setting('sync.credential')}"
    schema = schemathesis.openapi.from_url(f"{county.url}/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 8
    referee = Referee(county)
    exercised: set[str] = set()
    session = requests.Session()

    for operation in operations:
        needs_auth = any(p.name.lower() == "authorization" for p in operation.headers)
        fixed = {"authorization": credential} if needs_auth else None
        ways = [(GenerationMode.POSITIVE, fixed), (GenerationMode.NEGATIVE, fixed)]
        if needs_auth:  # and the credential itself generated
            ways.append((GenerationMode.POSITIVE, None))
        for mode, headers in ways:
            strategy = operation.as_strategy(generation_mode=mode, headers=headers)

            @SETTINGS
            @given(case=strategy)
            def send(case: schemathesis.Case) -> None:
                with referee.watching(f"{case.method} {case.formatted_path}") as check:
                    response = case.call(base_url=county.url, session=session, timeout=30)
                    check(response.status_code, _json(response))
                if response.status_code < 300:  # answers follow the published schema
                    case.validate_response(
                        response,
                        checks=[
                            not_a_server_error,
                            content_type_conformance,
                            response_schema_conformance,
                        ],
                    )

            try:
                send()
                exercised.add(operation.label)
            except Unsatisfiable:
                # Nothing of this operation can be made invalid (no parameters, or only
                # the credential, which this way keeps valid).
                continue

    session.close()
    assert exercised == {op.label for op in operations}
    # Both kinds of answer were seen: the generation reached past validation.
    assert any(200 <= s < 300 for s in referee.answered), referee.answered
    assert {401, 403, 422} <= set(referee.answered), referee.answered
    with raw_client(county) as http:
        assert http.get("/v1/health").status_code == 200


def push_of(changes: list[dict[str, Any]], regions: list[Any] | None = None) -> dict[str, Any]:
    return {"protocol": "caseworker.sync/1", "changes": changes, "regions": regions or []}


# NUL characters, which PostgreSQL cannot store, where the schema allows any text.
nul_change = {"seq": 1, "household_id": "\x00", "village_code": VILLAGE_A, "rows": []}
nul_region = {"code": VILLAGE_A, "name": "中街\x00村", "level": "village", "parent_code": None}
nul_entry = {
    "seq": 1,
    "id": "\x00",
    "at": "2026-11-01T08:00:00+08:00",
    "actor": "王\x00",
    "action": "view",
    "detail": {"\x00": "\x00"},
    "prev_hash": "0" * 64,
    "hash": "0" * 64,
}


def test_requests_off_the_schema_are_refused_with_reasons(
    county: CountyServer, laptops: Callable[[str], Store]
) -> None:
    store = laptops("a")
    enroll_laptop(county, store)
    referee = Referee(county)
    bad: list[tuple[str, str, dict[str, Any]]] = [
        ("GET", "/v1/nowhere", {}),
        ("DELETE", "/v1/push", {}),
        (
            "POST",
            "/v1/push",
            {"content": b"{not json", "headers": {"Content-Type": "application/json"}},
        ),
        (
            "POST",
            "/v1/push",
            {"content": b"\xff\xfe", "headers": {"Content-Type": "application/json"}},
        ),
        ("POST", "/v1/enroll", {"content": b"code=x", "headers": {"Content-Type": "text/plain"}}),
        ("GET", "/v1/pull", {"params": {"after": str(2**64)}}),
        ("GET", "/v1/pull", {"params": {"policy_after": "9" * 40}}),
        ("GET", "/v1/pull", {"params": {"village": "6104231002\x00"}}),
        ("POST", "/v1/conflicts/resolve", {"json": {"resolutions": [{"conflict_id": "\x00"}]}}),
        ("POST", "/v1/push", {"json": push_of([nul_change])}),
        ("POST", "/v1/push", {"json": push_of([], regions=[nul_region])}),
        ("POST", "/v1/audit", {"json": {"entries": [nul_entry]}}),
    ]
    with raw_client(county, store.setting("sync.credential")) as http:
        for method, path, kwargs in bad:
            with referee.watching(f"{method} {path} {kwargs}") as check:
                response = http.request(method, path, **kwargs)
                check(response.status_code, _json(response))
                assert 400 <= response.status_code < 500, (method, path, response.text)
        assert http.get("/v1/health").status_code == 200


# Pushes built around a real household: the envelope is right (protocol, the device's own
# village), so they reach the merge and the household checks, and the content is spoilt.
text = st.text(st.characters(codec="utf-8"), max_size=20)
spoilt_values = st.none() | st.booleans() | st.integers() | text | st.lists(text, max_size=2)


@st.composite
def spoilt_push(draw: st.DrawFn, rows: list[dict[str, Any]], household_id: str) -> dict[str, Any]:
    rows = [dict(r, new=dict(r["new"]) if r.get("new") else r.get("new")) for r in rows]
    for _ in range(draw(st.integers(1, 3))):
        row = draw(st.sampled_from(rows))
        what = draw(st.sampled_from(["value", "field", "table", "id", "op", "drop"]))
        if what == "value" and row["new"]:
            row["new"][draw(st.sampled_from(sorted(row["new"])))] = draw(spoilt_values)
        elif what == "field" and row["new"] is not None:
            row["new"][draw(text)] = draw(spoilt_values)
        elif what == "table":
            row["table"] = draw(st.sampled_from([*SYNC_TABLES, "setting", ""]) | text)
        elif what == "id":
            row["id"] = draw(st.sampled_from([household_id, str(uuid.uuid4())]) | text)
        elif what == "op":
            row["op"] = draw(st.sampled_from(["insert", "update", "delete"]))
            row["base"] = draw(st.none() | st.just(row["new"]))
        elif len(rows) > 1:
            rows.remove(row)
    change_id = draw(st.sampled_from([household_id, str(uuid.uuid4())]) | text)
    seq = draw(st.integers(1, 2**53))
    change = {"seq": seq, "household_id": change_id, "village_code": VILLAGE_A, "rows": rows}
    return {"protocol": "caseworker.sync/1", "changes": [change]}


def test_spoilt_pushes_of_a_real_household_are_rejected_and_leave_nothing_behind(
    county: CountyServer, laptops: Callable[[str], Store]
) -> None:
    store = laptops("a")
    enroll_laptop(county, store)
    household = parse_household(BASE_HOUSEHOLD)
    save_household(store, household)
    with store.read() as conn:
        rows = diff_rows(household.id, read_rows(conn, [household.id])[household.id], empty_rows())
    referee = Referee(county)
    kept = ("household", "record", "person", "conflict", "region", "counter")

    with raw_client(county, store.setting("sync.credential")) as http:

        @settings(SETTINGS, max_examples=PUSH_EXAMPLES)
        @given(body=spoilt_push(rows, household.id))
        def push(body: dict[str, Any]) -> None:
            before = table_counts(county.engine)
            with referee.watching("POST /v1/push (spoilt household)") as check:
                response = http.post("/v1/push", json=body)
                answer = _json(response)
                check(response.status_code, answer)
            if response.status_code != 200:
                return
            after = table_counts(county.engine)
            statuses = {r["status"] for r in answer["results"]}
            if statuses == {"rejected"}:
                for r in answer["results"]:
                    assert r["errors"] and all(e["message_zh"] and e["field"] for e in r["errors"])
                assert {t: after[t] for t in kept} == {t: before[t] for t in kept}, body

        push()
        assert http.get("/v1/health").status_code == 200
    assert referee.answered.get(200, 0) > 0
