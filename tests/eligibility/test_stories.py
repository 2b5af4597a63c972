"""Scenarios from the seed article, each asserting status, amount and the parameter cited.

The demo county's story households (``caseworker.demo``) are screened against the example
Jingyang pack; the Wuhan stories use households in Jiang'an District and its example pack.
"""

from datetime import date, timedelta

import pytest

from caseworker.demo.generator import generate_households
from caseworker.domain.codes import (
    DibaoCategory,
    EmergencyKind,
    Hukou,
    IncomeKind,
    Program,
    Relation,
)
from caseworker.domain.records import Benefit, Emergency, Household
from caseworker.eligibility import Status, screen
from caseworker.eligibility.findings import finding_from_dict, finding_to_dict
from tests.eligibility.helpers import (
    JIANGAN_VILLAGE,
    cites,
    finding,
    household,
    jiangan,
    jingyang,
    member,
    rule,
    uid,
)

ON = date(2020, 4, 15)


@pytest.fixture(scope="module")
def stories() -> dict[str, Household]:
    zhang, chen, zhu, widow, migrant = generate_households(5, seed=1, as_of=ON)
    return {"zhang": zhang, "chen": chen, "zhu": zhu, "widow": widow, "migrant": migrant}


def test_the_family_of_five_gets_1200_yuan_of_doubled_price_subsidy(
    stories: dict[str, Household],
) -> None:
    """张学林: Jingyang doubled the temporary price subsidy; the family of five got 1,200 yuan."""
    total = 0
    for month in (3, 4, 5, 6):
        f = finding(
            screen(stories["zhang"], jingyang(), date(2020, month, 20)), Program.PRICE_SUBSIDY
        )
        assert f.status is Status.LIKELY_ELIGIBLE
        assert len(f.members) == 5
        assert cites(f, "price_subsidy.multiplier")
        assert rule(f, "price_subsidy.amount").values["multiplier"] == "2"
        total += f.monthly_fen or 0
    assert total == 120_000
    july = finding(screen(stories["zhang"], jingyang(), date(2020, 7, 20)), Program.PRICE_SUBSIDY)
    assert july.monthly_fen == 15_000  # no longer doubled
    dibao = finding(screen(stories["zhang"], jingyang(), ON), Program.DIBAO)
    assert dibao.status is Status.CONTINUE


def test_the_household_that_shook_off_poverty_keeps_dibao_for_two_years(
    stories: dict[str, Household],
) -> None:
    """陈宗良: reached the exit standard after poverty exit; keeps Dibao in a 2-year retreat."""
    s = screen(stories["chen"], jingyang(), ON)
    assert finding(s, Program.DIBAO).status is Status.EXIT
    f = finding(s, Program.DIBAO_GRADUAL_EXIT)
    assert f.status is Status.LIKELY_ELIGIBLE
    assert f.monthly_fen == 60_000  # the current Dibao continues
    period = rule(f, "gradual_exit.period")
    assert period.values == {"months": 24, "exit_until": "2022-04-14", "after_poverty_exit": True}
    assert cites(f, "gradual_exit.after_poverty_exit_months")
    assert "24个月渐退期（脱贫户）" in period.text_zh


def test_the_work_cost_deduction_for_a_member_back_at_work(stories: dict[str, Household]) -> None:
    """Tianjin's 500 yuan monthly work-cost deduction (in the example Jingyang pack)."""
    before = finding(screen(stories["chen"], jingyang(), date(2020, 2, 20)), Program.DIBAO)
    after = finding(screen(stories["chen"], jingyang(), ON), Program.DIBAO)
    steps_before = rule(before, "income.per_capita")
    steps_after = rule(after, "income.per_capita")
    assert steps_before.values["work_deduction_yuan"] == "0.00"
    assert steps_after.values["work_deduction_yuan"] == "500.00"
    assert steps_after.values["total_yuan"] == "2900.00"
    assert cites(after, "dibao.income.work_cost_deduction")
    # A household the deduction brings under the standard: 1 person, wage 850 yuan.
    worker = household([member(ON, 30, incomes=[(IncomeKind.WAGE, 850)], returned_to_work=True)])
    assert finding(screen(worker, jingyang(), ON), Program.DIBAO).status is Status.LIKELY_ELIGIBLE
    assert finding(screen(worker, jingyang(), ON), Program.DIBAO).monthly_fen == 5_000
    worker.members[0].returned_to_work = False
    assert finding(screen(worker, jingyang(), ON), Program.DIBAO).status is Status.NOT_ELIGIBLE


def test_the_cancer_patient_is_included_as_a_single_person_household(
    stories: dict[str, Household],
) -> None:
    """朱国兵: lung cancer; family income above the standard; included on his own."""
    s = screen(stories["zhu"], jingyang(), ON)
    assert finding(s, Program.DIBAO).status is Status.NOT_ELIGIBLE
    f = finding(s, Program.DIBAO_SINGLE_PERSON)
    assert f.status is Status.LIKELY_ELIGIBLE
    assert f.members == (stories["zhu"].members[0].id,)
    assert f.monthly_fen == 40_000  # the standard less his own income (none)
    assert cites(f, "dibao.single_person.income_multiple")
    assert "朱国兵" in rule(f, "dibao_single_person.qualifying_member").text_zh
    # At the national 1.5x multiple the family (733.33 yuan per head) would be above the limit.
    national = jingyang().with_overrides({"dibao.single_person.income_multiple": "1.5"})
    assert finding(screen(stories["zhu"], national, ON), Program.DIBAO_SINGLE_PERSON).status is (
        Status.NOT_ELIGIBLE
    )


def test_the_widowed_elder(stories: dict[str, Household]) -> None:
    """张桂兰: in her seventies, husband and son dead: Dibao A, and 4,000 yuan of temporary aid."""
    s = screen(stories["widow"], jingyang(), ON)
    dibao = finding(s, Program.DIBAO)
    assert dibao.status is Status.CONTINUE
    assert dibao.monthly_fen == 45_000  # 400 standard - 0 counted income + 50 category A
    assert rule(dibao, "dibao.amount").values["category"] == "A"
    assert cites(dibao, "dibao.categories")
    aid = finding(s, Program.TEMPORARY_ASSISTANCE)
    assert aid.status is Status.LIKELY_ELIGIBLE
    assert aid.one_off_fen == 400_000
    assert cites(aid, "temporary_assistance.amounts")
    assert rule(aid, "temporary_assistance.township_approval").met is False  # county decides
    hardship = finding(s, Program.SPECIAL_HARDSHIP)
    assert hardship.status is Status.LIKELY_ELIGIBLE  # alone, 74, no supporter
    assert hardship.monthly_fen == 52_000


def stranded_family() -> Household:
    people = [
        member(ON, 41, name="陈金松"),
        member(ON, 38, name="周丽", relation=Relation.SPOUSE),
        member(ON, 9, name="陈晨", relation=Relation.CHILD),
    ]
    return household(
        people,
        village=JIANGAN_VILLAGE,
        hukou=Hukou.URBAN,
        local_resident=False,
        emergency=Emergency(EmergencyKind.STRANDED_EPIDEMIC, date(2020, 1, 23)),
    )


def test_the_stranded_migrant_family_gets_3000_yuan_where_they_are() -> None:
    """陈金松: working in Jiang'an, stranded; 3,000 yuan within a week, hukou barriers broken."""
    s = screen(stranded_family(), jiangan(), date(2020, 1, 30))
    aid = finding(s, Program.TEMPORARY_ASSISTANCE)
    assert aid.status is Status.LIKELY_ELIGIBLE
    assert aid.one_off_fen == 300_000
    assert cites(aid, "temporary_assistance.amounts")
    assert rule(aid, "temporary_assistance.residence").met is True
    assert cites(aid, "temporary_assistance.non_local_allowed")
    # Dibao is applied for where the hukou is: not here.
    assert finding(s, Program.DIBAO).status is Status.NOT_ELIGIBLE
    local_only = jiangan().with_overrides({"temporary_assistance.non_local_allowed": "false"})
    refused = finding(
        screen(stranded_family(), local_only, date(2020, 1, 30)), Program.TEMPORARY_ASSISTANCE
    )
    assert refused.status is Status.NOT_ELIGIBLE


def wuhan_dibao_family(hukou: Hukou, income_yuan: int = 0) -> Household:
    people = [
        member(ON, 45, name="刘强", incomes=[(IncomeKind.WAGE, income_yuan)]),
        member(ON, 44, name="王芳", relation=Relation.SPOUSE),
        member(ON, 12, name="刘洋", relation=Relation.CHILD),
    ]
    benefit = Benefit(uid(), Program.DIBAO, date(2019, 6, 1), 150_000, DibaoCategory.C)
    return household(people, village=JIANGAN_VILLAGE, hukou=hukou, benefits=[benefit])


@pytest.mark.parametrize(("hukou", "fen"), [(Hukou.URBAN, 150_000), (Hukou.RURAL, 90_000)])
def test_hubei_one_off_relief_for_dibao_households(hukou: Hukou, fen: int) -> None:
    """At least 500 yuan per urban and 300 per rural person in Hubei (seed article)."""
    f = finding(screen(wuhan_dibao_family(hukou), jiangan(), ON), Program.EPIDEMIC_RELIEF)
    assert f.status is Status.LIKELY_ELIGIBLE
    assert f.one_off_fen == fen
    assert cites(f, f"epidemic_relief.{hukou.value}")
    assert cites(f, "epidemic_relief.areas")
    outside = finding(
        screen(wuhan_dibao_family(hukou), jiangan(), date(2021, 3, 1)), Program.EPIDEMIC_RELIEF
    )
    assert outside.status is Status.NOT_ELIGIBLE
    # Jingyang (Shaanxi) is not a designated area.
    jingyang_family = wuhan_dibao_family(hukou)
    jingyang_family.village_code = "610423100201"
    not_hubei = finding(screen(jingyang_family, jingyang(), ON), Program.EPIDEMIC_RELIEF)
    assert not_hubei.status is Status.NOT_ELIGIBLE


def test_removals_are_suspended_in_an_epidemic_area() -> None:
    """A Wuhan Dibao household whose income rose above the standard keeps Dibao in 2020."""
    risen = wuhan_dibao_family(Hukou.URBAN, income_yuan=4000)
    s = screen(risen, jiangan(), ON)
    dibao = finding(s, Program.DIBAO)
    assert dibao.status is Status.CONTINUE
    assert dibao.monthly_fen == 150_000
    suspended = rule(dibao, "dibao.exit_suspended")
    assert cites(dibao, "gradual_exit.suspended")
    assert "2020-01-23" in suspended.text_zh and "2020-12-31" in suspended.text_en
    assert finding(s, Program.DIBAO_GRADUAL_EXIT).status is Status.CONTINUE
    after = screen(risen, jiangan(), date(2021, 1, 5))
    assert finding(after, Program.DIBAO).status is Status.EXIT
    assert finding(after, Program.DIBAO_GRADUAL_EXIT).status is Status.LIKELY_ELIGIBLE


def test_missing_data_is_never_zero() -> None:
    unknown = member(ON, 40, name="马六", unknown_incomes=True)
    h = household([member(ON, 45, name="马五", incomes=[(IncomeKind.WAGE, 100)]), unknown])
    dibao = finding(screen(h, jingyang(), ON), Program.DIBAO)
    assert dibao.status is Status.NEEDS_INFORMATION
    assert [m.field for m in dibao.missing] == ["members[1].incomes"]
    assert "马六" in dibao.missing[0].text_zh
    # ... unless what is known already decides: 2,000 yuan for two is above any limit here.
    h.members[0].incomes[0].monthly_fen = 200_000  # type: ignore[index]
    decided = finding(screen(h, jingyang(), ON), Program.DIBAO)
    assert decided.status is Status.NOT_ELIGIBLE
    assert "至少" in rule(decided, "dibao.income_below_standard").text_zh
    h.assets = None
    h.members[0].incomes[0].monthly_fen = 100  # type: ignore[index]
    unknown.incomes = []
    no_assets = finding(screen(h, jingyang(), ON), Program.DIBAO)
    assert no_assets.status is Status.NEEDS_INFORMATION
    assert [m.field for m in no_assets.missing] == ["assets"]


def test_findings_round_trip_through_json(stories: dict[str, Household]) -> None:
    for h in stories.values():
        for f in screen(h, jingyang(), ON).findings:
            again = finding_from_dict(finding_to_dict(f))
            assert again == f
            assert finding_to_dict(again) == finding_to_dict(f)


def test_screening_twice_gives_the_same_answer_and_dates_matter(
    stories: dict[str, Household],
) -> None:
    first = screen(stories["zhang"], jingyang(), ON)
    assert screen(stories["zhang"], jingyang(), ON) == first
    earlier = screen(stories["zhang"], jingyang(), ON - timedelta(days=365))
    amount = rule(finding(earlier, Program.DIBAO), "dibao.income_below_standard")
    assert amount.values["limit_yuan"] == "370.00"  # the 2019 standard
