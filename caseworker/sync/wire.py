"""Rows on the wire: the JSON form of a store row, and the checks a row passes on arrival.

A wire row is a JSON object of a row's content columns (no sync metadata): dates as
``YYYY-MM-DD``, times as ISO 8601 with offset, binary data as base64, JSON columns as they
are, money as integer fen (the column's own unit). Both ends convert with the same column
types, so a row read back from the wire equals the row that was written.

``row_from_wire`` checks every value with the domain's parsers and names the table, row and
field of each refusal in Chinese and English; the server runs the household rules on the
assembled household afterwards.
"""

import base64
import binascii
import hashlib
from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import Any

import orjson
import sqlalchemy as sa
from sqlmodel import SQLModel

import caseworker.store.tables  # noqa: F401  (registers the tables on SQLModel.metadata)
from caseworker.domain.codes import (
    AssetKind,
    DibaoCategory,
    DisabilityType,
    EmergencyKind,
    Employment,
    ExpenseKind,
    Hukou,
    IncomeKind,
    LabelledCode,
    LaborCapacity,
    PoorStatus,
    Program,
    RegionLevel,
    Relation,
    Sex,
    Stage,
    SupporterInability,
    SupporterRelation,
    VisitPurpose,
)
from caseworker.domain.validation import (
    Collector,
    Problem,
    Where,
    missing,
    parse_bool,
    parse_code,
    parse_date,
    parse_datetime,
    parse_int,
    parse_region_code,
    parse_uuid,
)
from caseworker.interchange.household_rows import TABLE_ORDER, Row
from caseworker.interchange.jsontext import (
    canonical_json,
)

# Tables whose rows travel, parents before children.
SYNC_TABLES: tuple[str, ...] = (*TABLE_ORDER, "decision", "signature")
META_COLUMNS = frozenset({"id", "created_at", "updated_at", "device_id", "version"})
IMAGE_LIMIT = 2 * 1024 * 1024  # a signature image larger than this is not a signature
INT_LIMIT = 2**53  # integers JSON readers everywhere keep exactly

TABLES: dict[str, sa.Table] = {name: SQLModel.metadata.tables[name] for name in SYNC_TABLES}
CONTENT_COLUMNS: dict[str, tuple[str, ...]] = {
    name: tuple(c.name for c in table.columns if c.name not in META_COLUMNS)
    for name, table in TABLES.items()
}

# Columns that hold one of the domain's codes.
CODE_COLUMNS: dict[tuple[str, str], type[LabelledCode]] = {
    ("household", "hukou"): Hukou,
    ("household", "poor_status"): PoorStatus,
    ("household", "emergency_kind"): EmergencyKind,
    ("member", "sex"): Sex,
    ("member", "relation"): Relation,
    ("member", "labor_capacity"): LaborCapacity,
    ("member", "disability_type"): DisabilityType,
    ("member", "employment"): Employment,
    ("income", "kind"): IncomeKind,
    ("asset", "kind"): AssetKind,
    ("expense", "kind"): ExpenseKind,
    ("legal_supporter", "relation"): SupporterRelation,
    ("legal_supporter", "reason"): SupporterInability,
    ("benefit", "program"): Program,
    ("benefit", "category"): DibaoCategory,
    ("visit", "purpose"): VisitPurpose,
    ("application", "program"): Program,
    ("application", "stage"): Stage,
    ("application_stage", "stage"): Stage,
}
ID_COLUMNS = frozenset({"household_id", "member_id", "application_id", "document_id"})

TABLE_LABELS: dict[str, tuple[str, str]] = {
    "household": ("家庭", "household"),
    "member": ("家庭成员", "member"),
    "income": ("收入", "income"),
    "asset": ("财产", "asset"),
    "expense": ("支出", "expense"),
    "legal_supporter": ("法定赡养人", "legal supporter"),
    "benefit": ("享受待遇", "benefit"),
    "visit": ("入户调查记录", "visit"),
    "application": ("申请", "application"),
    "application_stage": ("办理环节", "stage entry"),
    "decision": ("审核结论", "decision"),
    "signature": ("签名", "signature"),
}

_ANY_DATE = parse_date()
_ANY_INT = parse_int(-INT_LIMIT, INT_LIMIT)
_VILLAGE = parse_region_code(RegionLevel.VILLAGE)


def sha256_of(value: Any, *, plain: bool = False) -> str:
    """SHA-256 (hex) of a JSON value's canonical text.

    ``plain`` says the value holds no floating-point numbers: orjson then writes exactly
    the canonical text (same escapes, same key order; ``tests/sync/test_wire.py``), several
    times faster. It spells some floats differently, and refuses integers beyond 64 bits
    (the standard library writes those).
    """
    if plain:
        try:
            return hashlib.sha256(orjson.dumps(value, option=orjson.OPT_SORT_KEYS)).hexdigest()
        except TypeError:  # orjson.JSONEncodeError
            pass
    return hashlib.sha256(canonical_json(value).encode("utf-8")).hexdigest()


def _to_wire_value(value: Any) -> Any:
    if isinstance(value, datetime):
        aware = value if value.tzinfo is not None else value.replace(tzinfo=UTC)
        return aware.astimezone(UTC).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bytes | bytearray | memoryview):
        return base64.b64encode(bytes(value)).decode("ascii")
    return value


def _needs_conversion(column: sa.Column[Any]) -> bool:
    column_type = column.type
    if isinstance(column_type, sa.TypeDecorator):
        column_type = column_type.impl_instance
    return isinstance(column_type, sa.Date | sa.DateTime | sa.LargeBinary)


# Per table: the content columns, and which of them need converting (dates, times, bytes).
_WIRE_PLAN: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    name: (
        CONTENT_COLUMNS[name],
        tuple(c for c in CONTENT_COLUMNS[name] if _needs_conversion(table.c[c])),
    )
    for name, table in TABLES.items()
}


def row_to_wire(table: str, row: Mapping[str, Any]) -> dict[str, Any]:
    """The wire form of a store row's content (sync metadata and id left out)."""
    columns, converted = _WIRE_PLAN[table]
    out = {name: row[name] for name in columns}
    for name in converted:
        value = out[name]
        if value is not None:
            out[name] = _to_wire_value(value)
    return out


def where_row(table: str, row_id: str) -> tuple[str, str]:
    """How a person reads "which row": e.g. 家庭成员 1a2b… / member 1a2b…."""
    zh, en = TABLE_LABELS.get(table, (table, table))
    return f"{zh}（{row_id[:8]}）", f"{en} ({row_id[:8]})"


def _text_parser(max_len: int | None) -> Any:
    def parse(value: Any) -> str:
        if not isinstance(value, str):
            raise Problem("type", "应为文字", "must be text")
        if max_len is not None and len(value) > max_len:
            raise Problem(
                "too_long",
                f"太长（最多{max_len}个字）",
                f"is too long (at most {max_len} characters)",
            )
        if any(ord(ch) < 32 and ch not in "\n\t\r" for ch in value):
            raise Problem("control_chars", "含有不可见的控制字符", "contains control characters")
        return value

    return parse


def _binary(value: Any) -> bytes:
    if not isinstance(value, str):
        raise Problem("type", "应为base64文字", "must be base64 text")
    try:
        data = base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise Problem("base64", "不是有效的base64数据", "is not valid base64") from exc
    if len(data) > IMAGE_LIMIT:
        raise Problem("too_large", "数据太大", f"is larger than {IMAGE_LIMIT} bytes")
    return data


def _json_value(value: Any) -> Any:
    if not isinstance(value, list | dict):
        raise Problem("type", "应为列表或对象", "must be a list or an object")
    return value


def _aware(value: Any) -> datetime:
    return parse_datetime(value).astimezone(UTC)


def _parser(table: str, column: sa.Column[Any]) -> Any:
    code = CODE_COLUMNS.get((table, column.name))
    if code is not None:
        return parse_code(code)
    if column.name in ID_COLUMNS:
        return parse_uuid
    if table == "household" and column.name == "village_code":
        return _VILLAGE
    column_type = column.type
    if isinstance(column_type, sa.TypeDecorator):
        column_type = column_type.impl_instance
    if isinstance(column_type, sa.Boolean):
        return parse_bool
    if isinstance(column_type, sa.Integer):
        return _ANY_INT
    if isinstance(column_type, sa.Date):
        return _ANY_DATE
    if isinstance(column_type, sa.DateTime):
        return _aware
    if isinstance(column_type, sa.LargeBinary):
        return _binary
    if isinstance(column_type, sa.JSON):
        return _json_value
    if isinstance(column_type, sa.String):
        return _text_parser(column_type.length)
    raise AssertionError(f"no wire parser for {table}.{column.name}")  # pragma: no cover


PARSERS: dict[str, dict[str, Any]] = {
    name: {c.name: _parser(name, c) for c in table.columns if c.name not in META_COLUMNS}
    for name, table in TABLES.items()
}


def row_from_wire(
    table: str, row_id: str, data: Any, *, complete: bool, collector: Collector
) -> Row | None:
    """Check a wire row and convert it to store values; errors go to ``collector``.

    ``complete`` rows (inserts) must carry every required column; a partial row (the
    fields of an update) only those it names.
    """
    zh, en = where_row(table, row_id)
    where = Where()
    if not isinstance(data, Mapping):
        error = where.error(None, Problem("type", "应为对象", "must be an object"))
        collector.errors.append(error.in_record(zh, en))
        return None
    before = len(collector.errors)
    parsers = PARSERS[table]
    columns = TABLES[table].c
    out: Row = {}
    for key, value in data.items():
        parse = parsers.get(key)
        if parse is None:
            collector.add(
                where.field(str(key)),
                None,
                Problem("unknown_field", "不是该记录的字段", "is not a field of this record"),
            )
            continue
        if value is None:
            if not columns[key].nullable:
                collector.add(where.field(key), None, missing())
            out[key] = None
            continue
        out[key] = collector.check(where, key, value, parse)
    if complete:
        for key in CONTENT_COLUMNS[table]:
            column = columns[key]
            if key not in data and not column.nullable and column.default is None:
                collector.add(where.field(key), None, missing())
    new_errors = collector.errors[before:]
    if new_errors:
        collector.errors[before:] = [e.in_record(zh, en) for e in new_errors]
        return None
    return out
