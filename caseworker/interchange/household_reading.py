"""Reading a household object of the household format: the household itself, its members
and what it owns, spends and receives (``history_reading`` reads its visits and
applications). ``household_format.parse_household`` is the way in.
"""

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

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
    RegionLevel,
    Relation,
    Sex,
    SupporterInability,
    SupporterRelation,
)
from caseworker.domain.payment import (
    parse_account_number,
    parse_bank_code,
    parse_bank_name,
    parse_certificate_number,
    parse_covered_members,
)
from caseworker.domain.records import (
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
)
from caseworker.domain.validation import (
    ADDRESS_MAX,
    ASSET_COUNT_LIMIT,
    ASSET_VALUE_LIMIT_FEN,
    BENEFIT_LIMIT_FEN,
    EXPENSE_LIMIT_FEN,
    MONTHLY_INCOME_LIMIT_FEN,
    ROOT,
    Problem,
    Where,
    missing,
    parse_bool,
    parse_code,
    parse_date,
    parse_int,
    parse_money,
    parse_name,
    parse_region_code,
    parse_resident_id,
    parse_text,
)
from caseworker.interchange.history_reading import read_application, read_visit
from caseworker.interchange.record_reader import RecordReader, optional_text

HOUSEHOLD_KEYS = frozenset(
    {
        "format", "id", "village_code", "address", "hukou", "local_resident", "registered_poor",
        "cadre_relative", "members", "assets", "expenses", "legal_supporters", "benefits",
        "emergency", "visits", "applications", "payment",
    }
)  # fmt: skip
MEMBER_KEYS = frozenset(
    {
        "id", "name", "id_number", "birth_date", "sex", "relation", "labor_capacity",
        "disability", "serious_illness", "self_care_impossible", "in_school", "orphan",
        "de_facto_unsupported_child", "employment", "returned_to_work", "incomes",
    }
)  # fmt: skip

_HUKOU = parse_code(Hukou)
_RELATION = parse_code(Relation)
_LABOR = parse_code(LaborCapacity)
_DISABILITY_TYPE = parse_code(DisabilityType)
_EMPLOYMENT = parse_code(Employment)
_INCOME_KIND = parse_code(IncomeKind)
_ASSET_KIND = parse_code(AssetKind)
_EXPENSE_KIND = parse_code(ExpenseKind)
_SUPPORTER_RELATION = parse_code(SupporterRelation)
_INABILITY = parse_code(SupporterInability)
_POOR_STATUS = parse_code(PoorStatus)
_PROGRAM = parse_code(Program)
_CATEGORY = parse_code(DibaoCategory)
_EMERGENCY = parse_code(EmergencyKind)
_SEX = parse_code(Sex)
_VILLAGE = parse_region_code(RegionLevel.VILLAGE)
_GRADE = parse_int(1, 4)
_SELF_CARE = parse_int(0, 6)
_COUNT = parse_int(1, ASSET_COUNT_LIMIT)
_INCOME = parse_money(MONTHLY_INCOME_LIMIT_FEN)
_ASSET_VALUE = parse_money(ASSET_VALUE_LIMIT_FEN)
_EXPENSE = parse_money(EXPENSE_LIMIT_FEN)
_BENEFIT = parse_money(BENEFIT_LIMIT_FEN)
_ANY_DATE = parse_date()


def _address(value: Any) -> str:
    return parse_text(value, max_len=ADDRESS_MAX)


class HouseholdReader(RecordReader):
    """Reads one household object; ``format_name`` is what its ``format`` must say."""

    def __init__(self, today: date, format_name: str) -> None:
        super().__init__(today)
        self.format_name = format_name

    def household(self, data: Any) -> Household | None:
        """The household ``data`` describes (None if it is not even an object); its
        errors are in ``c``."""
        h = self.obj(ROOT, data, HOUSEHOLD_KEYS)
        if h is None:
            return None
        if h.get("format") != self.format_name:
            self.c.add(
                ROOT.field("format"),
                h.get("format"),
                Problem("format", f"应为“{self.format_name}”", f'must be "{self.format_name}"'),
            )
        members_data = h.get("members")
        members: list[Member] = []
        if members_data is None:
            self.c.add(ROOT.field("members"), None, missing())
        elif (raw := self.items(ROOT, "members", members_data)) is not None:
            members = [m for i, d in enumerate(raw) if (m := self.member(i, d)) is not None]
        household = Household(
            id=self.record_id(ROOT, h),
            village_code=self.req(ROOT, h, "village_code", _VILLAGE),
            address=self.req(ROOT, h, "address", _address),
            hukou=self.req(ROOT, h, "hukou", _HUKOU),
            members=members,
            local_resident=self.opt(ROOT, h, "local_resident", parse_bool),
            registered_poor=self.registered_poor(h.get("registered_poor")),
            cadre_relative=self.opt(ROOT, h, "cadre_relative", parse_bool),
            assets=self.optional_list(h, "assets", self.asset),
            expenses=self.optional_list(h, "expenses", self.expense),
            legal_supporters=self.optional_list(h, "legal_supporters", self.supporter),
            benefits=self.optional_list(h, "benefits", self.benefit) or [],
            emergency=self.emergency(h.get("emergency")),
            visits=self.optional_list(h, "visits", lambda w, v: read_visit(self, w, v)) or [],
            applications=self.optional_list(
                h, "applications", lambda w, v: read_application(self, w, v)
            )
            or [],
            payment=self.payment(h.get("payment")),
        )
        return household

    def optional_list(
        self, h: Mapping[str, Any], key: str, parse_one: Callable[[Where, Any], Any]
    ) -> list[Any] | None:
        value = h.get(key)
        if value is None:
            return None
        raw = self.items(ROOT, key, value)
        if raw is None:
            return None
        return [x for i, d in enumerate(raw) if (x := parse_one(ROOT.item(key, i), d)) is not None]

    def registered_poor(self, value: Any) -> RegisteredPoor | None:
        if value is None:
            return None
        where = ROOT.field("registered_poor")
        d = self.obj(where, value, frozenset({"status", "exited_on"}))
        if d is None:
            return None
        return RegisteredPoor(
            status=self.req(where, d, "status", _POOR_STATUS),
            exited_on=self.opt(where, d, "exited_on", self.past_date),
        )

    def payment(self, value: Any) -> Payment | None:
        if value is None:
            return None
        where = ROOT.field("payment")
        keys = frozenset({"bank_code", "bank_name", "account_name", "account_number"})
        d = self.obj(where, value, keys)
        if d is None:
            return None
        return Payment(
            bank_name=self.req(where, d, "bank_name", parse_bank_name),
            account_name=self.req(where, d, "account_name", parse_name),
            account_number=self.req(where, d, "account_number", parse_account_number),
            bank_code=self.opt(where, d, "bank_code", parse_bank_code) or "",
        )

    def emergency(self, value: Any) -> Emergency | None:
        if value is None:
            return None
        where = ROOT.field("emergency")
        d = self.obj(where, value, frozenset({"kind", "date", "description"}))
        if d is None:
            return None
        return Emergency(
            kind=self.req(where, d, "kind", _EMERGENCY),
            date=self.req(where, d, "date", self.past_date),
            description=self.opt(where, d, "description", optional_text) or "",
        )

    def member(self, index: int, value: Any) -> Member | None:
        name = value.get("name") if isinstance(value, Mapping) else None
        where = ROOT.item("members", index, name if isinstance(name, str) else None)
        d = self.obj(where, value, MEMBER_KEYS)
        if d is None:
            return None
        rid = self.req(where, d, "id_number", parse_resident_id)
        if rid is not None:
            stated_birth = self.opt(where, d, "birth_date", _ANY_DATE)
            if stated_birth is not None and stated_birth != rid.birth_date:
                self.c.add(
                    where.field("birth_date"),
                    stated_birth,
                    Problem(
                        "id_mismatch",
                        f"与身份证号中的出生日期{rid.birth_date.isoformat()}不一致",
                        f"differs from the birth date in the ID number ({rid.birth_date})",
                    ),
                )
            stated_sex = self.opt(where, d, "sex", _SEX)
            if stated_sex is not None and stated_sex is not rid.sex:
                self.c.add(
                    where.field("sex"),
                    stated_sex,
                    Problem(
                        "id_mismatch",
                        f"与身份证号显示的性别（{rid.sex.zh}）不一致",
                        f"differs from the sex in the ID number ({rid.sex.en})",
                    ),
                )
        incomes_data = d.get("incomes")
        incomes: list[IncomeItem] | None = None
        if (
            incomes_data is not None
            and (raw := self.items(where, "incomes", incomes_data)) is not None
        ):
            incomes = [
                x for i, e in enumerate(raw) if (x := self.income(where.item("incomes", i), e))
            ]
        member = Member(
            id=self.record_id(where, d),
            name=self.req(where, d, "name", parse_name),
            id_number=rid.number if rid else "",
            relation=self.req(where, d, "relation", _RELATION),
            birth_date=rid.birth_date if rid else date.min,
            sex=rid.sex if rid else Sex.MALE,
            labor_capacity=self.opt(where, d, "labor_capacity", _LABOR),
            disability=self.disability(where, d.get("disability")),
            serious_illness=self.opt(where, d, "serious_illness", optional_text),
            self_care_impossible=self.opt(where, d, "self_care_impossible", _SELF_CARE),
            in_school=self.opt(where, d, "in_school", parse_bool),
            orphan=self.opt(where, d, "orphan", parse_bool),
            de_facto_unsupported_child=self.opt(where, d, "de_facto_unsupported_child", parse_bool),
            employment=self.opt(where, d, "employment", _EMPLOYMENT),
            returned_to_work=self.opt(where, d, "returned_to_work", parse_bool),
            incomes=incomes,
        )
        return member

    def disability(self, where: Where, value: Any) -> Disability | None:
        if value is None:
            return None
        where = where.field("disability")
        d = self.obj(where, value, frozenset({"type", "grade"}))
        if d is None:
            return None
        return Disability(
            type=self.req(where, d, "type", _DISABILITY_TYPE),
            grade=self.opt(where, d, "grade", _GRADE),
        )

    def income(self, where: Where, value: Any) -> IncomeItem | None:
        d = self.obj(where, value, frozenset({"id", "kind", "monthly_yuan"}))
        if d is None:
            return None
        return IncomeItem(
            id=self.record_id(where, d),
            kind=self.req(where, d, "kind", _INCOME_KIND),
            monthly_fen=self.req(where, d, "monthly_yuan", _INCOME),
        )

    def asset(self, where: Where, value: Any) -> Asset | None:
        d = self.obj(where, value, frozenset({"id", "kind", "value_yuan", "count"}))
        if d is None:
            return None
        count = d.get("count", 1)
        return Asset(
            id=self.record_id(where, d),
            kind=self.req(where, d, "kind", _ASSET_KIND),
            value_fen=self.req(where, d, "value_yuan", _ASSET_VALUE),
            count=self.c.check(where, "count", count, _COUNT) or 1,
        )

    def expense(self, where: Where, value: Any) -> Expense | None:
        d = self.obj(where, value, frozenset({"id", "kind", "amount_yuan", "date"}))
        if d is None:
            return None
        return Expense(
            id=self.record_id(where, d),
            kind=self.req(where, d, "kind", _EXPENSE_KIND),
            amount_fen=self.req(where, d, "amount_yuan", _EXPENSE),
            date=self.req(where, d, "date", self.past_date),
        )

    def supporter(self, where: Where, value: Any) -> LegalSupporter | None:
        d = self.obj(where, value, frozenset({"id", "relation", "name", "able", "reason"}))
        if d is None:
            return None
        return LegalSupporter(
            id=self.record_id(where, d),
            relation=self.req(where, d, "relation", _SUPPORTER_RELATION),
            able=self.opt(where, d, "able", parse_bool),
            reason=self.opt(where, d, "reason", _INABILITY),
            name=self.opt(where, d, "name", parse_name),
        )

    def benefit(self, where: Where, value: Any) -> Benefit | None:
        keys = frozenset(
            {
                "id", "program", "since", "category", "monthly_yuan", "exit_until",
                "certificate_number", "covered_members",
            }
        )  # fmt: skip
        d = self.obj(where, value, keys)
        if d is None:
            return None
        return Benefit(
            id=self.record_id(where, d),
            program=self.req(where, d, "program", _PROGRAM),
            since=self.req(where, d, "since", _ANY_DATE),
            monthly_fen=self.req(where, d, "monthly_yuan", _BENEFIT),
            category=self.opt(where, d, "category", _CATEGORY),
            exit_until=self.opt(where, d, "exit_until", _ANY_DATE),
            certificate_number=self.opt(where, d, "certificate_number", parse_certificate_number)
            or "",
            covered_members=self.opt(where, d, "covered_members", parse_covered_members),
        )
