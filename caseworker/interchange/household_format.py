"""The household interchange format ``caseworker.household/1`` (see docs/household-format.md).

``parse_household`` turns one JSON object into a validated ``Household`` (or raises
``ValidationFailed`` naming every bad field); ``household_to_dict`` is its exact inverse.
Money is a decimal string of yuan; a field the data does not know is null or absent.
"""

import uuid
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
    Stage,
    SupporterInability,
    SupporterRelation,
    VisitPurpose,
)
from caseworker.domain.money import format_yuan
from caseworker.domain.payment import (
    parse_account_number,
    parse_bank_code,
    parse_bank_name,
    parse_certificate_number,
    parse_covered_members,
)
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
from caseworker.domain.validation import (
    ADDRESS_MAX,
    ASSET_COUNT_LIMIT,
    ASSET_VALUE_LIMIT_FEN,
    BENEFIT_LIMIT_FEN,
    EXPENSE_LIMIT_FEN,
    MONTHLY_INCOME_LIMIT_FEN,
    ROOT,
    Collector,
    Problem,
    ValidationFailed,
    Where,
    household_rule_errors,
    missing,
    parse_bool,
    parse_code,
    parse_date,
    parse_datetime,
    parse_int,
    parse_money,
    parse_name,
    parse_region_code,
    parse_resident_id,
    parse_text,
    parse_uuid,
)
from caseworker.interchange.appraisal import appraisal_to_dict, parse_appraisal
from caseworker.interchange.observations import (
    observations_to_dict,
    parse_observations,
    read_object,
)

FORMAT = "caseworker.household/1"

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
_PURPOSE = parse_code(VisitPurpose)
_STAGE = parse_code(Stage)
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


def _optional_text(value: Any) -> str:
    return parse_text(value, required=False)


def _new_id() -> str:
    return str(uuid.uuid4())


class _Parser:
    """One household's parse: every error is collected, then raised together."""

    def __init__(self, today: date) -> None:
        self.c = Collector()
        self.today = today
        self.past_date = parse_date(not_after=today)

    # helpers -----------------------------------------------------------------------------
    def obj(self, where: Where, value: Any, keys: frozenset[str]) -> Mapping[str, Any] | None:
        """``value`` as an object with only ``keys``; unknown keys are errors."""
        return read_object(self.c, where, value, keys)

    def items(self, where: Where, key: str, value: Any) -> list[Any] | None:
        if not isinstance(value, list):
            self.c.add(
                where.field(key), None, Problem("type", "应为列表（[...]）", "must be a list [...]")
            )
            return None
        return value

    def req(
        self, where: Where, data: Mapping[str, Any], key: str, parse: Callable[[Any], Any]
    ) -> Any:
        return self.c.check(where, key, data.get(key), parse)

    def opt(
        self, where: Where, data: Mapping[str, Any], key: str, parse: Callable[[Any], Any]
    ) -> Any:
        value = data.get(key)
        return None if value is None else self.c.check(where, key, value, parse)

    def record_id(self, where: Where, data: Mapping[str, Any]) -> str:
        value = data.get("id")
        if value is None:
            return _new_id()
        return self.c.check(where, "id", value, parse_uuid) or _new_id()

    # the household -----------------------------------------------------------------------
    def household(self, data: Any) -> Household | None:
        h = self.obj(ROOT, data, HOUSEHOLD_KEYS)
        if h is None:
            return None
        if h.get("format") != FORMAT:
            self.c.add(
                ROOT.field("format"),
                h.get("format"),
                Problem("format", f"应为“{FORMAT}”", f'must be "{FORMAT}"'),
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
            visits=self.optional_list(h, "visits", self.visit) or [],
            applications=self.optional_list(h, "applications", self.application) or [],
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
            description=self.opt(where, d, "description", _optional_text) or "",
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
            serious_illness=self.opt(where, d, "serious_illness", _optional_text),
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

    def visit(self, where: Where, value: Any) -> Visit | None:
        keys = frozenset(
            {"id", "date", "workers", "purpose", "observations", "conclusion", "notes", "signed_at"}
        )
        d = self.obj(where, value, keys)
        if d is None:
            return None
        workers: list[str] = []
        raw_workers = d.get("workers")
        if raw_workers is None:
            self.c.add(where.field("workers"), None, missing())
        elif (raw := self.items(where, "workers", raw_workers)) is not None:
            workers = [
                w
                for i, x in enumerate(raw)
                if (w := self.c.check_at(where.item("workers", i), x, parse_name)) is not None
            ]
        observations = parse_observations(
            self.c, where.field("observations"), d.get("observations")
        )
        return Visit(
            id=self.record_id(where, d),
            date=self.req(where, d, "date", self.past_date),
            workers=workers,
            purpose=self.req(where, d, "purpose", _PURPOSE),
            observations=observations,
            conclusion=self.opt(where, d, "conclusion", _optional_text) or "",
            notes=self.opt(where, d, "notes", _optional_text) or "",
            signed_at=self.opt(where, d, "signed_at", parse_datetime),
        )

    def application(self, where: Where, value: Any) -> Application | None:
        # due_on (and whether it is estimated) is what an export says of the time limit:
        # computed from the history, so it is accepted and not read.
        d = self.obj(
            where,
            value,
            frozenset({"id", "program", "history", "member_id", "due_on", "due_on_estimated"}),
        )
        if d is None:
            return None
        history: list[StageEntry] = []
        raw_history = d.get("history")
        if raw_history is None or raw_history == []:
            self.c.add(where.field("history"), None, missing())
        elif (raw := self.items(where, "history", raw_history)) is not None:
            history = [
                e for i, x in enumerate(raw) if (e := self.stage(where.item("history", i), x))
            ]
        return Application(
            id=self.record_id(where, d),
            program=self.req(where, d, "program", _PROGRAM),
            history=history,
            member_id=self.opt(where, d, "member_id", parse_uuid),
        )

    def stage(self, where: Where, value: Any) -> StageEntry | None:
        d = self.obj(
            where,
            value,
            frozenset(
                {"id", "stage", "date", "worker", "note", "amount_yuan", "member_id", "appraisal"}
            ),
        )
        if d is None:
            return None
        appraisal = parse_appraisal(
            self.c, where.field("appraisal"), d.get("appraisal"), latest=self.today
        )
        return StageEntry(
            id=self.record_id(where, d),
            stage=self.req(where, d, "stage", _STAGE),
            date=self.req(where, d, "date", self.past_date),
            worker=self.opt(where, d, "worker", _optional_text) or "",
            note=self.opt(where, d, "note", _optional_text) or "",
            amount_fen=self.opt(where, d, "amount_yuan", _BENEFIT),
            member_id=self.opt(where, d, "member_id", parse_uuid),
            appraisal=appraisal,
        )


def parse_household(data: Any, *, today: date | None = None) -> Household:
    """Validate one interchange object and return the household it describes.

    Raises ``ValidationFailed`` listing every bad field; ``today`` bounds dates that cannot
    lie in the future (visits, expenses, stage dates).
    """
    parser = _Parser(today or date.today())
    household = parser.household(data)
    parser.c.raise_if_any()
    assert household is not None
    rule_errors = household_rule_errors(household, today=today)
    if rule_errors:
        raise ValidationFailed(rule_errors)
    return household


def _d(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def household_to_dict(h: Household) -> dict[str, Any]:
    """The interchange object for a household; ``parse_household`` reads it back exactly."""
    return {
        "format": FORMAT,
        "id": h.id,
        "village_code": h.village_code,
        "address": h.address,
        "hukou": h.hukou.value,
        "local_resident": h.local_resident,
        "registered_poor": None
        if h.registered_poor is None
        else {
            "status": h.registered_poor.status.value,
            "exited_on": _d(h.registered_poor.exited_on),
        },
        "cadre_relative": h.cadre_relative,
        "members": [_member_to_dict(m) for m in h.members],
        "assets": None
        if h.assets is None
        else [
            {
                "id": a.id,
                "kind": a.kind.value,
                "value_yuan": format_yuan(a.value_fen),
                "count": a.count,
            }
            for a in h.assets
        ],
        "expenses": None
        if h.expenses is None
        else [
            {
                "id": e.id,
                "kind": e.kind.value,
                "amount_yuan": format_yuan(e.amount_fen),
                "date": e.date.isoformat(),
            }
            for e in h.expenses
        ],
        "legal_supporters": None
        if h.legal_supporters is None
        else [
            {
                "id": s.id,
                "relation": s.relation.value,
                "name": s.name,
                "able": s.able,
                "reason": None if s.reason is None else s.reason.value,
            }
            for s in h.legal_supporters
        ],
        "benefits": [
            {
                "id": b.id,
                "program": b.program.value,
                "since": b.since.isoformat(),
                "category": None if b.category is None else b.category.value,
                "monthly_yuan": format_yuan(b.monthly_fen),
                "exit_until": _d(b.exit_until),
                # Written only when recorded, so that a household without them keeps the
                # fingerprint its decision records were made with.
                **({"certificate_number": b.certificate_number} if b.certificate_number else {}),
                **({} if b.covered_members is None else {"covered_members": b.covered_members}),
            }
            for b in h.benefits
        ],
        "emergency": None
        if h.emergency is None
        else {
            "kind": h.emergency.kind.value,
            "date": h.emergency.date.isoformat(),
            "description": h.emergency.description,
        },
        "visits": [
            {
                "id": v.id,
                "date": v.date.isoformat(),
                "workers": list(v.workers),
                "purpose": v.purpose.value,
                "observations": observations_to_dict(v.observations),
                "conclusion": v.conclusion,
                "notes": v.notes,
                "signed_at": None if v.signed_at is None else v.signed_at.isoformat(),
            }
            for v in h.visits
        ],
        "applications": [
            {
                "id": a.id,
                "program": a.program.value,
                "member_id": a.member_id,
                "history": [_stage_to_dict(e) for e in a.history],
            }
            for a in h.applications
        ],
        # Only where recorded, so a household without it reads (and hashes) as before.
        **({} if h.payment is None else {"payment": _payment_to_dict(h.payment)}),
    }


def _payment_to_dict(p: Payment) -> dict[str, Any]:
    return {
        "bank_code": p.bank_code,
        "bank_name": p.bank_name,
        "account_name": p.account_name,
        "account_number": p.account_number,
    }


def _stage_to_dict(e: StageEntry) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "id": e.id,
        "stage": e.stage.value,
        "date": e.date.isoformat(),
        "worker": e.worker,
        "note": e.note,
        "amount_yuan": None if e.amount_fen is None else format_yuan(e.amount_fen),
        "member_id": e.member_id,
    }
    # Only where there is one, so an entry without it reads (and hashes) as before.
    if e.appraisal is not None:
        entry["appraisal"] = appraisal_to_dict(e.appraisal)
    return entry


def _member_to_dict(m: Member) -> dict[str, Any]:
    return {
        "id": m.id,
        "name": m.name,
        "id_number": m.id_number,
        "relation": m.relation.value,
        "labor_capacity": None if m.labor_capacity is None else m.labor_capacity.value,
        "disability": None
        if m.disability is None
        else {"type": m.disability.type.value, "grade": m.disability.grade},
        "serious_illness": m.serious_illness,
        "self_care_impossible": m.self_care_impossible,
        "in_school": m.in_school,
        "orphan": m.orphan,
        "de_facto_unsupported_child": m.de_facto_unsupported_child,
        "employment": None if m.employment is None else m.employment.value,
        "returned_to_work": m.returned_to_work,
        "incomes": None
        if m.incomes is None
        else [
            {"id": i.id, "kind": i.kind.value, "monthly_yuan": format_yuan(i.monthly_fen)}
            for i in m.incomes
        ],
    }
