"""Reasons as a person reads them: the sentence on its own, and the policy documents it
rests on, without the parameter keys and raw values the engine cites after it."""

import re
from collections.abc import Iterable

from caseworker.eligibility.findings import Reason
from caseworker.eligibility.parameter_words import name_words, ref_words, value_words

_BRACKETS = {"zh": ("〔", "〕"), "en": ("[", "]")}
# "中文 / English": the slash before the English half (spaces around it are optional).
_SPLIT = re.compile(r"\s*/\s*(?=[A-Za-z])")


def _halves(ref: str) -> tuple[str, str]:
    parts = _SPLIT.split(ref, maxsplit=1)
    return parts[0].strip(), (parts[1].strip() if len(parts) > 1 else "")


def plain_sentence(reason: Reason, lang: str = "zh") -> str:
    """A reason's sentence without the citation of parameters appended to it."""
    text = reason.text_zh if lang == "zh" else reason.text_en
    if not reason.parameters:
        return text
    opening, closing = _BRACKETS[lang]
    if not text.endswith(closing):
        return text
    depth = 0
    for index in range(len(text) - 1, -1, -1):
        if text[index] == closing:
            depth += 1
        elif text[index] == opening:
            depth -= 1
            if depth == 0:
                return text[:index].rstrip()
    return text


def policy_basis(reasons: Iterable[Reason], lang: str = "zh") -> list[str]:
    """The documents the reasons' parameters come from, each once, in the order cited (a
    pack's reference reads "中文 / English": the part in ``lang``)."""
    seen: dict[str, None] = {}
    for reason in reasons:
        for parameter in reason.parameters:
            zh, en = _halves(parameter.ref)
            words = zh if lang == "zh" else en or zh
            if words:
                seen.setdefault(words, None)
    return list(seen)


def basis_lines(reason: Reason, lang: str = "zh") -> list[str]:
    """Each parameter a reason applied, as a person reads it: its name, its value in
    words, the day it applies from and the document it comes from (never its key)."""
    lines = []
    for p in reason.parameters:
        name, value = name_words(p.name, lang), value_words(p.name, p.value, lang)
        document = ref_words(p.ref, lang)
        if lang == "zh":
            since = f"{p.effective_from.year}年{p.effective_from.month}月{p.effective_from.day}日起"
            lines.append(f"{name}：{value}（{since}；依据：{document}）")
        else:
            lines.append(f"{name}: {value} (from {p.effective_from.isoformat()}; per {document})")
    return lines
