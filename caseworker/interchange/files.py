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
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from caseworker.domain.bulk import gc_paused
from caseworker.domain.codes import RegionLevel
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
from caseworker.interchange.household_format import household_to_dict, parse_household

EXPORT_FORMAT = "caseworker.households/1"
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


def read_text(path: Path) -> str:
    """The text of a household file (a UTF-8 byte-order mark is allowed).

    Decoded from its bytes in one go: reading in text mode spent 60% of a large file's
    time translating line ends, and JSON holds no raw line ends inside its strings.
    """
    return path.read_bytes().decode("utf-8-sig")


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
    with gc_paused():
        for index, item in enumerate(items):
            try:
                households.append(parse_household(item))
            except ValidationFailed as failed:
                zh, en = _record_words(index, len(items), item, source)
                errors.extend(e.in_record(zh, en) for e in failed.errors)
    if errors:
        raise ValidationFailed(errors)
    return HouseholdBatch(households=households, regions=regions)


def read_household_file(path: Path) -> HouseholdBatch:
    """Read and validate a household file; raise ValidationFailed naming file and field."""
    try:
        text = read_text(path)
    except (OSError, UnicodeDecodeError) as exc:
        raise _file_error(
            str(path), Problem("unreadable", f"无法读取文件（{exc}）", f"cannot be read ({exc})")
        ) from exc
    try:
        with gc_paused():
            data = load_json(text)
    except ValueError as exc:
        raise _file_error(
            str(path), Problem("json", f"不是有效的JSON（{exc}）", f"is not valid JSON ({exc})")
        ) from exc
    return parse_households(data, source=path.name)


def export_document(households: Iterable[Household], regions: Iterable[Region]) -> str:
    """The export text: regions and households, stable key order, Chinese left readable."""
    document = {
        "format": EXPORT_FORMAT,
        "regions": [
            {"code": r.code, "name": r.name, "level": r.level.value, "parent_code": r.parent_code}
            for r in regions
        ],
        "households": [household_to_dict(h) for h in households],
    }
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` so that the file is either complete or not there at all."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
