"""Rules as counties and the state dated them: Wuhan's 2020 standards and its rule for
returned workers' wages, shares such as "50%" in a pack, and programs that a policy did
not have yet on the day screened."""

from datetime import date
from decimal import Decimal

import pytest

from caseworker.domain.codes import Hukou, IncomeKind, Program
from caseworker.domain.validation import Problem
from caseworker.eligibility import Status, screen
from caseworker.eligibility.kinds import share
from caseworker.eligibility.library import PolicyLibrary
from caseworker.eligibility.parameter_words import value_words
from caseworker.eligibility.policy import PolicyError
from tests.eligibility.helpers import (
    JIANGAN_VILLAGE,
    TEST_COUNTY,
    cites,
    finding,
    household,
    jiangan,
    member,
    rule,
)

MAY = date(2020, 5, 15)
AUGUST = date(2020, 8, 15)


def returned_worker(on: date) -> object:
    """A rural Jiang'an household of two: a worker back at work earning 1,000 yuan a month,
    and an older parent without income."""
    return household(
        [
            member(on, 35, incomes=[(IncomeKind.WAGE, 1000)], returned_to_work=True),
            member(on, 70, name="王母", incomes=[]),
        ],
        village=JIANGAN_VILLAGE,
        hukou=Hukou.RURAL,
    )


def test_wuhan_standards_from_april_2020_with_their_source() -> None:
    policy = jiangan()
    assert policy.entry("dibao.standard.urban", date(2020, 4, 1)).value == 83_000
    assert policy.entry("dibao.standard.rural", date(2020, 4, 1)).value == 68_000
    assert policy.entry("dibao.standard.rural", date(2020, 3, 31)).value == 78_000
    assert "武汉市" in policy.entry("dibao.standard.rural", MAY).ref


def test_a_returned_workers_wage_is_not_counted_in_may_and_counted_at_half_in_august() -> None:
    may = finding(screen(returned_worker(MAY), jiangan(), MAY), Program.DIBAO)
    steps = rule(may, "income.per_capita")
    assert steps.values["work_deduction_yuan"] == "1000.00"
    assert steps.values["total_yuan"] == "0.00"
    assert may.status is Status.LIKELY_ELIGIBLE
    assert may.monthly_fen == 2 * 68_000  # the rural standard for two, nothing counted
    assert cites(may, "dibao.income.disregards")

    august = finding(screen(returned_worker(AUGUST), jiangan(), AUGUST), Program.DIBAO)
    steps = rule(august, "income.per_capita")
    assert steps.values["work_deduction_yuan"] == "500.00"
    assert steps.values["total_yuan"] == "500.00"
    assert august.monthly_fen == 2 * 68_000 - 50_000
    citation = next(p for r in august.reasons for p in r.parameters if p.name.endswith("regards"))
    assert "按50%计入" in value_words("dibao.income.disregards", citation.value)


def test_the_rule_is_for_returned_workers_only_and_asks_when_that_is_not_recorded() -> None:
    h = returned_worker(AUGUST)
    h.members[0].returned_to_work = False
    steps = rule(finding(screen(h, jiangan(), AUGUST), Program.DIBAO), "income.per_capita")
    assert steps.values["total_yuan"] == "1000.00"  # a wage earned all along counts in full
    h.members[0].returned_to_work = None
    f = finding(screen(h, jiangan(), AUGUST), Program.DIBAO)
    assert any(m.field == "members[0].returned_to_work" for m in f.missing)


def test_after_2020_the_wage_counts_in_full_again() -> None:
    on = date(2021, 2, 1)
    steps = rule(
        finding(screen(returned_worker(on), jiangan(), on), Program.DIBAO), "income.per_capita"
    )
    assert steps.values["work_deduction_yuan"] == "0.00"
    assert steps.values["total_yuan"] == "1000.00"


@pytest.mark.parametrize(("given", "fraction", "shown"), [
    ("50%", "0.5", "50%"), (Decimal("0.5"), "0.5", "50%"), (0, "0", "0%"), ("100%", "1", "100%"),
])  # fmt: skip
def test_a_share_is_read_as_a_fraction_or_a_percentage(
    given: object, fraction: str, shown: str
) -> None:
    assert share(given) == (Decimal(fraction), shown)


@pytest.mark.parametrize("bad", ["150%", "-0.1", 2, "half", True])
def test_a_share_outside_zero_to_one_is_refused_in_words(bad: object) -> None:
    with pytest.raises(Problem) as caught:
        share(bad)
    assert "0到1之间的比例或百分数" in caught.value.zh and "a share from 0 to 1" in caught.value.en


def test_a_pack_with_a_bad_share_names_the_parameter_and_the_item() -> None:
    text = COUNTY.replace("counted_share: 0", "counted_share: 50 percent")
    with pytest.raises(PolicyError) as caught:
        PolicyLibrary([("x", text)]).policy("cn-999999-test")
    said = str(caught.value)
    assert "dibao.income.disregards" in said and "item 1" in said and "'counted_share'" in said
    assert "must be a share from 0 to 1" in said


# A county that sets only its standard (and one disregard) and takes everything else from
# the national pack.
COUNTY = (
    TEST_COUNTY
    + """
  dibao.income.disregards:
    - from: 2019-01-01
      value: [{kind: wage, member: returned_to_work, counted_share: 0}]
      ref: 测试
"""
)


def severely_disabled_in_a_family_above_the_standard(on: date) -> object:
    from caseworker.domain.codes import DisabilityType
    from caseworker.domain.records import Disability

    return household(
        [
            member(on, 45, incomes=[(IncomeKind.WAGE, 1100)]),
            member(on, 20, name="王强", disability=Disability(DisabilityType.PHYSICAL, 1)),
        ]
    )


@pytest.mark.parametrize(
    ("on", "in_force"),
    [(date(2020, 6, 1), False), (date(2021, 6, 30), False), (date(2021, 8, 1), True)],
)
def test_the_national_pack_starts_single_person_inclusion_and_the_marginal_line_in_2021(
    on: date, in_force: bool
) -> None:
    policy = PolicyLibrary([("x", COUNTY)]).policy("cn-999999-test")
    s = screen(severely_disabled_in_a_family_above_the_standard(on), policy, on)
    single = finding(s, Program.DIBAO_SINGLE_PERSON)
    margin = finding(s, Program.MARGINAL)
    if in_force:
        assert single.status is Status.LIKELY_ELIGIBLE
        assert margin.status is Status.LIKELY_ELIGIBLE
        return
    assert single.status is Status.NOT_ELIGIBLE and margin.status is Status.NOT_ELIGIBLE
    [why] = single.reasons
    assert why.text_zh.startswith(f"{on.isoformat()}时本地政策尚未实行单人户施保")
    assert "未核实" in why.text_zh  # the national pack says its date is not verified
    [why] = margin.reasons
    assert why.text_zh.startswith(f"{on.isoformat()}时本地政策尚未认定低保边缘家庭")
    assert not single.missing and not margin.missing
