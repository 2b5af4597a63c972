"""Demo households modelled on the seed article's stories, dated relative to the demo day.

- 张学林, Zhongjie Village: a Dibao family of five (the doubled price subsidy).
- 陈宗良: registered-poor, just shaken off poverty, a son back at work (gradual exit).
- 朱国兵: lung cancer; family income above the standard (single-person inclusion).
- 张桂兰: a widow in her seventies whose husband and son died (Dibao A, temporary aid).
- 陈金松: a migrant family from elsewhere, stranded by the epidemic (temporary assistance).

The widow's application and the migrants' were investigated at home: their visits are
recorded as the visit form records them, signed by two investigators.
"""

import random
import uuid
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

from caseworker.demo.places import ZHONGJIE_VILLAGE
from caseworker.demo.visits import causes_of, incomes_of, property_notes_of
from caseworker.domain.codes import (
    AssetKind,
    DibaoCategory,
    DisabilityType,
    EmergencyKind,
    Employment,
    ExpenseKind,
    HousingCondition,
    HousingStructure,
    Hukou,
    IncomeKind,
    LaborCapacity,
    LivestockKind,
    PoorStatus,
    Program,
    Relation,
    Sex,
    Stage,
    VisitPurpose,
)
from caseworker.domain.records import (
    Application,
    Asset,
    Benefit,
    Disability,
    Emergency,
    Expense,
    Household,
    Housing,
    IncomeItem,
    Member,
    RegisteredPoor,
    StageEntry,
    Visit,
    VisitObservations,
)

if TYPE_CHECKING:
    from caseworker.demo.generator import DemoCounty


def _member(
    county: "DemoCounty",
    name: str,
    age: int,
    sex: Sex,
    relation: Relation,
    *,
    incomes: list[tuple[IncomeKind, int]],
    labor: LaborCapacity | None = None,
    employment: Employment = Employment.FARMING,
    illness: str = "",
    in_school: bool = False,
    returned_to_work: bool = False,
) -> Member:
    birth = county.birth(age)
    if labor is None:
        # A child under 16 is not of working age (the same rule as the generated people).
        labor = LaborCapacity.NONE if age < 16 else LaborCapacity.FULL
    return Member(
        id=county.uid(),
        name=name,
        id_number=county.id_number(birth, sex),
        relation=relation,
        birth_date=birth,
        sex=sex,
        labor_capacity=labor,
        disability=Disability(DisabilityType.NONE),
        serious_illness=illness,
        self_care_impossible=0,
        in_school=in_school,
        orphan=False,
        de_facto_unsupported_child=False,
        employment=employment,
        returned_to_work=returned_to_work,
        incomes=[IncomeItem(county.uid(), kind, yuan * 100) for kind, yuan in incomes],
    )


def _household(
    county: "DemoCounty", village: str, address: str, members: list[Member], **extra: object
) -> Household:
    household = Household(
        id=county.uid(),
        village_code=village,
        address=address,
        hukou=Hukou.RURAL,
        members=members,
        local_resident=True,
        registered_poor=RegisteredPoor(PoorStatus.NONE),
        cadre_relative=False,
        assets=[
            Asset(county.uid(), AssetKind.HOUSE, 6_000_000, 1),
            Asset(county.uid(), AssetKind.DEPOSIT, 200_000, 1),
        ],
        expenses=[],
        legal_supporters=[],
    )
    for key, value in extra.items():
        setattr(household, key, value)
    return household


def story_households(county: "DemoCounty") -> list[Household]:
    """The five story households, in the order of the article."""
    as_of = county.as_of
    month_start = as_of.replace(day=1)
    w, m, ch, sp = IncomeKind.WAGE, Sex.MALE, Relation.CHILD, Relation.SPOUSE
    zhang = _household(
        county,
        ZHONGJIE_VILLAGE,
        "三组18号",
        [
            _member(county, "张学林", 52, m, Relation.HEAD, incomes=[(IncomeKind.FARMING, 600)]),
            _member(
                county,
                "李秀梅",
                49,
                Sex.FEMALE,
                sp,
                incomes=[(IncomeKind.FARMING, 300)],
                labor=LaborCapacity.PARTIAL,
                illness="类风湿关节炎",
            ),
            _member(
                county,
                "张小军",
                17,
                m,
                ch,
                incomes=[],
                employment=Employment.STUDENT,
                in_school=True,
            ),
            _member(
                county,
                "张小燕",
                14,
                Sex.FEMALE,
                ch,
                incomes=[],
                employment=Employment.STUDENT,
                in_school=True,
            ),
            _member(
                county,
                "王桂芝",
                78,
                Sex.FEMALE,
                Relation.PARENT,
                incomes=[(IncomeKind.BASIC_PENSION_RURAL, 160)],
                labor=LaborCapacity.NONE,
                employment=Employment.UNABLE,
            ),
        ],
        benefits=[
            Benefit(
                county.uid(),
                Program.DIBAO,
                month_start - timedelta(days=900),
                90_000,
                DibaoCategory.B,
            )
        ],
    )
    chen = _household(
        county,
        county.villages[9],
        "华山组7号",
        [
            _member(county, "陈宗良", 56, m, Relation.HEAD, incomes=[(IncomeKind.FARMING, 500)]),
            _member(county, "刘淑芬", 54, Sex.FEMALE, sp, incomes=[(IncomeKind.FARMING, 300)]),
            _member(
                county,
                "陈志刚",
                27,
                m,
                ch,
                incomes=[(w, 2600)],
                employment=Employment.MIGRANT_WORK,
                returned_to_work=True,
            ),
        ],
        registered_poor=RegisteredPoor(PoorStatus.EXITED, month_start - timedelta(days=150)),
        benefits=[
            Benefit(
                county.uid(),
                Program.DIBAO,
                month_start - timedelta(days=1500),
                60_000,
                DibaoCategory.C,
            )
        ],
    )
    zhu = _household(
        county,
        county.villages[20],
        "新红组22号",
        [
            _member(
                county,
                "朱国兵",
                58,
                m,
                Relation.HEAD,
                incomes=[],
                labor=LaborCapacity.NONE,
                employment=Employment.UNABLE,
                illness="肺癌",
            ),
            _member(county, "孙玉兰", 55, Sex.FEMALE, sp, incomes=[(IncomeKind.FARMING, 700)]),
            _member(
                county, "朱磊", 30, m, ch, incomes=[(w, 1500)], employment=Employment.LOCAL_WORK
            ),
        ],
    )
    zhu.expenses = [
        Expense(county.uid(), ExpenseKind.MEDICAL, 3_500_000, as_of - timedelta(days=60))
    ]
    widow = _household(
        county,
        county.villages[30],
        "滴水组3号",
        [
            _member(
                county,
                "张桂兰",
                74,
                Sex.FEMALE,
                Relation.HEAD,
                incomes=[(IncomeKind.BASIC_PENSION_RURAL, 150)],
                labor=LaborCapacity.NONE,
                employment=Employment.UNABLE,
            ),
        ],
        registered_poor=RegisteredPoor(PoorStatus.EXITED, month_start - timedelta(days=700)),
        benefits=[
            Benefit(
                county.uid(),
                Program.DIBAO,
                month_start - timedelta(days=60),
                24_000,
                DibaoCategory.A,
            )
        ],
        emergency=Emergency(
            EmergencyKind.DEATH_OF_EARNER,
            as_of - timedelta(days=75),
            "丈夫和儿子相继去世，七十多岁独自生活",
        ),
    )
    migrant = _household(
        county,
        county.villages[2],
        "西街临时租住房",
        [
            _member(
                county, "陈金松", 41, m, Relation.HEAD, incomes=[], employment=Employment.UNEMPLOYED
            ),
            _member(
                county, "周丽", 38, Sex.FEMALE, sp, incomes=[], employment=Employment.UNEMPLOYED
            ),
            _member(
                county, "陈晨", 9, m, ch, incomes=[], employment=Employment.STUDENT, in_school=True
            ),
        ],
        local_resident=False,
        emergency=Emergency(
            EmergencyKind.STRANDED_EPIDEMIC,
            as_of - timedelta(days=10),
            "外地务工人员，因疫情管控滞留本地，无收入来源",
        ),
    )
    # "Within a week, the temporary relief fund of RMB 3,000 was sent" (seed): the
    # township approved it within its limit, each step recorded.
    stranded = migrant.emergency.date if migrant.emergency else as_of
    migrant.applications = [
        Application(
            county.uid(),
            Program.TEMPORARY_ASSISTANCE,
            [
                StageEntry(
                    county.uid(),
                    Stage.APPLIED,
                    stranded + timedelta(days=1),
                    "王建华",
                    "一家三口因疫情滞留本地，打工收入中断，没有生活来源，申请临时救助。",
                ),
                StageEntry(
                    county.uid(),
                    Stage.INVESTIGATION,
                    stranded + timedelta(days=2),
                    "王建华",
                    "村委会：情况属实，一家三口滞留无收入，同意上报",
                ),
                StageEntry(
                    county.uid(),
                    Stage.TOWNSHIP_REVIEW,
                    stranded + timedelta(days=3),
                    "张明",
                    "急难型临时救助，在乡镇审批权限内",
                ),
                StageEntry(
                    county.uid(),
                    Stage.APPROVED,
                    stranded + timedelta(days=5),
                    "张明",
                    "同意给予临时救助3000元",
                    amount_fen=300_000,
                ),
            ],
        )
    ]
    widow.visits = [_widow_visit(widow, as_of - timedelta(days=73))]
    migrant.visits = [_migrant_visit(migrant, stranded + timedelta(days=2))]
    return [zhang, chen, zhu, widow, migrant]


def _visit_id(household: Household) -> str:
    # From the household's id, not the county's random source: the households generated
    # after the stories stay as they were.
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"caseworker-demo:{household.id}:visit"))


def _signed(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 3, 0, tzinfo=UTC)  # 11:00 Beijing time


def _widow_visit(widow: Household, day: date) -> Visit:
    """Her Dibao application investigated: an old adobe house, a few hens, her pension."""
    visit_id = _visit_id(widow)
    return Visit(
        visit_id,
        day,
        ["王建华", "李秀英"],
        VisitPurpose.APPLICATION,
        VisitObservations(
            housing=Housing(HousingStructure.ADOBE, 45, HousingCondition.POOR),
            livestock={LivestockKind.POULTRY: 6},
            incomes=incomes_of(widow, random.Random(visit_id), latest=True),
            hardship_causes=causes_of(widow, day),
            property_notes=property_notes_of(widow),
        ),
        conclusion="丈夫和儿子相继去世，本人七十多岁独自生活，无劳动能力，情况属实，建议纳入低保",
        signed_at=_signed(day),
    )


def _migrant_visit(migrant: Household, day: date) -> Visit:
    """The stranded family in the room they rent: nothing kept, no income."""
    rng = random.Random(_visit_id(migrant))
    return Visit(
        _visit_id(migrant),
        day,
        ["王建华", "张明"],
        VisitPurpose.APPLICATION,
        VisitObservations(
            housing=Housing(HousingStructure.BRICK_CONCRETE, 20, HousingCondition.FAIR),
            incomes=incomes_of(migrant, rng, latest=True),
            hardship_causes=causes_of(migrant, day),
            property_notes="租住临时房屋，本地无住房",
        ),
        conclusion="村委会：情况属实，一家三口滞留无收入，同意上报",
        signed_at=_signed(day),
    )
