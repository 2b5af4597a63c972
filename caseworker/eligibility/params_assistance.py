"""The parameters of the other assistance: special hardship support, temporary
assistance, the temporary price subsidy and the one-off epidemic relief."""

from caseworker.domain.codes import EmergencyKind, SupporterInability
from caseworker.domain.evidence import EvidenceKind
from caseworker.eligibility import kinds, structures
from caseworker.eligibility.param_codes import PriceGroup, PriceMethod
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

# Special hardship support (特困人员救助供养).
SPECIAL_HARDSHIP: tuple[Row, ...] = (
    (
        "special_hardship.evidence_required",
        codes(EvidenceKind),
        "特困供养申请须附的证明材料",
        "evidence an application for special hardship support needs",
        Unit.NONE,
    ),
    (
        "special_hardship.elderly_age",
        whole(50, 80),
        "特困老年人年龄",
        "elderly age for special hardship",
        Unit.YEARS_OF_AGE,
    ),
    (
        "special_hardship.minor_age",
        whole(14, 18),
        "未成年人年龄（未满）",
        "minors are under",
        Unit.YEARS_OF_AGE,
    ),
    (
        "special_hardship.disability_grades",
        DISABILITY_GRADES,
        "视为无劳动能力的残疾类别和等级",
        "disabilities counted as no capacity to work, by grade",
        Unit.NONE,
    ),
    (
        "special_hardship.standard_multiple",
        number(1, 10),
        "特困人员基本生活标准",
        "basic living standard",
        Unit.TIMES_STANDARD,
    ),
    (
        "special_hardship.care_allowance.full_loss",
        money(),
        "全失能人员照料护理补贴",
        "care allowance, self-care fully lost",
        Unit.YUAN_PER_PERSON_MONTH,
    ),
    (
        "special_hardship.care_allowance.partial_loss",
        money(),
        "半失能人员照料护理补贴",
        "care allowance, self-care partly lost",
        Unit.YUAN_PER_PERSON_MONTH,
    ),
    (
        "special_hardship.full_loss_activities",
        whole(1, 6),
        "6项日常活动中不能自理几项为全失能",
        "of the 6 daily activities, not managed for full loss",
        Unit.ACTIVITIES,
    ),
    (
        "special_hardship.supporter_inability_reasons",
        codes(SupporterInability),
        "视为义务人无履行义务能力的情形",
        "when a legal supporter counts as unable",
        Unit.NONE,
    ),
)

# Temporary assistance (临时救助).
TEMPORARY_ASSISTANCE: tuple[Row, ...] = (
    (
        "temporary_assistance.evidence_required",
        codes(EvidenceKind),
        "临时救助申请须附的证明材料",
        "evidence an application for temporary assistance needs",
        Unit.NONE,
    ),
    (
        "temporary_assistance.township_limit",
        money(),
        "乡镇（街道）审批额度",
        "township approval limit",
        Unit.YUAN,
    ),
    (
        "temporary_assistance.non_local_allowed",
        yes_no(),
        "救助非本地户籍人员",
        "people without local hukou are helped",
        Unit.NONE,
    ),
    (
        "temporary_assistance.within_days",
        whole(1, 3650),
        "急难发生后可申请的期限",
        "time after the emergency to apply",
        Unit.DAYS,
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
        Unit.NONE,
    ),
)

# The temporary price subsidy (价格临时补贴).
PRICE_SUBSIDY: tuple[Row, ...] = (
    (
        "price_subsidy.cpi_threshold",
        number(0, 100),
        "启动条件：CPI同比涨幅达到",
        "starts when CPI year on year reaches",
        Unit.PERCENT,
    ),
    (
        "price_subsidy.food_cpi_threshold",
        number(0, 100),
        "启动条件：食品CPI同比涨幅达到",
        "starts when food CPI year on year reaches",
        Unit.PERCENT,
    ),
    (
        "price_subsidy.method",
        one_of(PriceMethod),
        "价格临时补贴计算方式",
        "how the price subsidy is computed",
        Unit.NONE,
    ),
    (
        "price_subsidy.fixed_per_person",
        money(),
        "每人每月固定补贴",
        "fixed amount per person per month",
        Unit.YUAN_PER_PERSON_MONTH,
    ),
    (
        "price_subsidy.floor",
        money(),
        "每人每月补贴最低额",
        "at least per person per month",
        Unit.YUAN_PER_PERSON_MONTH,
    ),
    (
        "price_subsidy.multiplier",
        number(0, 10),
        "补贴标准倍数",
        "multiple of the subsidy",
        Unit.TIMES,
    ),
    (
        "price_subsidy.groups",
        codes(PriceGroup),
        "保障范围",
        "groups covered",
        Unit.NONE,
    ),
    (
        "price_subsidy.cpi",
        ValueType(Kind.MONTH_SERIES, kinds.month_series),
        "月度CPI同比涨幅",
        "monthly CPI, year on year",
        Unit.PERCENT,
    ),
    (
        "price_subsidy.food_cpi",
        ValueType(Kind.MONTH_SERIES, kinds.month_series),
        "月度食品CPI同比涨幅",
        "monthly food CPI, year on year",
        Unit.PERCENT,
    ),
)

# The one-off epidemic relief (一次性生活物资救助).
EPIDEMIC_RELIEF: tuple[Row, ...] = (
    (
        "epidemic_relief.urban",
        money(),
        "城市困难群众一次性生活物资救助",
        "one-off relief, urban",
        Unit.YUAN_PER_PERSON,
    ),
    (
        "epidemic_relief.rural",
        money(),
        "农村困难群众一次性生活物资救助",
        "one-off relief, rural",
        Unit.YUAN_PER_PERSON,
    ),
    (
        "epidemic_relief.areas",
        ValueType(Kind.REGIONS, kinds.region_prefixes),
        "发放地区",
        "areas of the one-off relief",
        Unit.NONE,
    ),
)
