"""The parameters in force on one date under one policy, looked up once for many households.

Screening a county means the same policy and date for thousands of households, so every
parameter is resolved here once (value, and the ``ParameterUse`` explanations cite), and
derived numbers (thresholds in exact fen) are cached per household size.
"""

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

from caseworker.domain.codes import DisabilityType, Hukou, IncomeKind
from caseworker.eligibility.findings import ParameterUse, PolicyRef
from caseworker.eligibility.param_codes import PriceGroup
from caseworker.eligibility.params import SPECS
from caseworker.eligibility.policy import Policy
from caseworker.eligibility.structures import Disregard

# Each takes an exact amount of fen (an int, or a Fraction where a ratio was applied).
_ROUNDERS: dict[str, Callable[[Fraction | int], int]] = {
    "fen": lambda x: x if type(x) is int else int((x * 2 + 1) // 2),
    "yuan_half_up": lambda x: int((x + 50) // 100) * 100,
    "yuan_up": lambda x: -int(-x // 100) * 100,
    "yuan_down": lambda x: int(x // 100) * 100,
}


def ceil_int(x: Fraction | int) -> int:
    return -int(-x // 1)


class Context:
    """What the rules read: ``value(name)`` and ``use(name)`` for every parameter on ``on``."""

    def __init__(self, policy: Policy, on: date) -> None:
        self.on = on
        self.policy = policy
        self.ref: PolicyRef = policy.ref
        self.values: dict[str, Any] = {}
        self.uses: dict[str, ParameterUse] = {}
        for name in SPECS:
            entry = policy.entry(name, on)
            self.values[name] = entry.value
            self.uses[name] = ParameterUse(name, entry.shown, entry.start, entry.ref)
        v = self.values
        self.round: Callable[[Fraction | int], int] = _ROUNDERS[v["amounts.rounding"]]
        self.standard = {
            Hukou.RURAL: v["dibao.standard.rural"],
            Hukou.URBAN: v["dibao.standard.urban"],
        }
        self.standard_use = {
            Hukou.RURAL: self.uses["dibao.standard.rural"],
            Hukou.URBAN: self.uses["dibao.standard.urban"],
        }
        exempt = v["dibao.income.exempt_kinds"]
        self.counted_kind = {kind: kind not in exempt for kind in IncomeKind}
        self.work_deduction: int = v["dibao.income.work_cost_deduction"]
        # Disregards by the kind of income they apply to (most kinds have none).
        self.disregards: dict[IncomeKind, tuple[Disregard, ...]] = {}
        for rule in v["dibao.income.disregards"]:
            self.disregards[rule.kind] = (*self.disregards.get(rule.kind, ()), rule)
        self.deduct_costs: bool = v["dibao.income.deduct_illness_costs"]
        self.single_grades: dict[DisabilityType, int] = v["dibao.single_person.disability_grades"]
        self.hardship_grades: dict[DisabilityType, int] = v["special_hardship.disability_grades"]
        illnesses: tuple[str, ...] = v["dibao.single_person.illnesses"]
        self.any_illness = "*" in illnesses
        self.illnesses = tuple(i for i in illnesses if i != "*")
        self.elderly_age: int = v["special_hardship.elderly_age"]
        self.minor_age: int = v["special_hardship.minor_age"]
        self.single_in_force: bool = v["dibao.single_person.in_force"]
        self.marginal_in_force: bool = v["marginal.in_force"]
        self.suspension = next((r for r in v["gradual_exit.suspended"] if on in r), None)
        # Read for every household: attributes are cheaper than looking the names up.
        self.deposit_limit: int = v["dibao.property.deposit_limit_per_person"]
        self.max_vehicles: int = v["dibao.property.max_vehicles"]
        self.max_houses: int = v["dibao.property.max_houses"]
        self.company_allowed: bool = v["dibao.property.company_allowed"]
        self.commercial_allowed: bool = v["dibao.property.commercial_property_allowed"]
        self.inability_reasons = v["special_hardship.supporter_inability_reasons"]
        groups = v["price_subsidy.groups"]
        self.price_groups: tuple[bool, bool, bool, bool, bool, bool] = (
            PriceGroup.DIBAO in groups,
            PriceGroup.SPECIAL_HARDSHIP in groups,
            PriceGroup.UNEMPLOYMENT_INSURANCE in groups,
            PriceGroup.ENTITLED_VETERANS in groups,
            PriceGroup.ORPHANS in groups,
            PriceGroup.DE_FACTO_UNSUPPORTED_CHILDREN in groups,
        )
        # Parameters cited by reasons most households get, as the reasons take them.
        uses = self.uses
        self.income_params = (
            uses["dibao.income.exempt_kinds"],
            uses["dibao.income.work_cost_deduction"],
            uses["dibao.income.disregards"],
            uses["dibao.income.deduct_illness_costs"],
        )
        self.capacity_params = (
            uses["special_hardship.elderly_age"],
            uses["special_hardship.minor_age"],
            uses["special_hardship.disability_grades"],
        )
        self.groups_params = (uses["price_subsidy.groups"],)
        # Per (hukou, members) thresholds in fen; filled on demand.
        self._limits: dict[tuple[Hukou, int], tuple[int, int, int, int]] = {}
        # Constant reasons and findings, built once per context by the rules.
        self.memo: dict[Any, Any] = {}

    def value(self, name: str) -> Any:
        return self.values[name]

    def use(self, name: str) -> ParameterUse:
        return self.uses[name]

    def limits(self, hukou: Hukou, members: int) -> tuple[int, int, int, int]:
        """(standard total, standard per person, single-person limit, marginal limit) in fen.

        Totals are for the whole household: per-capita income is below a limit exactly when
        the household total is below ``limit x members``; a multiple such as 1.5 is applied
        exactly and rounded up to whole fen, which keeps ``total < limit`` exact.
        """
        key = (hukou, members)
        cached = self._limits.get(key)
        if cached is None:
            per_person = self.standard[hukou]
            total = per_person * members
            single = ceil_int(_times(total, self.values["dibao.single_person.income_multiple"]))
            marginal = ceil_int(_times(total, self.values["marginal.income_multiple"]))
            cached = self._limits[key] = (total, per_person, single, marginal)
        return cached


def _times(fen: int, multiple: Decimal) -> Fraction:
    return Fraction(fen) * Fraction(multiple)


def context_for(policy: Policy, on: date) -> Context:
    """The (cached) context of ``policy`` on ``on``."""
    ctx = policy.cache.get(on)
    if ctx is None:
        ctx = policy.cache[on] = Context(policy, on)
    return ctx
