"""``caseworker county regions|rename-region|dismiss-conflict``: the county's own data,
which no laptop can write (region names) or settle for everyone (a conflict dismissed)."""

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from caseworker.commands.common import EXIT_OK, CommandError
from caseworker.interchange.files import load_json

if TYPE_CHECKING:
    from sqlalchemy import Engine


def register(
    verbs: "argparse._SubParsersAction[argparse.ArgumentParser]",
    add_db: Any,
) -> None:
    """Add the verbs to ``caseworker county``."""
    p = verbs.add_parser(
        "regions", help='add or rename regions from a JSON file (a list, or {"regions": [...]})'
    )
    add_db(p)
    p.add_argument("file", type=Path)
    p.set_defaults(func=run_regions)

    p = verbs.add_parser("rename-region", help="rename a region for every laptop")
    add_db(p)
    p.add_argument("code")
    p.add_argument("name")
    p.set_defaults(func=run_rename_region)

    p = verbs.add_parser(
        "dismiss-conflict", help="close a conflict without choosing a value, with a reason"
    )
    add_db(p)
    p.add_argument("conflict_id")
    p.add_argument("--reason", required=True)
    p.set_defaults(func=run_dismiss_conflict)


@contextmanager
def _county(db: Path) -> Iterator["Engine"]:
    """The county database named by ``--db``; a refusal is told as the command's error."""
    from caseworker.sync.county.auth import Refused
    from caseworker.sync.county.db import open_county

    engine = open_county(db)
    try:
        yield engine
    except Refused as exc:
        raise CommandError(exc.zh, exc.en) from None
    finally:
        engine.dispose()


def _read_regions(path: Path) -> list[Any]:
    from caseworker.domain.codes import RegionLevel
    from caseworker.domain.regions import Region

    try:
        document = load_json(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise CommandError(f"无法读取{path}（{exc}）", f"cannot read {path} ({exc})") from None
    items: Any = document.get("regions") if isinstance(document, dict) else document
    try:
        return [
            Region(str(r["code"]), str(r["name"]), RegionLevel(r["level"]), r.get("parent_code"))
            for r in items
        ]
    except (TypeError, KeyError, ValueError, AttributeError) as exc:
        raise CommandError(
            f"区划文件格式错误：每项应有code、name、level（{exc}）",
            f"malformed region file: each region needs code, name and level ({exc})",
        ) from None


def run_regions(args: argparse.Namespace) -> int:
    from caseworker.sync.county.regions import load_regions

    regions = _read_regions(args.file)
    with _county(args.db) as engine:
        added, renamed = load_regions(engine, regions)
    print(f"新增{added}个，改名{renamed}个区划 / {added} regions added, {renamed} renamed")
    return EXIT_OK


def run_rename_region(args: argparse.Namespace) -> int:
    from caseworker.sync.county.regions import rename_region

    with _county(args.db) as engine:
        rename_region(engine, args.code, args.name)
    print(f"区划{args.code}已改名为“{args.name}” / region {args.code} renamed to {args.name}")
    return EXIT_OK


def run_dismiss_conflict(args: argparse.Namespace) -> int:
    from caseworker.sync.county.admin import dismiss_conflict

    with _county(args.db) as engine:
        dismiss_conflict(engine, args.conflict_id, args.reason)
    print(f"冲突{args.conflict_id}已撤销 / conflict {args.conflict_id} dismissed")
    return EXIT_OK
