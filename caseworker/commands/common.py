"""What the sub-commands share: opening the store, reporting errors (and the ``--db``
option, from ``options``)."""

__all__ = ["EXIT_BAD_INPUT", "EXIT_FAILED", "EXIT_OK", "CommandError", "add_db_option"]

import argparse
import getpass
import os
import sys
from pathlib import Path

from caseworker.commands.options import add_db_option
from caseworker.config import default_db_path
from caseworker.domain.errors import BilingualError, os_reason
from caseworker.domain.validation import ValidationFailed
from caseworker.operations.messages import in_words
from caseworker.security.keys import WrongPassword
from caseworker.security.signin import LockedOut, SignInWorker, is_encrypted, sign_in, workers_on
from caseworker.store.db import Store, open_store
from caseworker.store.workers import current_worker

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_BAD_INPUT = 2


class CommandError(BilingualError):
    """A failure to report to the user (message in Chinese and English); nothing written."""

    def __init__(self, zh: str, en: str, status: int = EXIT_BAD_INPUT) -> None:
        super().__init__(zh, en)
        self.status = status


def file_failure(exc: OSError) -> CommandError:
    """A file or folder the command was to read or write that the system refused, said in
    words (whichever command it was: the last guard before a traceback)."""
    zh, en = os_reason(exc)
    where = exc.filename if exc.filename is not None else ""
    return CommandError(
        f"无法读写“{where}”：{zh}，未完成",
        f"cannot read or write '{where}': {en}; not done",
        status=EXIT_FAILED,
    )


PASSWORD_ENV = "CASEWORKER_PASSWORD"
WORKER_ENV = "CASEWORKER_WORKER"


def db_path(args: argparse.Namespace) -> Path:
    """The store file named by ``--db``, or the default one."""
    path: Path = args.db or default_db_path()
    return path


def ask_secret(prompt: str, env: str) -> str:
    """A password from the environment variable ``env``, or typed at a terminal."""
    value = os.environ.get(env)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise CommandError(
            f"需要密码：请在终端运行，或设置环境变量 {env}",
            f"a password is needed: run at a terminal or set {env}",
        )
    return getpass.getpass(prompt)


def choose_worker(path: Path) -> SignInWorker:
    """Who signs in: the only worker, or the one named in CASEWORKER_WORKER."""
    workers = workers_on(path)
    wanted = os.environ.get(WORKER_ENV)
    if wanted:
        for worker in workers:
            if wanted in (worker.name, worker.id):
                return worker
        raise CommandError(f"本机没有工作人员“{wanted}”", f"no worker '{wanted}' on this laptop")
    if len(workers) == 1:
        return workers[0]
    names = "、".join(w.name for w in workers)
    raise CommandError(
        f"本机有多名工作人员（{names}），请用环境变量 {WORKER_ENV} 指定",
        f"several workers use this laptop ({names}); name one in {WORKER_ENV}",
    )


def unlock(path: Path) -> tuple[bytes, SignInWorker]:
    """The data key of an encrypted store and who unlocked it, after their password."""
    worker = choose_worker(path)
    password = ask_secret(f"{worker.name} 的密码 / password: ", PASSWORD_ENV)
    try:
        return sign_in(path, worker.id, password), worker
    except WrongPassword as exc:
        raise CommandError("密码不正确", "wrong password") from exc
    except LockedOut as exc:
        raise CommandError(
            f"密码错误次数过多，请{exc.seconds}秒后再试",
            f"too many wrong passwords; try again in {exc.seconds} seconds",
        ) from exc


def existing_store(args: argparse.Namespace) -> Path:
    """The store file ``--db`` names (or the default one), refused when there is none:
    opening a path creates a store there, and a mistyped ``--db`` would otherwise become a
    new empty store (and its folders) that quietly finds nothing."""
    path = db_path(args)
    if path.exists():  # a folder is refused by open_store, in its own words
        return path
    if args.db is None:
        raise CommandError(
            f"本机还没有数据库：{path}（请先启动程序，或用 --db 指定数据库文件）",
            f"no store at {path} yet (start the app first, or name the store with --db)",
        )
    raise CommandError(
        f"找不到数据库文件：{path}（请检查 --db）", f"no store at {path} (check --db)"
    )


def store_from(args: argparse.Namespace, *, create: bool = False) -> Store:
    """Open the store named by ``--db`` (or the default one), unlocking it if encrypted.
    Only a command whose job is to make or fill a store passes ``create``; for the others
    a path with no store is a CommandError and nothing is created."""
    path = db_path(args) if create else existing_store(args)
    if not is_encrypted(path):
        store = open_store(path)
        worker = current_worker(store)
        store.actor = worker.name if worker else ""
        return store
    key, signed_in = unlock(path)
    store = open_store(path, key=key)
    store.actor = signed_in.name
    return store


def report_error(error: Exception) -> None:
    """Print an error for a person: each problem in Chinese, then in English."""
    out = sys.stderr
    if isinstance(error, ValidationFailed):
        found = len(error.errors) + error.omitted
        print(f"错误：发现{found}处问题，未写入任何数据。", file=out)
        print(f"error: {found} problem(s) found; nothing was written.", file=out)
        for e in error.errors:
            print(f"  - {e.message_zh}", file=out)
            print(f"    {e.message_en}", file=out)
        if error.omitted:
            print(f"  ……另有{error.omitted}处问题未列出", file=out)
            print(f"    ... and {error.omitted} more problem(s) not listed", file=out)
    elif isinstance(error, CommandError):
        print(f"错误：{error.zh}", file=out)
        print(f"error: {error.en}", file=out)
    else:
        message = in_words(error)
        print(f"错误：{message.zh}", file=out)
        print(f"error: {message.en}", file=out)
