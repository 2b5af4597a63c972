from collections import Counter
from datetime import date

from caseworker.demo.generator import generate_households
from caseworker.demo.places import demo_regions
from caseworker.domain.codes import (
    AssetKind,
    HardshipCause,
    LaborCapacity,
    Program,
    Stage,
    VehicleKind,
)
from caseworker.domain.idnumber import age_on
from caseworker.domain.validation import household_rule_errors
from caseworker.interchange.household_format import household_to_dict, parse_household

DAY = date(2026, 11, 1)


def test_the_same_seed_gives_the_same_county() -> None:
    a = [household_to_dict(h) for h in generate_households(50, seed=7, as_of=DAY)]
    b = [household_to_dict(h) for h in generate_households(50, seed=7, as_of=DAY)]
    c = [household_to_dict(h) for h in generate_households(50, seed=8, as_of=DAY)]
    assert a == b
    assert a != c


def test_demo_households_are_valid_and_varied() -> None:
    households = generate_households(400, seed=1, as_of=DAY)
    villages = {r.code for r in demo_regions()}
    sizes = Counter(len(h.members) for h in households)
    assert set(sizes) <= set(range(1, 8)) and len(sizes) >= 6
    numbers = [m.id_number for h in households for m in h.members]
    assert len(numbers) == len(set(numbers))
    for h in households:
        assert h.village_code in villages
        assert household_rule_errors(h, today=DAY) == []
        assert household_to_dict(parse_household(household_to_dict(h))) == household_to_dict(h)
    members = [m for h in households for m in h.members]
    # Nobody under working age is recorded as able to work (the seed article's children too).
    children = [m for m in members if age_on(m.birth_date, DAY) < 16]
    assert children and all(m.labor_capacity is LaborCapacity.NONE for m in children)
    assert any(m.disability and m.disability.present for m in members)
    assert any(m.serious_illness for m in members)
    assert any(h.registered_poor and h.registered_poor.exited_on for h in households)
    assert any(h.visits for h in households)
    # Each application holds the household's own reason, as the form prints it.
    applied = [a.history[0] for h in households for a in h.applications if not a.is_review]
    assert applied and all(e.stage is Stage.APPLIED and e.note for e in applied)
    programs = {b.program for h in households for b in h.benefits}
    assert {Program.DIBAO, Program.SPECIAL_HARDSHIP} <= programs


def test_the_seed_article_households_come_first() -> None:
    heads = [h.head.name for h in generate_households(5, seed=1, as_of=DAY) if h.head]
    assert heads == ["张学林", "陈宗良", "朱国兵", "张桂兰", "陈金松"]


def test_demo_visits_are_what_the_visit_form_records() -> None:
    households = generate_households(400, seed=2, as_of=DAY)
    visits = [(h, v) for h in households for v in h.visits]
    assert len(visits) > 200
    for h, v in visits:
        seen = v.observations
        assert v.signed_at is not None and len(set(v.workers)) == 2  # two investigators
        assert seen.housing is not None and seen.housing.structure is not None
        assert seen.housing.area_m2 is not None and 15 <= seen.housing.area_m2 <= 300
        assert all(v2.observations.housing == seen.housing for v2 in h.visits)  # one house
        assert all(n > 0 for n in (*seen.livestock.values(), *seen.vehicles.values()))
        kinds = {a.kind for a in h.assets or ()}
        assert (VehicleKind.CAR in seen.vehicles) == (AssetKind.VEHICLE in kinds)
        # Incomes per member: the recorded ones at the latest visit, never more before.
        recorded = sorted((m.id, i.kind, i.monthly_fen) for m in h.members for i in m.incomes or ())
        found = sorted((i.member_id, i.kind, i.monthly_fen) for i in seen.incomes or ())
        if v is h.visits[-1]:
            assert found == recorded
        else:
            assert [f[:2] for f in found] == [r[:2] for r in recorded]
            assert all(f[2] <= r[2] for f, r in zip(found, recorded, strict=True))
        # Causes that fit the household.
        causes = set(seen.hardship_causes)
        ill = any(m.has_serious_illness for m in h.members)
        disabled = any(m.disability and m.disability.present for m in h.members)
        alone = len(h.members) == 1 and age_on(h.members[0].birth_date, v.date) >= 60
        assert (HardshipCause.ILLNESS in causes) == ill or h.emergency is not None
        assert (HardshipCause.DISABILITY in causes) == disabled
        assert (HardshipCause.ELDERLY_ALONE in causes) == alone
    every = [v.observations for _, v in visits]
    assert len({o.housing.structure for o in every if o.housing}) == 4
    assert any(o.livestock for o in every) and any(not o.livestock for o in every)
    assert any(VehicleKind.TRACTOR in o.vehicles for o in every)
    assert any(VehicleKind.TRICYCLE in o.vehicles for o in every)
    assert any(o.hardship_causes for o in every) and any(o.expense_notes for o in every)
