"""The error model of validation: a ``Problem`` with one value, tied to its field as a
``FieldError`` that names the field (as a path such as ``members[1].id_number`` and as
words a caseworker reads, in Chinese and English) and the value that was refused;
``ValidationFailed`` carries every error found, and nothing is written when there is one.
"""

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any, TypeVar

from mypy_extensions import mypyc_attr

from caseworker.domain.codes import (
    LivestockKind,
    VehicleKind,
)
from caseworker.domain.errors import BilingualValueError

T = TypeVar("T")


class Problem(BilingualValueError):
    """What is wrong with one value, before it is tied to a field."""

    def __init__(self, code: str, zh: str, en: str) -> None:
        super().__init__(zh, en)
        self.code = code


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
