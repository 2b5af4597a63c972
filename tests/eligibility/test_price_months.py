"""The monthly price figures behind the temporary price subsidy: the national series past
2020 with each month's release named, months not published yet said as such, and a
county adding months without hiding the national ones."""

from datetime import date

from caseworker.domain.codes import DibaoCategory, Program, Relation
from caseworker.domain.records import Benefit, Household
from caseworker.eligibility import Status, screen
from caseworker.eligibility.library import PolicyLibrary
from caseworker.eligibility.policy import Policy
from tests.eligibility.helpers import TEST_COUNTY, finding, household, jingyang, member, rule, uid

SERIES = ("price_subsidy.cpi", "price_subsidy.food_cpi")

# A county that adds October 2025 and takes a month out of the national series.
COUNTY = (
    TEST_COUNTY
    + """
  price_subsidy.cpi:
    - {from: 2021-03-01, value: {}, ref: 测试：本县不用该月数据}
    - {from: 2099-10-01, value: {2099-10: 4.0}, ref: 测试县转发的2099年10月数据}
  price_subsidy.food_cpi:
    - {from: 2099-10-01, value: {2099-10: 1.0}, ref: 测试县转发的2099年10月数据}
"""
)


def dibao_family(on: date) -> Household:
    dibao = Benefit(uid(), Program.DIBAO, date(2018, 1, 1), 50_000, DibaoCategory.B)
    people = [
        member(on, 50, name="张学林"),
        member(on, 48, name="李秀梅", relation=Relation.SPOUSE),
    ]
    return household(people, benefits=[dibao])


def months(policy: Policy, name: str) -> list[tuple[int, int]]:
    return sorted(m for e in policy.parameters[name] for m in e.value)


def price(policy: Policy, on: date) -> object:
    return finding(screen(dibao_family(on), policy, on), Program.PRICE_SUBSIDY)


def test_the_shipped_series_run_past_2020_one_entry_a_month_naming_its_release() -> None:
    policy = jingyang()
    for name in SERIES:
        held = months(policy, name)
        assert held[0] == (2019, 1) and held[-1] >= (2025, 9)
        assert len(held) == (held[-1][0] - 2019) * 12 + held[-1][1]  # no month skipped
        for year, month in held:
            entry = policy.entry(name, date(year, month, 1))
            assert list(entry.value) == [(year, month)]
            assert f"《{year}年{month}月份居民消费价格变动情况》" in entry.ref
    # 2023 is decided (it said "needs information" when the series stopped at 2020).
    f = price(policy, date(2023, 2, 20))
    assert f.status is Status.NOT_ELIGIBLE  # CPI 1.0%, food 2.6%: under both triggers
    trigger = rule(f, "price_subsidy.triggered")
    assert "2023年2月CPI同比1.0%" in trigger.text_zh
    assert any("2023年2月份" in p.ref for p in trigger.parameters)


def test_a_month_after_the_series_is_said_to_be_not_published_yet() -> None:
    policy = jingyang()
    last = min(months(policy, name)[-1] for name in SERIES)
    for on in (date(2099, 1, 3), date(last[0] + 1, last[1], 20)):
        f = price(policy, on)
        assert f.status is Status.NEEDS_INFORMATION and not f.reasons
        [missing] = f.missing
        assert missing.field == "policy:price_subsidy.cpi"
        assert missing.text_zh.startswith(f"{on.year}年{on.month}月的CPI和食品CPI尚未发布")
        assert f"数据截至{last[0]}年{last[1]}月" in missing.text_zh
        assert f"for {on:%Y-%m} are not published yet" in missing.text_en


def test_a_month_the_series_skip_is_said_to_be_missing_from_the_pack() -> None:
    policy = PolicyLibrary([("x", COUNTY)]).policy("cn-999999-test")
    f = price(policy, date(2021, 3, 15))
    [missing] = f.missing
    assert missing.text_zh == "政策包中没有2021年3月的CPI数据，请同步最新政策包"
    assert missing.text_en == "the policy pack has no CPI for 2021-03; sync the latest pack"


def test_a_county_adds_months_and_keeps_the_national_ones() -> None:
    policy = PolicyLibrary([("x", COUNTY)]).policy("cn-999999-test")
    added = rule(price(policy, date(2099, 10, 8)), "price_subsidy.triggered")
    assert added.met and "2099年10月CPI同比4.0%" in added.text_zh
    assert all(p.ref == "测试县转发的2099年10月数据" for p in added.parameters if p.name in SERIES)
    # The national months on both sides of the county's entries stay in force.
    for on in (date(2021, 2, 10), date(2021, 4, 10), date(2024, 5, 10)):
        kept = rule(price(policy, on), "price_subsidy.triggered")
        assert f"《{on.year}年{on.month}月份居民消费价格变动情况》" in kept.parameters[0].ref
    f = price(policy, date(2099, 11, 1))
    assert "数据截至2099年10月" in f.missing[0].text_zh
