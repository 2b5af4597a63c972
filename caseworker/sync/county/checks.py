"""The checks a household passes at the county before any of its rows is stored.

Each value of each row is checked once, on the wire row itself, with the domain's parsers
at the bounds an import applies (names, ID numbers with their check character, amounts,
dates not in the future, text lengths, control characters, codes, ids). The household is
then put together from the parsed values and run through the domain's household rules
(exactly one head, no duplicate ID numbers, disability grades, poverty-exit dates, benefit
and stage dates), and each member's birth date and sex must agree with the ID number.

Every refusal names the table, the row and the field, in Chinese and English. The rules
are those of ``parse_household``: ``tests/sync/test_county_checks.py`` holds the earlier
two-pass check (wire parsers, then the interchange parser on the assembled household) as a
reference and requires this one to refuse everything that one refuses.
"""

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from caseworker.domain.codes import LabelledCode
from caseworker.domain.idnumber import ResidentId
from caseworker.domain.payment import (
    parse_account_number,
    parse_bank_code,
    parse_bank_name,
    parse_certificate_number,
    parse_covered_members,
)
from caseworker.domain.validation import (
    ADDRESS_MAX,
    ASSET_COUNT_LIMIT,
    ASSET_VALUE_LIMIT_FEN,
    BENEFIT_LIMIT_FEN,
    EXPENSE_LIMIT_FEN,
    MONTHLY_INCOME_LIMIT_FEN,
    NAME_MAX,
    TEXT_MAX,
    Collector,
    FieldError,
    Problem,
    ValidationFailed,
    Where,
    household_rule_errors,
    missing,
    parse_code,
    parse_date,
    parse_int,
    parse_name,
    parse_resident_id,
)
from caseworker.interchange.appraisal import appraisal_to_dict, parse_appraisal
from caseworker.interchange.household_assembly import assemble_household
from caseworker.interchange.household_rows import TABLE_ORDER
from caseworker.interchange.observations import observations_to_dict, parse_observations
from caseworker.sync.wire import CODE_COLUMNS, CONTENT_COLUMNS, PARSERS, TABLES, where_row

WireRows = dict[str, dict[str, dict[str, Any]]]  # table -> row id -> wire content
Check = Callable[[Any], Any]  # the parsed value, or raises Problem

# Control characters: the wire refuses all but tab, newline and carriage return; the
# domain's text parser (on the trimmed text) refuses carriage returns as well.
_WIRE_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_CONTROL = Problem("control_chars", "含有不可见的控制字符", "contains control characters")
_TYPE_TEXT = Problem("type", "应为文字", "must be text")
_UNKNOWN = Problem("unknown_field", "不是该记录的字段", "is not a field of this record")


def _too_long(limit: int) -> Problem:
    return Problem(
        "too_long", f"太长（最多{limit}个字）", f"is too long (at most {limit} characters)"
    )


def _text(max_len: int, *, wire_max: int | None = None, required: bool = False) -> Check:
    """Text as the wire and the domain both take it: at most ``wire_max`` characters as
    sent, at most ``max_len`` once trimmed, not empty if ``required``, no control
    characters (a carriage return only as trimmed-off whitespace)."""

    def check(value: Any) -> str:
        if not isinstance(value, str):
            raise _TYPE_TEXT
        if wire_max is not None and len(value) > wire_max:
            raise _too_long(wire_max)
        if _WIRE_CONTROL.search(value):
            raise _CONTROL
        text = value.strip()
        if required and not text:
            raise missing()
        if len(text) > max_len:
            raise _too_long(max_len)
        if "\r" in text:
            raise _CONTROL
        return value

    return check


def _name(wire_max: int | None) -> Check:
    """A person's name (the domain's rules), also within the wire's column length."""
    text = _text(NAME_MAX, wire_max=wire_max, required=True)

    def check(value: Any) -> str:
        text(value)
        return parse_name(value)

    return check


def _code(cls: type[LabelledCode]) -> Check:
    codes = frozenset(member.value for member in cls)
    parse = parse_code(cls)

    def check(value: Any) -> str:
        if value.__class__ is str and value in codes:
            return str(value)
        return parse(value).value  # raises Problem, naming the codes

    return check


def _fen(limit: int) -> Check:
    """An amount in fen: a whole number from 0 to ``limit`` (the import's bounds)."""
    whole = parse_int(-(2**53), 2**53)

    def check(value: Any) -> int:
        fen: int = whole(value)
        if fen < 0:
            raise Problem(
                "negative",
                "金额不能为负数（亏损请记为0）",
                "cannot be negative (record a loss as 0)",
            )
        if fen > limit:
            yuan = limit // 100
            raise Problem(
                "absurd",
                f"金额过大（超过{yuan}.00元），请核对",
                f"is implausibly large (over {yuan}.00 yuan)",
            )
        return fen

    return check


def _workers(value: Any) -> list[str]:
    if not isinstance(value, list):
        raise Problem("type", "应为列表（[...]）", "must be a list [...]")
    for worker in value:
        parse_name(worker)
    return value


def _observations(value: Any) -> dict[str, Any]:
    """A visit's observations checked by the import's own parser (every bad part named,
    e.g. ``observations.livestock.cattle``); the whole typed object. That each income's
    member is in the household is one of the household rules, checked afterwards."""
    collector = Collector()
    observed = parse_observations(collector, Where().field("observations"), value)
    if collector.errors:
        raise ValidationFailed(collector.errors)
    return observations_to_dict(observed)


def _appraisal_check(latest: date) -> Check:
    """A democratic appraisal's record checked by the import's own parser; the whole typed
    object. That its votes fit the people present is a household rule, checked after."""

    def check(value: Any) -> dict[str, Any]:
        collector = Collector()
        record = parse_appraisal(collector, Where().field("appraisal"), value, latest=latest)
        if collector.errors:
            raise ValidationFailed(collector.errors)
        assert record is not None  # null is the column's own (nullable) value
        return appraisal_to_dict(record)

    return check


def _member_id_number(value: Any) -> ResidentId:
    if isinstance(value, str) and len(value) > 18:
        raise _too_long(18)
    return parse_resident_id(value)


@dataclass(frozen=True, slots=True)
class Column:
    check: Check
    nullable: bool


@dataclass(frozen=True, slots=True)
class Plan:
    """How the rows of one table are checked: each column, and which must be present."""

    columns: dict[str, Column]
    required: frozenset[str]


def _domain_checks(past: Check, latest: date) -> dict[tuple[str, str], Check]:
    """Columns whose import rules are stricter than the wire's type checks."""
    optional_text = _text(TEXT_MAX)
    return {
        ("household", "address"): _text(ADDRESS_MAX, wire_max=200, required=True),
        ("household", "poor_exited_on"): past,
        ("household", "emergency_date"): past,
        ("household", "emergency_description"): optional_text,
        ("household", "bank_code"): parse_bank_code,
        ("household", "bank_name"): parse_bank_name,
        ("household", "account_name"): _name(40),
        ("household", "account_number"): parse_account_number,
        ("member", "name"): _name(40),
        ("member", "id_number"): _member_id_number,
        ("member", "disability_grade"): parse_int(1, 4),
        ("member", "serious_illness"): optional_text,
        ("member", "self_care_impossible"): parse_int(0, 6),
        ("income", "monthly_fen"): _fen(MONTHLY_INCOME_LIMIT_FEN),
        ("asset", "value_fen"): _fen(ASSET_VALUE_LIMIT_FEN),
        ("asset", "count"): parse_int(1, ASSET_COUNT_LIMIT),
        ("expense", "amount_fen"): _fen(EXPENSE_LIMIT_FEN),
        ("expense", "date"): past,
        ("legal_supporter", "name"): _name(40),
        ("benefit", "monthly_fen"): _fen(BENEFIT_LIMIT_FEN),
        ("benefit", "certificate_number"): parse_certificate_number,
        ("benefit", "covered_members"): parse_covered_members,
        ("visit", "date"): past,
        ("visit", "workers"): _workers,
        ("visit", "observations"): _observations,
        ("visit", "conclusion"): optional_text,
        ("visit", "notes"): optional_text,
        ("application_stage", "date"): past,
        ("application_stage", "worker"): optional_text,
        ("application_stage", "note"): optional_text,
        ("application_stage", "amount_fen"): _fen(BENEFIT_LIMIT_FEN),
        ("application_stage", "appraisal"): _appraisal_check(latest),
    }


@lru_cache(maxsize=4)
def plans(latest: date) -> dict[str, Plan]:
    """The check of every table's rows, with ``latest`` the last date allowed for events."""
    domain = _domain_checks(parse_date(not_after=latest), latest)
    out = {}
    for name, table in TABLES.items():
        columns = {}
        for key in CONTENT_COLUMNS[name]:
            check = domain.get((name, key))
            if check is None and (name, key) in CODE_COLUMNS:
                check = _code(CODE_COLUMNS[(name, key)])
            columns[key] = Column(check or PARSERS[name][key], bool(table.c[key].nullable))
        if name in TABLE_ORDER:
            # A household's rows are read whole: every column is there, null or not.
            required = frozenset(columns)
        else:
            required = frozenset(
                key for key in columns if not table.c[key].nullable and table.c[key].default is None
            )
        out[name] = Plan(columns, required)
    return out


def _row_error(table: str, row_id: str, key: str, value: Any, problem: Problem) -> FieldError:
    zh, en = where_row(table, row_id)
    return Where().field(key).error(value, problem).in_record(zh, en)


def check_row(
    plan: Plan, table: str, row_id: str, data: Any, errors: list[FieldError]
) -> dict[str, Any] | None:
    """The parsed values of one wire row, or None with its errors added to ``errors``."""
    if not isinstance(data, Mapping):
        zh, en = where_row(table, row_id)
        problem = Problem("type", "应为对象", "must be an object")
        errors.append(Where().error(None, problem).in_record(zh, en))
        return None
    columns = plan.columns
    parsed: dict[str, Any] = {}
    ok = True
    for key, value in data.items():
        column = columns.get(key)
        if column is None:
            errors.append(_row_error(table, row_id, str(key), None, _UNKNOWN))
            ok = False
        elif value is None:
            if not column.nullable:
                errors.append(_row_error(table, row_id, key, None, missing()))
                ok = False
            parsed[key] = None
        else:
            try:
                parsed[key] = column.check(value)
            except Problem as problem:
                errors.append(_row_error(table, row_id, key, value, problem))
                ok = False
            except ValidationFailed as failed:  # a structured value: each part named
                zh, en = where_row(table, row_id)
                errors.extend(e.in_record(zh, en) for e in failed.errors)
                ok = False
    if not plan.required <= data.keys():
        for key in CONTENT_COLUMNS[table]:
            if key in plan.required and key not in data:
                errors.append(_row_error(table, row_id, key, None, missing()))
                ok = False
    return parsed if ok else None


def value_errors(
    table: str, row_id: str, values: Mapping[str, Any], *, today: date | None = None
) -> list[FieldError]:
    """What is wrong with some fields of a row taken alone: each must be a field of the
    table, and each value one it may hold (the checks of ``household_errors`` for that
    column). For values that are kept without being applied, such as the other value of
    a conflict: a person must be able to choose them."""
    plan = plans((today or date.today()) + timedelta(days=1))[table]
    errors: list[FieldError] = []
    check_row(Plan(plan.columns, frozenset()), table, row_id, values, errors)
    return errors


def _order_key(table: str, row: Mapping[str, Any]) -> tuple[Any, ...]:
    if table == "visit":
        return (row["date"], row["id"])
    if table == "application_stage":
        return (row["application_id"], row["position"])
    return (row["position"], row["id"])


def _dangling(table: str, row: Mapping[str, Any], column: str) -> FieldError:
    problem = Problem(
        "dangling_reference", "指向本户中不存在的记录", "refers to a record not in this household"
    )
    return _row_error(table, row["id"], column, row[column], problem)


def household_errors(
    household_id: str, rows: WireRows, *, today: date | None = None
) -> list[FieldError]:
    """Everything wrong with a household given as wire rows; [] if it may be stored."""
    # A laptop's clock may run a little ahead of the county's.
    table_plans = plans((today or date.today()) + timedelta(days=1))
    errors: list[FieldError] = []
    parsed: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    for table, table_rows in rows.items():
        plan = table_plans[table]
        out = parsed[table]
        for row_id, data in table_rows.items():
            row = check_row(plan, table, row_id, data, errors)
            if row is not None:
                row["id"] = row_id
                out.append(row)
    if errors:
        return errors
    if len(parsed["household"]) != 1:
        problem = Problem("no_household", "缺少家庭记录本身", "the household row itself is missing")
        zh, en = where_row("household", household_id)
        return [Where().field("id").error(household_id, problem).in_record(zh, en)]
    head_row = parsed["household"][0]
    members = {r["id"] for r in parsed["member"]}
    applications = {r["id"] for r in parsed["application"]}
    errors = [
        _dangling("income", r, "member_id")
        for r in parsed["income"]
        if r["member_id"] not in members
    ]
    errors += [
        _dangling("application_stage", r, "application_id")
        for r in parsed["application_stage"]
        if r["application_id"] not in applications
    ]
    with_history = {r["application_id"] for r in parsed["application_stage"]}
    for r in parsed["application"]:
        if r["id"] not in with_history:
            zh, en = where_row("application", r["id"])
            errors.append(Where().field("history").error(None, missing()).in_record(zh, en))
    for r in parsed["member"]:
        # The ID number tells the birth date and sex; the row must say the same.
        rid: ResidentId = r["id_number"]
        r["id_number"] = rid.number
        if r["birth_date"] != rid.birth_date or r["sex"] != rid.sex.value:
            problem = Problem(
                "id_mismatch",
                "出生日期或性别与身份证号不一致",
                "birth date or sex differs from the ID number",
            )
            errors.append(_row_error("member", r["id"], "id_number", rid.number, problem))
    if head_row["emergency_kind"] is not None and head_row["emergency_date"] is None:
        # An emergency is a kind and a day: without the day it cannot be printed or judged.
        errors.append(_row_error("household", household_id, "emergency_date", None, missing()))
    if head_row["account_number"] is not None:
        # An account is paid into only with its bank and holder named.
        for key in ("bank_name", "account_name"):
            if head_row[key] is None:
                errors.append(_row_error("household", household_id, key, None, missing()))
    if errors:
        return errors
    children = {
        table: sorted(parsed[table], key=lambda r, t=table: _order_key(t, r))  # type: ignore[misc]
        for table in TABLE_ORDER[1:]
    }
    household = assemble_household(head_row, children)
    zh, en = where_row("household", household_id)
    return [e.in_record(zh, en) for e in household_rule_errors(household, today=today)]
