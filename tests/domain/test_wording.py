"""A visit said in words, as a person writes it: names never ids, labels never codes."""

from datetime import date

from caseworker.domain.codes import (
    HardshipCause,
    HousingCondition,
    HousingStructure,
    IncomeKind,
    LivestockKind,
    Relation,
    Sex,
    VehicleKind,
)
from caseworker.domain.records import Housing, Member, VisitIncome, VisitObservations
from caseworker.domain.wording import (
    causes_words,
    housing_words,
    incomes_words,
    livestock_words,
    notes_words,
    observation_lines,
    vehicles_words,
    yuan_words,
)


def member(member_id: str, name: str, relation: Relation = Relation.HEAD) -> Member:
    return Member(member_id, name, "", relation, date(1974, 1, 8), Sex.MALE)


ZHANG = member("m-1", "张学林")
LI = member("m-2", "李秀梅", Relation.SPOUSE)
MEMBERS = [ZHANG, LI]


def test_the_house_in_words() -> None:
    house = Housing(HousingStructure.BRICK_CONCRETE, 85, HousingCondition.FAIR)
    assert housing_words(house) == "砖混结构，85平方米，一般"
    assert housing_words(house, "en") == "brick and concrete, 85 m², fair"
    assert housing_words(Housing(None, 60, HousingCondition.DANGEROUS)) == "60平方米，危房"
    assert housing_words(None) == ""  # not noted: the box stays blank for a pen


def test_animals_and_machines_with_their_measure_words_in_the_kinds_order() -> None:
    animals = {LivestockKind.SHEEP: 10, LivestockKind.CATTLE: 2}
    assert livestock_words(animals) == "牛2头、羊10只"
    assert livestock_words({LivestockKind.PIGS: 3, LivestockKind.POULTRY: 20}) == "猪3头、家禽20只"
    machines = {VehicleKind.TRACTOR: 1, VehicleKind.TRICYCLE: 1}
    assert vehicles_words(machines) == "三轮车1辆、拖拉机1台"
    assert vehicles_words({VehicleKind.HARVESTER: 2}) == "收割机2台"
    assert livestock_words({}) == "无" and vehicles_words({}) == "无"
    assert livestock_words(animals, "en") == "cattle: 2, sheep and goats: 10"
    assert vehicles_words({}, "en") == "none"


def test_incomes_by_name_in_the_households_order_never_by_id() -> None:
    incomes = [
        VisitIncome(LI.id, IncomeKind.FARMING, 60_000),
        VisitIncome(ZHANG.id, IncomeKind.WAGE, 120_000),
        VisitIncome(ZHANG.id, IncomeKind.FARMING, 30_050),
    ]
    assert incomes_words(incomes, MEMBERS) == (
        "张学林：工资性收入1,200.00元/月，种养殖净收入300.50元/月；李秀梅：种养殖净收入600.00元/月"
    )
    assert incomes_words(incomes, MEMBERS, "en") == (
        "张学林: wages 1,200.00 yuan/month, net farming income 300.50 yuan/month; "
        "李秀梅: net farming income 600.00 yuan/month"
    )
    gone = [VisitIncome("m-9", IncomeKind.PENSION, 150_000)]
    assert incomes_words(gone, MEMBERS) == "原家庭成员：养老金、退休金1,500.00元/月"
    assert incomes_words([], MEMBERS) == "无"  # asked: none found
    assert incomes_words(None, MEMBERS) == ""  # not asked


def test_causes_of_hardship_by_their_chinese_names() -> None:
    assert causes_words([HardshipCause.ILLNESS, HardshipCause.DISABILITY]) == "疾病、残疾"
    assert causes_words([HardshipCause.ELDERLY_ALONE], "en") == "elderly living alone"
    assert causes_words([]) == "无"


def test_amounts_with_thousands_separators() -> None:
    assert [yuan_words(f) for f in (0, 5, 120_000, 123_456_789)] == [
        "0.00",
        "0.05",
        "1,200.00",
        "1,234,567.89",
    ]


def test_a_whole_visit_for_the_screen_in_the_forms_order() -> None:
    seen = VisitObservations(
        housing=Housing(HousingStructure.ADOBE, 50, HousingCondition.POOR),
        livestock={LivestockKind.SHEEP: 3},
        incomes=[VisitIncome(ZHANG.id, IncomeKind.WAGE, 80_000)],
        hardship_causes=[HardshipCause.ILLNESS],
        expense_notes="李秀梅长期服药",
    )
    assert observation_lines(seen, MEMBERS) == [
        ("住房", "土坯房，50平方米，较差"),
        ("牲畜", "羊3只"),
        ("车辆农机", "无"),
        ("收入", "张学林：工资性收入800.00元/月"),
        ("致困原因", "疾病"),
        ("支出情况", "李秀梅长期服药"),
    ]
    assert notes_words(seen) == "支出情况：李秀梅长期服药"
    assert observation_lines(VisitObservations(), MEMBERS, "en")[0] == ("Housing", "")
