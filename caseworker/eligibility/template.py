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
from caseworker.eligibility.findings import MissingInfo, ParameterUse, Reason, ReasonTemplate

Shown = Callable[[Any], Any]

# Every reason template by its key, for reading decision records (which store the key and
# the raw arguments, not the sentences). Filled as the rule modules are imported.
TEMPLATES: dict[str, ReasonTemplate] = {}


def register(template: ReasonTemplate) -> None:
    """Make ``template`` findable by its key; a key names one template only."""
    known = TEMPLATES.get(template.key)
    if known is not None and known is not template:
        raise ValueError(f"two reason templates have the key {template.key!r}")
    TEMPLATES[template.key] = template


# Every template of missing information by its key, likewise.
MISSING_TEMPLATES: dict[str, "MissingTemplate"] = {}


# Both registries are full once the package is imported: its ``__init__`` imports the
# engine, whose rules register their templates.


def template_for(key: str) -> ReasonTemplate | None:
    """The reason template with this key, or None."""
    return TEMPLATES.get(key)


def missing_template_for(key: str) -> "MissingTemplate | None":
    """The template of missing information with this key, or None."""
    return MISSING_TEMPLATES.get(key)


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
    ``extra`` computes further text-only fields from the shown values (optional). ``key``
    names the template in decision records (default: the rule code); it must never change
    meaning, since records made years ago are rendered with it.
    """

    __slots__ = ("extra", "fields", "key", "met_en", "met_zh", "rule", "unmet_en", "unmet_zh")

    def __init__(
        self,
        rule: str,
        fields: Sequence[tuple[str, Shown]],
        met: tuple[str, str],
        unmet: tuple[str, str] | None = None,
        extra: Callable[[dict[str, Any], tuple[Any, ...]], dict[str, Any]] | None = None,
        *,
        key: str | None = None,
    ) -> None:
        self.rule = rule
        self.key = key or rule
        self.fields = tuple(fields)
        self.met_zh, self.met_en = met
        self.unmet_zh, self.unmet_en = unmet or met
        self.extra = extra
        register(self)

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


Words = Callable[[tuple[Any, ...]], tuple[tuple[Any, ...], tuple[Any, ...]]]


class MissingTemplate:
    """The sentences of one kind of missing information over its raw arguments.

    ``zh`` and ``en`` are ``str.format`` texts over positional arguments; ``words`` (optional)
    turns the raw arguments into those of each language (a month's words, a field's name).
    Arguments are kept in decision records, so they must be plain JSON values (numbers,
    text) and ``key`` must never change meaning, as for reason templates.
    """

    __slots__ = ("en", "key", "words", "zh")

    def __init__(self, key: str, zh: str, en: str, words: Words | None = None) -> None:
        known = MISSING_TEMPLATES.get(key)
        if known is not None and known is not self:
            raise ValueError(f"two templates of missing information have the key {key!r}")
        self.key = key
        self.zh = zh
        self.en = en
        self.words = words
        MISSING_TEMPLATES[key] = self

    def __call__(self, field: str, *args: Any) -> MissingInfo:
        """What is missing at ``field`` (a path in the household record), in both languages."""
        zh_args, en_args = (args, args) if self.words is None else self.words(args)
        return MissingInfo(
            field, self.zh.format(*zh_args), self.en.format(*en_args), self.key, args
        )
