"""Every policy parameter a pack may set: its dotted name, its kind of value, its names
in Chinese and English, its unit and the program it belongs to.

This is the one table of parameters. A name not listed here is an error in a pack; the
Policy page, what-if and printing read the names, units and kinds from here (the words for
a value are made by ``parameter_words``). Structured values (Dibao categories,
temporary-assistance amounts) are parsed into the small frozen types of ``structures``.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from caseworker.domain.codes import (
    DisabilityType,
    EmergencyKind,
    IncomeKind,
    LabelledCode,
    Program,
    SupporterInability,
)
from caseworker.domain.evidence import EvidenceKind
from caseworker.eligibility import kinds, structures
from caseworker.eligibility.kinds import Parser


class Rounding(LabelledCode):
    """How amounts are rounded (``amounts.rounding``)."""

    FEN = "fen", "按分计（四舍五入）", "to the fen (half up)"
    YUAN_HALF_UP = "yuan_half_up", "按元四舍五入", "to the yuan, half up"
    YUAN_UP = "yuan_up", "按元向上取整", "up to the next yuan"
    YUAN_DOWN = "yuan_down", "按元向下取整", "down to the yuan"


class DibaoMethod(LabelledCode):
    """How the monthly Dibao amount is computed (``dibao.method``)."""

    GAP = "gap", "补差发放（低保标准减家庭人均收入）", "the gap (standard minus income per person)"
    TIERED = "tiered", "按类别分档发放", "a fixed amount by category"


class PriceMethod(LabelledCode):
    """How the temporary price subsidy is computed (``price_subsidy.method``)."""

    STANDARD_TIMES_RISE = (
        "standard_times_rise",
        "低保标准×物价涨幅",
        "the Dibao standard times the price rise",
    )
    FIXED_PER_PERSON = "fixed_per_person", "每人固定金额", "a fixed amount per person"


ROUNDING = tuple(m.value for m in Rounding)
DIBAO_METHODS = tuple(m.value for m in DibaoMethod)
PRICE_METHODS = tuple(m.value for m in PriceMethod)


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


class Unit(LabelledCode):
    """The unit a parameter's value is in. ``NONE`` says so explicitly: the value is words
    (a yes or no, a list, a rule) and carries no unit of its own."""

    NONE = "none", "", ""
    YUAN = "yuan", "元", "yuan"
    YUAN_PER_PERSON = "yuan_per_person", "元/人", "yuan per person"
    YUAN_PER_PERSON_MONTH = "yuan_per_person_month", "元/人·月", "yuan per person per month"
    TIMES = "times", "倍", "times"
    TIMES_STANDARD = "times_standard", "倍低保标准", "times the Dibao standard"
    PERCENT = "percent", "%", "%"
    YEARS_OF_AGE = "years_of_age", "周岁", "years of age"
    YEARS = "years", "年", "years"
    MONTHS = "months", "个月", "months"
    DAYS = "days", "天", "days"
    VEHICLES = "vehicles", "辆", "vehicle(s)"
    HOUSES = "houses", "套", "house(s)"
    ACTIVITIES = "activities", "项", "activities"
    MEGABYTES = "megabytes", "MB", "MB"
    PIXELS = "pixels", "像素", "pixels"
    OF_100 = "of_100", "（满分100）", "(of 100)"


class Kind(StrEnum):
    """What kind of value a parameter takes: how it is said in words and edited."""

    MONEY = "money"  # an amount of yuan
    NUMBER = "number"  # an exact decimal (a multiple, a percentage)
    WHOLE = "whole"  # a whole number (an age, a count of months)
    YES_NO = "yes_no"
    ONE_OF = "one_of"  # one code of ``options``
    CODES = "codes"  # a set of codes of ``options``
    TEXTS = "texts"  # a list of words (illness keywords)
    REGIONS = "regions"  # region codes or their leading digits
    GRADES = "grades"  # disability type -> up to which grade
    CATEGORIES = "categories"  # Dibao category rules
    AID_AMOUNTS = "aid_amounts"  # temporary assistance by kind of emergency
    DISREGARDS = "disregards"  # income partly or not counted, by kind and member
    DATE_RANGES = "date_ranges"
    MONTH_SERIES = "month_series"  # a figure per month


@dataclass(frozen=True, slots=True)
class ValueType:
    """A kind of value with its parser; the codes it chooses from and its bounds, when the
    kind has them (an editor offers exactly these)."""

    kind: Kind
    parse: Parser
    options: type[LabelledCode] | None = None
    low: Decimal | None = None
    high: Decimal | None = None


def _money() -> ValueType:
    return ValueType(Kind.MONEY, kinds.money)


def _number(low: int, high: int) -> ValueType:
    lo, hi = Decimal(low), Decimal(high)
    return ValueType(Kind.NUMBER, kinds.decimal(lo, hi), low=lo, high=hi)


def _whole(low: int, high: int) -> ValueType:
    return ValueType(Kind.WHOLE, kinds.integer(low, high), low=Decimal(low), high=Decimal(high))


def _yes_no() -> ValueType:
    return ValueType(Kind.YES_NO, kinds.boolean)


def _one_of(options: type[LabelledCode]) -> ValueType:
    return ValueType(Kind.ONE_OF, kinds.choice(*(m.value for m in options)), options)


def _codes(options: type[LabelledCode]) -> ValueType:
    return ValueType(Kind.CODES, kinds.codes(options), options)


_GRADES = ValueType(
    Kind.GRADES, kinds.code_map(DisabilityType, kinds.integer(1, 4)), DisabilityType
)


@dataclass(frozen=True, slots=True)
class ParamSpec:
    """One parameter: its dotted name (the key in a pack), its kind of value, what it is
    called in Chinese and English, its unit and its program (None: general)."""

    name: str
    value: ValueType
    zh: str
    en: str
    unit: Unit
    program: Program | None

    @property
    def parse(self) -> Parser:
        return self.value.parse

    @property
    def kind(self) -> Kind:
        return self.value.kind


Row = tuple[str, ValueType, str, str, Unit]


def _table(groups: Sequence[tuple[Program | None, Sequence[Row]]]) -> dict[str, ParamSpec]:
    return {
        name: ParamSpec(name, value, zh, en, unit, program)
        for program, rows in groups
        for name, value, zh, en, unit in rows
    }


_U = Unit
# The order here is the order the Policy page lists them in, program by program.
SPECS: Mapping[str, ParamSpec] = _table(
    (
        (
            None,
            (
                (
                    "amounts.rounding",
                    _one_of(Rounding),
                    "金额取整方式",
                    "rounding of amounts",
                    _U.NONE,
                ),
                (
                    "procedure.appraisal_required",
                    _yes_no(),
                    "每件申请都须经民主评议",
                    "every application goes through a democratic appraisal",
                    _U.NONE,
                ),
                (
                    "reviews.dibao_stable_months",
                    _whole(1, 60),
                    "收入稳定的低保家庭的复核周期",
                    "review cycle of Dibao households with steady income",
                    _U.MONTHS,
                ),
                (
                    "reviews.dibao_changeable_months",
                    _whole(1, 60),
                    "有劳动能力或收入不固定的低保家庭的复核周期",
                    "review cycle of Dibao households able to work or with irregular income",
                    _U.MONTHS,
                ),
                (
                    "reviews.special_hardship_months",
                    _whole(1, 60),
                    "特困人员的复核周期",
                    "review cycle of special-hardship persons",
                    _U.MONTHS,
                ),
                (
                    "reviews.suspended",
                    ValueType(Kind.DATE_RANGES, kinds.date_ranges),
                    "暂停复核的期间",
                    "periods when reviews are suspended",
                    _U.NONE,
                ),
                (
                    "evidence.max_file_mb",
                    _whole(1, 200),
                    "每份证明材料文件的大小上限",
                    "largest file of evidence",
                    _U.MEGABYTES,
                ),
                (
                    "evidence.photo_long_side",
                    _whole(800, 8000),
                    "证明材料照片长边缩小到",
                    "photos of evidence brought down to a long side of",
                    _U.PIXELS,
                ),
                (
                    "evidence.jpeg_quality",
                    _whole(50, 95),
                    "证明材料照片的保存质量（JPEG）",
                    "quality photos of evidence are kept at (JPEG)",
                    _U.OF_100,
                ),
                (
                    "evidence.keep_gps",
                    _yes_no(),
                    "照片保留拍摄地点（GPS）",
                    "photos keep where they were taken (GPS)",
                    _U.NONE,
                ),
            ),
        ),
        (
            Program.DIBAO,
            (
                (
                    "dibao.evidence_required",
                    _codes(EvidenceKind),
                    "低保申请须附的证明材料",
                    "evidence an application for Dibao needs",
                    _U.NONE,
                ),
                (
                    "dibao.standard.rural",
                    _money(),
                    "农村低保标准",
                    "rural Dibao standard",
                    _U.YUAN_PER_PERSON_MONTH,
                ),
                (
                    "dibao.standard.urban",
                    _money(),
                    "城市低保标准",
                    "urban Dibao standard",
                    _U.YUAN_PER_PERSON_MONTH,
                ),
                (
                    "dibao.method",
                    _one_of(DibaoMethod),
                    "低保金计算方式",
                    "how the Dibao amount is computed",
                    _U.NONE,
                ),
                (
                    "dibao.categories",
                    ValueType(Kind.CATEGORIES, structures.categories),
                    "分类施保",
                    "Dibao categories",
                    _U.NONE,
                ),
                (
                    "dibao.income.exempt_kinds",
                    _codes(IncomeKind),
                    "不计入家庭收入的项目",
                    "income not counted",
                    _U.NONE,
                ),
                (
                    "dibao.income.work_cost_deduction",
                    _money(),
                    "返岗就业成员扣减的必要就业成本",
                    "employment-cost deduction per member back at work",
                    _U.YUAN_PER_PERSON_MONTH,
                ),
                (
                    "dibao.income.disregards",
                    ValueType(Kind.DISREGARDS, structures.disregards),
                    "按收入类别和成员情况减免计算的收入",
                    "income partly or not counted, by kind and member",
                    _U.NONE,
                ),
                (
                    "dibao.income.deduct_illness_costs",
                    _yes_no(),
                    "扣减近12个月的医疗、残疾康复护理支出",
                    "deduct medical and disability-care costs of the last 12 months",
                    _U.NONE,
                ),
                (
                    "dibao.property.deposit_limit_per_person",
                    _money(),
                    "人均存款及有价证券上限",
                    "deposits and securities per person, at most",
                    _U.YUAN_PER_PERSON,
                ),
                (
                    "dibao.property.max_vehicles",
                    _whole(0, 10),
                    "允许的机动车辆数（不含残疾人代步车和唯一生计车辆）",
                    "vehicles allowed (not counting disability or sole-livelihood vehicles)",
                    _U.VEHICLES,
                ),
                (
                    "dibao.property.max_houses",
                    _whole(0, 10),
                    "允许的住房套数",
                    "houses allowed",
                    _U.HOUSES,
                ),
                (
                    "dibao.property.company_allowed",
                    _yes_no(),
                    "允许开办或投资企业",
                    "may own or run a company",
                    _U.NONE,
                ),
                (
                    "dibao.property.commercial_property_allowed",
                    _yes_no(),
                    "允许拥有商铺、厂房等非住宅",
                    "may own commercial property",
                    _U.NONE,
                ),
            ),
        ),
        (
            Program.DIBAO_SINGLE_PERSON,
            (
                (
                    "dibao.single_person.evidence_required",
                    _codes(EvidenceKind),
                    "单人户施保申请须附的证明材料",
                    "evidence an application for a single-person inclusion needs",
                    _U.NONE,
                ),
                (
                    "dibao.single_person.in_force",
                    _yes_no(),
                    "实行单人户施保",
                    "single-person inclusion in force",
                    _U.NONE,
                ),
                (
                    "dibao.single_person.income_multiple",
                    _number(1, 10),
                    "单人户施保的家庭人均收入上限",
                    "income limit per person for single-person inclusion",
                    _U.TIMES_STANDARD,
                ),
                (
                    "dibao.single_person.disability_grades",
                    _GRADES,
                    "可单人户施保的残疾类别和等级",
                    "disabilities that qualify, by grade",
                    _U.NONE,
                ),
                (
                    "dibao.single_person.illnesses",
                    ValueType(Kind.TEXTS, kinds.strings),
                    "可单人户施保的重病病种",
                    "serious illnesses that qualify",
                    _U.NONE,
                ),
            ),
        ),
        (
            Program.MARGINAL,
            (
                (
                    "marginal.evidence_required",
                    _codes(EvidenceKind),
                    "低保边缘家庭认定申请须附的证明材料",
                    "evidence an application for a marginal-family finding needs",
                    _U.NONE,
                ),
                (
                    "marginal.in_force",
                    _yes_no(),
                    "认定低保边缘家庭",
                    "marginal families recognised",
                    _U.NONE,
                ),
                (
                    "marginal.income_multiple",
                    _number(1, 10),
                    "低保边缘家庭人均收入上限",
                    "income limit per person of a marginal family",
                    _U.TIMES_STANDARD,
                ),
            ),
        ),
        (
            Program.DIBAO_GRADUAL_EXIT,
            (
                ("gradual_exit.months", _whole(0, 60), "渐退期", "gradual exit period", _U.MONTHS),
                (
                    "gradual_exit.after_poverty_exit_months",
                    _whole(0, 60),
                    "脱贫户的渐退期",
                    "gradual exit period after shaking off poverty",
                    _U.MONTHS,
                ),
                (
                    "gradual_exit.after_poverty_exit_within_years",
                    _whole(0, 20),
                    "脱贫后适用脱贫户渐退期的年限",
                    "years after shaking off poverty that period applies",
                    _U.YEARS,
                ),
                (
                    "gradual_exit.requires_employment",
                    _yes_no(),
                    "渐退须有家庭成员就业",
                    "gradual exit only when a member works",
                    _U.NONE,
                ),
                (
                    "gradual_exit.suspended",
                    ValueType(Kind.DATE_RANGES, kinds.date_ranges),
                    "暂停低保退出的期间",
                    "periods when removals from Dibao are suspended",
                    _U.NONE,
                ),
            ),
        ),
        (
            Program.SPECIAL_HARDSHIP,
            (
                (
                    "special_hardship.evidence_required",
                    _codes(EvidenceKind),
                    "特困供养申请须附的证明材料",
                    "evidence an application for special hardship support needs",
                    _U.NONE,
                ),
                (
                    "special_hardship.elderly_age",
                    _whole(50, 80),
                    "特困老年人年龄",
                    "elderly age for special hardship",
                    _U.YEARS_OF_AGE,
                ),
                (
                    "special_hardship.minor_age",
                    _whole(14, 18),
                    "未成年人年龄（未满）",
                    "minors are under",
                    _U.YEARS_OF_AGE,
                ),
                (
                    "special_hardship.disability_grades",
                    _GRADES,
                    "视为无劳动能力的残疾类别和等级",
                    "disabilities counted as no capacity to work, by grade",
                    _U.NONE,
                ),
                (
                    "special_hardship.standard_multiple",
                    _number(1, 10),
                    "特困人员基本生活标准",
                    "basic living standard",
                    _U.TIMES_STANDARD,
                ),
                (
                    "special_hardship.care_allowance.full_loss",
                    _money(),
                    "全失能人员照料护理补贴",
                    "care allowance, self-care fully lost",
                    _U.YUAN_PER_PERSON_MONTH,
                ),
                (
                    "special_hardship.care_allowance.partial_loss",
                    _money(),
                    "半失能人员照料护理补贴",
                    "care allowance, self-care partly lost",
                    _U.YUAN_PER_PERSON_MONTH,
                ),
                (
                    "special_hardship.full_loss_activities",
                    _whole(1, 6),
                    "6项日常活动中不能自理几项为全失能",
                    "of the 6 daily activities, not managed for full loss",
                    _U.ACTIVITIES,
                ),
                (
                    "special_hardship.supporter_inability_reasons",
                    _codes(SupporterInability),
                    "视为义务人无履行义务能力的情形",
                    "when a legal supporter counts as unable",
                    _U.NONE,
                ),
            ),
        ),
        (
            Program.TEMPORARY_ASSISTANCE,
            (
                (
                    "temporary_assistance.evidence_required",
                    _codes(EvidenceKind),
                    "临时救助申请须附的证明材料",
                    "evidence an application for temporary assistance needs",
                    _U.NONE,
                ),
                (
                    "temporary_assistance.township_limit",
                    _money(),
                    "乡镇（街道）审批额度",
                    "township approval limit",
                    _U.YUAN,
                ),
                (
                    "temporary_assistance.non_local_allowed",
                    _yes_no(),
                    "救助非本地户籍人员",
                    "people without local hukou are helped",
                    _U.NONE,
                ),
                (
                    "temporary_assistance.within_days",
                    _whole(1, 3650),
                    "急难发生后可申请的期限",
                    "time after the emergency to apply",
                    _U.DAYS,
                ),
                (
                    "temporary_assistance.amounts",
                    ValueType(
                        Kind.AID_AMOUNTS,
                        kinds.code_map(EmergencyKind, structures.aid_amount),
                        EmergencyKind,
                    ),
                    "各类急难的救助金额",
                    "amounts by kind of emergency",
                    _U.NONE,
                ),
            ),
        ),
        (
            Program.PRICE_SUBSIDY,
            (
                (
                    "price_subsidy.cpi_threshold",
                    _number(0, 100),
                    "启动条件：CPI同比涨幅达到",
                    "starts when CPI year on year reaches",
                    _U.PERCENT,
                ),
                (
                    "price_subsidy.food_cpi_threshold",
                    _number(0, 100),
                    "启动条件：食品CPI同比涨幅达到",
                    "starts when food CPI year on year reaches",
                    _U.PERCENT,
                ),
                (
                    "price_subsidy.method",
                    _one_of(PriceMethod),
                    "价格临时补贴计算方式",
                    "how the price subsidy is computed",
                    _U.NONE,
                ),
                (
                    "price_subsidy.fixed_per_person",
                    _money(),
                    "每人每月固定补贴",
                    "fixed amount per person per month",
                    _U.YUAN_PER_PERSON_MONTH,
                ),
                (
                    "price_subsidy.floor",
                    _money(),
                    "每人每月补贴最低额",
                    "at least per person per month",
                    _U.YUAN_PER_PERSON_MONTH,
                ),
                (
                    "price_subsidy.multiplier",
                    _number(0, 10),
                    "补贴标准倍数",
                    "multiple of the subsidy",
                    _U.TIMES,
                ),
                (
                    "price_subsidy.groups",
                    _codes(PriceGroup),
                    "保障范围",
                    "groups covered",
                    _U.NONE,
                ),
                (
                    "price_subsidy.cpi",
                    ValueType(Kind.MONTH_SERIES, kinds.month_series),
                    "月度CPI同比涨幅",
                    "monthly CPI, year on year",
                    _U.PERCENT,
                ),
                (
                    "price_subsidy.food_cpi",
                    ValueType(Kind.MONTH_SERIES, kinds.month_series),
                    "月度食品CPI同比涨幅",
                    "monthly food CPI, year on year",
                    _U.PERCENT,
                ),
            ),
        ),
        (
            Program.EPIDEMIC_RELIEF,
            (
                (
                    "epidemic_relief.urban",
                    _money(),
                    "城市困难群众一次性生活物资救助",
                    "one-off relief, urban",
                    _U.YUAN_PER_PERSON,
                ),
                (
                    "epidemic_relief.rural",
                    _money(),
                    "农村困难群众一次性生活物资救助",
                    "one-off relief, rural",
                    _U.YUAN_PER_PERSON,
                ),
                (
                    "epidemic_relief.areas",
                    ValueType(Kind.REGIONS, kinds.region_prefixes),
                    "发放地区",
                    "areas of the one-off relief",
                    _U.NONE,
                ),
            ),
        ),
    )
)
