"""``caseworker import FILE...``: add or update households from interchange files."""

import argparse
from pathlib import Path

from caseworker.commands.common import EXIT_OK, add_db_option, store_from
from caseworker.domain.records import Household
from caseworker.domain.regions import Region
from caseworker.domain.validation import FieldError, ValidationFailed
from caseworker.interchange.files import read_household_file
from caseworker.store import audit
from caseworker.store.households import save_households


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = sub.add_parser("import", help="import household files 导入家庭数据")
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE")
    add_db_option(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    households: list[Household] = []
    regions: list[Region] = []
    errors: list[FieldError] = []
    for path in args.files:
        try:
            batch = read_household_file(path)
        except ValidationFailed as failed:
            errors.extend(failed.errors)
            continue
        households.extend(batch.households)
        regions.extend(batch.regions)
    if errors:
        raise ValidationFailed(errors)
    store = store_from(args)
    try:
        result = save_households(store, households, regions=regions)
        with store.begin() as conn:
            audit.record(
                conn,
                device_id=store.device_id,
                actor=store.actor,
                action=audit.Action.IMPORT,
                detail={
                    "files": [str(p) for p in args.files],
                    "added": result.added,
                    "updated": result.updated,
                    "unchanged": result.unchanged,
                },
            )
    finally:
        store.close()
    print(
        f"导入完成：新增{result.added}户，更新{result.updated}户，未变{result.unchanged}户\n"
        f"imported: {result.added} added, {result.updated} updated, {result.unchanged} unchanged"
    )
    return EXIT_OK
