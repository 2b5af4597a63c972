"""``caseworker demo``: fill a store with a realistic demo county."""

import argparse

from caseworker.commands import help_of
from caseworker.commands.common import EXIT_OK, CommandError, add_db_option, store_from
from caseworker.commands.usage import date_argument
from caseworker.demo.generator import generate_households
from caseworker.demo.places import demo_regions
from caseworker.store.households import count_households, save_households


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = sub.add_parser("demo", help=help_of("demo"))
    parser.add_argument("--households", type=int, default=500, metavar="N")
    parser.add_argument("--seed", type=int, default=1, metavar="S")
    parser.add_argument(
        "--as-of",
        type=date_argument,
        default=None,
        metavar="YYYY-MM-DD",
        help="the day the demo data is dated from (default: today)",
    )
    add_db_option(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.households < 0:
        raise CommandError("户数不能为负数", "the number of households cannot be negative")
    store = store_from(args, create=True)  # demo data goes into a new, empty store
    try:
        with store.read() as conn:
            existing = count_households(conn)
        if existing:
            raise CommandError(
                f"数据库中已有{existing}户，演示数据只写入空数据库：{store.path}",
                f"the database already holds {existing} households; demo data goes into an "
                f"empty one: {store.path}",
            )
        households = generate_households(args.households, seed=args.seed, as_of=args.as_of)
        result = save_households(store, households, regions=demo_regions())
    finally:
        store.close()
    print(
        f"已生成演示数据 {result.added} 户 / created {result.added} demo households: {store.path}"
    )
    return EXIT_OK
