"""Households as ready-to-bind rows: each table's values in column order, converted
exactly as SQLAlchemy binds them, with the sync metadata of a new row.

Pure (no connection, no I/O), so the rows of a large import can be prepared in a second
process while this one writes (see ``caseworker.importing``).
"""

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, NamedTuple

from sqlalchemy import Dialect, Table
from sqlalchemy.dialects.sqlite.pysqlite import SQLiteDialect_pysqlite
from sqlmodel import SQLModel

from caseworker.domain.records import Household
from caseworker.interchange.household_rows import TABLE_ORDER, household_rows
from caseworker.store.audit import Action, ChainPreparer
from caseworker.store.bulk import column_processor, row_converter
from caseworker.store.search import index_row
from caseworker.store.tables import SYNC_COLUMNS

TABLES: dict[str, Table] = {name: SQLModel.metadata.tables[name] for name in TABLE_ORDER}
# Content columns of each table, in table order (what ``household_rows`` fills).
CONTENT: dict[str, tuple[str, ...]] = {
    name: tuple(c.name for c in table.columns if c.name not in SYNC_COLUMNS)
    for name, table in TABLES.items()
}
# The columns a prepared row binds, in order: content, then the sync metadata.
COLUMNS: dict[str, tuple[str, ...]] = {name: (*CONTENT[name], *SYNC_COLUMNS) for name in TABLES}

Params = tuple[Any, ...]


class HouseholdKey(NamedTuple):
    """What the checks across a batch and the audit trail need to know of a household."""

    id: str
    village_code: str
    head_name: str | None
    members: tuple[tuple[str, str], ...]  # (name, ID number) of each member, in order

    @property
    def display_name(self) -> str:
        """The head's name, or the household id when it has no head."""
        return self.head_name if self.head_name is not None else self.id


def created_detail(h: HouseholdKey) -> dict[str, Any]:
    """What the audit trail says of a household an import created."""
    return {"village_code": h.village_code, "head": h.head_name, "members": len(h.members)}


def household_key(h: Household) -> HouseholdKey:
    """The key of a household."""
    head = h.head
    return HouseholdKey(
        h.id,
        h.village_code,
        head.name if head else None,
        tuple((m.name, m.id_number) for m in h.members),
    )


@dataclass(slots=True)
class PreparedRows:
    """The rows of some new households: per table, then their ``household_index`` rows,
    and their audit entries when the preparer was given the audit chain."""

    tables: dict[str, list[Params]] = field(default_factory=lambda: {n: [] for n in TABLE_ORDER})
    index: list[Params] = field(default_factory=list)
    keys: list[HouseholdKey] = field(default_factory=list)
    audit: list[Params] = field(default_factory=list)


def default_dialect() -> Dialect:
    """The dialect whose bind processors the store uses (SQLCipher's are SQLite's)."""
    return SQLiteDialect_pysqlite()


class RowPreparer:
    """Turns households into ``PreparedRows`` for one device at one moment; with an
    ``audit`` chain, also the audit entry that says each household was created."""

    def __init__(
        self,
        device_id: str,
        now: datetime,
        dialect: Dialect | None = None,
        *,
        audit: ChainPreparer | None = None,
    ) -> None:
        dialect = dialect or default_dialect()
        self.audit = audit
        self._convert: dict[str, Callable[[Mapping[str, Any]], Params]] = {
            name: row_converter(TABLES[name], CONTENT[name], dialect) for name in TABLE_ORDER
        }
        stamp = column_processor(TABLES["household"], "created_at", dialect)
        at = stamp(now) if stamp else now
        self._meta: Params = (at, at, device_id, 1)

    def prepare(self, households: Iterable[Household]) -> PreparedRows:
        """The rows of ``households``, all of them new to the store."""
        out = PreparedRows()
        tables, meta, convert = out.tables, self._meta, self._convert
        for h in households:
            for name, rows in household_rows(h).items():
                if rows:
                    to_params = convert[name]
                    tables[name].extend([to_params(row) + meta for row in rows])
            out.index.append(tuple(index_row(h).values()))
            out.keys.append(household_key(h))
        if self.audit is not None:
            out.audit = self.audit.prepare(
                (Action.CREATE, k.id, created_detail(k)) for k in out.keys
            )
        return out
