"""Attachments between two laptops and a real county server (SQLite and PostgreSQL):
content goes up once, records after it, both come down to the other laptop whole and
identical, a removal follows, and a county of an earlier version still syncs households."""

import functools
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from caseworker.cli import main
from caseworker.domain.evidence import EvidenceKind
from caseworker.interchange.household_format import parse_household
from caseworker.store.db import Store
from caseworker.store.households import save_household
from caseworker.sync import client
from caseworker.sync.client import last_sync, sync
from caseworker.sync.county.attachment_uploads import CHUNK_SIZE as CHUNK
from caseworker.sync.county.attachment_uploads import MAX_OPEN_UPLOADS
from caseworker.sync.county.tables import ATTACHMENT, ATTACHMENT_CHUNK, ATTACHMENT_CONTENT
from tests.sync.attachment_helpers import (
    attach,
    content_hashes,
    pdf_bytes,
    records,
    remove,
)
from tests.sync.conftest import CountyServer, enroll_laptop

Make = Callable[..., dict[str, Any]]


class EarlierCounty(httpx.BaseTransport):
    """The county as it was before attachments: 404 for their paths."""

    def __init__(self) -> None:
        self.inner = httpx.HTTPTransport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.path.startswith("/v1/attachments/"):
            body = {"detail": "Not Found", "reason_zh": "没有这个接口"}
            return httpx.Response(404, json=body)
        return self.inner.handle_request(request)

    def close(self) -> None:
        self.inner.close()


def count(county: CountyServer, table: Any) -> int:
    with county.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


def test_attachments_go_up_once_and_down_to_the_other_laptop_identical_and_removal_follows(
    county: CountyServer,
    laptops: Callable[[str], Store],
    household_data: Make,
    capsys: pytest.CaptureFixture[str],
) -> None:
    a, b = laptops("a"), laptops("b")
    enroll_laptop(county, a)
    enroll_laptop(county, b, worker="李秀英")
    h = parse_household(household_data())
    save_household(a, h)
    assert sync(a).accepted == 1
    big = pdf_bytes(2 * CHUNK + 12345, seed=1)  # three chunks
    small = pdf_bytes(40_000, seed=2)
    first = attach(a, h.id, big, kind=EvidenceKind.HUKOU, note="户口簿首页\n及本人页")
    attach(a, h.id, small, kind=EvidenceKind.ID_CARD, member_id=h.members[0].id)
    again = attach(a, h.id, small, kind=EvidenceKind.OTHER)  # the same file twice

    report = sync(a)
    assert report.synced and report.attachments_sent == 3 and report.attachments_pending == 0
    assert report.chunks_sent == 3 + 1  # each content once
    assert count(county, ATTACHMENT) == 3 and count(county, ATTACHMENT_CONTENT) == 2
    assert count(county, ATTACHMENT_CHUNK) == 3 + 1  # the content's, kept as they came
    again_report = sync(a)  # nothing more to send, nothing new to take
    assert again_report.attachments_sent == 0 and again_report.chunks_sent == 0
    assert again_report.attachments_received == 0 and again_report.chunks_received == 0

    progress: list[tuple[str, int]] = []
    report_b = sync(b, progress=lambda p: progress.append((p.phase, p.attachments_received)))
    assert report_b.received == 1 and report_b.attachments_received == 3
    assert report_b.chunks_received == 4
    assert ("attachments", 3) in progress
    assert records(b, h.id) == records(a, h.id) and len(records(a, h.id)) == 3
    assert content_hashes(b, h.id) == content_hashes(a, h.id)
    summary = last_sync(b)
    assert summary is not None and summary.attachments_received == 3

    # A removal goes up from one laptop and down to the other; the county keeps the record.
    remove(b, first.id, reason="照片不清楚")
    remove(a, again.id, reason="重复上传")
    assert sync(b).attachments_sent == 1
    report = sync(a)
    assert report.attachments_sent == 1 and report.attachments_received == 1
    # ``caseworker sync`` says what it sent and received, in Chinese and English.
    b.close()
    assert main(["sync", "--db", str(b.path)]) == 0
    said = capsys.readouterr().out
    assert "证明材料：上传0份，下载1份" in said and "attachments: sent 0, received 1" in said
    assert records(b, h.id) == records(a, h.id)
    removed = {i: r[-1] for i, r in records(a, h.id).items() if r[-3] is not None}
    assert removed == {first.id: "照片不清楚", again.id: "重复上传"}
    assert count(county, ATTACHMENT) == 3


def test_progress_counts_the_bytes_of_evidence_going_up_and_coming_down(
    county: CountyServer, laptops: Callable[[str], Store], household_data: Make
) -> None:
    """The Sync page's bar for evidence: the bytes to send (each content once), done as
    the county takes them or turns out to have them already, ending at the whole; and the
    bytes received by the other laptop."""
    a, b = laptops("a"), laptops("b")
    enroll_laptop(county, a)
    enroll_laptop(county, b, worker="李秀英")
    h = parse_household(household_data())
    save_household(a, h)
    assert sync(a).accepted == 1 and sync(b).received == 1
    shared = pdf_bytes(CHUNK + 7, seed=4)  # two chunks
    attach(b, h.id, shared)  # b sends it first: the county will have it when a asks
    assert sync(b).attachments_sent == 1
    big = pdf_bytes(2 * CHUNK + 99, seed=5)  # three chunks
    attach(a, h.id, big)
    attach(a, h.id, big, kind=EvidenceKind.OTHER)  # the same content twice: sent once
    attach(a, h.id, shared)

    seen: list[tuple[int, int]] = []
    report = sync(a, progress=lambda p: seen.append((p.content_to_send, p.content_done)))
    total = len(big) + len(shared)
    assert {to_send for to_send, _ in seen} == {total}
    done = [d for _, d in seen]
    assert done == sorted(done) and done[0] == 0 and done[-1] == total
    assert len({d for d in done if 0 < d < total}) >= 2  # it moved along the way
    assert report.content_sent == len(big) and report.content_skipped == len(shared)
    assert report.chunks_sent == 3

    received: list[int] = []
    report_b = sync(b, progress=lambda p: received.append(p.content_received))
    assert report_b.content_received == len(big) == received[-1]
    assert received == sorted(received)


def test_more_files_than_the_county_lets_a_device_begin_at_once_go_in_one_sync(
    county: CountyServer, laptops: Callable[[str], Store], household_data: Make
) -> None:
    # A week of photos: more files than uploads a device may have under way at the county.
    a = laptops("a")
    enroll_laptop(county, a)
    h = parse_household(household_data())
    save_household(a, h)
    files = MAX_OPEN_UPLOADS + 50
    for n in range(files):
        attach(a, h.id, pdf_bytes(2_000, seed=1000 + n))
    report = sync(a)
    assert report.problems == [] and report.evidence_refused == []
    assert report.attachments_sent == files and report.attachments_pending == 0
    assert count(county, ATTACHMENT_CONTENT) == files


def test_a_county_of_an_earlier_version_syncs_households_and_says_attachments_were_not_sent(
    county: CountyServer,
    laptops: Callable[[str], Store],
    household_data: Make,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    a = laptops("a")
    enroll_laptop(county, a)
    h = parse_household(household_data())
    save_household(a, h)
    attach(a, h.id, pdf_bytes(10_000, seed=3))

    report = sync(a, transport=EarlierCounty())
    assert report.accepted == 1 and report.synced
    assert not report.attachments_supported
    assert report.attachments_sent == 0 and report.attachments_pending == 1
    assert any("未上传" in p and "not sent" in p for p in report.problems), report.problems
    # ``caseworker sync`` does not say 已同步 while the evidence waits, and its status
    # counts the file.
    monkeypatch.setattr(client, "sync", functools.partial(client.sync, transport=EarlierCounty()))
    a.close()
    assert main(["sync", "--db", str(a.path)]) == 1
    said = capsys.readouterr().out
    assert "未完全同步：家庭信息已同步（回执一致），还有1份证明材料未送到县里" in said, said
    assert "1 evidence file(s) are not at the county yet; they go with the next sync" in said
    assert "已同步（回执一致）/" not in said
    assert main(["sync", "status", "--db", str(a.path)]) == 0
    waiting = "未送到县里的证明材料 / evidence files not yet at the county"
    assert f"{waiting}: 1" in capsys.readouterr().out
    monkeypatch.undo()
    # Once the county is upgraded, the next sync sends it.
    report = sync(a)
    assert report.attachments_supported and report.attachments_sent == 1
    assert report.attachments_pending == 0
    a.close()
    assert main(["sync", "--db", str(a.path)]) == 0
    assert "已同步（回执一致）/ synced (receipt matches)" in capsys.readouterr().out
    assert main(["sync", "status", "--db", str(a.path)]) == 0
    assert f"{waiting}: 0" in capsys.readouterr().out
