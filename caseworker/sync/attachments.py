"""The laptop's side of attachments in a sync: content up in chunks (only what the county
lacks, resumed after a broken connection), then the records; records of the laptop's
scope down, with the content it lacks, chunk by chunk, checked against its SHA-256 before
it is kept.

Content is sent before its records, so the county never holds a record without its file.
A chunk whose connection broke is tried again a few times, each time after asking the
county which chunks it holds; a sync stopped at any point resumes with the chunks the
county does not have. Chunks received from the county are kept sealed beside the store
(``<store>.incoming/``) until their content is whole, so a download resumes too.
"""

from caseworker.store.attachment_outbox import unsent_totals
from caseworker.store.db import Store
from caseworker.sync.attachment_receiving import receive_attachments
from caseworker.sync.attachment_sending import send_attachments
from caseworker.sync.attachment_wire import CountyPredatesAttachments, Tick
from caseworker.sync.report import SyncReport
from caseworker.sync.transport import Connection


def count_unsent(store: Store) -> int:
    """How many attachment records wait to be sent."""
    return waiting_to_send(store)[0]


def waiting_to_send(store: Store) -> tuple[int, int]:
    """How many attachment records wait to be sent, and the bytes of their content."""
    with store.read() as db:
        return unsent_totals(db)


def sync_attachments(store: Store, conn: Connection, report: SyncReport, tick: Tick) -> None:
    """Attachments up, then down (after the households). Against a county of an earlier
    version, say that attachments were not sent."""
    try:
        send_attachments(store, conn, report, tick)
        receive_attachments(store, conn, report, tick)
    except CountyPredatesAttachments:
        report.attachments_supported = False
        waiting = count_unsent(store)
        if waiting:
            report.problems.append(
                f"县服务器版本较早，尚不能接收证明材料：本机{waiting}份材料未上传"
                "（家庭信息已同步），县服务器升级后再同步即可 / the county server predates "
                f"attachments: {waiting} attachment(s) were not sent (households were "
                "synced); sync again once the county server is upgraded"
            )
    report.attachments_pending = count_unsent(store)
