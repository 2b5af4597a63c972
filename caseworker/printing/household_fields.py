"""The fields a household form can name (``{head.name}``, ``{income.total}`` ...) and the
lists its tables can grow over (``members``, ``adults``, ``reasons`` ...).

Unknown data prints as an empty box (to be filled in by hand), never as 0.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from caseworker.domain.codes import AssetKind, DisabilityType, EmergencyKind, HardshipCause
from caseworker.domain.idnumber import age_on
from caseworker.domain.money import share_fen
from caseworker.domain.records import Member
from caseworker.printing.context import SIGNER_KEY, Item
from caseworker.printing.text import cn_date, yuan

if TYPE_CHECKING:
    from caseworker.printing.context import Values

SCALARS: dict[str, Callable[[Values], str]] = {}
LISTS: dict[str, tuple[frozenset[str], Callable[[Values], list[Item]]]] = {}


def scalar(name: str) -> Callable[[Callable[[Values], str]], Callable[[Values], str]]:
    def register(fn: Callable[[Values], str]) -> Callable[[Values], str]:
        SCALARS[name] = fn
        return fn

    return register


def listing(
    name: str, fields: str
) -> Callable[[Callable[[Values], list[Item]]], Callable[[Values], list[Item]]]:
    def register(fn: Callable[[Values], list[Item]]) -> Callable[[Values], list[Item]]:
        LISTS[name] = (frozenset(fields.split()), fn)
        return fn

    return register


def _member_field(name: str, fn: Callable[[Values, Member], str]) -> None:
    SCALARS[f"head.{name}"] = lambda v: "" if v.head is None else fn(v, v.head)


# --- the household and where it lives ------------------------------------------------------
def _village(v: Values) -> str:
    return v.household.village_code


def file_reference(record_id: str) -> str:
    """A household's file reference as printed: the first eight characters of its record
    id, in two groups (the QR code in each page's footer carries the whole id)."""
    head = record_id.replace("-", "")[:8].upper()
    return f"{head[:4]}-{head[4:]}"


SCALARS["household_id"] = lambda v: file_reference(v.household.id)
SCALARS["printed_on"] = lambda v: cn_date(v.source.printed_on)
SCALARS["county"] = lambda v: v.source.regions.get(_village(v)[:6], "")
SCALARS["township"] = lambda v: v.source.regions.get(_village(v)[:9], "")
SCALARS["village"] = lambda v: v.source.regions.get(_village(v), "")
SCALARS["region"] = lambda v: v.scalar("county") + v.scalar("township") + v.scalar("village")
SCALARS["address"] = lambda v: v.household.address
SCALARS["full_address"] = lambda v: v.scalar("region") + v.household.address
SCALARS["hukou"] = lambda v: v.household.hukou.zh
SCALARS["member_count"] = lambda v: str(len(v.household.members))


@scalar("hukou_place")
def _hukou_place(v: Values) -> str:
    local = v.household.local_resident
    return "" if local is None else (v.scalar("region") if local else "非本地户籍")


@scalar("poor_status")
def _poor_status(v: Values) -> str:
    poor = v.household.registered_poor
    if poor is None:
        return ""
    if poor.exited_on is not None:
        return f"{poor.status.zh}（{cn_date(poor.exited_on)}）"
    return poor.status.zh


# --- people ------------------------------------------------------------------------------
def age(v: Values, m: Member) -> str:
    return str(age_on(m.birth_date, v.source.printed_on))


def health(m: Member) -> str:
    if m.serious_illness is None:
        return ""
    return m.serious_illness.strip() or "健康"


def disability(m: Member) -> str:
    if m.disability is None:
        return ""
    if m.disability.type is DisabilityType.NONE:
        return "无"
    grade = f"{m.disability.grade}级" if m.disability.grade else ""
    return f"{m.disability.type.zh}{grade}"


def member_income(m: Member) -> str:
    if m.incomes is None:
        return ""
    return yuan(sum(i.monthly_fen for i in m.incomes))


_member_field("name", lambda v, m: m.name)
_member_field("sex", lambda v, m: m.sex.zh)
_member_field("id_number", lambda v, m: m.id_number)
_member_field("birth_date", lambda v, m: cn_date(m.birth_date))
_member_field("age", age)
_member_field("health", lambda v, m: health(m))
_member_field("disability", lambda v, m: disability(m))
_member_field("labor", lambda v, m: m.labor_capacity.zh if m.labor_capacity else "")
_member_field("employment", lambda v, m: m.employment.zh if m.employment else "")


@listing("members", "name relation sex age id_number health disability labor employment income")
def _members(v: Values) -> list[Item]:
    return [
        {
            "name": m.name,
            "relation": m.relation.zh,
            "sex": m.sex.zh,
            "age": age(v, m),
            "id_number": m.id_number,
            "health": health(m),
            "disability": disability(m),
            "labor": m.labor_capacity.zh if m.labor_capacity else "",
            "employment": m.employment.zh if m.employment else "",
            "income": member_income(m),
        }
        for m in v.household.members
    ]


@listing("adults", "name relation id_number signature signed_at")
def _adults(v: Values) -> list[Item]:
    """Members aged 18 or more on the print date: each signs the authorisation."""
    return [
        {
            "name": m.name,
            "relation": m.relation.zh,
            "id_number": m.id_number,
            SIGNER_KEY: m.id,
        }
        for m in v.household.members
        if age_on(m.birth_date, v.source.printed_on) >= 18
    ]


@listing("incomes", "member kind amount")
def _incomes(v: Values) -> list[Item]:
    return [
        {"member": m.name, "kind": i.kind.zh, "amount": yuan(i.monthly_fen)}
        for m in v.household.members
        for i in m.incomes or ()
    ]


# The rule whose reason shows how the household's income was counted.
INCOME_RULE = "income.per_capita"


def _counted_income(v: Values) -> dict[str, object] | None:
    """The income as the screening counted it (exempt kinds left out, deductions made),
    so the form states the very figures the card and the decision used."""
    screening = v.hs.screening
    for finding in screening.findings if screening else ():
        for reason in finding.reasons:
            if reason.rule == INCOME_RULE:
                # With a member's income unknown the figure is not the household's: the
                # box stays empty, to be filled in by hand.
                return reason.values if not reason.values["unknown_members"] else None
    return None


@scalar("income.total")
def _income_total(v: Values) -> str:
    counted = _counted_income(v)
    if counted is not None:
        return str(counted["total_yuan"])
    members = v.household.members
    if any(m.incomes is None for m in members):
        return ""  # some member's income is not recorded: the total is not known
    return yuan(sum(i.monthly_fen for m in members for i in m.incomes or ()))


@scalar("income.per_capita")
def _income_per_capita(v: Values) -> str:
    counted = _counted_income(v)
    if counted is not None:
        return str(counted["per_capita_yuan"])
    members = v.household.members
    if not members or any(m.incomes is None for m in members):
        return ""
    total = sum(i.monthly_fen for m in members for i in m.incomes or ())
    return yuan(share_fen(total, len(members)))


# --- property, costs, supporters, hardship -------------------------------------------------
def _assets_of(v: Values, kinds: set[AssetKind] | None) -> str:
    assets = v.household.assets
    if assets is None:
        return ""
    chosen = [a for a in assets if kinds is None or a.kind in kinds]
    if not chosen:
        return "无"
    return "；".join(f"{a.kind.zh}{a.count}项，价值{yuan(a.value_fen)}元" for a in chosen)


SCALARS["assets"] = lambda v: _assets_of(v, None)
SCALARS["houses"] = lambda v: _assets_of(v, {AssetKind.HOUSE, AssetKind.COMMERCIAL_PROPERTY})
SCALARS["deposits"] = lambda v: _assets_of(v, {AssetKind.DEPOSIT, AssetKind.SECURITIES})
SCALARS["vehicles"] = lambda v: _assets_of(
    v, {AssetKind.VEHICLE, AssetKind.LIVELIHOOD_VEHICLE, AssetKind.DISABILITY_VEHICLE}
)
SCALARS["machinery"] = lambda v: _assets_of(v, {AssetKind.MACHINERY})
SCALARS["vehicles_machinery"] = lambda v: _assets_of(
    v,
    {
        AssetKind.VEHICLE,
        AssetKind.LIVELIHOOD_VEHICLE,
        AssetKind.DISABILITY_VEHICLE,
        AssetKind.MACHINERY,
    },
)
SCALARS["livestock"] = lambda v: _assets_of(v, {AssetKind.LIVESTOCK})


@listing("assets", "kind count value")
def _asset_rows(v: Values) -> list[Item]:
    return [
        {"kind": a.kind.zh, "count": str(a.count), "value": yuan(a.value_fen)}
        for a in v.household.assets or ()
    ]


@scalar("expenses")
def _expenses(v: Values) -> str:
    expenses = v.household.expenses
    if expenses is None:
        return ""
    if not expenses:
        return "无"
    return "；".join(f"{e.kind.zh}{yuan(e.amount_fen)}元（{cn_date(e.date)}）" for e in expenses)


@listing("supporters", "name relation able reason")
def _supporters(v: Values) -> list[Item]:
    return [
        {
            "name": s.name or "",
            "relation": s.relation.zh,
            "able": "" if s.able is None else ("有" if s.able else "无"),
            "reason": s.reason.zh if s.reason else "",
        }
        for s in v.household.legal_supporters or ()
    ]


@scalar("supporters")
def _supporters_text(v: Values) -> str:
    supporters = v.household.legal_supporters
    if supporters is None:
        return ""
    if not supporters:
        return "无法定赡养（抚养、扶养）人"
    parts = []
    for s in supporters:
        ability = "" if s.able is None else ("有赡养能力" if s.able else "无赡养能力")
        reason = f"（{s.reason.zh}）" if s.reason else ""
        parts.append(f"{s.relation.zh}{s.name or ''}，{ability}{reason}")
    return "；".join(parts)


# The tick of the investigation form that says the same as an emergency on record.
_EMERGENCY_CAUSES = {
    EmergencyKind.SUDDEN_ILLNESS: HardshipCause.ILLNESS,
    EmergencyKind.MEDICAL_EXPENSE: HardshipCause.ILLNESS,
    EmergencyKind.ACCIDENT: HardshipCause.ACCIDENT,
    EmergencyKind.DISASTER: HardshipCause.DISASTER,
    EmergencyKind.STRANDED_EPIDEMIC: HardshipCause.EPIDEMIC,
    EmergencyKind.EDUCATION_EXPENSE: HardshipCause.SCHOOLING,
}


def causes_on_record(v: Values) -> list[tuple[HardshipCause | None, str]]:
    """Causes of hardship the household's record shows: disability, illness, elderly
    alone, orphan, disaster or emergency, each in words with whom it concerns, and the
    investigation form's tick that says the same (None where none does)."""
    h = v.household
    causes: list[tuple[HardshipCause | None, str]] = []
    for m in h.members:
        if m.disability is not None and m.disability.present:
            causes.append((HardshipCause.DISABILITY, f"残疾（{m.name}，{disability(m)}）"))
        if m.has_serious_illness:
            causes.append((HardshipCause.ILLNESS, f"重病（{m.name}，{health(m)}）"))
        if m.orphan:
            causes.append((HardshipCause.ORPHAN, f"孤儿（{m.name}）"))
        if m.de_facto_unsupported_child:
            causes.append((HardshipCause.ORPHAN, f"事实无人抚养儿童（{m.name}）"))
    if len(h.members) == 1 and age_on(h.members[0].birth_date, v.source.printed_on) >= 60:
        causes.append((HardshipCause.ELDERLY_ALONE, "老年人独居"))
    if h.emergency is not None:
        said = f"{h.emergency.kind.zh}（{cn_date(h.emergency.date)}）"
        causes.append((_EMERGENCY_CAUSES.get(h.emergency.kind), said))
    return causes


@scalar("hardship_causes")
def _hardship_causes(v: Values) -> str:
    """Causes of hardship a visit form asks about, as the household's record shows them."""
    return "；".join(text for _, text in causes_on_record(v))


SCALARS["emergency.kind"] = lambda v: v.household.emergency.kind.zh if v.household.emergency else ""
SCALARS["emergency.date"] = lambda v: (
    cn_date(v.household.emergency.date) if v.household.emergency else ""
)
SCALARS["emergency.description"] = lambda v: (
    v.household.emergency.description if v.household.emergency else ""
)
