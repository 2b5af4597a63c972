"""The parameters of Dibao and its routes: the Dibao standard, income and property
(``dibao.*``), the single-person route, marginal families and the gradual exit."""

from caseworker.domain.codes import IncomeKind
from caseworker.domain.evidence import EvidenceKind
from caseworker.eligibility import kinds, structures
from caseworker.eligibility.param_codes import DibaoMethod
from caseworker.eligibility.param_model import (
    DISABILITY_GRADES,
    Kind,
    Row,
    Unit,
    ValueType,
    codes,
    money,
    number,
    one_of,
    whole,
    yes_no,
)

# Dibao (最低生活保障).
DIBAO: tuple[Row, ...] = (
    (
        "dibao.evidence_required",
        codes(EvidenceKind),
        "低保申请须附的证明材料",
        "evidence an application for Dibao needs",
        Unit.NONE,
    ),
    (
        "dibao.standard.rural",
        money(),
        "农村低保标准",
        "rural Dibao standard",
        Unit.YUAN_PER_PERSON_MONTH,
    ),
    (
        "dibao.standard.urban",
        money(),
        "城市低保标准",
        "urban Dibao standard",
        Unit.YUAN_PER_PERSON_MONTH,
    ),
    (
        "dibao.method",
        one_of(DibaoMethod),
        "低保金计算方式",
        "how the Dibao amount is computed",
        Unit.NONE,
    ),
    (
        "dibao.categories",
        ValueType(Kind.CATEGORIES, structures.categories),
        "分类施保",
        "Dibao categories",
        Unit.NONE,
    ),
    (
        "dibao.income.exempt_kinds",
        codes(IncomeKind),
        "不计入家庭收入的项目",
        "income not counted",
        Unit.NONE,
    ),
    (
        "dibao.income.work_cost_deduction",
        money(),
        "返岗就业成员扣减的必要就业成本",
        "employment-cost deduction per member back at work",
        Unit.YUAN_PER_PERSON_MONTH,
    ),
    (
        "dibao.income.disregards",
        ValueType(Kind.DISREGARDS, structures.disregards),
        "按收入类别和成员情况减免计算的收入",
        "income partly or not counted, by kind and member",
        Unit.NONE,
    ),
    (
        "dibao.income.deduct_illness_costs",
        yes_no(),
        "扣减近12个月的医疗、残疾康复护理支出",
        "deduct medical and disability-care costs of the last 12 months",
        Unit.NONE,
    ),
    (
        "dibao.property.deposit_limit_per_person",
        money(),
        "人均存款及有价证券上限",
        "deposits and securities per person, at most",
        Unit.YUAN_PER_PERSON,
    ),
    (
        "dibao.property.max_vehicles",
        whole(0, 10),
        "允许的机动车辆数（不含残疾人代步车和唯一生计车辆）",
        "vehicles allowed (not counting disability or sole-livelihood vehicles)",
        Unit.VEHICLES,
    ),
    (
        "dibao.property.max_houses",
        whole(0, 10),
        "允许的住房套数",
        "houses allowed",
        Unit.HOUSES,
    ),
    (
        "dibao.property.company_allowed",
        yes_no(),
        "允许开办或投资企业",
        "may own or run a company",
        Unit.NONE,
    ),
    (
        "dibao.property.commercial_property_allowed",
        yes_no(),
        "允许拥有商铺、厂房等非住宅",
        "may own commercial property",
        Unit.NONE,
    ),
)

# The single-person route (单人户施保).
SINGLE_PERSON: tuple[Row, ...] = (
    (
        "dibao.single_person.evidence_required",
        codes(EvidenceKind),
        "单人户施保申请须附的证明材料",
        "evidence an application for a single-person inclusion needs",
        Unit.NONE,
    ),
    (
        "dibao.single_person.in_force",
        yes_no(),
        "实行单人户施保",
        "single-person inclusion in force",
        Unit.NONE,
    ),
    (
        "dibao.single_person.income_multiple",
        number(1, 10),
        "单人户施保的家庭人均收入上限",
        "income limit per person for single-person inclusion",
        Unit.TIMES_STANDARD,
    ),
    (
        "dibao.single_person.disability_grades",
        DISABILITY_GRADES,
        "可单人户施保的残疾类别和等级",
        "disabilities that qualify, by grade",
        Unit.NONE,
    ),
    (
        "dibao.single_person.illnesses",
        ValueType(Kind.TEXTS, kinds.strings),
        "可单人户施保的重病病种",
        "serious illnesses that qualify",
        Unit.NONE,
    ),
)

# Marginal families (低保边缘家庭).
MARGINAL: tuple[Row, ...] = (
    (
        "marginal.evidence_required",
        codes(EvidenceKind),
        "低保边缘家庭认定申请须附的证明材料",
        "evidence an application for a marginal-family finding needs",
        Unit.NONE,
    ),
    (
        "marginal.in_force",
        yes_no(),
        "认定低保边缘家庭",
        "marginal families recognised",
        Unit.NONE,
    ),
    (
        "marginal.income_multiple",
        number(1, 10),
        "低保边缘家庭人均收入上限",
        "income limit per person of a marginal family",
        Unit.TIMES_STANDARD,
    ),
)

# The gradual exit (低保渐退).
GRADUAL_EXIT: tuple[Row, ...] = (
    ("gradual_exit.months", whole(0, 60), "渐退期", "gradual exit period", Unit.MONTHS),
    (
        "gradual_exit.after_poverty_exit_months",
        whole(0, 60),
        "脱贫户的渐退期",
        "gradual exit period after shaking off poverty",
        Unit.MONTHS,
    ),
    (
        "gradual_exit.after_poverty_exit_within_years",
        whole(0, 20),
        "脱贫后适用脱贫户渐退期的年限",
        "years after shaking off poverty that period applies",
        Unit.YEARS,
    ),
    (
        "gradual_exit.requires_employment",
        yes_no(),
        "渐退须有家庭成员就业",
        "gradual exit only when a member works",
        Unit.NONE,
    ),
    (
        "gradual_exit.suspended",
        ValueType(Kind.DATE_RANGES, kinds.date_ranges),
        "暂停低保退出的期间",
        "periods when removals from Dibao are suspended",
        Unit.NONE,
    ),
)
