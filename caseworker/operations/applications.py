"""Applications and the decisions of each level: the village's opinion, the township's
review, the county's approval or refusal, each recorded with who, when, the opinion, and
(for a decision) the monthly amount and the member it is for.

An approval of a monthly program starts the benefit from the first day of the next month;
notices print from the recorded decision, never from a screening.
"""

from dataclasses import replace
from datetime import date
from typing import Any

from caseworker.domain.codes import MONTHLY_PROGRAMS, Program, Stage, WorkerRole
from caseworker.domain.money import MoneyFormatError, yuan_to_fen
from caseworker.domain.procedure import may_record, next_stages, who_records
from caseworker.domain.records import Application, Household
from caseworker.domain.validation import FieldError, Problem, ValidationFailed, Where
from caseworker.interchange.household_format import household_to_dict, parse_household
from caseworker.operations.changes import Changes
from caseworker.screening import PolicyChooser, policy_library
from caseworker.store.db import Store
from caseworker.store.households import load_household, save_household

# Stages whose entry is an opinion or decision that must say something.
OPINION_REQUIRED = frozenset(
    {Stage.TOWNSHIP_REVIEW, Stage.APPROVED, Stage.REFUSED, Stage.CHANGED, Stage.STOPPED}
)
# Decisions that state a monthly amount (more than 0).
WITH_AMOUNT = frozenset({Stage.APPROVED, Stage.CHANGED})
ENTRY = "entry"  # the field path prefix of errors in the entry being recorded


def _problem(field: str, value: Any, code: str, zh: str, en: str) -> FieldError:
    return Where().field(ENTRY).field(field).error(value, Problem(code, zh, en))


def _role_error(stage: Stage, role: WorkerRole) -> list[FieldError]:
    """The refusal of a stage that workers of ``role`` do not record (none if they do)."""
    if may_record(role, stage):
        return []
    zh, en = who_records(stage)
    return [
        _problem(
            "stage",
            stage.zh,
            "stage_role",
            f"“{stage.zh}”由{zh}记录，{role.zh}不能记录",
            f"'{stage.en}' is recorded by {en}, not by a {role.en}",
        )
    ]


def _entry_errors(
    application: Application, entry: dict[str, Any], allowed: tuple[Stage, ...], role: WorkerRole
) -> list[FieldError]:
    """What is wrong with an entry before it is added (besides the format's own checks)."""
    errors = []
    stage = Stage.parse(entry.get("stage"))
    if stage in allowed and not may_record(role, stage):
        return _role_error(stage, role)
    if stage not in allowed:
        names = "、".join(s.zh for s in allowed) or "无"
        errors.append(
            _problem(
                "stage",
                stage.zh if stage else entry.get("stage"),
                "stage_order",
                f"现在只能记录：{names}",
                f"only these stages may follow now: {', '.join(s.en for s in allowed)}",
            )
        )
        return errors
    if stage in OPINION_REQUIRED and not str(entry.get("note") or "").strip():
        errors.append(
            _problem("note", None, "missing", "请填写意见或理由", "write the opinion or reason")
        )
    if stage in WITH_AMOUNT:
        amount = str(entry.get("amount_yuan") or "").strip()
        try:
            fen: int | None = yuan_to_fen(amount) if amount else 0
        except MoneyFormatError:
            fen = None  # not an amount: the household format's check says so
        if fen == 0:
            errors.append(
                _problem(
                    "amount_yuan",
                    amount,
                    "missing",
                    "批准或变更时须填写每月金额（大于0）",
                    "an approval or a change states the monthly amount (more than 0)",
                )
            )
        if (
            stage is Stage.APPROVED
            and application.program is Program.DIBAO_SINGLE_PERSON
            and not (entry.get("member_id") or application.member_id)
        ):
            errors.append(
                _problem(
                    "member_id",
                    None,
                    "missing",
                    "单人户施保须选择纳入保障的家庭成员",
                    "a single-person inclusion names the member it is for",
                )
            )
    return errors


def _appraisal_errors(
    application: Application, entry: dict[str, Any], appraisal_required: bool
) -> list[FieldError]:
    """Where the county's pack requires a democratic appraisal: its entry carries the
    meeting's record, and the township reviews only an application that went through one."""
    if not appraisal_required or application.is_review:
        return []
    stage = Stage.parse(entry.get("stage"))
    if stage is Stage.APPRAISAL and not entry.get("appraisal"):
        return [
            _problem(
                "appraisal",
                None,
                "missing",
                "本县要求填写民主评议记录（地点、参加人员、表决结果）",
                "this county requires the appraisal's record (place, who took part, the votes)",
            )
        ]
    if stage is Stage.TOWNSHIP_REVIEW and application.latest(Stage.APPRAISAL) is None:
        return [
            _problem(
                "stage",
                stage.zh,
                "appraisal_first",
                "本县要求先经村民主评议，再由乡镇审核",
                "this county requires a democratic appraisal before the township's review",
            )
        ]
    return []


def appraisal_required(store: Store, household: Household, on: date) -> bool:
    """Whether the policy pack in force for the household requires every application to
    go through a democratic appraisal (``procedure.appraisal_required``)."""
    policy = PolicyChooser(policy_library(store))(household)
    return bool(policy.entry("procedure.appraisal_required", on).value)


def _next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def _about_the_entry(errors: list[FieldError], prefix: str) -> list[FieldError]:
    return [
        replace(e, field=ENTRY + e.field[len(prefix) :]) if e.field.startswith(prefix) else e
        for e in errors
    ]


def _save(store: Store, data: dict[str, Any], prefix: str, today: date | None) -> Household:
    try:
        household = parse_household(data, today=today)
        save_household(store, household)
    except ValidationFailed as failed:
        raise ValidationFailed(_about_the_entry(failed.errors, prefix)) from None
    return household


def _load(store: Store, household_id: str) -> Household:
    with store.read() as conn:
        household = load_household(conn, household_id)
    if household is None:
        raise LookupError(household_id)
    return household


def start_application(
    store: Store,
    household_id: str,
    *,
    program: Program,
    entry: dict[str, Any],
    role: WorkerRole,
    member_id: str | None = None,
    today: date | None = None,
) -> Changes:
    """Record a new application (its first entry is the 提出申请 stage), as a worker of
    ``role``; raises ``ValidationFailed`` if that role does not take applications."""
    if errors := _role_error(Stage.APPLIED, role):
        raise ValidationFailed(errors)
    household = _load(store, household_id)
    entry = {**entry, "stage": Stage.APPLIED.value}
    if program is Program.DIBAO_SINGLE_PERSON and not member_id:
        raise ValidationFailed(
            [
                _problem(
                    "member_id",
                    None,
                    "missing",
                    "单人户施保须选择为哪一名家庭成员申请",
                    "a single-person inclusion names the member it is for",
                )
            ]
        )
    data = household_to_dict(household)
    index = len(data["applications"])
    data["applications"].append(
        {"program": program.value, "member_id": member_id, "history": [entry]}
    )
    _save(store, data, f"applications[{index}].history[0]", today)
    return Changes(households=frozenset({household_id}), screening=True, sync=True)


def start_review(
    store: Store,
    household_id: str,
    *,
    program: Program,
    entry: dict[str, Any],
    role: WorkerRole,
    today: date | None = None,
) -> Changes:
    """Start a review (复核) of a benefit the household receives, as a worker of ``role``:
    its stages follow, and the county's decision to change the amount or to stop the
    benefit ends it."""
    if errors := _role_error(Stage.REVIEW, role):
        raise ValidationFailed(errors)
    household = _load(store, household_id)
    if not any(b.program is program for b in household.benefits):
        raise ValidationFailed(
            [
                _problem(
                    "program",
                    program.zh,
                    "no_benefit",
                    f"该户目前没有享受{program.zh}，无需复核",
                    f"the household does not receive {program.en}: nothing to review",
                )
            ]
        )
    data = household_to_dict(household)
    index = len(data["applications"])
    paid = next(b for b in data["benefits"] if b["program"] == program.value)
    # What it pays now, for the notice that will say "from ... to ..." after a change.
    entry = {**entry, "stage": Stage.REVIEW.value, "amount_yuan": paid["monthly_yuan"]}
    data["applications"].append({"program": program.value, "history": [entry]})
    _save(store, data, f"applications[{index}].history[0]", today)
    return Changes(households=frozenset({household_id}), screening=True, sync=True)


def _decided_benefit(data: dict[str, Any], program: Program, stage: Stage, amount: str) -> None:
    """The county changed a benefit's amount (paid from the month after) or stopped it."""
    benefits = data["benefits"]
    kept = [b for b in benefits if b["program"] == program.value]
    if stage is Stage.STOPPED:
        data["benefits"] = [b for b in benefits if b["program"] != program.value]
    elif kept:
        kept[-1]["monthly_yuan"] = amount


def record_stage(
    store: Store,
    household_id: str,
    application_id: str,
    entry: dict[str, Any],
    *,
    role: WorkerRole,
    today: date | None = None,
) -> Changes:
    """Add the next entry (an opinion, a review, a decision) to an application, as a worker
    of ``role`` (each stage is recorded by one level: ``procedure.STAGE_ROLES``); an
    approval of a monthly program starts its benefit the month after.

    Raises ``ValidationFailed`` (fields ``entry.<field>``) and writes nothing on refusal.
    """
    household = _load(store, household_id)
    index = next((i for i, a in enumerate(household.applications) if a.id == application_id), None)
    if index is None:
        raise LookupError(application_id)
    application = household.applications[index]
    errors = _entry_errors(application, entry, next_stages(application), role)
    if not errors:
        try:
            on = date.fromisoformat(str(entry.get("date")))
        except ValueError:
            on = today or date.today()  # not a date: the format's check says so
        errors = _appraisal_errors(application, entry, appraisal_required(store, household, on))
    if errors:
        raise ValidationFailed(errors)
    stage = Stage(entry["stage"])
    if stage is Stage.APPROVED and application.program is Program.DIBAO_SINGLE_PERSON:
        entry = {**entry, "member_id": entry.get("member_id") or application.member_id}
    data = household_to_dict(household)
    history = data["applications"][index]["history"]
    history.append(entry)
    if stage in (Stage.CHANGED, Stage.STOPPED):
        _decided_benefit(data, application.program, stage, str(entry.get("amount_yuan") or ""))
    if stage is Stage.APPROVED and application.program in MONTHLY_PROGRAMS:
        decided = date.fromisoformat(entry["date"])
        benefit = {
            "program": application.program.value,
            "since": _next_month(decided).isoformat(),
            "monthly_yuan": entry["amount_yuan"],
        }
        if application.program is Program.DIBAO_SINGLE_PERSON:  # the one member is paid for
            benefit["covered_members"] = [entry["member_id"]]
        data["benefits"].append(benefit)
    _save(store, data, f"applications[{index}].history[{len(history) - 1}]", today)
    return Changes(households=frozenset({household_id}), screening=True, sync=True)
