"""``caseworker sync``: send local changes to the county and receive its data.

``caseworker sync enroll --server URL --code CODE`` once; then ``caseworker sync``.
``caseworker sync --export-pending FILE`` writes every unsynced change to a file the county
can import, for a laptop that cannot connect: signed with the laptop's key and encrypted to
the county's (see ``caseworker.sync.pending_file``).
"""

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from caseworker.commands import help_of
from caseworker.commands.common import EXIT_FAILED, EXIT_OK, CommandError, add_db_option, store_from
from caseworker.interchange.files import write_atomically

if TYPE_CHECKING:
    from caseworker.sync.conflicts import OpenConflict


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = sub.add_parser("sync", help=help_of("sync"))
    add_db_option(parser)
    parser.add_argument("--server", metavar="URL", help="county server (default: enrolled one)")
    parser.add_argument(
        "--export-pending", type=Path, metavar="FILE", help="write unsynced changes to FILE"
    )
    parser.set_defaults(func=run)
    verbs = parser.add_subparsers(dest="verb", metavar="VERB")
    p = verbs.add_parser("enroll", help="redeem an enrollment code")
    add_db_option(p)
    p.add_argument("--server", required=True, metavar="URL")
    p.add_argument("--code", required=True)
    p.add_argument("--pin-sha256", metavar="HEX", help="pin of a self-signed county certificate")
    p.set_defaults(func=run_enroll)
    p = verbs.add_parser("status", help="unsynced changes, quarantined records, conflicts")
    add_db_option(p)
    p.set_defaults(func=run_status)


def _sync_error(exc: Exception) -> CommandError:
    return CommandError(getattr(exc, "zh", str(exc)), getattr(exc, "en", str(exc)), EXIT_FAILED)


def run_enroll(args: argparse.Namespace) -> int:
    from caseworker.domain.codes import WorkerRole
    from caseworker.store.regions import region_names
    from caseworker.sync.client import enroll
    from caseworker.sync.tls import InsecureServer
    from caseworker.sync.transport import SyncError

    # A fresh laptop is enrolled before it holds anything: enrolling makes its store.
    store = store_from(args, create=True)
    try:
        answer = enroll(store, args.server, args.code, pin_sha256=args.pin_sha256)
        with store.read() as conn:
            place = region_names(conn).get(answer.scope)
    except (SyncError, InsecureServer) as exc:
        raise _sync_error(exc) from None
    finally:
        store.close()
    role = WorkerRole.parse(answer.role)
    scope = f"{place}（{answer.scope}）" if place else answer.scope
    print(
        f"注册成功：{answer.worker}，{role.zh if role else answer.role}，负责{scope}\n"
        f"enrolled: {answer.worker}, {role.en if role else answer.role}, for "
        f"{f'{place} ({answer.scope})' if place else answer.scope}"
    )
    return EXIT_OK


def run_status(args: argparse.Namespace) -> int:
    from caseworker.sync import outbox
    from caseworker.sync.attachments import count_unsent
    from caseworker.sync.conflicts import open_conflicts
    from caseworker.sync.quarantine import quarantined

    store = store_from(args)
    try:
        with store.read() as conn:
            pending = outbox.count_open(conn)
        held = quarantined(store)
        conflicts = open_conflicts(store)
        evidence = count_unsent(store)
    finally:
        store.close()
    print(f"待同步 / unsynced households: {pending}")
    print(f"未送到县里的证明材料 / evidence files not yet at the county: {evidence}")
    print(f"被退回 / quarantined changes: {len(held)}")
    for q in held:
        head = _household_words(q.head_name)
        for e in q.errors:
            print(f"  {head[0]}：{e.get('message_zh')} / {head[1]}: {e.get('message_en')}")
    for line in _conflict_lines(conflicts):
        print(line)
    return EXIT_OK


def _household_words(head_name: str) -> tuple[str, str]:
    """A household as the specialist knows it, by its head (Chinese, English)."""
    if not head_name:
        return "本机没有的一户", "a household not on this laptop"
    return f"{head_name}家", f"{head_name}'s household"


def _conflict_lines(conflicts: "list[OpenConflict]") -> list[str]:
    """The open conflicts by household and the people they are about, never by id or field
    code: the values and the choice are on the Sync page, which this points to."""
    to_resolve: dict[str, list[OpenConflict]] = {}
    for c in conflicts:
        if not c.held:
            to_resolve.setdefault(c.household_id, []).append(c)
    count = sum(len(items) for items in to_resolve.values())
    lines = [f"未解决冲突 / open conflicts: {count}"]
    if count:
        lines[0] += "（在“同步”页面逐项选择保留哪个值 / choose the value to keep on the Sync page）"
    for items in to_resolve.values():
        zh, en = _household_words(items[0].head_name)
        people = sorted({c.person_name for c in items if c.person_name})
        about_zh = f"，涉及{'、'.join(people)}" if people else ""
        about_en = f", about {', '.join(people)}" if people else ""
        lines.append(f"  {zh}：{len(items)}处{about_zh} / {en}: {len(items)}{about_en}")
    held = len(conflicts) - count
    if held:
        lines.append(
            f"县里的{held}户家庭本机无法保存（每次同步重新获取，详见“同步”页面）/ {held} "
            "household(s) from the county could not be stored here (fetched again at every "
            "sync; see the Sync page)"
        )
    return lines


def _evidence_waiting(waiting: int, refused: int) -> str:
    """The last line of a sync that took the households but not every file of evidence."""
    if refused:
        zh = f"其中{refused}份县里没有接收（原因见上）"
        en = f"; the county refused {refused} of them (see above)"
    else:
        zh, en = "下次同步时发送", "; they go with the next sync"
    return (
        f"未完全同步：家庭信息已同步（回执一致），还有{waiting}份证明材料未送到县里，{zh}\n"
        f"not fully synced: the households are synced (receipt matches); {waiting} evidence "
        f"file(s) are not at the county yet{en}"
    )


def run(args: argparse.Namespace) -> int:
    from caseworker.sync.client import SyncProgress, sync
    from caseworker.sync.pending_file import PendingFileError, export_pending
    from caseworker.sync.tls import InsecureServer
    from caseworker.sync.transport import SyncError

    store = store_from(args)
    try:
        if args.export_pending:
            try:
                data, count = export_pending(store)
            except PendingFileError as exc:
                raise CommandError(exc.zh, exc.en) from None
            write_atomically(args.export_pending, data)
            print(
                f"已导出{count}项待同步变更（已签名并加密，只有县服务器能打开）/ exported "
                f"{count} unsynced change(s), signed and encrypted for the county: "
                f"{args.export_pending}"
            )
            return EXIT_OK

        def show(p: SyncProgress) -> None:
            print(f"  {p.phase}: up {p.sent}/{p.to_send}, down {p.received}", flush=True)

        try:
            report = sync(store, server=args.server, progress=show)
        except (SyncError, InsecureServer) as exc:
            raise _sync_error(exc) from None
    finally:
        store.close()
    print(
        f"上传{report.sent}项（接受{report.accepted}，冲突{report.conflicts}，退回{report.rejected}），"
        f"下载{report.received}户，政策{report.policies}份\n"
        f"sent {report.sent} (accepted {report.accepted}, conflicts {report.conflicts}, "
        f"rejected {report.rejected}), received {report.received} households, "
        f"{report.policies} policy pack(s)"
    )
    if report.attachments_supported:
        print(
            f"证明材料：上传{report.attachments_sent}份，下载{report.attachments_received}份"
            f"{f'，未上传{report.attachments_pending}份' if report.attachments_pending else ''}\n"
            f"attachments: sent {report.attachments_sent}, received "
            f"{report.attachments_received}"
            f"{f', {report.attachments_pending} not sent' if report.attachments_pending else ''}"
        )
    for problem in report.problems:
        print(f"  ! {problem}")
    if report.synced and report.attachments_pending:
        # The households are at the county; evidence is not (the Sync page says the same).
        print(_evidence_waiting(report.attachments_pending, len(report.evidence_refused)))
        return EXIT_FAILED
    if report.synced:
        print("已同步（回执一致）/ synced (receipt matches)")
        return EXIT_OK
    print(
        f"未完全同步：待同步{report.pending}，被退回{report.quarantined}，未解决冲突{report.open_conflicts}\n"
        f"not fully synced: {report.pending} unsent, {report.quarantined} quarantined, "
        f"{report.open_conflicts} open conflicts"
    )
    return EXIT_FAILED
