"""Writing into a store opened at an earlier schema revision, as upgrade tests need.

Today's write path names every column of today's tables; a store opened at an earlier
revision (``open_store(path, revision=...)``) lacks the columns added since. Inside
``later_columns`` they exist (nullable, so the households written leave them null); after
it they are dropped again, and the file is as that revision left it.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace

from sqlmodel import SQLModel

from caseworker.domain.records import Household
from caseworker.store.db import Store


@contextmanager
def later_columns(store: Store) -> Iterator[None]:
    """Today's columns that the store's tables lack, there while the block runs."""
    added: list[tuple[str, str]] = []
    with store.begin() as conn:
        for name, table in SQLModel.metadata.tables.items():
            have = {row[1] for row in conn.exec_driver_sql(f'PRAGMA table_info("{name}")')}
            if not have:
                continue  # a table of a later revision: today's code skips it
            for column in table.columns:
                if column.name not in have:
                    kind = column.type.compile(conn.dialect)
                    conn.exec_driver_sql(f'ALTER TABLE "{name}" ADD COLUMN "{column.name}" {kind}')
                    added.append((name, column.name))
    try:
        yield
    finally:
        with store.begin() as conn:
            for name, column_name in reversed(added):
                conn.exec_driver_sql(f'ALTER TABLE "{name}" DROP COLUMN "{column_name}"')


def as_kept_before_payments(h: Household) -> Household:
    """A household as a store before revision 0014 could keep it: no account, and its
    benefits without certificate numbers or members covered (their columns are dropped
    after ``later_columns``, so a household written with them would not read back)."""
    benefits = [replace(b, certificate_number="", covered_members=None) for b in h.benefits]
    return replace(h, payment=None, benefits=benefits)
