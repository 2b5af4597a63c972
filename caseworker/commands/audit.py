"""``caseworker audit verify`` and ``caseworker audit show [--household ID]``."""

import argparse
import json

from caseworker.commands import help_of
from caseworker.commands.common import EXIT_FAILED, EXIT_OK, add_db_option, store_from
from caseworker.store.audit import TrailCheck, entries, verify_trail


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = sub.add_parser("audit", help=help_of("audit"))
    parser.add_argument("action", choices=["verify", "show"])
    parser.add_argument("--household", metavar="ID", help="only this household (for show)")
    add_db_option(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    store = store_from(args)
    try:
        with store.read() as conn:
            if args.action == "verify":
                check = verify_trail(conn)
            else:
                chain = entries(conn, household_id=args.household)
    finally:
        store.close()
    if args.action == "verify":
        if check.ok:
            n, acked = check.entries, check.acknowledged
            print(
                f"审计记录完整，共{n}条（其中{acked}条县里已确认收到）/ the audit trail is "
                f"intact: {n} entries ({acked} acknowledged by the county)"
            )
            return EXIT_OK
        zh, en = broken_in_words(check)
        print(f"审计记录被改动过！{zh} / the audit trail was tampered with: {en}")
        return EXIT_FAILED
    for entry in chain:
        detail = json.dumps(entry.detail, ensure_ascii=False)
        when = f"{entry.at:%Y-%m-%d %H:%M:%S}"
        print(f"{entry.seq}\t{when}\t{entry.actor or '-'}\t{entry.action}\t{detail}")
    return EXIT_OK


def broken_in_words(check: TrailCheck) -> tuple[str, str]:
    """What ``verify_trail`` found, in Chinese and in English."""
    n = check.broken_at
    if check.problem == "removed_after" and n == 0:
        zh, en = "所有记录都已被删除", "every entry was removed"
    elif check.problem == "removed_after":
        zh, en = f"第{n}条之后的记录已被删除", f"the entries after entry {n} were removed"
    elif check.problem == "removed":
        zh, en = f"第{n}条记录已被删除", f"entry {n} was removed"
    elif check.problem == "missing":
        zh = f"第{n}条之前有记录缺失或被改动"
        en = f"an entry before entry {n} is missing or altered"
    else:
        zh, en = f"第{n}条记录已被改动", f"entry {n} was altered"
    if check.by_county:
        zh += f"（县里已确认收到前{check.acknowledged}条，与之不符）"
        en += f" (the county acknowledged entries up to {check.acknowledged}; this differs)"
    return zh, en
