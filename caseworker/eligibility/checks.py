"""Conditions several programs share: residence, the property tests, who is a recipient.

Each check yields a tri-state (True met, False unmet, None not known from the record), the
reasons that explain it and what to collect when it is not known.
"""

from datetime import date

from caseworker.domain.codes import AssetKind, Program
from caseworker.domain.records import Benefit, Household
from caseworker.eligibility.context import Context
from caseworker.eligibility.findings import MissingInfo, Reason, Status
from caseworker.eligibility.template import MissingTemplate, Template, plain, yuan

Tri = bool | None

# Statuses bound once: reading ``Status.CONTINUE`` goes through a descriptor each time, and
# the rules decide millions of findings.
LIKELY_ELIGIBLE = Status.LIKELY_ELIGIBLE
NOT_ELIGIBLE = Status.NOT_ELIGIBLE
NEEDS_INFORMATION = Status.NEEDS_INFORMATION
CONTINUE = Status.CONTINUE
EXIT = Status.EXIT


def decide(conditions: tuple[Tri, ...]) -> Tri:
    """All met -> True; any unmet -> False; otherwise not known (None)."""
    if False in conditions:
        return False
    if None in conditions:
        return None
    return True


def new_status(decision: Tri) -> Status:
    if decision is None:
        return NEEDS_INFORMATION
    return LIKELY_ELIGIBLE if decision else NOT_ELIGIBLE


def current_status(decision: Tri) -> Status:
    if decision is None:
        return NEEDS_INFORMATION
    return CONTINUE if decision else EXIT


def current_benefit(h: Household, program: Program, on: date) -> Benefit | None:
    """The household's benefit of ``program`` that had started by ``on`` (the latest)."""
    found = None
    for b in h.benefits:
        if b.program is program and b.since <= on and (found is None or b.since > found.since):
            found = b
    return found


LOCAL = Template(
    "residence.local",
    (),
    ("户籍在本地，可在本地申请", "hukou is local: may apply here"),
    ("非本地户籍，应向户籍地申请", "hukou is not local: must apply where it is registered"),
)
MISSING_LOCAL = MissingTemplate(
    "residence.not_recorded",
    "是否本地户籍未登记",
    "whether the household's hukou is local is not recorded",
)("local_resident")


DEPOSITS = Template(
    "property.deposits",
    (("deposits_yuan", yuan), ("limit_yuan", yuan), ("members", plain)),
    (
        "存款及有价证券{deposits_yuan}元，未超过{members}人的上限{limit_yuan}元",
        "deposits and securities {deposits_yuan} yuan, within the limit for {members} "
        "member(s), {limit_yuan} yuan",
    ),
    (
        "存款及有价证券{deposits_yuan}元，超过{members}人的上限{limit_yuan}元",
        "deposits and securities {deposits_yuan} yuan exceed the limit for {members} "
        "member(s), {limit_yuan} yuan",
    ),
)
VEHICLES = Template(
    "property.vehicles",
    (("vehicles", plain), ("allowed", plain)),
    (
        "机动车辆{vehicles}辆（不含残疾人代步车、唯一生计车辆），未超过允许的{allowed}辆",
        "{vehicles} motor vehicle(s) (not counting disability or sole-livelihood vehicles), "
        "within the {allowed} allowed",
    ),
    (
        "机动车辆{vehicles}辆（不含残疾人代步车、唯一生计车辆），超过允许的{allowed}辆",
        "{vehicles} motor vehicle(s) (not counting disability or sole-livelihood vehicles), "
        "more than the {allowed} allowed",
    ),
)
HOUSES = Template(
    "property.houses",
    (("houses", plain), ("allowed", plain)),
    ("住房{houses}套，未超过允许的{allowed}套", "{houses} house(s), within the {allowed} allowed"),
    ("住房{houses}套，超过允许的{allowed}套", "{houses} house(s), more than the {allowed} allowed"),
)
COMPANY = Template(
    "property.company",
    (("has_company", plain),),
    ("未开办或投资企业", "owns or runs no company"),
    ("开办或投资了企业，按政策不予保障", "owns or runs a company, which the policy excludes"),
)
COMMERCIAL = Template(
    "property.commercial",
    (("has_commercial", plain),),
    ("无商铺、厂房等非住宅", "no commercial property"),
    (
        "拥有商铺、厂房等非住宅，按政策不予保障",
        "owns commercial property, which the policy excludes",
    ),
)
MISSING_ASSETS = MissingTemplate(
    "property.not_recorded",
    "家庭财产未登记（存款、车辆、住房、企业），请核实",
    "household property is not recorded (deposits, vehicles, houses, companies)",
)("assets")


_PROPERTY_PARAMETERS = {
    "property.vehicles": "dibao.property.max_vehicles",
    "property.houses": "dibao.property.max_houses",
    "property.company": "dibao.property.company_allowed",
    "property.commercial": "dibao.property.commercial_property_allowed",
}
# Enum members bound once: reading ``AssetKind.HOUSE`` goes through a descriptor each time.
_DEPOSIT, _SECURITIES = AssetKind.DEPOSIT, AssetKind.SECURITIES
_HOUSE, _VEHICLE = AssetKind.HOUSE, AssetKind.VEHICLE
_COMPANY, _COMMERCIAL = AssetKind.COMPANY, AssetKind.COMMERCIAL_PROPERTY


class PropertyCheck:
    """The property tests' outcome, with what the reasons cite (made when asked for)."""

    __slots__ = (
        "commercial",
        "company",
        "deposits",
        "houses",
        "limit",
        "met",
        "missing",
        "vehicles",
    )

    def __init__(
        self,
        met: Tri,
        missing: tuple[MissingInfo, ...],
        deposits: int = 0,
        limit: int = 0,
        vehicles: int = 0,
        houses: int = 0,
        company: bool = False,
        commercial: bool = False,
    ) -> None:
        self.met = met
        self.missing = missing
        self.deposits = deposits
        self.limit = limit
        self.vehicles = vehicles
        self.houses = houses
        self.company = company
        self.commercial = commercial

    def reasons(self, ctx: Context, members: int) -> tuple[Reason, ...]:
        """The reasons of the property tests (none when the property is not recorded)."""
        if self.met is None:
            return ()
        v = ctx.values
        # Beyond deposits, the reasons depend on a few counts only: shared between households.
        key = ("property", self.vehicles, self.houses, self.company, self.commercial)
        others = ctx.memo.get(key)
        if others is None:
            max_vehicles = v["dibao.property.max_vehicles"]
            max_houses = v["dibao.property.max_houses"]
            others = ctx.memo[key] = (
                _memo_reason(
                    ctx, VEHICLES, self.vehicles <= max_vehicles, self.vehicles, max_vehicles
                ),
                _memo_reason(ctx, HOUSES, self.houses <= max_houses, self.houses, max_houses),
                _memo_reason(
                    ctx,
                    COMPANY,
                    not self.company or v["dibao.property.company_allowed"],
                    self.company,
                    None,
                ),
                _memo_reason(
                    ctx,
                    COMMERCIAL,
                    not self.commercial or v["dibao.property.commercial_property_allowed"],
                    self.commercial,
                    None,
                ),
            )
        deposit_reason = DEPOSITS(
            self.deposits <= self.limit,
            self.deposits,
            self.limit,
            members,
            parameters=(ctx.uses["dibao.property.deposit_limit_per_person"],),
        )
        return (deposit_reason, *others)


def _memo_reason(
    ctx: Context, template: Template, met: bool, arg: object, allowed: object
) -> Reason:
    key = (template.rule, arg)
    reason = ctx.memo.get(key)
    if reason is None:
        name = _PROPERTY_PARAMETERS[template.rule]
        args = (arg, allowed) if template is VEHICLES or template is HOUSES else (arg,)
        reason = ctx.memo[key] = template(met, *args, parameters=(ctx.uses[name],))
    return reason


_NOT_RECORDED = PropertyCheck(None, (MISSING_ASSETS,))


def property_check(h: Household, ctx: Context) -> PropertyCheck:
    """The property tests of the policy (deposits per person, vehicles, houses, companies)."""
    assets = h.assets
    if assets is None:
        return _NOT_RECORDED
    deposits = vehicles = houses = 0
    company = commercial = False
    for a in assets:
        kind = a.kind
        if kind is _DEPOSIT or kind is _SECURITIES:
            deposits += a.value_fen
        elif kind is _HOUSE:
            houses += a.count
        elif kind is _VEHICLE:
            vehicles += a.count
        elif kind is _COMPANY:
            company = True
        elif kind is _COMMERCIAL:
            commercial = True
    limit = ctx.deposit_limit * len(h.members)
    met = (
        deposits <= limit
        and vehicles <= ctx.max_vehicles
        and houses <= ctx.max_houses
        and (not company or ctx.company_allowed)
        and (not commercial or ctx.commercial_allowed)
    )
    return PropertyCheck(met, (), deposits, limit, vehicles, houses, company, commercial)
