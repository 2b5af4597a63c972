"""The base of the errors a person reads."""

import errno


class BilingualError(Exception):
    """An error told to a person: what went wrong (and what to do) in Chinese, ``zh``, and
    in English, ``en``; ``str()`` gives both, for logs and the command line."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(f"{zh} / {en}")
        self.zh = zh
        self.en = en


class BilingualValueError(BilingualError, ValueError):
    """A value refused, told in Chinese and English (a ``ValueError`` too, for the callers
    that take any bad value)."""


def os_reason(exc: OSError) -> tuple[str, str]:
    """Why the system refused to read or write a file, in Chinese and English words (the
    system's own message is English only)."""
    if isinstance(exc, FileNotFoundError):
        return "找不到这个文件或文件夹", "it is not there"
    if isinstance(exc, FileExistsError):
        return "已有同名的文件", "a file of that name is there already"
    if isinstance(exc, IsADirectoryError):
        return "这是一个文件夹，不是文件", "it is a folder, not a file"
    if isinstance(exc, NotADirectoryError):
        return "路径中有一项不是文件夹", "a part of the path is not a folder"
    if isinstance(exc, PermissionError):
        return "没有权限", "permission was refused"
    if exc.errno == errno.ENOSPC:
        return "磁盘已满", "the disk is full"
    if exc.errno == errno.EROFS:
        return "磁盘只能读不能写", "the disk is read-only"
    reason = exc.strerror or type(exc).__name__
    return f"系统错误（{reason}）", reason
