"""``caseworker audit verify`` and ``caseworker audit show [--household ID]``."""

import argparse
import json

from caseworker.commands import help_of
from caseworker.commands.common import EXIT_FAILED, EXIT_OK, add_db_option, store_from
from caseworker.store.audit import entries, verify_chain


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
                chain = entries(conn)
            else:
                chain = entries(conn, household_id=args.household)
    finally:
        store.close()
    if args.action == "verify":
        check = verify_chain(chain)
        if check.ok:
            n = check.entries
            print(f"审计记录完整，共{n}条 / the audit trail is intact: {n} entries")
            return EXIT_OK
        print(
            f"审计记录在第{check.broken_at}条处被改动或缺失！/ the audit trail is broken at "
            f"entry {check.broken_at}: {check.reason}"
        )
        return EXIT_FAILED
    for entry in chain:
        detail = json.dumps(entry.detail, ensure_ascii=False)
        when = f"{entry.at:%Y-%m-%d %H:%M:%S}"
        print(f"{entry.seq}\t{when}\t{entry.actor or '-'}\t{entry.action}\t{detail}")
    return EXIT_OK
