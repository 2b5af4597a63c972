"""Validators shared by import, the desktop forms and sync.

Every rejection is a ``FieldError`` that names the field (as a path such as
``members[1].id_number`` and as words a caseworker reads, in Chinese and English) and the
value that was refused. Nothing is ever written when any error is found.
"""

import re
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, timezone
from typing import Any, TypeVar

from mypy_extensions import mypyc_attr

from caseworker.domain.codes import (
    REGION_CODE_LENGTH,
    DisabilityType,
    LabelledCode,
    LivestockKind,
    PoorStatus,
    RegionLevel,
    Relation,
    Stage,
    VehicleKind,
)
from caseworker.domain.idnumber import IdNumberError, ResidentId, parse_id_number
from caseworker.domain.money import MoneyFormatError, format_yuan, yuan_to_fen
from caseworker.domain.records import Household, StageEntry

# Sanity bounds ("absurd" amounts are typing mistakes, not policy): these are not policy
# parameters and do not vary by county.
MONTHLY_INCOME_LIMIT_FEN = 500_000 * 100
ASSET_VALUE_LIMIT_FEN = 100_000_000 * 100
EXPENSE_LIMIT_FEN = 10_000_000 * 100
BENEFIT_LIMIT_FEN = 100_000 * 100
ASSET_COUNT_LIMIT = 100_000
# What a visit can plausibly see: the visit form's own limits.
HOUSING_AREA_LIMIT_M2 = 2000
VISIT_COUNT_LIMIT = 9999
# A signed investigation is made by at least two people (2021 procedure).
SIGNED_VISIT_WORKERS = 2
NAME_MAX = 40
TEXT_MAX = 2000
ADDRESS_MAX = 200
MAX_MEMBERS = 30

# Control characters other than tab (9) and line feed (10).
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f]")
_NAME_RE = re.compile(r"^[^\d\x00-\x1f<>{}\[\]\\/|@#$%^&*=+~`\"]+$")

T = TypeVar("T")
C = TypeVar("C", bound=LabelledCode)


class Problem(ValueError):
    """What is wrong with one value, before it is tied to a field."""

    def __init__(self, code: str, zh: str, en: str) -> None:
        super().__init__(en)
        self.code = code
        self.zh = zh
        self.en = en


@dataclass(frozen=True, slots=True)
class FieldError:
    """One refused value: which field, what value, and why (Chinese and English)."""

    field: str
    value: Any
    code: str
    label_zh: str
    label_en: str
    problem_zh: str
    problem_en: str
    record_zh: str = ""  # which household, when several are checked at once
    record_en: str = ""

    @property
    def message_zh(self) -> str:
        shown = _show(self.value)
        value = f"“{shown}”" if shown else ""
        record = f"{self.record_zh}：" if self.record_zh else ""
        return f"{record}{self.label_zh}{value}：{self.problem_zh}"

    @property
    def message_en(self) -> str:
        shown = _show(self.value)
        value = f" '{shown}'" if shown else ""
        record = f"{self.record_en}: " if self.record_en else ""
        return f"{record}{self.label_en}{value}: {self.problem_en}"

    def in_record(self, zh: str, en: str) -> "FieldError":
        """The same error, said to be in the household described by ``zh``/``en``."""
        return replace(self, record_zh=zh, record_en=en)

    def as_dict(self) -> dict[str, Any]:
        """Plain form, for JSON error reports (the CLI and the sync server)."""
        return {
            "field": self.field,
            "value": _show(self.value),
            "code": self.code,
            "message_zh": self.message_zh,
            "message_en": self.message_en,
        }


def _show(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "..."


@mypyc_attr(allow_interpreted_subclasses=True)  # e.g. PolicyError, when this is compiled
class ValidationFailed(ValueError):
    """Raised with every error found (or the first of very many, and how many more were
    left unlisted in ``omitted``); the caller writes nothing."""

    def __init__(self, errors: list[FieldError], omitted: int = 0) -> None:
        self.errors = errors
        self.omitted = omitted
        super().__init__("; ".join(e.message_en for e in errors[:5]))

    def messages(self, lang: str = "zh") -> list[str]:
        return [e.message_zh if lang == "zh" else e.message_en for e in self.errors]


@dataclass(frozen=True, slots=True)
class Where:
    """A place in a household record. Its path and words are only built for an error."""

    parent: "Where | None" = None
    key: str = ""
    index: int | None = None
    name: str | None = None

    def item(self, key: str, index: int, name: str | None = None) -> "Where":
        """Element ``index`` of list ``key``; ``name`` (a person's name) helps a reader."""
        return Where(self, key, index, name)

    def field(self, key: str) -> "Where":
        return Where(self, key)

    def _chain(self) -> list["Where"]:
        chain: list[Where] = []
        node: Where | None = self
        while node is not None and node.key:
            chain.append(node)
            node = node.parent
        return chain[::-1]

    @property
    def path(self) -> str:
        out = ""
        for node in self._chain():
            out += f".{node.key}" if out else node.key
            if node.index is not None:
                out += f"[{node.index}]"
        return out

    def _words(self, lang: int) -> str:
        parts: list[str] = []
        kinds: dict[str, tuple[str, str]] = {}
        for node in self._chain():
            if node.index is not None:
                text = ITEM_LABELS.get(node.key, ("{n}", "{n}"))[lang].format(n=node.index + 1)
                if node.name:
                    text += f"（{node.name}）" if lang == 0 else f" ({node.name})"
            else:
                words = kinds.get(node.key) or FIELD_LABELS.get(node.key, (node.key, node.key))
                text = words[lang]
            kinds = KIND_LABELS.get(node.key, {}) if node.index is None else {}
            parts.append(text)
        return ("的" if lang == 0 else " › ").join(parts)

    @property
    def zh(self) -> str:
        return self._words(0)

    @property
    def en(self) -> str:
        return self._words(1)

    def error(self, value: Any, problem: Problem) -> FieldError:
        return FieldError(
            field=self.path,
            value=value,
            code=problem.code,
            label_zh=self.zh or "记录",
            label_en=self.en or "record",
            problem_zh=problem.zh,
            problem_en=problem.en,
        )


ROOT = Where()


FIELD_LABELS: dict[str, tuple[str, str]] = {
    "format": ("文件格式", "format"),
    "code": ("代码", "code"),
    "level": ("层级", "level"),
    "parent_code": ("上级区划代码", "parent code"),
    "id": ("编号", "id"),
    "village_code": ("村（社区）代码", "village code"),
    "address": ("家庭住址", "address"),
    "hukou": ("户籍类型", "hukou type"),
    "local_resident": ("是否本地户籍", "local resident"),
    "registered_poor": ("建档立卡情况", "registered-poor status"),
    "status": ("状态", "status"),
    "exited_on": ("脱贫日期", "poverty-exit date"),
    "cadre_relative": ("是否村干部或经办人员近亲属", "relative of a cadre or caseworker"),
    "members": ("家庭成员", "members"),
    "name": ("姓名", "name"),
    "id_number": ("身份证号", "ID number"),
    "birth_date": ("出生日期", "birth date"),
    "sex": ("性别", "sex"),
    "relation": ("与户主关系", "relation to head"),
    "labor_capacity": ("劳动能力", "labour capacity"),
    "disability": ("残疾情况", "disability"),
    "type": ("类别", "type"),
    "grade": ("等级", "grade"),
    "serious_illness": ("重病情况", "serious illness"),
    "self_care_impossible": ("不能自理的日常活动项数", "daily activities impossible"),
    "in_school": ("是否在校", "in school"),
    "orphan": ("是否孤儿", "orphan"),
    "de_facto_unsupported_child": ("是否事实无人抚养儿童", "de facto unsupported child"),
    "employment": ("就业状况", "employment"),
    "returned_to_work": ("是否返岗就业", "returned to work"),
    "incomes": ("收入", "incomes"),
    "kind": ("类别", "kind"),
    "monthly_yuan": ("月金额（元）", "monthly amount (yuan)"),
    "assets": ("财产", "assets"),
    "value_yuan": ("价值（元）", "value (yuan)"),
    "count": ("数量", "count"),
    "expenses": ("支出", "expenses"),
    "amount_yuan": ("金额（元）", "amount (yuan)"),
    "date": ("日期", "date"),
    "legal_supporters": ("法定赡养（抚养、扶养）人", "legal supporters"),
    "able": ("是否有赡养能力", "able to support"),
    "reason": ("原因", "reason"),
    "benefits": ("享受待遇", "benefits"),
    "program": ("救助项目", "program"),
    "since": ("起始日期", "since"),
    "category": ("类别", "category"),
    "exit_until": ("渐退截止日期", "gradual exit until"),
    "certificate_number": ("证件编号（低保证号、救助证编号）", "certificate number"),
    "covered_members": ("保障对象（纳入保障的成员）", "members covered"),
    "payment": ("发放账户", "payment account"),
    "bank_code": ("银行代码（联行号）", "bank code"),
    "bank_name": ("开户银行", "bank"),
    "account_name": ("账户名称", "account holder"),
    "account_number": ("银行账号", "account number"),
    "emergency": ("急难情况", "emergency"),
    "description": ("情况说明", "description"),
    "visits": ("入户调查记录", "visits"),
    "workers": ("调查人员", "investigators"),
    "purpose": ("调查目的", "purpose"),
    "observations": ("调查情况", "observations"),
    "conclusion": ("调查结论", "conclusion"),
    "notes": ("备注", "notes"),
    "signed_at": ("签字时间", "signed at"),
    "applications": ("申请", "applications"),
    "history": ("办理进度", "stage history"),
    "stage": ("办理环节", "stage"),
    "worker": ("经办人", "worker"),
    "role": ("岗位", "role"),
    "scope_code": ("负责区域代码", "area code"),
    "note": ("意见", "note"),
    "member_id": ("家庭成员", "member"),
    "housing": ("住房情况", "housing"),
    "structure": ("房屋结构", "structure"),
    "area_m2": ("住房面积（平方米）", "floor area (m²)"),
    "condition": ("房屋状况", "condition"),
    "livestock": ("牲畜养殖", "livestock"),
    "vehicles": ("车辆农机", "vehicles and farm machines"),
    "hardship_causes": ("致困原因", "causes of hardship"),
    "property_notes": ("财产情况说明", "notes on property"),
    "expense_notes": ("支出情况说明", "notes on expenses"),
    "appraisal": ("民主评议记录", "democratic appraisal"),
    "place": ("评议地点", "place"),
    "attendees": ("参加人员", "who took part"),
    "present": ("到会人数", "people present"),
    "agree": ("同意票数", "votes for"),
    "disagree": ("反对票数", "votes against"),
    "abstain": ("弃权票数", "abstentions"),
    "outcome": ("评议结果", "outcome"),
    "publicity_from": ("公示开始日期", "publicity from"),
    "publicity_to": ("公示结束日期", "publicity until"),
    "objections": ("异议", "objections"),
    "received_on": ("收到日期", "received on"),
    "summary": ("异议内容", "objection"),
    "handling": ("处理情况", "how it was handled"),
}
# Keys that name a kind inside one field: what a visit counted (``livestock.cattle``).
KIND_LABELS: dict[str, dict[str, tuple[str, str]]] = {
    "livestock": {kind.value: (kind.zh, kind.en) for kind in LivestockKind},
    "vehicles": {kind.value: (kind.zh, kind.en) for kind in VehicleKind},
}

# How list elements are spoken of: key -> (zh, en) with {n} the 1-based position.
ITEM_LABELS: dict[str, tuple[str, str]] = {
    "members": ("第{n}名成员", "member {n}"),
    "incomes": ("第{n}项收入", "income {n}"),
    "assets": ("第{n}项财产", "asset {n}"),
    "expenses": ("第{n}项支出", "expense {n}"),
    "legal_supporters": ("第{n}名法定赡养人", "legal supporter {n}"),
    "benefits": ("第{n}项待遇", "benefit {n}"),
    "visits": ("第{n}次入户调查", "visit {n}"),
    "applications": ("第{n}项申请", "application {n}"),
    "regions": ("第{n}个行政区划", "region {n}"),
    "history": ("第{n}个办理环节", "stage entry {n}"),
    "workers": ("第{n}名调查人员", "investigator {n}"),
    "hardship_causes": ("第{n}项致困原因", "cause of hardship {n}"),
    "objections": ("第{n}条异议", "objection {n}"),
}


class Collector:
    """Gathers every error in a record instead of stopping at the first."""

    def __init__(self) -> None:
        self.errors: list[FieldError] = []

    def add(self, where: Where, value: Any, problem: Problem) -> None:
        self.errors.append(where.error(value, problem))

    def check(self, where: Where, key: str, value: Any, parse: Callable[[Any], T]) -> T | None:
        """``parse(value)`` for field ``key`` under ``where``, or None with the error recorded."""
        try:
            return parse(value)
        except Problem as problem:
            self.add(where.field(key), value, problem)
            return None

    def check_at(self, where: Where, value: Any, parse: Callable[[Any], T]) -> T | None:
        """``parse(value)`` for the value at ``where`` itself, or None with the error recorded."""
        try:
            return parse(value)
        except Problem as problem:
            self.add(where, value, problem)
            return None

    def raise_if_any(self) -> None:
        if self.errors:
            raise ValidationFailed(self.errors)


# --- value parsers: each returns the parsed value or raises Problem -----------------------


def missing() -> Problem:
    return Problem("required", "必须填写", "is required")


def parse_text(value: Any, *, max_len: int = TEXT_MAX, required: bool = True) -> str:
    """A text value, trimmed."""
    if value is None:
        if required:
            raise missing()
        return ""
    if not isinstance(value, str):
        raise Problem("type", "应为文字", "must be text")
    text = value.strip()
    if required and not text:
        raise missing()
    if len(text) > max_len:
        raise Problem(
            "too_long", f"太长（最多{max_len}个字）", f"is too long (at most {max_len} characters)"
        )
    if _CONTROL_RE.search(text):
        raise Problem("control_chars", "含有不可见的控制字符", "contains control characters")
    return text


def parse_name(value: Any) -> str:
    """A person's name: letters (any script), spaces and the middle dot of minority names."""
    text = parse_text(value, max_len=NAME_MAX)
    if not _NAME_RE.match(text):
        raise Problem(
            "name_chars", "姓名中不能有数字或符号", "a name cannot contain digits or symbols"
        )
    return text


def parse_code(cls: type[C]) -> Callable[[Any], C]:
    """A parser for one of the codes of ``cls``."""

    def parse(value: Any) -> C:
        if value is None:
            raise missing()
        member = cls.parse(value)
        if member is None:
            raise Problem(
                "unknown_code",
                f"不是可用的代码（可用：{cls.choices()}）",
                f"is not a known code (one of: {cls.choices()})",
            )
        return member

    return parse


def parse_bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise Problem("type", "应为“是”或“否”（true/false）", "must be true or false")
    return value


def parse_int(lo: int, hi: int) -> Callable[[Any], int]:
    """A parser for a whole number within ``lo..hi``."""

    def parse(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise Problem("type", "应为整数", "must be a whole number")
        if not lo <= value <= hi:
            raise Problem("range", f"应在{lo}到{hi}之间", f"must be between {lo} and {hi}")
        return value

    return parse


def parse_money(limit_fen: int) -> Callable[[Any], int]:
    """A parser for an amount of yuan (decimal string, or exact number) into fen."""

    def parse(value: Any) -> int:
        if value is None:
            raise missing()
        if isinstance(value, float):
            raise Problem(
                "money_format",
                '金额应写成带两位小数的文字，如"1200.00"',
                'amounts are decimal strings such as "1200.00"',
            )
        try:
            fen = yuan_to_fen(value)
        except MoneyFormatError as exc:
            raise Problem(
                "money_format",
                '不是有效金额（最多两位小数，如"1200.00"）',
                'is not an amount of yuan (at most two decimals, e.g. "1200.00")',
            ) from exc
        if fen < 0:
            raise Problem(
                "negative",
                "金额不能为负数（亏损请记为0）",
                "cannot be negative (record a loss as 0)",
            )
        if fen > limit_fen:
            limit = format_yuan(limit_fen)
            raise Problem(
                "absurd",
                f"金额过大（超过{limit}元），请核对",
                f"is implausibly large (over {limit} yuan)",
            )
        return fen

    return parse


def parse_date(*, not_after: date | None = None) -> Callable[[Any], date]:
    """A parser for an ISO date (YYYY-MM-DD), optionally not later than ``not_after``."""

    def parse(value: Any) -> date:
        if value is None:
            raise missing()
        if isinstance(value, date) and not isinstance(value, datetime):
            day = value
        elif isinstance(value, str):
            try:
                day = date.fromisoformat(value.strip())
            except ValueError as exc:
                raise Problem(
                    "date_format", "不是有效日期（格式：2020-03-31）", "is not a date (YYYY-MM-DD)"
                ) from exc
        else:
            raise Problem(
                "date_format", "不是有效日期（格式：2020-03-31）", "is not a date (YYYY-MM-DD)"
            )
        if not_after is not None and day > not_after:
            raise Problem("future", "日期不能晚于今天", "cannot be in the future")
        if day.year < 1900:
            raise Problem("date_range", "日期太早，请核对", "is implausibly early")
        return day

    return parse


BEIJING_TIME = timezone(timedelta(hours=8), "CST")


def parse_datetime(value: Any) -> datetime:
    """An ISO 8601 date-time; one written without an offset is read as Beijing time."""
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, str):
        try:
            moment = datetime.fromisoformat(value.strip())
        except ValueError as exc:
            raise Problem(
                "datetime_format",
                "不是有效时间（如2020-03-31T10:00:00+08:00）",
                "is not an ISO 8601 date-time",
            ) from exc
    else:
        raise Problem(
            "datetime_format",
            "不是有效时间（如2020-03-31T10:00:00+08:00）",
            "is not an ISO 8601 date-time",
        )
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=BEIJING_TIME)


def parse_resident_id(value: Any) -> ResidentId:
    """A resident ID number, validated (length, birth date, check character)."""
    if value is None:
        raise missing()
    if not isinstance(value, str):
        raise Problem("type", "应为文字", "must be text")
    try:
        return parse_id_number(value)
    except IdNumberError as exc:
        raise Problem(f"id_{exc.code}", exc.zh, exc.en) from exc


def parse_region_code(level: RegionLevel) -> Callable[[Any], str]:
    """A parser for a statistical region code of the given level (6, 9 or 12 digits)."""
    length = REGION_CODE_LENGTH[level]

    def parse(value: Any) -> str:
        if not isinstance(value, str) or not value.isdigit() or len(value) != length:
            raise Problem(
                "region_code",
                f"应为{length}位数字的{level.zh}代码",
                f"must be a {length}-digit {level.en} code",
            )
        return value

    return parse


_CANONICAL_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def parse_uuid(value: Any) -> str:
    """A record id: a UUID in its canonical lowercase spelling."""
    if isinstance(value, str) and _CANONICAL_UUID.fullmatch(value):
        return value
    if not isinstance(value, str):
        raise Problem("uuid", "不是有效编号（UUID）", "is not a valid id (UUID)")
    try:
        return str(uuid.UUID(value))
    except ValueError as exc:
        raise Problem("uuid", "不是有效编号（UUID）", "is not a valid id (UUID)") from exc


# --- whole-record rules -------------------------------------------------------------------


def household_rule_errors(household: Household, *, today: date | None = None) -> list[FieldError]:
    """Errors in a parsed household that no single field shows (heads, duplicates, ...)."""
    return list(_household_rules(household, today or date.today()))


def _household_rules(household: Household, today: date) -> Iterator[FieldError]:
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
    poor = household.registered_poor
    if poor is not None:
        where = root.field("registered_poor").field("exited_on")
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
    member_ids = {m.id for m in household.members}
    not_a_member = Problem(
        "not_a_member", "不是本户的家庭成员", "is not a member of this household"
    )
    for index, benefit in enumerate(household.benefits):
        for member_id in benefit.covered_members or ():
            if member_id not in member_ids:
                yield (
                    root.item("benefits", index)
                    .field("covered_members")
                    .error(member_id, not_a_member)
                )
    yield from _visit_rules(household, member_ids, not_a_member)
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
