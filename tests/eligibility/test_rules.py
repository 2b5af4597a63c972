"""More rules: legal supporters, current recipients, expense-based aid, categories, tiering."""

from datetime import date, timedelta

import pytest

from caseworker.domain.codes import (
    EmergencyKind,
    ExpenseKind,
    IncomeKind,
    LaborCapacity,
    Program,
    Relation,
    SupporterInability,
    SupporterRelation,
)
from caseworker.domain.records import Benefit, Emergency, Expense, LegalSupporter
from caseworker.eligibility import Status, screen
from tests.eligibility.helpers import finding, household, jingyang, member, rule, uid

ON = date(2020, 4, 15)


def elder_with(supporters: list[LegalSupporter] | None) -> object:
    return household(
        [member(ON, 75, name="孙奶奶", labor=LaborCapacity.NONE)], legal_supporters=supporters
    )


@pytest.mark.parametrize(
    ("supporter", "status"),
    [
        (None, Status.LIKELY_ELIGIBLE),  # no supporter at all
        (LegalSupporter(uid(), SupporterRelation.CHILD, True, None, "孙强"), Status.NOT_ELIGIBLE),
        (
            LegalSupporter(uid(), SupporterRelation.CHILD, False, SupporterInability.IN_PRISON),
            Status.LIKELY_ELIGIBLE,
        ),
        (
            LegalSupporter(uid(), SupporterRelation.CHILD, False, SupporterInability.OTHER),
            Status.NOT_ELIGIBLE,  # a reason the policy does not accept
        ),
        (LegalSupporter(uid(), SupporterRelation.CHILD, None), Status.NEEDS_INFORMATION),
    ],
)
def test_legal_supporters_decide_special_hardship(
    supporter: LegalSupporter | None, status: Status
) -> None:
    h = elder_with([] if supporter is None else [supporter])
    f = finding(screen(h, jingyang(), ON), Program.SPECIAL_HARDSHIP)  # type: ignore[arg-type]
    assert f.status is status
    if status is Status.NEEDS_INFORMATION:
        assert [m.field for m in f.missing] == ["legal_supporters[0].able"]
    if status is Status.NOT_ELIGIBLE:
        assert rule(f, "special_hardship.no_able_supporter").met is False


def test_unrecorded_supporters_and_a_co_resident_worker() -> None:
    unknown = finding(screen(elder_with(None), jingyang(), ON), Program.SPECIAL_HARDSHIP)  # type: ignore[arg-type]
    assert unknown.status is Status.NEEDS_INFORMATION
    assert "legal_supporters" in [m.field for m in unknown.missing]
    son = member(ON, 40, name="孙强", relation=Relation.CHILD, incomes=[(IncomeKind.WAGE, 100)])
    with_son = household([member(ON, 75, name="孙奶奶", labor=LaborCapacity.NONE), son])
    f = finding(screen(with_son, jingyang(), ON), Program.SPECIAL_HARDSHIP)
    assert f.status is Status.NOT_ELIGIBLE
    assert "孙强" in rule(f, "special_hardship.no_able_supporter").text_zh


def test_care_allowance_by_self_care_and_current_recipients() -> None:
    for impossible, fen in ((0, 52_000), (3, 62_000), (4, 82_000)):
        h = household([member(ON, 80, labor=LaborCapacity.NONE, self_care=impossible)])
        f = finding(screen(h, jingyang(), ON), Program.SPECIAL_HARDSHIP)
        assert f.monthly_fen == fen, impossible  # 520 + 0 / 100 partial / 300 full loss
    h = household([member(ON, 80, labor=LaborCapacity.NONE, self_care=None)])
    f = finding(screen(h, jingyang(), ON), Program.SPECIAL_HARDSHIP)
    assert f.status is Status.LIKELY_ELIGIBLE and f.monthly_fen == 52_000
    assert [m.field for m in f.missing] == ["members[0].self_care_impossible"]
    paid = Benefit(uid(), Program.SPECIAL_HARDSHIP, date(2019, 1, 1), 80_000)
    keeps = household([member(ON, 80, labor=LaborCapacity.NONE)], benefits=[paid])
    assert (
        finding(screen(keeps, jingyang(), ON), Program.SPECIAL_HARDSHIP).status is Status.CONTINUE
    )
    rich = household(
        [member(ON, 80, labor=LaborCapacity.NONE, incomes=[(IncomeKind.PENSION, 3000)])],
        benefits=[paid],
    )
    assert finding(screen(rich, jingyang(), ON), Program.SPECIAL_HARDSHIP).status is Status.EXIT


def test_expenditure_type_aid_is_a_share_of_the_related_costs() -> None:
    h = household(
        [member(ON, 40)],
        emergency=Emergency(EmergencyKind.MEDICAL_EXPENSE, ON - timedelta(days=5)),
        expenses=[
            Expense(uid(), ExpenseKind.MEDICAL, 3_000_000, ON - timedelta(days=20)),
            Expense(uid(), ExpenseKind.EDUCATION, 500_000, ON - timedelta(days=20)),
        ],
    )
    f = finding(screen(h, jingyang(), ON), Program.TEMPORARY_ASSISTANCE)
    assert f.one_off_fen == 900_000  # 30% of 30,000 yuan of medical costs, under the cap
    assert rule(f, "temporary_assistance.amount").values["expenses_yuan"] == "30000.00"
    h.expenses = None
    unknown = finding(screen(h, jingyang(), ON), Program.TEMPORARY_ASSISTANCE)
    assert unknown.status is Status.NEEDS_INFORMATION
    assert [m.field for m in unknown.missing] == ["expenses"]


def test_tiered_method_and_illness_cost_deduction() -> None:
    tiered = jingyang().with_overrides(
        {
            "dibao.method": "tiered",
            "dibao.categories": "[{category: A, when: [otherwise], amount_per_person: 240}]",
        }
    )
    h = household([member(ON, 74, labor=LaborCapacity.NONE)])
    f = finding(screen(h, tiered, ON), Program.DIBAO)
    assert f.monthly_fen == 24_000  # the Jinxiu widow's 240 yuan, category A
    assert rule(f, "dibao.amount").values["per_person_yuan"] == "240.00"
    sick = household(
        [member(ON, 50, incomes=[(IncomeKind.WAGE, 1000)])],
        expenses=[Expense(uid(), ExpenseKind.MEDICAL, 1_200_000, ON - timedelta(days=100))],
    )
    assert finding(screen(sick, jingyang(), ON), Program.DIBAO).status is Status.NOT_ELIGIBLE
    deducting = jingyang().with_overrides({"dibao.income.deduct_illness_costs": "true"})
    f = finding(screen(sick, deducting, ON), Program.DIBAO)
    assert f.status is Status.LIKELY_ELIGIBLE  # 1,000 - 12,000 / 12 = 0 counted
    assert rule(f, "income.per_capita").values["cost_deduction_yuan"] == "1000.00"
