"""The laptop's side of a sync: enroll once, then push, send resolutions, pull.

``sync()`` is synchronous and safe to run on a worker thread: it reports progress through
a callback and stops between batches when ``cancelled()`` turns true. Every step commits
locally before the next one starts, so a sync stopped at any point (cancelled, network
gone, power cut) resumes where it stopped and never loses or duplicates a change.
"""

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import UTC, datetime

import httpx
from pydantic import ValidationError
from sqlalchemy import func, select, update

from caseworker.domain.bulk import gc_paused
from caseworker.store import audit
from caseworker.store.db import Store, write_setting
from caseworker.store.tables import OUTBOX, SYNC_CONFLICT
from caseworker.sync import outbox
from caseworker.sync.attachments import sync_attachments, waiting_to_send
from caseworker.sync.local_apply import CURSOR, POLICY_CURSOR, apply_page, retry_held
from caseworker.sync.pending_file import new_signing_key, public_of
from caseworker.sync.report import SyncProgress, SyncReport, SyncSummary
from caseworker.sync.schemas import (
    AuditAnswer,
    DeviceKeyAnswer,
    EnrollResponse,
    PullResponse,
    ResolveResponse,
)
from caseworker.sync.sending import LAST_RECEIPT, push_changes
from caseworker.sync.tls import check_url, fetch_certificate, normalize_pin, pem_fingerprint
from caseworker.sync.transport import (
    CERT,
    COUNTY_KEY,
    CREDENTIAL,
    ROLE,
    SCOPE,
    SERVER,
    SIGNING_KEY,
    WORKER,
    CertificateMismatch,
    Connection,
    SyncError,
    connect,
)

AUDIT_SENT = "sync.audit_sent_seq"
AUDIT_BATCH = 500
LAST_SYNC = "sync.last"  # SyncSummary of the last sync that ran to its end


__all__ = [
    "LAST_RECEIPT",
    "LAST_SYNC",
    "Cancelled",
    "SyncProgress",
    "SyncReport",
    "SyncSummary",
    "enroll",
    "last_sync",
    "sync",
]


class Cancelled(Exception):
    """The sync was cancelled between two batches; what was done is kept."""


Progress = Callable[[SyncProgress], None]


def enroll(
    store: Store,
    server: str,
    code: str,
    *,
    pin_sha256: str | None = None,
    device_name: str = "",
    transport: httpx.BaseTransport | None = None,
    timeout: float = 60.0,
) -> EnrollResponse:
    """Redeem a one-time enrollment code; keep the credential (and pinned certificate).

    For an https server with a self-signed certificate, ``pin_sha256`` is the fingerprint
    the county printed with the code: the certificate is fetched, compared and pinned.
    Re-enrolling keeps every unsynced change. Raises InsecureServer for an address the
    client refuses, CertificateMismatch when the server's certificate is not the pinned
    one, SyncError when the server cannot be reached or refuses the code.
    """
    check_url(server)  # before anything goes to the address
    pem = None
    if pin_sha256:
        try:
            pem = fetch_certificate(server, timeout=min(timeout, 10.0))
        except OSError as exc:  # refused, unreachable, timed out, or not TLS at all
            raise SyncError(
                f"无法连接县服务器（{exc.__class__.__name__}）",
                f"cannot reach the county server ({exc.__class__.__name__}: {exc})",
            ) from exc
        if pem_fingerprint(pem) != normalize_pin(pin_sha256):
            raise CertificateMismatch(
                "服务器证书指纹与注册单上的不一致，可能连接到了假冒的服务器",
                "the server certificate does not match the pinned fingerprint",
            )
    # A laptop enrolled at this server before proves its device id with its credential
    # (the county refuses a known id otherwise); it is never sent to another server.
    same_server = store.setting(SERVER) == check_url(server)
    proof = store.setting(CREDENTIAL) if same_server else None
    # Each enrollment gets a new signing key: files signed under an earlier credential
    # (revoked or replaced now) cannot be passed off under this one.
    signing_key, signing_public = new_signing_key()
    with Connection(
        server, credential=proof, pinned_pem=pem, transport=transport, timeout=timeout
    ) as conn:
        body = {
            "code": code,
            "device_id": store.device_id,
            "device_name": device_name,
            "signing_key": signing_public,
        }
        answer = EnrollResponse.model_validate(conn.request("POST", "/v1/enroll", json=body))
        url = conn.url
    with store.begin() as db:
        for key, value in (
            (SERVER, url),
            (CREDENTIAL, answer.credential),
            (SCOPE, answer.scope),
            (WORKER, answer.worker),
            (ROLE, answer.role),
            (SIGNING_KEY, signing_key),
            (COUNTY_KEY, answer.pending_key),
        ):
            write_setting(db, key, value)
        if pem is not None:
            write_setting(db, CERT, pem)
    return answer


def _exchange_keys(store: Store, conn: Connection, report: SyncReport) -> None:
    """Tell the county the key this laptop signs pending files with, and keep the county's
    key they are encrypted to. A laptop enrolled before signed files makes its key here
    (kept first, so a lost answer sends the same key again). The sync goes on without
    them when the county is of an earlier version or refuses the key (reported)."""
    signing_key = store.setting(SIGNING_KEY)
    if not signing_key:
        signing_key = new_signing_key()[0]
        store.set_setting(SIGNING_KEY, signing_key)
    body = {"signing_key": public_of(signing_key)}
    try:
        raw = conn.request("POST", "/v1/device-key", json=body)
    except SyncError as exc:
        if exc.status not in (404, 409):
            raise
        if exc.status == 409:
            report.problems.append(f"{exc.zh} / {exc.en}")
        return
    answer = DeviceKeyAnswer.model_validate(raw)
    if answer.pending_key != store.setting(COUNTY_KEY):
        store.set_setting(COUNTY_KEY, answer.pending_key)


def last_sync(store: Store) -> SyncSummary | None:
    """The last sync that ran to its end (None before the first): kept in the store, so
    it is known after a restart. A sync stopped early (cancelled, no connection) leaves the
    one before."""
    text = store.setting(LAST_SYNC)
    return SyncSummary.from_json(text) if text else None


def _send_audit(store: Store, conn: Connection, tick: Callable[[], None]) -> None:
    """Upload the audit entries the county does not have yet, in order."""
    while True:
        sent = int(store.setting(AUDIT_SENT) or 0)
        with store.read() as db:
            batch = audit.entries(db, after_seq=sent, limit=AUDIT_BATCH)
        if not batch:
            return
        body = {
            "entries": [
                {
                    "seq": e.seq,
                    "id": e.id,
                    "at": e.at.isoformat(),
                    "actor": e.actor,
                    "action": e.action,
                    "household_id": e.household_id,
                    "detail": e.detail,
                    "prev_hash": e.prev_hash,
                    "hash": e.hash,
                }
                for e in batch
            ]
        }
        answer = AuditAnswer.model_validate(conn.request("POST", "/v1/audit", json=body))
        with store.begin() as db:  # kept for the laptop's own check (audit.verify_trail)
            write_setting(db, AUDIT_SENT, str(answer.last_seq))
            audit.acknowledge(db, last_seq=answer.last_seq, last_hash=answer.last_hash)
        tick()


def _send_resolutions(store: Store, conn: Connection, report: SyncReport) -> None:
    """Send the resolutions made here, each with the value it was chosen against (the
    kept value shown). One the county refuses (someone settled the field first, or the
    value fails the household's checks) is open here again, with the reason reported;
    the pull that follows brings the value now in force."""
    with store.read() as db:
        rows = list(
            db.execute(
                select(
                    SYNC_CONFLICT.c.id, SYNC_CONFLICT.c.resolution, SYNC_CONFLICT.c.kept_value
                ).where(SYNC_CONFLICT.c.resolution_sent.is_(False))
            )
        )
    if not rows:
        return
    body = {
        "resolutions": [
            {"conflict_id": r.id, "value": r.resolution, "base": r.kept_value} for r in rows
        ]
    }
    answer = ResolveResponse.model_validate(
        conn.request("POST", "/v1/conflicts/resolve", json=body)
    )
    refused = {r.conflict_id: r for r in answer.refused}
    with store.begin() as db:
        db.execute(
            update(SYNC_CONFLICT)
            .where(SYNC_CONFLICT.c.id.in_([r.id for r in rows]))
            .values(resolution_sent=True)
        )
        if refused:
            db.execute(
                update(SYNC_CONFLICT)
                .where(SYNC_CONFLICT.c.id.in_(list(refused)))
                .values(resolved_at=None, resolution=None)
            )
    report.resolutions_refused += len(refused)
    report.problems.extend(f"{r.reason_zh} / {r.reason_en}" for r in refused.values())


def _fetch(conn: Connection, after: int, policy_after: int, page_size: int) -> PullResponse:
    params = {"after": after, "policy_after": policy_after, "limit": page_size}
    raw = conn.request_bytes("GET", "/v1/pull", params=params)
    try:
        return PullResponse.model_validate_json(raw)
    except ValidationError as exc:
        raise SyncError(
            "县服务器的回答无法读取", f"unreadable answer from the server: {exc}"
        ) from exc


def _pull(
    store: Store, conn: Connection, report: SyncReport, page_size: int, tick: Callable[[], None]
) -> None:
    with store.begin() as db:
        retry_held(db)
    after = int(store.setting(CURSOR) or 0)
    policy_after = int(store.setting(POLICY_CURSOR) or 0)
    # The next page is asked for while this one is stored. The cursor moves only with a
    # stored page, so a pull broken at any point resumes after the last page stored.
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="caseworker-pull") as pool:
        coming: Future[PullResponse] | None = pool.submit(
            _fetch, conn, after, policy_after, page_size
        )
        while coming is not None:
            page = coming.result()
            coming = None
            if page.more:
                coming = pool.submit(_fetch, conn, page.next_cursor, page.policy_cursor, page_size)
            with gc_paused(), store.begin() as db:
                report.received += apply_page(db, page)
            report.policies += len(page.policies)
            tick()


def _count_left(store: Store, report: SyncReport) -> None:
    """What the sync leaves on the laptop: changes unsent or refused, conflicts open."""
    with store.read() as db:
        report.pending = outbox.count_open(db)
        report.quarantined = int(
            db.execute(
                select(func.count()).select_from(OUTBOX).where(OUTBOX.c.state == "quarantined")
            ).scalar_one()
        )
        report.open_conflicts = int(
            db.execute(
                select(func.count())
                .select_from(SYNC_CONFLICT)
                .where(SYNC_CONFLICT.c.resolved_at.is_(None))
            ).scalar_one()
        )


def sync(
    store: Store,
    *,
    server: str | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    batch_size: int = 500,
    page_size: int = 500,
    transport: httpx.BaseTransport | None = None,
    timeout: float = 60.0,
) -> SyncReport:
    """Push every local change, send conflict resolutions, pull what the county has.

    Raises SyncError when the county cannot be reached or refuses (nothing is lost; run
    again), Cancelled when ``cancelled()`` turned true between two batches.
    """
    report = SyncReport()
    with store.read() as db:
        to_send = outbox.count_open(db)
    files, size = waiting_to_send(store)
    state = SyncProgress(
        "push",
        to_send=to_send,
        attachments_to_send=files,
        content_to_send=size,
    )

    def tick(phase: str | None = None) -> None:
        if phase:
            state.phase = phase
        state.follow(report)
        if progress is not None:
            progress(state)
        if cancelled is not None and cancelled():
            raise Cancelled()

    with connect(store, server, transport=transport, timeout=timeout) as conn:
        tick()
        _exchange_keys(store, conn, report)
        push_changes(store, conn, report, batch_size, tick)
        tick("resolve")
        _send_resolutions(store, conn, report)
        tick("audit")
        _send_audit(store, conn, tick)
        tick("pull")
        _pull(store, conn, report, page_size, tick)
        tick("attachments")
        sync_attachments(store, conn, report, tick)
    _count_left(store, report)
    with store.begin() as db:  # the sync itself is audited (and goes up with the next one)
        write_setting(db, LAST_SYNC, SyncSummary.of(report, datetime.now(UTC)).to_json())
        audit.record(
            db,
            device_id=store.device_id,
            actor=store.actor,
            action=audit.Action.SYNC,
            detail={
                "sent": report.sent,
                "accepted": report.accepted,
                "conflicts": report.conflicts,
                "rejected": report.rejected,
                "received": report.received,
                "attachments_sent": report.attachments_sent,
                "attachments_received": report.attachments_received,
                "synced": report.synced,
            },
        )
    state.phase = "done"
    if progress is not None:
        progress(state)
    return report
