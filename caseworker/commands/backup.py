"""``caseworker backup [--to FOLDER]`` and ``caseworker restore FILE``."""

import argparse
from pathlib import Path

from caseworker.commands import help_of
from caseworker.commands.common import (
    EXIT_OK,
    CommandError,
    add_db_option,
    ask_secret,
    db_path,
    store_from,
    unlock,
)
from caseworker.domain.errors import os_reason
from caseworker.security.backup_keys import (
    KeyFileError,
    WrongPassword,
    backup_key,
    has_own_keys,
    restore_rekeyed,
)
from caseworker.security.signin import SignInWorker, is_encrypted
from caseworker.store.backups import BackupError, backup_now, check_backup

BACKUP_PASSWORD_ENV = "CASEWORKER_BACKUP_PASSWORD"


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    backup = sub.add_parser("backup", help=help_of("backup"))
    backup.add_argument(
        "--to", type=Path, metavar="FOLDER", help="e.g. a USB stick (default: beside the store)"
    )
    add_db_option(backup)
    backup.set_defaults(func=run_backup)
    again = sub.add_parser("restore", help=help_of("restore"))
    again.add_argument("file", type=Path, metavar="FILE")
    again.add_argument(
        "--code", help="the recovery code, for a backup made before the password was changed"
    )
    add_db_option(again)
    again.set_defaults(func=run_restore)


def run_backup(args: argparse.Namespace) -> int:
    store = store_from(args)
    try:
        path = backup_now(store, args.to)
    except BackupError as exc:
        zh, _, en = str(exc).partition(" / ")
        raise CommandError(f"备份失败：{zh}", f"backup failed: {en or zh}") from exc
    except OSError as exc:
        zh, en = os_reason(exc)
        where = exc.filename if exc.filename is not None else args.to
        raise CommandError(
            f"备份失败：无法写入“{where}”：{zh}", f"backup failed: cannot write '{where}': {en}"
        ) from exc
    finally:
        store.close()
    print(f"已备份 / backed up: {path}")
    return EXIT_OK


def run_restore(args: argparse.Namespace) -> int:
    """Restore a backup over the store. A backup made before the password was changed is
    opened with the password of that time (or the recovery code) and re-keyed, so that the
    restored records open with the password in force now."""
    path = db_path(args)
    if not args.file.exists():
        raise CommandError(f"找不到备份文件：{args.file}", f"no such backup file: {args.file}")
    key, worker = unlock(path) if is_encrypted(path) else (None, None)
    opens_with = key
    try:
        try:
            households = check_backup(args.file, key)
        except BackupError as exc:
            if exc.reason != "unreadable" or worker is None or not has_own_keys(args.file):
                raise
            opens_with = _key_of_backup(args, worker)
            households = check_backup(args.file, opens_with)
        kept = restore_rekeyed(args.file, path, key, opens_with)
    except BackupError as exc:
        raise CommandError(str(exc).split(" / ")[0], str(exc).split(" / ")[-1]) from exc
    print(
        f"已恢复备份（{households}户）/ restored the backup ({households} households): {args.file}"
    )
    if kept:
        print(f"原数据库保留在 / the replaced store is kept at: {kept}")
    return EXIT_OK


def _key_of_backup(args: argparse.Namespace, worker: SignInWorker) -> bytes:
    """The key a backup made under an earlier password was made with: from the recovery
    code, or the password of that time (asked for)."""
    password = ""
    if not args.code:
        try:
            password = ask_secret(
                "备份时的密码 / the password when the backup was made: ", BACKUP_PASSWORD_ENV
            )
        except CommandError as exc:
            raise CommandError(
                f"这份备份是在修改密码之前做的，需要备份时的密码或恢复码（--code）。{exc.zh}",
                "this backup was made before the password was changed: the password when it "
                f"was made, or the recovery code (--code), is needed. {exc.en}",
            ) from exc
    try:
        return backup_key(args.file, worker_id=worker.id, password=password, code=args.code or "")
    except WrongPassword as exc:
        raise CommandError(
            "备份时的密码或恢复码不正确",
            "wrong password (the one when the backup was made) or recovery code",
        ) from exc
    except KeyFileError as exc:
        raise CommandError(
            f"备份旁的密钥文件无法读取：{args.file}",
            f"the key file beside the backup cannot be read: {args.file}",
        ) from exc
