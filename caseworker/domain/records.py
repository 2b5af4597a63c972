"""Households as plain data: what the store loads, screening reads and forms print.

``None`` always means "not known"; a known absence has its own value (an empty list, a
``DisabilityType.NONE``, an empty illness text). Money is integer fen.
"""

from dataclasses import dataclass, field
from datetime import date, datetime

from caseworker.domain.codes import (
    AppraisalOutcome,
    AssetKind,
    DibaoCategory,
    DisabilityType,
    EmergencyKind,
    Employment,
    ExpenseKind,
    HardshipCause,
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
    SupporterInability,
    SupporterRelation,
    VehicleKind,
    VisitPurpose,
)


@dataclass(slots=True)
class Disability:
    """A member's disability; ``type`` NONE means known to have none."""

    type: DisabilityType
    grade: int | None = None

    @property
    def present(self) -> bool:
        return self.type is not DisabilityType.NONE


@dataclass(slots=True)
class IncomeItem:
    id: str
    kind: IncomeKind
    monthly_fen: int


@dataclass(slots=True)
class Member:
    id: str
    name: str
    id_number: str
    relation: Relation
    birth_date: date
    sex: Sex
    labor_capacity: LaborCapacity | None = None
    disability: Disability | None = None
    serious_illness: str | None = None  # "" = known to have none
    self_care_impossible: int | None = None  # of the 6 daily activities
    in_school: bool | None = None
    orphan: bool | None = None
    de_facto_unsupported_child: bool | None = None
    employment: Employment | None = None
    returned_to_work: bool | None = None
    incomes: list[IncomeItem] | None = None  # None = incomes not recorded

    @property
    def has_serious_illness(self) -> bool | None:
        return None if self.serious_illness is None else bool(self.serious_illness.strip())


@dataclass(slots=True)
class Asset:
    id: str
    kind: AssetKind
    value_fen: int
    count: int = 1


@dataclass(slots=True)
class Expense:
    id: str
    kind: ExpenseKind
    amount_fen: int
    date: date


@dataclass(slots=True)
class LegalSupporter:
    id: str
    relation: SupporterRelation
    able: bool | None
    reason: SupporterInability | None = None
    name: str | None = None


@dataclass(slots=True)
class Benefit:
    id: str
    program: Program
    since: date
    monthly_fen: int
    category: DibaoCategory | None = None
    exit_until: date | None = None  # last day of a gradual exit
    certificate_number: str = ""  # 低保证号 / 救助证编号, "" until issued
    covered_members: list[str] | None = None  # member ids; None = the whole household

    def covered_count(self, household_size: int) -> int:
        """How many people the benefit covers (保障人数): those listed, else everyone."""
        return household_size if self.covered_members is None else len(self.covered_members)


@dataclass(slots=True)
class Payment:
    """Where the household's assistance is paid: the bank and the account, numbers as
    text (an account number is not a quantity, and Excel would round 19 digits)."""

    bank_name: str  # 开户银行, e.g. 泾阳县农村信用合作联社
    account_name: str  # 账户名称: the account holder (the head, or a guardian)
    account_number: str  # digits only
    bank_code: str = ""  # the bank's code: 3-digit institution or 12-digit 联行号; "" unknown


@dataclass(slots=True)
class RegisteredPoor:
    status: PoorStatus
    exited_on: date | None = None


@dataclass(slots=True)
class Emergency:
    kind: EmergencyKind
    date: date
    description: str = ""


@dataclass(slots=True)
class Housing:
    """The house as seen at a visit; a part not noted is None."""

    structure: HousingStructure | None = None
    area_m2: int | None = None  # floor area in whole square metres
    condition: HousingCondition | None = None


@dataclass(slots=True)
class VisitIncome:
    """A monthly income of one member as the investigators found it."""

    member_id: str
    kind: IncomeKind
    monthly_fen: int


@dataclass(slots=True)
class VisitObservations:
    """What the investigators saw and were told at a visit (入户调查表).

    ``housing`` None: the house was not noted. ``livestock`` and ``vehicles`` hold only
    the kinds present, each with a count of at least 1 (empty: none). ``incomes`` None: the
    visit did not ask about incomes; [] it asked and found none.
    """

    housing: Housing | None = None
    livestock: dict[LivestockKind, int] = field(default_factory=dict)
    vehicles: dict[VehicleKind, int] = field(default_factory=dict)
    incomes: list[VisitIncome] | None = None
    hardship_causes: list[HardshipCause] = field(default_factory=list)
    property_notes: str = ""
    expense_notes: str = ""


@dataclass(slots=True)
class Visit:
    """A household visit (入户调查). Once ``signed_at`` is set it is never changed."""

    id: str
    date: date
    workers: list[str]
    purpose: VisitPurpose
    observations: VisitObservations = field(default_factory=VisitObservations)
    conclusion: str = ""
    notes: str = ""
    signed_at: datetime | None = None


@dataclass(slots=True)
class Objection:
    """An objection to an application received while the village published its democratic
    appraisal, and how the village handled it."""

    received_on: date
    summary: str
    handling: str = ""


@dataclass(slots=True)
class Appraisal:
    """The record of a democratic appraisal meeting (民主评议) held on its stage entry's
    date: where, who took part, the votes, what it concluded, and the village's publicity
    of the result with the objections received. The votes are counted among the people
    present (some may not vote)."""

    place: str
    attendees: str  # who took part, in words: 村两委成员、党员代表、村民代表…
    present: int
    agree: int
    disagree: int
    abstain: int
    outcome: AppraisalOutcome
    publicity_from: date | None = None
    publicity_to: date | None = None
    objections: list[Objection] = field(default_factory=list)


@dataclass(slots=True)
class StageEntry:
    """One step of an application: who did it, when, and their opinion (``note``). A
    decision also carries the monthly amount proposed or approved and, for a
    single-person inclusion, the member it is for; a democratic appraisal its record."""

    id: str
    stage: Stage
    date: date
    worker: str = ""
    note: str = ""
    amount_fen: int | None = None
    member_id: str | None = None
    appraisal: Appraisal | None = None


@dataclass(slots=True)
class Application:
    """An application for one program; ``member_id`` names the member a single-person
    inclusion (单人户施保) is for."""

    id: str
    program: Program
    history: list[StageEntry]
    member_id: str | None = None

    @property
    def stage(self) -> Stage:
        """The current stage: the last entry of the history."""
        return self.history[-1].stage

    @property
    def applied_on(self) -> date:
        return self.history[0].date

    @property
    def is_review(self) -> bool:
        """A review (复核) of a benefit, not an application for one."""
        return self.history[0].stage is Stage.REVIEW

    def latest(self, *stages: Stage) -> StageEntry | None:
        """The most recent entry at one of ``stages`` (an opinion or a decision)."""
        return next((e for e in reversed(self.history) if e.stage in stages), None)


@dataclass(slots=True)
class Household:
    id: str
    village_code: str
    address: str
    hukou: Hukou
    members: list[Member]
    local_resident: bool | None = None
    registered_poor: RegisteredPoor | None = None
    cadre_relative: bool | None = None  # relative of a caseworker or village cadre
    assets: list[Asset] | None = None
    expenses: list[Expense] | None = None
    legal_supporters: list[LegalSupporter] | None = None
    benefits: list[Benefit] = field(default_factory=list)
    emergency: Emergency | None = None
    visits: list[Visit] = field(default_factory=list)
    applications: list[Application] = field(default_factory=list)
    payment: Payment | None = None  # None: not recorded

    @property
    def head(self) -> Member | None:
        """The member recorded as head of household."""
        return next((m for m in self.members if m.relation is Relation.HEAD), None)
