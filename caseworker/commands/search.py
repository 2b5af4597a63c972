"""``caseworker search QUERY``: find households by name, pinyin, initials or ID fragment."""

import argparse

from caseworker.commands import help_of
from caseworker.commands.common import EXIT_OK, add_db_option, store_from
from caseworker.store.search import search_households


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = sub.add_parser("search", help=help_of("search"))
    parser.add_argument("query", metavar="QUERY")
    parser.add_argument("--village", metavar="CODE")
    parser.add_argument("--limit", type=int, default=50)
    add_db_option(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    store = store_from(args)
    try:
        with store.read() as conn:
            found = search_households(conn, args.query, village_code=args.village, limit=args.limit)
    finally:
        store.close()
    for h in found:
        print(f"{h.id}  {h.head_name}\t{h.member_count}人\t{h.village_name}{h.address}")
    if not found:
        print("没有找到 / nothing found")
    return EXIT_OK
