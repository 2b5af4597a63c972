"""What went wrong with the store file itself, in words: damaged, disk full, read-only,
in use by another program, or a failing disk.

SQLite (and SQLCipher) say it with a result code on the exception; SQLAlchemy wraps that
exception in its own (``orig``). A person reads what happened, that nothing was written
(SQLite rolled the transaction back), and what to do; never the SQL statement or its
parameters, which the raw exception carries.
"""

from pathlib import Path

from caseworker.domain.errors import BilingualError

# SQLite's primary result codes (https://sqlite.org/rescode.html); an extended code keeps
# its primary code in the low byte.
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26


class StoreError(BilingualError, RuntimeError):
    """The store cannot be opened or used; ``zh`` and ``en`` say why and what to do."""


KNOWN = {
    SQLITE_BUSY,
    SQLITE_LOCKED,
    SQLITE_READONLY,
    SQLITE_IOERR,
    SQLITE_CORRUPT,
    SQLITE_FULL,
    SQLITE_CANTOPEN,
    SQLITE_NOTADB,
}


def _sqlite_code(error: BaseException) -> int | None:
    """The primary SQLite result code of a store failure behind ``error``, if any.

    The chain of causes is searched too: after SQLITE_FULL SQLite may roll the whole
    transaction back itself, and the error that surfaces is then SQLAlchemy's failed
    ``ROLLBACK TO SAVEPOINT``, with the full disk as its context.
    """
    seen: set[int] = set()
    pending: list[BaseException | None] = [error]
    while pending:
        candidate = pending.pop(0)
        if candidate is None or id(candidate) in seen:
            continue
        seen.add(id(candidate))
        code = getattr(candidate, "sqlite_errorcode", None)
        if isinstance(code, int) and code & 0xFF in KNOWN:
            return code & 0xFF
        pending += [getattr(candidate, "orig", None), candidate.__cause__, candidate.__context__]
    return None


def _named(path: Path | None) -> tuple[str, str]:
    if path is None:
        return "本机数据库", "the store on this laptop"
    return f"数据库文件“{path}”", f"the store {path}"


def damaged(path: Path | None = None) -> StoreError:
    """The store file at ``path`` is damaged: what to do."""
    zh_file, en_file = _named(path)
    return StoreError(
        f"{zh_file}已损坏，无法读取，本次没有写入任何数据。请在“设置”页或用"
        "“caseworker restore 备份文件”从最近的备份恢复，并告知县级管理员。",
        f"{en_file} is damaged and cannot be read; nothing was written. Restore the "
        "latest backup (Settings page, or 'caseworker restore BACKUP') and tell the "
        "county's administrator.",
    )


def store_failure(error: BaseException, path: Path | None = None) -> StoreError | None:
    """``error`` in words when it is a failure of the store file (``path`` names it), or
    None when it is something else."""
    code = _sqlite_code(error)
    if code is None:
        return None
    zh_file, en_file = _named(path)
    if code in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return damaged(path)
    if code == SQLITE_FULL:
        return StoreError(
            f"磁盘已满，{zh_file}无法写入；本次操作没有保存，原有数据没有改动。"
            "请删除不需要的文件、腾出空间后再试。",
            f"the disk is full, so {en_file} cannot be written; this change was not saved "
            "and nothing else changed. Free some space and try again.",
        )
    if code in (SQLITE_READONLY, SQLITE_CANTOPEN):
        return StoreError(
            f"{zh_file}无法写入（只读或没有权限）；本次操作没有保存。请检查文件和文件夹的权限。",
            f"{en_file} cannot be written (read-only, or no permission); nothing was "
            "saved. Check the permissions of the file and its folder.",
        )
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return StoreError(
            f"{zh_file}正被另一个程序使用；本次操作没有保存。请关闭其他正在使用它的程序后再试。",
            f"{en_file} is in use by another program; nothing was saved. Close the other "
            "program and try again.",
        )
    if code == SQLITE_IOERR:
        return StoreError(
            f"读写{zh_file}时磁盘出错；本次操作没有保存。请检查磁盘或U盘，并尽快备份。",
            f"the disk failed while reading or writing {en_file}; nothing was saved. "
            "Check the disk and make a backup soon.",
        )
    return None
