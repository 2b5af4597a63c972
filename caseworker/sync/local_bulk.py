"""Households that arrive from the county for the first time, stored in bulk.

A township laptop's first sync brings thousands of households it has never held: nothing
to merge, so their rows are checked like any row from the county and written with one
statement per table, their agreed copies and search index entries likewise. Households the
laptop already holds (or once held) go through the per-field merge in ``local_apply``.
"""

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection

from caseworker.domain.records import Household
from caseworker.interchange.household_assembly import assemble_household
from caseworker.interchange.household_rows import TABLE_ORDER
from caseworker.store.bulk import bulk_insert
from caseworker.store.households import load_household
from caseworker.store.search import index_new_households
from caseworker.store.tables import SYNC_BASE
from caseworker.sync.answers import save_conflicts
from caseworker.sync.local_rows import parse_time, to_store_values
from caseworker.sync.schemas import HouseholdBundle
from caseworker.sync.wire import SYNC_TABLES, TABLES


def _order_key(table: str, row: dict[str, Any]) -> tuple[Any, ...]:
    if table == "visit":
        return (row["date"], row["id"])
    if table == "application_stage":
        return (row["application_id"], row["position"])
    return (row["position"], row["id"])


def _household(
    conn: Connection, household_id: str, parsed: dict[str, list[dict[str, Any]]]
) -> Household | None:
    """The household as stored, for its search index entry (from the values in hand)."""
    try:
        [head] = parsed["household"]
        children = {
            table: sorted(parsed[table], key=lambda r, t=table: _order_key(t, r))  # type: ignore[misc]
            for table in TABLE_ORDER[1:]
        }
        return assemble_household(head, children)
    except (KeyError, ValueError, TypeError):  # an odd row: read it back instead
        return load_household(conn, household_id)


def insert_new(conn: Connection, bundles: Sequence[HouseholdBundle]) -> None:
    """Store households this laptop has never held (inside the caller's savepoint: a
    uniqueness clash raises IntegrityError and the caller takes them one by one)."""
    # Rows grouped by table and by the columns they carry (the county sends whole rows,
    # so normally one group per table).
    groups: dict[tuple[str, tuple[str, ...]], list[dict[str, Any]]] = {}
    bases: list[dict[str, Any]] = []
    households: list[Household] = []
    for bundle in bundles:
        agreed: dict[str, dict[str, Any]] = {}
        parsed: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLE_ORDER}
        for table, rows in bundle.rows.items():
            for r in rows:
                values = to_store_values(table, r.id, r.data)
                agreed.setdefault(table, {})[r.id] = r.data
                if table in parsed:
                    parsed[table].append({**values, "id": r.id})
                row = {
                    **values,
                    "id": r.id,
                    "version": r.version,
                    "created_at": parse_time(r.created_at),
                    "updated_at": parse_time(r.updated_at),
                    "device_id": r.device_id,
                }
                groups.setdefault((table, tuple(row)), []).append(row)
        bases.append({"household_id": bundle.id, "server_seq": bundle.seq, "data": agreed})
        household = _household(conn, bundle.id, parsed)
        if household is not None:
            households.append(household)
    for name in SYNC_TABLES:  # parents before children
        for (table, _columns), group in groups.items():
            if table == name:
                bulk_insert(conn, TABLES[name], group)
    bulk_insert(conn, SYNC_BASE, bases)
    for bundle in bundles:
        if bundle.conflicts:
            save_conflicts(conn, bundle.conflicts)
    index_new_households(conn, households)
