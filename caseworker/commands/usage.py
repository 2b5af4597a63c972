"""Mistakes on the command line said in Chinese and in English.

argparse explains a mistake in English only. ``BilingualParser`` is the parser of the
whole command line (argparse makes every sub-command's and verb's parser of the same
class), and puts each of argparse's common messages into Chinese above the English one.
Light on purpose: ``--help`` loads it and nothing else of the app.
"""

import argparse
import re
import sys
from collections.abc import Callable
from datetime import date
from typing import NoReturn

# argparse quotes values with repr(): 'x'.
_QUOTED = re.compile(r"'((?:[^'\\]|\\.)*)'")


def _plain(text: str) -> str:
    """A value argparse quoted (``'x'``), without the quotes."""
    found = _QUOTED.fullmatch(text.strip())
    return found.group(1) if found else text.strip()


def _choices(text: str) -> list[str]:
    """The choices argparse lists as ``'a', 'b'`` (quoted or not)."""
    return [_plain(c) for c in text.split(",") if c.strip()]


_TYPE_WORDS = {"int": "（应为整数）", "float": "（应为数字）"}


def _invalid_value(m: re.Match[str]) -> str:
    return f"参数{m[1]}的值“{_plain(m[3])}”无效{_TYPE_WORDS.get(m[2], '')}"


def _invalid_choice(m: re.Match[str]) -> str:
    return f"参数{m[1]}：无效的选项“{_plain(m[2])}”（可选：{'、'.join(_choices(m[3]))}）"


# argparse's messages (and those of the value checks below) and what each says in
# Chinese; the first pattern that matches the whole message is used.
_MESSAGES: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    (
        re.compile(r"the following arguments are required: (.+)"),
        lambda m: f"缺少必填参数：{'、'.join(m[1].split(', '))}",
    ),
    (re.compile(r"unrecognized arguments: (.+)"), lambda m: f"无法识别的参数：{m[1]}"),
    (re.compile(r"argument (.+?): invalid choice: (.+?) \(choose from (.+)\)"), _invalid_choice),
    (re.compile(r"argument (.+?): invalid (\w+) value: (.+)"), _invalid_value),
    (re.compile(r"argument (.+?): expected one argument"), lambda m: f"参数{m[1]}后缺少一个值"),
    (
        re.compile(r"argument (.+?): expected at most one argument"),
        lambda m: f"参数{m[1]}最多只能有一个值",
    ),
    (
        re.compile(r"argument (.+?): expected at least one argument"),
        lambda m: f"参数{m[1]}后至少需要一个值",
    ),
    (
        re.compile(r"argument (.+?): expected (\d+) arguments?"),
        lambda m: f"参数{m[1]}需要{m[2]}个值",
    ),
    (
        re.compile(r"argument (.+?): not allowed with argument (.+)"),
        lambda m: f"参数{m[1]}不能与{m[2]}同时使用",
    ),
    (
        re.compile(r"argument (.+?): ignored explicit argument (.+)"),
        lambda m: f"参数{m[1]}不接受值“{_plain(m[2])}”",
    ),
    (re.compile(r"one of the arguments (.+) is required"), lambda m: f"须指定以下参数之一：{m[1]}"),
    (
        re.compile(r"ambiguous option: (\S+) could match (.+)"),
        lambda m: f"选项{m[1]}有歧义，可能是：{m[2]}",
    ),
    (
        re.compile(r"argument (.+?): (.+?) is not a date \(YYYY-MM-DD\)"),
        lambda m: f"参数{m[1]}：“{m[2]}”不是日期（格式为YYYY-MM-DD，如2026-03-01）",
    ),
    (
        re.compile(r"argument (.+?): (.+?) is not a date"),
        lambda m: f"参数{m[1]}：日期“{m[2]}”不存在",
    ),
    (
        re.compile(r"argument (.+?): expected NAME=VALUE, got (.+)"),
        lambda m: f"参数{m[1]}应写成“名称=值”，而不是“{_plain(m[2])}”",
    ),
]


def in_chinese(message: str) -> str:
    """argparse's English ``message`` in Chinese (the whole message when it is not one of
    the known ones, so that nothing is lost)."""
    for pattern, words in _MESSAGES:
        found = pattern.fullmatch(message)
        if found:
            return words(found)
    return f"命令行有误：{message}"


def date_argument(text: str) -> date:
    """A ``YYYY-MM-DD`` option's value as a date; ArgumentTypeError saying whether it is
    not written as a date or is not a day of the calendar (2026-02-30)."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise argparse.ArgumentTypeError(f"{text} is not a date")
    raise argparse.ArgumentTypeError(f"{text} is not a date (YYYY-MM-DD)")


class BilingualParser(argparse.ArgumentParser):
    """An ArgumentParser whose mistakes are said in Chinese, then English (exit status 2,
    as argparse's)."""

    def error(self, message: str) -> NoReturn:
        zh, en = in_chinese(message), message
        verbs = self._verbs_missing(message)
        if verbs:
            zh = f"缺少子命令，请指定其一：{'、'.join(verbs)}（用 -h 查看说明）"
            en = f"a verb is missing; name one of: {', '.join(verbs)} (see -h)"
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}：错误：{zh}\n{self.prog}: error: {en}\n")

    def _verbs_missing(self, message: str) -> list[str]:
        """The verbs to choose from, when the mistake is that none was named."""
        missing = message.partition("the following arguments are required: ")[2]
        if not missing:
            return []
        names = {name.strip() for name in missing.split(",")}
        for action in self._actions:
            if (
                isinstance(action, argparse._SubParsersAction)
                and {action.metavar, action.dest} & names
            ):
                return list(action.choices)
        return []
