"""Spreadsheet mappings: which column of a roster means which household field.

A mapping is a small YAML file (see docs/spreadsheets.md and ``resources/mappings/``): the
layout (one row per person, or one row per household with members in numbered columns),
the column headers that mean each field, the columns known but not imported, and the
words of the sheet that stand for codes (男 -> male, 妻 -> spouse). Without a named
mapping, the shipped one that recognises most of the sheet's headers is chosen, and the
caller says which.
"""

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from caseworker.config import resource_path
from caseworker.domain.validation import FIELD_LABELS, FieldError, ValidationFailed

PER_PERSON = "per-person"
PER_HOUSEHOLD = "per-household"

# Fields a column can fill: (Chinese, English) words for messages and the preview; the
# household format's own fields are called as its validators call them (FIELD_LABELS).
HOUSEHOLD_FIELDS: dict[str, tuple[str, str]] = {
    **{key: FIELD_LABELS[key] for key in ("village_code", "address", "hukou")},
    "village": ("村（社区）", "village"),
    "township": ("乡镇（街道）", "township"),
    "benefit_kind": ("保障类别", "benefit kind"),
    "benefit_program": ("救助项目", "program"),
    "benefit_category": ("低保类别", "Dibao category"),
    "benefit_monthly_yuan": ("户月保障金", "monthly benefit"),
    "benefit_since": ("纳入时间", "benefit since"),
    "change_kind": ("变动种类", "kind of change"),
    "change_date": ("变动时间", "date of change"),
    "benefit_certificate_number": ("低保证号（救助证编号）", "certificate number"),
    **{key: FIELD_LABELS[key] for key in ("bank_name", "account_name", "account_number")},
}
_SHEET_MEMBER_FIELDS = {
    "disability_type": ("残疾类别", "disability type"),
    "disability_grade": ("残疾等级", "disability grade"),
}
MEMBER_FIELDS: dict[str, tuple[str, str]] = {
    key: _SHEET_MEMBER_FIELDS.get(key) or FIELD_LABELS[key]
    for key in (
        "name", "id_number", "relation", "sex", "birth_date", "labor_capacity",
        "disability_type", "disability_grade", "serious_illness", "employment",
    )
}  # fmt: skip
_TOP_KEYS = frozenset(
    {
        "name", "title", "title_en", "layout", "household_key", "household", "member",
        "numbered_members", "ignored", "values",
    }
)  # fmt: skip
# Headers are compared without spaces, full-width brackets as half-width, and without a
# trailing "*" (required-column marks), since sheets spell them all ways.
_SPACES = re.compile(r"\s+")


def normalise_header(header: Any) -> str:
    """A header as compared with a mapping's headers."""
    text = _SPACES.sub("", str(header or "")).rstrip("*＊")
    return text.replace("(", "（").replace(")", "）")


@dataclass(frozen=True)
class NumberedColumn:
    """A column of a numbered member: ``成员2身份证号`` is member 2's ``id_number``."""

    number: int
    field: str


@dataclass
class SheetMapping:
    """One layout of roster: which header means which field, and what words mean."""

    name: str
    title: str
    title_en: str
    layout: str
    household_key: list[str] = field(default_factory=list)
    household: dict[str, str] = field(default_factory=dict)  # normalised header -> field
    member: dict[str, str] = field(default_factory=dict)
    numbered_prefixes: list[str] = field(default_factory=list)
    numbered: dict[str, str] = field(default_factory=dict)  # header word -> member field
    ignored: frozenset[str] = frozenset()
    values: dict[str, dict[str, str]] = field(default_factory=dict)

    def numbered_column(self, header: str) -> NumberedColumn | None:
        """What a header such as ``成员2身份证号`` names, if it is a numbered member's."""
        for prefix in self.numbered_prefixes:
            if not header.startswith(prefix):
                continue
            match = re.fullmatch(r"(\d+)(.+)", header[len(prefix) :])
            if match and (target := self.numbered.get(match.group(2))) is not None:
                return NumberedColumn(int(match.group(1)), target)
        return None

    def knows(self, header: str) -> bool:
        """Whether the mapping says anything about this (normalised) header."""
        return (
            header in self.household_key
            or header in self.household
            or header in self.member
            or header in self.ignored
            or self.numbered_column(header) is not None
        )

    def required_found(self, headers: Sequence[str]) -> bool:
        """Whether a sheet with these headers has what this layout cannot do without."""
        fields = {self.member.get(h) for h in headers}
        if "name" not in fields or "id_number" not in fields:
            return False
        if self.layout == PER_PERSON:
            return "relation" in fields and any(h in self.household_key for h in headers)
        return True

    def score(self, headers: Sequence[str]) -> int:
        """How many of the headers this mapping recognises (0 if it cannot read them)."""
        if not self.required_found(headers):
            return 0
        return sum(1 for h in headers if h and self.knows(h))


def _error(source: str, key: str, zh: str, en: str) -> FieldError:
    return FieldError(
        field=key,
        value=None,
        code="mapping",
        label_zh=f"对照表{source}的“{key}”",
        label_en=f"mapping {source}, {key!r}",
        problem_zh=zh,
        problem_en=en,
    )


def _headers(source: str, key: str, value: Any, errors: list[FieldError]) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str | int) for v in value):
        errors.append(_error(source, key, "应为列标题的列表", "must be a list of column headers"))
        return []
    return [normalise_header(v) for v in value]


def _fields(
    source: str, key: str, value: Any, known: Mapping[str, Any], errors: list[FieldError]
) -> dict[str, str]:
    """``{field: [headers]}`` of the file as ``{header: field}``."""
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        errors.append(_error(source, key, "应为“字段: [列标题]”", "must map fields to headers"))
        return {}
    out: dict[str, str] = {}
    for target, headers in value.items():
        if target not in known:
            words = "、".join(known)
            errors.append(
                _error(
                    source, f"{key}.{target}", f"不是可用的字段（可用：{words}）", "unknown field"
                )
            )
            continue
        for header in _headers(source, f"{key}.{target}", headers, errors):
            out[header] = str(target)
    return out


def parse_mapping(data: Any, *, source: str) -> SheetMapping:
    """A mapping from its parsed YAML; ValidationFailed naming every mistake."""
    errors: list[FieldError] = []
    if not isinstance(data, Mapping):
        raise ValidationFailed(
            [_error(source, "", "不是对照表（应为YAML对象）", "is not a mapping (a YAML object)")]
        )
    for key in set(data) - _TOP_KEYS:
        errors.append(_error(source, str(key), "不是可用的项", "is not a known key"))
    layout = data.get("layout")
    if layout not in (PER_PERSON, PER_HOUSEHOLD):
        errors.append(
            _error(
                source,
                "layout",
                f"应为{PER_PERSON}（每人一行）或{PER_HOUSEHOLD}（每户一行）",
                f"must be {PER_PERSON} or {PER_HOUSEHOLD}",
            )
        )
    numbered = data.get("numbered_members") or {}
    if not isinstance(numbered, Mapping):
        errors.append(_error(source, "numbered_members", "应为对象", "must be an object"))
        numbered = {}
    values: dict[str, dict[str, str]] = {}
    raw_values = data.get("values") or {}
    if not isinstance(raw_values, Mapping):
        errors.append(_error(source, "values", "应为对象", "must be an object"))
        raw_values = {}
    known = {**HOUSEHOLD_FIELDS, **MEMBER_FIELDS}
    for target, words in raw_values.items():
        if target not in known or not isinstance(words, Mapping):
            errors.append(
                _error(source, f"values.{target}", "不是可用的字段或写法有误", "unknown field")
            )
            continue
        values[str(target)] = {normalise_header(k): str(v) for k, v in words.items()}
    mapping = SheetMapping(
        name=str(data.get("name") or source),
        title=str(data.get("title") or data.get("name") or source),
        title_en=str(data.get("title_en") or data.get("name") or source),
        layout=str(layout),
        household_key=_headers(source, "household_key", data.get("household_key") or [], errors),
        household=_fields(source, "household", data.get("household"), HOUSEHOLD_FIELDS, errors),
        member=_fields(source, "member", data.get("member"), MEMBER_FIELDS, errors),
        numbered_prefixes=_headers(
            source, "numbered_members.prefixes", numbered.get("prefixes") or [], errors
        ),
        numbered=_fields(
            source, "numbered_members.fields", numbered.get("fields"), MEMBER_FIELDS, errors
        ),
        ignored=frozenset(_headers(source, "ignored", data.get("ignored") or [], errors)),
        values=values,
    )
    if layout == PER_PERSON and not mapping.household_key:
        errors.append(
            _error(
                source,
                "household_key",
                "每人一行的表格须指明分户的列",
                "a per-person layout needs a household key column",
            )
        )
    if errors:
        raise ValidationFailed(errors)
    return mapping


def load_mapping(path: Path) -> SheetMapping:
    """Read a mapping file (ValidationFailed naming the file and the mistake)."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ValidationFailed(
            [
                _error(
                    path.name, "", "无法读取（应为UTF-8编码的YAML文件）", f"cannot be read ({exc})"
                )
            ]
        ) from exc
    return parse_mapping(data, source=path.name)


def mappings_folder() -> Path:
    """Where the shipped mappings are."""
    return resource_path("mappings")


def shipped_mappings() -> list[SheetMapping]:
    """The mappings that ship with the app, by name."""
    return [load_mapping(p) for p in sorted(mappings_folder().glob("*.yaml"))]


def find_mapping(name_or_file: str) -> SheetMapping:
    """A shipped mapping by name, or a mapping file by path."""
    for mapping in shipped_mappings():
        if mapping.name == name_or_file:
            return mapping
    path = Path(name_or_file)
    if path.is_file():
        return load_mapping(path)
    names = "、".join(m.name for m in shipped_mappings())
    raise ValidationFailed(
        [
            _error(
                name_or_file,
                "",
                f"既不是自带的对照表（{names}），也不是一个文件",
                f"is neither a shipped mapping ({names}) nor a file",
            )
        ]
    )


def best_mapping(
    headers: Sequence[str], mappings: Iterable[SheetMapping]
) -> tuple[SheetMapping | None, int]:
    """The mapping that recognises most of ``headers`` (normalised), and how many."""
    best: SheetMapping | None = None
    best_score = 0
    for mapping in mappings:
        score = mapping.score(headers)
        if score > best_score:
            best, best_score = mapping, score
    return best, best_score
