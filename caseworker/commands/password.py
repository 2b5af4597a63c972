"""``caseworker password set|change|recover``: lock the store with a password, change it,
or set a new one with the county's recovery code."""

import argparse
from pathlib import Path

from caseworker.commands import help_of
from caseworker.commands.common import (
    EXIT_OK,
    CommandError,
    add_db_option,
    ask_secret,
    choose_worker,
    existing_store,
)
from caseworker.security.keys import WrongPassword
from caseworker.security.signin import (
    LockedOut,
    WeakPassword,
    change_password,
    is_encrypted,
    recover,
    set_up,
)
from caseworker.store.db import open_store
from caseworker.store.workers import current_worker, set_current_worker

NEW_PASSWORD_ENV = "CASEWORKER_NEW_PASSWORD"


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = sub.add_parser("password", help=help_of("password"))
    parser.add_argument("action", choices=["set", "change", "recover"])
    parser.add_argument("--code", help="the recovery code (for recover)")
    parser.add_argument("--worker", help="the worker's name, if none is set up yet (for set)")
    parser.add_argument("--role", default="village", choices=["village", "township", "county"])
    parser.add_argument("--scope", help="the worker's area code (for set)")
    add_db_option(parser)
    parser.set_defaults(func=run)


def _new_password() -> str:
    return ask_secret("新密码 / new password: ", NEW_PASSWORD_ENV)


def run(args: argparse.Namespace) -> int:
    path = existing_store(args)  # a password is set on a store, never makes one
    try:
        if args.action == "set":
            return _set(path, args)
        if args.action == "change":
            worker = choose_worker(path)
            old = ask_secret("原密码 / current password: ", "CASEWORKER_PASSWORD")
            change_password(path, worker.id, old, _new_password())
            print("密码已修改 / password changed")
            return EXIT_OK
        if not args.code:
            raise CommandError("请用 --code 提供恢复码", "give the recovery code with --code")
        worker = choose_worker(path)
        recover(
            path,
            args.code,
            worker_id=worker.id,
            worker_name=worker.name,
            new_password=_new_password(),
        )
        print("已用恢复码设置新密码 / new password set with the recovery code")
        return EXIT_OK
    except WrongPassword as exc:
        raise CommandError("密码或恢复码不正确", "wrong password or recovery code") from exc
    except LockedOut as exc:
        raise CommandError(
            f"请{exc.seconds}秒后再试", f"try again in {exc.seconds} seconds"
        ) from exc
    except WeakPassword as exc:
        raise CommandError(str(exc).split(" / ")[0], str(exc).split(" / ")[1]) from exc


def _set(path: Path, args: argparse.Namespace) -> int:
    if is_encrypted(path):
        raise CommandError(
            "数据库已设置密码，请用 password change", "already locked; use 'password change'"
        )
    store = open_store(path)
    try:
        worker = current_worker(store)
        if worker is None and args.worker:
            worker = set_current_worker(
                store, name=args.worker, role=args.role, scope_code=args.scope
            )
    finally:
        store.close()
    if worker is None:
        raise CommandError(
            "请用 --worker 指定本机使用人员", "name the worker using this laptop with --worker"
        )
    _, code = set_up(path, worker_id=worker.id, worker_name=worker.name, password=_new_password())
    print("数据库已加密 / the database is now encrypted.")
    if code:
        print("恢复码（请打印并交县民政局保管，只显示这一次）")
        print("recovery code (print it for the county to keep; shown only once):")
        print(code)
    return EXIT_OK
