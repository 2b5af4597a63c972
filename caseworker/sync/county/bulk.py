"""Writing many county rows with one statement per table (SQLite and PostgreSQL alike).

SQLAlchemy's ``insert()`` with a list of dicts processes every value of every row through
its statement machinery, which cost more than the database's own work in a push. Here each
column's bind processor is looked up once, JSON values are written as text by orjson, and
the driver's ``executemany`` gets plain tuples.
"""

import json
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import orjson
import sqlalchemy as sa
from sqlalchemy import Connection, Table


def json_text(value: Any, *, plain: bool = False) -> str:
    """The JSON text stored for ``value`` (what ``json.loads`` reads back as ``value``).

    ``plain`` says the value holds no floating-point numbers, and orjson writes it (it
    would write NaN and infinities as null). orjson refuses integers beyond 64 bits: the
    standard library writes those.
    """
    if plain:
        try:
            return orjson.dumps(value).decode("utf-8")
        except TypeError:  # orjson.JSONEncodeError: an integer too large, for instance
            pass
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _converter(conn: Connection, column: sa.Column[Any]) -> Callable[[Any], Any] | None:
    if isinstance(column.type, sa.JSON):
        return None  # given as text already (json_text)
    dialect = conn.dialect
    processor: Callable[[Any], Any] | None = column.type.dialect_impl(dialect).bind_processor(
        dialect
    )
    return processor


def insert_many(
    conn: Connection,
    table: Table,
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    constants: Mapping[str, Any] | None = None,
) -> None:
    """Insert ``rows`` (tuples of values in ``columns`` order) plus ``constants`` in every
    row. JSON columns take text (``json_text``)."""
    if not rows:
        return
    constants = constants or {}
    convert = [
        (index, converter)
        for index, name in enumerate(columns)
        if (converter := _converter(conn, table.c[name])) is not None
    ]
    fixed = tuple(
        value if value is None or (c := _converter(conn, table.c[name])) is None else c(value)
        for name, value in constants.items()
    )
    params: list[tuple[Any, ...]]
    if convert:
        params = []
        for row in rows:
            values = list(row)
            for index, converter in convert:
                if values[index] is not None:
                    values[index] = converter(values[index])
            params.append((*values, *fixed))
    else:
        params = [(*row, *fixed) for row in rows]
    names = [*columns, *constants]
    if conn.dialect.paramstyle == "qmark":
        marks = ["?"] * len(names)
    else:  # psycopg: JSON text is cast so PostgreSQL takes it for its json column
        marks = ["%s::json" if isinstance(table.c[n].type, sa.JSON) else "%s" for n in names]
    quoted = ", ".join(f'"{name}"' for name in names)
    sql = f'INSERT INTO "{table.name}" ({quoted}) VALUES ({", ".join(marks)})'
    conn.exec_driver_sql(sql, params)
