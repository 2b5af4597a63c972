"""Policy packs: YAML files of effective-dated parameters, validated on load.

A pack is one county's policy (or the national defaults it extends)::

    format: caseworker.policy/1
    id: cn-610423-jingyang
    version: "2020.1"
    name: {zh: 陕西省泾阳县, en: Jingyang County, Shaanxi}
    extends: cn-national
    counties: ["610423"]
    parameters:
      dibao.standard.rural:
        - {from: 2020-01-01, value: "400.00", ref: "document number / article"}

Every parameter is a list of ``{from, value, ref}`` entries in date order; on a date D the
entry with the latest ``from`` not after D is in force. Unknown keys anywhere are errors
naming the key. A ``Policy`` is a pack resolved with the packs it extends (a county's
entries for a parameter take over from their first date; before that the national entries
stay in force), optionally with what-if overrides.
"""

import bisect
import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from caseworker.domain.validation import FieldError, Problem, ValidationFailed
from caseworker.eligibility.calendar_years import CalendarYear, parse_calendar
from caseworker.eligibility.findings import ParameterUse, PolicyRef
from caseworker.eligibility.param_model import Kind
from caseworker.eligibility.params import SPECS
from caseworker.eligibility.yamltext import load_yaml

FORMAT = "caseworker.policy/1"
PACK_KEYS = (
    "format",
    "id",
    "version",
    "name",
    "description",
    "extends",
    "counties",
    "parameters",
    "calendar",
)
ENTRY_KEYS = ("from", "value", "ref")
WHAT_IF_REF = "假设值（what-if），非正式政策 / what-if value, not policy"
_ID_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{0,79}$")


class PolicyError(ValidationFailed):
    """A pack or policy that cannot be used; every error names the key (zh and en)."""


def policy_error(where: str, value: Any, problem: Problem, source: str = "") -> PolicyError:
    return PolicyError([_field_error(where, value, problem, source)])


def _field_error(where: str, value: Any, problem: Problem, source: str) -> FieldError:
    return FieldError(
        field=where,
        value=value if isinstance(value, (str, int, Decimal, date)) else None,
        code=problem.code,
        label_zh=f"键“{where}”" if where else "政策包",
        label_en=f"key '{where}'" if where else "policy pack",
        problem_zh=problem.zh,
        problem_en=problem.en,
        record_zh=f"政策包{source}" if source else "",
        record_en=f"policy pack {source}" if source else "",
    )


@dataclass(frozen=True, slots=True)
class Entry:
    """One dated value of a parameter."""

    start: date
    value: Any  # as the rules use it (money in fen, ratios as Decimal)
    shown: Any  # as explanations and JSON show it (money as "383.00")
    ref: str


@dataclass(frozen=True, slots=True)
class Pack:
    """A validated policy pack as written (not yet combined with what it extends)."""

    id: str
    version: str
    name_zh: str
    name_en: str
    extends: str | None
    counties: tuple[str, ...]
    parameters: Mapping[str, tuple[Entry, ...]]
    sha256: str  # of the pack text (UTF-8)
    source: str = ""
    description: str = ""
    calendar: tuple[CalendarYear, ...] = ()  # official years the library may not know


def _text(value: Any) -> str | None:
    if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        return str(value)
    return value.strip() if isinstance(value, str) and value.strip() else None


class _Errors:
    def __init__(self, source: str) -> None:
        self.source = source
        self.items: list[FieldError] = []

    def add(self, where: str, value: Any, zh: str, en: str, code: str = "invalid") -> None:
        self.items.append(_field_error(where, value, Problem(code, zh, en), self.source))


def _entries(name: str, raw: Any, errors: _Errors) -> tuple[Entry, ...]:
    spec = SPECS[name]
    where = f"parameters.{name}"
    if not isinstance(raw, list) or not raw:
        errors.add(
            where,
            None,
            "应为非空列表，每项含from、value、ref",
            "must be a non-empty list of {from, value, ref}",
        )
        return ()
    out: list[Entry] = []
    for index, item in enumerate(raw):
        at = f"{where}[{index}]"
        if not isinstance(item, Mapping):
            errors.add(
                at, None, "应为含from、value、ref的映射", "must be a mapping {from, value, ref}"
            )
            continue
        unknown = [k for k in item if k not in ENTRY_KEYS]
        for key in unknown:
            errors.add(
                f"{at}.{key}",
                None,
                "是未知的键（可用：from、value、ref）",
                "is not a known key (from, value, ref)",
                "unknown_key",
            )
        start = item.get("from")
        if not isinstance(start, date):
            errors.add(f"{at}.from", start, "应为日期（YYYY-MM-DD）", "must be a date (YYYY-MM-DD)")
        ref = _text(item.get("ref"))
        if ref is None:
            errors.add(
                f"{at}.ref",
                None,
                "必须写明依据（文件文号或条款；不知道时写明是示例）",
                "must cite the document or article (or say it is an example)",
                "required",
            )
        if "value" not in item:
            errors.add(f"{at}.value", None, "必须填写", "is required", "required")
            continue
        try:
            value, shown = spec.parse(item["value"])
        except Problem as problem:
            errors.items.append(_field_error(f"{at}.value", item["value"], problem, errors.source))
            continue
        if isinstance(start, date) and ref is not None:
            if out and start <= out[-1].start:
                errors.add(
                    f"{at}.from",
                    start,
                    "应晚于上一条的from（按日期先后排列）",
                    "must be later than the previous entry's 'from' (entries in date order)",
                    "order",
                )
            out.append(Entry(start, value, shown, ref))
    return tuple(out)


def _counties(raw: Any, errors: _Errors) -> tuple[str, ...]:
    """The pack's county codes (6 digits each); errors name every bad one."""
    counties: list[str] = []
    if not isinstance(raw, list):
        errors.add("counties", None, "应为县级区划代码列表", "must be a list of county codes")
        raw = []
    for index, code in enumerate(raw):
        county = str(code) if isinstance(code, int) and not isinstance(code, bool) else code
        if not isinstance(county, str) or not county.isdigit() or len(county) != 6:
            errors.add(
                f"counties[{index}]",
                _text(code),
                "应为6位数字的县级区划代码",
                "must be a 6-digit county code",
            )
        else:
            counties.append(county)
    return tuple(counties)


def _parameters(raw: Any, errors: _Errors) -> dict[str, tuple[Entry, ...]]:
    """The pack's parameters, each a list of dated entries; errors name every unknown
    parameter and bad entry."""
    parameters: dict[str, tuple[Entry, ...]] = {}
    if not isinstance(raw, Mapping):
        errors.add(
            "parameters", None, "应为参数映射", "must be a mapping of parameters", "required"
        )
        raw = {}
    for param_name, entries in raw.items():
        if param_name not in SPECS:
            errors.add(
                f"parameters.{param_name}",
                None,
                "是未知的参数名",
                "is not a known parameter name",
                "unknown_key",
            )
            continue
        parameters[param_name] = _entries(param_name, entries, errors)
    return parameters


def parse_pack(text: str, *, source: str = "") -> Pack:
    """Validate a pack's YAML text; raise PolicyError naming every bad key."""
    try:
        data = load_yaml(text)
    except Problem as problem:
        raise policy_error("", None, problem, source) from None
    errors = _Errors(source)
    if not isinstance(data, Mapping):
        errors.add("", None, "应为YAML映射（键: 值）", "must be a YAML mapping (key: value)")
        raise PolicyError(errors.items)
    for key in data:
        if key not in PACK_KEYS:
            errors.add(
                str(key),
                None,
                f"是未知的键（可用：{'、'.join(PACK_KEYS)}）",
                f"is not a known key (one of: {', '.join(PACK_KEYS)})",
                "unknown_key",
            )
    if data.get("format") != FORMAT:
        errors.add("format", _text(data.get("format")), f"应为“{FORMAT}”", f'must be "{FORMAT}"')
    pack_id = _text(data.get("id"))
    if pack_id is None or not _ID_RE.match(pack_id):
        errors.add(
            "id",
            pack_id,
            "应为小写字母、数字、.-_组成的编号",
            "must be an id of lowercase letters, digits, . - _",
        )
    version = _text(data.get("version"))
    if version is None:
        errors.add("version", None, "必须填写版本号", "is required", "required")
    name = data.get("name")
    if not isinstance(name, Mapping) or set(name) != {"zh", "en"}:
        errors.add("name", None, "应为{zh: 中文名, en: English name}", "must be {zh: ..., en: ...}")
        name = {}
    extends = data.get("extends")
    if extends is not None and _text(extends) is None:
        errors.add("extends", None, "应为所继承政策包的id", "must be the id of the pack it extends")
    counties = _counties(data.get("counties") or [], errors)
    parameters = _parameters(data.get("parameters"), errors)
    calendar: tuple[CalendarYear, ...] = ()
    if data.get("calendar") is not None:
        try:
            calendar = parse_calendar(data["calendar"])
        except Problem as problem:
            errors.add("calendar", None, problem.zh, problem.en, problem.code)
    if errors.items:
        raise PolicyError(errors.items)
    assert pack_id is not None and version is not None
    return Pack(
        id=pack_id,
        version=version,
        name_zh=str(name.get("zh", "")),
        name_en=str(name.get("en", "")),
        extends=_text(extends),
        counties=counties,
        parameters=parameters,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        source=source,
        description=_text(data.get("description")) or "",
        calendar=calendar,
    )


@dataclass(slots=True)
class Policy:
    """A pack combined with the packs it extends: the parameters one county screens with."""

    id: str
    version: str
    sha256: str
    name_zh: str
    name_en: str
    counties: tuple[str, ...]
    chain: tuple[Pack, ...]  # the pack first, then what it extends
    parameters: Mapping[str, tuple[Entry, ...]]
    overrides: Mapping[str, Any] = field(default_factory=dict)
    cache: dict[Any, Any] = field(default_factory=dict)  # screening contexts by date

    @property
    def ref(self) -> PolicyRef:
        return PolicyRef(self.id, self.version, self.sha256)

    def entry(self, name: str, on: date) -> Entry:
        """The entry of parameter ``name`` in force on ``on``."""
        entries = self.parameters[name]
        index = bisect.bisect_right([e.start for e in entries], on) - 1
        if index < 0:
            raise policy_error(
                f"parameters.{name}",
                on,
                Problem(
                    "not_in_force",
                    f"在{on.isoformat()}没有生效的值（最早自{entries[0].start.isoformat()}起）",
                    f"has no value in force on {on.isoformat()} "
                    f"(the first is from {entries[0].start.isoformat()})",
                ),
                self.id,
            )
        return entries[index]

    def use(self, name: str, on: date) -> ParameterUse:
        """The parameter as an explanation cites it."""
        e = self.entry(name, on)
        return ParameterUse(name, e.shown, e.start, e.ref)

    def with_overrides(self, values: Mapping[str, str]) -> "Policy":
        """The same policy with some parameters set to a what-if value on every date.

        ``values`` maps a parameter name to its value as YAML text (``"450"``,
        ``"[wage, pension]"``); an unknown name or a bad value raises PolicyError.
        """
        parameters = dict(self.parameters)
        for name, entry in parse_overrides(values).items():
            parameters[name] = (entry,)
        overrides = {**self.overrides, **{k: parameters[k][0].shown for k in values}}
        return Policy(
            id=self.id,
            version=f"{self.chain[0].version}+what-if",
            sha256=policy_hash(self.chain, overrides),
            name_zh=self.name_zh,
            name_en=self.name_en,
            counties=self.counties,
            chain=self.chain,
            parameters=parameters,
            overrides=overrides,
        )


def parse_overrides(values: Mapping[str, str]) -> dict[str, Entry]:
    """What-if values (YAML text by parameter name) as entries in force on every date;
    PolicyError names every unknown parameter (by its key) or bad value (by the
    parameter's Chinese and English name: what a person chose on the Policy page)."""
    entries: dict[str, Entry] = {}
    errors: list[FieldError] = []
    for name, text in values.items():
        spec = SPECS.get(name)
        if spec is None:
            problem = Problem("unknown_key", "是未知的参数名", "is not a known parameter name")
            errors.append(_field_error(name, None, problem, ""))
            continue
        given: Any = text
        try:
            given = load_yaml(text)
            value, shown = spec.parse(given)
        except Problem as problem:
            errors.append(_value_error(name, given, problem))
            continue
        entries[name] = Entry(date.min, value, shown, WHAT_IF_REF)
    if errors:
        raise PolicyError(errors)
    return entries


def _value_error(name: str, given: Any, problem: Problem) -> FieldError:
    """A refused what-if value, said with the parameter's name as people know it
    (``农村低保标准“-3”：金额应为0或正数``); the key stays in ``field`` for programs.
    The value is quoted as given when it is one (a list is left to the problem to say)."""
    spec = SPECS[name]
    plain = isinstance(given, str | int | Decimal) and not isinstance(given, bool)
    return FieldError(
        field=name,
        value=str(given).strip() or None if plain else None,
        code=problem.code,
        label_zh=spec.zh,
        label_en=spec.en,
        problem_zh=problem.zh,
        problem_en=problem.en,
    )


def policy_hash(chain: Iterable[Pack], overrides: Mapping[str, Any]) -> str:
    """The content hash of a policy: its packs' hashes in order, then any overrides."""
    text = "\n".join(p.sha256 for p in chain)
    if overrides:
        text += "\n" + json.dumps(overrides, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def resolve(chain: tuple[Pack, ...]) -> Policy:
    """Combine a pack with the packs it extends (``chain[0]`` is the pack itself)."""
    parameters: dict[str, tuple[Entry, ...]] = {}
    for pack in reversed(chain):
        for name, entries in pack.parameters.items():
            inherited = parameters.get(name, ())
            if SPECS[name].kind is Kind.MONTH_SERIES:
                # A month's figures are that month's, whichever pack publishes them: a
                # county adding new months keeps the months a newer national pack brings,
                # and an entry starting on the same day replaces the inherited one.
                by_start = {e.start: e for e in inherited} | {e.start: e for e in entries}
                parameters[name] = tuple(by_start[start] for start in sorted(by_start))
                continue
            # The pack's entries take over from their first date; before it, what the pack
            # extends stays in force.
            first = entries[0].start
            parameters[name] = (*(e for e in inherited if e.start < first), *entries)
    top = chain[0]
    missing = [name for name in SPECS if name not in parameters]
    if missing:
        raise PolicyError(
            [
                _field_error(
                    f"parameters.{name}",
                    None,
                    Problem(
                        "required",
                        "未设置（本包及其继承的政策包都没有这个参数）",
                        "is not set by this pack or any pack it extends",
                    ),
                    top.source or top.id,
                )
                for name in missing
            ]
        )
    return Policy(
        id=top.id,
        version=top.version,
        sha256=policy_hash(chain, {}),
        name_zh=top.name_zh,
        name_en=top.name_en,
        counties=top.counties,
        chain=chain,
        parameters=parameters,
    )
