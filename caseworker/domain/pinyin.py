"""Pinyin of personal names, for search by full pinyin or initials ("zxl" finds 张学林).

Names are read character by character (a name is not a phrase), with the surname readings
that differ from the common reading of the character (单 Shan, 曾 Zeng, 解 Xie, ...).
"""

from functools import lru_cache

# Surnames whose reading differs from the character's everyday reading.
SURNAME_READINGS = {
    "单": "shan", "曾": "zeng", "解": "xie", "区": "ou", "仇": "qiu", "朴": "piao",
    "查": "zha", "乐": "yue", "缪": "miao", "覃": "qin", "翟": "zhai", "盖": "ge",
    "员": "yun", "尉": "yu", "召": "shao", "种": "chong", "折": "she", "繁": "po",
    "秘": "bi", "冼": "xian", "禚": "zhuo", "句": "gou", "万俟": "moqi", "尉迟": "yuchi",
    "长孙": "zhangsun", "宿": "su", "任": "ren", "华": "hua", "纪": "ji", "过": "guo",
}  # fmt: skip


@lru_cache(maxsize=20000)
def _char_reading(ch: str) -> str:
    # Imported on first use: pypinyin loads its dictionaries on import (slow for start-up).
    from pypinyin import lazy_pinyin

    reading = lazy_pinyin(ch, errors="ignore")
    return reading[0].lower() if reading else ""


def name_syllables(name: str) -> list[str]:
    """The pinyin syllables of a name, surname first; non-Han letters are kept as words."""
    syllables: list[str] = []
    rest = name.strip()
    for surname in (rest[:2], rest[:1]):
        if surname and surname in SURNAME_READINGS:
            syllables.append(SURNAME_READINGS[surname])
            rest = rest[len(surname) :]
            break
    latin = ""
    for ch in rest:
        if ch.isascii() and ch.isalpha():
            latin += ch.lower()
            continue
        if latin:
            syllables.append(latin)
            latin = ""
        reading = _char_reading(ch)
        if reading:
            syllables.append(reading)
    if latin:
        syllables.append(latin)
    return syllables


@lru_cache(maxsize=200000)
def name_pinyin(name: str) -> tuple[str, str]:
    """(full pinyin, initials) of a name, e.g. ("zhangxuelin", "zxl") for 张学林."""
    syllables = name_syllables(name)
    return "".join(syllables), "".join(s[0] for s in syllables if s)
