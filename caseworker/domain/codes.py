"""The coded values households are recorded with, each with its Chinese and English label.

Codes are what the store, the interchange format and the wire carry; labels are what a
person reads on a form or in an error message.
"""

from enum import StrEnum
from typing import Any, Self


class LabelledCode(StrEnum):
    """A string enum whose members carry a Chinese (``zh``) and English (``en``) label."""

    zh: str
    en: str

    def __new__(cls, value: str, zh: str = "", en: str = "") -> Self:
        member = str.__new__(cls, value)
        member._value_ = value
        member.zh = zh
        member.en = en
        return member

    @classmethod
    def parse(cls, value: Any) -> Self | None:
        """The member for ``value``, or None when it is not one of the codes."""
        try:
            return cls._value2member_map_.get(value)  # type: ignore[return-value]
        except TypeError:  # unhashable, e.g. a list
            return None

    @classmethod
    def choices(cls) -> str:
        """The codes, for an error message."""
        return ", ".join(m.value for m in cls)


class Hukou(LabelledCode):
    RURAL = "rural", "农村户籍", "rural hukou"
    URBAN = "urban", "城镇户籍", "urban hukou"


class Relation(LabelledCode):
    HEAD = "head", "户主", "head of household"
    SPOUSE = "spouse", "配偶", "spouse"
    CHILD = "child", "子女", "child"
    PARENT = "parent", "父母", "parent"
    GRANDCHILD = "grandchild", "孙子女", "grandchild"
    SIBLING = "sibling", "兄弟姐妹", "sibling"
    OTHER = "other", "其他", "other"


class LaborCapacity(LabelledCode):
    FULL = "full", "有劳动能力", "able to work"
    PARTIAL = "partial", "部分丧失劳动能力", "partly able to work"
    NONE = "none", "无劳动能力", "unable to work"


class DisabilityType(LabelledCode):
    NONE = "none", "无残疾", "no disability"
    PHYSICAL = "physical", "肢体残疾", "physical"
    VISUAL = "visual", "视力残疾", "visual"
    HEARING = "hearing", "听力残疾", "hearing"
    SPEECH = "speech", "言语残疾", "speech"
    INTELLECTUAL = "intellectual", "智力残疾", "intellectual"
    MENTAL = "mental", "精神残疾", "mental"
    MULTIPLE = "multiple", "多重残疾", "multiple"


class Employment(LabelledCode):
    FARMING = "farming", "务农", "farming"
    LOCAL_WORK = "local_work", "本地务工", "working locally"
    MIGRANT_WORK = "migrant_work", "外出务工", "migrant work"
    SELF_EMPLOYED = "self_employed", "个体经营", "self-employed"
    EMPLOYED = "employed", "单位就业", "employed"
    UNEMPLOYED = "unemployed", "失业", "unemployed"
    STUDENT = "student", "在校学生", "student"
    RETIRED = "retired", "退休", "retired"
    PRESCHOOL = "preschool", "学龄前", "pre-school child"
    UNABLE = "unable", "无业（无劳动能力）", "not working (unable)"


class IncomeKind(LabelledCode):
    WAGE = "wage", "工资性收入", "wages"
    FARMING = "farming", "种养殖净收入", "net farming income"
    BUSINESS = "business", "经营净收入", "net business income"
    PROPERTY = "property", "财产净收入", "net property income"
    SUPPORT_PAYMENT = "support_payment", "赡养（抚养、扶养）费", "support payments"
    PENSION = "pension", "养老金、退休金", "pension"
    BASIC_PENSION_RURAL = (
        "basic_pension_rural",
        "城乡居民基础养老金",
        "central basic pension for rural and urban residents",
    )
    UNEMPLOYMENT_INSURANCE = "unemployment_insurance", "失业保险金", "unemployment insurance"
    PREFERENTIAL_CARE = (
        "preferential_care",
        "优抚金、抚恤金",
        "preferential-care / survivor payments",
    )
    FAMILY_PLANNING_AWARD = "family_planning_award", "计划生育奖励扶助金", "family-planning award"
    SCHOLARSHIP = "scholarship", "奖学金、助学金", "scholarship"
    BRAVERY_AWARD = "bravery_award", "见义勇为奖励", "bravery award"
    SOCIAL_ASSISTANCE = "social_assistance", "社会救助金", "social assistance payments"
    OTHER_TRANSFER = "other_transfer", "其他转移性收入", "other transfers"
    OTHER = "other", "其他收入", "other income"


class AssetKind(LabelledCode):
    DEPOSIT = "deposit", "存款", "bank deposits"
    SECURITIES = "securities", "有价证券", "securities"
    VEHICLE = "vehicle", "机动车辆", "motor vehicle"
    LIVELIHOOD_VEHICLE = "livelihood_vehicle", "唯一生计车辆", "vehicle that is the only livelihood"
    DISABILITY_VEHICLE = "disability_vehicle", "残疾人代步车", "disability vehicle"
    HOUSE = "house", "住房", "house"
    COMMERCIAL_PROPERTY = "commercial_property", "商铺、厂房等非住宅", "commercial property"
    COMPANY = "company", "开办或投资企业", "company owned or run"
    MACHINERY = "machinery", "农业机械", "farm machinery"
    LIVESTOCK = "livestock", "牲畜", "livestock"
    OTHER = "other", "其他财产", "other property"


class ExpenseKind(LabelledCode):
    MEDICAL = "medical", "医疗支出", "medical costs"
    EDUCATION = "education", "教育支出", "education costs"
    DISABILITY_CARE = "disability_care", "残疾康复护理支出", "disability care costs"
    DISASTER = "disaster", "灾害损失", "disaster losses"
    FUNERAL = "funeral", "丧葬支出", "funeral costs"
    OTHER = "other", "其他支出", "other costs"


class SupporterRelation(LabelledCode):
    SPOUSE = "spouse", "配偶", "spouse"
    CHILD = "child", "子女", "child"
    PARENT = "parent", "父母", "parent"
    GRANDCHILD = "grandchild", "孙子女、外孙子女", "grandchild"
    GRANDPARENT = "grandparent", "祖父母、外祖父母", "grandparent"
    SIBLING = "sibling", "兄弟姐妹", "sibling"
    OTHER = "other", "其他", "other"


class SupporterInability(LabelledCode):
    """Why a legal supporter cannot perform the duty of support (domain brief, 特困)."""

    SPECIAL_HARDSHIP = "special_hardship", "本人是特困人员", "is a special-hardship person"
    DIBAO_AGED_60 = "dibao_aged_60", "60周岁以上的低保对象", "Dibao recipient aged 60 or over"
    AGED_70_LOW_INCOME = "aged_70_low_income", "70周岁以上且收入低", "aged 70 or over, low income"
    SEVERELY_DISABLED_LOW_INCOME = (
        "severely_disabled_low_income",
        "重度残疾且收入低",
        "severely disabled, low income",
    )
    MISSING = "missing", "下落不明", "missing"
    IN_PRISON = "in_prison", "服刑", "in prison"
    OTHER = "other", "其他原因", "other reason"


class PoorStatus(LabelledCode):
    NONE = "none", "非建档立卡户", "never a registered-poor household"
    REGISTERED = "registered", "建档立卡贫困户", "registered-poor household"
    EXITED = "exited", "已脱贫", "has shaken off poverty"


class Program(LabelledCode):
    DIBAO = "dibao", "最低生活保障", "minimum living allowance (Dibao)"
    DIBAO_SINGLE_PERSON = "dibao_single_person", "单人户施保", "single-person Dibao inclusion"
    MARGINAL = "marginal", "低保边缘家庭", "marginal low-income family"
    DIBAO_GRADUAL_EXIT = "dibao_gradual_exit", "低保渐退", "Dibao gradual exit"
    SPECIAL_HARDSHIP = "special_hardship", "特困人员救助供养", "special hardship support"
    TEMPORARY_ASSISTANCE = "temporary_assistance", "临时救助", "temporary assistance"
    PRICE_SUBSIDY = "price_subsidy", "价格临时补贴", "temporary price subsidy"
    EPIDEMIC_RELIEF = "epidemic_relief", "疫情生活物资救助", "epidemic living-materials relief"


# Programs a household applies for; the others follow from a benefit or an area.
APPLICATION_PROGRAMS = frozenset(
    {
        Program.DIBAO,
        Program.DIBAO_SINGLE_PERSON,
        Program.SPECIAL_HARDSHIP,
        Program.TEMPORARY_ASSISTANCE,
    }
)


# Programs paid every month (an approval starts a benefit); the others are paid once.
MONTHLY_PROGRAMS = frozenset(
    {
        Program.DIBAO,
        Program.DIBAO_SINGLE_PERSON,
        Program.DIBAO_GRADUAL_EXIT,
        Program.SPECIAL_HARDSHIP,
    }
)


class DibaoCategory(LabelledCode):
    A = "A", "A类", "category A"
    B = "B", "B类", "category B"
    C = "C", "C类", "category C"


class CategoryCondition(LabelledCode):
    """What puts a Dibao household in a category (a pack's ``dibao.categories``)."""

    ALL_UNABLE_TO_WORK = "all_unable_to_work", "全家无劳动能力", "no member can work"
    ELDERLY_ALONE = "elderly_alone", "独居老人", "an elderly person living alone"
    SEVERE_DISABILITY = "severe_disability", "重度残疾", "a severe disability"
    SERIOUS_ILLNESS = "serious_illness", "重病", "a serious illness"
    OTHERWISE = "otherwise", "其他家庭", "any other household"


class EmergencyKind(LabelledCode):
    FIRE = "fire", "火灾", "fire"
    ACCIDENT = "accident", "意外事故", "accident"
    SUDDEN_ILLNESS = "sudden_illness", "突发重病", "sudden serious illness"
    STRANDED_EPIDEMIC = "stranded_epidemic", "因疫情滞留", "stranded by an epidemic"
    DISASTER = "disaster", "自然灾害", "natural disaster"
    DEATH_OF_EARNER = "death_of_earner", "家庭主要劳动力死亡", "death of the main earner"
    MEDICAL_EXPENSE = "medical_expense", "大额医疗支出", "large medical costs"
    EDUCATION_EXPENSE = "education_expense", "大额教育支出", "large school costs"
    OTHER = "other", "其他", "other"


class HardshipCause(LabelledCode):
    """Causes of hardship recorded on the household investigation form."""

    DISABILITY = "disability", "残疾", "disability"
    ILLNESS = "illness", "疾病", "illness"
    ELDERLY_ALONE = "elderly_alone", "老年独居", "elderly living alone"
    ORPHAN = "orphan", "孤儿或无人抚养", "orphan or unsupported child"
    LACK_OF_LABOUR = "lack_of_labour", "缺少劳动力", "lack of labour"
    DISASTER = "disaster", "自然灾害", "natural disaster"
    ACCIDENT = "accident", "意外事故", "accident"
    SCHOOLING = "schooling", "因学", "school costs"
    UNEMPLOYMENT = "unemployment", "失业", "unemployment"
    EPIDEMIC = "epidemic", "疫情影响", "epidemic"
    OTHER = "other", "其他", "other"


class HousingStructure(LabelledCode):
    """How a house is built, as the investigation form records it."""

    BRICK_CONCRETE = "brick_concrete", "砖混结构", "brick and concrete"
    BRICK_WOOD = "brick_wood", "砖木结构", "brick and wood"
    EARTH_WOOD = "earth_wood", "土木结构", "earth and wood"
    ADOBE = "adobe", "土坯房", "adobe"
    REINFORCED_CONCRETE = "reinforced_concrete", "钢混楼房", "reinforced concrete"
    OTHER = "other", "其他结构", "other"


class HousingCondition(LabelledCode):
    GOOD = "good", "良好", "good"
    FAIR = "fair", "一般", "fair"
    POOR = "poor", "较差", "poor"
    DANGEROUS = "dangerous", "危房", "dangerous (危房)"


class LivestockKind(LabelledCode):
    CATTLE = "cattle", "牛", "cattle"
    SHEEP = "sheep", "羊", "sheep and goats"
    PIGS = "pigs", "猪", "pigs"
    POULTRY = "poultry", "家禽", "poultry"
    OTHER = "other", "其他牲畜", "other livestock"


class VehicleKind(LabelledCode):
    """Vehicles and farm machines seen at a visit."""

    CAR = "car", "小汽车", "cars"
    MOTORCYCLE = "motorcycle", "摩托车", "motorcycles"
    TRICYCLE = "tricycle", "三轮车", "tricycles"
    TRACTOR = "tractor", "拖拉机", "tractors"
    HARVESTER = "harvester", "收割机", "harvesters"
    OTHER_MACHINE = "other_machine", "其他农机", "other farm machines"


# The Chinese measure word a count of each kind is written with ("牛2头", "三轮车1辆").
MEASURE_WORDS: dict[str, str] = {
    LivestockKind.CATTLE: "头",
    LivestockKind.SHEEP: "只",
    LivestockKind.PIGS: "头",
    LivestockKind.POULTRY: "只",
    LivestockKind.OTHER: "头",
    VehicleKind.CAR: "辆",
    VehicleKind.MOTORCYCLE: "辆",
    VehicleKind.TRICYCLE: "辆",
    VehicleKind.TRACTOR: "台",
    VehicleKind.HARVESTER: "台",
    VehicleKind.OTHER_MACHINE: "台",
}


class VisitPurpose(LabelledCode):
    APPLICATION = "application", "申请调查", "investigation of an application"
    REVIEW = "review", "定期复核", "periodic review"
    SPOT_CHECK = "spot_check", "抽查", "spot check"
    DISCOVERY = "discovery", "主动发现", "outreach"
    FOLLOW_UP = "follow_up", "回访", "follow-up"


class Stage(LabelledCode):
    """Procedure stages of an application (2021 rules), in order. A review (复核) of a
    benefit goes through the same stages from REVIEW and ends with the county's decision
    to change the amount or to stop the benefit."""

    APPLIED = "applied", "提出申请", "applied"
    REVIEW = "review", "发起复核", "review started"
    INVESTIGATION = "investigation", "入户调查", "investigation"
    APPRAISAL = "appraisal", "民主评议", "democratic appraisal"
    TOWNSHIP_REVIEW = "township_review", "乡镇审核", "township review"
    PUBLICITY = "publicity", "公示", "publicity"
    COUNTY_DECISION = "county_decision", "县级审批", "county decision"
    APPROVED = "approved", "批准", "approved"
    REFUSED = "refused", "不予批准", "refused"
    WITHDRAWN = "withdrawn", "撤回", "withdrawn"
    CHANGED = "changed", "决定变更金额", "amount changed"
    STOPPED = "stopped", "决定停止保障", "benefit stopped"


class AppraisalOutcome(LabelledCode):
    """What a democratic appraisal (民主评议) concluded about an application."""

    PASSED = "passed", "通过", "passed"
    NOT_PASSED = "not_passed", "未通过", "not passed"


FINAL_STAGES = frozenset(
    {Stage.APPROVED, Stage.REFUSED, Stage.WITHDRAWN, Stage.CHANGED, Stage.STOPPED}
)


class Sex(LabelledCode):
    MALE = "male", "男", "male"
    FEMALE = "female", "女", "female"


class WorkerRole(LabelledCode):
    VILLAGE = "village", "村级社会救助专干", "village specialist"
    TOWNSHIP = "township", "乡镇民政干部", "township officer"
    COUNTY = "county", "县级民政干部", "county officer"


class RegionLevel(LabelledCode):
    COUNTY = "county", "县（区）", "county"
    TOWNSHIP = "township", "乡镇（街道）", "township"
    VILLAGE = "village", "村（社区）", "village"


REGION_CODE_LENGTH = {RegionLevel.COUNTY: 6, RegionLevel.TOWNSHIP: 9, RegionLevel.VILLAGE: 12}
