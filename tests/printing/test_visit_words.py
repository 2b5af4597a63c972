"""Visits printed as a person writes them: every investigation form and case file of a demo
store of 60 households, read back from the PDF, says the house, the animals, the machines,
the incomes and the causes in words, and shows no data structure, id or code name."""

import re
from copy import deepcopy

import pytest

from caseworker.demo.generator import generate_households
from caseworker.demo.places import demo_regions
from caseworker.domain.codes import (
    AssetKind,
    DisabilityType,
    Employment,
    HardshipCause,
    HousingCondition,
    HousingStructure,
    IncomeKind,
    LaborCapacity,
    LivestockKind,
    VehicleKind,
)
from caseworker.domain.records import (
    Asset,
    Disability,
    Household,
    Housing,
    IncomeItem,
    VisitIncome,
    VisitObservations,
)
from caseworker.domain.wording import (
    causes_words,
    housing_words,
    incomes_words,
    livestock_words,
    vehicles_words,
)
from caseworker.printing.casefile import render_case_file
from caseworker.printing.documents import get_form, household_source, layout_form, render_form
from caseworker.printing.loading import load_case
from caseworker.store.db import Store, open_store
from caseworker.store.households import iter_households, save_households
from tests.printing.helpers import ON, REGIONS, as_recorded, page_texts, reader

# What must never reach paper: data structures, Python's words, ids, code names.
FORBIDDEN = ("{", "}", "'", "[]", "_id", "True", "False", "None")
SNAKE_CASE = re.compile(r"[A-Za-z]+_[A-Za-z_]+")


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    store = open_store(tmp_path_factory.mktemp("demo") / "demo.db")
    save_households(store, generate_households(60, seed=8, as_of=ON), regions=demo_regions())
    return store


def raw_texts(pdf: bytes) -> list[str]:
    return [page.extract_text() or "" for page in reader(pdf).pages]


def assert_said_in_words(pdf: bytes, what: str) -> None:
    for text in raw_texts(pdf):
        for bad in FORBIDDEN:
            assert bad not in text, f"{what}: {bad!r} printed"
        assert not SNAKE_CASE.search(text), f"{what}: {SNAKE_CASE.search(text)} printed"


def test_every_visit_of_a_demo_store_prints_in_words_on_one_page(demo_store: Store) -> None:
    with demo_store.read() as conn:
        households = list(iter_households(conn))
        cases = {h.id: load_case(conn, h.id, as_recorded) for h in households}
    assert len(households) == 60
    visits = 0
    for h in households:
        case = cases[h.id]
        for visit in h.visits:
            pdf = render_form(
                "investigation",
                h,
                regions=REGIONS,
                printed_on=ON,
                signatures=case.signatures,
                visit_id=visit.id,
            )
            assert_said_in_words(pdf, f"{h.id} visit {visit.id}")
            [text] = page_texts(pdf)  # one page
            seen = visit.observations
            assert seen.housing is not None and seen.housing.area_m2 is not None
            assert f"{seen.housing.area_m2}平方米" in text
            assert housing_words(seen.housing) in text
            assert f"牲畜养殖{livestock_words(seen.livestock)}" in text
            assert f"车辆农机{vehicles_words(seen.vehicles)}" in text
            assert f"致困原因{causes_words(seen.hardship_causes)}" in text
            said = incomes_words(seen.incomes, h.members)
            assert f"调查核实收入{said}" in text
            for income in seen.incomes or ():
                name = next(m.name for m in h.members if m.id == income.member_id)
                assert f"{name}：" in said and f"{income.kind.zh}" in said
            visits += 1
    assert visits > 40


def test_every_case_file_of_a_demo_store_prints_visits_in_words(demo_store: Store) -> None:
    with demo_store.read() as conn:
        households = list(iter_households(conn))
        cases = [load_case(conn, h.id, as_recorded) for h in households]
    for case in cases:
        pdf = render_case_file(case, regions=REGIONS, printed_on=ON)
        assert_said_in_words(pdf, f"case file {case.household.id}")
        text = "".join(page_texts(pdf))
        for visit in case.household.visits:
            seen = visit.observations
            assert housing_words(seen.housing) in text
            assert livestock_words(seen.livestock) in text
            assert incomes_words(seen.incomes, case.household.members) in text


def rich(household: Household) -> Household:
    """The demo's first visited family with everything a visit can note."""
    h = deepcopy(household)
    head, spouse = h.members[0], h.members[1]
    h.visits = h.visits[-1:]
    h.visits[0].observations = VisitObservations(
        housing=Housing(HousingStructure.BRICK_CONCRETE, 85, HousingCondition.FAIR),
        livestock={LivestockKind.CATTLE: 2, LivestockKind.SHEEP: 10},
        vehicles={VehicleKind.TRICYCLE: 1, VehicleKind.TRACTOR: 1},
        incomes=[
            VisitIncome(head.id, IncomeKind.WAGE, 120_000),
            VisitIncome(spouse.id, IncomeKind.FARMING, 60_000),
        ],
        hardship_causes=[HardshipCause.ILLNESS, HardshipCause.DISABILITY],
        property_notes="自述存款约2,000元",
        expense_notes=f"{spouse.name}患类风湿关节炎，长期服药",
    )
    h.visits[0].notes = "邻居反映情况属实"
    return h


def test_a_rich_visit_reads_as_a_person_writes_it(visited: Household) -> None:
    h = rich(visited)
    head, spouse = h.members[0], h.members[1]
    pdf = render_form("investigation", h, regions=REGIONS, printed_on=ON)
    assert_said_in_words(pdf, "rich visit")
    [text] = page_texts(pdf)
    assert "住房情况砖混结构，85平方米，一般" in text
    assert "牲畜养殖牛2头、羊10只" in text
    assert "车辆农机三轮车1辆、拖拉机1台" in text
    assert f"{head.name}：工资性收入1,200.00元/月；{spouse.name}：种养殖净收入600.00元/月" in text
    assert "致困原因疾病、残疾" in text
    assert (
        f"其他情况财产情况：自述存款约2,000元；支出情况：{spouse.name}患类风湿关节炎，长期服药"
        "邻居反映情况属实"
    ) in text


def test_a_visit_that_noted_nothing_prints_none_and_leaves_unknowns_blank(
    visited: Household,
) -> None:
    h = deepcopy(visited)
    h.visits = h.visits[-1:]
    h.visits[0].observations = VisitObservations()
    [text] = page_texts(render_form("investigation", h, regions=REGIONS, printed_on=ON))
    assert "致困原因无" in text and "牲畜养殖无" in text and "车辆农机无" in text
    assert "住房情况房产" in text  # the house not noted: blank for a pen
    assert "调查核实收入存款等金融资产" in text  # incomes not asked: blank


def worst(household: Household) -> Household:
    """Seven members with two incomes each and every part of the visit filled in full."""
    h = rich(household)
    while len(h.members) < 7:
        extra = deepcopy(h.members[-1])
        extra.id = f"{extra.id[:-2]}{len(h.members):02d}"
        extra.id_number = ""
        h.members.append(extra)
    for index, m in enumerate(h.members):
        m.serious_illness = "脑梗死后遗症"
        m.disability = Disability(DisabilityType.MULTIPLE, 2)
        m.labor_capacity = LaborCapacity.PARTIAL
        m.employment = Employment.UNABLE
        m.incomes = [
            IncomeItem(f"i{index}", IncomeKind.BASIC_PENSION_RURAL, 16_000),
            IncomeItem(f"u{index}", IncomeKind.UNEMPLOYMENT_INSURANCE, 123_456),
        ]
    h.assets = [
        Asset("a1", AssetKind.HOUSE, 12_000_000, 2),
        Asset("a2", AssetKind.VEHICLE, 6_000_000, 1),
        Asset("a3", AssetKind.MACHINERY, 2_000_000, 3),
    ]
    seen = h.visits[0].observations
    seen.livestock = dict.fromkeys(LivestockKind, 9999)
    seen.vehicles = dict.fromkeys(VehicleKind, 99)
    seen.incomes = [
        VisitIncome(m.id, kind, 123_456)
        for m in h.members
        for kind in (IncomeKind.BASIC_PENSION_RURAL, IncomeKind.UNEMPLOYMENT_INSURANCE)
    ]
    seen.hardship_causes = list(HardshipCause)
    h.visits[0].conclusion = "经入户调查核实，家庭生活困难，建议纳入最低生活保障。" * 3
    return h


def income_lines(h: Household) -> list[tuple[float, str]]:
    """The lines of the incomes box as laid out: (size, text)."""
    source = household_source(h, regions=REGIONS, printed_on=ON)
    pages = layout_form(get_form("investigation"), source)
    return [(t[2], t[3]) for page in pages for t in page.texts if "元/月" in t[3]]


def test_long_incomes_shrink_to_stay_within_three_lines(visited: Household) -> None:
    h = rich(visited)
    h.visits[0].observations.incomes = [
        VisitIncome(m.id, kind, 123_456)
        for i, m in enumerate(h.members)
        for kind in (IncomeKind.BASIC_PENSION_RURAL, IncomeKind.WAGE)[: 2 if i < 4 else 1]
    ]
    assert len(h.members) == 5  # four lines at the form's 10 pt
    lines = income_lines(h)
    assert len(lines) <= 3
    assert all(7.5 <= size < 10 for size, _text in lines)  # smaller than the form's 10 pt
    assert "".join(t for _s, t in lines) == incomes_words(
        h.visits[0].observations.incomes, h.members
    )


def test_a_visit_too_long_for_a_page_keeps_the_signatures_with_the_conclusion(
    visited: Household,
) -> None:
    h = worst(visited)
    # Shrunk as far as the form allows (7.5 pt), then wrapped: nothing is cut.
    assert {size for size, _text in income_lines(h)} == {7.5}
    source = household_source(h, regions=REGIONS, printed_on=ON)
    pages = layout_form(get_form("investigation"), source)
    # Too much for one page: the conclusion, the investigators and the family's signature
    # go over together, never the signature row alone.
    assert len(pages) == 2
    second = "".join(t[3] for t in pages[1].texts)
    assert second.startswith("调查结论") and "调查人姓名" in second and "户主（签字）" in second
    pdf = render_form("investigation", h, regions=REGIONS, printed_on=ON)
    assert_said_in_words(pdf, "worst visit")
    words = incomes_words(h.visits[0].observations.incomes, h.members)
    assert words in "".join(page_texts(pdf))
