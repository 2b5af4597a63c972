"""The laptops' audit trails at the county: entries arrive in order, each continuing its
device's hash chain, so an entry altered or left out on the laptop is refused on arrival,
and the county's copy can be checked again at any time."""

from datetime import datetime

from sqlalchemy import Engine, insert, select

from caseworker.domain.audit_chain import (
    GENESIS,
    AuditEntry,
    ChainCheck,
    entry_hash,
    verify_chain,
)
from caseworker.sync.county.auth import Device, Refused
from caseworker.sync.county.tables import AUDIT_ENTRY
from caseworker.sync.schemas import AuditAnswer, AuditEntryIn, AuditPush


def _moment(entry: AuditEntryIn) -> datetime:
    try:
        moment = datetime.fromisoformat(entry.at)
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        raise Refused(
            422,
            f"第{entry.seq}条审计记录的时间无效",
            f"audit entry {entry.seq}: 'at' is not an ISO time with offset",
        )
    return moment


def store_audit(engine: Engine, device: Device, body: AuditPush) -> AuditAnswer:
    """Append a device's uploaded entries (all or nothing; resent entries are skipped)."""
    stored = 0
    with engine.begin() as conn:
        last = conn.execute(
            select(AUDIT_ENTRY.c.seq, AUDIT_ENTRY.c.hash)
            .where(AUDIT_ENTRY.c.device_id == device.device_id)
            .order_by(AUDIT_ENTRY.c.seq.desc())
            .limit(1)
        ).first()
        last_seq, last_hash = (last.seq, last.hash) if last else (0, GENESIS)
        for entry in sorted(body.entries, key=lambda e: e.seq):
            if entry.seq <= last_seq:
                held = conn.execute(
                    select(AUDIT_ENTRY.c.hash).where(
                        AUDIT_ENTRY.c.device_id == device.device_id, AUDIT_ENTRY.c.seq == entry.seq
                    )
                ).scalar()
                if held is not None and held != entry.hash:
                    raise Refused(
                        409,
                        f"第{entry.seq}条审计记录与县里已有的不同（被改动过）",
                        f"audit entry {entry.seq} differs from the copy the county holds",
                    )
                continue
            at = _moment(entry)
            expected = entry_hash(
                id=entry.id,
                at=at,
                device_id=device.device_id,
                actor=entry.actor,
                action=entry.action,
                household_id=entry.household_id,
                detail=entry.detail,
                prev_hash=entry.prev_hash,
            )
            if entry.prev_hash != last_hash or entry.hash != expected:
                raise Refused(
                    409,
                    f"审计记录在第{entry.seq}条处断链（记录被改动或缺失）",
                    f"the audit chain breaks at entry {entry.seq} (altered or missing entries)",
                )
            conn.execute(
                insert(AUDIT_ENTRY).values(
                    device_id=device.device_id,
                    seq=entry.seq,
                    id=entry.id,
                    at=at,
                    actor=entry.actor,
                    action=entry.action,
                    household_id=entry.household_id,
                    detail=entry.detail,
                    prev_hash=entry.prev_hash,
                    hash=entry.hash,
                )
            )
            last_seq, last_hash = entry.seq, entry.hash
            stored += 1
    return AuditAnswer(stored=stored, last_seq=last_seq, last_hash=last_hash)


def verify_devices(engine: Engine) -> dict[str, ChainCheck]:
    """Check every device's audit chain as the county holds it."""
    results: dict[str, ChainCheck] = {}
    with engine.connect() as conn:
        devices = conn.execute(select(AUDIT_ENTRY.c.device_id).distinct()).scalars().all()
        for device_id in devices:
            rows = conn.execute(
                select(AUDIT_ENTRY)
                .where(AUDIT_ENTRY.c.device_id == device_id)
                .order_by(AUDIT_ENTRY.c.seq)
            )
            chain = [
                AuditEntry(
                    r.seq, r.id, r.at, r.device_id, r.actor, r.action, r.household_id,
                    dict(r.detail), r.prev_hash, r.hash,
                )
                for r in rows
            ]  # fmt: skip
            results[device_id] = verify_chain(chain)
    return results
