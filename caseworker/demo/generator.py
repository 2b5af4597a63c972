"""Realistic demo households for a county, reproducible by seed.

Households of 1-7 co-resident members with valid ID numbers, incomes, disabilities and
illnesses, registered-poor history, legal supporters, visits, applications and current
benefits; plus the households of the seed article's stories, so the demo shows them.
"""

import hashlib
import random
import uuid
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from caseworker.demo.places import COUNTY, ZHONGJIE_VILLAGE, village_regions
from caseworker.demo.stories import story_households
from caseworker.demo.visits import HERDS, STRUCTURES, housing_of, observed
from caseworker.demo.vocabulary import (
    APPLICATION_REASONS,
    FEMALE_CHARS,
    GROUPS,
    ILLNESSES,
    MALE_CHARS,
    SURNAMES,
    WORKERS,
)
from caseworker.domain.codes import (
    AssetKind,
    DibaoCategory,
    DisabilityType,
    EmergencyKind,
    Employment,
    ExpenseKind,
    Hukou,
    IncomeKind,
    LaborCapacity,
    PoorStatus,
    Program,
    Relation,
    Sex,
    Stage,
    SupporterInability,
    SupporterRelation,
    VisitPurpose,
)
from caseworker.domain.idnumber import age_on, check_character
from caseworker.domain.records import (
    Application,
    Asset,
    Benefit,
    Disability,
    Emergency,
    Expense,
    Household,
    IncomeItem,
    LegalSupporter,
    Member,
    Payment,
    RegisteredPoor,
    StageEntry,
    Visit,
)

# Banks that pay assistance in the demo county: (name, institution code).
BANKS = (("陕西泾阳农村商业银行", "402"), ("中国邮政储蓄银行泾阳县支行", "403"))


def paid_through_bank(h: Household) -> None:
    """Give a household receiving assistance a bank account and its benefits certificate
    numbers, made from its id: the random stream stays as it was, so every demo household
    is the one it was before they had these."""
    digits = "".join(str(int(c, 16) % 10) for c in hashlib.sha256(h.id.encode()).hexdigest())
    bank, code = BANKS[int(digits[0]) % len(BANKS)]
    head = h.head or h.members[0]
    h.payment = Payment(bank, head.name, "621" + digits[1:17], code)
    for b in h.benefits:
        b.certificate_number = f"泾民低字〔{b.since.year}〕{digits[17:21]}号"


class DemoCounty:
    """Generator state: the random source and the ID numbers already handed out."""

    def __init__(self, seed: int, as_of: date) -> None:
        self.rng = random.Random(seed)
        self.as_of = as_of
        self.used_numbers: set[str] = set()
        self.villages = [r.code for r in village_regions()]

    # small helpers -----------------------------------------------------------------------
    def uid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def yuan(self, lo: int, hi: int, step: int = 10) -> int:
        """A whole number of yuan in ``lo..hi`` (multiple of ``step``), as fen."""
        return self.rng.randrange(lo, hi + 1, step) * 100

    def day_before(self, max_days: int, min_days: int = 0) -> date:
        return self.as_of - timedelta(days=self.rng.randint(min_days, max_days))

    def id_number(self, birth: date, sex: Sex) -> str:
        while True:
            seq = self.rng.randrange(0, 999)
            if (seq % 2 == 1) != (sex is Sex.MALE):
                seq = (seq + 1) % 1000
            first17 = f"{COUNTY.code}{birth:%Y%m%d}{seq:03d}"
            number = first17 + check_character(first17)
            if number not in self.used_numbers:
                self.used_numbers.add(number)
                return number

    def given_name(self, sex: Sex) -> str:
        chars = MALE_CHARS if sex is Sex.MALE else FEMALE_CHARS
        length = 1 if self.chance(0.25) else 2
        return "".join(self.rng.choice(chars) for _ in range(length))

    def birth(self, age: int) -> date:
        year = self.as_of.year - age
        start = date(year - 1, self.as_of.month, 1) + timedelta(days=self.rng.randint(0, 360))
        return min(start, self.as_of - timedelta(days=365 * age + 1))

    # people ------------------------------------------------------------------------------
    def person(self, surname: str, age: int, sex: Sex, relation: Relation) -> Member:
        birth = self.birth(max(age, 0))
        age = age_on(birth, self.as_of)
        disability = Disability(DisabilityType.NONE)
        if self.chance(0.02 + age / 1000):
            dtype = self.rng.choice(
                [DisabilityType.PHYSICAL] * 4
                + [DisabilityType.VISUAL, DisabilityType.HEARING, DisabilityType.INTELLECTUAL]
                + [DisabilityType.MENTAL, DisabilityType.MULTIPLE, DisabilityType.SPEECH]
            )
            disability = Disability(dtype, self.rng.choice([1, 2, 2, 3, 3, 4, 4, 4]))
        illness = self.rng.choice(ILLNESSES) if self.chance(0.01 + age / 1500) else ""
        severe = disability.present and (disability.grade or 4) <= 2
        self_care = 0
        if severe or (age >= 80 and self.chance(0.3)) or (illness and self.chance(0.3)):
            self_care = self.rng.randint(1, 6)
        if age < 16 or age >= 70 or severe or self_care >= 4:
            labor = LaborCapacity.NONE
        elif age >= 60 or illness or disability.present:
            labor = LaborCapacity.PARTIAL
        else:
            labor = LaborCapacity.FULL
        in_school = 6 <= age <= 22 and (age <= 15 or self.chance(0.5))
        employment, incomes, returned = self.work(age, labor, in_school)
        return Member(
            id=self.uid(),
            name=surname + self.given_name(sex),
            id_number=self.id_number(birth, sex),
            relation=relation,
            birth_date=birth,
            sex=sex,
            labor_capacity=labor,
            disability=disability,
            serious_illness=illness,
            self_care_impossible=self_care,
            in_school=in_school,
            orphan=False,
            de_facto_unsupported_child=False,
            employment=employment,
            returned_to_work=returned,
            incomes=incomes,
        )

    def work(
        self, age: int, labor: LaborCapacity, in_school: bool
    ) -> tuple[Employment, list[IncomeItem], bool]:
        incomes: list[IncomeItem] = []
        returned = False
        if age < 6:
            return Employment.PRESCHOOL, incomes, returned
        if in_school:
            if self.chance(0.1):
                incomes.append(IncomeItem(self.uid(), IncomeKind.SCHOLARSHIP, self.yuan(100, 300)))
            return Employment.STUDENT, incomes, returned
        if age >= 60:
            incomes.append(
                IncomeItem(self.uid(), IncomeKind.BASIC_PENSION_RURAL, self.yuan(140, 220))
            )
            if labor is not LaborCapacity.NONE and self.chance(0.5):
                incomes.append(IncomeItem(self.uid(), IncomeKind.FARMING, self.yuan(50, 400)))
            return (
                Employment.FARMING if labor is not LaborCapacity.NONE else Employment.UNABLE,
                incomes,
                returned,
            )
        if labor is LaborCapacity.NONE:
            return Employment.UNABLE, incomes, returned
        roll = self.rng.random()
        scale = 1 if labor is LaborCapacity.FULL else 0.5
        if roll < 0.35:
            employment = Employment.MIGRANT_WORK
            incomes.append(
                IncomeItem(
                    self.uid(), IncomeKind.WAGE, self.yuan(int(800 * scale), int(4500 * scale))
                )
            )
            returned = self.chance(0.15)
        elif roll < 0.55:
            employment = Employment.LOCAL_WORK
            incomes.append(
                IncomeItem(
                    self.uid(), IncomeKind.WAGE, self.yuan(int(500 * scale), int(2800 * scale))
                )
            )
        elif roll < 0.9:
            employment = Employment.FARMING
            incomes.append(
                IncomeItem(self.uid(), IncomeKind.FARMING, self.yuan(100, int(1500 * scale) + 100))
            )
        elif roll < 0.95:
            employment = Employment.SELF_EMPLOYED
            incomes.append(IncomeItem(self.uid(), IncomeKind.BUSINESS, self.yuan(300, 5000)))
        else:
            employment = Employment.UNEMPLOYED
        return employment, incomes, returned

    # households --------------------------------------------------------------------------
    def household(self) -> Household:
        rng = self.rng
        surname = rng.choice(SURNAMES)
        head_age = rng.choice(
            [rng.randint(25, 45), rng.randint(40, 65), rng.randint(55, 88), rng.randint(60, 92)]
        )
        head_sex = Sex.MALE if self.chance(0.8) else Sex.FEMALE
        head = self.person(surname, head_age, head_sex, Relation.HEAD)
        members = [head]
        alone = self.chance(0.12 if head_age >= 60 else 0.04)
        if not alone:
            if self.chance(0.8):
                spouse_sex = Sex.FEMALE if head_sex is Sex.MALE else Sex.MALE
                spouse_surname = rng.choice(SURNAMES)
                spouse_age = max(20, head_age + rng.randint(-5, 4))
                members.append(self.person(spouse_surname, spouse_age, spouse_sex, Relation.SPOUSE))
            child_surname = surname if head_sex is Sex.MALE else rng.choice(SURNAMES)
            for _ in range(rng.choice([0, 1, 1, 2, 2, 2, 3])):
                age = head_age - rng.randint(22, 36)
                if age >= 0:
                    sex = rng.choice([Sex.MALE, Sex.FEMALE])
                    members.append(self.person(child_surname, age, sex, Relation.CHILD))
            if head_age < 55 and self.chance(0.25):
                age = head_age + rng.randint(22, 32)
                if age <= 95:
                    members.append(
                        self.person(
                            surname, age, rng.choice([Sex.MALE, Sex.FEMALE]), Relation.PARENT
                        )
                    )
            if head_age >= 50 and self.chance(0.3):
                for _ in range(rng.randint(1, 2)):
                    age = head_age - rng.randint(45, 60)
                    if age >= 0:
                        members.append(
                            self.person(
                                surname,
                                age,
                                rng.choice([Sex.MALE, Sex.FEMALE]),
                                Relation.GRANDCHILD,
                            )
                        )
        members = members[:7]
        village = rng.choice(self.villages)
        address = f"{rng.choice(GROUPS)}{rng.randint(1, 120)}号"
        per_capita = sum(i.monthly_fen for m in members for i in m.incomes or ()) // len(members)
        poor = RegisteredPoor(PoorStatus.NONE)
        if self.chance(0.15):
            if self.chance(0.85):
                exited = date(rng.choice([2016, 2017, 2018, 2019, 2020]), rng.randint(1, 12), 1)
                poor = RegisteredPoor(PoorStatus.EXITED, min(exited, self.as_of))
            else:
                poor = RegisteredPoor(PoorStatus.REGISTERED)
        household = Household(
            id=self.uid(),
            village_code=village,
            address=address,
            hukou=Hukou.RURAL if self.chance(0.92) else Hukou.URBAN,
            members=members,
            local_resident=True,
            registered_poor=poor,
            cadre_relative=self.chance(0.02),
            assets=self.assets(per_capita),
            expenses=self.expenses(members),
            legal_supporters=self.supporters(members),
        )
        if per_capita < 50000 and self.chance(0.55):
            household.benefits = self.benefits(household, per_capita)
            paid_through_bank(household)
        if self.chance(0.01):
            kind = rng.choice(list(EmergencyKind))
            household.emergency = Emergency(
                kind, self.day_before(60), f"{kind.zh}，家庭生活陷入困境"
            )
        household.visits = self.visits(household)
        if self.chance(0.03):
            household.applications = [self.application()]
        return household

    def assets(self, per_capita: int) -> list[Asset]:
        assets = [Asset(self.uid(), AssetKind.HOUSE, self.yuan(20000, 150000, 1000), 1)]
        if self.chance(0.05):
            assets.append(Asset(self.uid(), AssetKind.HOUSE, self.yuan(80000, 400000, 1000), 1))
        deposit_hi = 3000 if per_capita < 50000 else 80000
        assets.append(Asset(self.uid(), AssetKind.DEPOSIT, self.yuan(0, deposit_hi, 100), 1))
        if self.chance(0.12):
            assets.append(Asset(self.uid(), AssetKind.VEHICLE, self.yuan(20000, 120000, 1000), 1))
        if self.chance(0.2):
            assets.append(Asset(self.uid(), AssetKind.MACHINERY, self.yuan(2000, 30000, 500), 1))
        if self.chance(0.25):
            assets.append(
                Asset(
                    self.uid(),
                    AssetKind.LIVESTOCK,
                    self.yuan(1000, 20000, 500),
                    self.rng.randint(1, 30),
                )
            )
        return assets

    def expenses(self, members: list[Member]) -> list[Expense]:
        out = []
        for m in members:
            if m.serious_illness:
                out.append(
                    Expense(
                        self.uid(),
                        ExpenseKind.MEDICAL,
                        self.yuan(2000, 80000, 100),
                        self.day_before(300),
                    )
                )
        return out

    def supporters(self, members: list[Member]) -> list[LegalSupporter]:
        head = members[0]
        if len(members) > 1 or age_on(head.birth_date, self.as_of) < 60:
            return []
        out = []
        for _ in range(self.rng.choice([0, 0, 1, 1, 2, 3])):
            able = self.chance(0.6)
            reason = None if able else self.rng.choice(list(SupporterInability))
            name = self.rng.choice(SURNAMES) + self.given_name(
                self.rng.choice([Sex.MALE, Sex.FEMALE])
            )
            out.append(LegalSupporter(self.uid(), SupporterRelation.CHILD, able, reason, name))
        return out

    def benefits(self, h: Household, per_capita: int) -> list[Benefit]:
        since = date(self.rng.randint(2012, 2024), self.rng.randint(1, 12), 1)
        since = min(since, self.as_of.replace(day=1))
        elderly_alone = len(h.members) == 1 and age_on(h.members[0].birth_date, self.as_of) >= 60
        unsupported = not any(s.able for s in h.legal_supporters or ())
        if elderly_alone and unsupported and self.chance(0.8):
            return [Benefit(self.uid(), Program.SPECIAL_HARDSHIP, since, self.yuan(700, 900))]
        gap = max(0, 45000 - per_capita) * len(h.members)
        category = self.rng.choice(
            [DibaoCategory.A, DibaoCategory.B, DibaoCategory.B, DibaoCategory.C]
        )
        amount = max(gap - gap % 100, 10000)
        return [Benefit(self.uid(), Program.DIBAO, since, amount, category)]

    def visits(self, h: Household) -> list[Visit]:
        # Benefit households are mostly reviewed on time (within the last year); a few
        # are late, so the home screen has reviews due to show.
        recent = bool(h.benefits) and self.chance(0.85)
        drawn = []
        for number in range(self.rng.choice([0, 1, 1, 1, 2]) + int(recent)):
            day = self.day_before(170, 1) if recent and number == 0 else self.day_before(700, 1)
            workers = self.rng.sample(WORKERS, 2)  # a signed visit is made by two people
            signed = datetime(day.year, day.month, day.day, self.rng.randint(8, 17), 0, tzinfo=UTC)
            visit_id = self.uid()
            # The house and the animals are drawn as the free-text demo drew them, so the
            # rest of a demo county is the same as before visits were typed.
            structure = self.rng.choice(STRUCTURES)
            herd = self.rng.choice(HERDS)
            conclusion = self.rng.choice(["家庭情况属实", "生活较困难，建议关注", "收入稳定"])
            drawn.append((day, visit_id, workers, signed, structure, herd, conclusion))
        if not drawn:
            return []
        # One house for every visit: the one the first visit drew.
        housing = housing_of(drawn[0][4], random.Random(drawn[0][1]))
        drawn.sort(key=lambda d: (d[0], d[1]))
        return [
            Visit(
                id=visit_id,
                date=day,
                workers=workers,
                purpose=VisitPurpose.REVIEW if h.benefits else VisitPurpose.DISCOVERY,
                observations=observed(
                    h, visit_id, day, housing=housing, herd=herd, latest=index == len(drawn) - 1
                ),
                conclusion=conclusion,
                signed_at=signed,
            )
            for index, (day, visit_id, workers, signed, _structure, herd, conclusion) in enumerate(
                drawn
            )
        ]

    def application(self) -> Application:
        start = self.day_before(75, 2)  # some are past the 30-working-day limit
        history = [StageEntry(self.uid(), Stage.APPLIED, start, self.rng.choice(WORKERS))]
        day = start
        for stage in (Stage.INVESTIGATION, Stage.TOWNSHIP_REVIEW, Stage.PUBLICITY):
            if self.chance(0.5):
                break
            day = min(day + timedelta(days=self.rng.randint(1, 8)), self.as_of)
            history.append(StageEntry(self.uid(), stage, day, self.rng.choice(WORKERS)))
        program = self.rng.choice([Program.DIBAO, Program.DIBAO, Program.TEMPORARY_ASSISTANCE])
        # What the household wrote when it applied (printed as the form's 申请理由).
        history[0] = replace(history[0], note=APPLICATION_REASONS[program])
        return Application(self.uid(), program, history)


def generate_households(count: int, *, seed: int = 1, as_of: date | None = None) -> list[Household]:
    """``count`` demo households (the seed-article story households first), reproducible."""
    county = DemoCounty(seed, as_of or date.today())
    stories = story_households(county) if count >= 5 else []
    for story in stories:
        if story.benefits:
            paid_through_bank(story)
    households = stories[:count]
    while len(households) < count:
        households.append(county.household())
    return households


__all__ = ["ZHONGJIE_VILLAGE", "DemoCounty", "generate_households"]
