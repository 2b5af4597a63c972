"""Backups of the local store: daily automatic ones kept for two weeks, manual ones (to the
backups folder or a USB stick), and restoring one after checking it can be read.

A backup is a consistent copy made with SQLite's online backup API while the app runs; an
encrypted store gives an encrypted backup (same key), with a copy of the key file beside
it, which holds only wrapped keys. Each file is written under a temporary name and renamed
once complete and checked, so a backup stopped at any moment (the app closed, a power cut,
a full disk) leaves no file that looks like a backup and is not one.

The copy is made in steps and reports its progress to a callable that may raise to stop
it (the desktop app cancels a daily backup that is still running when it closes).
"""

import contextlib
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, Literal

from caseworker.store.db import Store, backup_file, connect_raw, sqlcipher_key

BACKUP_PREFIX = "caseworker-"
BACKUP_SUFFIX = ".db"
STAMP = "%Y%m%d-%H%M%S"
PARTIAL_SUFFIX = ".part"
# Backups of this many days (the days a backup was made on, so a laptop left off for a
# month does not lose its last backups on the first day back) are kept.
KEEP_DAYS = 14
# Pages copied between two progress reports: 256 pages are 1-4 MB, a fraction of a second.
STEP_PAGES = 256
# A temporary file this old was left by a backup that was stopped (power cut, crash).
STALE_PARTIAL = timedelta(hours=1)

Reason = Literal["unreadable", "damaged", "not_a_store", "missing"]
# (pages done, pages in all); may raise to stop the copy
CopyProgress = Callable[[int, int], None]


class BackupError(RuntimeError):
    """A backup could not be made or used (message in Chinese and English; ``reason``
    says which problem it was, for a message in the app's own words)."""

    def __init__(self, message: str, *, reason: Reason, path: Path) -> None:
        super().__init__(message)
        self.reason: Reason = reason
        self.path = path


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """A backup file: where, when it was made, its size (with its key file), and how
    many households it holds once it has been read through (None before)."""

    path: Path
    made_at: datetime
    size: int  # bytes
    households: int | None = None
    # The key it was read through with: not the store's for a backup made before the
    # password was changed (``caseworker.security.backup_keys``).
    key: bytes | None = field(default=None, repr=False, compare=False)


def backup_folder(store: Store) -> Path:
    """Where automatic backups of a store go: a folder beside it."""
    return store.path.with_name(store.path.name + ".backups")


def _keyfile_of(db: Path) -> Path:
    return db.with_name(db.name + ".keys")


def _partial(path: Path) -> Path:
    return path.with_name(path.name + PARTIAL_SUFFIX)


def _free_name(folder: Path, moment: datetime) -> Path:
    """A backup name for ``moment`` that is not taken (two backups in one second)."""
    stamp = moment.strftime(STAMP)
    target = folder / f"{BACKUP_PREFIX}{stamp}{BACKUP_SUFFIX}"
    number = 2
    while target.exists() or _partial(target).exists():
        target = folder / f"{BACKUP_PREFIX}{stamp}-{number}{BACKUP_SUFFIX}"
        number += 1
    return target


def copy_database(
    source: Path, target: Path, key: bytes | None, *, progress: CopyProgress | None = None
) -> None:
    """Copy a live database consistently into ``target`` (which must not exist), in steps
    of ``STEP_PAGES`` pages, calling ``progress`` after each; an exception raised by
    ``progress`` stops the copy and is raised here."""
    if progress is None:
        backup_file(source, target, key)
        return
    report = progress

    def step(_status: int, remaining: int, total: int) -> None:
        report(total - remaining, total)

    reader = connect_raw(source, key)
    try:
        writer = connect_raw(target, key)
        try:
            reader.backup(writer, pages=STEP_PAGES, progress=step)
        finally:
            writer.close()
    finally:
        reader.close()


def backup_now(
    store: Store,
    folder: Path | None = None,
    *,
    now: datetime | None = None,
    progress: CopyProgress | None = None,
) -> Path:
    """Copy the store (and its key file) into ``folder`` (the backups folder by default);
    the backup's path. See ``make_backup``."""
    return make_backup(store, folder, now=now, progress=progress).path


def make_backup(
    store: Store,
    folder: Path | None = None,
    *,
    now: datetime | None = None,
    progress: CopyProgress | None = None,
    stop: Callable[[], bool] | None = None,
) -> BackupInfo:
    """Copy the store (and its key file) into ``folder`` (the backups folder by default)
    and read the copy through; the backup made. Nothing named like a backup is left if
    anything goes wrong, ``progress`` raises to stop the copy, or ``stop`` turns True
    while the copy is read through."""
    folder = folder or backup_folder(store)
    folder.mkdir(parents=True, exist_ok=True)
    target = _free_name(folder, now or datetime.now())
    written = [_partial(target), _partial(_keyfile_of(target))]
    try:
        copy_database(store.path, written[0], store.key, progress=progress)
        checked = inspect_backup(written[0], store.key, stop=stop)
        if _keyfile_of(store.path).exists():
            shutil.copy2(_keyfile_of(store.path), written[1])
            written[1].replace(_keyfile_of(target))  # the key file first: never a backup
        written[0].replace(target)  # without the key file that opens it
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        _keyfile_of(target).unlink(missing_ok=True)
        raise
    return BackupInfo(target, made_at(target), _size(target), checked.households)


def inspect_backup(
    path: Path, key: bytes | None, *, stop: Callable[[], bool] | None = None
) -> BackupInfo:
    """Read a backup through (SQLite's integrity check) and count its households.

    Raises ``BackupError`` if it is missing, cannot be read (damaged, not a database, or
    another key), fails the check, or is not a store. ``stop`` returning True interrupts
    the check (raising ``sqlite3.OperationalError``)."""
    if not path.is_file():
        raise BackupError(
            f"找不到备份文件：{path} / no such backup file: {path}", reason="missing", path=path
        )
    try:
        conn = connect_raw(path, key)
        try:
            if stop is not None:
                conn.set_progress_handler(lambda: 1 if stop() else 0, 10_000)
            ok = conn.execute("PRAGMA integrity_check").fetchone()[0]
            if stop is not None and stop():
                raise sqlite3.OperationalError("interrupted")
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
            households = None
            if "household" in tables:
                households = conn.execute("SELECT COUNT(*) FROM household").fetchone()[0]
        finally:
            conn.close()
    except Exception as exc:  # sqlite3 / sqlcipher3 errors: not a readable store
        if stop is not None and stop():
            raise
        raise BackupError(
            f"备份文件无法读取（文件损坏或密钥不符）：{path} / the backup cannot be read "
            f"(damaged, or another key): {exc}",
            reason="unreadable",
            path=path,
        ) from exc
    if ok != "ok":
        raise BackupError(
            f"备份文件已损坏：{path} / the backup is damaged: {ok}", reason="damaged", path=path
        )
    if households is None:
        raise BackupError(
            f"这不是本程序的备份文件：{path} / not a Caseworker backup: {path}",
            reason="not_a_store",
            path=path,
        )
    return BackupInfo(path, made_at(path), _size(path), int(households), key)


def check_backup(path: Path, key: bytes | None) -> int:
    """Read a backup through: it must pass SQLite's integrity check. Its household count."""
    households = inspect_backup(path, key).households
    assert households is not None
    return households


def _size(path: Path) -> int:
    keys = _keyfile_of(path)
    return path.stat().st_size + (keys.stat().st_size if keys.exists() else 0)


def list_backups(folder: Path) -> list[Path]:
    """Backups in a folder, oldest first."""
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{BACKUP_PREFIX}*{BACKUP_SUFFIX}"), key=made_at)


def made_at(path: Path) -> datetime:
    """When a backup was made: from its name, else from the file's time."""
    stamp = path.name[len(BACKUP_PREFIX) : len(BACKUP_PREFIX) + len("20260101-000000")]
    try:
        return datetime.strptime(stamp, STAMP)
    except ValueError:
        return datetime.fromtimestamp(path.stat().st_mtime)


def last_backup(folder: Path) -> BackupInfo | None:
    """The newest backup in ``folder`` (not read through), or None."""
    for path in reversed(list_backups(folder)):
        with contextlib.suppress(OSError):  # removed meanwhile
            return BackupInfo(path, made_at(path), _size(path))
    return None


def daily_backup(
    store: Store,
    *,
    keep_days: int = KEEP_DAYS,
    now: datetime | None = None,
    progress: CopyProgress | None = None,
    stop: Callable[[], bool] | None = None,
) -> Path | None:
    """Make today's backup unless one was made today, then drop the backups of all but
    the ``keep_days`` latest days that have any (never today's). The backup made, or None.
    ``progress`` and ``stop`` stop it as in ``make_backup``."""
    now = now or datetime.now()
    folder = backup_folder(store)
    _remove_stale_partials(folder, now)
    existing = list_backups(folder)
    made = None
    if not existing or made_at(existing[-1]).date() < now.date():
        made = make_backup(store, folder, now=now, progress=progress, stop=stop).path
        existing.append(made)
    days: dict[date, list[Path]] = {}
    for path in existing:
        days.setdefault(made_at(path).date(), []).append(path)
    for day in sorted(days)[:-keep_days]:
        for old in days[day]:
            old.unlink(missing_ok=True)
            _keyfile_of(old).unlink(missing_ok=True)
    return made


def _remove_stale_partials(folder: Path, now: datetime) -> None:
    if not folder.is_dir():
        return
    for partial in folder.glob(f"{BACKUP_PREFIX}*{PARTIAL_SUFFIX}"):
        with contextlib.suppress(OSError):
            if now - datetime.fromtimestamp(partial.stat().st_mtime) > STALE_PARTIAL:
                partial.unlink()


def restore(backup: Path, db_path: Path, key: bytes | None) -> Path | None:
    """Replace the store at ``db_path`` with ``backup`` once the backup reads through.

    The store being replaced is kept beside it (``.replaced-<time>``): it may hold work the
    backup does not. Unsaved drafts (visit forms in progress) are carried over from it, so
    nothing typed is lost; and this laptop's outbox numbering continues after the highest
    number it used, so no change sent after the backup was made is ever numbered again
    (the county answers each number once). Returns that kept copy (None if there was no
    store). The store must be closed. On any error the store is as it was.
    """
    inspect_backup(backup, key)
    kept = None
    staged = db_path.with_name(db_path.name + ".restoring")
    staged.unlink(missing_ok=True)
    try:
        if db_path.exists():
            stamp = datetime.now().strftime(STAMP)
            kept = db_path.with_name(f"{db_path.name}.replaced-{stamp}")
            copy_database(db_path, _partial(kept), key)
            _partial(kept).replace(kept)
        shutil.copy2(backup, staged)
        if kept is not None:
            _carry_over(kept, staged, key)
    except BaseException:
        staged.unlink(missing_ok=True)
        if kept is not None:
            _partial(kept).unlink(missing_ok=True)
        raise
    for suffix in ("-wal", "-shm"):
        Path(str(db_path) + suffix).unlink(missing_ok=True)
    staged.replace(db_path)
    if _keyfile_of(backup).exists() and not _keyfile_of(db_path).exists():
        shutil.copy2(_keyfile_of(backup), _keyfile_of(db_path))
    return kept


def _columns(conn: Any, schema: str, table: str) -> list[str]:
    return [row[1] for row in conn.execute(f"PRAGMA {schema}.table_info({table})")]


def _carry_over(replaced: Path, restored: Path, key: bytes | None) -> None:
    """Copy into ``restored`` what must survive a restore from ``replaced``: its drafts
    (the newer copy of each wins) and its outbox numbering. Skipped for a table whose
    columns differ (a backup from before an upgrade: the drafts stay in the kept copy)."""
    conn = connect_raw(restored, key)
    try:
        if key is None:
            conn.execute("ATTACH DATABASE ? AS replaced", (str(replaced),))
        else:
            conn.execute("ATTACH DATABASE ? AS replaced KEY ?", (str(replaced), sqlcipher_key(key)))
        conn.execute("BEGIN")
        drafts = _columns(conn, "main", "draft")
        if drafts and drafts == _columns(conn, "replaced", "draft"):
            names = ", ".join(drafts)
            conn.execute(
                f"INSERT OR REPLACE INTO main.draft ({names}) SELECT {names} FROM replaced.draft"
            )
        theirs = {r[0] for r in conn.execute("SELECT name FROM replaced.sqlite_master")}
        ours = {r[0] for r in conn.execute("SELECT name FROM main.sqlite_master")}
        if {"sqlite_sequence", "outbox"} <= theirs & ours:
            used = conn.execute(
                "SELECT seq FROM replaced.sqlite_sequence WHERE name = 'outbox'"
            ).fetchone()
            if used is not None:
                _raise_sequence(conn, "outbox", int(used[0]))
        conn.execute("COMMIT")
    finally:
        conn.close()


def _raise_sequence(conn: Any, table: str, at_least: int) -> None:
    row = conn.execute("SELECT seq FROM main.sqlite_sequence WHERE name = ?", (table,)).fetchone()
    if row is None:
        conn.execute(
            "INSERT INTO main.sqlite_sequence (name, seq) VALUES (?, ?)", (table, at_least)
        )
    elif int(row[0]) < at_least:
        conn.execute("UPDATE main.sqlite_sequence SET seq = ? WHERE name = ?", (at_least, table))
