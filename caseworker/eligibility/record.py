"""The compact form of a screening's findings that decision records keep.

A record keeps what the decision needs to be reproduced and audited, not its sentences:
per program the status, the amounts, the members (as positions in the record's member
list), every reason as its template's code, whether it was met, the template's raw
arguments (fen, counts, dates, codes) and the parameters it cites (as positions in the
record's parameter list: codes grouped by the start date of the entry cited), and what is
missing as the field, its template's code and raw arguments. Reading a record renders the
sentences with the same templates the screening uses, so they read exactly as a fresh
screening's; the parameters' values and document references come from the caller (the
store keeps them once per policy, ``caseworker.store.decisions``).

    {"format": 3,
     "members": ["<member id>", ...],
     "params": [["2024-01-01", "<parameter code>", "<code>/<part>", ...], ...],
     "reasons": [[template code, met, [arguments], [param positions]], ...],
     "findings": [[program, status, monthly_fen, one_off_fen, [member positions],
                   [reason positions], [[field, template code, [arguments]], ...]], ...]}

Templates and parameters are named by codes: six base-36 digits of the CRC-32 of the
template's key or the parameter's name (``short_code``), the same in every version, so
that the names every household cites do not fill every record (about 1 KB of a 2.7 KB
record); a test checks that no two known names share a code. A name without a code here
(not in this version's tables) is kept as it is. A reason several programs share (the
income computation) is kept once. A reason or missing item made without a template (given
its sentences) is kept whole, as an object with its sentences.

Format 2 (records of before) named templates and parameters in full and kept missing items
as [field, text_zh, text_en]; it is read as it is.
"""

import zlib
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

import orjson

from caseworker.domain.codes import Program
from caseworker.domain.money import yuan_to_fen
from caseworker.eligibility.findings import (
    Finding,
    MissingInfo,
    ParameterUse,
    Reason,
    ReasonTemplate,
    Status,
)
from caseworker.eligibility.params import SPECS
from caseworker.eligibility.template import (
    MISSING_TEMPLATES,
    TEMPLATES,
    missing_template_for,
    template_for,
    yuan,
)

FORMAT = 3
_FORMATS = (2, FORMAT)
_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"

_REF_CACHE: dict[tuple[str, str | None, date], str] = {}
# The same few parameter objects (a policy's, for one day) are cited by every household:
# their references by object id, with the object kept so the id stays its own.
_REF_BY_ID: dict[int, tuple[ParameterUse, str]] = {}
_REF_BY_ID_LIMIT = 4096
# The parameter groups of a list of references (most households cite the same list).
_GROUPS: dict[tuple[str, ...], tuple[list[list[str]], list[int] | None]] = {}
_GROUPS_LIMIT = 1024


class RecordError(ValueError):
    """A stored record that cannot be read (an unknown template key, a bad shape)."""


def short_code(name: str) -> str:
    """How a record names a template or a parameter: six base-36 digits of the CRC-32 of
    its key or name (never changes: records made years ago are read with it)."""
    n = zlib.crc32(name.encode("utf-8")) % 36**6
    digits = []
    for _ in range(6):
        n, d = divmod(n, 36)
        digits.append(_DIGITS[d])
    return "".join(reversed(digits))


_CODES: dict[str, str] = {}  # name or key -> code, for the names known here
_NAMES: dict[str, str] = {}  # code -> parameter name
_KEYS: dict[str, str] = {}  # code -> reason or missing-information template key


def _known_codes() -> None:
    template_for("")  # the rules register their templates
    if len(_KEYS) == len(TEMPLATES) + len(MISSING_TEMPLATES) and _NAMES:
        return
    for key in (*TEMPLATES, *MISSING_TEMPLATES):
        _KEYS[_CODES.setdefault(key, short_code(key))] = key
    for name in SPECS:
        _NAMES[_CODES.setdefault(name, short_code(name))] = name


def code_of(name: str) -> str:
    """The code of a known template key or parameter name; an unknown one as it is."""
    code = _CODES.get(name)
    if code is None:
        _known_codes()
        code = _CODES.get(name, name)
    return code


def _param_name(code: str) -> str:
    """A parameter's name from its code in a record (with its part, if any)."""
    if not _NAMES:
        _known_codes()
    base, slash, part = code.partition("/")
    return _NAMES.get(base, base) + slash + part


def parameter_ref(p: ParameterUse) -> str:
    """How a record names a cited parameter: ``name@YYYY-MM-DD`` (its entry's start), or
    ``name/key@YYYY-MM-DD`` when the rule cites one part of it (an emergency kind's
    amounts, one month's CPI: a one-key mapping), which has a value of its own."""
    value = p.value
    part = next(iter(value)) if type(value) is dict and len(value) == 1 else None
    key = (p.name, part, p.effective_from)
    ref = _REF_CACHE.get(key)
    if ref is None:
        name = p.name if part is None else f"{p.name}/{part}"
        ref = _REF_CACHE[key] = f"{name}@{p.effective_from.isoformat()}"
    return ref


def split_ref(ref: str) -> tuple[str, date]:
    """(parameter name, start) of a reference (the part, if any, dropped from the name)."""
    name, _, start = ref.rpartition("@")
    return name.partition("/")[0], date.fromisoformat(start)


def _default(value: Any) -> Any:
    # What orjson does not write itself (dates, enums, tuples and dataclasses it does).
    if isinstance(value, Fraction | Decimal):
        return str(value)
    if isinstance(value, set | frozenset):
        return sorted(value)
    raise TypeError(f"cannot keep {type(value).__name__} in a decision record")


def encode_findings(findings: tuple[Finding, ...]) -> tuple[str, dict[str, ParameterUse]]:
    """The record text of ``findings`` (compact JSON, the same text for the same findings)
    and the parameters its references name."""
    members: dict[str, int] = {}
    refs: dict[str, int] = {}
    uses: dict[str, ParameterUse] = {}
    # Reasons several programs share (the income computation, the property checks) are
    # the same objects: kept once. The objects live through this call, so ids are safe.
    reason_pos: dict[int, int] = {}
    same_pos: dict[Any, int] = {}  # equal reasons made separately, kept once too
    reasons: list[Any] = []
    out = []
    for f in findings:
        member_pos = []
        for m in f.members:
            pos = members.get(m)
            if pos is None:
                pos = members[m] = len(members)
            member_pos.append(pos)
        cited_reasons = []
        for r in f.reasons:
            pos = reason_pos.get(id(r))
            if pos is None:
                item = _reason(r, refs, uses)
                same: Any
                try:  # the arguments are mostly numbers, text and tuples of them
                    same = (item[0], item[1], item[2], tuple(item[3]))
                    hash(same)
                except (TypeError, KeyError):  # a list among them, or a whole reason
                    same = orjson.dumps(item, default=_default)
                pos = same_pos.get(same)
                if pos is not None and not _same_json(reasons[pos], item):
                    pos = None  # equal in Python only (True == 1): kept apart
                if pos is None:
                    pos = len(reasons)
                    same_pos.setdefault(same, pos)
                    reasons.append(item)
                reason_pos[id(r)] = pos
            cited_reasons.append(pos)
        out.append(
            (
                f.program,
                f.status,
                f.monthly_fen,
                f.one_off_fen,
                member_pos,
                cited_reasons,
                [_missing(m) for m in f.missing],
            )
        )
    order = tuple(refs)
    grouped = _GROUPS.get(order)
    if grouped is None:
        if len(_GROUPS) >= _GROUPS_LIMIT:
            _GROUPS.clear()
        grouped = _GROUPS[order] = _grouped(refs)
    groups, renumbered = grouped
    if renumbered is not None:
        for item in reasons:
            if not isinstance(item, dict):
                cited = item[3]
                cited[:] = [renumbered[i] for i in cited]
    record = {
        "format": FORMAT,
        "members": list(members),
        "params": groups,
        "reasons": reasons,
        "findings": out,
    }
    return orjson.dumps(record, default=_default).decode("utf-8"), uses


def _missing(m: MissingInfo) -> Any:
    if m.key:
        return (m.field, code_of(m.key), m.args)
    return {"field": m.field, "text_zh": m.text_zh, "text_en": m.text_en}


def _same_json(a: Any, b: Any) -> bool:
    return bool(orjson.dumps(a, default=_default) == orjson.dumps(b, default=_default))


def _grouped(refs: dict[str, int]) -> tuple[list[list[str]], list[int] | None]:
    """The references as [start date, name, name, ...] lists (most parameters share a
    start date), and the new position of each old one (None: unchanged)."""
    by_day: dict[str, list[tuple[str, int]]] = {}
    for ref, pos in refs.items():
        name, _, start = ref.rpartition("@")
        by_day.setdefault(start, []).append((name, pos))
    renumbered = [0] * len(refs)
    order = 0
    for named in by_day.values():
        for _, pos in named:
            renumbered[pos] = order
            order += 1
    groups = [[start, *(_coded(name) for name, _ in named)] for start, named in by_day.items()]
    moved = any(new != old for old, new in enumerate(renumbered))
    return groups, renumbered if moved else None


def _coded(name: str) -> str:
    base, slash, part = name.partition("/")
    return code_of(base) + slash + part


def _reason(r: Reason, refs: dict[str, int], uses: dict[str, ParameterUse]) -> Any:
    source = r.source()
    if source is None:
        return _whole_reason(r)
    template, args = source
    cited = []
    for p in r.parameters:
        known = _REF_BY_ID.get(id(p))
        if known is not None and known[0] is p:
            ref = known[1]
        else:
            ref = parameter_ref(p)
            if len(_REF_BY_ID) >= _REF_BY_ID_LIMIT:
                _REF_BY_ID.clear()
            _REF_BY_ID[id(p)] = (p, ref)
        pos = refs.get(ref)
        if pos is None:
            pos = refs[ref] = len(refs)
            uses[ref] = p
        cited.append(pos)
    return (code_of(template.key), r.met, args, cited)


def _whole_reason(r: Reason) -> dict[str, Any]:
    return {
        "rule": r.rule,
        "met": r.met,
        "text_zh": r.text_zh,
        "text_en": r.text_en,
        "values": r.values,
        "parameters": [
            [p.name, p.value, p.effective_from.isoformat(), p.ref] for p in r.parameters
        ],
    }


def is_compact(data: Any) -> bool:
    """Whether stored findings are in this form (older records hold a list of
    ``finding_to_dict`` objects)."""
    return isinstance(data, dict) and data.get("format") in _FORMATS


def parameter_refs(data: Mapping[str, Any]) -> list[str]:
    """The parameter references (``name@start``) a compact record cites, in order."""
    groups = data.get("params", ())
    if data.get("format") == 2:
        return [f"{name}@{group[0]}" for group in groups for name in group[1:]]
    return [f"{_param_name(code)}@{group[0]}" for group in groups for code in group[1:]]


def unknown_parameter(ref: str) -> ParameterUse:
    """A cited parameter whose value and document are not known here (a record that came
    from another laptop under a policy this one never had): cited by name and date."""
    name, start = split_ref(ref)
    return ParameterUse(name, None, start, "")


def decode_findings(
    data: Mapping[str, Any], uses: Mapping[str, ParameterUse]
) -> tuple[Finding, ...]:
    """The findings of a compact record; ``uses`` gives each cited parameter by reference
    (one missing is cited by name and date only)."""
    members = data["members"]
    params = [uses.get(ref) or unknown_parameter(ref) for ref in parameter_refs(data)]
    coded = data.get("format") != 2
    if coded:
        _known_codes()
    reasons = []
    for item in data["reasons"]:
        if isinstance(item, dict):
            reasons.append(_reason_from_whole(item))
            continue
        key, met, args, cited = item
        template = template_for(_KEYS.get(key, key) if coded else key)
        if template is None:
            raise RecordError(f"unknown reason template {key!r}")
        cites = tuple(params[i] for i in cited)
        reasons.append(Reason.from_template(template.rule, met, template, tuple(args), cites))
    return tuple(
        Finding(
            Program(program),
            Status(status),
            monthly,
            one_off,
            tuple(members[i] for i in member_pos),
            tuple(reasons[i] for i in reason_pos),
            tuple(_missing_from(item, coded) for item in missing),
        )
        for program, status, monthly, one_off, member_pos, reason_pos, missing in data["findings"]
    )


def _missing_from(item: Any, coded: bool) -> MissingInfo:
    if isinstance(item, dict):
        return MissingInfo(item["field"], item["text_zh"], item["text_en"])
    field, key, args = item
    if not coded:  # format 2: [field, text_zh, text_en]
        return MissingInfo(field, key, args)
    template = missing_template_for(_KEYS.get(key, key))
    if template is None:
        raise RecordError(f"unknown missing-information template {key!r}")
    return template(field, *args)


def _reason_from_whole(d: Mapping[str, Any]) -> Reason:
    return Reason(
        d["rule"],
        d["met"],
        d["text_zh"],
        d["text_en"],
        dict(d.get("values") or {}),
        tuple(
            ParameterUse(name, value, date.fromisoformat(start), ref)
            for name, value, start, ref in d.get("parameters", ())
        ),
    )


def _unshown(show: Any, value: Any) -> Any:
    """A raw argument from its shown value (what a field's ``show`` made of it)."""
    if show is yuan and value is not None:
        return yuan_to_fen(value)
    return value  # plain values are themselves; dates are shown as the text they stay


def _candidates(rule: str) -> list[ReasonTemplate]:
    if not _BY_RULE:
        template_for("")  # loads the rules
        for template in TEMPLATES.values():
            _BY_RULE.setdefault(template.rule, []).append(template)
        # A comparison's fixed sentence before its plain template (the engine uses the
        # fixed ones; both may render the same words).
        for templates in _BY_RULE.values():
            templates.sort(key=lambda t: not hasattr(t, "template"))
    return _BY_RULE.get(rule, [])


_BY_RULE: dict[str, list[ReasonTemplate]] = {}


def reason_from_full(d: Mapping[str, Any]) -> Reason:
    """A reason as an older record kept it (``finding_to_dict``), made from its template
    when one of the current templates renders exactly its sentences and values again, so
    a record can keep it compactly; else as it was kept, sentences and all."""
    whole = Reason(
        d["rule"],
        d["met"],
        d["text_zh"],
        d["text_en"],
        dict(d.get("values") or {}),
        tuple(
            ParameterUse(p["name"], p["value"], date.fromisoformat(p["from"]), p["ref"])
            for p in d.get("parameters", ())
        ),
    )
    values = whole.values
    for template in _candidates(whole.rule):
        # A Template has its fields; a comparison's fixed sentence has its Template's.
        inner = getattr(template, "template", template)
        fields: tuple[tuple[str, Any], ...] = getattr(inner, "fields", ())
        try:
            args: list[Any] = [_unshown(show, values[key]) for key, show in fields]
            if template.key == "income.per_capita":
                args += [
                    [(kind, yuan_to_fen(v)) for kind, v in values[name].items()]
                    for name in ("counted_by_kind", "exempt_by_kind")
                ]
            again = Reason.from_template(
                whole.rule, whole.met, template, tuple(args), whole.parameters
            )
            same = (again.text_zh, again.text_en) == (whole.text_zh, whole.text_en)
            if same and _json_equal(again.values, values):
                return again
        except (KeyError, TypeError, ValueError, IndexError, AttributeError):
            continue
    return whole


def _json_equal(a: Any, b: Any) -> bool:
    return bool(orjson.loads(orjson.dumps(a, default=_default)) == b)


def finding_from_full(d: Mapping[str, Any]) -> Finding:
    """A finding as an older record kept it, its reasons made from their templates where
    they render the same (``reason_from_full``)."""
    return Finding(
        Program(d["program"]),
        Status(d["status"]),
        None if d.get("monthly_yuan") is None else yuan_to_fen(d["monthly_yuan"]),
        None if d.get("one_off_yuan") is None else yuan_to_fen(d["one_off_yuan"]),
        tuple(d.get("members", ())),
        tuple(reason_from_full(r) for r in d.get("reasons", ())),
        tuple(MissingInfo(m["field"], m["text_zh"], m["text_en"]) for m in d.get("missing", ())),
    )
