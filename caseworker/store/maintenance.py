"""The store's size on disk, and compacting it: superseded decision records deleted and
the free space given back to the disk (SQLite's VACUUM).

Screening keeps one decision record per household (and those a signed document names), and
SQLite reuses the pages freed by what it deletes, so the store does not grow run after run;
compacting returns the free pages to the disk, after an import was undone or many
households moved away. The date of the last compaction is kept in the store, for the
Settings page.
"""

from dataclasses import dataclass
from datetime import UTC, datetime

from caseworker.store.db import Store, write_setting
from caseworker.store.decisions import prune_superseded

COMPACTED_SETTING = "store.compacted_at"
# SQLite's write-ahead log and shared-memory files beside the store.
SIDECARS = ("-wal", "-shm")


@dataclass(frozen=True, slots=True)
class StoreSize:
    """How much disk the store takes (with its write-ahead log) and when it was last
    compacted (None: never)."""

    size: int
    compacted_at: datetime | None


def store_size(store: Store) -> StoreSize:
    """The store's size on disk now, and its last compaction."""
    files = [store.path, *(store.path.with_name(store.path.name + s) for s in SIDECARS)]
    size = sum(f.stat().st_size for f in files if f.exists())
    when = store.setting(COMPACTED_SETTING)
    return StoreSize(size, datetime.fromisoformat(when) if when else None)


def compact(store: Store) -> tuple[int, int]:
    """Delete superseded decision records, give free space back to the disk and note the
    time; the store's size before and after (bytes)."""
    before = store_size(store).size
    with store.begin() as conn:
        prune_superseded(conn)
        write_setting(conn, COMPACTED_SETTING, datetime.now(UTC).isoformat(timespec="seconds"))
    store.close()  # no pooled connection may hold the file while it is rewritten
    with store.raw() as conn:
        conn.execute("VACUUM")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return before, store_size(store).size
