"""Every policy parameter a pack may set: its dotted name, what kind of value, what it means.

A name not listed here is an error in a pack. Structured values (Dibao categories,
temporary-assistance amounts) are parsed into the small frozen types below.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from caseworker.domain.codes import (
    DisabilityType,
    EmergencyKind,
    IncomeKind,
    LabelledCode,
    SupporterInability,
)
from caseworker.eligibility import kinds, structures
from caseworker.eligibility.kinds import Parser

ROUNDING = ("fen", "yuan_half_up", "yuan_up", "yuan_down")
DIBAO_METHODS = ("gap", "tiered")
PRICE_METHODS = ("standard_times_rise", "fixed_per_person")


class PriceGroup(LabelledCode):
    """Who the temporary price subsidy covers."""

    DIBAO = "dibao", "低保对象", "Dibao recipients"
    SPECIAL_HARDSHIP = "special_hardship", "特困人员", "special-hardship persons"
    ORPHANS = "orphans", "孤儿", "orphans"
    DE_FACTO_UNSUPPORTED_CHILDREN = (
        "de_facto_unsupported_children",
        "事实无人抚养儿童",
        "de facto unsupported children",
    )
    UNEMPLOYMENT_INSURANCE = (
        "unemployment_insurance",
        "领取失业保险金人员",
        "unemployment insurance recipients",
    )
    ENTITLED_VETERANS = "entitled_veterans", "优抚对象", "entitled veterans"


_PERCENT = kinds.decimal(Decimal(0), Decimal(100))
_MULTIPLE = kinds.decimal(Decimal(1), Decimal(10))
_GRADE = kinds.integer(1, 4)


@dataclass(frozen=True, slots=True)
class ParamSpec:
    name: str
    parse: Parser
    zh: str
    en: str


def _spec(name: str, parse: Parser, zh: str, en: str) -> ParamSpec:
    return ParamSpec(name, parse, zh, en)


SPECS: Mapping[str, ParamSpec] = {
    s.name: s
    for s in (
        _spec("amounts.rounding", kinds.choice(*ROUNDING), "金额取整方式", "rounding of amounts"),
        _spec(
            "dibao.standard.rural",
            kinds.money,
            "农村低保标准（元/人·月）",
            "rural Dibao standard (yuan per person per month)",
        ),
        _spec(
            "dibao.standard.urban",
            kinds.money,
            "城市低保标准（元/人·月）",
            "urban Dibao standard (yuan per person per month)",
        ),
        _spec(
            "dibao.method",
            kinds.choice(*DIBAO_METHODS),
            "低保金计算方式",
            "how the Dibao amount is computed",
        ),
        _spec("dibao.categories", structures.categories, "分类施保规则", "Dibao categories"),
        _spec(
            "dibao.income.exempt_kinds",
            kinds.codes(IncomeKind),
            "不计入家庭收入的项目",
            "income kinds not counted",
        ),
        _spec(
            "dibao.income.work_cost_deduction",
            kinds.money,
            "返岗就业成员每月扣减的必要就业成本（元）",
            "monthly employment-cost deduction per member back at work (yuan)",
        ),
        _spec(
            "dibao.income.deduct_illness_costs",
            kinds.boolean,
            "是否扣减近12个月的医疗、残疾康复护理支出",
            "deduct medical and disability-care costs of the last 12 months",
        ),
        _spec(
            "dibao.property.deposit_limit_per_person",
            kinds.money,
            "人均存款及有价证券上限（元）",
            "deposits and securities limit per person (yuan)",
        ),
        _spec(
            "dibao.property.max_vehicles",
            kinds.integer(0, 10),
            "允许的机动车辆数（不含残疾人代步车和唯一生计车辆）",
            "vehicles allowed (not counting disability or sole-livelihood vehicles)",
        ),
        _spec(
            "dibao.property.max_houses", kinds.integer(0, 10), "允许的住房套数", "houses allowed"
        ),
        _spec(
            "dibao.property.company_allowed",
            kinds.boolean,
            "是否允许开办或投资企业",
            "may own or run a company",
        ),
        _spec(
            "dibao.property.commercial_property_allowed",
            kinds.boolean,
            "是否允许拥有商铺、厂房等非住宅",
            "may own commercial property",
        ),
        _spec(
            "dibao.single_person.income_multiple",
            _MULTIPLE,
            "单人户施保的家庭人均收入上限（低保标准的倍数）",
            "single-person inclusion income limit (multiple of the standard)",
        ),
        _spec(
            "dibao.single_person.disability_grades",
            kinds.code_map(DisabilityType, _GRADE),
            "单人户施保的残疾类别及最低等级（填最大等级数）",
            "disability types qualifying for single-person inclusion, up to grade",
        ),
        _spec(
            "dibao.single_person.illnesses",
            kinds.strings,
            "单人户施保的重病病种（关键词；*表示任何重病）",
            "illnesses qualifying for single-person inclusion (keywords; * = any)",
        ),
        _spec(
            "marginal.income_multiple",
            _MULTIPLE,
            "低保边缘家庭收入上限（低保标准的倍数）",
            "marginal family income limit (multiple of the standard)",
        ),
        _spec(
            "gradual_exit.months",
            kinds.integer(0, 60),
            "渐退期（月）",
            "gradual exit period (months)",
        ),
        _spec(
            "gradual_exit.after_poverty_exit_months",
            kinds.integer(0, 60),
            "脱贫户的渐退期（月）",
            "gradual exit period after shaking off poverty (months)",
        ),
        _spec(
            "gradual_exit.after_poverty_exit_within_years",
            kinds.integer(0, 20),
            "脱贫后几年内适用脱贫户渐退期",
            "years after a poverty exit that period applies",
        ),
        _spec(
            "gradual_exit.requires_employment",
            kinds.boolean,
            "渐退是否要求有成员就业",
            "gradual exit only when a member works",
        ),
        _spec(
            "gradual_exit.suspended",
            kinds.date_ranges,
            "暂停低保退出的期间",
            "periods when removals from Dibao are suspended",
        ),
        _spec(
            "special_hardship.elderly_age",
            kinds.integer(50, 80),
            "特困老年人年龄（周岁）",
            "elderly age for special hardship",
        ),
        _spec(
            "special_hardship.minor_age",
            kinds.integer(14, 18),
            "特困未成年人年龄上限（周岁）",
            "age below which a person is a minor for special hardship",
        ),
        _spec(
            "special_hardship.disability_grades",
            kinds.code_map(DisabilityType, _GRADE),
            "视为无劳动能力的残疾类别及等级（填最大等级数）",
            "disabilities counted as no capacity to work, up to grade",
        ),
        _spec(
            "special_hardship.standard_multiple",
            _MULTIPLE,
            "特困基本生活标准（低保标准的倍数）",
            "basic living standard (multiple of the Dibao standard)",
        ),
        _spec(
            "special_hardship.care_allowance.full_loss",
            kinds.money,
            "全自理能力丧失的照料护理补贴（元/月）",
            "care allowance, full loss (yuan/month)",
        ),
        _spec(
            "special_hardship.care_allowance.partial_loss",
            kinds.money,
            "部分丧失自理能力的照料护理补贴（元/月）",
            "care allowance, partial loss (yuan/month)",
        ),
        _spec(
            "special_hardship.full_loss_activities",
            kinds.integer(1, 6),
            "不能自理的日常活动达几项为全失能",
            "activities impossible counted as full loss",
        ),
        _spec(
            "special_hardship.supporter_inability_reasons",
            kinds.codes(SupporterInability),
            "视为无履行义务能力的情形",
            "reasons a legal supporter counts as unable",
        ),
        _spec(
            "temporary_assistance.township_limit",
            kinds.money,
            "乡镇（街道）审批额度（元）",
            "township approval limit (yuan)",
        ),
        _spec(
            "temporary_assistance.non_local_allowed",
            kinds.boolean,
            "是否救助非本地户籍人员",
            "non-local people are helped",
        ),
        _spec(
            "temporary_assistance.within_days",
            kinds.integer(1, 3650),
            "急难发生后多少天内可申请",
            "days after the emergency that it counts",
        ),
        _spec(
            "temporary_assistance.amounts",
            kinds.code_map(EmergencyKind, structures.aid_amount),
            "各类急难的救助金额",
            "amounts by kind of emergency",
        ),
        _spec(
            "price_subsidy.cpi_threshold",
            _PERCENT,
            "启动条件：CPI同比涨幅（%）",
            "trigger: CPI year on year (%)",
        ),
        _spec(
            "price_subsidy.food_cpi_threshold",
            _PERCENT,
            "启动条件：食品CPI同比涨幅（%）",
            "trigger: food CPI year on year (%)",
        ),
        _spec(
            "price_subsidy.method",
            kinds.choice(*PRICE_METHODS),
            "价格临时补贴计算方式",
            "how the price subsidy is computed",
        ),
        _spec(
            "price_subsidy.fixed_per_person",
            kinds.money,
            "每人每月固定补贴（元）",
            "fixed amount per person per month (yuan)",
        ),
        _spec(
            "price_subsidy.floor",
            kinds.money,
            "每人每月补贴最低额（元）",
            "floor per person per month (yuan)",
        ),
        _spec(
            "price_subsidy.multiplier",
            kinds.decimal(Decimal(0), Decimal(10)),
            "补贴标准倍数",
            "multiplier of the subsidy",
        ),
        _spec("price_subsidy.groups", kinds.codes(PriceGroup), "保障范围", "groups covered"),
        _spec(
            "price_subsidy.cpi",
            kinds.month_series,
            "月度CPI同比涨幅（%）",
            "monthly CPI, year on year (%)",
        ),
        _spec(
            "price_subsidy.food_cpi",
            kinds.month_series,
            "月度食品CPI同比涨幅（%）",
            "monthly food CPI, year on year (%)",
        ),
        _spec(
            "epidemic_relief.urban",
            kinds.money,
            "城市困难群众一次性生活物资救助（元/人）",
            "one-off relief, urban (yuan per person)",
        ),
        _spec(
            "epidemic_relief.rural",
            kinds.money,
            "农村困难群众一次性生活物资救助（元/人）",
            "one-off relief, rural (yuan per person)",
        ),
        _spec(
            "epidemic_relief.areas",
            kinds.region_prefixes,
            "一次性救助的地区（区划代码）",
            "areas of the one-off relief (region codes)",
        ),
    )
}
