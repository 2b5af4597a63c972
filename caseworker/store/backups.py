"""Backups of the local store: daily automatic ones kept for some days, manual ones to a
USB stick, and restoring one after checking it can be read.

A backup is a consistent copy made with SQLite's online backup API while the app runs; an
encrypted store gives an encrypted backup (same key), with a copy of the key file beside
it, which holds only wrapped keys.
"""

import shutil
from datetime import datetime, timedelta
from pathlib import Path

from caseworker.store.db import Store, backup_file, connect_raw

BACKUP_PREFIX = "caseworker-"
BACKUP_SUFFIX = ".db"
KEEP_DAYS = 14


class BackupError(RuntimeError):
    """A backup could not be made or used (message in Chinese and English)."""


def backup_folder(store: Store) -> Path:
    """Where automatic backups of a store go: a folder beside it."""
    return store.path.with_name(store.path.name + ".backups")


def _keyfile_of(db: Path) -> Path:
    return db.with_name(db.name + ".keys")


def backup_now(store: Store, folder: Path | None = None, *, now: datetime | None = None) -> Path:
    """Copy the store (and its key file) into ``folder``; the backup's path."""
    folder = folder or backup_folder(store)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = folder / f"{BACKUP_PREFIX}{stamp}{BACKUP_SUFFIX}"
    partial = target.with_name(target.name + ".part")
    partial.unlink(missing_ok=True)
    try:
        backup_file(store.path, partial, store.key)
        check_backup(partial, store.key)
    except Exception:
        partial.unlink(missing_ok=True)
        raise
    partial.replace(target)
    if _keyfile_of(store.path).exists():
        shutil.copy2(_keyfile_of(store.path), _keyfile_of(target))
    return target


def check_backup(path: Path, key: bytes | None) -> int:
    """Read a backup through: it must pass SQLite's integrity check. Its household count."""
    try:
        conn = connect_raw(path, key)
        try:
            ok = conn.execute("PRAGMA integrity_check").fetchone()[0]
            households = conn.execute("SELECT COUNT(*) FROM household").fetchone()[0]
        finally:
            conn.close()
    except Exception as exc:  # sqlite3 / sqlcipher3 errors: not a readable store
        raise BackupError(
            f"备份文件无法读取（文件损坏或密钥不符）：{path} / the backup cannot be read "
            f"(damaged, or another key): {exc}"
        ) from exc
    if ok != "ok":
        raise BackupError(f"备份文件已损坏：{path} / the backup is damaged: {ok}")
    return int(households)


def list_backups(folder: Path) -> list[Path]:
    """Backups in a folder, oldest first."""
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{BACKUP_PREFIX}*{BACKUP_SUFFIX}"))


def _made_at(path: Path) -> datetime:
    stamp = path.name[len(BACKUP_PREFIX) : -len(BACKUP_SUFFIX)]
    try:
        return datetime.strptime(stamp, "%Y%m%d-%H%M%S")
    except ValueError:
        return datetime.fromtimestamp(path.stat().st_mtime)


def daily_backup(
    store: Store, *, keep_days: int = KEEP_DAYS, now: datetime | None = None
) -> Path | None:
    """Make today's backup if the newest is a day old, then drop those older than
    ``keep_days`` (never the newest). The backup made, or None."""
    now = now or datetime.now()
    folder = backup_folder(store)
    existing = list_backups(folder)
    made = None
    if not existing or now - _made_at(existing[-1]) >= timedelta(days=1):
        made = backup_now(store, folder, now=now)
        existing.append(made)
    for old in existing[:-1]:
        if now - _made_at(old) > timedelta(days=keep_days):
            old.unlink(missing_ok=True)
            _keyfile_of(old).unlink(missing_ok=True)
    return made


def restore(backup: Path, db_path: Path, key: bytes | None) -> Path | None:
    """Replace the store at ``db_path`` with ``backup`` once the backup reads through.

    The store being replaced is kept beside it (``.replaced-<time>``): it may hold work the
    backup does not. Returns that kept copy (None if there was no store). The store must be
    closed.
    """
    check_backup(backup, key)
    kept = None
    if db_path.exists():
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        kept = db_path.with_name(f"{db_path.name}.replaced-{stamp}")
        backup_file(db_path, kept, key)
    staged = db_path.with_name(db_path.name + ".restoring")
    shutil.copy2(backup, staged)
    for suffix in ("-wal", "-shm"):
        Path(str(db_path) + suffix).unlink(missing_ok=True)
    staged.replace(db_path)
    if _keyfile_of(backup).exists() and not _keyfile_of(db_path).exists():
        shutil.copy2(_keyfile_of(backup), _keyfile_of(db_path))
    return kept
