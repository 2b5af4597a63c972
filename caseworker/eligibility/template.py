"""Reason templates: how a reason's raw arguments become its values and sentences.

The engine records only a template and the raw numbers (fen, dates, counts); the values
(money as decimal strings of yuan) and the Chinese and English sentences are made when
someone reads them. Every sentence ends with a citation of the dated parameters it used.
"""

import json
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from caseworker.domain.money import format_yuan
from caseworker.eligibility.findings import ParameterUse, Reason

Shown = Callable[[Any], Any]


def yuan(fen: Any) -> Any:
    return None if fen is None else format_yuan(fen)


def plain(value: Any) -> Any:
    return value


def day(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def _show_value(value: Any) -> str:
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def citation_zh(parameters: Sequence[ParameterUse]) -> str:
    if not parameters:
        return ""
    parts = [
        f"{p.name}={_show_value(p.value)}，{p.effective_from.isoformat()}起，依据：{p.ref}"
        for p in parameters
    ]
    return "〔" + "；".join(parts) + "〕"


def citation_en(parameters: Sequence[ParameterUse]) -> str:
    if not parameters:
        return ""
    parts = [
        f"{p.name} = {_show_value(p.value)} from {p.effective_from.isoformat()}, per {p.ref}"
        for p in parameters
    ]
    return " [" + "; ".join(parts) + "]"


class Template:
    """The sentences of one rule, met and unmet, over named fields.

    ``fields`` are (key, how to show) pairs matched to the reason's arguments in order.
    ``extra`` computes further text-only fields from the shown values (optional).
    """

    __slots__ = ("extra", "fields", "met_en", "met_zh", "rule", "unmet_en", "unmet_zh")

    def __init__(
        self,
        rule: str,
        fields: Sequence[tuple[str, Shown]],
        met: tuple[str, str],
        unmet: tuple[str, str] | None = None,
        extra: Callable[[dict[str, Any], tuple[Any, ...]], dict[str, Any]] | None = None,
    ) -> None:
        self.rule = rule
        self.fields = tuple(fields)
        self.met_zh, self.met_en = met
        self.unmet_zh, self.unmet_en = unmet or met
        self.extra = extra

    def render(
        self, met: bool, args: tuple[Any, ...], parameters: tuple[ParameterUse, ...]
    ) -> tuple[dict[str, Any], str, str]:
        values = {key: show(arg) for (key, show), arg in zip(self.fields, args, strict=False)}
        words = dict(values)
        if self.extra is not None:
            words.update(self.extra(values, args))
        zh = (self.met_zh if met else self.unmet_zh).format(**words)
        en = (self.met_en if met else self.unmet_en).format(**words)
        return values, zh + citation_zh(parameters), en + citation_en(parameters)

    def __call__(self, met: bool, *args: Any, parameters: tuple[ParameterUse, ...] = ()) -> Reason:
        """A (lazily rendered) reason of this rule."""
        # Reason.from_template, inlined: this runs for every reason of every household.
        reason = Reason(self.rule, met, "", "", None, parameters)
        reason._template = self
        reason._args = args
        return reason
