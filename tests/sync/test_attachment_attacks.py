"""Attachments against a hostile or broken device, on a real county server (SQLite and
PostgreSQL): records out of scope or for unknown households, content fetched by guessing
its hash, malformed hashes, chunks too large or out of range, files over the county's
limit, content that does not match its hash, records that fail the laptop's own checks,
and records rewritten after the fact. Each is refused with a reason in Chinese and
English, and nothing of it is stored."""

import hashlib
import re
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from caseworker.cli import main
from caseworker.domain.evidence import Attachment
from caseworker.domain.idnumber import check_character
from caseworker.interchange.household_format import parse_household
from caseworker.store.attachments import attachment_by_id, has_content
from caseworker.store.db import Store
from caseworker.store.households import save_household
from caseworker.store.tables import ATTACHMENT as LAPTOP_ATTACHMENT
from caseworker.sync.attachment_wire import wire_record
from caseworker.sync.client import sync
from caseworker.sync.county.attachment_uploads import CHUNK_SIZE as CHUNK
from caseworker.sync.county.attachment_uploads import MAX_OPEN_UPLOADS
from caseworker.sync.county.db import lock_households
from caseworker.sync.county.tables import (
    ATTACHMENT,
    ATTACHMENT_CHUNK,
    ATTACHMENT_CONTENT,
    ATTACHMENT_UPLOAD,
    REFUSAL,
)
from tests.sync.attachment_helpers import MiB, attach, pdf_bytes, publish_file_limit, remove
from tests.sync.conftest import VILLAGE_B, CountyServer, enroll_laptop, raw_client

Make = Callable[..., dict[str, Any]]
CJK = re.compile(r"[\u4e00-\u9fff]")
TABLES = (ATTACHMENT, ATTACHMENT_CONTENT, ATTACHMENT_UPLOAD, ATTACHMENT_CHUNK)


@dataclass
class Scene:
    county: CountyServer
    a: Store  # village A, with household ``ha`` and its attachment ``kept``
    x: Store  # village B, with household ``hb``
    ha: str
    hb: str
    kept: Attachment
    content: bytes


@pytest.fixture
def scene(county: CountyServer, laptops: Callable[[str], Store], household_data: Make) -> Scene:
    a, x = laptops("a"), laptops("x")
    enroll_laptop(county, a)
    enroll_laptop(county, x, scope=VILLAGE_B, worker="李秀英")
    ha = parse_household(household_data())
    save_household(a, ha)
    hb = parse_household(
        household_data(
            village_code=VILLAGE_B,
            members=[
                {
                    **household_data()["members"][0],
                    "id_number": "61042319800101001" + check_character("61042319800101001"),
                    "name": "赵四",
                }
            ],
        )
    )
    save_household(x, hb)
    content = pdf_bytes(CHUNK + 500, seed=11)
    kept = attach(a, ha.id, content, member_id=ha.members[0].id)
    report = sync(a)
    assert report.attachments_sent == 1 and report.accepted == 1
    assert sync(x).accepted == 1
    return Scene(county, a, x, ha.id, hb.id, kept, content)


def counts(county: CountyServer) -> dict[str, int]:
    with county.engine.connect() as conn:
        return {
            t.name: int(conn.execute(select(func.count()).select_from(t)).scalar_one())
            for t in (*TABLES, REFUSAL)
        }


@contextmanager
def nothing_stored(county: CountyServer, *, logged: int = 0) -> Iterator[None]:
    """Nothing of the attachment tables changes (and ``logged`` refusals are recorded)."""
    before = counts(county)
    yield
    after = counts(county)
    assert after == {**before, "refusal": before["refusal"] + logged}, (before, after)


def bilingual(response: httpx.Response, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body = response.json()
    assert CJK.search(body["reason_zh"]) and re.search("[A-Za-z]", body["reason_en"]), body
    return dict(body)


def device(scene: Scene, store: Store) -> httpx.Client:
    return raw_client(scene.county, store.setting("sync.credential"))


def record_of(attachment: Attachment, **changes: Any) -> dict[str, Any]:
    return {**wire_record(attachment), **changes}


def push(http: httpx.Client, *records: dict[str, Any]) -> httpx.Response:
    return http.post("/v1/attachments/records", json={"attachments": list(records)})


def rejected(response: httpx.Response) -> list[dict[str, Any]]:
    assert response.status_code == 200, response.text
    [result] = response.json()["results"]
    assert result["status"] == "rejected", result
    for e in result["errors"]:
        assert CJK.search(e["message_zh"]) and e["message_en"] and e["field"], e
    return list(result["errors"])


def test_a_record_for_a_household_outside_the_scope_or_unknown_is_refused(scene: Scene) -> None:
    other = record_of(scene.kept, id=str(uuid.uuid4()), member_id=None)
    with device(scene, scene.x) as http, nothing_stored(scene.county, logged=1):
        body = bilingual(push(http, other), 403)
        assert "scope" in body["reason_en"]
    unknown = record_of(scene.kept, id=str(uuid.uuid4()), household_id=str(uuid.uuid4()))
    with device(scene, scene.x) as http, nothing_stored(scene.county):
        [error] = rejected(push(http, {**unknown, "member_id": None}))
        assert error["code"] == "unknown_household"
    # Nor may a device name a member of another household as its own.
    borrowed = record_of(scene.kept, id=str(uuid.uuid4()), household_id=scene.hb)
    with device(scene, scene.x) as http, nothing_stored(scene.county):
        codes = {e["code"] for e in rejected(push(http, borrowed))}
        assert "unknown_link" in codes


def test_content_outside_the_scope_is_answered_as_unknown_content(scene: Scene) -> None:
    sha = scene.kept.sha256
    unknown = hashlib.sha256(b"nobody has this").hexdigest()
    with device(scene, scene.x) as http, nothing_stored(scene.county):
        held = http.get(f"/v1/attachments/content/{sha}/0")
        absent = http.get(f"/v1/attachments/content/{unknown}/0")
        assert held.status_code == absent.status_code == 404
        assert held.json() == absent.json()
        bilingual(held, 404)
        # An out-of-range chunk of it says no more than a chunk in range would.
        assert http.get(f"/v1/attachments/content/{sha}/99").json() == absent.json()
        # A record of its own household naming the content, without sending it first.
        guessed = record_of(scene.kept, id=str(uuid.uuid4()), household_id=scene.hb)
        guessed["member_id"] = None
        never = {**guessed, "id": str(uuid.uuid4()), "sha256": unknown}
        said = [(e["field"], e["code"]) for e in rejected(push(http, guessed))]
        assert said == [(e["field"], e["code"]) for e in rejected(push(http, never))]
        assert said == [("sha256", "content_missing")]
    # Asking whether the county holds it starts an upload, as for content it lacks.
    with device(scene, scene.x) as http:
        answer = http.post(
            "/v1/attachments/uploads", json={"contents": [{"sha256": sha, "size": 10}]}
        )
        assert answer.json()["contents"][0]["state"] == "upload"
    # The laptop of the scope gets it.
    with device(scene, scene.a) as http:
        mine = http.get(f"/v1/attachments/content/{sha}/0")
        assert mine.status_code == 200 and mine.content == scene.content[:CHUNK]
        assert mine.headers["X-Chunks"] == "2"


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/v1/attachments/content/{bad}/0"),
        ("PUT", "/v1/attachments/uploads/{bad}/0"),
    ],
)
def test_a_hash_in_a_path_is_64_lowercase_hex_digits(scene: Scene, method: str, path: str) -> None:
    for bad in ("A" * 64, "0" * 63, "g" * 64, "0" * 65, "..%2F..%2Fetc"):
        with device(scene, scene.a) as http, nothing_stored(scene.county):
            response = http.request(method, path.format(bad=bad), content=b"x")
            assert response.status_code in (404, 422), (bad, response.text)
            body = bilingual(response, response.status_code)
            if response.status_code == 422:
                assert "SHA-256" in body["reason_en"]
    with device(scene, scene.a) as http, nothing_stored(scene.county):
        body = bilingual(
            http.post(
                "/v1/attachments/uploads", json={"contents": [{"sha256": "A" * 64, "size": 1}]}
            ),
            422,
        )
        assert "SHA-256" in body["reason_en"]


def start(http: httpx.Client, content: bytes) -> dict[str, Any]:
    sha = hashlib.sha256(content).hexdigest()
    answer = http.post(
        "/v1/attachments/uploads", json={"contents": [{"sha256": sha, "size": len(content)}]}
    )
    assert answer.status_code == 200, answer.text
    return dict(answer.json()["contents"][0])


def test_chunks_too_large_out_of_range_or_of_the_wrong_size_are_refused(scene: Scene) -> None:
    content = pdf_bytes(3 * CHUNK, seed=12)
    sha = hashlib.sha256(content).hexdigest()
    with device(scene, scene.a) as http:
        state = start(http, content)
        assert state["state"] == "upload" and state["chunks"] == 3
        with nothing_stored(scene.county):
            body = bilingual(http.put(f"/v1/attachments/uploads/{sha}/0", content=content), 413)
            assert "chunk" in body["reason_en"]
            body = bilingual(http.put(f"/v1/attachments/uploads/{sha}/3", content=b"x"), 422)
            assert "out of range" in body["reason_en"]
            bilingual(http.put(f"/v1/attachments/uploads/{sha}/-1", content=b"x"), 422)
            body = bilingual(http.put(f"/v1/attachments/uploads/{sha}/1", content=b"x" * 10), 422)
            assert "must be" in body["reason_en"]
        unknown = hashlib.sha256(b"never declared").hexdigest()
        with nothing_stored(scene.county, logged=1):
            bilingual(http.put(f"/v1/attachments/uploads/{unknown}/0", content=b"x"), 409)


def test_a_file_over_the_countys_limit_is_refused_and_the_pack_sets_the_limit(
    scene: Scene, capsys: pytest.CaptureFixture[str]
) -> None:
    with device(scene, scene.a) as http, nothing_stored(scene.county):
        sha = hashlib.sha256(b"big").hexdigest()
        answer = http.post(
            "/v1/attachments/uploads",
            json={"contents": [{"sha256": sha, "size": 20 * MiB + 1}]},
        ).json()
        assert answer["max_file_bytes"] == 20 * MiB
        [state] = answer["contents"]
        assert state["state"] == "refused"
        assert "20 MB" in state["reason_zh"] and "20 MB" in state["reason_en"]
    # The county's pack says 1 MB: a file of 2 MB is refused, and so is its record.
    publish_file_limit(scene.county.engine, 1)
    big = pdf_bytes(2 * MiB, seed=13)
    attach(scene.a, scene.ha, big)
    with nothing_stored(scene.county):
        report = sync(scene.a)
    assert report.attachments_sent == 0 and report.attachments_pending == 1
    # The specialist is told which document, of which household, and why; not its
    # fingerprint.
    [problem] = report.problems
    assert problem.startswith(
        "张学林家的户口簿（全户，2026-11-02）：文件有 2.0 MB，超过县里允许的 1 MB / "
    ), problem
    assert "(the household, 2026-11-02) of 张学林's household: the file is 2.0 MB" in problem
    assert hashlib.sha256(big).hexdigest()[:8] not in problem
    # ``caseworker sync`` says it too, and does not promise the file goes next time.
    scene.a.close()
    capsys.readouterr()
    assert main(["sync", "--db", str(scene.a.path)]) == 1
    said = capsys.readouterr().out
    assert "张学林家的户口簿（全户，2026-11-02）：文件有 2.0 MB" in said, said
    assert "还有1份证明材料未送到县里，其中1份县里没有接收（原因见上）" in said
    assert "the county refused 1 of them (see above)" in said


def test_a_record_the_county_refuses_is_named_by_its_household_and_document(
    scene: Scene,
) -> None:
    # A record dated in the future (kept by an earlier version, which let a date be typed
    # past today) is refused by the county; the specialist reads which one and why.
    added = attach(scene.a, scene.ha, pdf_bytes(5_000, seed=31))
    with scene.a.begin() as conn:
        conn.execute(
            LAPTOP_ATTACHMENT.update()
            .where(LAPTOP_ATTACHMENT.c.id == added.id)
            .values(taken_on=date(2099, 1, 1))
        )
    report = sync(scene.a)
    assert report.attachments_pending == 1
    [problem] = report.problems
    assert problem.startswith(
        "张学林家的户口簿（全户，2099-01-01）：材料日期“2099-01-01”：日期不能晚于今天 / "
    ), problem
    assert problem.endswith(
        "hukou booklet (the household, 2099-01-01) of 张学林's household: "
        "date taken '2099-01-01': cannot be in the future"
    ), problem
    assert added.id[:8] not in problem and added.sha256[:8] not in problem


def test_content_that_does_not_match_its_hash_is_dropped_and_refused(scene: Scene) -> None:
    content = pdf_bytes(CHUNK + 10, seed=14)
    forged = pdf_bytes(CHUNK + 10, seed=15)
    sha = hashlib.sha256(content).hexdigest()
    with device(scene, scene.a) as http, nothing_stored(scene.county):
        start(http, content)
        assert http.put(f"/v1/attachments/uploads/{sha}/0", content=forged[:CHUNK]).status_code
        body = bilingual(http.put(f"/v1/attachments/uploads/{sha}/1", content=forged[CHUNK:]), 422)
        assert "SHA-256" in body["reason_en"] and "dropped" in body["reason_en"]
    # Sent again as it is, it is taken.
    with device(scene, scene.a) as http:
        start(http, content)
        http.put(f"/v1/attachments/uploads/{sha}/0", content=content[:CHUNK])
        answer = http.put(f"/v1/attachments/uploads/{sha}/1", content=content[CHUNK:]).json()
        assert answer["complete"]


def stored_content(county: CountyServer, sha: str) -> bytes:
    with county.engine.connect() as conn:
        return b"".join(
            conn.execute(
                select(ATTACHMENT_CHUNK.c.data)
                .join(
                    ATTACHMENT_CONTENT,
                    (ATTACHMENT_CONTENT.c.sha256 == ATTACHMENT_CHUNK.c.sha256)
                    & (ATTACHMENT_CONTENT.c.device_id == ATTACHMENT_CHUNK.c.device_id),
                )
                .where(ATTACHMENT_CHUNK.c.sha256 == sha)
                .order_by(ATTACHMENT_CHUNK.c.chunk_index)
            ).scalars()
        )


def test_the_hash_checked_is_of_the_chunks_the_county_keeps(scene: Scene) -> None:
    """The county hashes chunks as they arrive: out of order, and sent twice with other
    bytes the second time (the first stays), the content it keeps is the one declared;
    forged bytes sent first are what it keeps, so the content is refused."""
    content = pdf_bytes(3 * CHUNK + 20, seed=16)
    forged = pdf_bytes(3 * CHUNK + 20, seed=17)
    sha = hashlib.sha256(content).hexdigest()

    def chunk(data: bytes, index: int) -> bytes:
        return data[index * CHUNK : (index + 1) * CHUNK]

    with device(scene, scene.a) as http:
        start(http, content)
        for data, index in ((content, 1), (content, 0), (forged, 0), (forged, 1), (content, 3)):
            answer = http.put(f"/v1/attachments/uploads/{sha}/{index}", content=chunk(data, index))
            assert answer.status_code == 200, answer.text
            assert not answer.json()["complete"]
        answer = http.put(f"/v1/attachments/uploads/{sha}/2", content=chunk(content, 2))
        assert answer.json()["complete"]
    assert stored_content(scene.county, sha) == content

    other = pdf_bytes(2 * CHUNK + 30, seed=18)
    sha = hashlib.sha256(other).hexdigest()
    with device(scene, scene.a) as http, nothing_stored(scene.county):
        start(http, other)
        http.put(f"/v1/attachments/uploads/{sha}/0", content=chunk(forged, 0))
        http.put(f"/v1/attachments/uploads/{sha}/0", content=chunk(other, 0))
        http.put(f"/v1/attachments/uploads/{sha}/1", content=chunk(other, 1))
        body = bilingual(http.put(f"/v1/attachments/uploads/{sha}/2", content=chunk(other, 2)), 422)
        assert "SHA-256" in body["reason_en"]


def test_an_upload_left_unfinished_for_a_month_is_given_up(scene: Scene) -> None:
    """The chunks of an upload a device began and never finished do not stay at the
    county for ever: a month on, the next uploads of any device drop them (its own device
    sends the file again; one lost or retired never comes back for them)."""
    old, recent = pdf_bytes(2 * CHUNK + 5, seed=19), pdf_bytes(2 * CHUNK + 6, seed=20)
    lost = pdf_bytes(2 * CHUNK + 7, seed=21)  # begun by village B's laptop, never again
    old_sha, recent_sha, lost_sha = (hashlib.sha256(c).hexdigest() for c in (old, recent, lost))
    for store, contents in ((scene.a, (old, recent)), (scene.x, (lost,))):
        with device(scene, store) as http:
            for content in contents:
                start(http, content)
                sha = hashlib.sha256(content).hexdigest()
                assert http.put(f"/v1/attachments/uploads/{sha}/0", content=content[:CHUNK])
    with scene.county.engine.begin() as conn:
        conn.execute(
            ATTACHMENT_UPLOAD.update()
            .where(ATTACHMENT_UPLOAD.c.sha256.in_([old_sha, lost_sha]))
            .values(started_at=datetime.now(UTC) - timedelta(days=31))
        )

    def chunks_held(sha: str) -> int:
        with scene.county.engine.connect() as conn:
            return int(
                conn.execute(
                    select(func.count())
                    .select_from(ATTACHMENT_CHUNK)
                    .where(ATTACHMENT_CHUNK.c.sha256 == sha)
                ).scalar_one()
            )

    assert chunks_held(old_sha) == chunks_held(recent_sha) == chunks_held(lost_sha) == 1
    with device(scene, scene.a) as http:
        assert start(http, recent)["received"] == [0]  # a recent upload resumes
        assert chunks_held(old_sha) == chunks_held(lost_sha) == 0
        assert start(http, old)["received"] == []  # begun again from nothing


def test_files_no_record_names_are_limited_per_device_and_dropped_after_a_month(
    scene: Scene,
) -> None:
    # A device that sends files and never their records (a stolen laptop, a script) cannot
    # fill the county's disk: it is stopped at the limit of uploads under way, and what it
    # sent is dropped a month later. The file a record names stays.
    contents = [pdf_bytes(200, seed=2000 + n) for n in range(MAX_OPEN_UPLOADS)]
    hashes = [hashlib.sha256(c).hexdigest() for c in contents]
    wanted = [{"sha256": sha, "size": len(c)} for sha, c in zip(hashes, contents, strict=True)]
    with device(scene, scene.x) as http:
        answer = http.post("/v1/attachments/uploads", json={"contents": wanted}).json()
        assert {s["state"] for s in answer["contents"]} == {"upload"}
        for sha, content in zip(hashes, contents, strict=True):
            assert http.put(f"/v1/attachments/uploads/{sha}/0", content=content).json()["complete"]
        extra = pdf_bytes(200, seed=3000)
        refused = start(http, extra)
        assert refused["state"] == "refused" and f"最多{MAX_OPEN_UPLOADS}个" in refused["reason_zh"]
    assert counts(scene.county)["attachment_content"] == MAX_OPEN_UPLOADS + 1
    with scene.county.engine.begin() as conn:
        conn.execute(
            ATTACHMENT_UPLOAD.update()
            .where(ATTACHMENT_UPLOAD.c.completed_at.is_not(None))
            .values(completed_at=datetime.now(UTC) - timedelta(days=31))
        )
    with device(scene, scene.x) as http:
        assert start(http, extra)["state"] == "upload"
    with scene.county.engine.connect() as conn:
        kept = set(conn.execute(select(ATTACHMENT_CONTENT.c.sha256)).scalars())
        chunks = set(conn.execute(select(ATTACHMENT_CHUNK.c.sha256)).scalars())
    assert kept == chunks == {scene.kept.sha256}  # the file a record names, and only it
    # The laptop that attached it syncs as before.
    assert sync(scene.a).problems == []


def test_a_file_is_not_dropped_while_a_record_naming_it_is_being_stored(scene: Scene) -> None:
    # A file sent a month ago and never named, and a record naming it arriving as the
    # device begins its next uploads: on PostgreSQL the two transactions run side by side,
    # and dropping the file then would leave the record without it.
    content = pdf_bytes(300, seed=4000)
    sha = hashlib.sha256(content).hexdigest()
    with device(scene, scene.x) as http:
        assert start(http, content)["state"] == "upload"
        assert http.put(f"/v1/attachments/uploads/{sha}/0", content=content).json()["complete"]
    engine = scene.county.engine
    with engine.begin() as conn:
        conn.execute(
            ATTACHMENT_UPLOAD.update()
            .where(ATTACHMENT_UPLOAD.c.sha256 == sha)
            .values(completed_at=datetime.now(UTC) - timedelta(days=31))
        )
        row = conn.execute(select(ATTACHMENT).where(ATTACHMENT.c.id == scene.kept.id)).one()
    later = pdf_bytes(300, seed=4001)
    answers: list[dict[str, Any]] = []

    def begin_next_uploads() -> None:
        with device(scene, scene.x) as http:
            answers.append(start(http, later))

    begun = threading.Thread(target=begin_next_uploads)
    with engine.begin() as conn:  # what storing a record does, held open
        lock_households(conn)
        seq = conn.execute(select(func.max(ATTACHMENT.c.seq))).scalar_one() + 1
        named = {**row._asdict(), "id": str(uuid.uuid4()), "household_id": scene.hb}
        conn.execute(ATTACHMENT.insert().values({**named, "sha256": sha, "seq": seq}))
        begun.start()
        begun.join(timeout=2)
        assert begun.is_alive()  # the dropping waits for the record
    begun.join()
    assert answers[0]["state"] == "upload"
    with engine.connect() as conn:
        assert (
            conn.execute(
                select(ATTACHMENT_CONTENT.c.sha256).where(ATTACHMENT_CONTENT.c.sha256 == sha)
            ).scalar_one_or_none()
            == sha
        )
        chunks = select(func.count()).where(ATTACHMENT_CHUNK.c.sha256 == sha)
        assert conn.execute(chunks).scalar_one() == 1


def test_records_are_checked_as_the_laptop_checks_them(scene: Scene) -> None:
    fresh = record_of(scene.kept, id=str(uuid.uuid4()))
    tomorrow = (datetime.now(UTC) + timedelta(days=3)).date().isoformat()
    spoilt = [
        ("kind", "passport", "unknown_code"),
        ("media_type", "text/html", "unknown_code"),
        # The content is a PDF: a record may not have laptops open it as a photo.
        ("media_type", "image/jpeg", "content_kind"),
        ("note", "字" * 201, "too_long"),
        ("taken_on", tomorrow, "future"),
        ("added_at", "2026-11-02 08:00:00", "datetime_format"),
        ("pages", 0, "range"),
        ("removed_reason", "没写时间", "required"),  # a reason without the time
        ("id", "not-a-uuid", "uuid"),
        ("size", 12, "size_mismatch"),
    ]
    with device(scene, scene.a) as http, nothing_stored(scene.county):
        for field, value, code in spoilt:
            errors = rejected(push(http, {**fresh, field: value}))
            named = "removed_at" if field == "removed_reason" else field
            assert (named, code) in {(e["field"], e["code"]) for e in errors}, (field, errors)
        removal_without_reason = {
            **fresh,
            "removed_at": datetime.now(UTC).isoformat(),
            "removed_by": "王建华",
        }
        codes = {e["code"] for e in rejected(push(http, removal_without_reason))}
        assert codes == {"required"}


def test_a_record_cannot_be_rewritten_only_removed_and_never_restored(scene: Scene) -> None:
    held = record_of(scene.kept)
    other_sha = hashlib.sha256(b"another file").hexdigest()
    with device(scene, scene.a) as http, nothing_stored(scene.county):
        for change in ({"kind": "other"}, {"sha256": other_sha}, {"note": "改过的说明"}):
            [error] = rejected(push(http, {**held, **change}))
            assert error["code"] == "immutable"
        # Sent again as it is: accepted, nothing changes.
        [result] = push(http, held).json()["results"]
        assert result["status"] == "accepted"
    removed = remove(scene.a, scene.kept.id, reason="照片不清楚")
    assert sync(scene.a).attachments_sent == 1
    with device(scene, scene.a) as http, nothing_stored(scene.county):
        [result] = push(http, held).json()["results"]  # the version before the removal
        assert result["status"] == "accepted"
        [result] = push(http, record_of(removed, removed_reason="别的原因")).json()["results"]
        assert result["status"] == "accepted"
    with scene.county.engine.connect() as conn:
        row = conn.execute(select(ATTACHMENT).where(ATTACHMENT.c.id == scene.kept.id)).one()
    assert row.removed_at is not None and row.removed_reason == "照片不清楚"
    assert row.kind == scene.kept.kind.value and row.version == 2


def test_a_laptop_keeps_no_file_that_is_not_the_kind_its_record_says(
    scene: Scene, laptops: Callable[[str], Store]
) -> None:
    # Whatever reached the county's tables (a damaged or tampered database), a laptop
    # opens no file as a photo that is not one.
    with scene.county.engine.begin() as conn:
        conn.execute(
            ATTACHMENT.update()
            .where(ATTACHMENT.c.id == scene.kept.id)
            .values(media_type="image/jpeg")
        )
    other = laptops("b")
    enroll_laptop(scene.county, other, worker="张明")
    report = sync(other)
    with other.read() as conn:
        assert attachment_by_id(conn, scene.kept.id) is None
        assert not has_content(conn, scene.kept.sha256)
    assert report.attachments_received == 0
    assert any("种类不符" in p for p in report.problems), report.problems
