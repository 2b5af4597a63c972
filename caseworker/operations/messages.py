"""Every error that can reach a person, in words: Chinese and English, never a class
name, a code name or a data structure.

The app and the command line show an error through ``in_words``. An error the project
does not know is not shown as it is (its text is for a developer): the person reads that
something went wrong and nothing was done, and the details go to the log.
"""

import logging
from dataclasses import dataclass

from caseworker.domain.money import MoneyFormatError
from caseworker.domain.validation import ValidationFailed
from caseworker.security.keys import KeyFileError, WrongPassword
from caseworker.security.signin import LockedOut
from caseworker.store.failures import store_failure

log = logging.getLogger(__name__)

# Errors whose text is "中文 / English" in one string.
_JOINED = " / "


@dataclass(frozen=True, slots=True)
class Message:
    """What to tell a person, in both languages."""

    zh: str
    en: str

    def text(self, chinese: bool) -> str:
        """The message in the language the person reads."""
        return self.zh if chinese else self.en


UNEXPECTED = Message(
    "出现了意外的问题，操作没有完成，数据没有改动。详细情况已记入日志，请告知县级管理员。",
    "Something unexpected went wrong; nothing was done or changed. The details are in "
    "the log: please tell the county's administrator.",
)


def in_words(error: BaseException) -> Message:
    """``error`` as a message a person can read."""
    if isinstance(error, ValidationFailed):
        return Message("；".join(error.messages("zh")), "; ".join(error.messages("en")))
    zh, en = getattr(error, "zh", None), getattr(error, "en", None)
    if isinstance(zh, str) and isinstance(en, str):
        return Message(zh, en)
    failure = store_failure(error)
    if failure is not None:  # damaged, full, read-only or busy store file
        return Message(failure.zh, failure.en)
    if isinstance(error, LockedOut):
        return Message(
            f"密码错误次数过多，请{error.seconds}秒后再试",
            f"too many wrong passwords: try again in {error.seconds} seconds",
        )
    if isinstance(error, WrongPassword):
        return Message("密码或恢复码不正确", "the password or recovery code is not right")
    if isinstance(error, KeyFileError):
        return Message(
            "密钥文件缺失或已损坏，无法打开数据库；请用备份恢复或联系县级管理员",
            "the key file is missing or damaged, so the store cannot be opened; restore a "
            "backup or ask the county's administrator",
        )
    if isinstance(error, MoneyFormatError):
        return Message(
            "金额格式不对，应为元，最多两位小数（例如600或600.50）",
            "not an amount of yuan with at most two decimals (e.g. 600 or 600.50)",
        )
    if isinstance(error, OSError):
        where = f"“{error.filename}”" if error.filename else ""
        return Message(
            f"无法读写文件{where}：请检查U盘或磁盘是否已插好、是否已满、是否有权限",
            f"cannot read or write {error.filename or 'the file'} "
            f"({error.strerror or 'system error'}): check the drive is in, not full, "
            "and may be written",
        )
    text = str(error)
    if _JOINED in text and _chinese_first(text):  # the store's and backups' own messages
        zh_part, en_part = text.split(_JOINED, 1)
        return Message(zh_part.strip(), en_part.strip())
    log.error("an unexpected error reached the user", exc_info=error)
    return UNEXPECTED


def _chinese_first(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text.split(_JOINED, 1)[0])
