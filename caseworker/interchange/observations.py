"""What a visit observed, in the household format: the ``observations`` object of a visit.

    {"housing": {"structure": "brick_concrete", "area_m2": 85, "condition": "fair"} | null,
     "livestock": {"cattle": 2, "sheep": 10}, "vehicles": {"tricycle": 1},
     "incomes": [{"member_id": "...", "kind": "wage", "monthly_yuan": "1200.00"}] | null,
     "hardship_causes": ["illness", "disability"], "property_notes": "", "expense_notes": ""}

Every key may be left out on input (nothing seen, incomes not asked); an unknown key and
every bad value are refused, named by field and value. ``observations_to_dict`` always
writes the whole object, and the store keeps exactly that (``observations_from_dict``
reads it back without checking again). That an income's member belongs to the household is
a household rule (``domain.validation``), since it needs the members.
"""

from collections.abc import Mapping
from typing import Any, TypeVar

from caseworker.domain.codes import (
    HardshipCause,
    HousingCondition,
    HousingStructure,
    IncomeKind,
    LabelledCode,
    LivestockKind,
    VehicleKind,
)
from caseworker.domain.money import format_yuan, yuan_to_fen
from caseworker.domain.records import Housing, VisitIncome, VisitObservations
from caseworker.domain.validation import (
    HOUSING_AREA_LIMIT_M2,
    MONTHLY_INCOME_LIMIT_FEN,
    VISIT_COUNT_LIMIT,
    Collector,
    Problem,
    Where,
    missing,
    parse_code,
    parse_int,
    parse_money,
    parse_text,
    parse_uuid,
)

OBSERVATION_KEYS = frozenset(
    {
        "housing", "livestock", "vehicles", "incomes", "hardship_causes", "property_notes",
        "expense_notes",
    }
)  # fmt: skip
HOUSING_KEYS = frozenset({"structure", "area_m2", "condition"})
VISIT_INCOME_KEYS = frozenset({"member_id", "kind", "monthly_yuan"})

_STRUCTURE = parse_code(HousingStructure)
_CONDITION = parse_code(HousingCondition)
_INCOME_KIND = parse_code(IncomeKind)
_CAUSE = parse_code(HardshipCause)
_AREA = parse_int(1, HOUSING_AREA_LIMIT_M2)
_COUNT = parse_int(0, VISIT_COUNT_LIMIT)
_INCOME = parse_money(MONTHLY_INCOME_LIMIT_FEN)

K = TypeVar("K", LivestockKind, VehicleKind)


def read_object(
    c: Collector, where: Where, value: Any, keys: frozenset[str]
) -> Mapping[str, Any] | None:
    """``value`` as an object with only ``keys``; unknown keys are errors (the value is
    still returned, so its known keys are checked too)."""
    if not isinstance(value, Mapping):
        c.add(where, value, Problem("type", "应为对象（{...}）", "must be an object {...}"))
        return None
    for key in value:
        if key not in keys:
            c.add(
                where.field(str(key)),
                None,
                Problem(
                    "unknown_field",
                    "不是本格式的字段（拼写错误？）",
                    "is not a field of this format",
                ),
            )
    return value


def read_list(c: Collector, where: Where, value: Any) -> list[Any] | None:
    """``value`` as a list, or None with the error recorded at ``where``."""
    if not isinstance(value, list):
        c.add(where, None, Problem("type", "应为列表（[...]）", "must be a list [...]"))
        return None
    return value


def _optional(c: Collector, where: Where, d: Mapping[str, Any], key: str, parse: Any) -> Any:
    value = d.get(key)
    return None if value is None else c.check(where, key, value, parse)


def _housing(c: Collector, where: Where, value: Any) -> Housing | None:
    if value is None:
        return None
    d = read_object(c, where, value, HOUSING_KEYS)
    if d is None:
        return None
    housing = Housing(
        structure=_optional(c, where, d, "structure", _STRUCTURE),
        area_m2=_optional(c, where, d, "area_m2", _AREA),
        condition=_optional(c, where, d, "condition", _CONDITION),
    )
    if housing.structure is None and housing.area_m2 is None and housing.condition is None:
        return None  # an object with nothing noted in it says what null says
    return housing


def _counts(
    c: Collector, where: Where, value: Any, kinds: type[K], what: tuple[str, str]
) -> dict[K, int]:
    """A count per kind: only known kinds, whole numbers 0..limit; a count of 0 is left out
    (the same as not listing the kind)."""
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        c.add(where, value, Problem("type", "应为对象（{...}）", "must be an object {...}"))
        return {}
    counts: dict[K, int] = {}
    for key, raw in value.items():
        kind = kinds.parse(key)
        if kind is None:
            c.add(
                where.field(str(key)),
                None,
                Problem(
                    "unknown_kind",
                    f"不是可用的{what[0]}种类（可用：{kinds.choices()}）",
                    f"is not a known kind of {what[1]} (one of: {kinds.choices()})",
                ),
            )
            continue
        count = c.check(where, kind.value, raw, _COUNT)
        if count:
            counts[kind] = count
    return counts


def _member_id(value: Any) -> str:
    if value is None:
        raise missing()
    return parse_uuid(value)


def _incomes(c: Collector, where: Where, value: Any) -> list[VisitIncome] | None:
    """The incomes found (``where``: the observations); None when not asked."""
    if value is None:
        return None
    raw = read_list(c, where.field("incomes"), value)
    if raw is None:
        return None
    incomes = []
    for index, item in enumerate(raw):
        at = where.item("incomes", index)
        d = read_object(c, at, item, VISIT_INCOME_KEYS)
        if d is None:
            continue
        member_id = c.check(at, "member_id", d.get("member_id"), _member_id)
        kind = c.check(at, "kind", d.get("kind"), _INCOME_KIND)
        fen = c.check(at, "monthly_yuan", d.get("monthly_yuan"), _INCOME)
        if member_id is not None and kind is not None and fen is not None:
            incomes.append(VisitIncome(member_id, kind, fen))
    return incomes


def _causes(c: Collector, where: Where, value: Any) -> list[HardshipCause]:
    """The causes of hardship ticked (``where``: the observations), each once."""
    if value is None:
        return []
    raw = read_list(c, where.field("hardship_causes"), value)
    if raw is None:
        return []
    causes: list[HardshipCause] = []
    for index, item in enumerate(raw):
        at = where.item("hardship_causes", index)
        cause = c.check_at(at, item, _CAUSE)
        if cause is None:
            continue
        if cause in causes:
            first = causes.index(cause) + 1
            c.add(
                at,
                item,
                Problem(
                    "duplicate",
                    f"与第{first}项致困原因重复",
                    f"is the same as cause of hardship {first}",
                ),
            )
            continue
        causes.append(cause)
    return causes


def _notes(value: Any) -> str:
    return parse_text(value, required=False)


def parse_observations(c: Collector, where: Where, value: Any) -> VisitObservations:
    """The observations at ``where`` (a visit's ``observations``), every error recorded in
    ``c``; null or absent is a visit that noted nothing."""
    if value is None:
        return VisitObservations()
    d = read_object(c, where, value, OBSERVATION_KEYS)
    if d is None:
        return VisitObservations()
    return VisitObservations(
        housing=_housing(c, where.field("housing"), d.get("housing")),
        livestock=_counts(
            c, where.field("livestock"), d.get("livestock"), LivestockKind, ("牲畜", "livestock")
        ),
        vehicles=_counts(
            c,
            where.field("vehicles"),
            d.get("vehicles"),
            VehicleKind,
            ("车辆农机", "vehicle or machine"),
        ),
        incomes=_incomes(c, where, d.get("incomes")),
        hardship_causes=_causes(c, where, d.get("hardship_causes")),
        property_notes=_optional(c, where, d, "property_notes", _notes) or "",
        expense_notes=_optional(c, where, d, "expense_notes", _notes) or "",
    )


def _code(code: LabelledCode | None) -> str | None:
    return None if code is None else code.value


def observations_to_dict(o: VisitObservations) -> dict[str, Any]:
    """The whole ``observations`` object (every key written); ``parse_observations`` and
    ``observations_from_dict`` read it back exactly."""
    housing = o.housing
    return {
        "housing": None
        if housing is None
        else {
            "structure": _code(housing.structure),
            "area_m2": housing.area_m2,
            "condition": _code(housing.condition),
        },
        "livestock": {kind.value: count for kind, count in o.livestock.items()},
        "vehicles": {kind.value: count for kind, count in o.vehicles.items()},
        "incomes": None
        if o.incomes is None
        else [
            {
                "member_id": i.member_id,
                "kind": i.kind.value,
                "monthly_yuan": format_yuan(i.monthly_fen),
            }
            for i in o.incomes
        ],
        "hardship_causes": [cause.value for cause in o.hardship_causes],
        "property_notes": o.property_notes,
        "expense_notes": o.expense_notes,
    }


def observations_from_dict(d: Mapping[str, Any]) -> VisitObservations:
    """Observations written by ``observations_to_dict`` (as the store keeps them), read
    without checking again: the store holds only checked values."""
    housing = d.get("housing")
    incomes = d.get("incomes")
    return VisitObservations(
        housing=None
        if housing is None
        else Housing(
            None if housing["structure"] is None else HousingStructure(housing["structure"]),
            housing["area_m2"],
            None if housing["condition"] is None else HousingCondition(housing["condition"]),
        ),
        livestock={LivestockKind(k): n for k, n in (d.get("livestock") or {}).items()},
        vehicles={VehicleKind(k): n for k, n in (d.get("vehicles") or {}).items()},
        incomes=None
        if incomes is None
        else [
            VisitIncome(i["member_id"], IncomeKind(i["kind"]), yuan_to_fen(i["monthly_yuan"]))
            for i in incomes
        ],
        hardship_causes=[HardshipCause(c) for c in d.get("hardship_causes") or ()],
        property_notes=d.get("property_notes") or "",
        expense_notes=d.get("expense_notes") or "",
    )
