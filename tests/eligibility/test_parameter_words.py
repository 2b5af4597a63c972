"""Every parameter of every bundled pack has a name in Chinese and English and a unit, and
every value a pack sets is said in words: no key, no code name, no True, no brackets."""

import re
from decimal import Decimal

import pytest

from caseworker.domain.codes import IncomeKind
from caseworker.domain.wording import code_words, codes_words
from caseworker.eligibility.library import bundled_pack_texts
from caseworker.eligibility.param_model import Kind, Unit
from caseworker.eligibility.parameter_words import (
    name_words,
    program_words,
    ref_words,
    unit_words,
    value_words,
)
from caseworker.eligibility.params import SPECS
from caseworker.eligibility.policy import PolicyError, parse_overrides, parse_pack

# What a person must never read: a key, a code name, a Python value, a data structure.
RAW = re.compile(r"[a-z]+_[a-z_]+|\b[a-z]+\.[a-z_.]+\b|\bTrue\b|\bFalse\b|\bNone\b|[{}\[\]]")
LANGS = ("zh", "en")


def bundled_parameters() -> dict[str, list[object]]:
    """Every parameter a bundled pack sets, with every value it sets."""
    values: dict[str, list[object]] = {}
    for source, text in bundled_pack_texts():
        for name, entries in parse_pack(text, source=source).parameters.items():
            values.setdefault(name, []).extend(e.shown for e in entries)
    return values


def test_every_parameter_of_every_bundled_pack_has_both_names_and_a_unit() -> None:
    parameters = bundled_parameters()
    assert set(parameters) == set(SPECS)  # every parameter is set by some bundled pack
    for name in parameters:
        spec = SPECS[name]
        assert spec.zh and spec.en, name
        assert not RAW.search(spec.zh) and not RAW.search(spec.en), name
        assert isinstance(spec.unit, Unit), name  # Unit.NONE says "no unit" explicitly
        if spec.unit is not Unit.NONE:
            assert unit_words(spec.unit) and unit_words(spec.unit, "en"), name
        if spec.kind in (Kind.MONEY, Kind.NUMBER, Kind.WHOLE):
            assert spec.unit is not Unit.NONE, f"{name}: a number needs a unit"
        for lang in LANGS:
            assert program_words(spec.program, lang) and name_words(name, lang)


def test_every_value_of_every_bundled_pack_is_said_in_words() -> None:
    for name, values in bundled_parameters().items():
        for shown in values:
            for lang in LANGS:
                words = value_words(name, shown, lang)
                assert words and not RAW.search(words), (name, lang, words)


def test_code_values_are_said_by_their_labels() -> None:
    assert value_words("amounts.rounding", "yuan_half_up") == "按元四舍五入"
    assert value_words("amounts.rounding", "yuan_half_up", "en") == "to the yuan, half up"
    assert value_words("dibao.property.company_allowed", False) == "否"
    assert value_words("gradual_exit.requires_employment", True) == "是"
    assert value_words("gradual_exit.requires_employment", True, "en") == "yes"
    rule = {"category": "A", "when": ["elderly_alone", "all_unable_to_work"], "extra": "50.00"}
    assert (
        value_words("dibao.categories", [rule])
        == "A类：独居老人、全家无劳动能力，每户每月增发50.00元"
    )
    exempt = value_words("dibao.income.exempt_kinds", ["scholarship", "bravery_award"])
    assert exempt == "奖学金、助学金，见义勇为奖励"
    assert value_words("dibao.income.exempt_kinds", []) == "无"
    grades = value_words("special_hardship.disability_grades", {"physical": 2, "visual": 1})
    assert grades == "肢体残疾一至二级、视力残疾一级"
    amounts = {
        "fire": {"standard_months": "6"},
        "sudden_illness": {"expense_share": "0.3", "cap": "10000.00"},
    }
    assert value_words("temporary_assistance.amounts", amounts) == (
        "火灾：6个月的低保标准；突发重病：相关支出的30%，最多10,000.00元"
    )


def test_numbers_carry_their_units() -> None:
    assert value_words("dibao.standard.rural", "400.00") == "400.00元/人·月"
    assert value_words("dibao.standard.rural", "400.00", "en") == "400.00 yuan per person per month"
    assert value_words("dibao.property.deposit_limit_per_person", "10000.00") == "10,000.00元/人"
    assert value_words("marginal.income_multiple", "1.5") == "1.5倍低保标准"
    assert value_words("special_hardship.elderly_age", 60) == "60周岁"
    assert value_words("price_subsidy.cpi_threshold", "3.5", "en") == "3.5%"
    # A falling month's figure is not read as a range of months.
    assert value_words("price_subsidy.cpi", {"2025-09": "-0.3"}) == "2025年9月：-0.3%"
    assert value_words("price_subsidy.cpi", {"2025-09": "-0.3"}, "en") == "2025-09: -0.3%"


def test_one_helper_says_codes_for_paper_and_screen() -> None:
    assert code_words(IncomeKind.WAGE) == "工资性收入"
    assert code_words(IncomeKind.WAGE, "en") == "wages"
    assert codes_words([IncomeKind.WAGE, IncomeKind.FARMING]) == "工资性收入、种养殖净收入"


def test_a_reference_is_read_in_the_language_asked() -> None:
    ref = "示例参数（演示用）/ example value"
    assert ref_words(ref) == "示例参数（演示用）"
    assert ref_words(ref, "en") == "example value"
    assert ref_words("国务院令第649号") == "国务院令第649号"


@pytest.mark.parametrize(
    ("name", "text", "words"),
    [
        ("dibao.standard.rural", "-3", "农村低保标准“-3”"),
        ("dibao.standard.rural", "12OO", "农村低保标准“12OO”"),
        ("marginal.income_multiple", "20", "低保边缘家庭人均收入上限“20”：应在1到10之间"),
    ],
)
def test_a_bad_what_if_value_is_refused_naming_the_parameter(
    name: str, text: str, words: str
) -> None:
    with pytest.raises(PolicyError) as raised:
        parse_overrides({name: text})
    [error] = raised.value.errors
    assert words in error.message_zh
    assert SPECS[name].en in error.message_en
    for message in (error.message_zh, error.message_en):
        assert name not in message and "what-if" not in message


def test_a_what_if_value_of_each_simple_kind_is_read() -> None:
    entries = parse_overrides(
        {
            "dibao.standard.rural": "450",
            "marginal.income_multiple": "2",
            "gradual_exit.months": "3",
            "dibao.property.company_allowed": "true",
            "amounts.rounding": "fen",
            "dibao.income.exempt_kinds": '["wage"]',
        }
    )
    assert entries["dibao.standard.rural"].shown == "450.00"
    assert entries["marginal.income_multiple"].value == Decimal(2)
    assert entries["dibao.income.exempt_kinds"].value == frozenset({IncomeKind.WAGE})
