"""Rules at their boundaries: income at the standard and one fen either side, ages, grades,
the last day of a gradual exit, CPI at the trigger, the first and last day of the doubling."""

from datetime import date, timedelta

import pytest

from caseworker.domain.codes import (
    DibaoCategory,
    DisabilityType,
    EmergencyKind,
    IncomeKind,
    LaborCapacity,
    Program,
    Relation,
)
from caseworker.domain.records import Benefit, Disability, Emergency, Household, IncomeItem
from caseworker.eligibility import Status, screen
from tests.eligibility.helpers import finding, household, jingyang, member, rule, uid

ON = date(2020, 4, 15)
STANDARD_FEN = 40_000  # Jingyang rural standard from 2020-01-01 (example pack)


def with_income_fen(fen: int, members: int = 1) -> Household:
    """A household of ``members`` whose counted monthly income totals ``fen``."""
    people = [member(ON, 40, name="李明")]
    people[0].incomes = [IncomeItem(uid(), IncomeKind.FARMING, fen)]
    for i in range(members - 1):
        people.append(member(ON, 35, name=f"李{'一二三四五'[i]}", relation=Relation.CHILD))
    return household(people)


@pytest.mark.parametrize(
    ("members", "total_fen", "status"),
    [
        (1, STANDARD_FEN - 1, Status.LIKELY_ELIGIBLE),
        (1, STANDARD_FEN, Status.NOT_ELIGIBLE),
        (1, STANDARD_FEN + 1, Status.NOT_ELIGIBLE),
        (3, 3 * STANDARD_FEN - 1, Status.LIKELY_ELIGIBLE),  # per capita 399.996...
        (3, 3 * STANDARD_FEN, Status.NOT_ELIGIBLE),
    ],
)
def test_dibao_income_at_and_around_the_standard(
    members: int, total_fen: int, status: Status
) -> None:
    s = screen(with_income_fen(total_fen, members), jingyang(), ON)
    dibao = finding(s, Program.DIBAO)
    assert dibao.status is status
    reason = rule(dibao, "dibao.income_below_standard")
    assert reason.met is (status is Status.LIKELY_ELIGIBLE)
    assert reason.values["limit_yuan"] == "400.00"
    assert reason.parameters[0].name == "dibao.standard.rural"
    if status is Status.LIKELY_ELIGIBLE:
        assert "399.99" in reason.text_zh  # shown rounded down: it stays below the standard
        # gap method: a gap of one fen, rounded as amounts.rounding says
        assert rule(dibao, "dibao.amount").values["gap_yuan"] == "0.01"
        assert dibao.monthly_fen == 0  # the example pack rounds half up to the yuan
        for rounding, fen in (("fen", 1), ("yuan_up", 100), ("yuan_down", 0)):
            policy = jingyang().with_overrides({"amounts.rounding": rounding})
            h = with_income_fen(total_fen, members)
            assert finding(screen(h, policy, ON), Program.DIBAO).monthly_fen == fen


def test_the_marginal_band_runs_from_the_standard_to_one_and_a_half_times_it() -> None:
    at_standard = screen(with_income_fen(STANDARD_FEN), jingyang(), ON)
    assert finding(at_standard, Program.MARGINAL).status is Status.LIKELY_ELIGIBLE
    top = STANDARD_FEN * 3 // 2
    below_top = screen(with_income_fen(top - 1), jingyang(), ON)
    assert finding(below_top, Program.MARGINAL).status is Status.LIKELY_ELIGIBLE
    at_top = screen(with_income_fen(top), jingyang(), ON)
    assert finding(at_top, Program.MARGINAL).status is Status.NOT_ELIGIBLE
    below = screen(with_income_fen(STANDARD_FEN - 1), jingyang(), ON)
    assert finding(below, Program.MARGINAL).status is Status.NOT_ELIGIBLE


def elder(age: int, **kw: object) -> Household:
    return household([member(ON, age, name="赵大爷", labor=LaborCapacity.NONE, **kw)])


@pytest.mark.parametrize(("age", "eligible"), [(59, False), (60, True), (61, True)])
def test_special_hardship_elderly_age(age: int, eligible: bool) -> None:
    s = screen(elder(age), jingyang(), ON)
    f = finding(s, Program.SPECIAL_HARDSHIP)
    assert f.status is (Status.LIKELY_ELIGIBLE if eligible else Status.NOT_ELIGIBLE)
    capacity = rule(f, "special_hardship.no_capacity_to_work")
    assert capacity.met is eligible
    assert any(
        p.name == "special_hardship.elderly_age" and p.value == 60 for p in capacity.parameters
    )
    if eligible:
        assert f.monthly_fen == 52_000  # 400 x 1.3, self-care intact


def test_the_birthday_itself_counts() -> None:
    birthday = ON.replace(year=ON.year - 60)
    s = screen(
        household([member(ON, birth_date=birthday, labor=LaborCapacity.NONE)]), jingyang(), ON
    )
    assert finding(s, Program.SPECIAL_HARDSHIP).status is Status.LIKELY_ELIGIBLE
    day_before = screen(
        household([member(ON, birth_date=birthday + timedelta(days=1), labor=LaborCapacity.NONE)]),
        jingyang(),
        ON,
    )
    assert finding(day_before, Program.SPECIAL_HARDSHIP).status is Status.NOT_ELIGIBLE


@pytest.mark.parametrize(
    ("age", "minor_age", "eligible"),
    [(15, "16", True), (16, "16", False), (17, "16", False), (17, "18", True), (18, "18", False)],
)
def test_special_hardship_minor_limit(age: int, minor_age: str, eligible: bool) -> None:
    policy = jingyang().with_overrides({"special_hardship.minor_age": minor_age})
    orphan = household([member(ON, age, name="孤儿", labor=LaborCapacity.NONE)])
    f = finding(screen(orphan, policy, ON), Program.SPECIAL_HARDSHIP)
    assert f.status is (Status.LIKELY_ELIGIBLE if eligible else Status.NOT_ELIGIBLE)


@pytest.mark.parametrize(
    ("kind", "grade", "single", "hardship"),
    [
        (DisabilityType.PHYSICAL, 2, True, True),
        (DisabilityType.PHYSICAL, 3, False, False),
        (DisabilityType.INTELLECTUAL, 3, True, True),
        (DisabilityType.INTELLECTUAL, 4, False, False),
        (DisabilityType.MENTAL, 3, True, True),
        (DisabilityType.VISUAL, 1, True, True),
        (DisabilityType.VISUAL, 2, True, False),
        (DisabilityType.HEARING, 2, True, False),
        (DisabilityType.HEARING, 3, False, False),
    ],
)
def test_disability_type_and_grade(
    kind: DisabilityType, grade: int, single: bool, hardship: bool
) -> None:
    # A 45-year-old disabled member in a household above the standard (single-person route),
    # and the same person living alone with no income (special hardship).
    disabled = member(
        ON, 45, name="钱伟", disability=Disability(kind, grade), labor=LaborCapacity.NONE
    )
    worker = member(ON, 20, name="钱强", relation=Relation.CHILD, incomes=[(IncomeKind.WAGE, 1000)])
    s = screen(household([disabled, worker]), jingyang(), ON)
    f = finding(s, Program.DIBAO_SINGLE_PERSON)
    assert f.status is (Status.LIKELY_ELIGIBLE if single else Status.NOT_ELIGIBLE)
    if single:
        assert f.members == (disabled.id,) and f.monthly_fen == STANDARD_FEN
    alone = member(
        ON, 45, name="钱伟", disability=Disability(kind, grade), labor=LaborCapacity.NONE
    )
    h = finding(screen(household([alone]), jingyang(), ON), Program.SPECIAL_HARDSHIP)
    assert h.status is (Status.LIKELY_ELIGIBLE if hardship else Status.NOT_ELIGIBLE)


def recipient(exit_until: date | None, income_yuan: int = 2000) -> Household:
    people = [member(ON, 45, name="周勇", incomes=[(IncomeKind.WAGE, income_yuan)])]
    dibao = Benefit(uid(), Program.DIBAO, date(2018, 1, 1), 30_000, DibaoCategory.C, exit_until)
    return household(people, benefits=[dibao])


def test_a_gradual_exit_ends_on_its_last_day() -> None:
    last = date(2020, 6, 30)
    for day, status in ((last, Status.CONTINUE), (last + timedelta(days=1), Status.EXIT)):
        f = finding(screen(recipient(last), jingyang(), day), Program.DIBAO_GRADUAL_EXIT)
        assert f.status is status, day
        assert rule(f, "gradual_exit.in_period").values["exit_until"] == "2020-06-30"
        assert f.monthly_fen == (30_000 if status is Status.CONTINUE else None)


def test_a_new_gradual_exit_runs_for_the_policy_months_from_the_screening_day() -> None:
    f = finding(screen(recipient(None), jingyang(), ON), Program.DIBAO_GRADUAL_EXIT)
    assert f.status is Status.LIKELY_ELIGIBLE
    period = rule(f, "gradual_exit.period")
    assert period.values["months"] == 6
    assert period.values["exit_until"] == "2020-10-14"  # six months, the day before 15 October
    assert any(p.name == "gradual_exit.months" for p in period.parameters)
    assert finding(screen(recipient(None), jingyang(), ON), Program.DIBAO).status is Status.EXIT


def dibao_family() -> Household:
    dibao = Benefit(uid(), Program.DIBAO, date(2018, 1, 1), 50_000, DibaoCategory.B)
    people = [
        member(ON, 50, name="张学林"),
        member(ON, 48, name="李秀梅", relation=Relation.SPOUSE),
    ]
    return household(people, benefits=[dibao])


@pytest.mark.parametrize(("threshold", "triggered"), [("3.4", False), ("3.3", True)])
def test_price_subsidy_with_cpi_just_under_and_at_the_threshold(
    threshold: str, triggered: bool
) -> None:
    # April 2020: CPI 3.3% in the example series; the food trigger is moved out of reach.
    policy = jingyang().with_overrides(
        {"price_subsidy.cpi_threshold": threshold, "price_subsidy.food_cpi_threshold": "50"}
    )
    f = finding(screen(dibao_family(), policy, ON), Program.PRICE_SUBSIDY)
    assert f.status is (Status.LIKELY_ELIGIBLE if triggered else Status.NOT_ELIGIBLE)
    trigger = rule(f, "price_subsidy.triggered")
    assert trigger.met is triggered
    assert trigger.values["cpi"] == "3.3"
    assert any(
        p.name == "price_subsidy.cpi" and p.value == {"2020-04": "3.3"} for p in trigger.parameters
    )


@pytest.mark.parametrize(
    ("day", "monthly_fen"),
    [
        (date(2020, 2, 29), 6_000),  # 30 yuan x 2 people
        (date(2020, 3, 1), 12_000),  # doubled from the first day
        (date(2020, 6, 30), 12_000),  # still doubled on the last day
        (date(2020, 7, 1), 6_000),  # July: CPI 2.7%, food 13.2%: triggered, not doubled
    ],
)
def test_the_doubling_period_first_and_last_day(day: date, monthly_fen: int) -> None:
    f = finding(screen(dibao_family(), jingyang(), day), Program.PRICE_SUBSIDY)
    assert f.status is Status.LIKELY_ELIGIBLE
    assert f.monthly_fen == monthly_fen
    amount = rule(f, "price_subsidy.amount")
    assert any(p.name == "price_subsidy.multiplier" for p in amount.parameters)


def test_temporary_assistance_window_and_township_limit() -> None:
    def with_fire(days_ago: int) -> Household:
        return household(
            [member(ON, 40)], emergency=Emergency(EmergencyKind.FIRE, ON - timedelta(days=days_ago))
        )

    inside = finding(screen(with_fire(90), jingyang(), ON), Program.TEMPORARY_ASSISTANCE)
    assert inside.status is Status.LIKELY_ELIGIBLE
    assert inside.one_off_fen == 6 * STANDARD_FEN  # six months of the standard, one person
    assert rule(inside, "temporary_assistance.township_approval").met is False  # 2,400 > 2,000
    outside = finding(screen(with_fire(91), jingyang(), ON), Program.TEMPORARY_ASSISTANCE)
    assert outside.status is Status.NOT_ELIGIBLE
    # Shandong's township limit of 50,000 yuan (seed article) as a what-if:
    shandong = jingyang().with_overrides({"temporary_assistance.township_limit": "50000"})
    raised = finding(screen(with_fire(10), shandong, ON), Program.TEMPORARY_ASSISTANCE)
    assert rule(raised, "temporary_assistance.township_approval").met is True
