"""What the demo's investigators saw at a visit, as the desktop's visit form records it.

A village of the Guanzhong plain (泾阳县): brick houses and some old adobe ones, a few
sheep, pigs or chickens, an electric tricycle at most doors, a small tractor on some farms.
The house is the household's own (the same at every visit); the animals and the incomes
are those of the day. The incomes of the latest visit are the members' recorded incomes
(the form puts what it found into the record); an earlier visit found a little less. The
causes of hardship follow from the household: a seriously ill member, a disability, an
old person living alone, nobody able to work, an emergency.

Each visit's details come from a random source seeded by the visit's id, so the demo stays
reproducible by seed.
"""

import random
from datetime import date

from caseworker.domain.codes import (
    AssetKind,
    EmergencyKind,
    Employment,
    ExpenseKind,
    HardshipCause,
    HousingCondition,
    HousingStructure,
    LaborCapacity,
    LivestockKind,
    VehicleKind,
)
from caseworker.domain.idnumber import age_on
from caseworker.domain.records import Household, Housing, VisitIncome, VisitObservations
from caseworker.domain.validation import HOUSING_AREA_LIMIT_M2

# The houses of the free-text demo, in its order: 砖混平房, 砖木结构, 土坯房, 二层楼房.
STRUCTURES = (
    HousingStructure.BRICK_CONCRETE,
    HousingStructure.BRICK_WOOD,
    HousingStructure.ADOBE,
    HousingStructure.REINFORCED_CONCRETE,
)
# Floor areas (m²) and likely conditions by structure.
_AREA = {
    HousingStructure.BRICK_CONCRETE: (70, 160),
    HousingStructure.BRICK_WOOD: (60, 110),
    HousingStructure.ADOBE: (40, 90),
    HousingStructure.REINFORCED_CONCRETE: (120, 260),
}
_GOOD, _FAIR, _POOR = HousingCondition.GOOD, HousingCondition.FAIR, HousingCondition.POOR
_CONDITIONS = {
    HousingStructure.BRICK_CONCRETE: (_GOOD, _FAIR),
    HousingStructure.BRICK_WOOD: (_FAIR, _FAIR, _POOR),
    HousingStructure.ADOBE: (_POOR, _POOR, HousingCondition.DANGEROUS),
    HousingStructure.REINFORCED_CONCRETE: (_GOOD,),
}
# The animals of the free-text demo, in its order: 无, 羊3只, 猪2头, 鸡十余只.
HERDS = (None, LivestockKind.SHEEP, LivestockKind.PIGS, LivestockKind.POULTRY)
_HERD_SIZE = {
    LivestockKind.SHEEP: (2, 15),
    LivestockKind.PIGS: (1, 5),
    LivestockKind.POULTRY: (5, 30),
    LivestockKind.CATTLE: (1, 3),
}
_EMERGENCY_CAUSES = {
    EmergencyKind.FIRE: HardshipCause.DISASTER,
    EmergencyKind.DISASTER: HardshipCause.DISASTER,
    EmergencyKind.ACCIDENT: HardshipCause.ACCIDENT,
    EmergencyKind.SUDDEN_ILLNESS: HardshipCause.ILLNESS,
    EmergencyKind.STRANDED_EPIDEMIC: HardshipCause.EPIDEMIC,
    EmergencyKind.DEATH_OF_EARNER: HardshipCause.LACK_OF_LABOUR,
    EmergencyKind.MEDICAL_EXPENSE: HardshipCause.ILLNESS,
    EmergencyKind.EDUCATION_EXPENSE: HardshipCause.SCHOOLING,
}


def housing_of(structure: HousingStructure, rng: random.Random) -> Housing:
    """A house of ``structure``: its floor area (whole m², a multiple of 5) and condition."""
    lo, hi = _AREA[structure]
    area = min(rng.randrange(lo, hi + 1, 5), HOUSING_AREA_LIMIT_M2)
    return Housing(structure, area, rng.choice(_CONDITIONS[structure]))


def livestock_of(
    herd: LivestockKind | None, household: Household, rng: random.Random
) -> dict[LivestockKind, int]:
    """The animals kept: the main herd, sometimes a few chickens or a cow besides; a
    household whose property lists livestock keeps at least that many head."""
    animals: dict[LivestockKind, int] = {}
    recorded = sum(a.count for a in household.assets or () if a.kind is AssetKind.LIVESTOCK)
    if herd is None and recorded:
        herd = LivestockKind.SHEEP
    if herd is not None:
        lo, hi = _HERD_SIZE[herd]
        animals[herd] = max(rng.randint(lo, hi), recorded)
    if herd is not LivestockKind.POULTRY and rng.random() < 0.3:
        animals[LivestockKind.POULTRY] = rng.randint(3, 20)
    if rng.random() < 0.06:
        animals[LivestockKind.CATTLE] = rng.randint(*_HERD_SIZE[LivestockKind.CATTLE])
    return animals


def vehicles_of(household: Household, rng: random.Random) -> dict[VehicleKind, int]:
    """Vehicles and machines: those the property lists (a car, farm machinery), and the
    electric tricycles and motorcycles of the village."""
    kinds = {a.kind for a in household.assets or ()}
    seen: dict[VehicleKind, int] = {}
    if AssetKind.VEHICLE in kinds:
        seen[VehicleKind.CAR] = 1
    if AssetKind.MACHINERY in kinds:
        machine = VehicleKind.HARVESTER if rng.random() < 0.1 else VehicleKind.TRACTOR
        seen[machine] = 1
    if rng.random() < 0.6:
        seen[VehicleKind.TRICYCLE] = 1
    if rng.random() < 0.25:
        seen[VehicleKind.MOTORCYCLE] = 1
    return seen


def incomes_of(household: Household, rng: random.Random, *, latest: bool) -> list[VisitIncome]:
    """Each member's incomes as found: the recorded ones at the latest visit, a little less
    (up to a tenth, in whole yuan) at an earlier one."""
    found = []
    for member in household.members:
        for item in member.incomes or ():
            fen = item.monthly_fen
            if not latest and fen:
                fen -= fen * rng.randint(0, 10) // 100 // 100 * 100
            found.append(VisitIncome(member.id, item.kind, fen))
    return found


def causes_of(household: Household, on: date) -> list[HardshipCause]:
    """The causes of hardship the household's facts show, in the form's order."""
    members = household.members
    causes = set()
    if any(m.disability is not None and m.disability.present for m in members):
        causes.add(HardshipCause.DISABILITY)
    if any(m.has_serious_illness for m in members):
        causes.add(HardshipCause.ILLNESS)
    if len(members) == 1 and age_on(members[0].birth_date, on) >= 60:
        causes.add(HardshipCause.ELDERLY_ALONE)
    if any(m.orphan or m.de_facto_unsupported_child for m in members):
        causes.add(HardshipCause.ORPHAN)
    if members and all(m.labor_capacity is not LaborCapacity.FULL for m in members):
        causes.add(HardshipCause.LACK_OF_LABOUR)
    if any(m.employment is Employment.UNEMPLOYED for m in members):
        causes.add(HardshipCause.UNEMPLOYMENT)
    emergency = household.emergency
    if emergency is not None and emergency.date <= on:
        causes.add(_EMERGENCY_CAUSES.get(emergency.kind, HardshipCause.OTHER))
    return [cause for cause in HardshipCause if cause in causes]


def _yuan(fen: int) -> str:
    return f"{fen // 100:,}元"


def property_notes_of(household: Household) -> str:
    """What the investigators wrote about property: a second house, the savings declared."""
    assets = household.assets or ()
    houses = sum(a.count for a in assets if a.kind is AssetKind.HOUSE)
    deposits = sum(a.value_fen for a in assets if a.kind is AssetKind.DEPOSIT)
    parts = []
    if houses > 1:
        parts.append(f"有住房{houses}处")
    if deposits:
        parts.append(f"自述存款约{_yuan(deposits - deposits % 10_000)}")
    return "，".join(parts)


def expense_notes_of(household: Household) -> str:
    """What they wrote about costs: the illnesses treated and what they cost."""
    parts = [
        f"{m.name}患{m.serious_illness}，需长期治疗"
        for m in household.members
        if m.has_serious_illness
    ]
    medical = sum(e.amount_fen for e in household.expenses or () if e.kind is ExpenseKind.MEDICAL)
    if medical:
        parts.append(f"近一年医疗支出{_yuan(medical)}")
    return "；".join(parts)


def observed(
    household: Household,
    visit_id: str,
    on: date,
    *,
    housing: Housing,
    herd: LivestockKind | None,
    latest: bool,
) -> VisitObservations:
    """Everything a visit on ``on`` records, its details drawn from the visit's own id."""
    rng = random.Random(visit_id)
    return VisitObservations(
        housing=housing,
        livestock=livestock_of(herd, household, rng),
        vehicles=vehicles_of(household, rng),
        incomes=incomes_of(household, rng, latest=latest),
        hardship_causes=causes_of(household, on),
        property_notes=property_notes_of(household),
        expense_notes=expense_notes_of(household),
    )
