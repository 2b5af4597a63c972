"""The rules of a whole household record that no single field shows (one head, no member
twice, signed visits by two workers, a democratic appraisal's votes adding up, ...).

The error model (``field_errors``) and the value parsers (``parsers``) are in modules of
their own; this module also names them, as most callers import them from here.
"""

from collections.abc import Iterator
from datetime import date

from caseworker.domain.codes import (
    DisabilityType,
    PoorStatus,
    Relation,
    Stage,
)
from caseworker.domain.field_errors import (
    FIELD_LABELS,
    ROOT,
    Collector,
    FieldError,
    Problem,
    ValidationFailed,
    Where,
)
from caseworker.domain.parsers import (
    ADDRESS_MAX,
    ASSET_COUNT_LIMIT,
    ASSET_VALUE_LIMIT_FEN,
    BEIJING_TIME,
    BENEFIT_LIMIT_FEN,
    EXPENSE_LIMIT_FEN,
    HOUSING_AREA_LIMIT_M2,
    MAX_MEMBERS,
    MONTHLY_INCOME_LIMIT_FEN,
    NAME_MAX,
    SIGNED_VISIT_WORKERS,
    TEXT_MAX,
    VISIT_COUNT_LIMIT,
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
from caseworker.domain.records import Household, StageEntry

__all__ = [
    "ADDRESS_MAX",
    "ASSET_COUNT_LIMIT",
    "ASSET_VALUE_LIMIT_FEN",
    "BEIJING_TIME",
    "BENEFIT_LIMIT_FEN",
    "EXPENSE_LIMIT_FEN",
    "FIELD_LABELS",
    "HOUSING_AREA_LIMIT_M2",
    "MAX_MEMBERS",
    "MONTHLY_INCOME_LIMIT_FEN",
    "NAME_MAX",
    "ROOT",
    "SIGNED_VISIT_WORKERS",
    "TEXT_MAX",
    "VISIT_COUNT_LIMIT",
    "Collector",
    "FieldError",
    "Problem",
    "ValidationFailed",
    "Where",
    "household_rule_errors",
    "missing",
    "parse_bool",
    "parse_code",
    "parse_date",
    "parse_datetime",
    "parse_int",
    "parse_money",
    "parse_name",
    "parse_region_code",
    "parse_resident_id",
    "parse_text",
    "parse_uuid",
]


def household_rule_errors(household: Household, *, today: date | None = None) -> list[FieldError]:
    """Errors in a parsed household that no single field shows (heads, duplicates, ...)."""
    return list(_household_rules(household, today or date.today()))


def _household_rules(household: Household, today: date) -> Iterator[FieldError]:
    member_ids = {m.id for m in household.members}
    not_a_member = Problem(
        "not_a_member", "不是本户的家庭成员", "is not a member of this household"
    )
    yield from _member_rules(household)
    yield from _poverty_rules(household)
    yield from _benefit_rules(household, member_ids, not_a_member)
    yield from _visit_rules(household, member_ids, not_a_member)
    yield from _application_rules(household, member_ids, not_a_member)


def _member_rules(household: Household) -> Iterator[FieldError]:
    """One head; no more members than a household has; no ID number twice; a grade with a
    disability and none without."""
    root = ROOT
    heads = [m for m in household.members if m.relation is Relation.HEAD]
    if not household.members:
        yield root.field("members").error(
            None, Problem("no_members", "至少要有一名家庭成员", "must list at least one member")
        )
    elif len(heads) != 1:
        problem = (
            Problem(
                "no_head", "没有户主，请指定一名成员为户主", "no member is the head of household"
            )
            if not heads
            else Problem(
                "two_heads",
                f"有{len(heads)}名户主，只能有一名",
                f"has {len(heads)} heads of household; there must be one",
            )
        )
        yield root.field("members").error(None, problem)
    if len(household.members) > MAX_MEMBERS:
        yield root.field("members").error(
            len(household.members),
            Problem(
                "too_many", f"成员过多（最多{MAX_MEMBERS}人）", f"too many (at most {MAX_MEMBERS})"
            ),
        )
    seen: dict[str, int] = {}
    for index, member in enumerate(household.members):
        where = root.item("members", index, member.name)
        if member.id_number in seen:
            yield where.field("id_number").error(
                member.id_number,
                Problem(
                    "duplicate_in_household",
                    f"与第{seen[member.id_number] + 1}名成员重复",
                    f"is the same as member {seen[member.id_number] + 1}",
                ),
            )
        else:
            seen[member.id_number] = index
        disability = member.disability
        if disability is not None:
            if disability.type is DisabilityType.NONE and disability.grade is not None:
                yield (
                    where.field("disability")
                    .field("grade")
                    .error(
                        disability.grade,
                        Problem(
                            "grade_without_type",
                            "无残疾时不应填等级",
                            "no grade without a disability",
                        ),
                    )
                )
            if disability.type is not DisabilityType.NONE and disability.grade is None:
                yield (
                    where.field("disability")
                    .field("grade")
                    .error(
                        None,
                        Problem(
                            "required", "有残疾时必须填写等级（1-4级）", "grade 1-4 is required"
                        ),
                    )
                )


def _poverty_rules(household: Household) -> Iterator[FieldError]:
    """An exit date exactly when the household has exited poverty."""
    poor = household.registered_poor
    if poor is not None:
        where = ROOT.field("registered_poor").field("exited_on")
        if poor.status is PoorStatus.EXITED and poor.exited_on is None:
            yield where.error(
                None, Problem("required", "已脱贫的须填写脱贫日期", "required once exited")
            )
        if poor.status is not PoorStatus.EXITED and poor.exited_on is not None:
            yield where.error(
                poor.exited_on,
                Problem(
                    "exit_without_status", "未脱贫不应有脱贫日期", "only for exited households"
                ),
            )


def _benefit_rules(
    household: Household, member_ids: set[str], not_a_member: Problem
) -> Iterator[FieldError]:
    """A gradual exit ends after it starts; a benefit covers members of the household."""
    root = ROOT
    for index, benefit in enumerate(household.benefits):
        if benefit.exit_until is not None and benefit.exit_until < benefit.since:
            yield (
                root.item("benefits", index)
                .field("exit_until")
                .error(
                    benefit.exit_until,
                    Problem("before_since", "不能早于起始日期", "cannot be before the start date"),
                )
            )
    for index, benefit in enumerate(household.benefits):
        for member_id in benefit.covered_members or ():
            if member_id not in member_ids:
                yield (
                    root.item("benefits", index)
                    .field("covered_members")
                    .error(member_id, not_a_member)
                )


def _application_rules(
    household: Household, member_ids: set[str], not_a_member: Problem
) -> Iterator[FieldError]:
    """An application names members of the household, its appraisal records add up, and
    its stages come in the order of their dates."""
    root = ROOT
    for index, application in enumerate(household.applications):
        where = root.item("applications", index)
        if application.member_id is not None and application.member_id not in member_ids:
            yield where.field("member_id").error(application.member_id, not_a_member)
        for step, entry in enumerate(application.history):
            if entry.member_id is not None and entry.member_id not in member_ids:
                yield (
                    where.item("history", step)
                    .field("member_id")
                    .error(entry.member_id, not_a_member)
                )
            yield from _appraisal_rules(entry, where.item("history", step))
        dates = [entry.date for entry in application.history]
        if dates != sorted(dates):
            yield (
                root.item("applications", index)
                .field("history")
                .error(
                    None,
                    Problem(
                        "out_of_order", "办理环节的日期应按先后顺序", "stage dates must be in order"
                    ),
                )
            )


def _appraisal_rules(entry: StageEntry, where: Where) -> Iterator[FieldError]:
    """An appraisal record belongs to a democratic appraisal entry; its votes are cast by
    the people present; its publicity and objections come after the meeting, in order."""
    record = entry.appraisal
    if record is None:
        return
    at = where.field("appraisal")
    if entry.stage is not Stage.APPRAISAL:
        yield at.error(
            None,
            Problem(
                "not_appraisal",
                "只有“民主评议”环节才有评议记录",
                "only a democratic appraisal entry has an appraisal record",
            ),
        )
    votes = record.agree + record.disagree + record.abstain
    if votes > record.present:
        yield at.field("present").error(
            record.present,
            Problem(
                "too_many_votes",
                f"同意、反对、弃权共{votes}票，多于到会人数",
                f"{votes} votes for, against and abstaining are more than the people present",
            ),
        )
    start, end = record.publicity_from, record.publicity_to
    if start is not None and start < entry.date:
        yield at.field("publicity_from").error(
            start.isoformat(),
            Problem(
                "before_meeting",
                f"不能早于评议日期{entry.date.isoformat()}",
                f"cannot be before the meeting on {entry.date.isoformat()}",
            ),
        )
    if end is not None and (start is None or end < start):
        yield at.field("publicity_to").error(
            end.isoformat(),
            Problem(
                "before_start",
                "应在公示开始日期之后（并填写开始日期）",
                "must follow the publicity's first day (which must be given)",
            ),
        )
    for index, objection in enumerate(record.objections):
        if objection.received_on < entry.date:
            yield (
                at.item("objections", index)
                .field("received_on")
                .error(
                    objection.received_on.isoformat(),
                    Problem(
                        "before_meeting",
                        f"不能早于评议日期{entry.date.isoformat()}",
                        f"cannot be before the meeting on {entry.date.isoformat()}",
                    ),
                )
            )


def _visit_rules(
    household: Household, member_ids: set[str], not_a_member: Problem
) -> Iterator[FieldError]:
    """A signed visit was made by at least two investigators; the incomes a visit found
    belong to members of this household."""
    for index, visit in enumerate(household.visits):
        where = ROOT.item("visits", index)
        if visit.signed_at is not None and len(set(visit.workers)) < SIGNED_VISIT_WORKERS:
            yield where.field("workers").error(
                "、".join(visit.workers),
                Problem(
                    "too_few_investigators",
                    f"已签字的入户调查须由至少{SIGNED_VISIT_WORKERS}名调查人员进行",
                    f"a signed visit needs at least {SIGNED_VISIT_WORKERS} investigators",
                ),
            )
        for step, income in enumerate(visit.observations.incomes or ()):
            if income.member_id not in member_ids:
                yield (
                    where.field("observations")
                    .item("incomes", step)
                    .field("member_id")
                    .error(income.member_id, not_a_member)
                )
