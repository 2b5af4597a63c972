"""Household files.

A file holds one household object, a JSON array of them, or an export document
``{"format": "caseworker.households/1", "regions": [...], "households": [...]}`` that also
carries the regions its households live in (so a file imports into an empty store).

Reading checks every household and reports every bad field with the file and household it
is in; writing is atomic (a temporary file renamed into place), so a failed export never
leaves half a file behind.
"""

import json
import os
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from caseworker.domain.bulk import gc_paused
from caseworker.domain.codes import RegionLevel
from caseworker.domain.procedure import deadline
from caseworker.domain.records import Household
from caseworker.domain.regions import Region, validate_regions
from caseworker.domain.validation import (
    Collector,
    FieldError,
    Problem,
    ValidationFailed,
    Where,
    parse_code,
    parse_text,
)
from caseworker.domain.workdays import OFFICIAL, WorkCalendar
from caseworker.interchange.household_format import household_to_dict, parse_household

EXPORT_FORMAT = "caseworker.households/1"
# A file with very many problems lists the first ones and says how many more there are
# (a file of two million numbers once printed two million lines).
MAX_LISTED = 100
_LEVEL = parse_code(RegionLevel)


@dataclass
class HouseholdBatch:
    """What a household file holds."""

    households: list[Household]
    regions: list[Region] = field(default_factory=list)


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed in a household file")


# JSON with exact numbers: a non-integer number becomes a Decimal, never a float.
DECODER = json.JSONDecoder(parse_float=Decimal, parse_constant=_reject_constant)


def load_json(text: str) -> Any:
    """JSON with exact numbers: a non-integer number becomes a Decimal, never a float."""
    return json.loads(text, parse_float=Decimal, parse_constant=_reject_constant)


def _file_error(source: str, problem: Problem) -> ValidationFailed:
    return ValidationFailed([Where().error(source, problem).in_record("文件", "file")])


def _record_words(index: int, total: int, data: Any, source: str) -> tuple[str, str]:
    head = ""
    members = data.get("members") if isinstance(data, Mapping) else None
    if isinstance(members, list):  # whatever the file holds: this only names the household
        for member in members:
            if isinstance(member, Mapping) and member.get("relation") == "head":
                head = str(member.get("name") or "")
                break
    who_zh = f"（户主{head}）" if head else ""
    who_en = f" (head {head})" if head else ""
    if total == 1:
        return f"{source}{who_zh}", f"{source}{who_en}"
    return f"{source} 第{index + 1}户{who_zh}", f"{source} household {index + 1}{who_en}"


def parse_regions(data: Any) -> list[Region]:
    """The regions of an export document (raises ValidationFailed naming each bad one)."""
    if not isinstance(data, list):
        raise ValidationFailed(
            [Where().field("regions").error(None, Problem("type", "应为列表", "must be a list"))]
        )
    collector = Collector()
    regions = []
    for index, item in enumerate(data):
        where = Where().item("regions", index)
        if not isinstance(item, Mapping) or set(item) - {"code", "name", "level", "parent_code"}:
            collector.add(where, None, Problem("type", "应为区划对象", "must be a region object"))
            continue
        level = collector.check(where, "level", item.get("level"), _LEVEL)
        name = collector.check(where, "name", item.get("name"), parse_text)
        code, parent = item.get("code"), item.get("parent_code")
        if level is not None and name is not None:
            regions.append(
                Region(
                    code if isinstance(code, str) else "",
                    name,
                    level,
                    parent if isinstance(parent, str) or parent is None else "",
                )
            )
    collector.raise_if_any()
    validate_regions(regions)
    return regions


def parse_households(data: Any, *, source: str = "") -> HouseholdBatch:
    """The households (and regions) of parsed JSON; every error names its household."""
    regions: list[Region] = []
    if isinstance(data, Mapping) and "households" in data:
        if data.get("format") != EXPORT_FORMAT or set(data) - {"format", "regions", "households"}:
            raise _file_error(
                source,
                Problem(
                    "format",
                    f"不是可识别的导出文件（format应为“{EXPORT_FORMAT}”）",
                    f'is not an export document (format must be "{EXPORT_FORMAT}")',
                ),
            )
        regions = parse_regions(data.get("regions") or [])
        data = data["households"]
    items = data if isinstance(data, list) else [data]
    households: list[Household] = []
    errors: list[FieldError] = []
    omitted = 0  # problems past the first MAX_LISTED: counted, not kept
    owners: dict[str, tuple[str, int]] = {}  # each record id: its household (id, index)
    with gc_paused():
        for index, item in enumerate(items):
            try:
                household = parse_household(item)
                _check_record_ids(household, index, owners)
                households.append(household)
            except ValidationFailed as failed:
                if len(errors) >= MAX_LISTED:
                    omitted += len(failed.errors)
                    continue
                zh, en = _record_words(index, len(items), item, source)
                errors.extend(e.in_record(zh, en) for e in failed.errors)
    if errors:
        raise ValidationFailed(errors[:MAX_LISTED], omitted + max(len(errors) - MAX_LISTED, 0))
    return HouseholdBatch(households=households, regions=regions)


def record_ids(h: Household) -> Iterator[tuple[str, str]]:
    """The id of every record of a household below the household itself, with the name of
    its list in the household format."""
    for m in h.members:
        yield m.id, "members"
        for income in m.incomes or ():
            yield income.id, "incomes"
    for key, records in (
        ("assets", h.assets or ()),
        ("expenses", h.expenses or ()),
        ("legal_supporters", h.legal_supporters or ()),
        ("benefits", h.benefits),
        ("visits", h.visits),
        ("applications", h.applications),
    ):
        for record in records:
            yield record.id, key
    for application in h.applications:
        for entry in application.history:
            yield entry.id, "history"


def _check_record_ids(h: Household, index: int, owners: dict[str, tuple[str, int]]) -> None:
    """Refuse a record id another household of the same file already uses (each id names
    one record; the store would refuse the second one half-way through). The same
    household given twice is the store's to refuse, with its own words."""
    errors = []
    for record_id, key in record_ids(h):
        owner, first = owners.setdefault(record_id, (h.id, index))
        if owner != h.id:
            errors.append(
                Where()
                .field(key)
                .error(
                    record_id,
                    Problem(
                        "duplicate_id",
                        f"记录编号与本文件第{first + 1}户中的一条记录相同",
                        f"is the id of a record of household {first + 1} of this file",
                    ),
                )
            )
    if errors:
        raise ValidationFailed(errors)


def read_household_file(path: Path) -> HouseholdBatch:
    """Read and validate a household file; raise ValidationFailed naming file and field."""
    if not path.is_file():  # a folder, a device such as /dev/zero, a missing file
        raise _file_error(
            path.name,
            Problem(
                "not_a_file", "不是一个文件（或文件不存在）", "is not a file (or is not there)"
            ),
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise _file_error(
            path.name, Problem("unreadable", "无法读取文件", f"cannot be read ({reason})")
        ) from exc
    text = _decoded(data, path.name)
    try:
        with gc_paused():
            parsed = load_json(text)
    except json.JSONDecodeError as exc:
        raise _file_error(path.name, _json_problem(exc)) from exc
    except RecursionError as exc:
        raise _file_error(
            path.name,
            Problem(
                "json", "嵌套层次太深，不是家庭数据文件", "is nested too deeply to be households"
            ),
        ) from exc
    except ValueError as exc:  # NaN, Infinity: not numbers a record may hold
        raise _file_error(
            path.name, Problem("json", "含有无效的数值（如NaN）", f"is not valid JSON ({exc})")
        ) from exc
    return parse_households(parsed, source=path.name)


def _decoded(data: bytes, source: str) -> str:
    """The file's text: UTF-8 (with or without a byte-order mark); a GBK (GB18030) file,
    as Excel and Notepad on Chinese Windows save them, is named as such, not guessed."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        try:
            data.decode("gb18030")
        except UnicodeDecodeError:
            problem = Problem(
                "encoding",
                f"不是UTF-8编码的文本（第{exc.start + 1}个字节无法识别）",
                f"is not UTF-8 text (byte {exc.start + 1} cannot be read)",
            )
        else:
            problem = Problem(
                "encoding",
                "文件是GBK（GB18030）编码，不是UTF-8：请“另存为”UTF-8编码后再导入",
                "is in GBK (GB18030), not UTF-8: save it as UTF-8 and import it again",
            )
        raise _file_error(source, problem) from exc


# The JSON parser's words for what it found, in Chinese.
_JSON_PROBLEMS = {
    "Invalid control character": "有不可见的控制字符",
    "Expecting value": "缺少值",
    "Expecting property name enclosed in double quotes": "键名应加英文双引号",
    "Expecting ',' delimiter": "缺少逗号",
    "Expecting ':' delimiter": "缺少冒号",
    "Unterminated string": "引号没有配对",
    "Extra data": "之后还有多余的内容",
}


def _json_problem(exc: json.JSONDecodeError) -> Problem:
    said = next((zh for en, zh in _JSON_PROBLEMS.items() if exc.msg.startswith(en)), "格式有误")
    return Problem(
        "json",
        f"不是有效的JSON：第{exc.lineno}行第{exc.colno}列{said}",
        f"is not valid JSON: {exc.msg.removesuffix(' at')} at line {exc.lineno}, "
        f"column {exc.colno}",
    )


def _with_due_dates(household: Household, calendar: WorkCalendar) -> dict[str, Any]:
    """The household as the format has it, each open application with its time limit."""
    data = household_to_dict(household)
    for application, written in zip(household.applications, data["applications"], strict=True):
        limit = deadline(application, application.applied_on, calendar)
        if limit is not None:
            written["due_on"] = limit.due.isoformat()
            written["due_on_estimated"] = limit.estimated
    return data


def export_document(
    households: Iterable[Household], regions: Iterable[Region], calendar: WorkCalendar = OFFICIAL
) -> str:
    """The export text: regions and households, stable key order, Chinese left readable;
    open applications say when their time limit ends (``due_on``, counted on ``calendar``)."""
    return "".join(export_pieces(households, regions, calendar))


def export_pieces(
    households: Iterable[Household], regions: Iterable[Region], calendar: WorkCalendar = OFFICIAL
) -> Iterator[str]:
    """The export text in pieces, one household at a time: exactly the text of
    ``json.dumps`` of the whole document with one space of indent, without ever holding
    every household, or the whole text, at once."""
    head = json.dumps(
        {
            "format": EXPORT_FORMAT,
            "regions": [
                {
                    "code": r.code,
                    "name": r.name,
                    "level": r.level.value,
                    "parent_code": r.parent_code,
                }
                for r in regions
            ],
        },
        ensure_ascii=False,
        indent=1,
    )
    yield head[: -len("\n}")] + ',\n "households": ['
    # Each household is an item of a list two levels deep: its lines are indented by two
    # spaces more than on their own (no JSON string holds a raw line break).
    separator = "\n  "
    for h in households:
        text = json.dumps(_with_due_dates(h, calendar), ensure_ascii=False, indent=1)
        yield separator + text.replace("\n", "\n  ")
        separator = ",\n  "
    yield "]\n}\n" if separator == "\n  " else "\n ]\n}\n"


def write_atomically(path: Path, text: str | bytes | Iterable[str]) -> None:
    """Write ``text`` (or bytes, or text in pieces) to ``path`` so that the file is either
    complete or not there at all."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with (
            os.fdopen(fd, "wb") if isinstance(text, bytes) else os.fdopen(fd, "w", encoding="utf-8")
        ) as out:
            if isinstance(text, str | bytes):
                out.write(text)  # type: ignore[arg-type]
            else:
                for piece in text:
                    out.write(piece)  # type: ignore[arg-type]
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
