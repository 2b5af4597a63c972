from collections import Counter
from datetime import date

from caseworker.demo.generator import generate_households
from caseworker.demo.places import demo_regions
from caseworker.domain.codes import Program
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
    assert any(m.disability and m.disability.present for m in members)
    assert any(m.serious_illness for m in members)
    assert any(h.registered_poor and h.registered_poor.exited_on for h in households)
    assert any(h.visits for h in households)
    programs = {b.program for h in households for b in h.benefits}
    assert {Program.DIBAO, Program.SPECIAL_HARDSHIP} <= programs


def test_the_seed_article_households_come_first() -> None:
    heads = [h.head.name for h in generate_households(5, seed=1, as_of=DAY) if h.head]
    assert heads == ["张学林", "陈宗良", "朱国兵", "张桂兰", "陈金松"]
