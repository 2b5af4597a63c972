"""Per-capita income held against a limit, with the sentence that says so."""

from typing import Any

from caseworker.domain.money import share_fen
from caseworker.eligibility.checks import Tri
from caseworker.eligibility.facts import Facts
from caseworker.eligibility.findings import ParameterUse, Reason
from caseworker.eligibility.template import Template, plain, register, yuan


def _words(values: dict[str, Any], _args: tuple[Any, ...]) -> dict[str, Any]:
    at_least = values["at_least"]
    return {"least_zh": "至少" if at_least else "", "least_en": "at least " if at_least else ""}


def income_template(rule: str, limit_zh: str, limit_en: str) -> Template:
    """Sentences for "per-capita income below ``limit``" (met) and "not below" (unmet)."""
    template = Template(
        rule,
        (
            ("per_capita_yuan", yuan),
            ("limit_yuan", yuan),
            ("members", plain),
            ("at_least", plain),
        ),
        (
            f"家庭人均月收入{{per_capita_yuan}}元，低于{limit_zh}{{limit_yuan}}元",
            f"per-capita monthly income {{per_capita_yuan}} yuan is below the {limit_en}, "
            "{limit_yuan} yuan",
        ),
        (
            f"家庭人均月收入{{least_zh}}{{per_capita_yuan}}元，不低于{limit_zh}{{limit_yuan}}元",
            f"per-capita monthly income {{least_en}}{{per_capita_yuan}} yuan is not below the "
            f"{limit_en}, {{limit_yuan}} yuan",
        ),
        extra=_words,
    )
    for below in (True, False):
        fixed = _FIXED[rule, below] = _Fixed(template, below)
        register(fixed)
    return template


def income_below(
    f: Facts,
    template: Template,
    limit_total: int,
    parameters: tuple[ParameterUse, ...],
    *,
    invert: bool = False,
) -> tuple[Tri, Reason | None]:
    """Whether per-capita income is below ``limit_total / members`` (or, with ``invert``,
    not below it), and the reason; (None, None) when the record cannot tell."""
    income = f.income
    below = income.below(limit_total)
    if below is None:
        return None, None
    n = f.members
    total = (income.high if income.high is not None else income.low) if below else income.low
    # Shown as every per-person figure is (the comparison itself used the exact totals),
    # except that an income below the limit never reads as equal to it: within half a fen
    # under the limit it shows a fen under, not "400.00, below 400.00".
    limit_per_person = share_fen(limit_total, n)
    per_capita = share_fen(total, n)
    if below and per_capita >= limit_per_person:
        per_capita = limit_per_person - 1
    at_least = not below and income.high != income.low
    met = not below if invert else below
    # The sentence states the comparison as it is; ``met`` says whether the rule wanted it.
    fixed = _FIXED[template.rule, below]
    args = (per_capita, limit_per_person, n, at_least)
    return met, Reason.from_template(template.rule, met, fixed, args, parameters)


class _Fixed:
    """A template whose sentence follows the comparison, whatever ``met`` is."""

    __slots__ = ("below", "key", "rule", "template")

    def __init__(self, template: Template, below: bool) -> None:
        self.template = template
        self.below = below
        self.rule = template.rule
        self.key = f"{template.key}:{'below' if below else 'not_below'}"

    def render(
        self, met: bool, args: tuple[Any, ...], parameters: tuple[ParameterUse, ...]
    ) -> tuple[dict[str, Any], str, str]:
        return self.template.render(self.below, args, parameters)


_FIXED: dict[tuple[str, bool], _Fixed] = {}
