"""Attachments for the sync tests: files made quickly (random bytes behind a PDF header:
sync does not look inside a file), attached through the store's own write path, and a
transport that breaks connections on purpose."""

import contextlib
import hashlib
import random
import threading
from collections.abc import Callable
from datetime import date
from typing import Any

import httpx
from sqlalchemy import Engine

from caseworker.config import resource_path
from caseworker.domain.evidence import Attachment, EvidenceKind, MediaType
from caseworker.interchange.evidence_files import PreparedFile
from caseworker.store.attachments import (
    add_attachment,
    attachments_of,
    content_of,
    remove_attachment,
)
from caseworker.store.db import Store
from caseworker.sync.county.admin import publish_policy

MiB = 1024 * 1024


def publish_file_limit(engine: Engine, megabytes: int) -> None:
    """Publish at the county a new version of its pack that takes files of at most
    ``megabytes`` (the pack's ``evidence.max_file_mb``)."""
    text = resource_path("policies", "cn-610423-jingyang.yaml").read_text(encoding="utf-8")
    text = text.replace('version: "2020.1"', 'version: "2020.9"').replace(
        "parameters:\n",
        "parameters:\n  evidence.max_file_mb:\n"
        f'    - {{from: 2014-01-01, value: {megabytes}, ref: "测试 / test"}}\n',
        1,
    )
    publish_policy(engine, text)


def pdf_bytes(size: int, seed: int) -> bytes:
    """``size`` bytes that start as a PDF does, the rest random (seeded)."""
    head = b"%PDF-1.4\n"
    return head + random.Random(seed).randbytes(size - len(head))


def attach(
    store: Store,
    household_id: str,
    content: bytes,
    *,
    kind: EvidenceKind = EvidenceKind.HUKOU,
    member_id: str | None = None,
    note: str = "",
    pages: int = 1,
) -> Attachment:
    prepared = PreparedFile(content, MediaType.PDF, pages, None)
    with store.begin() as conn:
        return add_attachment(
            conn,
            device_id=store.device_id,
            actor=store.actor or "王建华",
            household_id=household_id,
            prepared=prepared,
            kind=kind,
            taken_on=date(2026, 11, 2),
            note=note,
            member_id=member_id,
        )


def remove(store: Store, attachment_id: str, reason: str = "拍错了") -> Attachment:
    with store.begin() as conn:
        return remove_attachment(
            conn,
            device_id=store.device_id,
            actor=store.actor or "王建华",
            attachment_id=attachment_id,
            reason=reason,
        )


def records(store: Store, household_id: str) -> dict[str, tuple[Any, ...]]:
    """Each attachment of the household (removed ones too) as the fields that must be the
    same on every laptop, by id."""
    with store.read() as conn:
        found = attachments_of(conn, household_id, include_removed=True)
    return {
        a.id: (
            a.household_id,
            a.kind,
            a.taken_on,
            a.note,
            a.added_by,
            a.added_at,
            a.sha256,
            a.media_type,
            a.size,
            a.pages,
            a.member_id,
            a.visit_id,
            a.application_id,
            a.removed_at,
            a.removed_by,
            a.removed_reason,
        )
        for a in found
    }


def content_hashes(store: Store, household_id: str) -> dict[str, str]:
    """The SHA-256 of each attachment's content as read back from the store, by id."""
    with store.read() as conn:
        found = attachments_of(conn, household_id, include_removed=True)
        return {a.id: hashlib.sha256(content_of(conn, a.sha256)).hexdigest() for a in found}


class Breaker(httpx.BaseTransport):
    """A transport to the county that breaks connections on purpose: ``plan`` says, for
    each request in turn (by how many were sent before), whether to cut the request's
    body half-way (the county sees a broken upload), to lose the answer (the county did
    the work, the laptop never hears of it), or nothing. It counts, for every chunk, how
    many times the county took it (answered 2xx)."""

    def __init__(self, plan: Callable[[httpx.Request, int], str | None]) -> None:
        self.inner = httpx.HTTPTransport()
        self.lock = threading.Lock()
        self.plan = plan
        self.sent = 0
        self.breaks: list[str] = []
        self.taken: dict[str, int] = {}  # "sha256/index" -> times the county took it
        self.fetched: dict[str, int] = {}  # "sha256/index" -> times the laptop received it

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        with self.lock:  # the laptop has several requests in flight
            fate = self.plan(request, self.sent)
            self.sent += 1
        path = request.url.path
        if fate == "cut" and request.method == "PUT":
            with self.lock:
                self.breaks.append(f"cut {path}")
            body = request.read()
            half = httpx.Request(
                request.method,
                request.url,
                headers=request.headers,
                content=_cut_stream(body, len(body) // 2),
            )
            with contextlib.suppress(httpx.HTTPError):
                self.inner.handle_request(half).close()
            raise httpx.WriteError("connection cut half-way through the request")
        response = self.inner.handle_request(request)
        response.read()
        key = path.rsplit("/", 2)
        name = f"{key[-2]}/{key[-1]}"
        with self.lock:
            if response.status_code < 300 and path.startswith("/v1/attachments/uploads/"):
                self.taken[name] = self.taken.get(name, 0) + 1
            if fate == "lose":
                self.breaks.append(f"lost the answer to {request.method} {path}")
                raise httpx.ReadError("connection lost before the answer came")
            if response.status_code < 300 and path.startswith("/v1/attachments/content/"):
                self.fetched[name] = self.fetched.get(name, 0) + 1
        return response

    def close(self) -> None:
        self.inner.close()


class _Cut(httpx.SyncByteStream):
    """A request body that stops half-way, as a connection broken mid-upload."""

    def __init__(self, body: bytes, at: int) -> None:
        self.body, self.at = body, at

    def __iter__(self):  # type: ignore[no-untyped-def]
        yield self.body[: self.at]
        raise httpx.WriteError("cut")


def _cut_stream(body: bytes, at: int) -> httpx.SyncByteStream:
    return _Cut(body, at)
