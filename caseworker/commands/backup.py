"""``caseworker backup [--to FOLDER]`` and ``caseworker restore FILE``."""

import argparse
from pathlib import Path

from caseworker.commands import help_of
from caseworker.commands.common import (
    EXIT_OK,
    CommandError,
    add_db_option,
    db_path,
    store_from,
    unlock,
)
from caseworker.security.signin import is_encrypted
from caseworker.store.backups import BackupError, backup_now, check_backup, restore


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    backup = sub.add_parser("backup", help=help_of("backup"))
    backup.add_argument(
        "--to", type=Path, metavar="FOLDER", help="e.g. a USB stick (default: beside the store)"
    )
    add_db_option(backup)
    backup.set_defaults(func=run_backup)
    again = sub.add_parser("restore", help=help_of("restore"))
    again.add_argument("file", type=Path, metavar="FILE")
    add_db_option(again)
    again.set_defaults(func=run_restore)


def run_backup(args: argparse.Namespace) -> int:
    store = store_from(args)
    try:
        path = backup_now(store, args.to)
    except (BackupError, OSError) as exc:
        raise CommandError(f"备份失败：{exc}", f"backup failed: {exc}") from exc
    finally:
        store.close()
    print(f"已备份 / backed up: {path}")
    return EXIT_OK


def run_restore(args: argparse.Namespace) -> int:
    path = db_path(args)
    if not args.file.exists():
        raise CommandError(f"找不到备份文件：{args.file}", f"no such backup file: {args.file}")
    key = unlock(path)[0] if is_encrypted(path) else None
    try:
        households = check_backup(args.file, key)
        kept = restore(args.file, path, key)
    except BackupError as exc:
        raise CommandError(str(exc).split(" / ")[0], str(exc).split(" / ")[-1]) from exc
    print(
        f"已恢复备份（{households}户）/ restored the backup ({households} households): {args.file}"
    )
    if kept:
        print(f"原数据库保留在 / the replaced store is kept at: {kept}")
    return EXIT_OK
